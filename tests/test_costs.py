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

# A small case with round numbers, computed by hand below. Its own prices throughout (custom preset).
SIMPLE = {
    "preset": "custom",
    "queries_per_day": 1000,
    "prompt_tokens": 1000,
    "context_tokens": 3000,
    "output_tokens": 1000,
    "knowledge_pages": 1000,
    "tokens_per_page": 1000,
    "base_input_usd_per_1m": 1,
    "base_cached_input_usd_per_1m": 0.1,
    "base_cache_write_usd_per_1m": 1.25,
    "base_output_usd_per_1m": 2,
    "fine_tuned_input_usd_per_1m": 2,
    "fine_tuned_output_usd_per_1m": 3,
    "hosting_usd_per_hour": 0,
    "training_usd_per_1m": 5,
    "training_examples": 100,
    "tokens_per_example": 1000,
    "epochs": 2,
    "training_runs": 1,
    "labelling_usd_per_example": 10,
    "retrain_interval_months": 6,
    "embedding_usd_per_1m": 1,
    "reembed_percent_per_month": 0,
    "vector_db_usd_per_month": 10,
    "vector_db_usd_per_1m_reads": 1000,
    "reads_per_query": 1,
    "context_window_tokens": 2000000,
    "long_prompt_tokens": None,
    "long_prompt_input_multiplier": 1,
    "long_prompt_output_multiplier": 1,
    "cache_writes_per_day": 10,
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
# RAG fixed: embedding 1,000 pages × 1,000 tokens = 1M tokens × $1/1M = $1 once, vector DB $10 a month


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


def test_cached_prompt_follows_the_hand_computation():
    """The cached prompt reads the whole knowledge base from the cache per query and writes it monthly.

    By hand: the knowledge base is 1,000 pages × 1,000 tokens = 1,000,000 tokens. Per query: 1,000,000 ×
    $0.10/1M (cached) = $0.10, plus the prompt 1,000 × $1/1M = $0.001 and the answer 1,000 × $2/1M = $0.002:
    $0.103. Monthly: 30 days × 10 writes × 1,000,000 × $1.25/1M = $375. Nothing once. Over 12 months at
    1,000 queries a day: 12 × 375 + 360,000 × 0.103 = 4,500 + 37,080 = $41,580.
    """
    cached = simple().long_context
    assert cached.available and cached.unavailable_reason == ""
    assert cached.per_query_usd == pytest.approx(0.103)
    assert cached.monthly_usd == pytest.approx(375.0)
    assert cached.one_off_usd == 0 and cached.retraining_usd == 0
    assert cached.total_usd == pytest.approx(41580.0)


def test_cached_prompt_at_the_defaults_follows_the_hand_computation():
    """At the defaults (gpt-6-luna, 100 pages), the cached prompt costs $0.70 per 1,000 queries and $4.50 a month.

    By hand: 100 pages × 500 tokens = 50,000 tokens, below gpt-6-luna's 272,000-token long-prompt tier.
    Per query: 50,000 × $0.01/1M = $0.0005 from the cache, 500 × $0.10/1M = $0.00005 for the question,
    300 × $0.50/1M = $0.00015 for the answer: $0.0007. Monthly: 30 × 24 writes × 50,000 × $0.125/1M = $4.50.
    Over 12 months at 10,000 a day: 12 × 4.50 + 3,600,000 × 0.0007 = 54 + 2,520 = $2,574.
    RAG: (500 + 2,000) × $0.10/1M + 300 × $0.50/1M + 0.25 reads × $16/1M = $0.000404 a query; $50 a month
    (plus 10% × 50,000 × $0.02/1M = $0.0001 re-embedding) and $0.001 once: 0.001 + 12 × 50.0001 + 3,600,000 ×
    0.000404 = $2,054.40. Retrieval costs less than the cached prompt above
    (600.0022 − 54) / (360 × (0.0007 − 0.000404)) = 546.0022 / 0.10656 = 5,124 queries a day.
    """
    comparison = compare()
    cached = comparison.long_context
    assert cached.per_query_usd == pytest.approx(0.0007)
    assert cached.monthly_usd == pytest.approx(4.5)
    assert cached.total_usd == pytest.approx(2574.0)
    assert comparison.rag.total_usd == pytest.approx(2054.4022)
    assert comparison.retrieval_break_even_queries_per_day == pytest.approx(5123.89, rel=1e-5)
    assert comparison.cheapest == "rag"


def test_retrieval_becomes_cheaper_above_a_knowledge_size_worked_out_by_hand():
    """At the defaults' 10,000 queries a day, retrieval costs less once the knowledge base passes about 36,000 tokens.

    By hand, over 12 months as lines in the knowledge size K (tokens): the cached prompt costs
    12 × 30 × 24 × K × $0.125/1M + 3,600,000 × (K × $0.01/1M + $0.0002) = 0.03708 K + 720; RAG costs
    12 × $50 + 3,600,000 × $0.000404 + K × $0.02/1M × (1 + 12 × 10%) = 2,054.4 + 0.000000044 K.
    They cross at K = 1,334.4 / 0.037079956 = 35,987 tokens, about 72 pages.
    """
    comparison = compare()
    assert comparison.retrieval_cheaper_above_tokens == pytest.approx(35987.1, rel=1e-4)
    assert "or above about 72 pages at this volume" in comparison.long_context_sentence


def test_the_long_prompt_tier_bills_the_whole_request_at_its_multipliers():
    """Above gpt-6-luna's 272,000 input tokens the whole request costs 2× input and 1.5× output.

    By hand, 600 pages = 300,000 tokens, and 300,500 input tokens in all, above the tier: per query
    300,000 × $0.02/1M + 500 × $0.20/1M + 300 × $0.75/1M = $0.006 + $0.0001 + $0.000225 = $0.006325;
    monthly 720 writes × 300,000 × $0.25/1M = $54.
    """
    cached = compare({"knowledge_pages": 600}).long_context
    assert cached.per_query_usd == pytest.approx(0.006325)
    assert cached.monthly_usd == pytest.approx(54.0)
    just_below = compare({"knowledge_pages": 543}).long_context  # 271,500 + 500 = 272,000: not above
    assert just_below.per_query_usd == pytest.approx(271500 * 0.01e-6 + 500 * 0.1e-6 + 300 * 0.5e-6)


def test_at_low_volume_the_size_where_retrieval_wins_is_the_long_prompt_tier():
    """At 100 queries a day the cached prompt stays cheaper up to the tier, where its prices jump.

    By hand, over 12 months at 100 a day (36,000 queries): below the tier the cached prompt costs
    K × (8,640 × $0.125/1M + 36,000 × $0.01/1M) + 36,000 × $0.0002 = 0.00144 K + 7.20, RAG about
    $600 + 36,000 × $0.000404 = $614.54: the cached prompt stays cheaper up to K = 271,500, the tier's edge
    (0.00144 × 271,500 + 7.20 = $398). Just above it the rates double: 0.00288 K + 7.20 + … = $789, dearer.
    """
    comparison = compare({"queries_per_day": 100})
    assert comparison.retrieval_cheaper_above_tokens == pytest.approx(271500)


def test_a_knowledge_base_too_big_for_the_context_cannot_go_in_a_prompt():
    """2,000 pages (1,000,000 tokens) do not fit gpt-6-luna's 922,000 input tokens: not possible, not cheapest."""
    comparison = compare({"knowledge_pages": 2000, "queries_per_day": 10})
    cached = comparison.long_context
    assert not cached.available
    assert "do not fit in the base model's 922,000-token context window" in cached.unavailable_reason
    assert comparison.cheapest != "long-context"
    assert comparison.retrieval_break_even_queries_per_day is None
    assert comparison.long_context_sentence.startswith("The whole knowledge base cannot go in a cached prompt")


def test_an_unknown_context_window_leaves_the_cached_prompt_uncomputed():
    """Amazon Nova Micro's context window is not in the sources: the cached prompt is not offered."""
    comparison = compare({"preset": "nova-micro-bedrock"})
    assert comparison.inputs.context_window_tokens is None
    assert not comparison.long_context.available
    assert "not in this guide's sources" in comparison.long_context.unavailable_reason
    assert comparison.long_context_limit_tokens is None and comparison.retrieval_cheaper_above_tokens is None


def test_hosting_fee_bills_720_hours_a_month_to_fine_tuning_and_both():
    """An hourly hosting fee costs 720 hours a month, on fine-tuning and on both."""
    comparison = simple(hosting_usd_per_hour=1, fine_tuned_input_usd_per_1m=1, fine_tuned_output_usd_per_1m=2)
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
    for _, option in compare({"preset": "deepseek-together-lora"}).options:
        for kind, total in (("per-query", option.per_query_usd), ("one-off", option.one_off_usd),
                            ("monthly", option.monthly_usd), ("retraining", option.retraining_usd)):
            assert sum(item.usd for item in option.items if item.kind == kind) == pytest.approx(total)
        assert {item.kind for item in option.items} <= {"per-query", "one-off", "monthly", "retraining"}


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
        "At these prices a fine-tuned request costs no less than a RAG request ($7 against $7 per 1,000 "
        "queries): fine-tune for behaviour, not for cost."
    )


