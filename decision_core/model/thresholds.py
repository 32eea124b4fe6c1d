"""The thresholds the model derives: figures that follow from the cost model and the presets, not from a source.

`decision_core.framework.rules.THRESHOLDS` holds the figures the framework
takes from its sources. Two more lines the engine and the advice decide by are
computed, once, when this module is imported, and `threshold` finds them
beside the sourced ones:

- `high-volume`: the volume above which a fine-tuned model saves more per
  request than its training and labelling cost, the cost model's break-even at
  its default prices, to the nearest thousand requests a day; `None` when a
  fine-tuned request is never cheaper than a RAG request at those prices
  (today's case: then fine-tune for behaviour, not for cost);
- `small-knowledge-base`: the largest knowledge base, in tokens, that the
  default base model takes whole in a cached prompt at its normal price: its
  context window and its long-prompt price tier, less the default prompt,
  rounded down to the thousand. Anthropic's rule of thumb (2024-09-19) put the
  line at about 200,000 tokens.

Example:
    >>> threshold("high-volume").value is None
    True
    >>> threshold("small-knowledge-base").value
    271000
    >>> threshold("min-examples").source
    "The four-question RAG-or-fine-tuning framework (the guide's source article)"
"""

from ..base.lookup import find
from ..base.format import about, number
from ..framework.facts import get_fact
from ..framework.presets import DEFAULT_PRESET_ID, get_preset
from ..framework.rules import THRESHOLDS, Threshold
from .cost_values import CostInputs
from .costs import break_even_queries_per_day, long_context_limit_tokens

_COST_MODEL = "This guide's cost model (decision_core.model.costs) with the defaults in decision_core.framework.cost_inputs"
_ANTHROPIC = "Anthropic, 'Introducing Contextual Retrieval' (2024-09-19)"


def _nearest_thousand(value: float) -> int:
    return int(value / 1000 + 0.5) * 1000


def _high_volume() -> Threshold:
    volume = break_even_queries_per_day()
    if volume is None:
        text = ("At today's default prices a fine-tuned model is not cheaper per request than the cheapest base "
                "model, so no volume makes fine-tuning pay for itself: fine-tune for behaviour, not for cost.")
        value = None
    else:
        value = _nearest_thousand(volume)
        text = ("Above this volume fine-tuned requests save more than training and labelling cost: the "
                "break-even of this guide's cost model with its default prices (12 months).")
    return Threshold("high-volume", value, "queries/day", text, _COST_MODEL,
                     get_fact(get_preset(DEFAULT_PRESET_ID).model.fact).checked)


def _small_knowledge_base() -> Threshold:
    inputs = CostInputs()
    preset = get_preset(DEFAULT_PRESET_ID)
    limit = long_context_limit_tokens(inputs) or 0.0
    tier = inputs.long_prompt_tokens
    if tier is not None:
        limit = min(limit, max(0.0, tier - inputs.prompt_tokens))
    value = int(limit / 1000) * 1000
    text = ("Below about %s tokens (some %s pages) the whole knowledge base fits in a cached prompt of %s at its "
            "normal price: its context takes %s input tokens" % (
                number(value), about(value / inputs.tokens_per_page), preset.model.name,
                number(inputs.context_window_tokens)))
    if tier is not None:
        text += ", and above %s it bills the whole request at higher rates" % number(tier)
    text += ". Anthropic's rule of thumb put the line at about 200,000 tokens."
    fact = get_fact(preset.model.fact)
    return Threshold("small-knowledge-base", value, "tokens", text,
                     "Derived from " + fact.source + "; rule of thumb from " + _ANTHROPIC, fact.checked)


def derived_thresholds() -> "tuple[Threshold, ...]":
    """Compute the thresholds that follow from the cost model and the default preset.

    Returns:
        `high-volume` (requests a day, or `None` when fine-tuning never breaks
        even at the default prices) and `small-knowledge-base` (tokens).
    """
    return (_high_volume(), _small_knowledge_base())


DERIVED_THRESHOLDS: "tuple[Threshold, ...]" = derived_thresholds()
"""The thresholds computed from the cost model and the default preset, once, at import."""

_DERIVED_IDS = tuple(item.id for item in DERIVED_THRESHOLDS)

ALL_THRESHOLDS: "tuple[Threshold, ...]" = tuple(
    item for item in THRESHOLDS if item.id not in _DERIVED_IDS
) + DERIVED_THRESHOLDS
"""Every threshold the engine decides by: the sourced ones, then the derived ones (a derived figure replaces a
sourced one of the same id)."""


def threshold(threshold_id: str) -> Threshold:
    """Return a threshold by id, sourced (e.g. `min-examples`) or derived (e.g. `high-volume`).

    Raises:
        UnknownId: No threshold has that id.
    """
    return find(ALL_THRESHOLDS, "threshold", threshold_id)
