"""The cost and latency calculator in a real browser: presets, typing, links old and new, errors, the phone chart."""

import re

import pytest

from decision_core.base.format import money
from decision_core.model.calculator_link import calculator_url, decode_calculator_state
from decision_core.model.costs import compare
from tests.e2e.conftest import ROOT
from tests.e2e.helpers import wait_ready

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SUMMARY = "[data-calculator-summary]"
CHEAPEST = "[data-calculator-cheapest]"
VOLUME = "#calc-queries_per_day"
PRESET = "#calc-preset"

# A real version-1 address, as the quiz and consultants sent them until November 2026.
OLD_LINK = "?c=1&queries_per_day=150000&fine_tuned_pricing=hosted&latency_budget_ms=150"


def summary(page):
    return " ".join(page.inner_text(SUMMARY).split())


def expected_summary(values=None):
    comparison = compare(values)
    cheapest = comparison.option(comparison.cheapest)
    return "Over %d months at %s queries a day, %s costs least: %s in all. %s %s %s" % (
        comparison.horizon_months, "{:,}".format(int(comparison.queries_per_day)), cheapest.label,
        money(cheapest.total_usd), comparison.break_even_sentence, comparison.long_context_sentence,
        comparison.latency_sentence,
    )


def wait_summary(page, needle):
    page.wait_for_function("needle => document.querySelector(%r).textContent.includes(needle)" % SUMMARY,
                           arg=needle, timeout=5_000)


