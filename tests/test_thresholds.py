"""The thresholds the model derives from the cost model, against figures worked out by hand."""

from decision_core.model.costs import compare
from decision_core.model.thresholds import ALL_THRESHOLDS, threshold


def test_high_volume_is_the_default_break_even_worked_out_by_hand():
    """At the default prices fine-tuning pays for itself above about 91,000 requests a day.

    By hand, from the defaults: a RAG request costs (500 + 2,000) x $0.40/1M + 300 x $1.60/1M
    + 1 read x $16/1M = $0.001496, a fine-tuned one 500 x $0.80/1M + 300 x $3.20/1M = $0.00136,
    a saving of $0.000136. Over 12 months fine-tuning's fixed costs are labelling $5,000 + training
    $30 + one retraining $30 = $5,060; retrieval's are embedding $0.20 + 12 x ($50 + $0.02) = $600.44.
    Break-even: $4,459.56 / (30 x 12 x $0.000136) = 91,086 requests a day, to the nearest thousand 91,000.
    """
    assert threshold("high-volume").value == 91000
    assert round(compare().break_even_queries_per_day) == 91086


def test_derived_thresholds_say_where_they_come_from():
    """Every threshold, sourced or derived, has a unit, a meaning, a source and a date, and a unique id."""
    ids = [item.id for item in ALL_THRESHOLDS]
    assert len(ids) == len(set(ids))
    for item in ALL_THRESHOLDS:
        assert item.unit and item.text and item.source and item.as_of
