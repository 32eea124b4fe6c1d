"""The calculator: its form, its results, and its state in the page's address."""

import contextlib
import io
import json
import pathlib
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from tests.support.runtimes import Unavailable, run_micropython
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_core.model.calculator_link import (
    MAX_QUERY_LENGTH,
    calculator_url,
    decode_calculator_state,
    encode_calculator_state,
    value_text,
)
from decision_core.views.calculator import (
    calculator_chart_html,
    calculator_costs_html,
    calculator_field_html,
    calculator_form_html,
    calculator_html,
    calculator_problems_html,
    calculator_result_html,
    calculator_summary_html,
    control_id,
)
from decision_core.framework.cost_inputs import COST_INPUT_GROUPS, COST_INPUTS, get_cost_input
from decision_core.base.format import money_cents as format_usd
from decision_core.model.cost_values import CostInputs
from decision_core.model.costs import compare
from decision_core.base.errors import DecisionError, InvalidCostInputs, Problem

HOSTILE = '<script>alert("x")</script>&\'"'


class Tree(HTMLParser):
    """Elements with their attributes and their ancestors' tags, and the text inside each."""

    VOID = {"input", "br", "img", "meta", "link", "hr"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.stack = []
        self.feed(html)
        self.close()
        assert self.stack == [], "unclosed elements: %r" % [element["tag"] for element in self.stack]

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": "",
                   "parents": [parent for parent in self.stack]}
        self.elements.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1]["tag"] == tag, "misnested </%s>" % tag
        self.stack.pop()

    def handle_data(self, data):
        for element in self.stack:
            element["text"] += data

    def find(self, tag=None, **attrs):
        found = []
        for element in self.elements:
            if tag is not None and element["tag"] != tag:
                continue
            if all(element["attrs"].get(name.replace("_", "-")) == value for name, value in attrs.items()):
                found.append(element)
        return found

    def by_id(self, ident):
        found = [element for element in self.elements if element["attrs"].get("id") == ident]
        assert len(found) == 1, ident
        return found[0]


def text(element):
    return " ".join(element["text"].split())


# -- The address -------------------------------------------------------------------------


def test_defaults_give_an_empty_state_and_a_plain_link():
    """With every default, nothing is written: the link is the page and its anchor."""
    assert encode_calculator_state(None) == ""
    assert encode_calculator_state({}) == ""
    assert calculator_url() == "calculator/#calculator"


def test_only_changed_values_are_written_after_the_version():
    """The state is short: the version, then the changed values in the order of the inputs."""
    state = encode_calculator_state({"latency_budget_ms": "800", "queries_per_day": 50000.0,
                                     "fine_tuned_pricing": "hosted", "prompt_tokens": 500})
    assert state == "c=1&queries_per_day=50000&fine_tuned_pricing=hosted&latency_budget_ms=800"


def test_quiz_link_fills_volume_and_latency_budget():
    """The quiz links to the calculator with the reader's volume and latency budget."""
    url = calculator_url({"queries_per_day": 50000, "latency_budget_ms": 800})
    assert url == "calculator/?c=1&queries_per_day=50000&latency_budget_ms=800#calculator"
    inputs = CostInputs.from_mapping(decode_calculator_state(url))
    assert (inputs.queries_per_day, inputs.latency_budget_ms) == (50000, 800)


def test_encode_accepts_cost_inputs_and_keeps_fractions():
    """A `CostInputs` is encoded as is; fractional values keep their digits."""
    inputs = CostInputs(base_input_usd_per_1m=0.15, hosting_usd_per_hour=1.234567)
    assert encode_calculator_state(inputs) == "c=1&base_input_usd_per_1m=0.15&hosting_usd_per_hour=1.234567"


def test_encode_refuses_invalid_values_and_unknown_keys():
    """Invalid values are refused with the cost model's own error."""
    with pytest.raises(InvalidCostInputs) as caught:
        encode_calculator_state({"queries_per_day": -1, "nonsense": 3})
    assert caught.value.fields == ["queries_per_day", "nonsense"]
    with pytest.raises(InvalidCostInputs):
        calculator_url({"queries_per_day": 1e10})


