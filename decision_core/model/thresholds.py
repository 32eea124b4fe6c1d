"""The thresholds the model derives: figures that follow from the cost model, not from a source.

`decision_core.framework.rules.THRESHOLDS` holds the figures the framework
takes from its sources. One more line the engine decides by is computed: the
volume above which a fine-tuned model saves more per request than its training
and labelling cost (`high-volume`), the cost model's break-even at its default
prices, to the nearest thousand requests a day. It is worked out once, when
this module is imported, and `threshold` finds it beside the sourced ones.

Example:
    >>> threshold("high-volume").value
    91000
    >>> threshold("min-examples").source
    "The four-question RAG-or-fine-tuning framework (the guide's source article)"
"""

from ..base.errors import UnknownId
from ..framework.rules import THRESHOLDS, Threshold
from .costs import break_even_queries_per_day

_COST_MODEL = "This guide's cost model (decision_core.model.costs) with the defaults in decision_core.framework.cost_inputs"


def _nearest_thousand(value: float) -> int:
    return int(value / 1000 + 0.5) * 1000


def derived_thresholds() -> "tuple[Threshold, ...]":
    """Compute the thresholds that follow from the cost model at its default prices.

    Returns:
        The `high-volume` threshold: the break-even volume in requests a day,
        rounded to the nearest thousand (its value is `None` when fine-tuned
        requests never cost less than retrieved ones at the default prices).
    """
    volume = break_even_queries_per_day()
    return (
        Threshold("high-volume", None if volume is None else _nearest_thousand(volume), "queries/day",
                  "Above this volume fine-tuned requests save more than training and labelling cost: the "
                  "break-even of this guide's cost model with its default prices (12 months).",
                  _COST_MODEL, "2026-11"),
    )


DERIVED_THRESHOLDS: "tuple[Threshold, ...]" = derived_thresholds()
"""The thresholds computed from the cost model, once, at import."""

ALL_THRESHOLDS: "tuple[Threshold, ...]" = THRESHOLDS + DERIVED_THRESHOLDS
"""Every threshold the engine decides by: the sourced ones, then the derived ones."""


def threshold(threshold_id: str) -> Threshold:
    """Return a threshold by id, sourced or derived.

    Args:
        threshold_id: e.g. `min-examples` or `high-volume`.

    Returns:
        The threshold.

    Raises:
        UnknownId: No threshold has that id.
    """
    for item in ALL_THRESHOLDS:
        if item.id == threshold_id:
            return item
    raise UnknownId("threshold", threshold_id, tuple(item.id for item in ALL_THRESHOLDS))
