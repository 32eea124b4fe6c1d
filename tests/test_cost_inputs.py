"""The cost inputs: declared once, with sources, dates and ranges, and checked strictly."""

import math

import pytest

from decision_core.framework.cost_inputs import (
    COST_INPUT_GROUPS,
    COST_INPUT_IDS,
    COST_INPUTS,
    get_cost_input,
)
from decision_core.framework.presets import PRESET_INPUT_IDS, PRESETS
from decision_core.base.format import number as format_number
from decision_core.model.cost_values import default_values, parse_value
from decision_core.base.errors import InvalidCostInputs


def test_input_ids_are_unique_and_listed_in_order():
    """Each input has its own id, and `COST_INPUT_IDS` lists them in form order."""
    assert len(set(COST_INPUT_IDS)) == len(COST_INPUTS)
    assert COST_INPUT_IDS == tuple(cost_input.id for cost_input in COST_INPUTS)


@pytest.mark.parametrize("cost_input", COST_INPUTS, ids=COST_INPUT_IDS)
def test_every_input_is_documented_with_a_source_and_a_date(cost_input):
    """Every input has a label, help, a source, an "as of" date and a known group."""
    assert cost_input.label and cost_input.help and cost_input.source
    assert cost_input.as_of[:4] == "2026"
    assert cost_input.status in ("sourced", "estimate", "unconfirmed")
    assert cost_input.group in [group_id for group_id, _ in COST_INPUT_GROUPS]


@pytest.mark.parametrize("cost_input", [i for i in COST_INPUTS if i.kind == "number"], ids=lambda i: i.id)
def test_every_number_has_a_finite_range_that_holds_its_default(cost_input):
    """Numbers are bounded (absurd values are refused) and their default lies within the bounds."""
    assert cost_input.minimum >= 0
    assert math.isfinite(cost_input.maximum) and cost_input.maximum > cost_input.minimum
    assert cost_input.step > 0
    if cost_input.default is None:
        assert cost_input.optional
    else:
        assert cost_input.minimum <= cost_input.default <= cost_input.maximum


@pytest.mark.parametrize(
    ("input_id", "default", "as_of", "marking"),
    [
        # The late-November facts (facts-2026-11.md): OpenAI gpt-6-luna for RAG and the cached prompt.
        ("base_input_usd_per_1m", 0.10, "2026-11-29", ""),
        ("base_cached_input_usd_per_1m", 0.01, "2026-11-29", ""),
        ("base_cache_write_usd_per_1m", 0.125, "2026-11-29", ""),
        ("base_output_usd_per_1m", 0.50, "2026-11-29", ""),
        ("context_window_tokens", 922000, "2026-11-29", ""),
        ("long_prompt_tokens", 272000, "2026-11-29", ""),
        ("long_prompt_input_multiplier", 2, "2026-11-29", ""),
        ("long_prompt_output_multiplier", 1.5, "2026-11-29", ""),
        # Gemini 3.1 Flash-Lite tuned on Vertex AI: price parity and training price unconfirmed.
        ("fine_tuned_input_usd_per_1m", 0.25, "2026-11-29", "unconfirmed"),
        ("fine_tuned_output_usd_per_1m", 1.50, "2026-11-29", "unconfirmed"),
        ("hosting_usd_per_hour", 0, "2026-11-29", "unconfirmed"),
        ("training_usd_per_1m", 1.50, "2026-11-29", "unconfirmed"),
        # Unchanged figures (facts.md), re-checked or marked as this guide's estimates.
        ("prompt_tokens", 500, "2026-11", ""),
        ("context_tokens", 2000, "2026-11", ""),
        ("output_tokens", 300, "2026-11", ""),
        ("labelling_usd_per_example", 5, "2026-11", "estimate"),
        ("embedding_usd_per_1m", 0.02, "2026-11-29", ""),
        ("vector_db_usd_per_month", 50, "2026-11-29", ""),
        ("vector_db_usd_per_1m_reads", 16, "2026-11-29", ""),
        ("reads_per_query", 0.25, "2026-11-29", ""),
        ("retrain_interval_months", 6, "2026-11", "estimate"),
        ("retrieval_latency_ms", 200, "2026-11-29", "estimate"),
        ("tokens_per_page", 500, "2026-11", "estimate"),
        ("cache_writes_per_day", 24, "2026-11-29", "estimate"),
        ("latency_budget_ms", None, "2026-11", ""),
    ],
)
def test_defaults_are_the_figures_of_the_facts_sheet(input_id, default, as_of, marking):
    """Defaults, their dates and their markings are those of the late-November 2026 facts."""
    cost_input = get_cost_input(input_id)
    assert cost_input.default == default
    assert cost_input.as_of == as_of
    assert cost_input.marking == marking


def test_retrieval_latency_default_lies_in_the_quoted_range():
    """The default retrieval latency sits inside the framework's 100–300 ms."""
    assert 100 <= get_cost_input("retrieval_latency_ms").default <= 300


def test_the_preset_is_the_one_choice_and_offers_every_preset_then_custom():
    """The model preset is the only choice: every preset in order, then "your own prices"."""
    choices = [i for i in COST_INPUTS if i.kind == "choice"]
    assert [i.id for i in choices] == ["preset"]
    assert [value for value, _ in choices[0].choices] == [preset.id for preset in PRESETS] + ["custom"]
    assert choices[0].default == "luna-vertex"
    assert choices[0].minimum is None and choices[0].maximum is None


