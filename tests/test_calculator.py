"""The calculator: its form, its results, and its state in the page's address."""

import contextlib
import io
import json
import re

import pytest

from tests.support.runtimes import Unavailable, run_micropython
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_core.model.calculator_link import (
    MAX_QUERY_LENGTH,
    calculator_url,
    calculator_url_for,
    calculator_values_for,
    decode_calculator_state,
    encode_calculator_state,
    state_version,
    value_text,
)
from decision_core.views.calculator import (
    OLD_LINK_NOTICE,
    calculator_chart_html,
    calculator_costs_html,
    calculator_field_html,
    calculator_form_html,
    calculator_html,
    calculator_more_html,
    calculator_preset_html,
    calculator_problems_html,
    calculator_result_html,
    calculator_summary_html,
    control_id,
    field_text,
    open_groups,
    preset_markings,
)
from decision_core.framework.cost_inputs import COST_INPUT_GROUPS, COST_INPUTS, get_cost_input
from decision_core.base.format import money
from decision_core.model.cost_values import CostInputs
from decision_core.model.costs import compare
from decision_core.base.errors import DecisionError, InvalidCostInputs, Problem
from tests.support.html import parse, text_of

HOSTILE = '<script>alert("x")</script>&\'"'


# -- The address -------------------------------------------------------------------------


def test_defaults_give_an_empty_state_and_a_plain_link():
    """With every default, nothing is written: the link is the page and its anchor."""
    assert encode_calculator_state(None) == ""
    assert encode_calculator_state({}) == ""
    assert calculator_url() == "calculator/#calculator"


def test_only_changed_values_are_written_after_the_version_and_the_preset():
    """The state is short: the version, the preset unless it is the default, then the changed values in order."""
    state = encode_calculator_state({"latency_budget_ms": "800", "queries_per_day": 50000.0,
                                     "preset": "haiku-vertex", "prompt_tokens": 500})
    assert state == "c=2&preset=haiku-vertex&queries_per_day=50000&latency_budget_ms=800"


def test_a_presets_own_prices_are_not_written_but_the_readers_are():
    """Haiku's $0.10 comes with its preset; a price of the reader's own is written after it."""
    assert encode_calculator_state({"preset": "haiku-vertex", "base_input_usd_per_1m": 0.1}) == (
        "c=2&preset=haiku-vertex")
    assert encode_calculator_state({"preset": "haiku-vertex", "base_input_usd_per_1m": 0.2}) == (
        "c=2&preset=haiku-vertex&base_input_usd_per_1m=0.2")


def test_quiz_link_fills_volume_latency_budget_and_knowledge_size():
    """The quiz links to the calculator with the reader's volume, latency budget and knowledge size."""
    url = calculator_url({"queries_per_day": 50000, "latency_budget_ms": 800, "knowledge_pages": 300})
    assert url == "calculator/?c=2&queries_per_day=50000&knowledge_pages=300&latency_budget_ms=800#calculator"
    inputs = CostInputs.from_mapping(decode_calculator_state(url))
    assert (inputs.queries_per_day, inputs.latency_budget_ms, inputs.knowledge_pages) == (50000, 800, 300)


class _Answers:
    """Answers as the quiz holds them: with or without the knowledge size (the advice issue adds it)."""

    def __init__(self, **values):
        self.queries_per_day = values.get("queries_per_day", 5000)
        self.latency_budget_ms = values.get("latency_budget_ms")
        if "knowledge_pages" in values:
            self.knowledge_pages = values["knowledge_pages"]


def test_calculator_values_for_carries_the_knowledge_size_when_the_answers_have_it():
    """Volume always, the budget when set, the pages when the answers give them."""
    assert calculator_values_for(_Answers()) == {"queries_per_day": 5000}
    assert calculator_values_for(_Answers(latency_budget_ms=800, knowledge_pages=40)) == {
        "queries_per_day": 5000, "latency_budget_ms": 800, "knowledge_pages": 40}
    assert calculator_values_for(_Answers(knowledge_pages=None)) == {"queries_per_day": 5000}
    assert calculator_url_for(_Answers(knowledge_pages=40)) == (
        "calculator/?c=2&queries_per_day=5000&knowledge_pages=40#calculator")
    assert calculator_url_for(_Answers(queries_per_day=1e12)) == ""


