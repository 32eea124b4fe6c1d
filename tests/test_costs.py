"""The cost model: hand-computed cases, the break-even formula, validation and its properties."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_core.framework.cost_inputs import COST_INPUT_IDS, COST_INPUTS, get_cost_input
from decision_core.model.costs import (
    OPTION_IDS,
    CostComparison,
    break_even_queries_per_day,
    compare,
)
from decision_core.base.format import money_cents as format_usd
from decision_core.model.cost_values import CostInputs
from decision_core.base.errors import DecisionError, InvalidCostInputs

# A small case with round numbers, computed by hand below.
SIMPLE = {
    "queries_per_day": 1000,
    "prompt_tokens": 1000,
    "context_tokens": 3000,
    "output_tokens": 1000,
    "base_input_usd_per_1m": 1,
    "base_output_usd_per_1m": 2,
    "fine_tuned_pricing": "per-token",
    "fine_tuned_input_usd_per_1m": 2,
    "fine_tuned_output_usd_per_1m": 3,
    "hosting_usd_per_hour": 1,
    "training_usd_per_1m": 5,
    "training_examples": 100,
    "tokens_per_example": 1000,
    "epochs": 2,
    "training_runs": 1,
    "labelling_usd_per_example": 10,
    "retrain_interval_months": 6,
    "embedding_usd_per_1m": 1,
    "corpus_tokens": 1000000,
    "reembed_percent_per_month": 0,
    "vector_db_usd_per_month": 10,
    "vector_db_usd_per_1m_reads": 1000,
    "reads_per_query": 1,
    "horizon_months": 12,
    "retrieval_latency_ms": 200,
}
# RAG per query: (1,000 + 3,000) × $1/1M + 1,000 × $2/1M + 1 × $1,000/1M = 0.004 + 0.002 + 0.001
RAG_PER_QUERY = 0.007
# Fine-tuned per query: 1,000 × $2/1M + 1,000 × $3/1M
FT_PER_QUERY = 0.005
# One training: 100 examples × 1,000 tokens × 2 epochs × $5/1M × 1 run = $1; labelling 100 × $10 = $1,000
TRAINING = 1.0
LABELLING = 1000.0
# RAG fixed: embedding 1M tokens × $1/1M = $1 once, vector DB $10 a month


def simple(**changes):
    """The simple case's comparison, with some inputs changed."""
    values = dict(SIMPLE)
    values.update(changes)
    return compare(values)


def test_rag_costs_follow_the_hand_computation():
    """RAG pays context tokens and reads per query, the vector DB monthly and embedding once."""
    rag = simple().rag
    assert rag.per_query_usd == pytest.approx(RAG_PER_QUERY)
    assert rag.one_off_usd == pytest.approx(1.0)
    assert rag.monthly_usd == pytest.approx(10.0)
    assert rag.retraining_usd == 0
    # cumulative(m) = 1 + 10 m + 30 × 1,000 × m × 0.007 = 1 + 220 m
    assert rag.cumulative_usd == pytest.approx(tuple(1 + 220 * m for m in range(13)))


def test_fine_tuning_costs_follow_the_hand_computation():
    """Fine-tuning pays labelling and training once, a retraining at month 6, and cheaper queries."""
    tuned = simple().fine_tuning
    assert tuned.per_query_usd == pytest.approx(FT_PER_QUERY)
    assert tuned.one_off_usd == pytest.approx(LABELLING + TRAINING)
    assert tuned.monthly_usd == 0
    assert tuned.retraining_usd == pytest.approx(TRAINING)
    # cumulative(m) = 1,001 + (1 from month 6) + 30 × 1,000 × m × 0.005 = 1,001 + 150 m (+ 1)
    expected = tuple(1001 + 150 * m + (1 if m >= 6 else 0) for m in range(13))
    assert tuned.cumulative_usd == pytest.approx(expected)


