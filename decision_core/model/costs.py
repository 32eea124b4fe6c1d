"""The cost model: what RAG, fine-tuning and both cost over time, and where they break even.

Each option has a cost per query, one-off costs, monthly costs and a cost per
retraining. Over `m` months at `Q` queries a day (months of 30 days):

    cumulative(m) = one-off + m × monthly + retrainings(m) × retraining + 30 × Q × m × per query

- **RAG** pays base-model prices for the prompt *and* the retrieved context,
  plus vector-database reads, per query; the vector database's monthly minimum
  and re-embedding the changed share of the knowledge base, monthly; embedding
  the whole knowledge base, once.
- **Fine-tuning** pays for the prompt without context per query, at the
  fine-tuned price (`"per-token"` style) or at base prices plus hosting at
  720 hours a month (`"hosted"` style); labelling the examples and training
  (examples × tokens per example × epochs × price × runs), once; training again
  every `retrain_interval_months`.
- **Both** pays fine-tuned prices for prompt and context, retrieval, and every
  fixed cost of the other two.

Retrainings fall at months N, 2N, … and are counted from the month they fall
in; one falling on the last month of the horizon is left out, since it pays for
months beyond the comparison.

The break-even volume is solved in closed form over the horizon `H`: fine-tuning
costs less than RAG at `H` months above

    Q* = (FT fixed costs over H − RAG fixed costs over H) / (30 × H × (RAG per query − FT per query))

With the defaults (gpt-4.1-mini prices, 1,000 examples labelled at $5, a
12-month horizon), a RAG query costs $0.001496 and a fine-tuned one $0.00136
(per-token style) or $0.00068 (hosted style); fine-tuning breaks even above
about 91,000 queries a day in the per-token style and about 65,000 in the hosted
style, inside the 50,000–200,000 range of the guide's facts. Labelling
($5,000) dominates the fixed costs; training compute is $15 a run, $30 for
the default two runs per training.

Money is kept in floats and compared with a relative tolerance; figures are
shown with `decision_core.base.format`, which does not depend on `round()` or on `'{:,.2f}'`
(MicroPython drops its commas).

Example:
    >>> comparison = compare(CostInputs.from_mapping({"queries_per_day": "120000"}))
    >>> comparison.cheapest
    'fine-tuning'
    >>> comparison.break_even_sentence
    'Fine-tuning becomes cheaper than RAG above about 91,000 queries a day over 12 months.'
"""

from ..base.errors import InvalidCostInputs, Problem
from ..base.format import about, money_cents, number, plural
from .cost_values import CostInputs, key_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping

DAYS_PER_MONTH = 30
"""Days in the model's month."""
HOURS_PER_MONTH = 720
"""Hosting hours in the model's month (30 days around the clock)."""
OPTION_IDS: "tuple[str, ...]" = ("rag", "fine-tuning", "both")
"""The options' ids, in the order of `CostComparison.options`."""
_LABELS = {"rag": "RAG", "fine-tuning": "Fine-tuning", "both": "Both"}
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
        "retrain_interval_months", "horizon_months", "queries_per_day", "cumulative_usd",
    )

    id: str
    """`"rag"`, `"fine-tuning"` or `"both"`."""
    label: str
    """The option's name for people: `RAG`, `Fine-tuning` or `Both`."""
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

    def __init__(
        self,
        id: str,
        items: "tuple[CostItem, ...]",
        *,
        retrain_interval_months: int,
        horizon_months: int,
        queries_per_day: float,
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
            "items": [item.to_dict() for item in self.items],
        }

    def __repr__(self) -> str:
        return "OptionCost(%r, total_usd=%r)" % (self.id, self.total_usd)


def _option_items(inputs: CostInputs, option_id: str) -> "tuple[CostItem, ...]":
    retrieves = option_id != "fine-tuning"
    tuned = option_id != "rag"
    hosted = tuned and inputs.fine_tuned_pricing == "hosted"
    if tuned and not hosted:
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
        corpus_usd = inputs.corpus_tokens * inputs.embedding_usd_per_1m / _PER_M
        items.append(CostItem("Re-embedding changed documents", "monthly",
                              corpus_usd * inputs.reembed_percent_per_month / 100))
        items.append(CostItem("Embedding the knowledge base", "one-off", corpus_usd))
    if hosted:
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


def _option(inputs: CostInputs, option_id: str) -> OptionCost:
    return OptionCost(
        option_id,
        _option_items(inputs, option_id),
        retrain_interval_months=inputs.retrain_interval_months,
        horizon_months=inputs.horizon_months,
        queries_per_day=inputs.queries_per_day,
    )


def _break_even_volume(rag: OptionCost, fine_tuning: OptionCost) -> "float | None":
    horizon = rag.horizon_months
    saving = rag.per_query_usd - fine_tuning.per_query_usd
    # A saving under a billionth of the price, or of a picodollar, is rounding noise, not a saving.
    if saving <= max(1e-12, 1e-9 * rag.per_query_usd):
        return None
    extra = fine_tuning.fixed_usd(horizon) - rag.fixed_usd(horizon)
    if extra <= 0:
        return 0.0
    return extra / (DAYS_PER_MONTH * horizon * saving)


