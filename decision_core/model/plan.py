"""The plan: the ordered steps that take a client to the recommended architecture.

The choice is where a client should end up; the plan is how to get there.
Its shape follows the framework's default advice (ship the cheapest thing
that can work, measure, then invest where it falls short):

- `prompt-first`: prompt work and an evaluation set, and nothing else yet;
- `rag`: retrieval; when the whole knowledge fits a cached prompt (and does
  not change by the minute), that prompt comes first and retrieval next;
- `fine-tuning` for a behaviour: a prompt-only baseline, then fine-tuning;
- `fine-tuning` for knowledge, and `both`: the knowledge side first (a cached
  prompt or retrieval), then fine-tuning.

Every step says what to do (sentences from
`decision_core.framework.advice_rows.STEP_TEXTS`), roughly how long it takes and
what it costs (people's time from `decision_core.framework.effort`, running
costs from the cost model at its default prices), and `until`: the measured
signal that moves the client on (`None` on the last step). A plan stops at
the target; what could come after it belongs to the recommendation's changes.

Example:
    >>> from decision_core.model.engine import recommend
    >>> [step.approach for step in recommend({"knowledge_change": "daily", "need": "both",
    ...     "labelled_examples": 3000, "data_quality": "high", "queries_per_day": 40000}).plan]
    ['rag', 'fine-tuning']
"""

from ..base.errors import DecisionError
from ..base.format import about, money, plural
from ..framework.advice_rows import STEP_LABELS, STEP_TEXTS, UNTILS
from ..framework.effort import DAY_RATE, get_effort
from ..framework.sections import section_url
from .advice import Facts, applies, figures
from .costs import compare

_RETRIEVAL = ("long-context", "rag")


class Step:
    """One step of a plan: what to build now, what it takes, and the signal that ends it."""

    __slots__ = ("label", "approach", "title", "text", "time", "cost", "until", "section", "link")

    label: str
    """`Now`, `Next` or `Later`."""
    approach: str
    """`prompt`, `long-context`, `rag` or `fine-tuning`."""
    title: str
    """The step's name, e.g. `Retrieval (RAG)`."""
    text: str
    """What to do, in a few sentences."""
    time: str
    """Roughly how long it takes, e.g. `one to two weeks`."""
    cost: str
    """What it costs: people's time, and what it costs to run where the cost model knows."""
    until: "str | None"
    """The measured signal that moves the client to the next step; `None` on the last step."""
    section: str
    """The id of the guide's section that explains the step."""
    link: str
    """The section's site-relative URL."""

    def __init__(self, label: str, approach: str, title: str, text: str, time: str, cost: str,
                 until: "str | None", section: str) -> None:
        self.label = label
        self.approach = approach
        self.title = title
        self.text = text
        self.time = time
        self.cost = cost
        self.until = until
        self.section = section
        self.link = section_url(section)

    def to_dict(self) -> "dict[str, object]":
        """Return the step as a JSON-able dictionary.

        Returns:
            `approach`, `text`, `until` (the contract's keys), then `label`,
            `title`, `time`, `cost` and `link`.
        """
        return {"approach": self.approach, "text": self.text, "until": self.until, "label": self.label,
                "title": self.title, "time": self.time, "cost": self.cost, "link": self.link}

    def __repr__(self) -> str:
        return "Step(%r, %r)" % (self.label, self.approach)


def people_cost(approach: str, high: bool = False) -> float:
    """What building one approach costs in people's time, at the day rate.

    Args:
        approach: `prompt`, `long-context`, `rag` or `fine-tuning`.
        high: The thorough end of the range instead of the lean one.

    Returns:
        Dollars.

    Example:
        >>> people_cost("rag"), people_cost("rag", high=True)
        (4000, 8000)
    """
    effort = get_effort(approach)
    return (effort.high_days if high else effort.low_days) * DAY_RATE.value


LEAST_PLANS: "tuple[tuple[str, tuple[str, ...]], ...]" = (
    ("fine-tuning", ("prompt", "fine-tuning")),
    ("both", ("rag", "fine-tuning")),
)
"""The steps whose lean cost a launch budget must cover before the engine recommends training: a
prompt-only baseline then fine-tuning; or retrieval (with its evaluation set) then fine-tuning."""


