"""The decision table's live tally: counts per outcome and the leader in a sentence."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decision_core.base.errors import UnknownId
from decision_core.framework.rules import CRITERIA
from decision_core.model.tally import tally


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


def test_tally_sentences_start_with_a_capital():
    """A sentence led by fine-tuning still starts with a capital letter."""
    assert tally(["ft-style-tone"]).text == "Fine-tuning leads with 1 row ticked."
    assert tally(["ft-style-tone", "both-budget-and-time"]).text.startswith("Fine-tuning and RAG and fine-tuning")
