"""When the widget runtime itself fails: the page says so where the widget is, with a retry, and stays readable."""

import re

import pytest

pytestmark = pytest.mark.browser

LOADER = re.compile(r".*/assets/widgets/runtime\.js$")
WIDGET_PAGES = ("quiz/", "calculator/", "decision-table/")


def _blocked(route):
    route.abort()


def _not_found(route):
    route.fulfill(status=404, body="not found")


def _server_error(route):
    route.fulfill(status=500, body="oops")


def _corrupt(route):
    route.fulfill(status=200, content_type="text/javascript", body="(function () { this is not JavaScript")


@pytest.mark.parametrize("failure", [_blocked, _not_found, _server_error, _corrupt],
                         ids=["blocked", "404", "500", "corrupt"])
@pytest.mark.parametrize("path", WIDGET_PAGES)
def test_a_loader_that_never_runs_ends_in_an_error_with_a_retry(context, guide_server, failure, path):
    """Without runtime.js, the widget first says it is loading, then, after the grace period, an error and Retry."""
    page = context.new_page()
    page.clock.install()
    page.route(LOADER, failure)
    page.goto(guide_server.url(path))
    status = page.locator("[data-widget] [data-widget-status]").first
    assert status.text_content().startswith("Loading the interactive part")
    page.clock.run_for(16_000)
    page.wait_for_selector("[data-widget][data-state=error]", timeout=5_000)
    assert "could not load" in status.text_content()
    retry = page.locator("[data-widget] [data-widget-retry]").first
    assert retry.is_visible()
    page.unroute(LOADER)
    retry.click()
    page.wait_for_selector("[data-widget][data-state=ready]", timeout=20_000)


def test_without_scripts_no_loading_line_is_shown(browser, guide_server):
    """A reader without JavaScript sees the static content and the no-script note, never a loading line."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(guide_server.url("quiz/"))
    assert page.locator("[data-widget-status]").first.text_content() == ""
    assert page.locator("[data-widget-status]").first.is_hidden()
    context.close()


@pytest.mark.parametrize("file", ["micropython/micropython.mjs", "pyscript/core.js"])
def test_a_corrupt_runtime_file_is_reported_at_once_not_after_the_timeout(context, guide_server, file):
    """A corrupt interpreter or PyScript file ends in the error state without waiting for the 20 s timeout."""
    page = context.new_page()
    page.clock.install()
    page.route(re.compile(r".*/assets/runtime/" + re.escape(file) + "$"),
               lambda route: route.fulfill(status=200, content_type="text/javascript", body="export const = ;"))
    page.goto(guide_server.url("quiz/"))
    page.wait_for_selector("[data-widget=quiz][data-state=error]", timeout=10_000)
    assert "did not load" in page.text_content("[data-widget=quiz] [data-widget-status]")
