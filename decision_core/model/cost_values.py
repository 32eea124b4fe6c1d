"""The cost model's input values: checked, converted and held in `CostInputs`.

Each input is declared once in `decision_core.framework.cost_inputs` (default,
range, unit, source); this module turns what a form, an address or a caller
gives into valid values. The model preset (`preset`) decides the defaults of
the prices it fills: `CostInputs.from_mapping({"preset": "haiku-vertex"})`
holds Claude Haiku 5.5's prices, and a price given beside the preset wins. Numbers given as text are read by the one number
parser, `decision_core.base.format.parse_number`, so the calculator reads
`.` or `e5` the same way (refused) in CPython, Pyodide and MicroPython.

Example:
    >>> CostInputs.from_mapping({"queries_per_day": "50,000"}).queries_per_day
    50000.0
    >>> parse_value(get_cost_input("horizon_months"), "2.5")
    Traceback (most recent call last):
    ...
    decision_core.base.errors.InvalidCostInputs: the cost inputs are invalid:
    - horizon_months: 2.5 is not a whole number; enter a whole number from 1 to 120 (months)
"""

import math

from ..base.errors import InvalidCostInputs, Problem
from ..base.format import number, parse_number
from ..framework.cost_inputs import COST_INPUT_IDS, COST_INPUTS, get_cost_input
from ..framework.presets import CUSTOM, PRESET_INPUT_IDS, get_preset

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping, Union

    from ..framework.cost_inputs import CostInput

    Value = Union[float, int, str, None]


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_value(cost_input: "CostInput", value: "Value") -> "float | int | str | None":
    """Check one value against its input's declaration and convert it.

    Numbers may be given as `int`, `float` or a numeric string (as a form sends
    them, surrounding spaces allowed); `bool`, NaN, infinities, `"1_000"` and
    anything else are refused. Integer inputs are returned as `int`, other
    numbers as `float`; an optional input's `None` or empty string gives `None`.

    Args:
        cost_input: The input's declaration.
        value: The value to check.

    Returns:
        The converted value.

    Raises:
        InvalidCostInputs: The value is not accepted; its one `Problem` names the
            input and its valid range.
    """
    problem = _check(cost_input, value)
    if isinstance(problem, str):
        raise InvalidCostInputs([Problem(cost_input.id, problem + "; enter " + cost_input.range_text)])
    return problem[0]


def _check(cost_input: "CostInput", value: "Value") -> "str | tuple[float | int | str | None]":
    # Returns a one-tuple with the converted value, or the start of a message.
    if cost_input.choices is not None:
        for choice, _ in cost_input.choices:
            if isinstance(value, str) and value.strip() == choice:
                return (choice,)
        return _shown(value) + " is not one of the choices"
    if isinstance(value, str):
        value = value.strip()
    if cost_input.optional and (value is None or value == ""):
        return (None,)
    if value is None or value == "":
        return "is empty"
    if isinstance(value, bool):
        return _shown(value) + " is not a number"
    if isinstance(value, str):
        try:
            amount = float(parse_number(value))
        except ValueError as error:
            return str(error)
    elif isinstance(value, int):
        if value > cost_input.maximum:  # before float(), which overflows on huge ints
            return _shown(value) + " is too large"
        amount = float(value)
    elif isinstance(value, float):
        amount = value
    else:
        return _shown(value) + " is not a number"
    if amount != amount:
        return "NaN is not a number"
    if not math.isfinite(amount):
        return "an infinite value is too large" if amount > 0 else "an infinite value is negative"
    if amount < cost_input.minimum:
        return number(amount) + (" is negative" if amount < 0 else " is too small")
    if amount > cost_input.maximum:
        return number(amount) + " is too large"
    if cost_input.integer:
        if amount != int(amount):
            return number(amount) + " is not a whole number"
        return (int(amount),)
    return (amount,)


def default_values(preset_id: "str | None" = None) -> "tuple[tuple[str, float | int | str | None], ...]":
    """Return every input's default, converted as `parse_value` would.

    Args:
        preset_id: A preset's id, whose prices replace the default preset's; `None`
            or `"custom"` for the default preset's prices (with `preset` set to it).

    Returns:
        `(id, value)` pairs in the order of `COST_INPUTS`.

    Raises:
        UnknownId: No preset has that id.
    """
    prices = {}
    if preset_id is not None and preset_id != CUSTOM:
        prices = dict(get_preset(preset_id).values())
    pairs = []
    for cost_input in COST_INPUTS:
        value = prices[cost_input.id] if cost_input.id in prices else cost_input.default
        if cost_input.id == "preset" and preset_id is not None:
            value = preset_id
        pairs.append((cost_input.id, parse_value(cost_input, value)))
    return tuple(pairs)


