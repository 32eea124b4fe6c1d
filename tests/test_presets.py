"""Model presets: RAG on a base model against a fine-tuning route, with prices a new client can buy."""

from datetime import date

import pytest

from decision_core.base.errors import UnknownId
from decision_core.framework.cost_inputs import get_cost_input
from decision_core.framework.presets import (
    CUSTOM,
    DEFAULT_PRESET_ID,
    MODELS,
    PRESET_INPUT_IDS,
    PRESETS,
    ROUTES,
    get_preset,
    preset_choices,
)
from sitegen.facts import months_later, parse_date

CHECKED = date(2026, 11, 29)
"""The day the defaults were checked: the horizon is counted from it."""


def test_preset_ids_are_the_ones_links_carry():
    """Preset ids are written into calculator links, so this list only ever grows."""
    assert [preset.id for preset in PRESETS] == [
        "luna-vertex", "haiku-vertex", "flash-lite-vertex", "nova-micro-bedrock", "deepseek-together-lora",
        "legacy-openai-gpt-4-1-mini", "legacy-azure-gpt-4-1-mini",
    ]


def test_the_cheapest_current_openai_anthropic_and_google_models_are_offered_for_rag():
    """gpt-6-luna, Claude Haiku 5.5 and Gemini 3.1 Flash-Lite each head a preset."""
    names = [preset.model.name for preset in PRESETS]
    for name in ("OpenAI gpt-6-luna", "Claude Haiku 5.5", "Gemini 3.1 Flash-Lite"):
        assert name in names


def test_the_default_compares_openais_cheapest_model_with_a_route_open_to_new_clients():
    """The calculator opens on RAG on gpt-6-luna against fine-tuned Gemini 3.1 Flash-Lite on Vertex AI."""
    default = get_preset(DEFAULT_PRESET_ID)
    assert default.model.name == "OpenAI gpt-6-luna"
    assert not default.legacy and default.route.provider == "Google Vertex AI"
    assert get_cost_input("preset").default == DEFAULT_PRESET_ID


def test_no_default_cites_a_model_or_route_that_ends_within_the_horizon():
    """Nothing the default preset cites ends within 12 months of the day the defaults were checked."""
    horizon_end = months_later(CHECKED, get_cost_input("horizon_months").default)
    for fact in get_preset(DEFAULT_PRESET_ID).facts():
        assert not fact.ends or parse_date(fact.ends) > horizon_end, fact.id


def test_routes_open_to_new_clients_name_no_end_and_legacy_ones_show_theirs():
    """New clients can use several routes; each legacy route says when training and serving stop."""
    open_routes = [route for route in ROUTES if not route.legacy]
    assert len(open_routes) >= 3
    assert all(route.serving_until == "" for route in open_routes)
    legacy = {preset.id: preset for preset in PRESETS if preset.legacy}
    assert legacy["legacy-openai-gpt-4-1-mini"].training_until == "2027-01-06"
    assert legacy["legacy-openai-gpt-4-1-mini"].serving_until == "2027-01-14"
    assert legacy["legacy-azure-gpt-4-1-mini"].serving_until == "2027-10-14"
    for preset in legacy.values():
        assert preset.label.startswith("Legacy, existing customers only: ")
        assert preset.label.endswith(", stops " + preset.serving_until)


@pytest.mark.parametrize("preset", PRESETS, ids=lambda preset: preset.id)
def test_every_preset_fills_the_twelve_prices_each_with_its_fact(preset):
    """A preset gives a value and a fact for every input it fills, in the form's order."""
    figures = preset.figures()
    assert tuple(input_id for input_id, _, _ in figures) == PRESET_INPUT_IDS
    assert dict(preset.values())["base_input_usd_per_1m"] == preset.model.input_usd
    assert all(fact.source and fact.checked for _, _, fact in figures)
    assert preset.label.startswith(("RAG on ", "Legacy, existing customers only: RAG on "))
    assert preset.note


def test_a_models_cached_prices_never_exceed_its_input_price():
    """Reading the cache costs no more than sending the tokens; the multipliers never lower a price."""
    for model in MODELS:
        assert model.cached_input_usd <= model.input_usd
        assert model.long_input_multiplier >= 1 and model.long_output_multiplier >= 1


def test_the_choices_are_every_preset_then_your_own_prices():
    """The calculator offers each preset by its label, then the custom choice."""
    choices = preset_choices()
    assert choices[:-1] == tuple((preset.id, preset.label) for preset in PRESETS)
    assert choices[-1] == (CUSTOM, "Your own prices")


def test_an_unknown_preset_is_an_unknown_id():
    """Asking for a preset that does not exist (custom is not one) raises UnknownId."""
    for preset_id in ("gpt-7", CUSTOM):
        with pytest.raises(UnknownId):
            get_preset(preset_id)