class CostComparison:
    """RAG, fine-tuning and both compared over the horizon: costs, break-even and latency.

    Build one with `compare`.
    """

    __slots__ = (
        "inputs", "rag", "fine_tuning", "both", "options",
        "break_even_queries_per_day", "break_even_month",
    )

    inputs: CostInputs
    """The inputs compared."""
    rag: OptionCost
    """RAG's costs."""
    fine_tuning: OptionCost
    """Fine-tuning's costs."""
    both: OptionCost
    """The costs of fine-tuning and retrieving together."""
    options: "tuple[tuple[str, OptionCost], ...]"
    """`(id, costs)` pairs in the order `rag`, `fine-tuning`, `both`."""
    break_even_queries_per_day: "float | None"
    """Queries a day above which fine-tuning costs less than RAG over the horizon; 0 when it is
    cheaper at any volume; `None` when fine-tuned requests are never cheaper than RAG's."""
    break_even_month: "int | None"
    """The first month from which fine-tuning's cumulative cost stays below RAG's to the end of the
    horizon, at the inputs' volume (0 when it is cheaper from the start); `None` when it is not
    cheaper at the horizon."""

    def __init__(self, inputs: CostInputs) -> None:
        """Compute the comparison; prefer `compare`.

        Args:
            inputs: Validated inputs.
        """
        self.inputs = inputs
        self.rag = _option(inputs, "rag")
        self.fine_tuning = _option(inputs, "fine-tuning")
        self.both = _option(inputs, "both")
        self.options = (("rag", self.rag), ("fine-tuning", self.fine_tuning), ("both", self.both))
        self.break_even_queries_per_day = _break_even_volume(self.rag, self.fine_tuning)
        month = None
        rag_costs, tuned_costs = self.rag.cumulative_usd, self.fine_tuning.cumulative_usd
        for index in range(inputs.horizon_months, -1, -1):
            if not _less(tuned_costs[index], rag_costs[index]):
                break
            month = index
        self.break_even_month = month

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

    def option(self, option_id: str) -> OptionCost:
        """Return one option's costs by id.

        Args:
            option_id: `"rag"`, `"fine-tuning"` or `"both"`.

        Returns:
            The option's costs.

        Raises:
            InvalidCostInputs: The id is not an option's.
        """
        for known_id, option in self.options:
            if known_id == option_id:
                return option
        raise InvalidCostInputs([Problem("option", "%s is not one of rag, fine-tuning, both" % key_text(option_id))])

    @property
    def cheapest(self) -> str:
        """The id of the option with the lowest cost at the horizon; ties go to the earlier option."""
        best_id, best = self.options[0]
        for option_id, option in self.options[1:]:
            if _less(option.total_usd, best.total_usd):
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

    @property
    def break_even_sentence(self) -> str:
        """The break-even volume in one plain-English sentence.

        Example:
            >>> compare().break_even_sentence
            'Fine-tuning becomes cheaper than RAG above about 91,000 queries a day over 12 months.'
        """
        volume = self.break_even_queries_per_day
        over = " over " + plural(self.horizon_months, "month") + "."
        if volume is None:
            return (
                "A fine-tuned request costs no less than a RAG request ("
                + money_cents(1000 * self.fine_tuning.per_query_usd) + " against "
                + money_cents(1000 * self.rag.per_query_usd)
                + " per 1,000 queries), so no volume makes fine-tuning cheaper than RAG" + over
            )
        if volume == 0:
            return "Fine-tuning is cheaper than RAG at any volume" + over
        return "Fine-tuning becomes cheaper than RAG above about " + about(volume) + " queries a day" + over

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
        """Return the inputs, every option's figures, break-even and latency as a JSON-able dict."""
        return {
            "inputs": self.inputs.to_dict(),
            "options": [option.to_dict() for _, option in self.options],
            "cheapest": self.cheapest,
            "break_even_queries_per_day": self.break_even_queries_per_day,
            "break_even_month": self.break_even_month,
            "break_even_sentence": self.break_even_sentence,
            "retrieval_latency_ms": self.retrieval_latency_ms,
            "latency_budget_ms": self.inputs.latency_budget_ms,
            "latency_fits": self.latency_fits(),
            "latency_sentence": self.latency_sentence,
        }

    def __repr__(self) -> str:
        return "CostComparison(cheapest=%r, break_even_queries_per_day=%r)" % (
            self.cheapest, self.break_even_queries_per_day)


def compare(inputs: "CostInputs | Mapping[str, Any] | None" = None) -> CostComparison:
    """Compare the costs of RAG, fine-tuning and both.

    Args:
        inputs: Validated inputs, a mapping for `CostInputs.from_mapping`, or
            `None` for the defaults.

    Returns:
        The comparison.

    Raises:
        InvalidCostInputs: A mapping with invalid values or unknown keys.

    Example:
        >>> compare({"fine_tuned_pricing": "hosted"}).break_even_sentence
        'Fine-tuning becomes cheaper than RAG above about 65,000 queries a day over 12 months.'
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
        >>> int(break_even_queries_per_day())
        91085
    """
    return compare(inputs).break_even_queries_per_day
