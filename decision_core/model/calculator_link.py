"""The calculator's state in the page's address, and the link from a quiz result to the calculator.

The calculator's inputs live in the address, so a result can be shared:
`calculator/?c=1&queries_per_day=50000#calculator`. Only values that differ
from the defaults are written, after the version `c=1`.
`decode_calculator_state` ignores parameters it does not know (such as
`utm_source`) and raises `InvalidCostInputs` (a `DecisionError`), naming each
bad parameter, for anything else: an unknown version, a value out of range, a
parameter given twice, bytes that are not text. It uses no `urllib`, so it
runs under MicroPython.

`calculator_values_for` decides which of a quiz's answers carry over to the
calculator (the volume and the latency budget), for the quiz result in the
browser and the command line alike.

Example:
    >>> calculator_url({"queries_per_day": 50000, "latency_budget_ms": 800})
    'calculator/?c=1&queries_per_day=50000&latency_budget_ms=800#calculator'
    >>> decode_calculator_state("?c=1&queries_per_day=50000")
    {'queries_per_day': 50000.0}
"""

from ..base.errors import DecisionError, InvalidCostInputs, Problem
from ..base.query import parameters, quote
from ..framework.cost_inputs import COST_INPUTS
from .cost_values import CostInputs, default_values, parse_value

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping

    from .answers import Answers

STATE_VERSION: str = "1"
"""The version of the address format that `encode_calculator_state` writes."""
STATE_KEY: str = "c"
"""The parameter that holds the version."""
PAGE: str = "calculator/"
"""The calculator page's site-relative URL."""
ANCHOR: str = "calculator"
"""The calculator's anchor id (the page's heading; see `decision_core.framework.sections`)."""
MAX_QUERY_LENGTH: int = 2000
"""The longest query string `decode_calculator_state` reads; a longer one is refused."""

_DEFAULTS = dict(default_values())
_BY_ID = {}
for _input in COST_INPUTS:
    _BY_ID[_input.id] = _input


def _shown(text: str) -> str:
    text = repr(text)
    return text if len(text) <= 40 else text[:37] + "..."