def test_both_pays_fine_tuned_prices_for_context_and_every_fixed_cost():
    """Both pays fine-tuned prices for prompt and context, retrieval, and both sets of fixed costs."""
    both = simple().both
    # 4,000 × $2/1M + 1,000 × $3/1M + 1 × $1,000/1M
    assert both.per_query_usd == pytest.approx(0.008 + 0.003 + 0.001)
    assert both.one_off_usd == pytest.approx(1 + LABELLING + TRAINING)
    assert both.monthly_usd == pytest.approx(10.0)
    # 1,002 + 12 × 10 + one retraining + 30 × 1,000 × 12 × 0.012
    assert both.total_usd == pytest.approx(1002 + 120 + 1 + 4320)


def test_hosted_style_uses_base_prices_and_bills_hosting_monthly():
    """In the hosted style, fine-tuned queries cost base prices and hosting costs 720 hours a month."""
    comparison = simple(fine_tuned_pricing="hosted")
    assert comparison.fine_tuning.per_query_usd == pytest.approx(0.001 + 0.002)
    assert comparison.fine_tuning.monthly_usd == pytest.approx(720.0)
    assert comparison.both.monthly_usd == pytest.approx(10.0 + 720.0)
    # Q* = (1,002 + 12 × 720 − (1 + 12 × 10)) / (30 × 12 × (0.007 − 0.003))
    assert comparison.break_even_queries_per_day == pytest.approx((1002 + 12 * 720 - 121) / (30 * 12 * 0.004))


def test_re_embedding_adds_the_changed_share_of_the_corpus_every_month():
    """Re-embedding 50% of a $1 corpus each month adds $0.50 to RAG's and both's monthly costs."""
    comparison = simple(reembed_percent_per_month=50)
    assert comparison.rag.monthly_usd == pytest.approx(10.5)
    assert comparison.both.monthly_usd == pytest.approx(10.5)
    assert comparison.fine_tuning.monthly_usd == 0


def test_items_add_up_to_each_options_totals():
    """Every option's cost lines add up to its per-query, one-off, monthly and retraining totals."""
    for _, option in compare({"fine_tuned_pricing": "hosted"}).options:
        for kind, total in (("per-query", option.per_query_usd), ("one-off", option.one_off_usd),
                            ("monthly", option.monthly_usd), ("retraining", option.retraining_usd)):
            assert sum(item.usd for item in option.items if item.kind == kind) == pytest.approx(total)
        assert {item.kind for item in option.items} <= {"per-query", "one-off", "monthly", "retraining"}
        assert "CostItem(" in repr(option.items[0])


def test_break_even_volume_is_the_closed_form_over_the_horizon():
    """Q* = extra fixed cost of fine-tuning over the horizon / (30 × horizon × per-query saving)."""
    # FT fixed over 12 months: 1,000 + 1 + 1 retraining; RAG fixed: 1 + 12 × 10
    expected = (1002 - 121) / (30 * 12 * (RAG_PER_QUERY - FT_PER_QUERY))
    assert simple().break_even_queries_per_day == pytest.approx(expected)
    assert break_even_queries_per_day(SIMPLE) == pytest.approx(expected)


def test_break_even_month_is_when_fine_tuning_falls_below_rag_for_good():
    """At 2,000 a day, FT − RAG = 1,000 + 1 − 130 m turns negative in month 8."""
    comparison = simple(queries_per_day=2000)
    assert comparison.break_even_month == 8
    assert comparison.cheapest == "fine-tuning"


def test_no_break_even_month_when_rag_is_still_cheaper_at_the_horizon():
    """Below the break-even volume, fine-tuning never gets below RAG within the horizon."""
    comparison = simple()
    assert comparison.break_even_month is None
    assert comparison.cheapest == "rag"


