"""The cost model: what RAG, fine-tuning, both and the cached whole-knowledge prompt cost, and where they cross.

Each option has a cost per query, one-off costs, monthly costs and a cost per
retraining. Over `m` months at `Q` queries a day (months of 30 days):

    cumulative(m) = one-off + m × monthly + retrainings(m) × retraining + 30 × Q × m × per query

- **RAG** (`rag`) pays the base model's prices for the prompt *and* the
  retrieved context, plus vector-database reads, per query; the vector
  database's monthly minimum and re-embedding the changed share of the
  knowledge base, monthly; embedding the whole knowledge base, once.
- **Fine-tuning** (`fine-tuning`) pays the fine-tuned model's prices for the
  prompt without context per query; its hosting fee at 720 hours a month, if
  any; labelling the examples and training (examples × tokens per example ×
  epochs × price × runs), once; training again every `retrain_interval_months`.
- **Both** (`both`) pays fine-tuned prices for prompt and context, retrieval,
  and every fixed cost of the other two.
- **The cached prompt** (`long-context`) puts the whole knowledge base
  (pages × tokens per page) in every request, read from the prompt cache at the
  cached-input price, with the prompt and the answer at the base model's
  prices; writing the whole knowledge base to the cache again
  `cache_writes_per_day` times a day is a monthly cost. No retrieval step, no
  vector database. A request longer than the model's long-prompt tier is
  billed whole at the long-prompt multipliers; one longer than the context
  window is impossible, and the option is then not `available` (nor is it when
  the context window is unknown).

Retrainings fall at months N, 2N, … and are counted from the month they fall
in; one falling on the last month of the horizon is left out, since it pays for
months beyond the comparison.

Two volumes are solved in closed form over the horizon `H`. Fine-tuning costs
less than RAG above

    Q* = (FT fixed costs over H − RAG fixed costs over H) / (30 × H × (RAG per query − FT per query))

(`break_even_queries_per_day`), and retrieval costs less than the cached prompt
above the same formula with the cached prompt in RAG's place and RAG in
fine-tuning's (`retrieval_break_even_queries_per_day`). The knowledge size above
which retrieval costs less, at the inputs' volume, is solved tier by tier
(`retrieval_cheaper_above_tokens`).

With the defaults (RAG on gpt-6-luna at $0.10 in / $0.50 out per 1M tokens;
fine-tuned Gemini 3.1 Flash-Lite at $0.25 / $1.50), a RAG query costs
$0.000404 and a fine-tuned one $0.000575: **a fine-tuned model is not cheaper
per request than the cheapest base model, so fine-tuning never breaks even on
cost**. Fine-tuned against the same model (the `flash-lite-vertex` preset), it
breaks even above about 24,000 queries a day.

Money is kept in floats and compared with a relative tolerance; figures are
shown with `decision_core.base.format`, which does not depend on `round()` or on `'{:,.2f}'`
(MicroPython drops its commas).

Example:
    >>> comparison = compare({"queries_per_day": 1000})
    >>> comparison.cheapest
    'long-context'
    >>> comparison.break_even_queries_per_day is None
    True
    >>> compare({"preset": "flash-lite-vertex"}).break_even_sentence
    'Fine-tuning becomes cheaper than RAG above about 24,000 queries a day over 12 months.'
"""

from ..base.errors import InvalidCostInputs, Problem
from ..base.format import about, money, number, plural
from .cost_values import CostInputs, key_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping

DAYS_PER_MONTH = 30
"""Days in the model's month."""
HOURS_PER_MONTH = 720
"""Hosting hours in the model's month (30 days around the clock)."""
OPTION_IDS: "tuple[str, ...]" = ("rag", "fine-tuning", "both", "long-context")
"""The options' ids, in the order of `CostComparison.options`."""
_LABELS = {"rag": "RAG", "fine-tuning": "Fine-tuning", "both": "Both", "long-context": "Cached prompt"}
_PER_M = 1e6


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _less(a: float, b: float) -> bool:
    return a < b and not _close(a, b)