def wait_summary_is(page, expected):
    page.wait_for_function(
        "expected => document.querySelector(%r).innerText.split(/\\s+/).join(' ').trim() === expected" % SUMMARY,
        arg=expected, timeout=10_000)


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
    """With JavaScript off, the default figures, both charts, the table, the preset and the folded inputs are there."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(guide_server.url("calculator/"))
        assert page.is_visible("h1#calculator")
        assert summary(page) == expected_summary()
        assert page.is_visible("svg#calculator-chart")
        assert page.locator("[data-calculator-costs] tbody tr").count() == 4
        assert page.locator("details.calculator__group").count() == 5
        assert page.input_value(VOLUME) == "10,000"
        assert page.input_value(PRESET) == "luna-vertex"
        assert "fine-tune for behaviour, not for cost" in summary(page)
    finally:
        context.close()


def test_defaults_show_the_chart_and_numbers(open_calculator):
    """Once ready, the page shows the default figures, the chart and the table, and a clean address."""
    page = open_calculator()
    assert page.get_attribute("[data-widget=calculator]", "data-state") == "ready"
    assert summary(page) == expected_summary()
    costs = page.text_content("[data-calculator-costs]")
    for _, option in compare().options:
        assert money(option.total_usd) in costs
    assert page.is_visible("svg#calculator-chart path[data-option=long-context]")
    assert "?" not in page.url
    assert page.is_hidden("[data-calculator-notice]") and page.is_hidden("[data-calculator-old-link]")


def test_typing_a_volume_updates_the_numbers_and_the_address(open_calculator, guide_server):
    """Typing a new volume recomputes the figures and writes only that value into the address."""
    page = open_calculator()
    entries = page.evaluate("history.length")
    type_into(page, VOLUME, "150000")
    wait_summary(page, "150,000 queries a day")
    assert summary(page) == expected_summary({"queries_per_day": 150000})
    assert "150,000 queries a day" in page.text_content("svg#calculator-chart title")
    page.wait_for_function("() => location.search === '?c=2&queries_per_day=150000'")
    assert page.url == guide_server.url("calculator/") + "?c=2&queries_per_day=150000"
    assert page.evaluate("history.length") == entries  # replaceState: no new entry per keystroke


def test_leaving_a_field_groups_its_digits(open_calculator):
    """150000 typed, then Tab: the field reads 150,000."""
    page = open_calculator()
    type_into(page, VOLUME, "150000")
    page.keyboard.press("Tab")
    page.wait_for_function("() => document.querySelector('#calc-queries_per_day').value === '150,000'")


def test_choosing_a_preset_by_keyboard_fills_its_prices_markings_and_figures(open_calculator):
    """The arrow keys on the preset choose Claude Haiku 5.5: its limits fill in, the address names it."""
    page = open_calculator()
    page.focus(PRESET)
    page.keyboard.press("ArrowDown")
    assert page.input_value(PRESET) == "haiku-vertex"
    page.wait_for_function("() => location.search === '?c=2&preset=haiku-vertex'")
    assert page.input_value("#calc-context_window_tokens") == "1,000,000"
    assert page.input_value("#calc-long_prompt_tokens") == "100,000"
    assert "run on Claude Haiku 5.5" in page.text_content("[data-calculator-preset]")
    assert summary(page) == expected_summary({"preset": "haiku-vertex"})


def test_a_preset_where_fine_tuning_pays_shows_its_break_even(open_calculator):
    """Gemini 3.1 Flash-Lite on both sides breaks even near 24,000 a day: at 150,000, fine-tuning is cheapest."""
    page = open_calculator()
    page.select_option(PRESET, "flash-lite-vertex")
    type_into(page, VOLUME, "150000")
    wait_summary(page, "150,000 queries a day")
    values = {"preset": "flash-lite-vertex", "queries_per_day": 150000}
    assert summary(page) == expected_summary(values)
    assert "above about 24,000 queries a day" in summary(page)
    assert page.get_attribute(CHEAPEST, "data-calculator-cheapest") == "fine-tuning"
    assert page.is_visible("svg#calculator-chart .cost-chart__break-even")


def test_a_legacy_preset_shows_when_it_stops(open_calculator):
    """Choosing the OpenAI legacy route names its last training day and its shutdown."""
    page = open_calculator()
    page.select_option(PRESET, "legacy-openai-gpt-4-1-mini")
    page.wait_for_function("() => location.search.includes('preset=legacy-openai-gpt-4-1-mini')")
    words = " ".join(page.text_content("[data-calculator-preset]").split())
    assert "Existing customers only: new training jobs until 2027-01-06; the fine-tuned model stops on 2027-01-14." in words
    assert page.input_value("#calc-fine_tuned_output_usd_per_1m") == "3.2"
    assert page.text_content("#calc-fine_tuned_output_usd_per_1m-mark") == "unconfirmed"


def test_opening_the_address_restores_the_figures(open_calculator):
    """A link made by the calculator fills the form, opens the groups it changes, and shows the same figures."""
    values = {"preset": "haiku-vertex", "queries_per_day": 150000, "latency_budget_ms": 150,
              "hosting_usd_per_hour": 2}
    page = open_calculator(calculator_url(values)[len("calculator/"):])
    assert page.input_value(VOLUME) == "150,000"
    assert page.input_value(PRESET) == "haiku-vertex"
    assert page.input_value("#calc-latency_budget_ms") == "150"
    assert page.get_attribute("#calculator-group-time-latency", "open") is not None
    assert page.get_attribute("#calculator-group-fine-tuning", "open") is not None
    assert page.get_attribute("#calculator-group-retrieval", "open") is None
    wait_summary(page, "150,000 queries a day")
    assert summary(page) == expected_summary(values)
    assert "RAG does not fit it" in summary(page)
    assert page.is_hidden("[data-calculator-notice]") and page.is_hidden("[data-calculator-old-link]")


def test_an_old_link_opens_with_its_figures_and_says_so(open_calculator):
    """A c=1 link shows the figures its sender saw (gpt-4.1-mini, hosted: about 65,000 a day) and a notice."""
    page = open_calculator(OLD_LINK)
    assert page.is_visible("[data-calculator-old-link]")
    assert "made before December 2026" in page.text_content("[data-calculator-old-link]")
    assert page.input_value(PRESET) == "custom"
    assert page.input_value("#calc-hosting_usd_per_hour") == "1.7"
    assert page.input_value("#calc-knowledge_pages") == "20,000"
    wait_summary(page, "150,000 queries a day")
    assert summary(page) == expected_summary(decode_calculator_state(OLD_LINK))
    assert "above about 65,000 queries a day" in summary(page)
    page.wait_for_function("() => location.search.startsWith('?c=2&preset=custom&queries_per_day=150000')")


def test_state_round_trips_through_the_address(open_calculator, context):
    """Typing, then opening the address in a new page, gives the same inputs and figures."""
    page = open_calculator()
    type_into(page, VOLUME, "75000")
    type_into(page, "#calc-knowledge_pages", "300")
    wait_summary(page, "at 75,000")
    page.wait_for_function("() => location.search.includes('knowledge_pages=300')")
    other = context.new_page()
    other.goto(page.url)
    wait_ready(other)
    assert other.input_value(VOLUME) == "75,000"
    assert other.input_value("#calc-knowledge_pages") == "300"
    assert summary(other) == summary(page)


def test_invalid_value_says_what_it_accepts_next_to_the_field_and_keeps_the_figures(open_calculator):
    """A negative volume: its message next to the field, in words, aria-invalid, the last good figures kept."""
    page = open_calculator()
    before = summary(page)
    type_into(page, VOLUME, "-5")
    page.wait_for_selector("#calc-queries_per_day-error:not([hidden])")
    message = page.text_content("#calc-queries_per_day-error")
    assert message == "-5 is negative; enter a number from 0 to 1,000,000,000 (queries/day)"
    assert page.get_attribute(VOLUME, "aria-invalid") == "true"
    assert page.get_attribute(VOLUME, "aria-describedby") == "calc-queries_per_day-error calc-queries_per_day-help"
    field = page.locator("[data-input=queries_per_day]").bounding_box()
    error = page.locator("#calc-queries_per_day-error").bounding_box()
    assert field["y"] <= error["y"] <= field["y"] + field["height"]  # beside the field, not elsewhere
    assert "Queries per day: " + message in page.text_content("[data-calculator-problems]")
    assert summary(page) == before
    assert page.get_attribute("[data-widget=calculator]", "data-state") == "ready"
    type_into(page, VOLUME, "20,000")
    page.wait_for_selector("#calc-queries_per_day-error[hidden]", state="attached")
    assert page.get_attribute(VOLUME, "aria-invalid") is None
    assert page.get_attribute(VOLUME, "aria-describedby") == "calc-queries_per_day-help"
    assert page.text_content("[data-calculator-problems]") == ""
    wait_summary(page, "20,000 queries a day")


def test_emptied_and_unparseable_fields_get_messages(open_calculator):
    """An emptied field and one holding no number each get their own message."""
    page = open_calculator()
    page.fill("#calc-prompt_tokens", "")
    type_into(page, "#calc-output_tokens", "1e")
    page.wait_for_selector("#calc-output_tokens-error:not([hidden])")
    assert page.text_content("#calc-prompt_tokens-error").startswith("is empty; enter a number from 0 to 1,000,000")
    assert page.text_content("#calc-output_tokens-error").startswith("'1e' is not a number")


BAD_LINKS = [
    "?c=9&queries_per_day=50000",
    "?c=2&queries_per_day=-5",
    "?queries_per_day=50000",
    "?c=2&preset=gpt-7",
    "?c=2&queries_per_day=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
    '?c=2&preset="><img src=x onerror="window.__pwned=1">',
    "?c=<svg onload=window.__pwned=1>&queries_per_day=1",
]


@pytest.mark.parametrize("query", BAD_LINKS)
def test_bad_link_shows_a_notice_and_the_defaults(open_calculator, query):
    """A tampered, unversioned or hostile link: a notice, the default figures, nothing injected."""
    page = open_calculator(query)
    assert page.is_visible("[data-calculator-notice]")
    assert "shows the defaults" in page.text_content("[data-calculator-notice-text]")
    assert page.input_value(VOLUME) == "10,000"
    assert summary(page) == expected_summary()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("[data-calculator-notice] *").count() == 2


def test_reset_by_keyboard_returns_to_the_defaults(open_calculator):
    """After changes, Tab to "Reset to defaults" and press Enter: default figures, preset and a clean address."""
    page = open_calculator("?c=2&preset=haiku-vertex&queries_per_day=150000&horizon_months=24")
    wait_summary(page, "150,000")
    page.focus("#calc-horizon_months")  # its group is open: the link changed it
    for _ in range(3):  # past the retrieval latency and the latency budget
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-calculator-reset')")
    page.keyboard.press("Enter")
    wait_summary(page, "10,000 queries a day")
    assert summary(page) == expected_summary()
    page.wait_for_function("() => location.search === ''")
    assert page.input_value(VOLUME) == "10,000" and page.input_value(PRESET) == "luna-vertex"


def test_instant_navigation_to_the_calculator(open_calculator, guide_server):
    """Reached by a link from another page (no reload), the calculator gets ready and computes."""
    page = open_calculator()
    page.goto(guide_server.url("cost/"))
    page.click("article a[href$='calculator/']")
    page.wait_for_url(re.compile(r".*/calculator/$"))
    wait_ready(page, selector="[data-widget=calculator][data-state=ready]")
    type_into(page, VOLUME, "120000")
    wait_summary(page, "120,000 queries a day")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(open_calculator, scheme):
    """axe-core finds no violations, in either palette, at rest and with an invalid field and open groups."""
    page = open_calculator()
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    assert axe_violations(page) == []
    type_into(page, VOLUME, "-5")
    page.wait_for_selector("#calc-queries_per_day-error:not([hidden])")
    for summary_element in page.locator("[data-widget=calculator] summary").all():
        summary_element.click()
    assert axe_violations(page) == []


# What the phone test measures in the chart the reader sees: each text's rendered size, and whether any
# text's box holds a point of a cost line (sampled along each path, with its stroke's half width).
_CHART_MEASURES = """() => {
  const svg = [...document.querySelectorAll('[data-calculator-chart] svg')].find(s => s.getBoundingClientRect().width > 0);
  const scale = svg.getScreenCTM().a;
  const texts = [...svg.querySelectorAll('text')];
  const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const overlaps = [];
  const lines = [...svg.querySelectorAll('path[data-option]')];
  for (const t of texts) {
    const b = t.getBBox();
    for (const line of lines) {
      const length = line.getTotalLength();
      for (let at = 0; at <= length; at += 1) {
        const p = line.getPointAtLength(at);
        if (p.x >= b.x - 1.25 && p.x <= b.x + b.width + 1.25 && p.y >= b.y - 1.25 && p.y <= b.y + b.height + 1.25) {
          overlaps.push(t.textContent + ' / ' + line.dataset.option);
          break;
        }
      }
    }
  }
  return {id: svg.id, width: svg.getBoundingClientRect().width, smallest: Math.min(...sizes), overlaps};
}"""


@pytest.mark.parametrize("query", ["", "?c=2&preset=flash-lite-vertex&queries_per_day=150000"])
def test_the_chart_is_readable_on_a_390_pixel_phone(browser, guide_server, query):
    """On a phone the narrow chart shows: text at 12 px or more, no label over a line, nothing scrolling sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(guide_server.url("calculator/") + query)
        wait_ready(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        measures = page.evaluate(_CHART_MEASURES)
        assert measures["id"] == "calculator-chart-narrow"
        assert measures["width"] <= 390 and measures["smallest"] >= 12
        assert measures["overlaps"] == []
        assert page.is_visible("[data-calculator-costs] td[data-label='Per 1,000 queries']")
    finally:
        context.close()


def test_the_wide_chart_is_readable_on_a_desktop(browser, guide_server):
    """At 1280 px the wide chart shows, its text at 12 px or more, no label over a line."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(guide_server.url("calculator/?c=2&preset=flash-lite-vertex&queries_per_day=150000"))
        wait_ready(page)
        measures = page.evaluate(_CHART_MEASURES)
        assert measures["id"] == "calculator-chart"
        assert measures["smallest"] >= 12 and measures["overlaps"] == []
    finally:
        context.close()


def test_pyodide_computes_the_same_figures(browser, pyodide_server, watch):
    """Under Pyodide, on a phone: an old link opens, a preset gives CPython's figures, its chart stays readable."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        page = context.new_page()
        watched = watch(page, pyodide_server.base)
        page.goto(pyodide_server.url("calculator/") + OLD_LINK)
        wait_ready(page, "pyodide")
        assert page.is_visible("[data-calculator-old-link]")
        wait_summary(page, "150,000 queries a day")
        assert summary(page) == expected_summary(decode_calculator_state(OLD_LINK))
        page.select_option(PRESET, "flash-lite-vertex")
        page.wait_for_function("() => location.search.startsWith('?c=2&preset=flash-lite-vertex')")
        values = dict(decode_calculator_state(page.url.split("?", 1)[1]))
        wait_summary_is(page, expected_summary(values))
        measures = page.evaluate(_CHART_MEASURES)
        assert measures["id"] == "calculator-chart-narrow"
        assert measures["smallest"] >= 12 and measures["overlaps"] == []
        watched.assert_clean()
    finally:
        context.close()