@st.composite
def valid_values(draw):
    values = {}
    for cost_input in COST_INPUTS:
        if not draw(st.booleans()):
            continue
        if cost_input.choices is not None:
            values[cost_input.id] = draw(st.sampled_from([value for value, _ in cost_input.choices]))
        elif cost_input.integer:
            values[cost_input.id] = draw(st.integers(int(cost_input.minimum), int(cost_input.maximum)))
        else:
            values[cost_input.id] = draw(st.one_of(
                st.floats(cost_input.minimum, cost_input.maximum, allow_nan=False),
                st.sampled_from([cost_input.minimum, cost_input.maximum, cost_input.default or 0]),
            ))
        if cost_input.optional and draw(st.booleans()):
            values[cost_input.id] = None
    return values


@given(valid_values())
@settings(max_examples=200)
def test_every_valid_state_round_trips(values):
    """Whatever the valid inputs, decoding the encoded state gives the same inputs."""
    state = encode_calculator_state(values)
    assert len(state) < MAX_QUERY_LENGTH
    assert re.fullmatch(r"(c=1(&[a-z0-9_]+=[A-Za-z0-9._~%-]*)+)?", state)
    decoded = decode_calculator_state("?" + state)
    assert CostInputs.from_mapping(decoded) == CostInputs.from_mapping(values)
    assert encode_calculator_state(decoded) == state


def test_decode_reads_a_whole_url_and_ignores_other_parameters():
    """A whole URL, its `?`, its fragment and parameters such as `utm_source` are all fine."""
    assert decode_calculator_state(
        "https://example.org/calculator/?utm_source=mail&c=1&horizon_months=24&x=%ZZ#calculator"
    ) == {"horizon_months": 24}
    assert decode_calculator_state("") == {}
    assert decode_calculator_state("?utm_source=mail&&") == {}
    assert decode_calculator_state("c=1") == {}


def test_decode_undoes_percent_encoding_and_plus():
    """Values may arrive percent-encoded, with `+` for a space (which is trimmed)."""
    assert decode_calculator_state("c=1&fine_tuned_pricing=%68osted&queries_per_day=+5000+") == {
        "fine_tuned_pricing": "hosted", "queries_per_day": 5000.0,
    }


def test_empty_optional_value_in_the_link_means_none():
    """`latency_budget_ms=` clears the budget."""
    assert decode_calculator_state("c=1&latency_budget_ms=") == {"latency_budget_ms": None}


BAD_STATES = [
    ("queries_per_day=5000", ["c"]),  # no version
    ("c=2&queries_per_day=5000", ["c"]),  # a version this guide does not know
    ("c=1&c=1&queries_per_day=5000", ["c"]),
    ("c=1&queries_per_day=5000&queries_per_day=6000", ["queries_per_day"]),
    ("c=1&queries_per_day=-5", ["queries_per_day"]),
    ("c=1&queries_per_day=abc&horizon_months=0.5", ["queries_per_day", "horizon_months"]),
    ("c=1&queries_per_day=1e400", ["queries_per_day"]),
    ("c=1&queries_per_day=nan", ["queries_per_day"]),
    ("c=1&fine_tuned_pricing=free", ["fine_tuned_pricing"]),
    ("c=1&queries_per_day=%FF%FE", ["link"]),
    ("c=%3Cscript%3E&queries_per_day=1", ["c"]),
    ("c=1&queries_per_day=" + "9" * 3000, ["link"]),
]


@pytest.mark.parametrize("query, fields", BAD_STATES)
def test_tampered_states_name_each_bad_parameter(query, fields):
    """A tampered or cut link raises InvalidCostInputs naming each bad parameter, nothing else."""
    with pytest.raises(InvalidCostInputs) as caught:
        decode_calculator_state(query)
    assert caught.value.fields == fields
    assert all(problem.message for problem in caught.value.problems)


def test_unknown_version_message_quotes_it_safely():
    """The version is quoted, shortened, in the message."""
    with pytest.raises(InvalidCostInputs) as caught:
        decode_calculator_state("c=" + "x" * 100 + "&queries_per_day=1")
    message = caught.value.problems[0].message
    assert "is not one this guide knows (c=1)" in message
    assert len(message) < 100


