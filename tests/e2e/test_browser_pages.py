"""Every page of the built site, in a real browser, at the root and under a sub-path."""

from pathlib import Path

import pytest

from tests.e2e.conftest import site_pages
from tests.e2e.helpers import wait_ready

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LINK_CONTRACT = [
    line.strip() for line in (ROOT / "tests" / "link_contract.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def test_every_page_stays_on_the_site_without_console_errors(browser, site_dir, watch, root_server):
    """At the site's root, each page loads with zero requests outside the site and no console error.

    The same is checked under the sub-path /guide/ while axe-core visits every
    page (tests/e2e/test_browser_accessibility.py), so each page loads once per place.
    """
    server = root_server
    context = browser.new_context()
    try:
        page = context.new_page()
        watched = watch(page, server.base)
        pages = site_pages(site_dir)
        assert "quiz/" in pages
        widgets = []
        for url in pages:
            page.goto(server.url(url))
            if page.locator("[data-widget-page]").count():
                widgets.append(url)
                wait_ready(page)
            assert watched.outside == [], url
            assert watched.errors == [], url
        assert "quiz/" in widgets
    finally:
        context.close()


def test_pages_without_a_widget_load_no_interpreter(context, guide_server, watch):
    """A page without the widget template downloads neither PyScript nor an interpreter."""
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(guide_server.url("framework/"))
    page.wait_for_load_state("networkidle")  # every request the page makes, scripts' included, has ended
    assert not [url for url in requested if "/assets/runtime/" in url]
    assert page.locator("mpy-config, py-config").count() == 0


def test_link_contract_urls_open_on_their_target(context, guide_server):
    """Every URL of tests/link_contract.txt opens, under the sub-path, with its target element present."""
    page = context.new_page()
    missing = []
    for line in LINK_CONTRACT:
        anchor = line.partition("#")[2]
        response = page.goto(guide_server.url(line))
        if response is not None and not response.ok:
            missing.append(line)
            continue
        if anchor and not page.evaluate("id => document.getElementById(id) !== null", anchor):
            missing.append(line)
    assert missing == []
