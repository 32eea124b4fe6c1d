"""The cost and latency calculator in a real browser: figures, typing, links, errors, accessibility."""

import re

import pytest

from decision_core.base.format import money_cents as format_usd
from decision_core.model.calculator_link import calculator_url
from decision_core.model.costs import compare
from tests.e2e.conftest import ROOT
from tests.e2e.helpers import wait_ready

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SUMMARY = "[data-calculator-summary]"
CHEAPEST = "[data-calculator-cheapest]"
VOLUME = "#calc-queries_per_day"


def summary(page):
    return " ".join(page.inner_text(SUMMARY).split())


def expected_summary(values=None):
    comparison = compare(values)
    cheapest = comparison.option(comparison.cheapest)
    return "Over %d months at %s queries a day, %s costs least: %s in all. %s %s" % (
        comparison.horizon_months, "{:,}".format(int(comparison.queries_per_day)), cheapest.label,
        format_usd(cheapest.total_usd), comparison.break_even_sentence, comparison.latency_sentence,
    )


def wait_summary(page, needle):
    page.wait_for_function("needle => document.querySelector(%r).textContent.includes(needle)" % SUMMARY,
                           arg=needle, timeout=5_000)


def type_into(page, selector, value):
    """Focus a field, select what it holds and type over it, as a reader with a keyboard would."""
    page.focus(selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(value)


TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """axe-core's WCAG 2.1 A and AA violations on the whole page, and its best practices in the calculator."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol: a script tag would be an inline script,
        # which the pages' content security policy blocks (and no request leaves the site).
        page.evaluate(AXE.read_text(encoding="utf-8"))
    found = []
    for context, tags in (("document", TAGS), ("{include: [['[data-widget=calculator]']]}", TAGS + ["best-practice"])):
        violations = page.evaluate(
            "async (tags) => (await axe.run(%s, {runOnly: {type: 'tag', values: tags}})).violations"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))" % context,
            tags,
        )
        found.extend(violations)
    return found


@pytest.fixture
def open_calculator(context, guide_server, watch):
    """Open the calculator (under the sub-path /guide/), wait until it is ready, and watch the page."""
    watched = []

    def open_page(query=""):
        page = context.new_page()
        watched.append(watch(page, guide_server.base))
        page.goto(guide_server.url("calculator/") + query)
        wait_ready(page)
        return page

    yield open_page
    for item in watched:
        item.assert_clean()


def test_figures_and_form_are_in_the_page_without_scripts(browser, guide_server):
    """With JavaScript off, the default figures, the chart, its table and the form are all there."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(guide_server.url("calculator/"))
        assert page.is_visible("h1#calculator")
        assert summary(page) == expected_summary()
        assert page.is_visible("svg#calculator-chart")
        assert page.locator("[data-calculator-costs] tbody tr").count() == 3
        assert page.locator("#calculator-form fieldset.calculator__group").count() == 5
        assert page.input_value(VOLUME) == "10000"
        assert page.is_checked("#calc-fine_tuned_pricing-per-token")
    finally:
        context.close()


def test_defaults_show_the_chart_and_numbers(open_calculator):
    """Once ready, the page shows the default figures, the chart and the table, and a clean address."""
    page = open_calculator()
    assert page.get_attribute("[data-widget=calculator]", "data-state") == "ready"
    assert summary(page) == expected_summary()
    comparison = compare()
    costs = page.text_content("[data-calculator-costs]")
    for _, option in comparison.options:
        assert format_usd(option.total_usd) in costs
    assert page.is_visible("svg#calculator-chart path[data-option=rag]")
    assert "?" not in page.url
    assert page.is_hidden("[data-calculator-notice]")


def test_typing_a_volume_updates_the_numbers_and_the_address(open_calculator, guide_server):
    """Typing a new volume recomputes the figures and writes only that value into the address."""
    page = open_calculator()
    entries = page.evaluate("history.length")
    type_into(page, VOLUME, "150000")
    wait_summary(page, "150,000 queries a day")
    assert summary(page) == expected_summary({"queries_per_day": 150000})
    assert page.get_attribute(CHEAPEST, "data-calculator-cheapest") == "fine-tuning"
    assert "150,000 queries a day" in page.text_content("svg#calculator-chart title")
    page.wait_for_function("() => location.search === '?c=1&queries_per_day=150000'")
    assert page.url == guide_server.url("calculator/") + "?c=1&queries_per_day=150000"
    assert page.evaluate("history.length") == entries  # replaceState: no new entry per keystroke


def test_opening_the_address_restores_the_figures(open_calculator):
    """A link made by the calculator fills the form and shows the same figures."""
    values = {"queries_per_day": 150000, "fine_tuned_pricing": "hosted", "latency_budget_ms": 150}
    page = open_calculator(calculator_url(values)[len("calculator/"):])
    assert page.input_value(VOLUME) == "150000"
    assert page.is_checked("#calc-fine_tuned_pricing-hosted")
    assert page.input_value("#calc-latency_budget_ms") == "150"
    wait_summary(page, "150,000 queries a day")
    assert summary(page) == expected_summary(values)
    assert "RAG does not fit it" in summary(page)
    assert page.is_hidden("[data-calculator-notice]")


def test_state_round_trips_through_the_address(open_calculator, context):
    """Typing, then opening the address in a new page, gives the same inputs and figures."""
    page = open_calculator()
    type_into(page, VOLUME, "75000")
    type_into(page, "#calc-horizon_months", "24")
    wait_summary(page, "Over 24 months at 75,000")
    page.wait_for_function("() => location.search.includes('horizon_months=24')")
    other = context.new_page()
    other.goto(page.url)
    wait_ready(other)
    assert other.input_value(VOLUME) == "75000"
    assert other.input_value("#calc-horizon_months") == "24"
    assert summary(other) == summary(page)


def test_invalid_value_shows_the_fields_message_and_keeps_the_figures(open_calculator):
    """A negative volume: its message next to the field, aria-invalid, the last good figures kept."""
    page = open_calculator()
    before = summary(page)
    type_into(page, VOLUME, "-5")
    page.wait_for_selector("#calc-queries_per_day-error:not([hidden])")
    message = page.text_content("#calc-queries_per_day-error")
    assert message == "-5 is negative; enter a number from 0 to 1,000,000,000 (queries/day)"
    assert page.get_attribute(VOLUME, "aria-invalid") == "true"
    assert page.get_attribute(VOLUME, "aria-describedby") == "calc-queries_per_day-error calc-queries_per_day-help"
    assert "Queries per day: " + message in page.text_content("[data-calculator-problems]")
    assert summary(page) == before
    assert page.is_visible("svg#calculator-chart")
    assert page.get_attribute("[data-widget=calculator]", "data-state") == "ready"
    type_into(page, VOLUME, "20000")
    page.wait_for_selector("#calc-queries_per_day-error[hidden]", state="attached")
    assert page.get_attribute(VOLUME, "aria-invalid") is None
    assert page.get_attribute(VOLUME, "aria-describedby") == "calc-queries_per_day-help"
    assert page.text_content("[data-calculator-problems]") == ""
    wait_summary(page, "20,000 queries a day")


def test_emptied_and_unparseable_fields_get_messages(open_calculator):
    """An emptied field and one holding no number each get their own message."""
    page = open_calculator()
    page.fill("#calc-epochs", "")
    page.focus("#calc-output_tokens")
    page.keyboard.press("Control+A")
    page.keyboard.type("1e")  # not a number: the browser reports badInput and an empty value
    page.wait_for_selector("#calc-output_tokens-error:not([hidden])")
    assert page.text_content("#calc-epochs-error").startswith("is empty; enter a number from 0 to 100")
    assert page.text_content("#calc-output_tokens-error").startswith("'not a number' is not a number")


BAD_LINKS = [
    "?c=9&queries_per_day=50000",
    "?c=1&queries_per_day=-5",
    "?queries_per_day=50000",
    "?c=1&queries_per_day=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
    '?c=1&fine_tuned_pricing="><img src=x onerror="window.__pwned=1">',
    "?c=<svg onload=window.__pwned=1>&queries_per_day=1",
]


@pytest.mark.parametrize("query", BAD_LINKS)
def test_bad_link_shows_a_notice_and_the_defaults(open_calculator, query):
    """A tampered, unversioned or hostile link: a notice, the default figures, nothing injected."""
    page = open_calculator(query)
    assert page.is_visible("[data-calculator-notice]")
    assert "shows the defaults" in page.text_content("[data-calculator-notice-text]")
    assert page.input_value(VOLUME) == "10000"
    assert summary(page) == expected_summary()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("[data-calculator-notice] *").count() == 2


def test_reset_by_keyboard_returns_to_the_defaults(open_calculator):
    """After changes, Tab to "Reset to defaults" and press Enter: default figures, clean address."""
    page = open_calculator("?c=1&queries_per_day=150000&horizon_months=24")
    wait_summary(page, "150,000")
    page.focus("#calc-latency_budget_ms")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-calculator-reset')")
    page.keyboard.press("Enter")
    wait_summary(page, "10,000 queries a day")
    assert summary(page) == expected_summary()
    page.wait_for_function("() => location.search === ''")
    assert page.input_value(VOLUME) == "10000"


def test_pricing_style_by_keyboard(open_calculator):
    """The pricing radios work with the arrow keys; hosted pricing moves the break-even."""
    page = open_calculator()
    page.focus("#calc-fine_tuned_pricing-per-token")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#calc-fine_tuned_pricing-hosted")
    wait_summary(page, "about 65,000 queries a day")
    assert summary(page) == expected_summary({"fine_tuned_pricing": "hosted"})


def test_instant_navigation_to_the_calculator(open_calculator, guide_server):
    """Reached by a link from another page (no reload), the calculator gets ready and computes."""
    page = open_calculator()
    page.goto(guide_server.url("cost/"))
    page.click("article a[href$='calculator/']")
    page.wait_for_url(re.compile(r".*/calculator/$"))
    page.wait_for_selector("[data-widget=calculator][data-state=ready]", timeout=20_000)
    type_into(page, VOLUME, "120000")
    wait_summary(page, "120,000 queries a day")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(open_calculator, scheme):
    """axe-core finds no violations, in either palette, at rest and with an invalid field."""
    page = open_calculator()
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    assert axe_violations(page) == []
    type_into(page, VOLUME, "-5")
    page.wait_for_selector("#calc-queries_per_day-error:not([hidden])")
    page.click("summary")  # the month-by-month table
    assert axe_violations(page) == []


def test_readable_at_390_pixels(browser, guide_server):
    """On a 390-pixel-wide phone nothing scrolls sideways and the figures are all there."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(guide_server.url("calculator/"))
        wait_ready(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator("svg#calculator-chart").bounding_box()
        assert box["width"] <= 390 and box["height"] > 150
        assert page.is_visible("[data-calculator-costs] td[data-label='Per 1,000 queries']")
    finally:
        context.close()


def test_pyodide_computes_the_same_figures(browser, pyodide_server, watch):
    """Under Pyodide, the calculator is ready and typing gives the figures CPython gives."""
    context = browser.new_context()
    try:
        page = context.new_page()
        watched = watch(page, pyodide_server.base)
        page.goto(pyodide_server.url("calculator/"))
        wait_ready(page, "pyodide")
        type_into(page, VOLUME, "150000")
        wait_summary(page, "150,000 queries a day")
        assert summary(page) == expected_summary({"queries_per_day": 150000})
        page.wait_for_function("() => location.search === '?c=1&queries_per_day=150000'")
        watched.assert_clean()
    finally:
        context.close()