@pytest.mark.parametrize("query", [None, 12, b"c=1", ["c=1"], {"c": "1"}])
def test_decode_refuses_what_is_not_text(query):
    """Anything but text is refused with a DecisionError."""
    with pytest.raises(InvalidCostInputs) as caught:
        decode_calculator_state(query)
    assert caught.value.fields == ["link"]


@given(st.text(max_size=300))
@settings(max_examples=300)
def test_garbage_only_ever_raises_decision_error(query):
    """Any text at all either decodes to valid inputs or raises a DecisionError."""
    try:
        values = decode_calculator_state(query)
    except DecisionError:
        return
    CostInputs.from_mapping(values)


@given(st.lists(st.tuples(st.sampled_from(["c"] + [cost_input.id for cost_input in COST_INPUTS]),
                          st.text(alphabet="0123456789.e+-%ABCDEFabcdefhostedpr", max_size=12)),
                max_size=8))
@settings(max_examples=300)
def test_plausible_garbage_only_ever_raises_decision_error(pairs):
    """Known keys with near-miss values decode to valid inputs or raise a DecisionError."""
    query = "&".join(key + "=" + value for key, value in pairs)
    try:
        values = decode_calculator_state(query)
    except DecisionError:
        return
    CostInputs.from_mapping(values)


def test_value_text_writes_numbers_as_people_type_them():
    """Whole numbers lose `.0`; fractions, choices and empties are written plainly."""
    assert [value_text(value) for value in (50000.0, 12, 0.45, 1e-05, "hosted", None, True, [1])] == [
        "50000", "12", "0.45", "1e-05", "hosted", "", "True", "[1]",
    ]
    assert value_text(float("inf")) == "inf"


# -- The form -------------------------------------------------------------------------------


def test_form_has_one_fieldset_per_group_in_order():
    """The inputs are grouped in fieldsets with legends, in the order of COST_INPUT_GROUPS."""
    tree = Tree(calculator_form_html())
    groups = tree.find("fieldset", **{"class": "calculator__group"})
    assert [group["attrs"]["data-group"] for group in groups] == [group_id for group_id, _ in COST_INPUT_GROUPS]
    for (group_id, label), group in zip(COST_INPUT_GROUPS, groups):
        legend = [element for element in tree.find("legend") if element["parents"][-1] is group]
        assert [text(element) for element in legend] == [label]
        inside = [element["attrs"]["data-input"] for element in tree.elements
                  if "data-input" in element["attrs"] and group in element["parents"]]
        assert inside == [cost_input.id for cost_input in COST_INPUTS if cost_input.group == group_id]


@pytest.mark.parametrize("cost_input", [cost_input for cost_input in COST_INPUTS if cost_input.choices is None],
                         ids=lambda cost_input: cost_input.id)
def test_number_field_has_label_unit_range_source_and_date(cost_input):
    """Each number has a label with its unit, min/max/step, and help with range, source and date."""
    tree = Tree(calculator_form_html())
    ident = control_id(cost_input.id)
    control = tree.by_id(ident)
    assert control["tag"] == "input"
    attrs = control["attrs"]
    assert attrs["type"] == "number" and attrs["name"] == cost_input.id
    assert float(attrs["min"]) == cost_input.minimum
    assert float(attrs["max"]) == cost_input.maximum
    assert float(attrs["step"]) == cost_input.step
    assert attrs["value"] == value_text(cost_input.default)
    assert attrs["inputmode"] == ("numeric" if cost_input.integer else "decimal")
    assert ("required" in attrs) is not cost_input.optional
    assert attrs["aria-describedby"] == ident + "-help"
    label = tree.find("label", **{"for": ident})
    assert len(label) == 1
    assert text(label[0]).startswith(cost_input.label)
    assert "(" + cost_input.unit + ")" in text(label[0])
    help_text = text(tree.by_id(ident + "-help"))
    assert cost_input.range_text in help_text
    assert cost_input.source in help_text
    assert cost_input.as_of in help_text
    error = tree.by_id(ident + "-error")
    assert "hidden" in error["attrs"] and text(error) == ""