class CostItem:
    """One line of an option's costs, e.g. labelling, once, $5,000."""

    __slots__ = ("label", "kind", "usd")

    label: str
    """What the money pays for, e.g. `Labelling training examples`."""
    kind: str
    """When it is paid: `"per-query"`, `"monthly"`, `"one-off"` or `"retraining"` (each time)."""
    usd: float
    """The amount in dollars, per query, per month, once or per retraining."""

    def __init__(self, label: str, kind: str, usd: float) -> None:
        self.label = label
        self.kind = kind
        self.usd = usd

    def to_dict(self) -> "dict[str, Any]":
        """Return the item as a JSON-able dict with keys `label`, `kind` and `usd`."""
        return {"label": self.label, "kind": self.kind, "usd": self.usd}

    def __repr__(self) -> str:
        return "CostItem(%r, %r, %r)" % (self.label, self.kind, self.usd)


class OptionCost:
    """The costs of one option (RAG, fine-tuning or both) at the inputs' volume and horizon."""

    __slots__ = (
        "id", "label", "items", "per_query_usd", "one_off_usd", "monthly_usd", "retraining_usd",
        "retrain_interval_months", "horizon_months", "queries_per_day", "cumulative_usd", "available",
        "unavailable_reason",
    )

    id: str
    """`"rag"`, `"fine-tuning"`, `"both"` or `"long-context"`."""
    label: str
    """The option's name for people: `RAG`, `Fine-tuning`, `Both` or `Cached prompt`."""
    items: "tuple[CostItem, ...]"
    """The lines the totals below add up, in a stable order."""
    per_query_usd: float
    """Cost of one query, in dollars."""
    one_off_usd: float
    """Costs paid once, before the first month, in dollars."""
    monthly_usd: float
    """Fixed costs paid every month, in dollars."""
    retraining_usd: float
    """Cost of each retraining, in dollars (0 for RAG)."""
    retrain_interval_months: int
    """Months between retrainings, 0 for never."""
    horizon_months: int
    """Months the comparison covers."""
    queries_per_day: float
    """The volume `cumulative_usd` is computed at."""
    cumulative_usd: "tuple[float, ...]"
    """Cumulative cost at months 0, 1, …, `horizon_months`, in dollars."""
    available: bool
    """Whether the option can be built at all: `False` for a cached prompt that does not fit the model's
    context window, or whose window is unknown. Its figures are then computed but mean nothing."""
    unavailable_reason: str
    """Why the option cannot be built, in a sentence; `""` when it can."""

    def __init__(
        self,
        id: str,
        items: "tuple[CostItem, ...]",
        *,
        retrain_interval_months: int,
        horizon_months: int,
        queries_per_day: float,
        unavailable_reason: str = "",
    ) -> None:
        self.id = id
        self.label = _LABELS[id]
        self.items = items
        self.per_query_usd = self._total("per-query")
        self.one_off_usd = self._total("one-off")
        self.monthly_usd = self._total("monthly")
        self.retraining_usd = self._total("retraining")
        self.retrain_interval_months = retrain_interval_months
        self.horizon_months = horizon_months
        self.queries_per_day = queries_per_day
        self.cumulative_usd = tuple(self.cost_at(month) for month in range(horizon_months + 1))
        self.available = not unavailable_reason
        self.unavailable_reason = unavailable_reason

    def _total(self, kind: str) -> float:
        total = 0.0
        for item in self.items:
            if item.kind == kind:
                total += item.usd
        return total

    def retrainings(self, month: float) -> int:
        """Count the retrainings paid by the end of `month` (none on or after the horizon's last month).

        Args:
            month: Months since the start.

        Returns:
            How many retrainings fall at months N, 2N, … up to `month`, before the horizon ends.
        """
        interval = self.retrain_interval_months
        if not self.retraining_usd or interval <= 0:
            return 0
        within_horizon = int(self.horizon_months / interval + 1e-9)
        if within_horizon * interval >= self.horizon_months - 1e-9:
            within_horizon -= 1
        return min(int(month / interval + 1e-9), within_horizon)

    def fixed_usd(self, month: float) -> float:
        """Return the costs that do not depend on volume, paid by the end of `month`.

        Args:
            month: Months since the start.

        Returns:
            One-off + month × monthly + retrainings × cost of a retraining, in dollars.
        """
        return self.one_off_usd + month * self.monthly_usd + self.retrainings(month) * self.retraining_usd

    def cost_at(self, month: float, queries_per_day: "float | None" = None) -> float:
        """Return the cumulative cost by the end of `month`.

        Args:
            month: Months since the start, 0 for the one-off costs alone.
            queries_per_day: The volume; the option's own `queries_per_day` when `None`.

        Returns:
            The cumulative cost in dollars.
        """
        if queries_per_day is None:
            queries_per_day = self.queries_per_day
        return self.fixed_usd(month) + DAYS_PER_MONTH * queries_per_day * month * self.per_query_usd

    @property
    def total_usd(self) -> float:
        """The cumulative cost at the end of the horizon, in dollars."""
        return self.cumulative_usd[-1]

    def to_dict(self) -> "dict[str, Any]":
        """Return the option's figures as a JSON-able dict (lists for tuples)."""
        return {
            "id": self.id,
            "label": self.label,
            "per_query_usd": self.per_query_usd,
            "one_off_usd": self.one_off_usd,
            "monthly_usd": self.monthly_usd,
            "retraining_usd": self.retraining_usd,
            "retrainings": self.retrainings(self.horizon_months),
            "cumulative_usd": list(self.cumulative_usd),
            "total_usd": self.total_usd,
            "available": self.available,
            "unavailable_reason": self.unavailable_reason,
            "items": [item.to_dict() for item in self.items],
        }

    def __repr__(self) -> str:
        return "OptionCost(%r, total_usd=%r)" % (self.id, self.total_usd)