def test_never_breaks_even_when_fine_tuned_requests_are_not_cheaper():
    """When a fine-tuned query costs as much as a RAG one or more, no volume makes fine-tuning cheaper."""
    comparison = simple(fine_tuned_input_usd_per_1m=4)  # 0.004 + 0.003 = 0.007, the same as RAG
    assert comparison.break_even_queries_per_day is None
    assert break_even_queries_per_day(dict(SIMPLE, fine_tuned_input_usd_per_1m=10)) is None
    assert comparison.break_even_sentence == (
        "A fine-tuned request costs no less than a RAG request ($7.00 against $7.00 per 1,000 queries), "
        "so no volume makes fine-tuning cheaper than RAG over 12 months."
    )


def test_fine_tuning_is_cheaper_at_any_volume_when_its_fixed_costs_are_lower():
    """With no labelling or training to pay and a dear vector database, fine-tuning wins at any volume."""
    comparison = simple(labelling_usd_per_example=0, training_usd_per_1m=0, horizon_months=1)
    assert comparison.break_even_queries_per_day == 0.0
    assert comparison.break_even_month == 0
    assert comparison.break_even_sentence == "Fine-tuning is cheaper than RAG at any volume over 1 month."


@pytest.mark.parametrize(("style", "about"), [("per-token", "91,000"), ("hosted", "65,000")])
def test_defaults_break_even_inside_the_range_of_the_facts_sheet(style, about):
    """With the defaults, RAG stays cheaper below 50,000–200,000 queries a day, in both pricing styles."""
    comparison = compare({"fine_tuned_pricing": style})
    assert 50000 <= comparison.break_even_queries_per_day <= 200000
    assert comparison.break_even_sentence == (
        "Fine-tuning becomes cheaper than RAG above about " + about + " queries a day over 12 months."
    )


def test_default_per_query_costs():
    """Defaults: a RAG query costs $1.496 per 1,000, a fine-tuned one $1.36 (per-token) or $0.68 (hosted)."""
    assert compare().rag.per_query_usd == pytest.approx(2500 * 0.4e-6 + 300 * 1.6e-6 + 16e-6)
    assert compare().fine_tuning.per_query_usd == pytest.approx(500 * 0.8e-6 + 300 * 3.2e-6)
    assert compare({"fine_tuned_pricing": "hosted"}).fine_tuning.per_query_usd == pytest.approx(
        500 * 0.4e-6 + 300 * 1.6e-6)


@pytest.mark.parametrize(
    ("volume", "words"),
    [(37.4, "about 37 queries"), (0.25, "about 0.25 queries"), (1234, "about 1,200 queries"),
     (234567, "about 230,000 queries")],
)
def test_break_even_sentence_rounds_to_two_significant_figures(volume, words):
    """The sentence's volume is rounded to two significant figures ("about"), small ones kept readable."""
    # Scale labelling so that Q* = volume: extra fixed = volume × 30 × 12 × 0.002 = 0.72 × volume.
    labelling = (0.72 * volume + 121 - 2) / 100
    comparison = simple(labelling_usd_per_example=labelling)
    assert comparison.break_even_queries_per_day == pytest.approx(volume)
    assert words in comparison.break_even_sentence


@pytest.mark.parametrize(
    ("interval", "horizon", "count"),
    [(6, 12, 1), (5, 12, 2), (4, 12, 2), (12, 12, 0), (24, 12, 0), (0, 12, 0), (1, 1, 0), (1, 4, 3)],
)
def test_retrainings_fall_every_interval_before_the_horizon_ends(interval, horizon, count):
    """Retrainings fall at months N, 2N, …; one on the horizon's last month pays for later months."""
    tuned = simple(retrain_interval_months=interval, horizon_months=horizon).fine_tuning
    assert tuned.retrainings(horizon) == count
    assert tuned.total_usd == pytest.approx(1001 + count * TRAINING + 150 * horizon)


def test_no_retraining_is_counted_when_training_is_free():
    """Free training makes retraining free, whatever the interval."""
    assert simple(training_usd_per_1m=0).fine_tuning.retrainings(12) == 0