def test_encode_accepts_cost_inputs_and_keeps_fractions():
    """A `CostInputs` is encoded as is; fractional values keep their digits."""
    inputs = CostInputs(base_input_usd_per_1m=0.15, hosting_usd_per_hour=1.234567)
    assert encode_calculator_state(inputs) == "c=2&base_input_usd_per_1m=0.15&hosting_usd_per_hour=1.234567"


def test_encode_refuses_invalid_values_and_unknown_keys():
    """Invalid values are refused with the cost model's own error."""
    with pytest.raises(InvalidCostInputs) as caught:
        encode_calculator_state({"queries_per_day": -1, "nonsense": 3})
    assert caught.value.fields == ["queries_per_day", "nonsense"]
    with pytest.raises(InvalidCostInputs):
        calculator_url({"queries_per_day": 1e10})


# A real version-1 address, as the quiz and consultants sent them until November 2026 (hosted pricing,
# 150,000 queries a day, a 150 ms budget), and what it must keep meaning: the prices of its day.
OLD_LINK = "calculator/?c=1&queries_per_day=150000&fine_tuned_pricing=hosted&latency_budget_ms=150#calculator"
OLD_LINK_VALUES = {
    "preset": "custom",
    "queries_per_day": 150000.0, "prompt_tokens": 500.0, "context_tokens": 2000.0, "output_tokens": 300.0,
    "knowledge_pages": 20000.0, "tokens_per_page": 500.0,
    "base_input_usd_per_1m": 0.4, "base_cached_input_usd_per_1m": 0.4, "base_cache_write_usd_per_1m": 0.4,
    "base_output_usd_per_1m": 1.6,
    "fine_tuned_input_usd_per_1m": 0.4, "fine_tuned_output_usd_per_1m": 1.6, "hosting_usd_per_hour": 1.7,
    "training_usd_per_1m": 5.0, "training_examples": 1000.0, "tokens_per_example": 1000.0, "epochs": 3.0,
    "training_runs": 2.0, "labelling_usd_per_example": 5.0, "retrain_interval_months": 6,
    "embedding_usd_per_1m": 0.02, "reembed_percent_per_month": 10.0, "vector_db_usd_per_month": 50.0,
    "vector_db_usd_per_1m_reads": 16.0, "reads_per_query": 1.0,
    "context_window_tokens": None, "long_prompt_tokens": None, "long_prompt_input_multiplier": 1.0,
    "long_prompt_output_multiplier": 1.0,
    "horizon_months": 12, "retrieval_latency_ms": 200.0, "latency_budget_ms": 150.0,
}


def test_an_old_calculator_link_opens_with_the_prices_of_its_day():
    """A c=1 link decodes to today's inputs holding gpt-4.1-mini's prices, hosted style, as its sender saw them."""
    assert state_version(OLD_LINK) == "1"
    assert decode_calculator_state(OLD_LINK) == OLD_LINK_VALUES


def test_an_old_link_gives_the_figures_its_sender_saw():
    """The c=1 defaults broke even at about 91,000 a day (per-token) and 65,000 (hosted); they still do.

    By hand (the old defaults): RAG 2,500 × $0.40/1M + 300 × $1.60/1M + 1 read × $16/1M = $0.001496 a query.
    Per-token fine-tuned 500 × $0.80/1M + 300 × $3.20/1M = $0.00136; fixed over 12 months $5,000 labelling +
    $30 training + $30 retraining = $5,060 against RAG's 10,000,000 × $0.02/1M + 12 × ($50 + $0.02) = $600.44:
    4,459.56 / (360 × 0.000136) = 91,086. Hosted: $0.00068 a query and 12 × 720 × $1.70 = $14,688 of hosting:
    (5,060 + 14,688 − 600.44) / (360 × 0.000816) = 65,181.
    """
    assert compare(decode_calculator_state("?c=1&queries_per_day=10000")).break_even_queries_per_day == (
        pytest.approx(91085.8, rel=1e-5))
    hosted = compare(decode_calculator_state(OLD_LINK))
    assert hosted.break_even_queries_per_day == pytest.approx(65181.0, rel=1e-5)
    assert hosted.cheapest == "fine-tuning"
    assert not hosted.long_context.available  # version 1 knew no cached prompt


