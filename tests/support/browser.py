"""Run a check in headless Chromium, in a thread of its own.

    from tests.support.browser import in_chromium

    def check(page):
        page.goto(url)
        assert ...

    in_chromium(check, java_script_enabled=False)

Playwright's sync API allows one running instance per thread, and the browser
tests in tests/e2e keep one open for the whole session. Starting this one in a
separate thread lets tests elsewhere use a browser in the same pytest session
without depending on those fixtures. Each call starts and stops its own
Chromium (Debian's, headless, fresh profile); an exception in the check,
including a failed assertion, is raised again in the caller's thread.
"""

import threading

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium (`make setup`); Playwright cannot download browsers here."""

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def in_chromium(check, **context_options):
    """Call `check(page)` with a new page of a fresh headless Chromium and return its result.

    Args:
        check: A function of a Playwright `Page`.
        **context_options: For `Browser.new_context`, e.g. `java_script_enabled=False`,
            `viewport={"width": 390, "height": 844}`, `permissions=[...]`.

    Returns:
        What `check` returned.

    Raises:
        BaseException: Whatever `check` (or starting the browser) raised.
    """
    outcome = {}

    def run():
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    context = browser.new_context(**context_options)
                    outcome["value"] = check(context.new_page())
                finally:
                    browser.close()
        except BaseException as error:  # Handed to the caller's thread below.
            outcome["error"] = error

    thread = threading.Thread(target=run, name="in-chromium")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
