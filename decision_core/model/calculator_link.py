"""The calculator's state in the page's address, and the link from a quiz result to the calculator.

The calculator's inputs live in the address, so a result can be shared:
`calculator/?c=2&preset=haiku-vertex&queries_per_day=50000#calculator`. After
the version `c=2` come the model preset (unless it is the default) and the
values that differ from that preset's defaults, in the order of `COST_INPUTS`.
`decode_calculator_state` ignores parameters it does not know (such as
`utm_source`) and raises `InvalidCostInputs` (a `DecisionError`), naming each
bad parameter, for anything else: an unknown version or preset, a value out of
range, a parameter given twice, bytes that are not text. It uses no `urllib`,
so it runs under MicroPython.

**Old links keep opening.** Version 1 (`c=1`, until November 2026) wrote the
values that differed from the defaults of its day: gpt-4.1-mini prices, a
fine-tuned price "style" (`per-token` or `hosted`) and the knowledge base in
tokens (`corpus_tokens`). Those defaults are frozen here (`V1_DEFAULTS`), and a
`c=1` address decodes to the full set of today's inputs that gives the figures
its sender saw, under the `custom` preset (`state_version` tells the page to
say so).

`calculator_values_for` decides which of a quiz's answers carry over to the
calculator (the volume, the latency budget and the knowledge size), for the
quiz result in the browser and the command line alike.

Example:
    >>> calculator_url({"queries_per_day": 50000, "latency_budget_ms": 800})
    'calculator/?c=2&queries_per_day=50000&latency_budget_ms=800#calculator'
    >>> decode_calculator_state("?c=2&preset=haiku-vertex&queries_per_day=50000")
    {'preset': 'haiku-vertex', 'queries_per_day': 50000.0}
    >>> decode_calculator_state("?c=1&fine_tuned_pricing=hosted")["hosting_usd_per_hour"]
    1.7
"""

from ..base.errors import DecisionError, InvalidCostInputs, Problem
from ..base.query import parameters, quote
from ..framework.cost_inputs import COST_INPUTS, TOKENS_PER_PAGE, CostInput
from ..framework.presets import CUSTOM, PRESETS
from .cost_values import CostInputs, default_values, parse_value

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping

    from .answers import Answers

STATE_VERSION: str = "2"
"""The version of the address format that `encode_calculator_state` writes."""
VERSIONS: "tuple[str, ...]" = ("1", "2")
"""Every version `decode_calculator_state` reads."""
STATE_KEY: str = "c"
"""The parameter that holds the version."""
PAGE: str = "calculator/"
"""The calculator page's site-relative URL."""
ANCHOR: str = "calculator"
"""The calculator's anchor id (the page's heading; see `decision_core.framework.sections`)."""
MAX_QUERY_LENGTH: int = 2000
"""The longest query string `decode_calculator_state` reads; a longer one is refused."""

V1_DEFAULTS: "tuple[tuple[str, float | int | str | None], ...]" = (
    ("queries_per_day", 10000), ("prompt_tokens", 500), ("context_tokens", 2000), ("output_tokens", 300),
    ("base_input_usd_per_1m", 0.40), ("base_output_usd_per_1m", 1.60), ("fine_tuned_pricing", "per-token"),
    ("fine_tuned_input_usd_per_1m", 0.80), ("fine_tuned_output_usd_per_1m", 3.20), ("hosting_usd_per_hour", 1.70),
    ("training_usd_per_1m", 5.0), ("training_examples", 1000), ("tokens_per_example", 1000), ("epochs", 3),
    ("training_runs", 2), ("labelling_usd_per_example", 5.0), ("retrain_interval_months", 6),
    ("embedding_usd_per_1m", 0.02), ("corpus_tokens", 10000000), ("reembed_percent_per_month", 10),
    ("vector_db_usd_per_month", 50), ("vector_db_usd_per_1m_reads", 16), ("reads_per_query", 1),
    ("horizon_months", 12), ("retrieval_latency_ms", 200), ("latency_budget_ms", None),
)
"""The defaults of address version 1 (`c=1`), frozen: what a `c=1` link's missing values meant."""

_V1_ONLY = (
    CostInput("fine_tuned_pricing", "Fine-tuned model pricing", "per-token", "", None, None, None, "", "2026",
              "", "fine-tuning", choices=(("per-token", "Per-token premium"), ("hosted", "Hosted"))),
    CostInput("corpus_tokens", "Knowledge base size", 10000000, "tokens", 0, 1e12, 100000, "", "2026", "",
              "retrieval"),
)