def test_the_preset_fills_exactly_the_prices_it_names():
    """The inputs marked as filled by the preset are the presets' twelve, and only those."""
    assert tuple(i.id for i in COST_INPUTS if i.preset) == PRESET_INPUT_IDS
    assert all(get_cost_input(input_id).fact for input_id in PRESET_INPUT_IDS)


def test_the_knowledge_size_is_asked_in_pages():
    """`knowledge_pages` replaces `corpus_tokens`: about 500 tokens a page, 100 pages by default."""
    assert "corpus_tokens" not in COST_INPUT_IDS
    assert get_cost_input("knowledge_pages").default == 100
    assert get_cost_input("knowledge_pages").unit == "pages"
    assert get_cost_input("tokens_per_page").default == 500


def test_default_values_are_converted_like_form_values():
    """`default_values` gives floats for numbers, an int for the horizon and None for no budget."""
    values = dict(default_values())
    assert values["queries_per_day"] == 10000.0 and isinstance(values["queries_per_day"], float)
    assert values["horizon_months"] == 12 and isinstance(values["horizon_months"], int)
    assert values["latency_budget_ms"] is None
    assert tuple(input_id for input_id, _ in default_values()) == COST_INPUT_IDS


def test_unknown_input_id_is_an_invalid_cost_input():
    """Asking for an input that does not exist raises InvalidCostInputs naming it."""
    with pytest.raises(InvalidCostInputs) as caught:
        get_cost_input("gpu_hours")
    assert caught.value.fields == ["gpu_hours"]


@pytest.mark.parametrize(
    ("input_id", "text"),
    [
        ("horizon_months", "a whole number from 1 to 120 (months)"),
        ("base_input_usd_per_1m", "a number from 0 to 1,000 ($ per 1M tokens)"),
        ("latency_budget_ms", "a number from 0 to 600,000 (ms), or nothing"),
        ("context_window_tokens", "a whole number from 1 to 100,000,000 (input tokens), or nothing"),
    ],
)
def test_range_text_states_the_valid_values(input_id, text):
    """Each input states its valid values in words, for error messages and forms."""
    assert get_cost_input(input_id).range_text == text


@pytest.mark.parametrize(
    ("number", "text"),
    [(0, "0"), (1000000, "1,000,000"), (0.4, "0.4"), (1.75, "1.75"), (2.5, "2.5"),
     (-3, "-3"), (1e9, "1,000,000,000"), (0.001, "0"), (1.5e300, "1.5e+300")],
)
def test_format_number_adds_separators_and_drops_needless_decimals(number, text):
    """Numbers read as people write them: 1,000,000 and 0.4, not 1000000.0 and 0.40."""
    assert format_number(number) == text


@pytest.mark.parametrize(
    ("input_id", "value", "expected"),
    [
        ("queries_per_day", 5000, 5000.0),
        ("queries_per_day", " 5000 ", 5000.0),
        ("queries_per_day", "1e5", 100000.0),
        ("base_input_usd_per_1m", ".5", 0.5),
        ("horizon_months", "24", 24),
        ("horizon_months", 24.0, 24),
        ("retrain_interval_months", 0, 0),
        ("preset", "haiku-vertex", "haiku-vertex"),
        ("preset", " custom ", "custom"),
        ("queries_per_day", "10,000", 10000.0),
        ("latency_budget_ms", None, None),
        ("latency_budget_ms", "  ", None),
        ("latency_budget_ms", "800", 800.0),
    ],
)
def test_parse_value_accepts_numbers_and_numeric_strings(input_id, value, expected):
    """Numbers, numeric strings with spaces, choices and an empty optional field are accepted and converted."""
    parsed = parse_value(get_cost_input(input_id), value)
    assert parsed == expected and type(parsed) is type(expected)


@pytest.mark.parametrize(
    ("input_id", "value", "words"),
    [
        ("queries_per_day", True, "True is not a number"),
        ("queries_per_day", "nan", "'nan' is not a number"),
        ("queries_per_day", float("nan"), "NaN is not a number"),
        ("queries_per_day", float("inf"), "infinite value is too large"),
        ("queries_per_day", float("-inf"), "infinite value is negative"),
        ("queries_per_day", "1e999", "is too large to be a number"),
        ("queries_per_day", "1-000", "is not a number"),
        ("queries_per_day", "1e", "is not a number"),
        ("queries_per_day", "x" * 50, "is too long to be a number"),
        ("queries_per_day", "", "is empty"),
        ("queries_per_day", None, "is empty"),
        ("queries_per_day", [1], "is not a number"),
        ("queries_per_day", -1, "-1 is negative"),
        ("queries_per_day", 2e9, "2,000,000,000 is too large"),
        ("queries_per_day", 10 ** 400, "is too large"),
        ("horizon_months", 0.5, "0.5 is too small"),
        ("horizon_months", "2.5", "2.5 is not a whole number"),
        ("preset", "Luna-Vertex", "'Luna-Vertex' is not one of the choices"),
        ("preset", 1, "1 is not one of the choices"),
    ],
)
def test_parse_value_refuses_bad_values_naming_the_field_and_range(input_id, value, words):
    """Bools, NaN, infinities, garbage, negatives and absurd values are refused with the valid range."""
    cost_input = get_cost_input(input_id)
    with pytest.raises(InvalidCostInputs) as caught:
        parse_value(cost_input, value)
    (problem,) = caught.value.problems
    assert problem.field == input_id
    assert words in problem.message
    assert problem.message.endswith("enter " + cost_input.range_text)