def test_fine_tuning_is_cheaper_at_any_volume_when_its_fixed_costs_are_lower():
    """With no labelling or training to pay and a dear vector database, fine-tuning wins at any volume."""
    comparison = simple(labelling_usd_per_example=0, training_usd_per_1m=0, horizon_months=1)
    assert comparison.break_even_queries_per_day == 0.0
    assert comparison.break_even_month == 0
    assert comparison.break_even_sentence == "Fine-tuning is cheaper than RAG at any volume over 1 month."


def test_at_todays_default_prices_fine_tuning_never_breaks_even():
    """RAG on gpt-6-luna against tuned Gemini 3.1 Flash-Lite: the fine-tuned request costs more, so never.

    By hand: RAG (500 + 2,000) × $0.10/1M + 300 × $0.50/1M + 0.25 × $16/1M = $0.000404 a query;
    fine-tuned 500 × $0.25/1M + 300 × $1.50/1M = $0.000575, more, however many queries.
    """
    comparison = compare()
    assert comparison.rag.per_query_usd == pytest.approx(0.000404)
    assert comparison.fine_tuning.per_query_usd == pytest.approx(0.000575)
    assert comparison.break_even_queries_per_day is None and comparison.break_even_month is None
    assert comparison.break_even_sentence == (
        "At today's prices a fine-tuned model is not cheaper per request than the cheapest base model, even "
        "with RAG's retrieved passages ($0.58 against $0.40 per 1,000 queries): fine-tune for behaviour, "
        "not for cost."
    )


