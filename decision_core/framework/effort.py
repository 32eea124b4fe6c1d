"""What each step of a plan takes: people's time per approach, and what a person-day costs.

A plan (`decision_core.model.plan`) prices each step from these rows: the
effort in person-days, at `DAY_RATE`, plus what the cost model says the step
costs to run. Launch budgets are checked against the same figures, because
launch money pays for the people who build, not only for the training run.
Each figure carries its source and the date it was checked.

Example:
    >>> get_effort("rag").low_days, get_effort("rag").high_days
    (5, 10)
    >>> DAY_RATE.value
    800
"""

from ..base.lookup import find
from .rules import Threshold

APPROACHES: "tuple[str, ...]" = ("prompt", "long-context", "rag", "fine-tuning")
"""What a plan step can build, in the order a project usually meets them."""

_FRAMEWORK = "The four-question RAG-or-fine-tuning framework (the guide's source article)"
_ASSUMPTION = "This guide's working assumption"


class Effort:
    """What one approach takes to build: a range of person-days, with where the figure comes from."""

    __slots__ = ("approach", "title", "low_days", "high_days", "duration", "source", "as_of")

    approach: str
    """`prompt`, `long-context`, `rag` or `fine-tuning` (see `APPROACHES`)."""
    title: str
    """How a plan names the step, e.g. `Retrieval (RAG)`."""
    low_days: int
    """Person-days for a lean build."""
    high_days: int
    """Person-days for a thorough one."""
    duration: str
    """The same effort in calendar words, e.g. `one to two weeks`."""
    source: str
    """Where the figure comes from."""
    as_of: str
    """When it was checked (ISO month)."""

    def __init__(self, approach: str, title: str, low_days: int, high_days: int, duration: str,
                 source: str, as_of: str) -> None:
        self.approach = approach
        self.title = title
        self.low_days = low_days
        self.high_days = high_days
        self.duration = duration
        self.source = source
        self.as_of = as_of

    def __repr__(self) -> str:
        return "Effort(%r, %r, %r)" % (self.approach, self.low_days, self.high_days)


EFFORTS: "tuple[Effort, ...]" = (
    Effort("prompt", "Prompt work and an evaluation set", 3, 5, "about a week",
           _ASSUMPTION + ", after Microsoft Learn and OpenAI, who put prompt work and an evaluation set "
           "before any fine-tuning", "2026-11"),
    Effort("long-context", "The whole knowledge in a cached prompt", 2, 5, "a few days",
           _ASSUMPTION + ": a prompt and caching to set up, no index to build", "2026-11"),
    Effort("rag", "Retrieval (RAG)", 5, 10, "one to two weeks",
           _FRAMEWORK + ": RAG systems shipped in days to about two weeks", "2026-11"),
    Effort("fine-tuning", "A fine-tuned model", 20, 60, "one to three months",
           _FRAMEWORK + ": fine-tuning projects take months; it reports teams that spent three months "
           "fine-tuning where two weeks of RAG would have done", "2026-11"),
)
"""The build effort of each approach, in `APPROACHES` order."""

DAY_RATE: Threshold = Threshold(
    "day-rate", 800, "USD per person-day",
    "What a day of an engineer's time costs an employer in the United States, wages and benefits.",
    "US Bureau of Labor Statistics: software developers' mean wage of $144,570 a year in May 2024 "
    "(Occupational Employment and Wage Statistics), about $556 for an 8-hour day, divided by the 70.5% "
    "share of wages in private employers' compensation costs (Employer Costs for Employee Compensation, "
    "December 2024), rounded to the nearest $100",
    "2026-11",
)
"""The cost of a person-day, which turns effort into money. An outside consultancy charges more."""


def get_effort(approach: str) -> Effort:
    """Return the effort row of an approach (`prompt`, `long-context`, `rag` or `fine-tuning`).

    Raises:
        UnknownId: No such approach.
    """
    return find(EFFORTS, "approach", approach, "approach")
