"""The engine: from an answer set to a recommendation with its reasons.

The decision follows the framework's four questions, reading every figure
from `decision_core.framework.rules` and `decision_core.model.thresholds`:

1. **Need = knowledge** → RAG (fine-tuning is a weak way to add facts;
   citations and changing knowledge make the case stronger), except when
   the knowledge is static, needs no citations, enough good examples exist
   and the volume is above the cost model's break-even (`high-volume`,
   computed by `decision_core.model.costs`): then fine-tuning pays for itself.
2. **Need = behaviour** → fine-tuning when there are enough *good* examples
   (≥ 500 high-quality ones; mixed data counts at half after a clean-up; low
   or unchecked data counts for nothing) and the budget covers training;
   otherwise prompt engineering first.
3. **Need = both** → with enough good examples and the budget to train:
   fine-tuning alone when the knowledge is static and needs no citations;
   otherwise both, if the budget covers both (`both-budget-min`); without
   good examples or that budget, RAG now and fine-tuning later.

Otherwise volume and latency do not overturn the choice, but they add reasons (a
retrieval step of 100–300 ms against a tight budget, per-request savings at
high volume) and caveats. Each of those rules is one small function
(`_high_volume`, `_tight_latency`, `_fine_tuning_affordable`, `_both_affordable`...), the hook
for the cost model.
"""

import math

from ..framework.questions import FIELDS
from ..framework.rules import OUTCOMES, get_outcome
from ..framework.sections import section_url
from .advice import Caveat, Reason, caveats_for, change_text, reasons_for
from .answers import Answers, validate_answers
from .tally import tally
from .thresholds import threshold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..framework.questions import Field
    from ..framework.rules import Outcome

STATIC = ("static",)
"""Knowledge that can be trained in without going out of date."""
FAST_CHANGING = ("monthly", "weekly", "daily", "real-time")
"""Knowledge that "changes often" in the decision table's sense."""


def _threshold(threshold_id: str) -> "int | float":
    return threshold(threshold_id).value


def usable_examples(answers: Answers) -> int:
    """How many labelled examples count towards fine-tuning, given their quality.

    High-quality examples all count; mixed ones count at the
    `mixed-quality-share` threshold (what survives a clean-up); low-quality or
    unchecked ones count for nothing.

    Args:
        answers: A validated answer set.

    Returns:
        The number of examples fine-tuning could rely on.
    """
    if answers.data_quality == "high":
        return answers.labelled_examples
    if answers.data_quality == "mixed":
        return int(answers.labelled_examples * _threshold("mixed-quality-share"))
    return 0


def enough_examples(answers: Answers) -> bool:
    """Whether the usable examples reach the `min-examples` threshold.

    Args:
        answers: A validated answer set.

    Returns:
        True when fine-tuning has enough good data to learn from.
    """
    return usable_examples(answers) >= _threshold("min-examples")


def fine_tuning_cost(answers: Answers) -> int:
    """The least a fine-tuning project would cost: training, plus labelling the missing examples.

    Args:
        answers: A validated answer set.

    Returns:
        A lower estimate in US dollars.
    """
    missing = max(0, _threshold("min-examples") - usable_examples(answers))
    return _threshold("training-cost-min") + missing * _threshold("labelling-cost")


def _fine_tuning_affordable(answers: Answers) -> bool:
    return answers.budget_usd is None or answers.budget_usd >= fine_tuning_cost(answers)


def _both_affordable(answers: Answers) -> bool:
    return answers.budget_usd is None or answers.budget_usd >= _threshold("both-budget-min")


def _high_volume(answers: Answers) -> bool:
    volume = _threshold("high-volume")  # None: at today's prices no volume makes fine-tuning pay for itself
    return volume is not None and answers.queries_per_day >= volume


def _volume_repays_training(answers: Answers) -> bool:
    """Static knowledge, no citations and a volume above the cost model's break-even.

    Only then may a knowledge need be trained in: the facts cannot go out of
    date, nobody needs to see the source, and dropping the retrieval step and
    its context tokens saves more per request than training and labelling cost.
    """
    return (answers.knowledge_change in STATIC and not answers.needs_citations
            and _high_volume(answers))


def _tight_latency(answers: Answers) -> bool:
    budget = answers.latency_budget_ms
    return budget is not None and budget <= _threshold("tight-latency")


def _retrieval_breaks_latency(answers: Answers) -> bool:
    budget = answers.latency_budget_ms
    return budget is not None and budget <= _threshold("retrieval-latency-high")