def _option_items(inputs: CostInputs, option_id: str) -> "tuple[CostItem, ...]":
    retrieves = option_id != "fine-tuning"
    tuned = option_id != "rag"
    if tuned:
        price_in, price_out = inputs.fine_tuned_input_usd_per_1m, inputs.fine_tuned_output_usd_per_1m
    else:
        price_in, price_out = inputs.base_input_usd_per_1m, inputs.base_output_usd_per_1m
    items = []
    if retrieves:
        items.append(CostItem("Input tokens (prompt and retrieved context)", "per-query",
                              (inputs.prompt_tokens + inputs.context_tokens) * price_in / _PER_M))
    else:
        items.append(CostItem("Input tokens (prompt)", "per-query", inputs.prompt_tokens * price_in / _PER_M))
    items.append(CostItem("Output tokens", "per-query", inputs.output_tokens * price_out / _PER_M))
    if retrieves:
        items.append(CostItem("Vector database reads", "per-query",
                              inputs.reads_per_query * inputs.vector_db_usd_per_1m_reads / _PER_M))
        items.append(CostItem("Vector database minimum", "monthly", inputs.vector_db_usd_per_month))
        corpus_usd = inputs.knowledge_tokens * inputs.embedding_usd_per_1m / _PER_M
        items.append(CostItem("Re-embedding changed documents", "monthly",
                              corpus_usd * inputs.reembed_percent_per_month / 100))
        items.append(CostItem("Embedding the knowledge base", "one-off", corpus_usd))
    if tuned and inputs.hosting_usd_per_hour:
        items.append(CostItem("Hosting the fine-tuned model", "monthly",
                              inputs.hosting_usd_per_hour * HOURS_PER_MONTH))
    if tuned:
        training_usd = (inputs.training_examples * inputs.tokens_per_example * inputs.epochs
                        * inputs.training_usd_per_1m / _PER_M * inputs.training_runs)
        items.append(CostItem("Labelling training examples", "one-off",
                              inputs.training_examples * inputs.labelling_usd_per_example))
        items.append(CostItem("Training", "one-off", training_usd))
        items.append(CostItem("Retraining", "retraining", training_usd))
    return tuple(items)


