"""The live decision table: the site's static table, made interactive once Python is ready."""

import pytest

from tests.e2e.helpers import wait_error, wait_ready

pytestmark = pytest.mark.browser


def test_ticking_rows_updates_the_tally_and_the_leader(context, guide_server, watch):
    """Checkboxes are enabled when Python is ready; ticks update the counts, the verdict and the highlight."""
    page = context.new_page()
    watched = watch(page, guide_server.base)
    page.goto(guide_server.url("decision-table/"))
    if page.locator("[data-widget-page]").count() == 0:
        pytest.skip("decision-table.md does not use template: widget.html")
    wait_ready(page)
    assert page.locator("input[name=criterion]:disabled").count() == 0
    page.focus("#crit-rag-citations")
    page.keyboard.press("Space")
    page.check("#crit-rag-knowledge-changes")
    page.check("#crit-ft-style-tone")
    assert page.text_content("output[data-outcome=rag]") == "2"
    assert page.text_content("output[data-outcome=fine-tuning]") == "1"
    assert page.text_content("output[data-outcome=both]") == "0"
    assert page.get_attribute("[data-widget=decision-table]", "data-leader") == "rag"
    assert "live-table__leader" in page.get_attribute("output[data-outcome=rag]", "class")
    assert page.text_content(".live-table__verdict").strip() != ""
    page.check("#crit-ft-high-volume")
    assert page.get_attribute("[data-widget=decision-table]", "data-leader") is None
    watched.assert_clean()


def test_table_is_static_html_before_python(context, guide_server):
    """Blocked interpreter: the table is still there, its boxes stay disabled, and the page says why."""
    page = context.new_page()
    page.route("**/assets/runtime/micropython/**", lambda route: route.abort())
    page.goto(guide_server.url("decision-table/"))
    if page.locator("[data-widget-page]").count() == 0:
        pytest.skip("decision-table.md does not use template: widget.html")
    wait_error(page, "[data-widget=decision-table][data-state=error]")
    assert page.locator("input[name=criterion]").count() == 13
    assert page.locator("input[name=criterion]:disabled").count() == 13
    assert page.is_visible("[data-widget-retry]")