def test_optional_field_says_so_and_starts_empty():
    """The latency budget is optional and empty by default."""
    tree = Tree(calculator_form_html())
    assert tree.by_id("calc-latency_budget_ms")["attrs"]["value"] == ""
    assert "optional" in text(tree.find("label", **{"for": "calc-latency_budget_ms"})[0])


def test_pricing_style_is_a_fieldset_of_radios():
    """The pricing style is a fieldset with a legend and one radio per style, the default checked."""
    cost_input = get_cost_input("fine_tuned_pricing")
    tree = Tree(calculator_form_html())
    fieldset = tree.find("fieldset", data_input="fine_tuned_pricing")[0]
    assert fieldset["attrs"]["aria-describedby"] == "calc-fine_tuned_pricing-help"
    radios = [element for element in tree.find("input", type="radio")]
    assert [radio["attrs"]["value"] for radio in radios] == [value for value, _ in cost_input.choices]
    assert all(radio["attrs"]["name"] == "fine_tuned_pricing" for radio in radios)
    assert ["checked" in radio["attrs"] for radio in radios] == [True, False]
    for value, label in cost_input.choices:
        assert text(tree.find("label", **{"for": control_id("fine_tuned_pricing", value)})[0]) == label
    assert cost_input.source in text(tree.by_id("calc-fine_tuned_pricing-help"))


def test_form_has_a_reset_button_and_unique_ids():
    """A native reset button returns to the defaults; every id is unique."""
    html = calculator_form_html()
    tree = Tree(html)
    reset = tree.find("button", type="reset")
    assert [text(button) for button in reset] == ["Reset to defaults"]
    ids = [element["attrs"]["id"] for element in tree.elements if "id" in element["attrs"]]
    assert len(ids) == len(set(ids))
    for element in tree.elements:
        for ident in element["attrs"].get("aria-describedby", "").split():
            assert ident in ids


def test_form_shows_given_values_as_typed():
    """Given values, numbers or text as typed, fill the form; a choice checks its radio."""
    tree = Tree(calculator_form_html({"queries_per_day": 50000.0, "prompt_tokens": "12abc",
                                      "fine_tuned_pricing": " hosted ", "latency_budget_ms": None}))
    assert tree.by_id("calc-queries_per_day")["attrs"]["value"] == "50000"
    assert tree.by_id("calc-prompt_tokens")["attrs"]["value"] == "12abc"
    assert "checked" in tree.by_id("calc-fine_tuned_pricing-hosted")["attrs"]
    assert "checked" not in tree.by_id("calc-fine_tuned_pricing-per-token")["attrs"]
    assert tree.by_id("calc-latency_budget_ms")["attrs"]["value"] == ""


def test_form_accepts_cost_inputs_and_mappings():
    """A `CostInputs` or any object with `items()` fills the form; anything else is refused."""
    tree = Tree(calculator_form_html(CostInputs(horizon_months=24)))
    assert tree.by_id("calc-horizon_months")["attrs"]["value"] == "24"

    class Items:
        def items(self):
            return [("horizon_months", 36)]

    assert 'value="36"' in calculator_form_html(Items())
    with pytest.raises(InvalidCostInputs):
        calculator_form_html(42)


def test_form_escapes_what_it_is_given():
    """Text typed or read from a link is escaped in the value attribute."""
    html = calculator_form_html({"queries_per_day": HOSTILE, "fine_tuned_pricing": HOSTILE})
    assert "<script>" not in html
    assert Tree(html).by_id("calc-queries_per_day")["attrs"]["value"] == HOSTILE


def test_field_html_escapes_declarations():
    """Labels, units, help and sources are escaped too."""
    from decision_core.framework.cost_inputs import CostInput

    hostile = CostInput("x", HOSTILE, 1, HOSTILE, 0, 10, 1, HOSTILE, HOSTILE, HOSTILE, "usage")
    html = calculator_field_html(hostile, 1)
    assert "<script>" not in html
    tree = Tree(html)
    assert HOSTILE in text(tree.find("label")[0])
    choice = CostInput("y", HOSTILE, "a", "", None, None, None, HOSTILE, "2026", HOSTILE, "usage",
                       choices=(("a", HOSTILE), ('"b', HOSTILE)))
    html = calculator_field_html(choice, "a")
    assert "<script>" not in html
    assert [element["attrs"]["value"] for element in Tree(html).find("input")] == ["a", '"b']