def test_an_old_link_comes_back_as_a_new_one_with_the_same_figures():
    """Encoding the inputs of a c=1 link gives a c=2 link that opens on the same inputs."""
    inputs = CostInputs.from_mapping(decode_calculator_state(OLD_LINK))
    state = encode_calculator_state(inputs)
    assert state.startswith("c=2&preset=custom&queries_per_day=150000&knowledge_pages=20000")
    assert CostInputs.from_mapping(decode_calculator_state(state)) == inputs
    assert state_version(state) == "2"


def test_old_links_per_token_style_has_no_hosting_fee():
    """Version 1's per-token style charged the fine-tuned premium and no hosting."""
    values = decode_calculator_state("c=1&fine_tuned_pricing=per-token&corpus_tokens=1000000")
    assert (values["fine_tuned_input_usd_per_1m"], values["hosting_usd_per_hour"]) == (0.8, 0.0)
    assert values["knowledge_pages"] == 2000.0


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
@settings(max_examples=200, deadline=None)
def test_every_valid_state_round_trips(values):
    """Whatever the valid inputs, decoding the encoded state gives the same inputs."""
    state = encode_calculator_state(values)
    assert len(state) < MAX_QUERY_LENGTH
    assert re.fullmatch(r"(c=2(&[a-z0-9_]+=[A-Za-z0-9._~%-]*)+)?", state)
    decoded = decode_calculator_state("?" + state)
    assert CostInputs.from_mapping(decoded) == CostInputs.from_mapping(values)
    assert encode_calculator_state(decoded) == state


def test_decode_reads_a_whole_url_and_ignores_other_parameters():
    """A whole URL, its `?`, its fragment and parameters such as `utm_source` are all fine."""
    assert decode_calculator_state(
        "https://example.org/calculator/?utm_source=mail&c=2&horizon_months=24&x=%ZZ#calculator"
    ) == {"horizon_months": 24}
    assert decode_calculator_state("") == {}
    assert decode_calculator_state("?utm_source=mail&&") == {}
    assert decode_calculator_state("c=2") == {}
    assert state_version("?utm_source=mail") == "" and state_version("c=9&epochs=1") == ""


def test_decode_undoes_percent_encoding_and_plus():
    """Values may arrive percent-encoded, with `+` for a space (which is trimmed)."""
    assert decode_calculator_state("c=2&preset=%68aiku-vertex&queries_per_day=+5000+") == {
        "preset": "haiku-vertex", "queries_per_day": 5000.0,
    }


def test_empty_optional_value_in_the_link_means_none():
    """`latency_budget_ms=` clears the budget."""
    assert decode_calculator_state("c=2&latency_budget_ms=") == {"latency_budget_ms": None}