def test_cost_at_another_volume_uses_the_same_fixed_costs():
    """`cost_at` recomputes the volume term only."""
    rag = simple().rag
    assert rag.cost_at(12, queries_per_day=0) == pytest.approx(121)
    assert rag.cost_at(12) == rag.total_usd


def test_options_are_ordered_rag_fine_tuning_both():
    """`options` lists rag, fine-tuning and both in that order, the same objects as the attributes."""
    comparison = compare()
    assert tuple(option_id for option_id, _ in comparison.options) == OPTION_IDS
    assert [option for _, option in comparison.options] == [comparison.rag, comparison.fine_tuning, comparison.both]
    assert [option.label for _, option in comparison.options] == ["RAG", "Fine-tuning", "Both"]
    assert comparison.option("both") is comparison.both
    assert len(comparison.rag.cumulative_usd) == 13


def test_unknown_option_is_refused():
    """Asking for an option that does not exist raises InvalidCostInputs."""
    with pytest.raises(InvalidCostInputs):
        compare().option("prompting")


def test_ties_go_to_the_earlier_option():
    """When every option costs nothing, the cheapest is RAG, the first."""
    free = {input_id: 0 for input_id in COST_INPUT_IDS
            if get_cost_input(input_id).kind == "number" and input_id != "horizon_months"}
    free["latency_budget_ms"] = None
    assert compare(free).cheapest == "rag"


def test_latency_fits_compares_retrieval_with_the_budget():
    """Retrieval fits a budget it does not exceed; no budget means no answer."""
    comparison = compare()
    assert comparison.retrieval_latency_ms == 200
    assert comparison.latency_fits() is None
    assert comparison.latency_fits(200) is True
    assert comparison.latency_fits("150") is False
    assert compare({"latency_budget_ms": 1000}).latency_fits() is True


def test_latency_fits_refuses_an_invalid_budget():
    """A negative budget raises InvalidCostInputs naming latency_budget_ms."""
    with pytest.raises(InvalidCostInputs) as caught:
        compare().latency_fits(-1)
    assert caught.value.fields == ["latency_budget_ms"]


@pytest.mark.parametrize(
    ("budget", "sentence"),
    [
        (None, "Retrieval adds about 200 ms to each RAG response, plus the time to read 2,000 more context "
               "tokens; measure your p95."),
        (1000, "Retrieval adds about 200 ms to each RAG response, leaving 800 ms of your 1,000 ms budget "
               "for the model and the time to read 2,000 more context tokens."),
        (150, "Retrieval adds about 200 ms to each RAG response, more than your whole 150 ms budget before "
              "the model starts: RAG does not fit it."),
    ],
)
def test_latency_sentence_states_the_figures(budget, sentence):
    """The latency sentence gives retrieval's milliseconds against the budget, if any."""
    assert compare({"latency_budget_ms": budget}).latency_sentence == sentence


def test_to_dict_is_json_and_round_trips_the_inputs():
    """`to_dict` serialises to JSON, and its inputs rebuild the same CostInputs."""
    comparison = compare({"queries_per_day": "120000", "latency_budget_ms": 500})
    data = json.loads(json.dumps(comparison.to_dict()))
    assert CostInputs.from_mapping(data["inputs"]) == comparison.inputs
    assert [option["id"] for option in data["options"]] == list(OPTION_IDS)
    assert data["options"][1]["retrainings"] == 1
    assert data["options"][0]["cumulative_usd"] == list(comparison.rag.cumulative_usd)
    assert data["cheapest"] == "fine-tuning" and data["break_even_month"] == comparison.break_even_month
    assert data["latency_fits"] is True
    assert data["break_even_sentence"] == comparison.break_even_sentence


def test_reprs_name_the_figures():
    """Reprs show changed inputs, an option's total and the comparison's outcome."""
    comparison = compare({"epochs": 2})
    assert repr(comparison.inputs) == "CostInputs(epochs=2.0)"
    assert repr(comparison.rag).startswith("OptionCost('rag', total_usd=")
    assert repr(comparison).startswith("CostComparison(cheapest='rag'")