class CostInputs:
    """Validated inputs of the cost model, one attribute per entry of `COST_INPUTS`.

    Build one with `CostInputs.from_mapping` (form values) or `CostInputs(**values)`;
    both fill defaults for missing inputs and check every value, so an instance
    always holds valid numbers. Treat instances as read-only: use `replace`.

    Example:
        >>> CostInputs(queries_per_day=50000).queries_per_day
        50000.0
    """

    __slots__ = COST_INPUT_IDS

    preset: str
    """The model preset whose prices are the defaults: a preset's id, or `"custom"`."""
    queries_per_day: float
    """Requests to the model each day."""
    prompt_tokens: float
    """Input tokens per query without retrieved context."""
    context_tokens: float
    """Retrieved context tokens RAG adds to each query."""
    output_tokens: float
    """Output tokens per query."""
    knowledge_pages: float
    """Pages in the knowledge base."""
    base_input_usd_per_1m: float
    """Base model price per 1M input tokens, in dollars."""
    base_cached_input_usd_per_1m: float
    """Base model price per 1M input tokens read from the prompt cache, in dollars."""
    base_cache_write_usd_per_1m: float
    """Base model price per 1M tokens written to the prompt cache, in dollars."""
    base_output_usd_per_1m: float
    """Base model price per 1M output tokens, in dollars."""
    fine_tuned_input_usd_per_1m: float
    """Fine-tuned model price per 1M input tokens, in dollars."""
    fine_tuned_output_usd_per_1m: float
    """Fine-tuned model price per 1M output tokens, in dollars."""
    hosting_usd_per_hour: float
    """Hosting fee of the fine-tuned deployment, dollars an hour (0 for none)."""
    training_usd_per_1m: float
    """Training price per 1M training tokens per epoch, in dollars."""
    training_examples: float
    """Labelled examples in the training set."""
    tokens_per_example: float
    """Average tokens in one training example."""
    epochs: float
    """Passes over the training set per run."""
    training_runs: float
    """Runs per training, counting failed and tuning runs."""
    labelling_usd_per_example: float
    """Cost of labelling one example, in dollars."""
    retrain_interval_months: int
    """Months between retrainings; 0 for never."""
    embedding_usd_per_1m: float
    """Embedding price per 1M tokens, in dollars."""
    tokens_per_page: float
    """Tokens a page of the knowledge base makes."""
    reembed_percent_per_month: float
    """Percentage of the knowledge base embedded again each month."""
    vector_db_usd_per_month: float
    """The vector database's monthly minimum, in dollars."""
    vector_db_usd_per_1m_reads: float
    """The vector database's price per 1M read units, in dollars."""
    reads_per_query: float
    """Read units per retrieval."""
    context_window_tokens: "int | None"
    """The most input tokens the base model takes in one request, or `None` when unknown."""
    long_prompt_tokens: "int | None"
    """Input tokens above which a whole request is billed at long-prompt rates, or `None` for no tier."""
    long_prompt_input_multiplier: float
    """What a long request multiplies the input, cached-input and cache-write prices by."""
    long_prompt_output_multiplier: float
    """What a long request multiplies the output price by."""
    cache_writes_per_day: float
    """Times a day the whole knowledge base is written to the prompt cache."""
    horizon_months: int
    """Months the comparison covers."""
    retrieval_latency_ms: float
    """Milliseconds retrieval adds to each RAG response."""
    latency_budget_ms: "float | None"
    """The most a response may take, in milliseconds, or `None` for no budget."""

    def __init__(self, **values: "Any") -> None:
        """Check the values and fill defaults for the missing ones.

        Args:
            **values: Values by input id: numbers, numeric strings or (for the
                pricing style) a choice's value.

        Raises:
            InvalidCostInputs: Some values are invalid or some keys unknown; it
                lists every problem, each naming the field and its valid range.
        """
        _fill(self, values)

    @classmethod
    def from_mapping(cls, values: "Mapping[str, Any] | None" = None) -> "CostInputs":
        """Build inputs from a mapping such as a form's fields, filling defaults for missing keys.

        Args:
            values: Values by input id, as numbers or numeric strings; `None` or
                an empty mapping gives the defaults.

        Returns:
            The validated inputs.

        Raises:
            InvalidCostInputs: `values` is not a mapping, or some values are
                invalid (not a number, a bool, NaN, infinite, negative, too
                large, not a choice) or keys unknown; every problem is listed.

        Example:
            >>> CostInputs.from_mapping({"horizon_months": "24"}).horizon_months
            24
        """
        if values is None:
            values = {}
        if not isinstance(values, dict):
            try:
                values = dict(values.items())  # type: ignore[union-attr]
            except Exception:
                raise InvalidCostInputs([Problem("inputs", "must be a mapping of input ids to values")]) from None
        # Not cls(**values): a key such as "self" must be refused, not crash. (MicroPython has no cls.__new__.)
        inputs = cls()
        _fill(inputs, values)
        return inputs

    def replace(self, **changes: "Any") -> "CostInputs":
        """Return a copy with some inputs changed, validated like the constructor.

        Args:
            **changes: New values by input id.

        Returns:
            The new inputs.

        Raises:
            InvalidCostInputs: A new value is invalid or a key unknown.
        """
        values = self.to_dict()
        if "preset" in changes and changes["preset"] != self.preset:
            # A new preset brings its own prices, except those the changes give.
            for input_id in PRESET_INPUT_IDS:
                if input_id not in changes:
                    del values[input_id]
        values.update(changes)
        return CostInputs(**values)

    @property
    def knowledge_tokens(self) -> float:
        """Tokens in the knowledge base: its pages times the tokens a page makes."""
        return self.knowledge_pages * self.tokens_per_page

    def changed_from_preset(self) -> "tuple[str, ...]":
        """Return the ids of the prices that differ from the preset's, in form order.

        Returns:
            The preset-filled inputs whose values are not the preset's (compared
            with the default preset's for `"custom"`).

        Example:
            >>> CostInputs(base_input_usd_per_1m=0.2).changed_from_preset()
            ('base_input_usd_per_1m',)
        """
        own = _preset_defaults(self.preset)
        return tuple(input_id for input_id in PRESET_INPUT_IDS if getattr(self, input_id) != own[input_id])

    @property
    def preset_prices(self) -> bool:
        """Whether every price is the chosen preset's (never for `"custom"`): today's prices, as published."""
        return self.preset != CUSTOM and not self.changed_from_preset()

    def items(self) -> "tuple[tuple[str, Any], ...]":
        """Return `(id, value)` pairs in the order of `COST_INPUTS`."""
        return tuple((input_id, getattr(self, input_id)) for input_id in COST_INPUT_IDS)

    def to_dict(self) -> "dict[str, Any]":
        """Return the values by input id, ready for JSON."""
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CostInputs) and self.items() == other.items()

    def __hash__(self) -> int:
        return hash(self.items())

    def __repr__(self) -> str:
        changed = [
            "%s=%r" % (input_id, value) for input_id, value in self.items() if value != _DEFAULTS[input_id]
        ]
        return "CostInputs(" + ", ".join(changed) + ")"