BAD_STATES = [
    ("queries_per_day=5000", ["c"]),  # no version
    ("c=3&queries_per_day=5000", ["c"]),  # a version this guide does not know
    ("c=2&c=2&queries_per_day=5000", ["c"]),
    ("c=2&queries_per_day=5000&queries_per_day=6000", ["queries_per_day"]),
    ("c=2&queries_per_day=-5", ["queries_per_day"]),
    ("c=2&queries_per_day=abc&horizon_months=0.5", ["queries_per_day", "horizon_months"]),
    ("c=2&queries_per_day=1e400", ["queries_per_day"]),
    ("c=2&queries_per_day=nan", ["queries_per_day"]),
    ("c=2&preset=gpt-7&queries_per_day=5", ["preset"]),  # a preset this guide does not offer (any more)
    ("c=2&queries_per_day=%FF%FE", ["link"]),
    ("c=%3Cscript%3E&queries_per_day=1", ["c"]),
    ("c=2&queries_per_day=" + "9" * 3000, ["link"]),
    # Version 1 is checked as strictly, by its own inputs.
    ("c=1&queries_per_day=-5", ["queries_per_day"]),
    ("c=1&fine_tuned_pricing=free", ["fine_tuned_pricing"]),
    ("c=1&corpus_tokens=1e13", ["corpus_tokens"]),
    ("c=1&queries_per_day=5&queries_per_day=6", ["queries_per_day"]),
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
    assert "is not one this guide knows (c=2)" in message
    assert len(message) < 100


@pytest.mark.parametrize("query", [None, 12, b"c=2", ["c=2"], {"c": "2"}])
def test_decode_refuses_what_is_not_text(query):
    """Anything but text is refused with a DecisionError."""
    with pytest.raises(InvalidCostInputs) as caught:
        decode_calculator_state(query)
    assert caught.value.fields == ["link"]


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_garbage_only_ever_raises_decision_error(query):
    """Any text at all either decodes to valid inputs or raises a DecisionError."""
    try:
        values = decode_calculator_state(query)
    except DecisionError:
        return
    CostInputs.from_mapping(values)


@given(st.lists(st.tuples(st.sampled_from(["c"] + [cost_input.id for cost_input in COST_INPUTS]
                                          + ["fine_tuned_pricing", "corpus_tokens"]),
                          st.text(alphabet="0123456789.e+-%ABCDEFabcdefhostedpr", max_size=12)),
                max_size=8))
@settings(max_examples=300, deadline=None)
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


def test_your_case_holds_the_preset_then_the_few_decisive_inputs():
    """The form opens with the preset and the inputs that decide most cases; nothing else."""
    tree = parse(calculator_form_html())
    inside = [element.attrs["data-input"] for element in tree.elements if "data-input" in element.attrs]
    assert inside == ["preset", "queries_per_day", "prompt_tokens", "context_tokens", "output_tokens",
                      "knowledge_pages"]
    assert [cost_input.id for cost_input in COST_INPUTS if cost_input.group == COST_INPUT_GROUPS[0][0]] == inside
    assert text_of(tree.by_id("calculator-form-title")) == "Your case"


def test_the_other_inputs_are_folded_in_native_disclosures_by_group():
    """Every other group is a closed <details> with its label as summary, its fields joined to the form."""
    tree = parse(calculator_more_html())
    groups = tree.find("details", **{"class": "calculator__group"})
    assert [group.attrs["data-group"] for group in groups] == [group_id for group_id, _ in COST_INPUT_GROUPS[1:]]
    for (group_id, label), group in zip(COST_INPUT_GROUPS[1:], groups):
        assert "open" not in group.attrs
        summary = [element for element in tree.find("summary") if element.parents[-1] is group]
        assert [text_of(element) for element in summary] == [label]
        inside = [element.attrs["data-input"] for element in tree.elements
                  if "data-input" in element.attrs and group in element.parents]
        assert inside == [cost_input.id for cost_input in COST_INPUTS if cost_input.group == group_id]
    assert all(control.attrs["form"] == "calculator-form" for control in tree.find("input"))


def test_a_group_a_link_changes_opens_so_its_figures_are_in_view():
    """A changed value in a folded group opens it; a preset's own prices open nothing."""
    assert open_groups({"hosting_usd_per_hour": 3}) == ("fine-tuning",)
    assert open_groups({"preset": "haiku-vertex", "base_input_usd_per_1m": 0.1}) == ()
    assert open_groups({"horizon_months": "24", "queries_per_day": 5}) == ("time-latency",)
    tree = parse(calculator_more_html({"cache_writes_per_day": 2}))
    assert "open" in tree.by_id("calculator-group-cached-prompt").attrs


@pytest.mark.parametrize("cost_input", [cost_input for cost_input in COST_INPUTS if cost_input.choices is None],
                         ids=lambda cost_input: cost_input.id)
def test_number_field_has_label_unit_grouped_digits_and_what_it_accepts(cost_input):
    """Each number is a text field with grouped digits, a label with its unit, and help saying what it accepts."""
    tree = parse(calculator_form_html() + calculator_more_html())
    ident = control_id(cost_input.id)
    control = tree.by_id(ident)
    assert control.tag == "input"
    attrs = control.attrs
    assert attrs["type"] == "text" and attrs["name"] == cost_input.id
    assert attrs["value"] == field_text(cost_input.default)
    assert attrs["inputmode"] == ("numeric" if cost_input.integer else "decimal")
    assert ("required" in attrs) is not cost_input.optional
    assert attrs["aria-describedby"] == ident + "-help"
    label = tree.find("label", **{"for": ident})
    assert len(label) == 1
    assert text_of(label[0]).startswith(cost_input.label)
    assert "(" + cost_input.unit + ")" in text_of(label[0])
    help_text = text_of(tree.by_id(ident + "-help"))
    assert "Accepts " + cost_input.range_text + "." in help_text
    if cost_input.preset:
        assert "Filled by the preset" in help_text
    else:
        assert cost_input.source in help_text and cost_input.as_of in help_text
    error = tree.by_id(ident + "-error")
    assert "hidden" in error.attrs and text_of(error) == ""


def test_digits_are_grouped_in_the_fields():
    """Ten thousand reads 10,000; a price keeps its digits."""
    tree = parse(calculator_form_html() + calculator_more_html())
    assert tree.by_id("calc-queries_per_day").attrs["value"] == "10,000"
    assert tree.by_id("calc-base_cache_write_usd_per_1m").attrs["value"] == "0.125"
    assert tree.by_id("calc-context_window_tokens").attrs["value"] == "922,000"


def test_estimates_and_unconfirmed_figures_say_so_beside_their_label():
    """The labelling cost is an estimate; the default fine-tuned prices are unconfirmed; sourced ones say nothing."""
    tree = parse(calculator_more_html())
    assert text_of(tree.by_id("calc-labelling_usd_per_example-mark")) == "estimate"
    assert text_of(tree.by_id("calc-training_usd_per_1m-mark")) == "unconfirmed"
    assert "hidden" in tree.by_id("calc-base_input_usd_per_1m-mark").attrs
    assert dict(preset_markings("haiku-vertex"))["base_input_usd_per_1m"] == ""
    assert dict(preset_markings("deepseek-together-lora"))["hosting_usd_per_hour"] == "estimate"
    assert set(dict(preset_markings("custom")).values()) == {""}


def test_optional_field_says_so_and_starts_empty():
    """The latency budget is optional and empty by default."""
    tree = parse(calculator_more_html())
    assert tree.by_id("calc-latency_budget_ms").attrs["value"] == ""
    assert "optional" in text_of(tree.find("label", **{"for": "calc-latency_budget_ms"})[0])


def test_the_preset_is_a_select_with_buyable_routes_first_then_legacy_then_your_own():
    """A native select: presets a new client can buy, the legacy ones with their end dates, then custom."""
    tree = parse(calculator_form_html())
    select = tree.by_id("calc-preset")
    assert select.tag == "select" and select.attrs["aria-describedby"] == "calc-preset-help"
    groups = tree.find("optgroup")
    assert [group.attrs["label"] for group in groups] == [
        "A new client can buy these", "Legacy: existing customers only"]
    options = tree.find("option")
    assert [option.attrs["value"] for option in options] == [value for value, _ in get_cost_input("preset").choices]
    assert ["selected" in option.attrs for option in options][:2] == [True, False]
    legacy = [text_of(option) for option in options if groups[1] in option.parents]
    assert legacy[0].endswith("stops 2027-01-14") and legacy[1].endswith("stops 2027-10-14")


def test_the_preset_is_described_with_its_figures_markings_sources_and_dates():
    """Under the select: both models, the prices with "unconfirmed" beside them, and the sources in a disclosure."""
    tree = parse(calculator_preset_html(CostInputs()))
    words = " ".join(text_of(element) for element in tree.find("p"))
    assert "run on OpenAI gpt-6-luna: $0.10 in, $0.01 cached, $0.50 out per 1M tokens" in words
    assert "$0.25 unconfirmed in" in words and "no hosting fee unconfirmed" in words
    sources = tree.find("details", **{"class": "calculator__sources"})[0]
    assert "Checked 2026-11-29" in text_of(sources)
    assert "Existing customers only" not in words


def test_a_legacy_preset_shows_when_it_stops_and_changed_prices_are_named():
    """The Microsoft Foundry route: training and serving end dates; a changed hosting fee is named."""
    inputs = CostInputs(preset="legacy-azure-gpt-4-1-mini", hosting_usd_per_hour=2)
    words = " ".join(text_of(element) for element in parse(calculator_preset_html(inputs)).find("p"))
    assert "Existing customers only: new training jobs until 2027-04-14; the fine-tuned model stops on 2027-10-14." in words
    assert "Your own figures replace the preset's for: Hosting." in words
    assert "every price is the one you enter" in calculator_preset_html(CostInputs(preset="custom"))


def test_form_has_a_reset_button_for_every_control_and_unique_ids():
    """A native reset button, joined to the form, returns to the defaults; every id is unique."""
    html = calculator_html()
    tree = parse(html)
    reset = tree.find("button", type="reset")
    assert [text_of(button) for button in reset] == ["Reset to defaults"]
    assert reset[0].attrs["form"] == "calculator-form"
    ids = [element.attrs["id"] for element in tree.elements if "id" in element.attrs]
    assert len(ids) == len(set(ids))
    for element in tree.elements:
        for ident in element.attrs.get("aria-describedby", "").split():
            assert ident in ids


def test_form_shows_given_values_as_typed():
    """Given values, numbers or text as typed, fill the form; the preset is selected."""
    values = {"queries_per_day": 50000.0, "prompt_tokens": "12abc", "preset": " haiku-vertex ",
              "latency_budget_ms": None}
    tree = parse(calculator_form_html(values) + calculator_more_html(values))
    assert tree.by_id("calc-queries_per_day").attrs["value"] == "50,000"
    assert tree.by_id("calc-prompt_tokens").attrs["value"] == "12abc"
    selected = [option.attrs["value"] for option in tree.find("option") if "selected" in option.attrs]
    assert selected == ["haiku-vertex"]
    assert tree.by_id("calc-context_window_tokens").attrs["value"] == "1,000,000"  # Haiku's
    assert tree.by_id("calc-latency_budget_ms").attrs["value"] == ""


def test_form_accepts_cost_inputs_and_mappings():
    """A `CostInputs` or any object with `items()` fills the form; anything else is refused."""
    tree = parse(calculator_more_html(CostInputs(horizon_months=24)))
    assert tree.by_id("calc-horizon_months").attrs["value"] == "24"

    class Items:
        def items(self):
            return [("horizon_months", 36)]

    assert 'value="36"' in calculator_more_html(Items())
    with pytest.raises(InvalidCostInputs):
        calculator_form_html(42)


def test_form_escapes_what_it_is_given():
    """Text typed or read from a link is escaped in the value attribute; an unknown preset shows the default's."""
    html = calculator_form_html({"queries_per_day": HOSTILE, "preset": HOSTILE})
    assert "<script>" not in html
    assert parse(html).by_id("calc-queries_per_day").attrs["value"] == HOSTILE


def test_field_html_escapes_declarations():
    """Labels, units, help and sources are escaped too."""
    from decision_core.framework.cost_inputs import CostInput

    hostile = CostInput("x", HOSTILE, 1, HOSTILE, 0, 10, 1, HOSTILE, HOSTILE, HOSTILE, "usage")
    html = calculator_field_html(hostile, 1)
    assert "<script>" not in html
    tree = parse(html)
    assert HOSTILE in text_of(tree.find("label")[0])
    choice = CostInput("y", HOSTILE, "a", "", None, None, None, HOSTILE, "2026", HOSTILE, "usage",
                       choices=(("a", HOSTILE), ('"b', HOSTILE)))
    html = calculator_field_html(choice, "a")
    assert "<script>" not in html
    assert [element.attrs["value"] for element in parse(html).find("option")] == ["a", '"b']


def test_field_text_groups_digits_and_keeps_what_was_typed():
    """Numbers get grouped digits and up to six decimals; text and empties are kept."""
    assert [field_text(value) for value in (10000.0, 922000, 0.125, 0.003, 1.5, None, "12abc")] == [
        "10,000", "922,000", "0.125", "0.003", "1.5", "", "12abc"]


# -- The results ----------------------------------------------------------------------------


def test_summary_says_the_cheapest_break_even_cached_prompt_and_latency_in_words():
    """The sentences: cheapest option and its total, fine-tuning's verdict, the cached prompt, the latency."""
    comparison = compare()
    tree = parse(calculator_summary_html(comparison))
    paragraphs = [text_of(element) for element in tree.find("p")]
    assert paragraphs == [
        "Over 12 months at 10,000 queries a day, RAG costs least: $2,054 in all.",
        comparison.break_even_sentence,
        comparison.long_context_sentence,
        comparison.latency_sentence,
    ]
    assert "fine-tune for behaviour, not for cost" in paragraphs[1]
    assert tree.find("p")[0].attrs["data-calculator-cheapest"] == "rag"


def test_summary_follows_the_inputs():
    """One month, a latency budget and a high volume change the words."""
    comparison = compare({"horizon_months": 1, "queries_per_day": 10000000, "latency_budget_ms": 100,
                          "preset": "flash-lite-vertex"})
    summary = calculator_summary_html(comparison)
    assert "Over 1 month at 10,000,000 queries a day, <strong>Fine-tuning</strong>" in summary
    assert "RAG does not fit it" in summary


def test_costs_table_has_each_option_and_marks_the_cheapest():
    """One row per option with per-1,000-queries, one-off, monthly, retraining and total figures.

    Fine-tuning at 150,000 queries a day on Flash-Lite (Vertex), worked by hand from the defaults: a query is
    500 prompt tokens at $0.25/1M plus 300 output tokens at $1.50/1M = $0.000575, so $0.58 per 1,000; one-off
    is 1,000 examples labelled at $5 ($5,000) plus training 1,000 examples x 1,000 tokens x 3 epochs x 2 runs
    = 6M tokens at $1.50/1M ($9); nothing monthly; one retraining (every 6 months, within 12) of $9; total
    $5,009 + $9 + 30 x 150,000 x 12 x $0.000575 ($31,050) = $36,068.
    """
    comparison = compare({"queries_per_day": 150000, "preset": "flash-lite-vertex"})
    tree = parse(calculator_costs_html(comparison))
    headers = [text_of(element) for element in tree.find("th", scope="col")]
    assert headers == ["Approach", "Per 1,000 queries", "One-off", "Monthly", "Each retraining",
                       "Total over 12 months"]
    rows = tree.find("tr")[1:]
    assert [row.attrs["data-option"] for row in rows] == ["rag", "fine-tuning", "both", "long-context"]
    cells = [text_of(element) for element in tree.elements if element.tag == "td" and rows[1] in element.parents]
    assert cells == ["$0.58", "$5,009", "$0", "$9 × 1", "$36,068"]  # no cents on thousands
    assert text_of(tree.find("th", scope="row")[1]) == "Fine-tuning (cheapest)"
    assert "none" == text_of([element for element in tree.elements
                           if element.tag == "td" and rows[0] in element.parents][3])
    assert all(element.attrs["data-label"] for element in tree.find("td"))
    assert "150,000 queries a day" in text_of(tree.find("caption")[0])


def test_an_option_that_cannot_be_built_says_why_instead_of_figures():
    """A knowledge base too big for the context: the cached prompt's row says it is not possible."""
    tree = parse(calculator_costs_html(compare({"knowledge_pages": 5000})))
    row = tree.find("tr", data_option="long-context")[0]
    cells = [text_of(element) for element in tree.elements if element.tag == "td" and row in element.parents]
    assert len(cells) == 1 and cells[0].startswith("Not possible: about 2,500,000 tokens of knowledge do not fit")


def test_result_is_a_live_summary_then_the_table():
    """The sentences sit in a polite live region; the table follows it, outside."""
    tree = parse(calculator_result_html(compare()))
    live = tree.find(aria_live="polite")
    assert len(live) == 1 and live[0].attrs["aria-atomic"] == "true"
    assert "data-calculator-summary" in live[0].attrs
    table = tree.find("table")[0]
    assert live[0] not in table.parents


def test_chart_html_holds_a_wide_and_a_narrow_chart_and_its_table():
    """Both layouts (each its own id) in one figure and, in a details element, the month-by-month table."""
    comparison = compare()
    tree = parse(calculator_chart_html(comparison))
    for ident, layout in (("calculator-chart", "wide"), ("calculator-chart-narrow", "narrow")):
        svg = tree.by_id(ident)
        assert svg.tag == "svg" and svg.attrs["role"] == "img"
        assert "cost-chart--" + layout in svg.attrs["class"]
        assert [element.tag for element in svg.parents] == ["figure"]
    table = tree.find("table")[0]
    assert "details" in [element.tag for element in table.parents]
    assert money(comparison.rag.total_usd) in text_of(table)


def test_problems_are_listed_with_links_to_their_fields_and_escaped():
    """Each problem names its field and links to it; hostile text is escaped."""
    html = calculator_problems_html([
        Problem("queries_per_day", "is negative"), Problem(HOSTILE, HOSTILE),
    ])
    assert "<script>" not in html
    tree = parse(html)
    links = tree.find("a")
    assert [link.attrs["href"] for link in links] == ["#calc-queries_per_day"]
    items = [text_of(element) for element in tree.find("li")]
    assert items == ["Queries per day: is negative", HOSTILE + ": " + HOSTILE]
    assert "last valid inputs" in text_of(tree.elements[0])


# -- The whole widget ---------------------------------------------------------------------


def test_widget_has_the_runtime_hooks_your_case_results_then_more_inputs():
    """The widget root, its status line, two notices, your case, the results and the other inputs, in order."""
    html = calculator_html()
    tree = parse(html)
    root = tree.elements[0]
    assert root.attrs["data-widget"] == "calculator" and root.attrs["data-state"] == "loading"
    assert tree.find("p", role="status")[0].attrs["class"] == "widget-status"
    for hook in ("data-calculator-notice", "data-calculator-old-link"):
        notice = [element for element in tree.elements if hook in element.attrs][0]
        assert "hidden" in notice.attrs
    order = [element.attrs["id"] for element in tree.elements
             if element.attrs.get("id") in ("calculator-result", "calculator-form", "calculator-more-title")]
    assert order == ["calculator-form", "calculator-result", "calculator-more-title"]
    assert calculator_summary_html(compare()) in html
    assert tree.by_id("calculator-chart").tag == "svg"
    ids = {element.attrs.get("id") for element in tree.elements}
    for link in tree.find("a"):
        if link.attrs["href"].startswith("#"):
            assert link.attrs["href"][1:] in ids


def test_the_old_link_notice_names_the_shutdown_date_from_the_facts():
    """The notice for a c=1 link says what those prices were and when that model stops."""
    assert "gpt-4.1-mini, which OpenAI shuts down on 2027-01-14" in OLD_LINK_NOTICE


def test_widget_for_other_values_shows_their_figures():
    """Given values, the widget shows their figures and a form holding them."""
    html = calculator_html({"queries_per_day": 150000})
    assert "at 150,000 queries a day" in html
    assert parse(html).by_id("calc-queries_per_day").attrs["value"] == "150,000"
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
    "form": calculator_form_html({"queries_per_day": "12<b>", "preset": "haiku-vertex"}),
    "widget": calculator_html({"queries_per_day": 150000, "base_input_usd_per_1m": "0.15",
                               "preset": "legacy-azure-gpt-4-1-mini", "knowledge_pages": 5000}),
    "url": calculator_url({"queries_per_day": 50000, "hosting_usd_per_hour": 1.234567, "latency_budget_ms": 800}),
    "states": states,
}))
'''

@pytest.mark.runtimes
def test_micropython_writes_the_same_html_links_and_errors():
    """Under MicroPython (the browser's default), the form, the widget, links and link errors equal CPython's."""
    queries = ["?c=2&queries_per_day=50000&hosting_usd_per_hour=1.234567", "c=2&preset=%68aiku-vertex",
               "c=2&latency_budget_ms=", "", "utm_source=x", "queries_per_day=5000", "c=3&queries_per_day=5",
               "c=2&queries_per_day=%FF%FE", "c=2&queries_per_day=-5&horizon_months=0.5", "c=2&c=2",
               "c=2&queries_per_day=1e400", "c=2&queries_per_day=nan", "c=" + "x" * 100 + "&epochs=1",
               OLD_LINK, "c=1&fine_tuned_pricing=per-token&corpus_tokens=12345", "c=2&preset=gpt-7"]
    try:
        in_micropython = run_micropython("QUERIES_JSON = " + repr(json.dumps(queries)) + "\n" + _PROBE)
    except Unavailable as reason:
        pytest.skip(str(reason))
    namespace = {"QUERIES_JSON": json.dumps(queries)}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(_PROBE, "probe", "exec"), namespace)
    assert json.loads(in_micropython) == json.loads(output.getvalue())
