"""Every input of the cost model, declared once: default, unit, valid range and source.

The calculator's form, the cost model's validation
(`decision_core.model.cost_values`) and the guide's table of defaults are all
generated from `COST_INPUTS`. Each figure carries its source
and the date it was captured ("as of"), because prices change: to update a
default, edit it here, with its source and date, and nothing else.

Two kinds of input exist:

- **numbers** (`kind == "number"`): a value from `minimum` to `maximum`, in
  `unit`; `step` is the form's step (a hint, not a constraint); `integer` asks
  for whole numbers; `optional` inputs may be left empty (`None`);
- **choices** (`kind == "choice"`): one of the values in `choices`, a tuple of
  `(value, label)` pairs. The only choice is the fine-tuned model's pricing
  style, `"per-token"` (a premium on each token) or `"hosted"` (base token
  prices plus an hourly hosting fee).

Example:
    >>> get_cost_input("hosting_usd_per_hour").default
    1.7
    >>> get_cost_input("hosting_usd_per_hour").as_of
    '2026-02-11'
"""

from ..base.errors import InvalidCostInputs, Problem
from ..base.format import number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Union

    Value = Union[float, int, str, None]


class CostInput:
    """One input of the cost model: what it means, its default, its range and its source."""

    __slots__ = (
        "id", "label", "default", "unit", "minimum", "maximum", "step",
        "source", "as_of", "help", "group", "choices", "integer", "optional",
    )

    id: str
    """The key used in `CostInputs.from_mapping`, the form and share links, e.g. `queries_per_day`."""
    label: str
    """A short label for a form field, e.g. `Queries per day`."""
    default: "float | int | str | None"
    """The default value: a number, a choice's value, or `None` for an optional input left empty."""
    unit: str
    """The unit shown beside the field, e.g. `$ per 1M tokens`; empty for choices."""
    minimum: "float | None"
    """The smallest accepted value (inclusive); `None` for choices."""
    maximum: "float | None"
    """The largest accepted value (inclusive), set well above any real case; `None` for choices."""
    step: "float | None"
    """The form's step for the field, a hint only; `None` for choices."""
    source: str
    """Where the default comes from."""
    as_of: str
    """When the default was captured, as an ISO date or a prefix of one (`2026`, `2026-11`, `2026-11-04`)."""
    help: str
    """One or two sentences explaining the input to a reader."""
    group: str
    """The id of the input's group in `COST_INPUT_GROUPS`, e.g. `fine-tuning`."""
    choices: "tuple[tuple[str, str], ...] | None"
    """For a choice, the accepted `(value, label)` pairs in display order; `None` for numbers."""
    integer: bool
    """Whether only whole numbers are accepted."""
    optional: bool
    """Whether the input may be left empty (`None`)."""

    def __init__(
        self,
        id: str,
        label: str,
        default: "float | int | str | None",
        unit: str,
        minimum: "float | None",
        maximum: "float | None",
        step: "float | None",
        source: str,
        as_of: str,
        help: str,
        group: str,
        *,
        choices: "tuple[tuple[str, str], ...] | None" = None,
        integer: bool = False,
        optional: bool = False,
    ) -> None:
        self.id = id
        self.label = label
        self.default = default
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.source = source
        self.as_of = as_of
        self.help = help
        self.group = group
        self.choices = choices
        self.integer = integer
        self.optional = optional

    @property
    def kind(self) -> str:
        """`"choice"` for an input with `choices`, else `"number"`."""
        return "number" if self.choices is None else "choice"

    @property
    def range_text(self) -> str:
        """The valid values in words, as error messages and forms show them.

        Example:
            >>> get_cost_input("horizon_months").range_text
            'a whole number from 1 to 120 (months)'
        """
        if self.choices is not None:
            return "one of " + ", ".join(repr(value) for value, _ in self.choices)
        text = "a whole number" if self.integer else "a number"
        text += " from " + number(self.minimum) + " to " + number(self.maximum)
        if self.unit:
            text += " (" + self.unit + ")"
        if self.optional:
            text += ", or nothing"
        return text

    def __repr__(self) -> str:
        return "CostInput(%r)" % self.id


COST_INPUT_GROUPS: "tuple[tuple[str, str], ...]" = (
    ("usage", "Usage"),
    ("model-prices", "Model prices"),
    ("fine-tuning", "Fine-tuning"),
    ("retrieval", "Retrieval"),
    ("time-latency", "Time and latency"),
)
"""The groups of inputs as `(id, label)` pairs, in the form's order."""