@pytest.mark.parametrize(("preset", "volume"), [
    # RAG on gpt-6-luna or Haiku 5.5 ($0.000404 a query) against tuned Gemini 3.1 Flash-Lite ($0.000575): never.
    ("luna-vertex", None),
    ("haiku-vertex", None),
    # Flash-Lite both sides: RAG 2,500 × $0.25/1M + 300 × $1.50/1M + $0.000004 = $0.001079, tuned $0.000575,
    # saving $0.000504. Fixed over 12 months: tuned $5,000 labelling + 2 × $4.50 training + one $9 retraining
    # = $5,018; RAG $0.001 + 12 × $50.0001 = $600.0022. Q* = 4,417.9978 / (360 × 0.000504) = 24,349.6.
    ("flash-lite-vertex", 24349.6),
    # Nova Micro both sides: RAG 2,500 × $0.035/1M + 300 × $0.14/1M + $0.000004 = $0.0001335, tuned
    # 500 × $0.035/1M + 300 × $0.14/1M = $0.0000595, saving $0.000074; same fixed costs as above:
    # Q* = 4,417.9978 / (360 × 0.000074) = 165,840.8.
    ("nova-micro-bedrock", 165840.8),
    # DeepSeek off-peak RAG 2,500 × $0.15/1M + 300 × $0.60/1M + $0.000004 = $0.000559; the LoRA model on a
    # $3.99/hour GPU costs no tokens but 12 × 720 × 3.99 = $34,473.60 of hosting, plus $5,000 labelling and
    # 3 × $1.44 training... (2 runs × 3M tokens × $0.48/1M = $2.88 a training, twice): $39,479.36.
    # Q* = (39,479.36 − 600.0022) / (360 × 0.000559) = 38,879.3578 / 0.20124 = 193,199.0.
    ("deepseek-together-lora", 193199.0),
    # Legacy: RAG on gpt-6-luna against fine-tuned gpt-4.1-mini at $0.80/$3.20 ($0.00136 a query), or at
    # base prices $0.40/$1.60 plus hosting ($0.00068): both dearer than $0.000404, so never.
    ("legacy-openai-gpt-4-1-mini", None),
    ("legacy-azure-gpt-4-1-mini", None),
])
def test_each_presets_break_even_at_the_other_defaults(preset, volume):
    """Each preset breaks even where the hand computation says, or never."""
    found = compare({"preset": preset}).break_even_queries_per_day
    if volume is None:
        assert found is None
    else:
        assert found == pytest.approx(volume, rel=1e-5)


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