def least_people_cost(outcome: str) -> float:
    """The people's time, at the lean end, of the steps a launch budget must cover for an outcome that trains.

    Args:
        outcome: `fine-tuning` or `both` (see `LEAST_PLANS`).

    Returns:
        Dollars, before labelling any missing examples.

    Example:
        >>> least_people_cost("fine-tuning"), least_people_cost("both")
        (18400, 20000)
    """
    for known, approaches in LEAST_PLANS:
        if known == outcome:
            return sum(people_cost(approach) for approach in approaches)
    raise ValueError("no least plan for " + repr(outcome))


def shape(facts: Facts) -> "tuple[str, ...]":
    """The approaches of a case's plan, in order (see the module's text).

    Args:
        facts: The case (its answers and choice).

    Returns:
        One to three approaches; the last is where the choice says.
    """
    answers, choice = facts.answers, facts.choice
    if choice == "prompt-first":
        return ("prompt",)
    if choice == "fine-tuning" and answers.need == "behaviour":
        return ("prompt", "fine-tuning")
    pages, line = answers.knowledge_pages, facts.knowledge_line_pages
    cached = (pages is not None and line is not None and pages <= line
              and answers.knowledge_change != "real-time")
    if choice == "rag":
        return ("long-context", "rag") if cached else ("rag",)
    return ("long-context" if cached else "rag", "fine-tuning")


def _fits(step: str, approaches: "tuple[str, ...]", index: int) -> bool:
    approach = approaches[index]
    if step == "first":
        return index == 0
    if step == "first-retrieval":
        return approach in _RETRIEVAL and not [a for a in approaches[:index] if a in _RETRIEVAL]
    return step == approach


def _until(facts: Facts, approach: str, following: str, values: "dict[str, str]") -> "str | None":
    for row in UNTILS:
        if row.next != following or not applies(facts, row.when):
            continue
        if row.step == approach or (row.step == "retrieval" and approach in _RETRIEVAL):
            return row.text.format(**values)
    return None


def _running_cost(facts: Facts, approach: str) -> str:
    """What the step costs to run a month at the client's volume, from the cost model, or nothing."""
    if approach == "fine-tuning":
        if "long-context" in facts.approaches:
            return ""  # tuned behaviour with the knowledge in a cached prompt: not an option the cost model prices
        option = "both" if facts.choice == "both" else "fine-tuning"
    elif approach in ("rag", "long-context"):
        option = approach
    else:
        return ""  # prompt work runs on the model in use
    volume, pages = facts.answers.queries_per_day, facts.answers.knowledge_pages
    inputs = {"queries_per_day": volume}
    if pages is not None:
        inputs["knowledge_pages"] = max(pages, 1)  # what the index embeds, or what the cached prompt holds
    elif option == "long-context":
        return ""  # a cached prompt's cost is its size: unknown until the client says it
    try:
        costs = compare(inputs).option(option)
    except DecisionError:  # a volume or size beyond the cost model's range
        return ""
    if not getattr(costs, "available", True):
        return ""
    monthly = costs.monthly_usd + costs.per_query_usd * volume * 30
    amount = "about $" + about(monthly) if monthly >= 1 else "under $1"
    return ("; then %s a month to run at %s a day, at the cost model's default prices and request size"
            % (amount, plural(volume, "request")))


def plan_for(facts: Facts) -> "tuple[Step, ...]":
    """Make the plan for a case, and record its approaches in `facts` for the caveats.

    Args:
        facts: The case; its `approaches` and `first_step_cost` are set here.

    Returns:
        The steps, in order, labelled `Now`, `Next`, `Later`.
    """
    approaches = shape(facts)
    facts.approaches = approaches
    facts.first_step_cost = people_cost(approaches[0])
    values = figures(facts)
    steps = []
    for index, approach in enumerate(approaches):
        rows = [row for row in STEP_TEXTS if _fits(row.step, approaches, index) and applies(facts, row.when)]
        effort = get_effort(approach)
        text = " ".join(row.text.format(**values) for row in rows)
        cost = "about %s to %s of people's time (%d to %d person-days at about %s a day)%s" % (
            money(people_cost(approach)), money(people_cost(approach, high=True)), effort.low_days,
            effort.high_days, money(DAY_RATE.value), _running_cost(facts, approach))
        until = _until(facts, approach, approaches[index + 1], values) if index + 1 < len(approaches) else None
        section = [row.section for row in rows if row.step != "first"] or [rows[0].section]
        steps.append(Step(STEP_LABELS[index], approach, effort.title, text, effort.duration, cost, until,
                          section[0]))
    return tuple(steps)