def test_from_mapping_fills_defaults_and_accepts_form_strings():
    """Missing keys take their defaults; numbers may come as strings, as a form sends them."""
    inputs = CostInputs.from_mapping({"queries_per_day": "25000", "horizon_months": "24"})
    assert inputs.queries_per_day == 25000.0 and inputs.horizon_months == 24
    assert inputs.epochs == get_cost_input("epochs").default
    assert CostInputs.from_mapping() == CostInputs() == CostInputs.from_mapping({})


def test_from_mapping_accepts_any_object_with_items():
    """A mapping that is not a dict is read through its `items()`."""

    class Form:
        def items(self):
            return [("epochs", "4")]

    assert CostInputs.from_mapping(Form()).epochs == 4.0


def test_from_mapping_names_every_bad_field_with_its_range():
    """Every invalid or unknown field is reported at once, each with what it accepts."""
    with pytest.raises(InvalidCostInputs) as caught:
        CostInputs.from_mapping({
            "queries_per_day": -5, "epochs": "many", "horizon_months": 500,
            "fine_tuned_pricing": "free", "gpu_hours": 3, 7: 1,
        })
    assert caught.value.fields == [
        "queries_per_day", "fine_tuned_pricing", "epochs", "horizon_months", "7", "gpu_hours"]
    messages = [problem.message for problem in caught.value.problems]
    assert messages[0] == "-5 is negative; enter a number from 0 to 1,000,000,000 (queries/day)"
    assert messages[3] == "500 is too large; enter a whole number from 1 to 120 (months)"
    assert messages[5] == "is not a cost input"


@pytest.mark.parametrize("key", ["self", "cls", "values", "__class__", ""])
def test_from_mapping_refuses_keys_that_look_like_python_names(key):
    """Keys such as `self` are unknown inputs like any other, not a crash."""
    with pytest.raises(InvalidCostInputs) as caught:
        CostInputs.from_mapping({key: 1})
    assert caught.value.fields == [key or "''"]


def test_from_mapping_refuses_a_non_string_key_alone():
    """A non-string key is an unknown input even when every other value is valid."""
    with pytest.raises(InvalidCostInputs) as caught:
        CostInputs.from_mapping({("a", "b"): 1})
    assert caught.value.fields == ["('a', 'b')"]


@pytest.mark.parametrize("garbage", [3, "queries", [1, 2], b"{}"])
def test_from_mapping_refuses_what_is_not_a_mapping(garbage):
    """Something that is not a mapping raises InvalidCostInputs on the field `inputs`."""
    with pytest.raises(InvalidCostInputs) as caught:
        CostInputs.from_mapping(garbage)
    assert caught.value.fields == ["inputs"]


def test_replace_changes_some_inputs_and_validates_them():
    """`replace` returns new validated inputs and leaves the original alone."""
    inputs = CostInputs()
    changed = inputs.replace(queries_per_day="50000")
    assert changed.queries_per_day == 50000.0 and inputs.queries_per_day == 10000.0
    assert changed != inputs and hash(inputs) == hash(CostInputs())
    with pytest.raises(InvalidCostInputs):
        inputs.replace(epochs=-1)


def test_items_list_every_input_in_order():
    """`items()` gives one pair per input, in the order of COST_INPUTS."""
    assert tuple(input_id for input_id, _ in CostInputs().items()) == COST_INPUT_IDS


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "$0.00"), (1234.5, "$1,234.50"), (0.004, "$0.00"), (0.005, "$0.01"), (1e9, "$1,000,000,000.00"),
     (-3, "-$3.00"), (-0.001, "$0.00"), (84000, "$84,000.00")],
)
def test_format_usd_writes_dollars_and_cents_with_separators(amount, text):
    """Amounts read with thousands separators and two decimals, negative ones with a leading minus."""
    assert format_usd(amount) == text