def decide(answers: Answers) -> str:
    """Return the recommended outcome id for a validated answer set, without the explanation.

    Args:
        answers: A validated answer set.

    Returns:
        `rag`, `fine-tuning`, `both` or `prompt-first`.
    """
    can_fine_tune = enough_examples(answers) and _fine_tuning_affordable(answers)
    if answers.need == "knowledge":
        return "fine-tuning" if can_fine_tune and _volume_repays_training(answers) else "rag"
    if answers.need == "behaviour":
        return "fine-tuning" if can_fine_tune else "prompt-first"
    if not can_fine_tune:
        return "rag"
    if answers.knowledge_change in STATIC and not answers.needs_citations:
        return "fine-tuning"
    return "both" if _both_affordable(answers) else "rag"


_CRITERIA_TESTS = (
    ("rag-knowledge-changes", lambda a: a.knowledge_change in FAST_CHANGING),
    ("rag-citations", lambda a: a.needs_citations),
    ("rag-low-upfront-cost",
     lambda a: a.budget_usd is not None and a.budget_usd < _threshold("both-budget-min")),
    ("rag-knowledge-in-documents", lambda a: a.need != "behaviour"),
    ("ft-style-tone", lambda a: a.need != "knowledge"),
    ("ft-static-domain", lambda a: a.knowledge_change in STATIC),
    ("ft-high-volume", _high_volume),
    ("ft-labelled-data", enough_examples),
    ("both-changing-knowledge-and-behaviour",
     lambda a: a.need == "both" and a.knowledge_change not in STATIC),
    ("both-budget-and-time", lambda a: a.need == "both" and a.budget_usd is not None
     and a.budget_usd >= _threshold("both-budget-min")),
)


def ticked_criteria(answers: Answers) -> "tuple[str, ...]":
    """The rows of the quick decision table that an answer set ticks.

    Rows the quiz does not ask about (time to market, a strict schema as
    opposed to tone, enterprise-grade accuracy) are never ticked.

    Args:
        answers: A validated answer set.

    Returns:
        Criterion ids, in table order.
    """
    return tally([criterion_id for criterion_id, test in _CRITERIA_TESTS if test(answers)]).ticked


class Change:
    """A single-answer change that would lead to a different recommendation."""

    __slots__ = ("field", "value", "choice", "text")

    field: str
    """The answer field to change."""
    value: object
    """Its new value."""
    choice: str
    """The outcome id the change leads to."""
    text: str
    """A sentence saying so, e.g. `If your labelled examples reached 500 high-quality ones, ...`."""

    def __init__(self, field: str, value: object, choice: str, text: str) -> None:
        self.field = field
        self.value = value
        self.choice = choice
        self.text = text

    def to_dict(self) -> "dict[str, object]":
        """Return the change as a JSON-able dictionary (`field`, `value`, `choice`, `text`)."""
        return {"field": self.field, "value": self.value, "choice": self.choice, "text": self.text}

    def __repr__(self) -> str:
        return "Change(%r, %r, %r)" % (self.field, self.value, self.choice)


class Recommendation:
    """The engine's answer: what to do, why, what to watch out for, and what would change it."""

    __slots__ = ("choice", "outcome", "headline", "reasons", "support", "criteria",
                 "caveats", "changes", "answers")

    choice: str
    """`rag`, `fine-tuning`, `both` or `prompt-first`."""
    outcome: "Outcome"
    """The chosen outcome, with its title and section."""
    headline: str
    """One sentence: the recommendation in plain words."""
    reasons: "tuple[Reason, ...]"
    """Why, each tied to the answer that caused it and the section that explains it."""
    support: "tuple[tuple[str, int], ...]"
    """`(outcome id, ticked decision-table rows)` in `OUTCOMES` order (`prompt-first` has no rows)."""
    criteria: "tuple[str, ...]"
    """The ids of the decision-table rows the answers tick."""
    caveats: "tuple[Caveat, ...]"
    """What to check or plan for, each with the section that explains it."""
    changes: "tuple[Change, ...]"
    """The smallest single-answer changes that would lead to a different outcome."""
    answers: Answers
    """The validated answers it was computed from."""

    def __init__(self, choice: str, headline: str, reasons: "tuple[Reason, ...]",
                 support: "tuple[tuple[str, int], ...]", criteria: "tuple[str, ...]",
                 caveats: "tuple[Caveat, ...]", changes: "tuple[Change, ...]",
                 answers: Answers) -> None:
        self.choice = choice
        self.outcome = get_outcome(choice)
        self.headline = headline
        self.reasons = tuple(reasons)
        self.support = tuple(support)
        self.criteria = tuple(criteria)
        self.caveats = tuple(caveats)
        self.changes = tuple(changes)
        self.answers = answers

    @property
    def link(self) -> str:
        """The site-relative URL of the chosen outcome's section."""
        return section_url(self.outcome.section)

    def to_dict(self) -> "dict[str, object]":
        """Return the recommendation as a JSON-able dictionary.

        Returns:
            `choice`, `title`, `link`, `headline`, `reasons` (`text`, `link`,
            `field`, `section`), `support` (`[outcome id, score]` pairs),
            `criteria`, `caveats` (`id`, `text`, `section`, `link`), `changes`
            (`field`, `value`, `choice`, `text`) and `answers` (all fields).
        """
        return {
            "choice": self.choice,
            "title": self.outcome.title,
            "link": self.link,
            "headline": self.headline,
            "reasons": [reason.to_dict() for reason in self.reasons],
            "support": [[outcome_id, score] for outcome_id, score in self.support],
            "criteria": list(self.criteria),
            "caveats": [caveat.to_dict() for caveat in self.caveats],
            "changes": [change.to_dict() for change in self.changes],
            "answers": self.answers.to_dict(),
        }

    def __repr__(self) -> str:
        return "Recommendation(%r)" % (self.choice,)


