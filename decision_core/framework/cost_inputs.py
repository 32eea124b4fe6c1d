"""Every input of the cost model, declared once: default, unit, valid range, source and how sure it is.

The calculator's form, the cost model's validation
(`decision_core.model.cost_values`) and the guide's table of defaults are all
generated from `COST_INPUTS`. Each figure carries its source and the date it
was checked ("as of"), because prices change, and a marking a reader sees
beside it when it is an estimate or unconfirmed. Figures that come from a
stale-able fact name it (`fact`), and take their source, date and marking
from `decision_core.framework.facts`.

The twelve price inputs in `PRESET_INPUT_IDS` are filled by the chosen model
preset (`decision_core.framework.presets`); their defaults are the default
preset's, which a new client can buy today. To change a price, edit the
preset or its fact, not this file.

Two kinds of input exist:

- **numbers** (`kind == "number"`): a value from `minimum` to `maximum`, in
  `unit`; `step` is a hint for the reader; `integer` asks for whole numbers;
  `optional` inputs may be left empty (`None`);
- **choices** (`kind == "choice"`): one of the values in `choices`, a tuple of
  `(value, label)` pairs. The only choice is the model preset (`preset`).

Example:
    >>> get_cost_input("base_input_usd_per_1m").default
    0.1
    >>> get_cost_input("training_usd_per_1m").marking
    'unconfirmed'
    >>> get_cost_input("labelling_usd_per_example").marking
    'estimate'
"""

from ..base.errors import InvalidCostInputs, Problem
from ..base.format import number
from .facts import get_fact
from .presets import DEFAULT_PRESET_ID, PRESET_INPUT_IDS, get_preset, preset_choices
from .questions import TOKENS_PER_PAGE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Union

    Value = Union[float, int, str, None]


class CostInput:
    """One input of the cost model: what it means, its default, its range, its source and how sure it is."""

    __slots__ = (
        "id", "label", "default", "unit", "minimum", "maximum", "step",
        "source", "as_of", "help", "group", "choices", "integer", "optional", "fact", "status",
    )

    id: str
    """The key used in `CostInputs.from_mapping`, the form and calculator links, e.g. `queries_per_day`."""
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
    """A typical step for the field, a hint only; `None` for choices."""
    source: str
    """Where the default comes from (the fact's source when `fact` is set)."""
    as_of: str
    """When the default was checked, as an ISO date or a prefix of one (`2026-11`, `2026-11-29`)."""
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
    fact: str
    """The id of the fact the default comes from (`decision_core.framework.facts`), or `""`."""
    status: str
    """`"sourced"`, `"estimate"` or `"unconfirmed"`: the fact's status when `fact` is set."""

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
        fact: str = "",
        status: str = "sourced",
    ) -> None:
        self.id = id
        self.label = label
        self.default = default
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.help = help
        self.group = group
        self.choices = choices
        self.integer = integer
        self.optional = optional
        self.fact = fact
        if fact:
            known = get_fact(fact)
            source, as_of, status = known.source, known.checked, known.status
        self.source = source
        self.as_of = as_of
        self.status = status

    @property
    def kind(self) -> str:
        """`"choice"` for an input with `choices`, else `"number"`."""
        return "number" if self.choices is None else "choice"

    @property
    def marking(self) -> str:
        """What a reader sees beside the default: `"estimate"`, `"unconfirmed"`, or `""` when it is sourced."""
        return "" if self.status == "sourced" else self.status

    @property
    def preset(self) -> bool:
        """Whether the model preset fills this input."""
        return self.id in PRESET_INPUT_IDS

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
    ("case", "Your case"),
    ("model-prices", "Base model prices"),
    ("fine-tuning", "Fine-tuning"),
    ("retrieval", "Retrieval and the knowledge base"),
    ("cached-prompt", "Cached prompt"),
    ("time-latency", "Time and latency"),
)
"""The groups of inputs as `(id, label)` pairs, in the form's order. The first, the few inputs that decide
most cases, is always shown; the calculator folds the others away."""


_DEFAULT_PRESET = dict(get_preset(DEFAULT_PRESET_ID).values())
_ESTIMATE = "This guide's estimate; set your own"
_COLLECTED = "2026-11"
_M = "$ per 1M tokens"


def _n(
    id: str, label: str, default: "float | int | None", unit: str, maximum: float, step: float,
    source: str, as_of: str, help: str, group: str, *, minimum: float = 0,
    integer: bool = False, optional: bool = False, fact: str = "", status: str = "sourced",
) -> CostInput:
    return CostInput(
        id, label, default, unit, minimum, maximum, step, source, as_of, help, group,
        integer=integer, optional=optional, fact=fact, status=status,
    )