def test_options_are_ordered_rag_fine_tuning_both_cached_prompt():
    """`options` lists rag, fine-tuning, both and long-context in that order, the same objects as the attributes."""
    comparison = compare()
    assert OPTION_IDS == ("rag", "fine-tuning", "both", "long-context")
    assert tuple(option_id for option_id, _ in comparison.options) == OPTION_IDS
    assert [option for _, option in comparison.options] == [
        comparison.rag, comparison.fine_tuning, comparison.both, comparison.long_context]
    assert [option.label for _, option in comparison.options] == ["RAG", "Fine-tuning", "Both", "Cached prompt"]
    assert comparison.option("both") is comparison.both
    assert comparison.option("long-context") is comparison.long_context
    assert len(comparison.rag.cumulative_usd) == 13


def test_unknown_option_is_refused():
    """Asking for an option that does not exist raises InvalidCostInputs."""
    with pytest.raises(InvalidCostInputs):
        compare().option("prompting")


def test_ties_go_to_the_earlier_option():
    """When every option costs nothing, the cheapest is RAG, the first."""
    free = {input_id: get_cost_input(input_id).minimum for input_id in COST_INPUT_IDS
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
    comparison = compare({"queries_per_day": "120000", "latency_budget_ms": 500, "preset": "flash-lite-vertex"})
    data = json.loads(json.dumps(comparison.to_dict()))
    assert CostInputs.from_mapping(data["inputs"]) == comparison.inputs
    assert [option["id"] for option in data["options"]] == list(OPTION_IDS)
    assert data["options"][1]["retrainings"] == 1
    assert data["options"][0]["cumulative_usd"] == list(comparison.rag.cumulative_usd)
    assert data["options"][3]["available"] is True and data["options"][3]["unavailable_reason"] == ""
    assert data["cheapest"] == "fine-tuning" and data["break_even_month"] == comparison.break_even_month
    assert data["retrieval_break_even_queries_per_day"] == comparison.retrieval_break_even_queries_per_day
    assert data["long_context_sentence"] == comparison.long_context_sentence
    assert data["latency_fits"] is True
    assert data["break_even_sentence"] == comparison.break_even_sentence


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
            "preset": "free", "gpu_hours": 3, 7: 1,
        })
    assert caught.value.fields == [
        "preset", "queries_per_day", "epochs", "horizon_months", "7", "gpu_hours"]
    messages = [problem.message for problem in caught.value.problems]
    assert messages[1] == "-5 is negative; enter a number from 0 to 1,000,000,000 (queries/day)"
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


