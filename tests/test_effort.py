"""The effort of each approach and the day rate: figures with their sources and dates."""

import pytest

from decision_core.base.errors import UnknownId
from decision_core.framework.effort import APPROACHES, DAY_RATE, EFFORTS, get_effort


def test_every_approach_has_one_effort_row_in_order():
    """Prompt work, a cached prompt, retrieval and fine-tuning each have one row, in that order."""
    assert tuple(effort.approach for effort in EFFORTS) == APPROACHES == (
        "prompt", "long-context", "rag", "fine-tuning")


def test_each_effort_is_a_range_with_a_source_and_date():
    """Each row gives a lean and a thorough figure, calendar words, a source and an as-of month."""
    for effort in EFFORTS:
        assert 0 < effort.low_days <= effort.high_days
        assert effort.title and effort.duration and effort.source and effort.as_of.startswith("2026")


def test_the_framework_puts_retrieval_in_weeks_and_fine_tuning_in_months():
    """Retrieval ships within two weeks (10 working days); fine-tuning takes one to three months."""
    assert get_effort("rag").high_days == 10
    assert (get_effort("fine-tuning").low_days, get_effort("fine-tuning").high_days) == (20, 60)
    assert "three months" in get_effort("fine-tuning").source


def test_the_day_rate_is_the_employers_cost_of_an_engineer():
    """$144,570 a year is $69.50 an hour (2,080 hours), $556 a day; at a 70.5% wage share, $789: about $800."""
    assert DAY_RATE.value == 800 and DAY_RATE.unit == "USD per person-day"
    assert "144,570" in DAY_RATE.source and "70.5%" in DAY_RATE.source and DAY_RATE.as_of


def test_an_unknown_approach_is_refused():
    """Asking for the effort of an approach that does not exist raises UnknownId with the known ones."""
    with pytest.raises(UnknownId, match="long-context"):
        get_effort("agents")
