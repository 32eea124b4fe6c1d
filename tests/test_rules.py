"""The framework as data: the decision table, its tally, the outcomes and the thresholds."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decision_core.errors import UnknownId
from decision_core.rules import (
    CRITERIA,
    OUTCOMES,
    THRESHOLDS,
    Criterion,
    Threshold,
    get_criterion,
    get_outcome,
    get_threshold,
    tally,
)
from decision_core.sections import SECTIONS

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
    ("retrieval-latency-high", 300), ("small-knowledge-base", 200000),
    ("openai-fine-tuning-end", "2027-01-06"), ("base-model-retirement", "2027-01-14"),
])
def test_thresholds_hold_the_sourced_figures(threshold_id, value):
    """The thresholds carry the figures of the facts sheet."""
    assert get_threshold(threshold_id).value == value


def test_every_threshold_has_a_unit_source_and_date():
    """Every figure says what it counts, where it comes from, and when it was checked."""
    for threshold in THRESHOLDS:
        assert threshold.unit and threshold.text and threshold.source and threshold.as_of


def test_high_volume_lies_in_the_break_even_range():
    """The high-volume threshold sits inside the 50,000-200,000 queries/day break-even range."""
    assert 50000 <= get_threshold("high-volume").value <= 200000


@pytest.mark.parametrize(("ticked", "leader", "text"), [
    ([], None, "No row is ticked yet: tick the rows that fit your case."),
    (["rag-citations"], "rag", "RAG leads with 1 row ticked."),
    (["rag-citations", "rag-knowledge-changes", "ft-style-tone"], "rag",
     "RAG leads with 2 rows ticked, against 1 for fine-tuning."),
    (["ft-style-tone", "rag-citations"], None, "RAG and fine-tuning are tied at 1 row each."),
    (["ft-style-tone", "rag-citations", "both-budget-and-time"], None,
     "RAG, fine-tuning and RAG and fine-tuning together are tied at 1 row each."),
    (["both-budget-and-time", "both-enterprise-accuracy", "rag-citations"], "both",
     "RAG and fine-tuning together leads with 2 rows ticked, against 1 for RAG."),
])
def test_tally_counts_rows_and_names_the_leader(ticked, leader, text):
    """The tally counts ticked rows per outcome, names the leader, or none on a tie."""
    result = tally(ticked)
    assert (result.leader, result.text) == (leader, text)


def test_tally_counts_in_outcome_order_and_ignores_repeats():
    """Counts come in OUTCOMES order, prompt-first included, and a repeated id counts once."""
    result = tally(["ft-high-volume", "ft-high-volume", "rag-citations"])
    assert result.counts == (("rag", 1), ("fine-tuning", 1), ("both", 0), ("prompt-first", 0))
    assert result.ticked == ("rag-citations", "ft-high-volume")
    assert "Tally" in repr(result)


def test_tally_accepts_a_single_id():
    """A lone id string counts as one ticked row, not as its characters."""
    assert tally("rag-citations").leader == "rag"


def test_tally_refuses_unknown_rows():
    """An unknown row id raises UnknownId."""
    with pytest.raises(UnknownId):
        tally(["rag-citations", "rag-vibes"])


@given(st.lists(st.sampled_from([c.id for c in CRITERIA])))
def test_tally_leader_has_strictly_the_most_rows(ticked):
    """The leader, when there is one, has more rows than any other outcome."""
    result = tally(ticked)
    counts = dict(result.counts)
    if result.leader is not None:
        assert all(counts[result.leader] > n for k, n in counts.items() if k != result.leader)
    else:
        top = max(counts.values())
        assert top == 0 or sum(1 for n in counts.values() if n == top) > 1


@pytest.mark.parametrize("call", [lambda: get_threshold("x"), lambda: get_outcome("x"), lambda: get_criterion("x")])
def test_lookups_of_unknown_ids_raise(call):
    """Unknown threshold, outcome and criterion ids raise UnknownId."""
    with pytest.raises(UnknownId):
        call()


def test_reprs_name_the_item():
    """Reprs show the id (and a threshold's value)."""
    assert repr(Criterion("a", "b", "rag", "choose-rag")) == "Criterion('a')"
    assert repr(get_outcome("rag")) == "Outcome('rag')"
    assert repr(Threshold("t", 1, "u", "x", "s", "d")) == "Threshold('t', 1)"


def test_tally_sentences_start_with_a_capital():
    """A sentence led by fine-tuning still starts with a capital letter."""
    assert tally(["ft-style-tone"]).text == "Fine-tuning leads with 1 row ticked."
    assert tally(["ft-style-tone", "both-budget-and-time"]).text.startswith("Fine-tuning and RAG and fine-tuning")