def _candidates(answers: Answers, field: "Field") -> list:
    """The values worth trying for one field: every other option, or each threshold crossing."""
    current = getattr(answers, field.name)
    if field.kind == "choice":
        values = list(field.values)
    elif field.kind == "boolean":
        values = [True, False]
    elif field.name == "labelled_examples":
        least = _threshold("min-examples")
        values = [0, least - 1, least]
        mixed = math.ceil(least / _threshold("mixed-quality-share"))
        values += [mixed - 1, mixed]
    elif field.name == "budget_usd":
        cost = fine_tuning_cost(answers)
        both = _threshold("both-budget-min")
        values = [None, 0, cost - 1, cost, both - 1, both]
    elif field.name == "queries_per_day":
        volume = _threshold("high-volume")
        values = [0] if volume is None else [0, volume - 1, volume]
    else:
        values = [None]
        for threshold_id in ("retrieval-latency-high", "tight-latency"):
            values += [_threshold(threshold_id), _threshold(threshold_id) + 1]
    return [value for value in values if value != current and not (
        value is not None and field.minimum is not None and value < field.minimum)]


def _distance(field: "Field", current: object, value: object) -> "tuple[int, float]":
    if field.kind == "choice":
        return (0, abs(field.values.index(value) - field.values.index(current)))
    if value is None or current is None or field.kind == "boolean":
        return (1, 0)
    return (0, abs(value - current))


def _possible_changes(answers: Answers, choice: str) -> "tuple[Change, ...]":
    changes = []
    order = [outcome.id for outcome in OUTCOMES]
    for field in FIELDS:
        best = {}
        current = getattr(answers, field.name)
        for value in _candidates(answers, field):
            changed = answers.replace(**{field.name: value})
            other = decide(changed)
            if other == choice:
                continue
            rank = _distance(field, current, value)
            if other not in best or rank < best[other][0]:
                best[other] = (rank, value, changed)
        for other in order:
            if other in best:
                _, value, changed = best[other]
                changes.append(Change(field.name, value, other, change_text(changed, field.name, other)))
    return tuple(changes)


def recommend(answers: "Mapping[str, object] | Answers") -> Recommendation:
    """Recommend RAG, fine-tuning, both, or prompt engineering first, with the reasons.

    Args:
        answers: An answer set: a dictionary as parsed from JSON, or `Answers`.

    Returns:
        The recommendation, deterministic for the same answers.

    Raises:
        InvalidAnswers: The answers are incomplete or invalid; every problem is listed.

    Example:
        >>> recommend({"knowledge_change": "weekly", "need": "knowledge", "labelled_examples": 0,
        ...            "queries_per_day": 5000, "needs_citations": True}).choice
        'rag'
    """
    valid = validate_answers(answers)
    choice = decide(valid)
    outcome = get_outcome(choice)
    criteria = ticked_criteria(valid)
    signals = {
        "enough": enough_examples(valid),
        "affordable": _fine_tuning_affordable(valid),
        "both_affordable": _both_affordable(valid),
        "cost": fine_tuning_cost(valid),
        "high_volume": _high_volume(valid),
        "tight_latency": _tight_latency(valid),
        "retrieval_breaks_latency": _retrieval_breaks_latency(valid),
        "usable": usable_examples(valid),
    }
    return Recommendation(
        choice=choice,
        headline=outcome.title + ". " + outcome.summary,
        reasons=reasons_for(valid, choice, signals),
        support=tally(criteria).counts,
        criteria=criteria,
        caveats=caveats_for(valid, choice, signals),
        changes=_possible_changes(valid, choice),
        answers=valid,
    )
