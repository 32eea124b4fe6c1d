"""When the widget runtime itself fails: the page says so where the widget is, with a retry, and stays readable."""

import re

import pytest

from tests.e2e.helpers import wait_error, wait_ready

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
    wait_ready(page)


def test_without_scripts_no_loading_line_is_shown(browser, guide_server):
    """A reader without JavaScript sees the static content and the no-script note, never a loading line."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(guide_server.url("quiz/"))
    assert page.locator("[data-widget-status]").first.text_content() == ""
    assert page.locator("[data-widget-status]").first.is_hidden()
    context.close()


@pytest.mark.parametrize("folder, file", [("micropython", "micropython.mjs"), ("pyscript", "core.js")])
def test_a_corrupt_runtime_file_is_reported_at_once_not_after_the_timeout(context, guide_server, folder, file):
    """A corrupt interpreter or PyScript file ends in the error state without waiting for the 20 s timeout."""
    page = context.new_page()
    page.clock.install()
    # Runtime files sit in folders named by their content: assets/runtime/<folder>/<hash>/<file>.
    page.route(re.compile(r".*/assets/runtime/%s/[0-9a-f]+/%s$" % (folder, re.escape(file))),
               lambda route: route.fulfill(status=200, content_type="text/javascript", body="export const = ;"))
    page.goto(guide_server.url("quiz/"))
    page.wait_for_selector("[data-widget=quiz][data-state=error]", timeout=10_000)
    assert "did not load" in page.text_content("[data-widget=quiz] [data-widget-status]")


@pytest.mark.parametrize("width", [390, 1280])
def test_after_a_failure_the_result_panel_says_no_result_will_come(browser, guide_server, width):
    """Where the result would appear, a failed runtime is explained with links to the same advice by hand."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.route(re.compile(r".*/assets/runtime/micropython/.*\.(mjs|wasm)$"), _blocked)
    page.goto(guide_server.url("quiz/"))
    wait_error(page, "[data-widget=quiz][data-state=error]")
    unavailable = page.locator("[data-quiz-unavailable]")
    assert unavailable.is_visible()
    assert "could not start" in unavailable.text_content()
    assert page.locator("[data-quiz-unavailable] a[href*='framework/']").count() == 1
    assert page.locator("[data-quiz-unavailable] a[href*='decision-table/']").count() == 1
    assert page.locator("[data-quiz-progress]").is_hidden()
    assert page.locator(".quiz-result__waiting").is_hidden()
    context.close()
