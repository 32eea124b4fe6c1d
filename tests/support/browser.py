"""Headless Chromium for tests, benchmarks and scripts: the one place that knows the executable and its flags.

    from tests.support.browser import chromium

    with chromium() as browser:              # Debian's Chromium, headless, fresh profile
        page = browser.new_page(viewport={"width": 390, "height": 844})

The browser tests take the session-wide `browser` fixture (tests/e2e/conftest.py),
which launches through `launch`, as bench/run.py does; scripts/ use `chromium()`.
`in_chromium(check)` runs a check in a thread of its own, for code that already
has a Playwright instance in its thread.
"""

import contextlib
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium (`make setup`); Playwright cannot download browsers here."""

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
"""Headless, no sandbox (containers), and no request of the browser's own (updates, sync, QUIC probes)."""


def available() -> bool:
    """Whether Debian's Chromium is installed."""
    return Path(CHROMIUM).exists()


def launch(playwright):
    """Launch Chromium with the project's executable and flags from a Playwright instance."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextlib.contextmanager
def chromium():
    """A fresh headless Chromium for the `with` block (its own Playwright instance), closed after it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


def in_chromium(check, **context_options):
    """Call `check(page)` with a new page of a fresh Chromium, in a thread of its own, and return its result.

    Playwright's sync API allows one instance per thread; the thread lets a
    caller that already has one (the session's `browser` fixture) start another.

    Args:
        check: A function of a Playwright `Page`.
        **context_options: For `Browser.new_context`, e.g. `java_script_enabled=False`.

    Returns:
        What `check` returned.

    Raises:
        BaseException: Whatever `check` (or starting the browser) raised, in the caller's thread.
    """
    outcome = {}

    def run():
        try:
            with chromium() as browser:
                outcome["value"] = check(browser.new_context(**context_options).new_page())
        except BaseException as error:  # Handed to the caller's thread below.
            outcome["error"] = error

    thread = threading.Thread(target=run, name="in-chromium")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