# -- The results ----------------------------------------------------------------------------


def test_summary_says_the_cheapest_break_even_and_latency_in_words():
    """The sentences: cheapest option and its total, the break-even sentence, the latency sentence."""
    comparison = compare()
    tree = Tree(calculator_summary_html(comparison))
    paragraphs = [text(element) for element in tree.find("p")]
    assert paragraphs == [
        "Over 12 months at 10,000 queries a day, RAG costs least: %s in all." % format_usd(comparison.rag.total_usd),
        comparison.break_even_sentence,
        comparison.latency_sentence,
    ]
    assert tree.find("p")[0]["attrs"]["data-calculator-cheapest"] == "rag"


def test_summary_follows_the_inputs():
    """One month, a latency budget and a high volume change the words."""
    comparison = compare({"horizon_months": 1, "queries_per_day": 10000000, "latency_budget_ms": 100})
    summary = calculator_summary_html(comparison)
    assert "Over 1 month at 10,000,000 queries a day, <strong>Fine-tuning</strong>" in summary
    assert "RAG does not fit it" in summary


def test_costs_table_has_each_option_and_marks_the_cheapest():
    """One row per option with per-1,000-queries, one-off, monthly, retraining and total figures."""
    comparison = compare({"queries_per_day": 150000})
    tree = Tree(calculator_costs_html(comparison))
    headers = [text(element) for element in tree.find("th", scope="col")]
    assert headers == ["Approach", "Per 1,000 queries", "One-off", "Monthly", "Each retraining",
                       "Total over 12 months"]
    rows = tree.find("tr")[1:]
    assert [row["attrs"]["data-option"] for row in rows] == ["rag", "fine-tuning", "both"]
    tuned = comparison.fine_tuning
    cells = [text(element) for element in tree.elements if element["tag"] == "td" and rows[1] in element["parents"]]
    assert cells == [format_usd(1000 * tuned.per_query_usd), format_usd(tuned.one_off_usd),
                     format_usd(tuned.monthly_usd), format_usd(tuned.retraining_usd) + " × 1",
                     format_usd(tuned.total_usd)]
    assert text(tree.find("th", scope="row")[1]) == "Fine-tuning (cheapest)"
    assert "none" == text([element for element in tree.elements
                           if element["tag"] == "td" and rows[0] in element["parents"]][3])
    assert all(element["attrs"]["data-label"] for element in tree.find("td"))
    assert "150,000 queries a day" in text(tree.find("caption")[0])


def test_result_is_a_live_summary_then_the_table():
    """The sentences sit in a polite live region; the table follows it, outside."""
    tree = Tree(calculator_result_html(compare()))
    live = tree.find(aria_live="polite")
    assert len(live) == 1 and live[0]["attrs"]["aria-atomic"] == "true"
    assert "data-calculator-summary" in live[0]["attrs"]
    table = tree.find("table")[0]
    assert live[0] not in table["parents"]


def test_chart_html_holds_the_svg_and_its_table():
    """The chart (its own id) and, in a details element, the month-by-month table."""
    comparison = compare()
    html = calculator_chart_html(comparison)
    tree = Tree(html)
    svg = tree.by_id("calculator-chart")
    assert svg["tag"] == "svg" and svg["attrs"]["role"] == "img"
    assert [element["tag"] for element in svg["parents"]] == ["figure"]
    table = tree.find("table")[0]
    assert "details" in [element["tag"] for element in table["parents"]]
    assert format_usd(comparison.rag.total_usd) in text(table)


