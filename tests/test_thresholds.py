"""The thresholds the model derives from the cost model and the default preset, against figures worked out by hand."""

from decision_core.framework.rules import THRESHOLDS
from decision_core.model.thresholds import ALL_THRESHOLDS, threshold


def test_high_volume_is_none_because_fine_tuning_never_breaks_even_at_todays_prices():
    """At the default prices no volume makes fine-tuning pay for itself, so the high-volume line is None.

    By hand, from the defaults: a RAG request on gpt-6-luna costs (500 + 2,000) x $0.10/1M + 300 x $0.50/1M
    + 0.25 read x $16/1M = $0.000404; a request to fine-tuned Gemini 3.1 Flash-Lite costs 500 x $0.25/1M
    + 300 x $1.50/1M = $0.000575. The fine-tuned request costs more, so there is no break-even volume.
    """
    high_volume = threshold("high-volume")
    assert high_volume.value is None
    assert high_volume.unit == "queries/day"
    assert "fine-tune for behaviour, not for cost" in high_volume.text


def test_small_knowledge_base_is_the_default_models_cheap_cached_prompt_worked_out_by_hand():
    """The whole knowledge base fits gpt-6-luna's cheap tier below 271,000 tokens.

    By hand: gpt-6-luna takes 922,000 input tokens (a 1,050,000-token window less 128,000 of output), but
    bills a request of more than 272,000 input tokens at twice the input price. With the default 500
    tokens of question, a cached knowledge base of at most 272,000 - 500 = 271,500 tokens stays in the
    cheap tier: 271,000, rounded down to the thousand, about 540 pages at 500 tokens a page.
    """
    small = threshold("small-knowledge-base")
    assert small.value == 271000
    assert small.unit == "tokens"
    assert "some 540 pages" in small.text
    assert "Anthropic, 'Introducing Contextual Retrieval' (2024-09-19)" in small.source


def test_derived_figures_replace_the_sourced_ones_of_the_same_id():
    """`small-knowledge-base` is derived now: no sourced figure of that id remains beside it."""
    assert "small-knowledge-base" not in [item.id for item in THRESHOLDS]
    assert [item.id for item in ALL_THRESHOLDS].count("small-knowledge-base") == 1


def test_derived_thresholds_say_where_they_come_from():
    """Every threshold, sourced or derived, has a unit, a meaning, a source and a date, and a unique id."""
    ids = [item.id for item in ALL_THRESHOLDS]
    assert len(ids) == len(set(ids))
    for item in ALL_THRESHOLDS:
        assert item.unit and item.text and item.source and item.as_of