def _fill(inputs: CostInputs, values: "dict[Any, Any]") -> None:
    # Check every value, set every attribute (defaults for missing keys, the preset's for its prices), and
    # report all problems at once.
    problems = []
    defaults = _DEFAULTS
    if "preset" in values:
        try:
            defaults = _preset_defaults(parse_value(get_cost_input("preset"), values["preset"]))
        except InvalidCostInputs:
            pass  # reported below, with the others
    for cost_input in COST_INPUTS:
        if cost_input.id in values:
            try:
                value = parse_value(cost_input, values[cost_input.id])
            except InvalidCostInputs as error:
                problems.extend(error.problems)
                continue
        else:
            value = defaults[cost_input.id]
        setattr(inputs, cost_input.id, value)
    for key in sorted(key_text(key) for key in values if key not in _DEFAULTS):
        problems.append(Problem(key, "is not a cost input"))
    if problems:
        raise InvalidCostInputs(problems)


def key_text(key: object) -> str:
    """An unknown key as a field name: itself when it is a short, non-empty string, else its `repr`, cut."""
    if isinstance(key, str) and key.strip() and len(key) <= 40:
        return key
    text = repr(key)
    return text if len(text) <= 40 else text[:37] + "..."


_DEFAULTS = dict(default_values())
_BY_PRESET = {}


def _preset_defaults(preset_id: str) -> "dict[str, Any]":
    # Every input's default under a preset (its prices), computed once per preset.
    if preset_id not in _BY_PRESET:
        _BY_PRESET[preset_id] = dict(default_values(preset_id))
    return _BY_PRESET[preset_id]
