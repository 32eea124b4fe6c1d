"""The decision table's live tally: which approach the ticked rows favour.

The decision-table page lets a reader tick the rows of `CRITERIA` that fit
their case; this counts them per outcome and names the leader in a sentence.
The browser glue and the build both call `tally`.

Example:
    >>> tally(["rag-citations", "rag-knowledge-changes"]).leader
    'rag'
"""

from ..base.format import plural
from ..framework.rules import CRITERIA, OUTCOMES, get_criterion, get_outcome

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


class Tally:
    """The live count of the decision table's ticked rows."""

    __slots__ = ("ticked", "counts", "leader", "text")

    ticked: "tuple[str, ...]"
    """The ticked criterion ids, in table order, each once."""
    counts: "tuple[tuple[str, int], ...]"
    """`(outcome id, ticked rows)` for every outcome, in `OUTCOMES` order."""
    leader: "str | None"
    """The outcome with the most ticked rows, or `None` when nothing is ticked or the top is tied."""
    text: str
    """One sentence saying who leads and why."""

    def __init__(self, ticked: "tuple[str, ...]", counts: "tuple[tuple[str, int], ...]",
                 leader: "str | None", text: str) -> None:
        self.ticked = ticked
        self.counts = counts
        self.leader = leader
        self.text = text

    def __repr__(self) -> str:
        return "Tally(%r, leader=%r)" % (self.counts, self.leader)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]



def _join(names: "list[str]") -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def tally(ticked_criterion_ids: "Iterable[str]") -> Tally:
    """Count the ticked rows of the decision table per outcome.

    Args:
        ticked_criterion_ids: The ids of the ticked rows, in any order; repeats count once.

    Returns:
        The counts in `OUTCOMES` order, the leader (or `None` on a tie or when
        nothing is ticked), and a sentence saying why.

    Raises:
        UnknownId: An id is not a row of the table.

    Example:
        >>> tally(["ft-style-tone", "rag-citations"]).text
        'RAG and fine-tuning are tied at 1 row each.'
    """
    if isinstance(ticked_criterion_ids, str):
        ticked_criterion_ids = (ticked_criterion_ids,)
    wanted = []
    for criterion_id in ticked_criterion_ids:
        get_criterion(criterion_id)
        wanted.append(criterion_id)
    ticked = tuple(criterion.id for criterion in CRITERIA if criterion.id in wanted)
    counts = []
    for outcome in OUTCOMES:
        counts.append((outcome.id, sum(1 for criterion in CRITERIA
                                       if criterion.id in ticked and criterion.favours == outcome.id)))
    best = max(count for _, count in counts)
    top = [outcome_id for outcome_id, count in counts if count == best]
    names = [get_outcome(outcome_id).name for outcome_id in top]
    if best == 0:
        return Tally(ticked, tuple(counts), None, "No row is ticked yet: tick the rows that fit your case.")
    if len(top) > 1:
        return Tally(ticked, tuple(counts), None,
                     _capitalise("%s are tied at %s each." % (_join(names), plural(best, "row"))))
    others = [(get_outcome(outcome_id).name, count) for outcome_id, count in counts
              if outcome_id != top[0] and count]
    text = "%s leads with %s ticked" % (names[0], plural(best, "row"))
    if others:
        text += ", against " + _join(["%d for %s" % (count, name) for name, count in others])
    return Tally(ticked, tuple(counts), top[0], _capitalise(text) + ".")