def _long_prompt(inputs: CostInputs, knowledge_tokens: float) -> bool:
    """Whether a request carrying this knowledge base and the prompt is billed at the long-prompt rates."""
    tier = inputs.long_prompt_tokens
    return tier is not None and knowledge_tokens + inputs.prompt_tokens > tier


def _long_context_rates(inputs: CostInputs, knowledge_tokens: float) -> "tuple[float, float]":
    """`(per-query, monthly)` dollars of the cached prompt for a knowledge base of this many tokens."""
    multiply_in, multiply_out = 1.0, 1.0
    if _long_prompt(inputs, knowledge_tokens):
        multiply_in, multiply_out = inputs.long_prompt_input_multiplier, inputs.long_prompt_output_multiplier
    per_query = (knowledge_tokens * inputs.base_cached_input_usd_per_1m * multiply_in
                 + inputs.prompt_tokens * inputs.base_input_usd_per_1m * multiply_in
                 + inputs.output_tokens * inputs.base_output_usd_per_1m * multiply_out) / _PER_M
    monthly = (DAYS_PER_MONTH * inputs.cache_writes_per_day * knowledge_tokens
               * inputs.base_cache_write_usd_per_1m * multiply_in / _PER_M)
    return per_query, monthly


def _long_context_items(inputs: CostInputs) -> "tuple[CostItem, ...]":
    knowledge = inputs.knowledge_tokens
    multiply_in, multiply_out = 1.0, 1.0
    if _long_prompt(inputs, knowledge):
        multiply_in, multiply_out = inputs.long_prompt_input_multiplier, inputs.long_prompt_output_multiplier
    return (
        CostItem("Knowledge base read from the cache", "per-query",
                 knowledge * inputs.base_cached_input_usd_per_1m * multiply_in / _PER_M),
        CostItem("Input tokens (prompt)", "per-query",
                 inputs.prompt_tokens * inputs.base_input_usd_per_1m * multiply_in / _PER_M),
        CostItem("Output tokens", "per-query",
                 inputs.output_tokens * inputs.base_output_usd_per_1m * multiply_out / _PER_M),
        CostItem("Writing the knowledge base to the cache", "monthly", _long_context_rates(inputs, knowledge)[1]),
    )


def long_context_limit_tokens(inputs: CostInputs) -> "float | None":
    """Return the largest knowledge base, in tokens, that fits in one request with the prompt.

    Args:
        inputs: Validated inputs.

    Returns:
        The context window less the prompt's tokens (0 when the prompt alone
        fills it), or `None` when the window is unknown.

    Example:
        >>> long_context_limit_tokens(CostInputs())
        921500.0
    """
    window = inputs.context_window_tokens
    if window is None:
        return None
    return max(0.0, window - inputs.prompt_tokens)


def _unavailable(inputs: CostInputs) -> str:
    limit = long_context_limit_tokens(inputs)
    if limit is None:
        return ("the base model's context window is not in this guide's sources: enter it under "
                "Cached prompt to compute this option")
    if inputs.knowledge_tokens + inputs.prompt_tokens > inputs.context_window_tokens:  # a prompt alone may not fit
        return ("about %s tokens of knowledge do not fit in the base model's %s-token context window "
                "with the prompt" % (about(inputs.knowledge_tokens), number(inputs.context_window_tokens)))
    return ""


def _option(inputs: CostInputs, option_id: str) -> OptionCost:
    if option_id == "long-context":
        items, reason = _long_context_items(inputs), _unavailable(inputs)
    else:
        items, reason = _option_items(inputs, option_id), ""
    return OptionCost(
        option_id,
        items,
        retrain_interval_months=inputs.retrain_interval_months,
        horizon_months=inputs.horizon_months,
        queries_per_day=inputs.queries_per_day,
        unavailable_reason=reason,
    )


