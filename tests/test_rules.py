"""The framework as data: the decision table, the outcomes and the thresholds."""

import pytest

from decision_core.base.errors import UnknownId
from decision_core.framework.rules import (
    CRITERIA,
    OUTCOMES,
    THRESHOLDS,
    get_criterion,
    get_outcome,
    get_threshold,
)
from decision_core.framework.sections import SECTIONS

SECTION_IDS = {section.id for section in SECTIONS}


def test_table_has_five_rag_five_fine_tuning_and_three_both_rows():
    """The quick table has 5 rows for RAG, 5 for fine-tuning, 3 for both, in that order."""
    assert [c.favours for c in CRITERIA] == ["rag"] * 5 + ["fine-tuning"] * 5 + ["both"] * 3


def test_each_row_sits_in_its_outcomes_section():
    """A row favouring X lives in the section choose-X."""
    for criterion in CRITERIA:
        assert criterion.section == "choose-" + criterion.favours
        assert criterion.section in SECTION_IDS


def test_outcomes_are_the_four_in_order():
    """OUTCOMES lists rag, fine-tuning, both and prompt-first, each with its section."""
    assert [o.id for o in OUTCOMES] == ["rag", "fine-tuning", "both", "prompt-first"]
    for outcome in OUTCOMES:
        assert outcome.section == "outcome-" + outcome.id
        assert outcome.title and outcome.summary and outcome.name


def test_ids_are_unique():
    """Criterion, outcome and threshold ids are unique."""
    for items in (CRITERIA, OUTCOMES, THRESHOLDS):
        ids = [item.id for item in items]
        assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("threshold_id", "value"), [
    ("min-examples", 500), ("comfortable-examples", 10000), ("retrieval-latency-low", 100),
    ("retrieval-latency-high", 300),
    ("openai-fine-tuning-end", "2027-01-06"), ("base-model-retirement", "2027-01-14"),
])
def test_thresholds_hold_the_sourced_figures(threshold_id, value):
    """The thresholds carry the figures of the facts sheet."""
    assert get_threshold(threshold_id).value == value


def test_every_threshold_has_a_unit_source_and_date():
    """Every figure says what it counts, where it comes from, and when it was checked."""
    for threshold in THRESHOLDS:
        assert threshold.unit and threshold.text and threshold.source and threshold.as_of


@pytest.mark.parametrize("call", [lambda: get_threshold("x"), lambda: get_outcome("x"), lambda: get_criterion("x")])
def test_lookups_of_unknown_ids_raise(call):
    """Unknown threshold, outcome and criterion ids raise UnknownId."""
    with pytest.raises(UnknownId):
        call()