_DEFAULTS = dict(default_values())
_BY_ID = {}
for _input in COST_INPUTS:
    _BY_ID[_input.id] = _input
_V1_BY_ID = {}
for _input in _V1_ONLY:
    _V1_BY_ID[_input.id] = _input
for _id, _ in V1_DEFAULTS:
    if _id not in _V1_BY_ID:
        _V1_BY_ID[_id] = _BY_ID[_id]
_PRESET_IDS = tuple(preset.id for preset in PRESETS) + (CUSTOM,)


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

    After the version come the preset, unless it is the default, and the values
    that differ from that preset's defaults, in the order of `COST_INPUTS`:
    `c=2&preset=haiku-vertex&queries_per_day=50000`.

    Args:
        values: The inputs: a `CostInputs`, or a mapping of input ids to values
            (numbers or numeric strings) that `CostInputs.from_mapping` accepts;
            missing inputs keep their defaults (the preset's, for its prices).

    Returns:
        The query string without its `?`; empty when every value is a default.

    Raises:
        InvalidCostInputs: Some values are invalid or some keys unknown.

    Example:
        >>> encode_calculator_state({"queries_per_day": "50000", "preset": "haiku-vertex"})
        'c=2&preset=haiku-vertex&queries_per_day=50000'
    """
    inputs = values if isinstance(values, CostInputs) else CostInputs.from_mapping(values)
    defaults = CostInputs(preset=inputs.preset).to_dict()
    parts = []
    for input_id, value in inputs.items():
        if value != (_DEFAULTS if input_id == "preset" else defaults)[input_id]:
            parts.append(input_id + "=" + quote(value_text(value)))
    if not parts:
        return ""
    return STATE_KEY + "=" + STATE_VERSION + "&" + "&".join(parts)


def calculator_url(values: "Mapping[str, Any] | CostInputs | None" = None) -> str:
    """Return the site-relative link to the calculator filled in with these values.

    The quiz links here with the reader's volume, latency budget and knowledge size.

    Args:
        values: As for `encode_calculator_state`; `None` for the defaults.

    Returns:
        `calculator/?c=2&...#calculator`, or `calculator/#calculator` for the defaults.

    Raises:
        InvalidCostInputs: Some values are invalid (e.g. a volume above the
            calculator's maximum) or some keys unknown.
    """
    state = encode_calculator_state(values)
    return PAGE + ("?" + state if state else "") + "#" + ANCHOR


def _read(query: str) -> "tuple[list[str], dict[str, str], list[Problem]]":
    """The versions given, the raw values of parameters either version knows, and the duplicates."""
    if not isinstance(query, str):
        raise InvalidCostInputs([Problem("link", "must be text, not " + type(query).__name__)])
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidCostInputs([Problem("link", "is too long (%d characters; at most %d)"
                                         % (len(query), MAX_QUERY_LENGTH))])
    try:
        pairs = parameters(query)
    except ValueError:
        raise InvalidCostInputs([Problem("link", "holds bytes that are not text")]) from None
    versions = []
    raw = {}
    problems = []
    for key, value in pairs:
        if key == STATE_KEY:
            versions.append(value)
        elif key in _BY_ID or key in _V1_BY_ID:
            if key in raw:
                problems.append(Problem(key, "is given more than once"))
            raw[key] = value
    return versions, raw, problems


def state_version(query: str) -> str:
    """Tell which address version a query string holds.

    Args:
        query: The query string, with or without its `?`, or a whole URL.

    Returns:
        `"1"` or `"2"`, or `""` when it sets no calculator input or is not one
        this guide reads (`decode_calculator_state` says what is wrong).

    Example:
        >>> state_version("?c=1&queries_per_day=50000"), state_version("?utm_source=mail")
        ('1', '')
    """
    try:
        versions = _read(query)[0]
    except DecisionError:
        return ""
    return versions[0] if len(versions) == 1 and versions[0] in VERSIONS else ""


def decode_calculator_state(query: str) -> "dict[str, float | int | str | None]":
    """Read the calculator's inputs from the address.

    Args:
        query: The query string, with or without its `?`, or a whole URL.
            Parameters other than `c` and the inputs' ids are ignored.

    Returns:
        The inputs the address sets, by id, converted as `parse_value` does:
        `CostInputs.from_mapping` turns them into the inputs the link describes
        (missing ones are the preset's defaults). Empty when the address sets
        none. A `c=1` address gives every input, under the `custom` preset.

    Raises:
        InvalidCostInputs: The address is too long, has inputs but no version
            or an unknown one, names a preset this guide does not offer, gives
            a parameter twice, holds bytes that are not text, or values out of
            range; one `Problem` per bad parameter.

    Example:
        >>> decode_calculator_state("c=2&horizon_months=24&utm_source=mail")
        {'horizon_months': 24}
    """
    versions, raw, problems = _read(query)
    if not versions and not raw:
        return {}
    version = versions[0] if len(versions) == 1 else None
    if version is None:
        problems.insert(0, Problem(STATE_KEY, "the link must name its version once (c=%s)" % STATE_VERSION))
    elif version not in VERSIONS:
        problems.insert(0, Problem(STATE_KEY, "version %s is not one this guide knows (c=%s)"
                                   % (_shown(version), STATE_VERSION)))
    if version == "1":
        return _decode_v1(raw, problems)
    values = {}
    if "preset" in raw and raw["preset"] not in _PRESET_IDS:
        problems.append(Problem("preset", "%s is not a preset this guide offers now (one that has ended is "
                                          "removed); the link's other figures cannot be trusted without it"
                                % _shown(raw["preset"])))
        raw = {}
    for cost_input in COST_INPUTS:
        if cost_input.id in raw:
            try:
                values[cost_input.id] = parse_value(cost_input, raw[cost_input.id])
            except InvalidCostInputs as error:
                problems.extend(error.problems)
    if problems:
        raise InvalidCostInputs(problems)
    return values


def _decode_v1(raw: "dict[str, str]", problems: "list[Problem]") -> "dict[str, float | int | str | None]":
    """A version-1 address as today's inputs: its values over the frozen version-1 defaults, mapped."""
    old = dict(V1_DEFAULTS)
    for input_id, _ in V1_DEFAULTS:
        if input_id in raw:
            try:
                old[input_id] = parse_value(_V1_BY_ID[input_id], raw[input_id])
            except InvalidCostInputs as error:
                problems.extend(error.problems)
    if problems:
        raise InvalidCostInputs(problems)
    values = {"preset": CUSTOM}
    for input_id, value in V1_DEFAULTS:
        if input_id in _BY_ID:
            values[input_id] = parse_value(_BY_ID[input_id], old[input_id])
    # No cache prices or context window in version 1: no cached prompt (its window is "unknown").
    values["base_cached_input_usd_per_1m"] = values["base_input_usd_per_1m"]
    values["base_cache_write_usd_per_1m"] = values["base_input_usd_per_1m"]
    values["context_window_tokens"] = None
    values["long_prompt_tokens"] = None
    values["long_prompt_input_multiplier"] = 1.0
    values["long_prompt_output_multiplier"] = 1.0
    if old["fine_tuned_pricing"] == "hosted":  # base token prices plus the hosting fee
        values["fine_tuned_input_usd_per_1m"] = values["base_input_usd_per_1m"]
        values["fine_tuned_output_usd_per_1m"] = values["base_output_usd_per_1m"]
    else:  # a per-token premium and no hosting fee
        values["hosting_usd_per_hour"] = 0.0
    values["tokens_per_page"] = float(TOKENS_PER_PAGE)
    values["knowledge_pages"] = parse_value(_BY_ID["knowledge_pages"], old["corpus_tokens"] / TOKENS_PER_PAGE)
    return values


def calculator_values_for(answers: "Answers") -> "dict[str, int | float]":
    """The calculator inputs a quiz's answers carry over: the volume, the latency budget and the knowledge size.

    Args:
        answers: Validated answers.

    Returns:
        `queries_per_day`; `latency_budget_ms` when the answers set one; and
        `knowledge_pages` when they give the knowledge base's size.
    """
    values = {"queries_per_day": answers.queries_per_day}
    if answers.latency_budget_ms is not None:
        values["latency_budget_ms"] = answers.latency_budget_ms
    pages = getattr(answers, "knowledge_pages", None)
    if pages is not None:
        values["knowledge_pages"] = pages
    return values


def calculator_url_for(answers: "Answers") -> str:
    """The site-relative link to the calculator filled in with a quiz's answers, or `""` if it cannot take them.

    Args:
        answers: Validated answers.

    Returns:
        `calculator/?c=2&queries_per_day=…#calculator`, or `""` when a value is
        beyond the calculator's range (a volume above its maximum, say).
    """
    try:
        return calculator_url(calculator_values_for(answers))
    except DecisionError:
        return ""