def value_text(value: "float | int | str | None") -> str:
    """Write a value as the form and the address show it: `50000`, `0.45`, `hosted`, or empty.

    Args:
        value: A number, a choice's value, or `None` (an optional input left empty).

    Returns:
        The text; whole numbers lose their `.0`.

    Example:
        >>> value_text(50000.0), value_text(0.45), value_text(None)
        ('50000', '0.45', '')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if value == value and abs(value) < 1e15 and value == int(value):
        return str(int(value))
    return repr(float(value))


def as_mapping(values: "Mapping[str, Any] | CostInputs | None") -> "dict[Any, Any]":
    """Return calculator values as a plain dictionary.

    Args:
        values: A `CostInputs`, a mapping of input ids to values, or `None` (no values).

    Returns:
        The values by input id.

    Raises:
        InvalidCostInputs: `values` is not a mapping.
    """
    if values is None:
        return {}
    if isinstance(values, CostInputs):
        return values.to_dict()
    if isinstance(values, dict):
        return values
    try:
        return dict(values.items())  # type: ignore[union-attr]
    except Exception:
        raise InvalidCostInputs([Problem("inputs", "must be a mapping of input ids to values")]) from None



def encode_calculator_state(values: "Mapping[str, Any] | CostInputs | None") -> str:
    """Pack the calculator's inputs into a short, versioned query string.

    Only values that differ from the defaults are written, in the order of
    `COST_INPUTS`, after the version: `c=1&queries_per_day=50000`.

    Args:
        values: The inputs: a `CostInputs`, or a mapping of input ids to values
            (numbers or numeric strings) that `CostInputs.from_mapping` accepts;
            missing inputs keep their defaults.

    Returns:
        The query string without its `?`; empty when every value is a default.

    Raises:
        InvalidCostInputs: Some values are invalid or some keys unknown.

    Example:
        >>> encode_calculator_state({"queries_per_day": "50000", "fine_tuned_pricing": "hosted"})
        'c=1&queries_per_day=50000&fine_tuned_pricing=hosted'
    """
    inputs = values if isinstance(values, CostInputs) else CostInputs.from_mapping(values)
    parts = []
    for input_id, value in inputs.items():
        if value != _DEFAULTS[input_id]:
            parts.append(input_id + "=" + quote(value_text(value)))
    if not parts:
        return ""
    return STATE_KEY + "=" + STATE_VERSION + "&" + "&".join(parts)


def calculator_url(values: "Mapping[str, Any] | CostInputs | None" = None) -> str:
    """Return the site-relative link to the calculator filled in with these values.

    The quiz links here with the reader's volume and latency budget.

    Args:
        values: As for `encode_calculator_state`; `None` for the defaults.

    Returns:
        `calculator/?c=1&...#calculator`, or `calculator/#calculator` for the defaults.

    Raises:
        InvalidCostInputs: Some values are invalid (e.g. a volume above the
            calculator's maximum) or some keys unknown.
    """
    state = encode_calculator_state(values)
    return PAGE + ("?" + state if state else "") + "#" + ANCHOR


def decode_calculator_state(query: str) -> "dict[str, float | int | str | None]":
    """Read the calculator's inputs from the address.

    Args:
        query: The query string, with or without its `?`, or a whole URL.
            Parameters other than `c` and the inputs' ids are ignored.

    Returns:
        The inputs the address sets, by id, converted as `parse_value` does;
        empty when it sets none (the calculator then shows the defaults).

    Raises:
        InvalidCostInputs: The address is too long, has inputs but no version
            or an unknown one, gives a parameter twice, holds bytes that are
            not text, or values out of range; one `Problem` per bad parameter.

    Example:
        >>> decode_calculator_state("c=1&horizon_months=24&utm_source=mail")
        {'horizon_months': 24}
    """
    if not isinstance(query, str):
        raise InvalidCostInputs([Problem("link", "must be text, not " + type(query).__name__)])
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidCostInputs([Problem("link", "is too long (%d characters; at most %d)"
                                         % (len(query), MAX_QUERY_LENGTH))])
    problems = []
    versions = []
    raw = {}
    try:
        pairs = parameters(query)
    except ValueError:
        raise InvalidCostInputs([Problem("link", "holds bytes that are not text")]) from None
    for key, value in pairs:
        if key == STATE_KEY:
            versions.append(value)
        elif key in _BY_ID:
            if key in raw:
                problems.append(Problem(key, "is given more than once"))
            raw[key] = value
    if not versions and not raw:
        return {}
    if len(versions) != 1:
        problems.insert(0, Problem(STATE_KEY, "the link must name its version once (c=%s)" % STATE_VERSION))
    elif versions[0] != STATE_VERSION:
        problems.insert(0, Problem(STATE_KEY, "version %s is not one this guide knows (c=%s)"
                                   % (_shown(versions[0]), STATE_VERSION)))
    values = {}
    for cost_input in COST_INPUTS:
        if cost_input.id in raw:
            try:
                values[cost_input.id] = parse_value(cost_input, raw[cost_input.id])
            except InvalidCostInputs as error:
                problems.extend(error.problems)
    if problems:
        raise InvalidCostInputs(problems)
    return values




def calculator_values_for(answers: "Answers") -> "dict[str, int]":
    """The calculator inputs a quiz's answers carry over: the volume, and the latency budget if any.

    Args:
        answers: Validated answers.

    Returns:
        `queries_per_day`, and `latency_budget_ms` when the answers set one.
    """
    values = {"queries_per_day": answers.queries_per_day}
    if answers.latency_budget_ms is not None:
        values["latency_budget_ms"] = answers.latency_budget_ms
    return values


def calculator_url_for(answers: "Answers") -> str:
    """The site-relative link to the calculator filled in with a quiz's answers, or `""` if it cannot take them.

    Args:
        answers: Validated answers.

    Returns:
        `calculator/?c=1&queries_per_day=…#calculator`, or `""` when a value is
        beyond the calculator's range (a volume above its maximum, say).
    """
    try:
        return calculator_url(calculator_values_for(answers))
    except DecisionError:
        return ""
