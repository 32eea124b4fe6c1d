"""Fixtures for the browser tests: built sites, local static servers, one Chromium per session.

- `site_dir` (tests/conftest.py, shared with tests/built_site): the MicroPython site (`tests/support/site.py`: `$SITE_DIR`, else a
  strict build once per session); `pyodide_site_dir`: the same checkout built
  with `WIDGET_INTERPRETER=pyodide` into a temporary folder, once per session
  (or `$PYODIDE_SITE_DIR`, built beforehand).
- `root_server` serves the MicroPython site at `/`, `guide_server` under the
  sub-path `/guide/` (nothing answers outside it), `pyodide_server` the
  Pyodide site under `/guide/`. Each is Python's `http.server` on 127.0.0.1 in
  a thread. The sitemap, whose URLs Material's instant navigation matches
  links against, is served with the site URL it was built for replaced by the
  server's address: what publishing at `site_url` gives.
- `browser`: Debian's Chromium, headless, with a fresh profile, once per session
  (launched by tests/support/browser.py, the one place that knows its flags).
- `sized_page`: a fresh page at a phone's (390 px) and at a desktop's
  (1280 px) size: a test that takes it runs at both.
- `watch(page, base)`: records the requests that leave the site and the
  console errors of a page.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.e2e.helpers import APP_TIMEOUT_MS, MARGIN_MS, READY, SETTLED  # noqa: F401  (older tests import them here)
from tests.support import browser as chromium
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: F401  (likewise)
from tests.support.server import SiteServer
from tests.support.site import ROOT, build_site
from tests.support.viewport import WIDTHS

READY_TIMEOUT = {name: timeout + MARGIN_MS for name, timeout in APP_TIMEOUT_MS.items()}
"""How long to wait for a widget to settle: the app's own timeout and a margin (see tests/e2e/helpers.py)."""


# -- sites --------------------------------------------------------------------


@pytest.fixture(scope="session")
def pyodide_site_dir() -> Path:
    """The same checkout built with `WIDGET_INTERPRETER=pyodide`, once per session."""
    given = os.environ.get("PYODIDE_SITE_DIR")
    if given:
        yield Path(given).resolve()
        return
    folder = Path(tempfile.mkdtemp(prefix="decision-guide-pyodide-"))
    saved = os.environ.get("WIDGET_INTERPRETER")
    os.environ["WIDGET_INTERPRETER"] = "pyodide"
    try:
        build_site(folder / "site")
    finally:
        if saved is None:
            del os.environ["WIDGET_INTERPRETER"]
        else:
            os.environ["WIDGET_INTERPRETER"] = saved
    yield folder / "site"
    shutil.rmtree(folder, ignore_errors=True)


def site_pages(site: Path) -> "list[str]":
    """Every page of a built site, as a site-relative URL (`""`, `framework/`...)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


# -- servers ------------------------------------------------------------------


def _served(site_fixture: str, prefix: str, name: str, doc: str):
    """A session fixture `name`: the site of `site_fixture` served under `prefix` until the session ends."""

    @pytest.fixture(scope="session", name=name)
    def server(request):
        with SiteServer(request.getfixturevalue(site_fixture), prefix) as served:
            yield served

    server.__doc__ = doc
    return server


root_server = _served("site_dir", "/", "root_server", "The MicroPython site at the root of a local server.")
guide_server = _served("site_dir", "/guide/", "guide_server", "The MicroPython site under the sub-path `/guide/`.")
pyodide_server = _served("pyodide_site_dir", "/guide/", "pyodide_server", "The Pyodide site under `/guide/`.")


# -- the browser --------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    if not chromium.available():
        pytest.skip("Debian's chromium is not installed (make setup)")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    """Headless Chromium, launched once per session with a fresh profile."""
    launched = chromium.launch(playwright_instance)
    yield launched
    launched.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (own cache and storage) for one test."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="module")
def warm_context(browser):
    """A browser context shared by a module's tests: its HTTP cache stays warm between them."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(params=sorted(WIDTHS))
def sized_page(request, browser):
    """A fresh page at a phone's (390 px) or a desktop's (1280 px) size; `page.width_name` says which."""
    context = browser.new_context(viewport=WIDTHS[request.param])
    page = context.new_page()
    page.width_name = request.param
    yield page
    context.close()


class Watch:
    """What a page did that it should not: requests outside the site, console errors."""

    def __init__(self, page, base: str) -> None:
        self.base = base
        self.origin = base.split("/", 3)[:3]
        self.outside: "list[str]" = []
        self.errors: "list[str]" = []
        page.on("request", self._request)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append("page error: %s" % error))

    def _request(self, request):
        url = request.url
        if url.startswith(self.base) or url.startswith("data:"):
            return
        if url.startswith("blob:" + "/".join(self.origin) + "/"):  # made by the page itself
            return
        self.outside.append(url)

    def _console(self, message):
        if message.type == "error":
            self.errors.append("console: %s" % message.text)

    def clear(self) -> None:
        self.outside.clear()
        self.errors.clear()

    def assert_clean(self) -> None:
        assert self.outside == [], "requests outside the site"
        assert self.errors == [], "console errors"


@pytest.fixture
def watch():
    """`watch(page, base)` starts recording a page's stray requests and console errors."""
    return Watch


# -- expected answers ---------------------------------------------------------

SCENARIOS = json.loads((ROOT / "scenarios" / "public.json").read_text(encoding="utf-8"))
"""The public client scenarios."""

ANSWERABLE = [case for case in SCENARIOS if case["expected"] != "error"]
"""The public scenarios the quiz can answer."""


@pytest.fixture(scope="session")
def cli_choices() -> "dict[str, str]":
    """The choice `python3 -m decision_core recommend` prints for each answerable public scenario."""
    choices = {}
    for case in ANSWERABLE:
        result = subprocess.run(
            [sys.executable, "-m", "decision_core", "recommend"], cwd=ROOT,
            input=json.dumps(case["answers"]), capture_output=True, text=True, check=True,
        )
        choices[case["id"]] = json.loads(result.stdout)["choice"]
    return choices
