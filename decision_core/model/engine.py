"""The engine: from an answer set to a recommendation, its plan and its reasons.

The decision follows the framework's four questions, reading every figure
from `decision_core.framework` and `decision_core.model.thresholds`:

1. **Need = knowledge** → RAG (fine-tuning is a weak way to add facts;
   citations and changing knowledge make the case stronger), except when
   the knowledge is static, needs no citations, fine-tuning is possible (see
   2) and the volume is above the cost model's break-even (`high-volume`,
   computed by `decision_core.model.costs`; never, when that is `None`):
   then fine-tuning pays for itself.
2. **Need = behaviour** → fine-tuning when there are enough *good* examples
   (≥ 500 high-quality ones; mixed data counts at half after a clean-up; low
   or unchecked data counts for nothing) and the budget, if stated, covers
   the least a fine-tuning plan costs with its people's time; otherwise
   prompt engineering first.
3. **Need = both** → the knowledge side is decided as a knowledge need is:
   when fine-tuning is possible and the knowledge alone would be trained in,
   fine-tuning alone; otherwise retrieval stays, and fine-tuning joins it
   (`both`) when it is possible and the budget covers both builds; else RAG
   now and fine-tuning later.

Volume and latency otherwise do not overturn the choice, but they add
findings (a retrieval step of 100–300 ms against a tight budget, per-request
savings at high volume) and caveats. The words come from
`decision_core.model.advice`, the staged plan from `decision_core.model.plan`.
"""

import math

from ..framework.advice_rows import CHANGE_RANKS, MAX_CHANGE_RANK, MAX_CHANGES
from ..framework.questions import FIELDS, TOKENS_PER_PAGE
from ..framework.rules import get_outcome
from ..framework.sections import section_url
from ..base.format import about
from .advice import Caveat, Facts, Reason, caveats_for, change_text, findings_for
from .answers import Answers, validate_answers
from .plan import Step, least_people_cost, plan_for
from .tally import tally
from .thresholds import threshold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..framework.rules import Outcome

STATIC = ("static",)
"""Knowledge that can be trained in without going out of date."""
FAST_CHANGING = ("monthly", "weekly", "daily", "real-time")
"""Knowledge that "changes often" in the decision table's sense."""


def _threshold(threshold_id: str) -> "int | float | None":
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


def _labelling(answers: Answers) -> float:
    missing = max(0, _threshold("min-examples") - usable_examples(answers))
    return missing * _threshold("labelling-cost")


def plan_cost(answers: Answers, outcome: str) -> float:
    """The least a plan that trains a model costs: its people's time plus labelling the missing examples.

    Launch money pays for the people who build, not only for the training
    run: the effort comes from `decision_core.framework.effort` (its lean
    end), at the day rate there. `fine-tuning` is a prompt-only baseline then
    a fine-tuning project; `both` is both builds, the first with its
    evaluation set.

    Args:
        answers: A validated answer set.
        outcome: `fine-tuning` or `both`.

    Returns:
        A lower estimate in US dollars.

    Example:
        >>> from decision_core.model.answers import validate_answers
        >>> answers = validate_answers({"knowledge_change": "static", "need": "behaviour", "data_quality": "high",
        ...                             "labelled_examples": 500, "queries_per_day": 800})
        >>> plan_cost(answers, "fine-tuning"), plan_cost(answers, "both")
        (18400, 20000)
    """
    return least_people_cost(outcome) + _labelling(answers)


def _affordable(answers: Answers, outcome: str) -> bool:
    return answers.budget_usd is None or answers.budget_usd >= plan_cost(answers, outcome)


def _high_volume(answers: Answers) -> bool:
    line = _threshold("high-volume")
    return line is not None and answers.queries_per_day >= line


def _volume_repays_training(answers: Answers) -> bool:
    """Static knowledge, no citations and a volume above the cost model's break-even.

    Only then may a knowledge need be trained in: the facts cannot go out of
    date, nobody needs to see the source, and dropping the retrieval step and
    its context tokens saves more per request than training and labelling cost.
    """
    return (answers.knowledge_change in STATIC and not answers.needs_citations
            and _high_volume(answers))