def _p(id: str, label: str, unit: str, maximum: float, step: float, help: str, group: str, *,
       minimum: float = 0, integer: bool = False, optional: bool = False) -> CostInput:
    # A price the preset fills: its default, date and marking are the default preset's; its source names the
    # model or route, whose own sources the presets' table lists.
    preset = get_preset(DEFAULT_PRESET_ID)
    for input_id, _, fact in preset.figures():
        if input_id == id:
            side = preset.route.name if id.startswith(("fine_tuned", "hosting", "training")) else preset.model.name
            made = _n(id, label, _DEFAULT_PRESET[id], unit, maximum, step, "", "", help, group, minimum=minimum,
                      integer=integer, optional=optional, fact=fact.id)
            made.source = "The default preset's " + side + " (sources with the presets)"
            return made
    raise ValueError(id + " is not filled by a preset")  # a slip in this file, found on import


COST_INPUTS: "tuple[CostInput, ...]" = (
    # Your case: the preset and the few figures that decide most cases.
    CostInput(
        "preset", "Models to compare", DEFAULT_PRESET_ID, "", None, None, None,
        "This guide's model presets, each with its sources", "2026-11-29",
        "Fills the prices of the base model (for RAG and the cached prompt) and of the fine-tuned model; "
        "change any of them under More inputs.",
        "case", choices=preset_choices(),
    ),
    _n("queries_per_day", "Queries per day", 10000, "queries/day", 1e9, 100,
       "Example volume; set your own", _COLLECTED,
       "How many requests the application sends to the model each day.", "case"),
    _n("prompt_tokens", "Question and instructions", 500, "tokens per query", 1e6, 10,
       "Typical; set your own", _COLLECTED,
       "Input tokens of each request without retrieved passages: instructions and the user's question.",
       "case"),
    _n("context_tokens", "Retrieved passages (RAG)", 2000, "tokens per query", 1e6, 10,
       "Manning, \"LLM Customization and Fine-Tuning\" §4.7.2 (3–5 chunks; 1,500–2,500 typical)",
       _COLLECTED,
       "Extra input tokens RAG adds to each request: the retrieved chunks.", "case"),
    _n("output_tokens", "Answer", 300, "tokens per query", 1e6, 10,
       "Typical; set your own", _COLLECTED,
       "Tokens the model writes in each answer (with reasoning switched off or low).", "case"),
    _n("knowledge_pages", "Knowledge base size", 100, "pages", 2e9, 10,
       "Example size; set your own", _COLLECTED,
       "About how many pages your documents fill, at about 500 tokens a page: what RAG embeds and the "
       "cached prompt holds whole.", "case"),
    # Base model prices (filled by the preset).
    _p("base_input_usd_per_1m", "Input price", _M, 1000, 0.01,
       "What the base model charges per million input tokens.", "model-prices"),
    _p("base_cached_input_usd_per_1m", "Cached input price", _M, 1000, 0.001,
       "Per million input tokens read from the prompt cache (the cached prompt's knowledge base).",
       "model-prices"),
    _p("base_cache_write_usd_per_1m", "Cache write price", _M, 1000, 0.001,
       "Per million tokens written to the prompt cache, each time the cache is filled again.",
       "model-prices"),
    _p("base_output_usd_per_1m", "Output price", _M, 1000, 0.01,
       "What the base model charges per million output tokens.", "model-prices"),
    # Fine-tuning
    _p("fine_tuned_input_usd_per_1m", "Fine-tuned input price", _M, 1000, 0.01,
       "Per million input tokens sent to the fine-tuned model (0 when a GPU hour pays for them).",
       "fine-tuning"),
    _p("fine_tuned_output_usd_per_1m", "Fine-tuned output price", _M, 1000, 0.01,
       "Per million output tokens from the fine-tuned model.", "fine-tuning"),
    _p("hosting_usd_per_hour", "Hosting", "$/hour", 1000, 0.01,
       "Hourly fee for keeping the fine-tuned model deployed, billed around the clock (720 hours in the "
       "model's 30-day month); 0 when the provider charges per token only.", "fine-tuning"),
    _p("training_usd_per_1m", "Training price", "$ per 1M training tokens", 1000, 0.01,
       "Training compute per million training tokens, paid for every epoch.", "fine-tuning"),
    _n("training_examples", "Training examples", 1000, "examples", 1e7, 100,
       "Estimate; the framework quotes 500 to 10,000+ examples", _COLLECTED,
       "Curated input→output pairs the model is trained on.", "fine-tuning", status="estimate"),
    _n("tokens_per_example", "Tokens per training example", 1000, "tokens", 1e6, 10,
       _ESTIMATE, _COLLECTED,
       "Average tokens in one training example, input and output together.", "fine-tuning", status="estimate"),
    _n("epochs", "Epochs", 3, "epochs", 100, 1,
       _ESTIMATE, _COLLECTED,
       "Passes over the training set in one run.", "fine-tuning", status="estimate"),
    _n("training_runs", "Training runs per training", 2, "runs", 100, 1,
       _ESTIMATE, _COLLECTED,
       "Runs needed to get one usable model, counting the failed and tuning runs.", "fine-tuning",
       status="estimate"),
    _n("labelling_usd_per_example", "Labelling cost per example", 5.0, "$/example", 10000, 0.5,
       "Estimate (experts cost 5–20× more)", _COLLECTED,
       "People's time to write or check one training example: usually the largest cost of fine-tuning "
       "(0 for examples you already have).", "fine-tuning", status="estimate"),
    _n("retrain_interval_months", "Retrain every", 6, "months", 120, 1,
       "Retrain every 6 months and at every base-model retirement (fine-tuning lifecycle)", _COLLECTED,
       "How often the model is trained again (training compute only; put 0 for never).", "fine-tuning",
       integer=True, status="estimate"),
    # Retrieval and the knowledge base
    _n("embedding_usd_per_1m", "Embedding price", 0.02, _M, 1000, 0.01, "", "",
       "Price of embedding a million tokens of documents.", "retrieval",
       fact="openai-text-embedding-3-small"),
    _n("tokens_per_page", "Tokens per page", TOKENS_PER_PAGE, "tokens", 100000, 10,
       "Rule of thumb for English text; tokenizers differ", _COLLECTED,
       "Turns the knowledge base's pages into tokens, for embedding and for the cached prompt.", "retrieval",
       minimum=1, status="estimate"),
    _n("reembed_percent_per_month", "Re-embedded each month", 10, "% of the knowledge base", 1000, 1,
       _ESTIMATE, _COLLECTED,
       "Share of the knowledge base that changes and is embedded again each month.", "retrieval",
       status="estimate"),
    _n("vector_db_usd_per_month", "Vector database minimum", 50, "$/month", 1e6, 1, "", "",
       "The vector database's monthly minimum charge, counted in full every month (0 for pgvector in a "
       "database you already run).", "retrieval", fact="pinecone-standard"),
    _n("vector_db_usd_per_1m_reads", "Vector database reads", 16, "$ per 1M reads", 10000, 0.01, "", "",
       "Price of a million read units.", "retrieval", fact="pinecone-standard"),
    _n("reads_per_query", "Reads per query", 0.25, "read units/query", 1000, 0.25, "", "",
       "Read units one retrieval uses: Pinecone bills 1 per GB searched, at least 0.25.", "retrieval",
       fact="pinecone-standard"),
    # The cached prompt (the model's limits: filled by the preset)
    _p("context_window_tokens", "Context window", "input tokens", 1e8, 1000,
       "The most input tokens the base model takes in one request: the knowledge base and the question must "
       "fit. Empty when unknown: the cached prompt is then not computed.", "cached-prompt",
       minimum=1, integer=True, optional=True),
    _p("long_prompt_tokens", "Long-prompt price starts above", "input tokens", 1e8, 1000,
       "Some models bill a whole request at higher rates once its input passes a size; empty for none.",
       "cached-prompt", minimum=1, integer=True, optional=True),
    _p("long_prompt_input_multiplier", "Long-prompt input prices ×", "times", 100, 0.5,
       "What a long request multiplies the input, cached-input and cache-write prices by.", "cached-prompt",
       minimum=1),
    _p("long_prompt_output_multiplier", "Long-prompt output price ×", "times", 100, 0.5,
       "What a long request multiplies the output price by.", "cached-prompt", minimum=1),
    _n("cache_writes_per_day", "Cache writes per day", 24, "writes/day", 1e6, 1, "", "",
       "How often the whole knowledge base is written to the cache again: caches expire after minutes to "
       "hours without use, and each server region keeps its own. 24 is once an hour.", "cached-prompt",
       fact="prompt-cache-lifetimes"),
    # Time and latency
    _n("horizon_months", "Horizon", 12, "months", 120, 1,
       "Planning horizon; set your own", _COLLECTED,
       "How many months of running costs the comparison covers.", "time-latency",
       minimum=1, integer=True),
    _n("retrieval_latency_ms", "Retrieval latency", 200, "ms", 60000, 10, "", "",
       "Time the retrieval step adds to each RAG response, before the model reads the extra context.",
       "time-latency", fact="retrieval-latency"),
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