def test_a_preset_fills_its_prices_and_a_price_given_beside_it_wins():
    """Choosing Claude Haiku 5.5 brings its prices and limits; a price given with it replaces the preset's."""
    haiku = CostInputs.from_mapping({"preset": "haiku-vertex"})
    assert (haiku.base_input_usd_per_1m, haiku.context_window_tokens, haiku.long_prompt_tokens) == (
        0.10, 1000000, 100000)
    assert haiku.long_prompt_input_multiplier == 5 and haiku.preset_prices
    own = CostInputs.from_mapping({"preset": "haiku-vertex", "base_input_usd_per_1m": "0.2"})
    assert own.base_input_usd_per_1m == 0.2 and own.context_window_tokens == 1000000
    assert own.changed_from_preset() == ("base_input_usd_per_1m",) and not own.preset_prices


def test_replacing_the_preset_brings_its_prices_but_keeps_the_readers_other_figures():
    """`replace(preset=...)` re-fills the prices from the new preset; volume and the rest stay."""
    inputs = CostInputs(queries_per_day=50000, hosting_usd_per_hour=9)
    moved = inputs.replace(preset="legacy-azure-gpt-4-1-mini")
    assert moved.hosting_usd_per_hour == 1.7 and moved.queries_per_day == 50000
    kept = inputs.replace(preset="legacy-azure-gpt-4-1-mini", hosting_usd_per_hour=2)
    assert kept.hosting_usd_per_hour == 2


def test_the_custom_choice_takes_the_default_presets_prices_and_is_never_todays_prices():
    """"Your own prices" starts from the default preset's figures; its sentences say "these prices"."""
    custom = CostInputs(preset="custom")
    assert custom.base_input_usd_per_1m == CostInputs().base_input_usd_per_1m
    assert not custom.preset_prices and custom.changed_from_preset() == ()
    assert compare(custom).break_even_sentence.startswith("At these prices")


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


@settings(deadline=None)  # a loaded machine is slow; speed is measured by benchmarks
@given(valid_inputs(), st.floats(0, 1e9), st.floats(0, 1e9))
def test_cost_grows_with_volume(inputs, volume_a, volume_b):
    """More queries a day never cost less, for every option."""
    low, high = sorted((volume_a, volume_b))
    for _, option in compare(inputs).options:
        month = inputs.horizon_months
        assert option.cost_at(month, low) <= option.cost_at(month, high) * (1 + 1e-12)


@settings(deadline=None)  # a loaded machine is slow; speed is measured by benchmarks
@given(valid_inputs())
def test_cost_grows_with_time(inputs):
    """Cumulative costs never fall from one month to the next."""
    for _, option in compare(inputs).options:
        costs = option.cumulative_usd
        assert len(costs) == inputs.horizon_months + 1
        assert all(earlier <= later * (1 + 1e-12) for earlier, later in zip(costs, costs[1:]))


@settings(deadline=None)  # a loaded machine is slow; speed is measured by benchmarks
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


def test_a_prompt_longer_than_the_window_leaves_no_cached_prompt_even_without_knowledge():
    """A 2-token prompt in a 1-token window does not fit, with no knowledge at all: the option is not possible."""
    comparison = compare({"preset": "custom", "prompt_tokens": 2, "knowledge_pages": 0, "context_window_tokens": 1})
    assert comparison.long_context.available is False