def decide(answers: Answers) -> str:
    """Return the recommended outcome id for a validated answer set, without the explanation.

    Args:
        answers: A validated answer set.

    Returns:
        `rag`, `fine-tuning`, `both` or `prompt-first`.
    """
    can_fine_tune = enough_examples(answers) and _affordable(answers, "fine-tuning")
    if answers.need == "behaviour":
        return "fine-tuning" if can_fine_tune else "prompt-first"
    if can_fine_tune and _volume_repays_training(answers):
        return "fine-tuning"  # the knowledge (and any behaviour) trained in: no retrieval step
    if answers.need == "knowledge" or not can_fine_tune:
        return "rag"
    return "both" if _affordable(answers, "both") else "rag"


_CRITERIA_TESTS = (
    ("rag-knowledge-changes", lambda a: a.knowledge_change in FAST_CHANGING),
    ("rag-citations", lambda a: a.needs_citations),
    ("rag-low-upfront-cost",
     lambda a: a.budget_usd is not None and a.budget_usd < plan_cost(a, "both")),
    ("rag-knowledge-in-documents", lambda a: a.need != "behaviour"),
    ("ft-style-tone", lambda a: a.need != "knowledge"),
    ("ft-static-domain", lambda a: a.knowledge_change in STATIC),
    ("ft-high-volume", _high_volume),
    ("ft-labelled-data", enough_examples),
    ("both-changing-knowledge-and-behaviour",
     lambda a: a.need == "both" and a.knowledge_change not in STATIC),
    ("both-budget-and-time", lambda a: a.need == "both" and a.budget_usd is not None
     and a.budget_usd >= plan_cost(a, "both")),
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
    """A value on the other side of the line (or the new option) that leads there."""
    choice: str
    """The outcome id the change leads to."""
    text: str
    """A sentence in threshold words, e.g. `With at least about 500 high-quality examples, ...`."""

    def __init__(self, field: str, value: object, choice: str, text: str) -> None:
        self.field = field
        self.value = value
        self.choice = choice
        self.text = text

    def to_dict(self) -> "dict[str, object]":
        """Return the change as a JSON-able dictionary (`text`, `field`, `value`, `choice`)."""
        return {"text": self.text, "field": self.field, "value": self.value, "choice": self.choice}

    def __repr__(self) -> str:
        return "Change(%r, %r, %r)" % (self.field, self.value, self.choice)


class Recommendation:
    """The engine's answer: where to end up, the plan to get there, why, what speaks against it, what to
    watch, and what would change it."""

    __slots__ = ("choice", "outcome", "headline", "plan", "reasons", "counterpoints", "support", "criteria",
                 "caveats", "changes", "answers")

    choice: str
    """The target architecture: `rag`, `fine-tuning`, `both` or `prompt-first`."""
    outcome: "Outcome"
    """The chosen outcome, with its title and section."""
    headline: str
    """One sentence: the recommendation in plain words."""
    plan: "tuple[Step, ...]"
    """The ordered steps to get there, each with the signal that moves the client on."""
    reasons: "tuple[Reason, ...]"
    """Why: findings that favour the choice (or neutral context), most decisive first."""
    counterpoints: "tuple[Reason, ...]"
    """What speaks against it: findings that favour another outcome."""
    support: "tuple[tuple[str, int], ...]"
    """`(outcome id, ticked decision-table rows)` in `OUTCOMES` order (`prompt-first` has no rows)."""
    criteria: "tuple[str, ...]"
    """The ids of the decision-table rows the answers tick."""
    caveats: "tuple[Caveat, ...]"
    """What to check or plan for, each with the section that explains it."""
    changes: "tuple[Change, ...]"
    """The few single-answer changes that would lead to a different outcome, nearest first."""
    answers: Answers
    """The validated answers it was computed from."""

    def __init__(self, choice: str, headline: str, reasons: "tuple[Reason, ...]",
                 support: "tuple[tuple[str, int], ...]", criteria: "tuple[str, ...]",
                 caveats: "tuple[Caveat, ...]", changes: "tuple[Change, ...]",
                 answers: Answers, plan: "tuple[Step, ...]" = (),
                 counterpoints: "tuple[Reason, ...]" = ()) -> None:
        self.choice = choice
        self.outcome = get_outcome(choice)
        self.headline = headline
        self.plan = tuple(plan)
        self.reasons = tuple(reasons)
        self.counterpoints = tuple(counterpoints)
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
            `choice`, `title`, `link`, `headline`, `plan` (`approach`, `text`,
            `until`, `label`, `title`, `time`, `cost`, `link`), `reasons` and
            `counterpoints` (`text`, `link`, `favours`, `field`, `section`,
            `id`), `caveats` (`id`, `text`, `section`, `link`), `changes`
            (`text`, `field`, `value`, `choice`), `support` (`[outcome id,
            score]` pairs), `criteria` and `answers` (all fields).
        """
        return {
            "choice": self.choice,
            "title": self.outcome.title,
            "link": self.link,
            "headline": self.headline,
            "plan": [step.to_dict() for step in self.plan],
            "reasons": [reason.to_dict() for reason in self.reasons],
            "counterpoints": [reason.to_dict() for reason in self.counterpoints],
            "caveats": [caveat.to_dict() for caveat in self.caveats],
            "changes": [change.to_dict() for change in self.changes],
            "support": [[outcome_id, score] for outcome_id, score in self.support],
            "criteria": list(self.criteria),
            "answers": self.answers.to_dict(),
        }

    def __repr__(self) -> str:
        return "Recommendation(%r)" % (self.choice,)


def _knowledge_line_pages() -> "float | None":
    tokens = _threshold("small-knowledge-base")
    return None if tokens is None else tokens / TOKENS_PER_PAGE


def facts_for(answers: Answers, choice: str) -> Facts:
    """Gather what the plan and the advice need to know about a case.

    Args:
        answers: A validated answer set.
        choice: The outcome `decide` chose for it.

    Returns:
        The facts, without a plan yet (`decision_core.model.plan.plan_for` adds it).
    """
    return Facts(answers, choice, usable=usable_examples(answers), enough=enough_examples(answers),
                 affordable=_affordable(answers, "fine-tuning"), both_affordable=_affordable(answers, "both"),
                 fine_tuning_cost=plan_cost(answers, "fine-tuning"), both_cost=plan_cost(answers, "both"),
                 volume_line=_threshold("high-volume"), knowledge_line_pages=_knowledge_line_pages())


def _lines(answers: Answers, field: str) -> "list[tuple[object, str, str]]":
    """The values worth trying for one numeric field: `(value, move, line as words)` at each line it can cross."""
    current = getattr(answers, field)
    crossings = []
    if field == "labelled_examples":
        if answers.data_quality == "high":
            crossings.append((_threshold("min-examples"), about))
        elif answers.data_quality == "mixed":
            least = math.ceil(_threshold("min-examples") / _threshold("mixed-quality-share"))
            crossings.append((least, about))
    elif field == "queries_per_day":
        if _threshold("high-volume") is not None:
            crossings.append((_threshold("high-volume"), about))
    elif field == "budget_usd":
        for cost in (plan_cost(answers, "fine-tuning"), plan_cost(answers, "both")):
            crossings.append((math.ceil(cost), lambda amount: "$" + about(amount)))
    values = []
    for line, words in crossings:
        if current is None or current >= line:
            values.append((line - 1, "down", words(line)))
        if current is None or current < line:
            values.append((line, "up", words(line)))
    return values


def _quality_move(current: str, value: str) -> "tuple[str, str]":
    """`(kind of move, its words)` for a change of data quality: better or worse, and how it reads."""
    rank = {"high": 0, "mixed": 1, "low": 2, "unknown": 2}
    kind = "better" if rank[value] < rank[current] else "worse"
    return kind, "reviewed" if current == "unknown" and value == "high" else value


def _rank(field: str, kind: str, current: object, value: object) -> float:
    """How much a change matters (see `CHANGE_RANKS`): lower is listed first."""
    base = [weight for name, move, weight in CHANGE_RANKS if name == field and move == kind][0]
    if kind == "step":
        values = [item for item in FIELDS if item.name == field][0].values
        return base + 0.5 * (abs(values.index(value) - values.index(current)) - 1)
    if kind in ("up", "down"):
        distance = 1.5 if current is None else abs(math.log((value + 1) / (current + 1)))
        return base + min(distance, 3.0) / 3
    return base


def _candidates(answers: Answers) -> "list[tuple[str, object, str, str, str]]":
    """Every single-answer change worth trying: `(field, value, kind of move, words key, line as words)`."""
    tries = []
    for field in FIELDS:
        current = getattr(answers, field.name)
        if field.name == "need":
            continue  # what the problem is, not a lever a client can pull
        if field.name == "data_quality":
            for value in field.values:
                if value != current and value != "unknown":
                    kind, words = _quality_move(current, value)
                    tries.append((field.name, value, kind, words, ""))
        elif field.kind == "choice":
            tries.extend((field.name, value, "step", value, "") for value in field.values if value != current)
        elif field.kind == "boolean":
            tries.append((field.name, not current, "flip", "no" if current else "yes", ""))
        elif field.kind in ("integer", "number"):
            tries.extend((field.name, value, move, move, line) for value, move, line in _lines(answers, field.name))
    return tries


def _changed(answers: Answers, field: str, value: object) -> Answers:
    """The answers with one field changed to a value the candidates make valid (no need to validate again)."""
    values = {}
    for name, current in answers.items():
        values[name] = value if name == field else current
    return Answers(**values)


def _possible_changes(answers: Answers, choice: str) -> "tuple[Change, ...]":
    """The few single-answer changes that lead elsewhere and matter, most decisive first."""
    found = []
    quality = answers.data_quality + "-quality " if answers.data_quality in ("high", "mixed") else ""
    for position, (field, value, kind, words, line) in enumerate(_candidates(answers)):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            continue
        other = decide(_changed(answers, field, value))
        rank = _rank(field, kind, getattr(answers, field), value)
        if other == choice or rank > MAX_CHANGE_RANK:
            continue
        same = [item for item in found if item[2] == field and item[3].choice == other]
        if same and same[0][0] <= rank:
            continue  # one change per field and outcome: the nearest line
        found = [item for item in found if item not in same]
        text = change_text(field, words, line, other, quality if field == "labelled_examples" else "")
        found.append((rank, position, field, Change(field, value, other, text)))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(item[3] for item in found[:MAX_CHANGES])


def recommend(answers: "Mapping[str, object] | Answers") -> Recommendation:
    """Recommend RAG, fine-tuning, both, or prompt engineering first, with the plan and the reasons.

    Args:
        answers: An answer set: a dictionary as parsed from JSON, or `Answers`.

    Returns:
        The recommendation, deterministic for the same answers.

    Raises:
        InvalidAnswers: The answers are incomplete or invalid; every problem is listed.

    Example:
        >>> result = recommend({"knowledge_change": "weekly", "need": "knowledge", "labelled_examples": 0,
        ...                     "queries_per_day": 5000, "needs_citations": True})
        >>> result.choice, [step.approach for step in result.plan]
        ('rag', ['rag'])
    """
    valid = validate_answers(answers)
    choice = decide(valid)
    outcome = get_outcome(choice)
    criteria = ticked_criteria(valid)
    facts = facts_for(valid, choice)
    plan = plan_for(facts)
    reasons, counterpoints = findings_for(facts)
    return Recommendation(
        choice=choice,
        headline=outcome.title + ". " + outcome.summary,
        plan=plan,
        reasons=reasons,
        counterpoints=counterpoints,
        support=tally(criteria).counts,
        criteria=criteria,
        caveats=caveats_for(facts),
        changes=_possible_changes(valid, choice),
        answers=valid,
    )