# Property tests


def _number(cost_input, low=None, high=None):
    low = cost_input.minimum if low is None else low
    high = cost_input.maximum if high is None else high
    if cost_input.integer:
        return st.integers(int(low), int(high))
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


def valid_inputs():
    """A strategy of valid CostInputs across the whole accepted range."""
    fields = {}
    for cost_input in COST_INPUTS:
        if cost_input.kind == "choice":
            fields[cost_input.id] = st.sampled_from([value for value, _ in cost_input.choices])
        elif cost_input.optional:
            fields[cost_input.id] = st.none() | _number(cost_input)
        elif cost_input.id == "horizon_months":
            fields[cost_input.id] = st.integers(1, 36)
        else:
            fields[cost_input.id] = _number(cost_input)
    return st.fixed_dictionaries(fields).map(lambda values: CostInputs(**values))


@given(valid_inputs(), st.floats(0, 1e9), st.floats(0, 1e9))
def test_cost_grows_with_volume(inputs, volume_a, volume_b):
    """More queries a day never cost less, for every option."""
    low, high = sorted((volume_a, volume_b))
    for _, option in compare(inputs).options:
        month = inputs.horizon_months
        assert option.cost_at(month, low) <= option.cost_at(month, high) * (1 + 1e-12)


@given(valid_inputs())
def test_cost_grows_with_time(inputs):
    """Cumulative costs never fall from one month to the next."""
    for _, option in compare(inputs).options:
        costs = option.cumulative_usd
        assert len(costs) == inputs.horizon_months + 1
        assert all(earlier <= later * (1 + 1e-12) for earlier, later in zip(costs, costs[1:]))


@given(valid_inputs())
def test_curves_meet_at_the_horizon_at_the_break_even_volume(inputs):
    """At the break-even volume, fine-tuning and RAG cost the same at the horizon."""
    comparison = compare(inputs)
    volume = comparison.break_even_queries_per_day
    if volume is None:
        saving = comparison.rag.per_query_usd - comparison.fine_tuning.per_query_usd
        assert saving <= max(1e-12, 1e-9 * comparison.rag.per_query_usd)
        return
    month = inputs.horizon_months
    rag = comparison.rag.cost_at(month, volume)
    tuned = comparison.fine_tuning.cost_at(month, volume)
    if volume == 0:
        assert tuned <= rag * (1 + 1e-9) + 1e-9
    else:
        assert tuned == pytest.approx(rag, rel=1e-6, abs=1e-6)


@given(valid_inputs())
def test_every_valid_input_yields_sentences_and_json(inputs):
    """Any valid inputs give a comparison with sentences and a JSON-able dict."""
    comparison = compare(inputs)
    assert isinstance(comparison, CostComparison)
    assert comparison.cheapest in OPTION_IDS
    assert comparison.break_even_sentence.endswith(".") and comparison.latency_sentence.endswith(".")
    json.dumps(comparison.to_dict())


_garbage_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
    st.sampled_from(["nan", "inf", "-1", "1e999", "0x10", "1,000", "", " ", "per-token", "hosted"]),
    st.lists(st.integers(), max_size=2), st.binary(max_size=4),
)
_keys = st.sampled_from(COST_INPUT_IDS + ("self", "cls", "values", "")) | st.text(max_size=10) | st.integers()


@settings(max_examples=300)
@given(st.dictionaries(_keys, _garbage_values, max_size=8) | _garbage_values)
def test_garbage_only_ever_raises_invalid_cost_inputs(values):
    """Whatever a form sends, the model either computes or raises InvalidCostInputs."""
    try:
        comparison = compare(values)
    except InvalidCostInputs as error:
        assert error.problems and isinstance(error, DecisionError)
        assert all(problem.field for problem in error.problems)
    else:
        json.dumps(comparison.to_dict())