@settings(deadline=None)  # several comparisons per example; a loaded machine is slow
@given(valid_inputs())
def test_the_cached_prompt_is_possible_exactly_when_it_fits_the_context_window(inputs):
    """The cached prompt can be built if and only if the window is known and holds the knowledge base and prompt."""
    comparison = compare(inputs)
    window = inputs.context_window_tokens
    fits = window is not None and inputs.knowledge_tokens + inputs.prompt_tokens <= window
    assert comparison.long_context.available is fits
    assert (comparison.long_context.unavailable_reason == "") is fits
    if not fits:
        assert comparison.cheapest != "long-context" and comparison.retrieval_break_even_queries_per_day is None


@settings(deadline=None)  # several comparisons per example; a loaded machine is slow
@given(valid_inputs(), st.floats(0, 1), st.floats(0, 1))
def test_a_bigger_knowledge_base_never_makes_the_cached_prompt_cheaper(inputs, share_a, share_b):
    """Within the context window, more knowledge never costs less to keep in the prompt."""
    limit = compare(inputs).long_context_limit_tokens
    if not limit:
        return
    small, large = sorted((share_a, share_b))
    # Just inside the limit: pages times tokens a page can land a rounding error above the exact limit.
    costs = [compare(inputs.replace(knowledge_pages=share * limit * (1 - 1e-9) / inputs.tokens_per_page)).long_context
             for share in (small, large)]
    assert costs[0].available and costs[1].available
    assert costs[0].total_usd <= costs[1].total_usd * (1 + 1e-9) + 1e-9


@settings(deadline=None)  # several comparisons per example; a loaded machine is slow
@given(valid_inputs())
def test_retrieval_and_the_cached_prompt_cost_the_same_at_their_break_even_volume(inputs):
    """At the volume where retrieval becomes cheaper, the cached prompt and RAG cost the same at the horizon."""
    comparison = compare(inputs)
    volume = comparison.retrieval_break_even_queries_per_day
    if volume is None or volume == 0:
        return
    month = inputs.horizon_months
    assert comparison.long_context.cost_at(month, volume) == pytest.approx(
        comparison.rag.cost_at(month, volume), rel=1e-6, abs=1e-6)


@settings(deadline=None)  # several comparisons per example; a loaded machine is slow
@given(valid_inputs())
def test_retrieval_is_cheaper_just_above_the_knowledge_size_found(inputs):
    """Just above `retrieval_cheaper_above_tokens` (and within the window) RAG costs less than the cached prompt."""
    comparison = compare(inputs)
    size, limit = comparison.retrieval_cheaper_above_tokens, comparison.long_context_limit_tokens
    if size is None or limit is None:
        return
    above = min(limit, size * (1 + 1e-6) + 1e-3)
    if above <= size:
        return
    other = compare(inputs.replace(knowledge_pages=above / inputs.tokens_per_page))
    assert other.rag.total_usd <= other.long_context.total_usd * (1 + 1e-6) + 1e-6


@settings(deadline=None)  # a loaded machine is slow; speed is measured by benchmarks
@given(valid_inputs())
def test_every_valid_input_yields_sentences_and_json(inputs):
    """Any valid inputs give a comparison with sentences and a JSON-able dict."""
    comparison = compare(inputs)
    assert isinstance(comparison, CostComparison)
    assert comparison.cheapest in OPTION_IDS
    assert comparison.break_even_sentence.endswith(".") and comparison.latency_sentence.endswith(".")
    assert comparison.long_context_sentence.endswith(".")
    json.dumps(comparison.to_dict())


_garbage_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
    st.sampled_from(["nan", "inf", "-1", "1e999", "0x10", "1,000", "", " ", "per-token", "hosted"]),
    st.lists(st.integers(), max_size=2), st.binary(max_size=4),
)
_keys = st.sampled_from(COST_INPUT_IDS + ("self", "cls", "values", "")) | st.text(max_size=10) | st.integers()


@settings(max_examples=300, deadline=None)
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
