"""The framework as data: the quick decision table, the outcomes and the thresholds.

The engine reads its numbers from `THRESHOLDS` and its outcomes from
`OUTCOMES`; the decision-table page and its live tally
(`decision_core.model.tally`) are generated from `CRITERIA`. Each figure
carries its source and an "as of" date, so the site can print them beside it.

Figures that follow from the cost model and the model presets, such as the
volume above which a fine-tuned model pays for itself (`high-volume`) and the
largest knowledge base a cached prompt holds (`small-knowledge-base`), are not
data: the model layer computes them (`decision_core.model.thresholds`).

Example:
    >>> get_threshold("min-examples").value
    500
    >>> get_outcome("rag").section
    'outcome-rag'
"""

from ..base.lookup import find


class Criterion:
    """One row of the quick decision table."""

    __slots__ = ("id", "text", "favours", "section")

    id: str
    """A stable id, e.g. `rag-citations`."""
    text: str
    """The row as the table shows it."""
    favours: str
    """The outcome it counts towards: `rag`, `fine-tuning` or `both`."""
    section: str
    """The id of the table's section that lists it (`choose-rag`, `choose-fine-tuning`, `choose-both`)."""

    def __init__(self, id: str, text: str, favours: str, section: str) -> None:
        self.id = id
        self.text = text
        self.favours = favours
        self.section = section

    def __repr__(self) -> str:
        return "Criterion(%r)" % (self.id,)


class Outcome:
    """One recommendation the framework can reach."""

    __slots__ = ("id", "title", "summary", "section", "name")

    id: str
    """`rag`, `fine-tuning`, `both` or `prompt-first`."""
    title: str
    """A heading, e.g. `Start with RAG`."""
    summary: str
    """One sentence on what to do."""
    section: str
    """The id of the guide's section on this recommendation, e.g. `outcome-rag`."""
    name: str
    """How a sentence names it, e.g. `RAG and fine-tuning together`."""

    def __init__(self, id: str, title: str, summary: str, section: str, name: str = "") -> None:
        self.id = id
        self.title = title
        self.summary = summary
        self.section = section
        self.name = name or title

    def __repr__(self) -> str:
        return "Outcome(%r)" % (self.id,)


class Threshold:
    """A number (or date) the framework decides by, with where it comes from."""

    __slots__ = ("id", "value", "unit", "text", "source", "as_of")

    id: str
    """A stable id, e.g. `min-examples`."""
    value: "int | float | str | None"
    """The figure; dates are ISO strings (`2027-01-06`)."""
    unit: str
    """What the figure counts, e.g. `examples`, `ms`, `USD`, `date`."""
    text: str
    """What the figure means, in one sentence."""
    source: str
    """Where it comes from."""
    as_of: str
    """When it was checked (ISO date or month)."""

    def __init__(self, id: str, value: "int | float | str | None", unit: str, text: str,
                 source: str, as_of: str) -> None:
        self.id = id
        self.value = value
        self.unit = unit
        self.text = text
        self.source = source
        self.as_of = as_of

    def __repr__(self) -> str:
        return "Threshold(%r, %r)" % (self.id, self.value)


_FRAMEWORK = "The four-question RAG-or-fine-tuning framework (the guide's source article)"
_OPENAI_DEPRECATIONS = "OpenAI deprecations page, 'Update to OpenAI's self-serve fine-tuning'"

CRITERIA: "tuple[Criterion, ...]" = (
    Criterion("rag-knowledge-changes", "The knowledge changes often: prices, stock, records, recent events.",
              "rag", "choose-rag"),
    Criterion("rag-citations", "Answers must show their sources.", "rag", "choose-rag"),
    Criterion("rag-time-to-market", "You need something live in weeks, not months.", "rag", "choose-rag"),
    Criterion("rag-low-upfront-cost", "The upfront cost must stay low.", "rag", "choose-rag"),
    Criterion("rag-knowledge-in-documents", "The knowledge lives in documents.", "rag", "choose-rag"),
    Criterion("ft-style-tone", "Style or tone is critical.", "fine-tuning", "choose-fine-tuning"),
    Criterion("ft-output-schema", "The output must follow a very specific format.", "fine-tuning",
              "choose-fine-tuning"),
    Criterion("ft-static-domain", "The subject matter is stable.", "fine-tuning", "choose-fine-tuning"),
    Criterion("ft-high-volume", "The number of requests is high.", "fine-tuning", "choose-fine-tuning"),
    Criterion("ft-labelled-data", "Good labelled examples exist.", "fine-tuning", "choose-fine-tuning"),
    Criterion("both-enterprise-accuracy", "Accuracy must be enterprise-grade.", "both", "choose-both"),
    Criterion("both-changing-knowledge-and-behaviour",
              "The knowledge changes, and the behaviour must also be specialised.", "both", "choose-both"),
    Criterion("both-budget-and-time", "The budget and timeline allow for both.", "both", "choose-both"),
)
"""The quick decision table: five rows for RAG, five for fine-tuning, three for both."""