def _break_even_volume(dearer: OptionCost, cheaper: OptionCost) -> "float | None":
    """The volume above which `cheaper` (per query) costs less over the horizon than `dearer`."""
    horizon = dearer.horizon_months
    saving = dearer.per_query_usd - cheaper.per_query_usd
    # A saving under a billionth of the price, or of a picodollar, is rounding noise, not a saving.
    if saving <= max(1e-12, 1e-9 * dearer.per_query_usd):
        return None
    extra = cheaper.fixed_usd(horizon) - dearer.fixed_usd(horizon)
    if extra <= 0:
        return 0.0
    return extra / (DAYS_PER_MONTH * horizon * saving)


def _retrieval_cheaper_above_tokens(inputs: CostInputs) -> "float | None":
    """The knowledge size above which RAG costs less than the cached prompt at the inputs' volume.

    Both costs over the horizon are straight lines in the knowledge size `K`
    within a price tier: the cached prompt's `a + b K` (its cache reads and
    writes grow with `K`), RAG's `c + d K` (embedding and re-embedding). The
    first `K` from which RAG's line lies below is found tier by tier; at the
    tier's edge the cached prompt's price jumps.
    """
    limit = long_context_limit_tokens(inputs)
    if limit is None:
        return None
    horizon = inputs.horizon_months
    queries = DAYS_PER_MONTH * inputs.queries_per_day * horizon
    rag = _option(inputs, "rag")
    rag_now = rag.fixed_usd(horizon) + queries * rag.per_query_usd
    # RAG's cost grows with the knowledge size only through embedding it once and re-embedding a share monthly.
    rag_slope = inputs.embedding_usd_per_1m / _PER_M * (1 + horizon * inputs.reembed_percent_per_month / 100)

    def gap(knowledge: float) -> float:
        # The cached prompt's cost less RAG's, over the horizon, for a knowledge base of this size.
        per_query, monthly = _long_context_rates(inputs, knowledge)
        rag_cost = rag_now + (knowledge - inputs.knowledge_tokens) * rag_slope
        return (horizon * monthly + queries * per_query) - rag_cost

    edges = [0.0]
    tier = inputs.long_prompt_tokens
    if tier is not None and 0 < tier - inputs.prompt_tokens < limit:
        edges.append(float(tier - inputs.prompt_tokens))
    edges.append(limit)
    for index in range(len(edges) - 1):
        low, high = edges[index], edges[index + 1]
        start = low if index == 0 else _next_after(low)
        start_gap = gap(start)
        if start_gap > 0 and not _close(start_gap, 0):
            return low
        end_gap = gap(high)
        if end_gap > 0 and not _close(end_gap, 0):
            # The gap is linear in K between start and high: find where it crosses zero.
            return start + (high - start) * (-start_gap) / (end_gap - start_gap)
    return None


def _next_after(value: float) -> float:
    return value + max(1e-6, abs(value) * 1e-12)