PRICING_STYLES: "tuple[tuple[str, str], ...]" = (
    ("per-token", "Per-token premium (fine-tuned tokens cost more)"),
    ("hosted", "Hosted (base token prices plus an hourly hosting fee)"),
)
"""The fine-tuned model's pricing styles, as `(value, label)` pairs."""

_OPENAI_MINI = "OpenAI pricing, gpt-4.1-mini"
_ESTIMATE = "Estimate; set your own"
_PINECONE = "Pinecone Standard pricing"
_COLLECTED = "2026-11"
_M = "$ per 1M tokens"


def _n(
    id: str, label: str, default: "float | int | None", unit: str, maximum: float, step: float,
    source: str, as_of: str, help: str, group: str, *, minimum: float = 0,
    integer: bool = False, optional: bool = False,
) -> CostInput:
    return CostInput(
        id, label, default, unit, minimum, maximum, step, source, as_of, help, group,
        integer=integer, optional=optional,
    )


COST_INPUTS: "tuple[CostInput, ...]" = (
    # Usage
    _n("queries_per_day", "Queries per day", 10000, "queries/day", 1e9, 100,
       "Example volume; set your own", _COLLECTED,
       "How many requests the application sends to the model each day.", "usage"),
    _n("prompt_tokens", "Prompt tokens per query", 500, "tokens", 1e6, 10,
       "Typical; set your own", _COLLECTED,
       "Input tokens of each request without retrieved context: instructions and the user's question.",
       "usage"),
    _n("context_tokens", "Retrieved context tokens per query", 2000, "tokens", 1e6, 10,
       "Manning, \"LLM Customization and Fine-Tuning\" §4.7.2 (3–5 chunks; 1,500–2,500 typical)",
       _COLLECTED,
       "Extra input tokens RAG adds to each request: the retrieved chunks.", "usage"),
    _n("output_tokens", "Output tokens per query", 300, "tokens", 1e6, 10,
       "Typical; set your own", _COLLECTED,
       "Tokens the model writes in each answer.", "usage"),
    # Model prices
    _n("base_input_usd_per_1m", "Base model input price", 0.40, _M, 1000, 0.01,
       _OPENAI_MINI, "2026",
       "What the base (not fine-tuned) model charges per million input tokens.", "model-prices"),
    _n("base_output_usd_per_1m", "Base model output price", 1.60, _M, 1000, 0.01,
       _OPENAI_MINI, "2026",
       "What the base model charges per million output tokens.", "model-prices"),
    CostInput(
        "fine_tuned_pricing", "Fine-tuned model pricing", "per-token", "", None, None, None,
        "OpenAI (per-token premium); Microsoft Foundry (hosted)", "2026",
        "How the provider bills a fine-tuned model: a premium on every token, or base token prices plus "
        "an hourly fee for hosting the model's deployment.",
        "model-prices", choices=PRICING_STYLES,
    ),
    _n("fine_tuned_input_usd_per_1m", "Fine-tuned model input price", 0.80, _M, 1000, 0.01,
       "OpenAI pricing for fine-tuned gpt-4.1-mini (2× base, while offered)", "2026",
       "Per-million input-token price of the fine-tuned model (per-token pricing only).", "model-prices"),
    _n("fine_tuned_output_usd_per_1m", "Fine-tuned model output price", 3.20, _M, 1000, 0.01,
       "OpenAI pricing for fine-tuned gpt-4.1-mini (2× base, while offered)", "2026",
       "Per-million output-token price of the fine-tuned model (per-token pricing only).", "model-prices"),
    _n("hosting_usd_per_hour", "Fine-tuned model hosting", 1.70, "$/hour", 1000, 0.01,
       "Microsoft Foundry, fine-tuning cost management", "2026-02-11",
       "Hourly fee for keeping a fine-tuned deployment available, billed around the clock "
       "(720 hours in the model's 30-day month; hosted pricing only).", "model-prices"),
    # Fine-tuning
    _n("training_usd_per_1m", "Training price", 5.0, "$ per 1M training tokens", 1000, 0.01,
       _OPENAI_MINI, "2026",
       "Training compute per million training tokens, paid for every epoch.", "fine-tuning"),
    _n("training_examples", "Training examples", 1000, "examples", 1e7, 100,
       "Estimate; the framework quotes 500 to 10,000+ examples", _COLLECTED,
       "Curated input→output pairs the model is trained on.", "fine-tuning"),
    _n("tokens_per_example", "Tokens per training example", 1000, "tokens", 1e6, 10,
       _ESTIMATE, _COLLECTED,
       "Average tokens in one training example, input and output together.", "fine-tuning"),
    _n("epochs", "Epochs", 3, "epochs", 100, 1,
       _ESTIMATE, _COLLECTED,
       "Passes over the training set in one run.", "fine-tuning"),
    _n("training_runs", "Training runs per training", 2, "runs", 100, 1,
       _ESTIMATE, _COLLECTED,
       "Runs needed to get one usable model, counting the failed and tuning runs.", "fine-tuning"),
    _n("labelling_usd_per_example", "Labelling cost per example", 5.0, "$/example", 10000, 0.5,
       "Estimate (experts cost 5–20× more)", _COLLECTED,
       "People's time to write or check one training example: usually the largest cost of fine-tuning.",
       "fine-tuning"),
    _n("retrain_interval_months", "Retrain every", 6, "months", 120, 1,
       "Retrain every 6 months and at every base-model retirement (fine-tuning lifecycle)", _COLLECTED,
       "How often the model is trained again (training compute only; put 0 for never).", "fine-tuning",
       integer=True),
    # Retrieval
    _n("embedding_usd_per_1m", "Embedding price", 0.02, _M, 1000, 0.01,
       "OpenAI text-embedding-3-small", _COLLECTED,
       "Price of embedding a million tokens of documents.", "retrieval"),
    _n("corpus_tokens", "Knowledge base size", 10000000, "tokens", 1e12, 100000,
       _ESTIMATE + " (10M tokens is about 25,000 pages)", _COLLECTED,
       "Tokens in the documents RAG retrieves from; all of them are embedded once.", "retrieval"),
    _n("reembed_percent_per_month", "Re-embedded each month", 10, "% of the knowledge base", 1000, 1,
       _ESTIMATE, _COLLECTED,
       "Share of the knowledge base that changes and is embedded again each month.", "retrieval"),
    _n("vector_db_usd_per_month", "Vector database minimum", 50, "$/month", 1e6, 1,
       _PINECONE, "2026-11-04",
       "The vector database's monthly minimum charge, counted in full every month "
       "(a slight overestimate at low volume).", "retrieval"),
    _n("vector_db_usd_per_1m_reads", "Vector database reads", 16, "$ per 1M reads", 10000, 0.01,
       _PINECONE, "2026-11-04",
       "Price of a million read units.", "retrieval"),
    _n("reads_per_query", "Reads per query", 1, "read units/query", 1000, 0.25,
       _ESTIMATE + " (Pinecone bills read units by namespace size)", _COLLECTED,
       "Read units one retrieval uses.", "retrieval"),
    # Time and latency
    _n("horizon_months", "Horizon", 12, "months", 120, 1,
       "Planning horizon; set your own", _COLLECTED,
       "How many months of running costs the comparison covers.", "time-latency",
       minimum=1, integer=True),
    _n("retrieval_latency_ms", "Retrieval latency", 200, "ms", 60000, 10,
       "The framework quotes 100–300 ms; unverified elsewhere, so measure your p95", _COLLECTED,
       "Time the retrieval step adds to each RAG response, before the model reads the extra context.",
       "time-latency"),
    _n("latency_budget_ms", "Latency budget", None, "ms", 600000, 10,
       "Your own requirement", _COLLECTED,
       "The most time a response may take, if you have a target; leave empty for none.", "time-latency",
       optional=True),
)
"""Every input of the cost model, in the form's order."""

_BY_ID = {}
for _input in COST_INPUTS:
    _BY_ID[_input.id] = _input

COST_INPUT_IDS: "tuple[str, ...]" = tuple(cost_input.id for cost_input in COST_INPUTS)
"""The ids of `COST_INPUTS`, in order."""


def get_cost_input(input_id: str) -> CostInput:
    """Return the cost input with this id.

    Args:
        input_id: The input's id, e.g. `labelling_usd_per_example`.

    Returns:
        The input's declaration.

    Raises:
        InvalidCostInputs: No input has that id (one `Problem` naming it).
    """
    try:
        return _BY_ID[input_id]
    except (KeyError, TypeError):
        raise InvalidCostInputs([Problem(str(input_id), "is not a cost input")]) from None