OUTCOMES: "tuple[Outcome, ...]" = (
    Outcome("rag", "Start with RAG",
            "Look the knowledge up at answer time: ship in weeks, then learn from real questions.",
            "outcome-rag", "RAG"),
    Outcome("fine-tuning", "Fine-tune",
            "Train a model on your examples so it does what you need without long instructions or a retrieval "
            "step.",
            "outcome-fine-tuning", "fine-tuning"),
    Outcome("both", "Combine RAG and fine-tuning",
            "Build retrieval first and ship it; add fine-tuning for the behaviour once your evaluation set shows "
            "what prompts cannot fix.",
            "outcome-both", "RAG and fine-tuning together"),
    Outcome("prompt-first", "Prompt engineering first",
            "Neither yet: improve the prompt, build an evaluation set and collect good examples.",
            "outcome-prompt-first", "prompt engineering first"),
)
"""The four recommendations, in display order."""

THRESHOLDS: "tuple[Threshold, ...]" = (
    Threshold("min-examples", 500, "examples",
              "The fewest high-quality labelled examples a fine-tuning project typically needs.",
              _FRAMEWORK, "2026-11"),
    Threshold("comfortable-examples", 10000, "examples",
              "Enough labelled examples for most fine-tuning tasks.", _FRAMEWORK, "2026-11"),
    Threshold("mixed-quality-share", 0.5, "share",
              "The share of mixed-quality examples assumed to survive a clean-up: mixed data needs twice as many.",
              "This guide's working assumption", "2026-11"),
    Threshold("retrieval-latency-low", 100, "ms", "The least a retrieval step adds to a response.",
              _FRAMEWORK, "2026-11"),
    Threshold("retrieval-latency-high", 300, "ms",
              "The most a retrieval step typically adds, before the model reads the extra context.",
              _FRAMEWORK, "2026-11"),
    Threshold("tight-latency", 1000, "ms",
              "A response budget of a second or less leaves little room for a retrieval step.",
              "This guide's working assumption", "2026-11"),
    Threshold("training-cost-min", 500, "USD",
              "The least a fine-tuning project costs, people included (often $5,000 or more).",
              _FRAMEWORK, "2026-11"),
    Threshold("training-cost-high", 5000, "USD",
              "A typical upper figure for a fine-tuning project, people included.", _FRAMEWORK, "2026-11"),
    Threshold("labelling-cost", 5, "USD per example",
              "What labelling one example costs (experts: 5 to 20 times more).",
              "Estimate used by this guide's cost model", "2026-11"),
    Threshold("rag-ship-weeks", 2, "weeks",
              "How long RAG systems typically take to ship, against months for fine-tuning.",
              _FRAMEWORK, "2026-11"),
    Threshold("retraining-months", 6, "months",
              "How often to budget a retrain, and at every base-model retirement.",
              "This guide's cost model", "2026-11"),
    Threshold("openai-fine-tuning-end", "2027-01-06", "date",
              "After this date OpenAI runs no new self-serve fine-tuning jobs for anyone.",
              _OPENAI_DEPRECATIONS, "2026-11"),
    Threshold("base-model-retirement", "2027-01-14", "date",
              "gpt-4o, gpt-4o-mini, gpt-4.1, gpt-4.1-mini and their fine-tunes stop on this date.",
              _OPENAI_DEPRECATIONS, "2026-11"),
)
"""The framework's figures, each with its source and date."""



def get_threshold(threshold_id: str) -> Threshold:
    """Return the threshold with this id (e.g. `min-examples`); `UnknownId` if no threshold has it."""
    return find(THRESHOLDS, "threshold", threshold_id)


def get_outcome(outcome_id: str) -> Outcome:
    """Return the outcome with this id (`rag`, `fine-tuning`, `both` or `prompt-first`); `UnknownId` if none has it."""
    return find(OUTCOMES, "outcome", outcome_id)


def get_criterion(criterion_id: str) -> Criterion:
    """Return the decision-table row with this id (e.g. `rag-citations`); `UnknownId` if none has it."""
    return find(CRITERIA, "criterion", criterion_id)