class CostComparison:
    """RAG, fine-tuning, both and the cached prompt compared over the horizon: costs, crossings and latency.

    Build one with `compare`.
    """

    __slots__ = (
        "inputs", "rag", "fine_tuning", "both", "long_context", "options",
        "break_even_queries_per_day", "break_even_month", "retrieval_break_even_queries_per_day",
        "retrieval_cheaper_above_tokens",
    )

    inputs: CostInputs
    """The inputs compared."""
    rag: OptionCost
    """RAG's costs."""
    fine_tuning: OptionCost
    """Fine-tuning's costs."""
    both: OptionCost
    """The costs of fine-tuning and retrieving together."""
    long_context: OptionCost
    """The costs of the whole knowledge base in a cached prompt (see its `available`)."""
    options: "tuple[tuple[str, OptionCost], ...]"
    """`(id, costs)` pairs in the order `rag`, `fine-tuning`, `both`, `long-context`."""
    break_even_queries_per_day: "float | None"
    """Queries a day above which fine-tuning costs less than RAG over the horizon; 0 when it is
    cheaper at any volume; `None` when fine-tuned requests are never cheaper than RAG's."""
    break_even_month: "int | None"
    """The first month from which fine-tuning's cumulative cost stays below RAG's to the end of the
    horizon, at the inputs' volume (0 when it is cheaper from the start); `None` when it is not
    cheaper at the horizon."""
    retrieval_break_even_queries_per_day: "float | None"
    """Queries a day above which RAG costs less than the cached prompt over the horizon; 0 when RAG
    is cheaper at any volume; `None` when it never is, or when the cached prompt is not available."""
    retrieval_cheaper_above_tokens: "float | None"
    """The knowledge size, in tokens, above which RAG costs less than the cached prompt at the inputs'
    volume over the horizon (0 when RAG is cheaper at any size); `None` when the cached prompt stays
    cheaper as far as it fits, or when the context window is unknown."""

    def __init__(self, inputs: CostInputs) -> None:
        """Compute the comparison; prefer `compare`.

        Args:
            inputs: Validated inputs.
        """
        self.inputs = inputs
        self.rag = _option(inputs, "rag")
        self.fine_tuning = _option(inputs, "fine-tuning")
        self.both = _option(inputs, "both")
        self.long_context = _option(inputs, "long-context")
        self.options = (("rag", self.rag), ("fine-tuning", self.fine_tuning), ("both", self.both),
                        ("long-context", self.long_context))
        self.break_even_queries_per_day = _break_even_volume(self.rag, self.fine_tuning)
        month = None
        rag_costs, tuned_costs = self.rag.cumulative_usd, self.fine_tuning.cumulative_usd
        for index in range(inputs.horizon_months, -1, -1):
            if not _less(tuned_costs[index], rag_costs[index]):
                break
            month = index
        self.break_even_month = month
        if self.long_context.available:
            self.retrieval_break_even_queries_per_day = _break_even_volume(self.long_context, self.rag)
        else:
            self.retrieval_break_even_queries_per_day = None
        self.retrieval_cheaper_above_tokens = _retrieval_cheaper_above_tokens(inputs)

    @property
    def horizon_months(self) -> int:
        """Months the comparison covers."""
        return self.inputs.horizon_months

    @property
    def queries_per_day(self) -> float:
        """The volume the cumulative costs are computed at."""
        return self.inputs.queries_per_day

    @property
    def retrieval_latency_ms(self) -> float:
        """Milliseconds retrieval adds to each RAG (and both) response."""
        return self.inputs.retrieval_latency_ms

    @property
    def long_context_limit_tokens(self) -> "float | None":
        """The largest knowledge base, in tokens, that fits in one request; `None` when the window is unknown."""
        return long_context_limit_tokens(self.inputs)

    def option(self, option_id: str) -> OptionCost:
        """Return one option's costs by id.

        Args:
            option_id: `"rag"`, `"fine-tuning"`, `"both"` or `"long-context"`.

        Returns:
            The option's costs.

        Raises:
            InvalidCostInputs: The id is not an option's.
        """
        for known_id, option in self.options:
            if known_id == option_id:
                return option
        raise InvalidCostInputs([Problem("option", "%s is not one of %s" % (key_text(option_id),
                                                                            ", ".join(OPTION_IDS)))])

    @property
    def cheapest(self) -> str:
        """The id of the available option with the lowest cost at the horizon; ties go to the earlier option."""
        best_id, best = self.options[0]
        for option_id, option in self.options[1:]:
            if option.available and _less(option.total_usd, best.total_usd):
                best_id, best = option_id, option
        return best_id

    def latency_fits(self, budget_ms: "float | None" = None) -> "bool | None":
        """Tell whether the retrieval step fits within a latency budget.

        Args:
            budget_ms: The budget in milliseconds; the inputs' `latency_budget_ms` when `None`.

        Returns:
            `True` when retrieval takes no more than the budget, `False` when it
            takes more, `None` when there is no budget. The model's own time to
            read the context comes on top: measure your p95.

        Raises:
            InvalidCostInputs: The budget is not a valid `latency_budget_ms`.
        """
        if budget_ms is None:
            budget_ms = self.inputs.latency_budget_ms
        else:
            budget_ms = CostInputs(latency_budget_ms=budget_ms).latency_budget_ms
        if budget_ms is None:
            return None
        return self.retrieval_latency_ms <= budget_ms

    def _per_thousand(self, option: OptionCost) -> str:
        return money(1000 * option.per_query_usd)

    @property
    def break_even_sentence(self) -> str:
        """Where fine-tuning becomes cheaper than RAG, in one plain-English sentence.

        When a fine-tuned request costs no less than a RAG request, the sentence
        says so and what follows: fine-tune for behaviour, not for cost.

        Example:
            >>> compare().break_even_sentence
            "At today's prices a fine-tuned model is not cheaper per request than the cheapest base model, even with RAG's retrieved passages ($0.58 against $0.40 per 1,000 queries): fine-tune for behaviour, not for cost."
        """
        volume = self.break_even_queries_per_day
        over = " over " + plural(self.horizon_months, "month") + "."
        if volume is None:
            figures = " (" + self._per_thousand(self.fine_tuning) + " against " + self._per_thousand(self.rag)
            figures += " per 1,000 queries): fine-tune for behaviour, not for cost."
            if self.inputs.preset_prices:
                return ("At today's prices a fine-tuned model is not cheaper per request than the cheapest base "
                        "model, even with RAG's retrieved passages" + figures)
            return "At these prices a fine-tuned request costs no less than a RAG request" + figures
        if volume == 0:
            return "Fine-tuning is cheaper than RAG at any volume" + over
        return "Fine-tuning becomes cheaper than RAG above about " + about(volume) + " queries a day" + over

    @property
    def long_context_sentence(self) -> str:
        """What the whole knowledge base in a cached prompt costs, and where retrieval becomes cheaper.

        Example:
            >>> compare().long_context_sentence
            'The whole knowledge base in a cached prompt (about 50,000 tokens) costs $0.70 per 1,000 queries and $4.50 a month to write the cache. Retrieval costs less above about 5,100 queries a day at this size, or above about 72 pages at this volume.'
        """
        option = self.long_context
        if not option.available:
            return "The whole knowledge base cannot go in a cached prompt: " + option.unavailable_reason + "."
        inputs = self.inputs
        text = ("The whole knowledge base in a cached prompt (about " + about(inputs.knowledge_tokens)
                + " tokens) costs " + self._per_thousand(option) + " per 1,000 queries and "
                + money(option.monthly_usd) + " a month to write the cache")
        text += ". Retrieval " + self._retrieval_cheaper(self.retrieval_break_even_queries_per_day,
                                                        self.retrieval_cheaper_above_tokens) + "."
        if _long_prompt(inputs, inputs.knowledge_tokens):
            text += (" Above " + number(inputs.long_prompt_tokens) + " input tokens the model bills the whole "
                     "request at " + number(inputs.long_prompt_input_multiplier) + " times the input and "
                     + number(inputs.long_prompt_output_multiplier) + " times the output price.")
        return text

    def _retrieval_cheaper(self, volume: "float | None", size: "float | None") -> str:
        # Where retrieval becomes cheaper than the cached prompt: by volume at this size, by size at this volume.
        if volume is None:
            text = "never costs less at this size"
        elif volume == 0:
            text = "costs less at this size whatever the volume"
        else:
            text = "costs less above about " + about(volume) + " queries a day at this size"
        pages = self.inputs.tokens_per_page
        if size is None:
            limit = self.long_context_limit_tokens or 0.0
            return text + "; at this volume the cached prompt stays cheaper up to the model's limit of about " \
                + about(limit / pages) + " pages"
        if size == 0:
            return text + "; at this volume it costs less whatever the size"
        if volume:
            return text + ", or above about " + about(size / pages) + " pages at this volume"
        return text + "; at this volume it does above about " + about(size / pages) + " pages"

    @property
    def latency_sentence(self) -> str:
        """What retrieval adds to each response, against the budget if there is one, in plain English.

        Example:
            >>> compare().latency_sentence
            'Retrieval adds about 200 ms to each RAG response, plus the time to read 2,000 more context tokens; measure your p95.'
        """
        text = "Retrieval adds about " + number(self.retrieval_latency_ms) + " ms to each RAG response"
        reading = "the time to read " + number(self.inputs.context_tokens) + " more context tokens"
        budget = self.inputs.latency_budget_ms
        if budget is None:
            return text + ", plus " + reading + "; measure your p95."
        if self.latency_fits():
            return (
                text + ", leaving " + number(budget - self.retrieval_latency_ms) + " ms of your "
                + number(budget) + " ms budget for the model and " + reading + "."
            )
        return (
            text + ", more than your whole " + number(budget)
            + " ms budget before the model starts: RAG does not fit it."
        )

    def to_dict(self) -> "dict[str, Any]":
        """Return the inputs, every option's figures, the crossings and latency as a JSON-able dict."""
        return {
            "inputs": self.inputs.to_dict(),
            "options": [option.to_dict() for _, option in self.options],
            "cheapest": self.cheapest,
            "break_even_queries_per_day": self.break_even_queries_per_day,
            "break_even_month": self.break_even_month,
            "break_even_sentence": self.break_even_sentence,
            "retrieval_break_even_queries_per_day": self.retrieval_break_even_queries_per_day,
            "retrieval_cheaper_above_tokens": self.retrieval_cheaper_above_tokens,
            "long_context_limit_tokens": self.long_context_limit_tokens,
            "long_context_sentence": self.long_context_sentence,
            "retrieval_latency_ms": self.retrieval_latency_ms,
            "latency_budget_ms": self.inputs.latency_budget_ms,
            "latency_fits": self.latency_fits(),
            "latency_sentence": self.latency_sentence,
        }

    def __repr__(self) -> str:
        return "CostComparison(cheapest=%r, break_even_queries_per_day=%r)" % (
            self.cheapest, self.break_even_queries_per_day)