def test_problems_are_listed_with_links_to_their_fields_and_escaped():
    """Each problem names its field and links to it; hostile text is escaped."""
    html = calculator_problems_html([
        Problem("queries_per_day", "is negative"), Problem(HOSTILE, HOSTILE),
    ])
    assert "<script>" not in html
    tree = Tree(html)
    links = tree.find("a")
    assert [link["attrs"]["href"] for link in links] == ["#calc-queries_per_day"]
    items = [text(element) for element in tree.find("li")]
    assert items == ["Queries per day: is negative", HOSTILE + ": " + HOSTILE]
    assert "last valid inputs" in text(tree.elements[0])


# -- The whole widget ---------------------------------------------------------------------


def test_widget_has_the_runtime_hooks_results_then_form():
    """The widget root, its status line, the notice, the results and the form, in that order."""
    html = calculator_html()
    tree = Tree(html)
    root = tree.elements[0]
    assert root["attrs"]["data-widget"] == "calculator" and root["attrs"]["data-state"] == "loading"
    assert tree.find("p", role="status")[0]["attrs"]["class"] == "widget-status"
    notice = [element for element in tree.elements if "data-calculator-notice" in element["attrs"]][0]
    assert "hidden" in notice["attrs"]
    order = [element["attrs"]["id"] for element in tree.elements
             if element["attrs"].get("id") in ("calculator-result", "calculator-form")]
    assert order == ["calculator-result", "calculator-form"]
    assert calculator_summary_html(compare()) in html
    assert tree.by_id("calculator-chart")["tag"] == "svg"
    ids = {element["attrs"].get("id") for element in tree.elements}
    for link in tree.find("a"):
        if link["attrs"]["href"].startswith("#"):
            assert link["attrs"]["href"][1:] in ids


def test_widget_for_other_values_shows_their_figures():
    """Given values, the widget shows their figures and a form holding them."""
    html = calculator_html({"queries_per_day": 150000})
    assert "at 150,000 queries a day" in html
    assert Tree(html).by_id("calc-queries_per_day")["attrs"]["value"] == "150000"
    with pytest.raises(InvalidCostInputs):
        calculator_html({"queries_per_day": -1})


# -- Under MicroPython ----------------------------------------------------------------------

_PROBE = r'''
import json
from decision_core.model.calculator_link import calculator_url, decode_calculator_state
from decision_core.views.calculator import calculator_form_html, calculator_html
from decision_core.base.errors import DecisionError
QUERIES = json.loads(QUERIES_JSON)
states = []
for query in QUERIES:
    try:
        states.append(["ok", sorted([key, value] for key, value in decode_calculator_state(query).items())])
    except DecisionError as error:
        states.append(["error", [[problem.field, problem.message] for problem in error.problems]])
print(json.dumps({
    "form": calculator_form_html({"queries_per_day": "12<b>", "fine_tuned_pricing": "hosted"}),
    "widget": calculator_html({"queries_per_day": 150000, "base_input_usd_per_1m": "0.15"}),
    "url": calculator_url({"queries_per_day": 50000, "hosting_usd_per_hour": 1.234567, "latency_budget_ms": 800}),
    "states": states,
}))
'''

@pytest.mark.runtimes
def test_micropython_writes_the_same_html_links_and_errors():
    """Under MicroPython (the browser's default), the form, the widget, links and link errors equal CPython's."""
    queries = ["?c=1&queries_per_day=50000&hosting_usd_per_hour=1.234567", "c=1&fine_tuned_pricing=%68osted",
               "c=1&latency_budget_ms=", "", "utm_source=x", "queries_per_day=5000", "c=2&queries_per_day=5",
               "c=1&queries_per_day=%FF%FE", "c=1&queries_per_day=-5&horizon_months=0.5", "c=1&c=1",
               "c=1&queries_per_day=1e400", "c=1&queries_per_day=nan", "c=" + "x" * 100 + "&epochs=1"]
    try:
        in_micropython = run_micropython("QUERIES_JSON = " + repr(json.dumps(queries)) + "\n" + _PROBE)
    except Unavailable as reason:
        pytest.skip(str(reason))
    namespace = {"QUERIES_JSON": json.dumps(queries)}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(_PROBE, "probe", "exec"), namespace)
    assert json.loads(in_micropython) == json.loads(output.getvalue())
