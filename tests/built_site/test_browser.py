"""My pages in headless Chromium: the copy-link buttons, and the decision table without scripts."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from decision_core.framework.rules import CRITERIA
from tests.support.browser import CHROMIUM, in_chromium

pytestmark = [
    pytest.mark.site,
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make setup)"),
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def server(site_dir: Path):
    """The built site on a free port of 127.0.0.1, in a thread."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d/" % httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_copy_button_copies_the_absolute_link_and_says_so(server: str):
    """The button copies the section's absolute URL and announces "Link copied" politely."""

    def check(page):
        page.goto(server + "basics/")
        page.goto(server + "consultants/")
        button = page.locator("button[data-copy-url$='#q3-labelled-data']")
        button.wait_for(state="visible")
        button.click()
        page.wait_for_function("document.querySelector('.copy-link__status').textContent === 'Link copied'")
        assert page.locator(".copy-link__status").get_attribute("role") == "status"
        assert page.evaluate("navigator.clipboard.readText()") == button.get_attribute("data-copy-url")

    in_chromium(check, viewport={"width": 390, "height": 844}, permissions=["clipboard-read", "clipboard-write"])


def test_without_javascript_the_link_is_there_and_no_dead_button(server: str):
    """With scripts off, each address is visible text and the copy buttons stay hidden."""

    def check(page):
        page.goto(server + "consultants/")
        assert page.locator("button.section-link__copy:visible").count() == 0
        assert page.locator(".section-link__url code").first.is_visible()

    in_chromium(check, java_script_enabled=False)


def test_decision_table_reads_fully_without_javascript(server: str):
    """With scripts off every row is visible, its checkbox disabled, and no invitation to tick is shown."""

    def check(page):
        page.goto(server + "decision-table/")
        boxes = page.locator("input[name=criterion]")
        assert boxes.count() == len(CRITERIA)
        assert all(boxes.nth(i).is_disabled() for i in range(boxes.count()))
        assert page.locator("label[for='crit-%s']" % CRITERIA[0].id).is_visible()
        assert not page.locator(".live-table__hint").is_visible()

    in_chromium(check, java_script_enabled=False, viewport={"width": 390, "height": 844})