def compare(inputs: "CostInputs | Mapping[str, Any] | None" = None) -> CostComparison:
    """Compare the costs of RAG, fine-tuning, both and the whole knowledge base in a cached prompt.

    Args:
        inputs: Validated inputs, a mapping for `CostInputs.from_mapping`, or
            `None` for the defaults.

    Returns:
        The comparison.

    Raises:
        InvalidCostInputs: A mapping with invalid values or unknown keys.

    Example:
        >>> compare({"preset": "nova-micro-bedrock"}).break_even_sentence
        'Fine-tuning becomes cheaper than RAG above about 170,000 queries a day over 12 months.'
    """
    if not isinstance(inputs, CostInputs):
        inputs = CostInputs.from_mapping(inputs)
    return CostComparison(inputs)


def break_even_queries_per_day(inputs: "CostInputs | Mapping[str, Any] | None" = None) -> "float | None":
    """Return the volume above which fine-tuning costs less than RAG over the horizon.

    Args:
        inputs: As for `compare`; `None` for the defaults.

    Returns:
        Queries a day (0 when fine-tuning is cheaper at any volume), or `None`
        when fine-tuned requests are never cheaper than RAG's.

    Raises:
        InvalidCostInputs: A mapping with invalid values or unknown keys.

    Example:
        >>> int(break_even_queries_per_day({"preset": "flash-lite-vertex"}))
        24349
    """
    return compare(inputs).break_even_queries_per_day
