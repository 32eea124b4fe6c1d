"""Model presets: "RAG on model X against fine-tuned model Y", with the prices each one fills in.

A preset pairs a **base model** (`BaseModel`: what RAG and the cached
whole-knowledge prompt run on) with a **fine-tuning route** (`FineTuningRoute`:
where a model is trained and served, at what price, for whom and until when).
Choosing one in the calculator fills the twelve price inputs in
`PRESET_INPUT_IDS`; every other input keeps its value. Each figure names the
fact it comes from (`decision_core.framework.facts`), so its source, its date,
its "estimate" or "unconfirmed" marking and its end date live in one place.

`PRESETS` lists what a new client can buy first, then the legacy routes
(existing customers only), each showing the date it stops. Preset ids are
written into calculator links: never rename one. The default preset
(`DEFAULT_PRESET_ID`) must cite no model or route that ends within the
calculator's planning horizon.

Example:
    >>> get_preset(DEFAULT_PRESET_ID).label
    'RAG on OpenAI gpt-6-luna vs fine-tuned Gemini 3.1 Flash-Lite (Google Vertex AI)'
    >>> get_preset("legacy-openai-gpt-4-1-mini").serving_until
    '2027-01-14'
"""

from ..base.lookup import find
from .facts import get_fact

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .facts import Fact


class BaseModel:
    """A model to run RAG and the cached prompt on: its prices, its limits and the fact they come from."""

    __slots__ = (
        "id", "name", "input_usd", "cached_input_usd", "cache_write_usd", "output_usd", "context_tokens",
        "long_prompt_tokens", "long_input_multiplier", "long_output_multiplier", "fact", "note",
    )

    id: str
    """A stable id, e.g. `openai-gpt-6-luna`."""
    name: str
    """How a sentence names it, e.g. `OpenAI gpt-6-luna`."""
    input_usd: float
    """Dollars per 1M input tokens."""
    cached_input_usd: float
    """Dollars per 1M input tokens read from the prompt cache (the input price when the model caches nothing)."""
    cache_write_usd: float
    """Dollars per 1M tokens written to the prompt cache."""
    output_usd: float
    """Dollars per 1M output tokens."""
    context_tokens: "int | None"
    """The most input tokens one request may carry; `None` when this guide's sources do not give it."""
    long_prompt_tokens: "int | None"
    """Input tokens above which a whole request is billed at the long-prompt rates; `None` for no such tier."""
    long_input_multiplier: float
    """What long prompts multiply the input, cache-read and cache-write prices by (1 without a tier)."""
    long_output_multiplier: float
    """What long prompts multiply the output price by (1 without a tier)."""
    fact: str
    """The id of the fact all these figures come from."""
    note: str
    """What a reader should know to use it well, e.g. a reasoning setting."""

    def __init__(self, id: str, name: str, input_usd: float, cached_input_usd: float, cache_write_usd: float,
                 output_usd: float, context_tokens: "int | None", fact: str, note: str, *,
                 long_prompt_tokens: "int | None" = None, long_input_multiplier: float = 1,
                 long_output_multiplier: float = 1) -> None:
        self.id = id
        self.name = name
        self.input_usd = input_usd
        self.cached_input_usd = cached_input_usd
        self.cache_write_usd = cache_write_usd
        self.output_usd = output_usd
        self.context_tokens = context_tokens
        self.long_prompt_tokens = long_prompt_tokens
        self.long_input_multiplier = long_input_multiplier
        self.long_output_multiplier = long_output_multiplier
        self.fact = fact
        self.note = note

    def __repr__(self) -> str:
        return "BaseModel(%r)" % (self.id,)


class FineTuningRoute:
    """Where a model is fine-tuned and served: prices, the facts behind them, who may use it and until when."""

    __slots__ = (
        "id", "name", "provider", "input_usd", "output_usd", "hosting_usd_per_hour", "training_usd_per_1m",
        "price_fact", "hosting_fact", "training_fact", "open_fact", "training_until_fact",
        "serving_until_fact", "legacy", "note",
    )

    id: str
    """A stable id, e.g. `vertex-gemini-3-1-flash-lite`."""
    name: str
    """How a sentence names the fine-tuned model, e.g. `fine-tuned Gemini 3.1 Flash-Lite (Google Vertex AI)`."""
    provider: str
    """Who trains and serves it, e.g. `Google Vertex AI`."""
    input_usd: float
    """Dollars per 1M input tokens sent to the fine-tuned model (0 when a GPU hour pays for them)."""
    output_usd: float
    """Dollars per 1M output tokens from the fine-tuned model."""
    hosting_usd_per_hour: float
    """Dollars an hour to keep the fine-tuned model deployed, around the clock (0 for none)."""
    training_usd_per_1m: float
    """Dollars per 1M training tokens (the data set's tokens times epochs)."""
    price_fact: str
    """The id of the fact the token prices come from."""
    hosting_fact: str
    """The id of the fact the hosting fee comes from."""
    training_fact: str
    """The id of the fact the training price comes from."""
    open_fact: str
    """The id of the fact saying who may use the route."""
    training_until_fact: str
    """The id of the fact whose end date is the last day to start training (`""` when none is known)."""
    serving_until_fact: str
    """The id of the fact whose end date is the day the fine-tuned model stops (`""` when none is known)."""
    legacy: bool
    """Whether only existing customers may use it."""
    note: str
    """What a reader should know about the route."""

    def __init__(self, id: str, name: str, provider: str, input_usd: float, output_usd: float,
                 hosting_usd_per_hour: float, training_usd_per_1m: float, *, price_fact: str, hosting_fact: str,
                 training_fact: str, open_fact: str, note: str, training_until_fact: str = "",
                 serving_until_fact: str = "", legacy: bool = False) -> None:
        self.id = id
        self.name = name
        self.provider = provider
        self.input_usd = input_usd
        self.output_usd = output_usd
        self.hosting_usd_per_hour = hosting_usd_per_hour
        self.training_usd_per_1m = training_usd_per_1m
        self.price_fact = price_fact
        self.hosting_fact = hosting_fact
        self.training_fact = training_fact
        self.open_fact = open_fact
        self.training_until_fact = training_until_fact
        self.serving_until_fact = serving_until_fact
        self.legacy = legacy
        self.note = note

    @property
    def training_until(self) -> str:
        """The last day to start training, as an ISO date, or `""` when none is known."""
        return get_fact(self.training_until_fact).ends if self.training_until_fact else ""

    @property
    def serving_until(self) -> str:
        """The day the fine-tuned model stops answering, as an ISO date, or `""` when none is known."""
        return get_fact(self.serving_until_fact).ends if self.serving_until_fact else ""

    def __repr__(self) -> str:
        return "FineTuningRoute(%r)" % (self.id,)


PRESET_INPUT_IDS: "tuple[str, ...]" = (
    "base_input_usd_per_1m", "base_cached_input_usd_per_1m", "base_cache_write_usd_per_1m",
    "base_output_usd_per_1m", "fine_tuned_input_usd_per_1m", "fine_tuned_output_usd_per_1m",
    "hosting_usd_per_hour", "training_usd_per_1m", "context_window_tokens", "long_prompt_tokens",
    "long_prompt_input_multiplier", "long_prompt_output_multiplier",
)
"""The cost inputs a preset fills, in the calculator's order; the others keep their values."""


class Preset:
    """A base model for RAG and the cached prompt, against a fine-tuning route."""

    __slots__ = ("id", "model", "route")

    id: str
    """A stable id, written into calculator links: never rename it."""
    model: BaseModel
    """What RAG and the cached prompt run on."""
    route: FineTuningRoute
    """Where the fine-tuned model is trained and served."""

    def __init__(self, id: str, model: BaseModel, route: FineTuningRoute) -> None:
        self.id = id
        self.model = model
        self.route = route

    @property
    def label(self) -> str:
        """The preset as a choice reads: `RAG on X vs Y`, and for a legacy route who may use it and when it stops."""
        text = "RAG on " + self.model.name + " vs " + self.route.name
        if self.route.legacy:
            text = "Legacy, existing customers only: " + text
            if self.serving_until:
                text += ", stops " + self.serving_until
        return text

    @property
    def legacy(self) -> bool:
        """Whether the fine-tuning route is for existing customers only."""
        return self.route.legacy

    @property
    def serving_until(self) -> str:
        """The day the fine-tuned model stops, or `""` when none is known."""
        return self.route.serving_until

    @property
    def training_until(self) -> str:
        """The last day to start training, or `""` when none is known."""
        return self.route.training_until

    @property
    def note(self) -> str:
        """What a reader should know about the model and the route, in a few sentences."""
        return self.model.note + " " + self.route.note

    def figures(self) -> "tuple[tuple[str, float | int | None, Fact], ...]":
        """Return `(input id, value, fact)` for every input the preset fills, in `PRESET_INPUT_IDS` order."""
        model, route = self.model, self.route
        model_fact = get_fact(model.fact)
        return (
            ("base_input_usd_per_1m", model.input_usd, model_fact),
            ("base_cached_input_usd_per_1m", model.cached_input_usd, model_fact),
            ("base_cache_write_usd_per_1m", model.cache_write_usd, model_fact),
            ("base_output_usd_per_1m", model.output_usd, model_fact),
            ("fine_tuned_input_usd_per_1m", route.input_usd, get_fact(route.price_fact)),
            ("fine_tuned_output_usd_per_1m", route.output_usd, get_fact(route.price_fact)),
            ("hosting_usd_per_hour", route.hosting_usd_per_hour, get_fact(route.hosting_fact)),
            ("training_usd_per_1m", route.training_usd_per_1m, get_fact(route.training_fact)),
            ("context_window_tokens", model.context_tokens, model_fact),
            ("long_prompt_tokens", model.long_prompt_tokens, model_fact),
            ("long_prompt_input_multiplier", model.long_input_multiplier, model_fact),
            ("long_prompt_output_multiplier", model.long_output_multiplier, model_fact),
        )

    def values(self) -> "tuple[tuple[str, float | int | None], ...]":
        """Return `(input id, value)` for every input the preset fills."""
        return tuple((input_id, value) for input_id, value, _ in self.figures())

    def facts(self) -> "tuple[Fact, ...]":
        """Every fact the preset cites, each once, in the order first cited."""
        found = []
        ids = [self.model.fact, self.route.price_fact, self.route.hosting_fact, self.route.training_fact,
               self.route.open_fact, self.route.training_until_fact, self.route.serving_until_fact]
        for fact_id in ids:
            if fact_id and fact_id not in [fact.id for fact in found]:
                found.append(get_fact(fact_id))
        return tuple(found)

    def ends(self) -> str:
        """The earliest end date among the facts it cites, or `""` when none ends."""
        dates = sorted(fact.ends for fact in self.facts() if fact.ends)
        return dates[0] if dates else ""

    def __repr__(self) -> str:
        return "Preset(%r)" % (self.id,)


_NO_REASONING = ("Send reasoning effort none or low: the default, medium, bills hidden reasoning tokens as "
                 "output.")

GPT_6_LUNA = BaseModel(
    "openai-gpt-6-luna", "OpenAI gpt-6-luna", 0.10, 0.01, 0.125, 0.50, 922000, "openai-gpt-6-luna-prices",
    "OpenAI's cheapest current model and the named replacement for gpt-4.1-mini. " + _NO_REASONING,
    long_prompt_tokens=272000, long_input_multiplier=2, long_output_multiplier=1.5,
)
HAIKU_5_5 = BaseModel(
    "anthropic-claude-haiku-5-5", "Claude Haiku 5.5", 0.10, 0.01, 0.125, 0.50, 1000000,
    "anthropic-haiku-5-5-prices",
    "Anthropic's cheapest current model. Its tokenizer makes about 30% more tokens of the same text than "
    "Haiku 4.5 did: compare costs per page, not per token.",
    long_prompt_tokens=100000, long_input_multiplier=5, long_output_multiplier=5,
)
GEMINI_3_1_FLASH_LITE = BaseModel(
    "google-gemini-3-1-flash-lite", "Gemini 3.1 Flash-Lite", 0.25, 0.025, 0.25, 1.50, 1048576,
    "google-gemini-3-1-flash-lite-prices",
    "Google's cheapest current model. It thinks by default and bills thinking as output: set the thinking "
    "level to minimal or low.",
)
DEEPSEEK_V4_1_FLASH = BaseModel(
    "deepseek-v4-1-flash", "DeepSeek V4.1-Flash (off-peak)", 0.15, 0.003, 0.15, 0.60, 1000000,
    "deepseek-v4-1-flash-prices",
    "Open weights, served by DeepSeek's API at off-peak prices; peak hours cost twice as much.",
)
NOVA_MICRO = BaseModel(
    "amazon-nova-micro", "Amazon Nova Micro", 0.035, 0.035, 0.035, 0.14, None, "amazon-nova-micro-prices",
    "Amazon's cheapest model on Bedrock (us-east-1). Its context window and cache prices are not in this "
    "guide's sources, so the cached prompt is not computed until you enter them.",
)

MODELS: "tuple[BaseModel, ...]" = (GPT_6_LUNA, HAIKU_5_5, GEMINI_3_1_FLASH_LITE, DEEPSEEK_V4_1_FLASH, NOVA_MICRO)
"""The base models the presets use: the cheapest current OpenAI, Anthropic and Google models first."""

VERTEX_FLASH_LITE = FineTuningRoute(
    "vertex-gemini-3-1-flash-lite", "fine-tuned Gemini 3.1 Flash-Lite (Google Vertex AI)", "Google Vertex AI", 0.25, 1.50, 0, 1.50,
    price_fact="vertex-tuned-inference", hosting_fact="vertex-tuned-inference",
    training_fact="vertex-training-price", open_fact="vertex-supervised-tuning",
    note="Supervised tuning on Google Vertex AI, open to any customer; the tuned model is billed like the base "
         "model with no hosting fee (unconfirmed for Gemini 3.x), and the training price is a placeholder.",
)
BEDROCK_NOVA_MICRO = FineTuningRoute(
    "bedrock-nova-micro", "the same model fine-tuned (AWS Bedrock)", "AWS Bedrock", 0.035, 0.14, 0, 1.50,
    price_fact="bedrock-nova-fine-tuning", hosting_fact="bedrock-nova-fine-tuning",
    training_fact="bedrock-training-price", open_fact="bedrock-nova-fine-tuning",
    note="A LoRA fine-tune served on demand in us-east-1, believed at the base price; other regions need "
         "Provisioned Throughput (about $60.50 an hour per model unit). No training price was found.",
)
TOGETHER_LORA = FineTuningRoute(
    "together-lora-dedicated", "a LoRA-tuned open model on a dedicated GPU (Together AI)", "Together AI", 0, 0, 3.99, 0.48,
    price_fact="together-dedicated-endpoint", hosting_fact="together-dedicated-endpoint",
    training_fact="together-lora-training", open_fact="together-lora-training",
    note="A LoRA fine-tune of an open model of 16B parameters or fewer (Qwen3.5-9B, say) on one dedicated H100 "
         "billed by the hour, so requests cost no tokens; one GPU serves a limited volume.",
)
OPENAI_GPT_4_1_MINI = FineTuningRoute(
    "openai-gpt-4-1-mini", "your fine-tuned gpt-4.1-mini on OpenAI", "OpenAI", 0.80, 3.20, 0, 5.0,
    price_fact="openai-fine-tuned-gpt-4-1-mini-prices", hosting_fact="openai-fine-tuned-gpt-4-1-mini-prices",
    training_fact="openai-fine-tuned-gpt-4-1-mini-prices", open_fact="openai-fine-tuning-closed",
    training_until_fact="openai-fine-tuning-closed", serving_until_fact="openai-gpt-4-1-mini-shutdown",
    legacy=True,
    note="Only organisations that already fine-tune may still start jobs, and every fine-tune of "
         "gpt-4.1-mini stops with its base model. If yours exists, set labelling and training to 0 to compare "
         "running costs alone.",
)
AZURE_GPT_4_1_MINI = FineTuningRoute(
    "azure-gpt-4-1-mini", "your fine-tuned gpt-4.1-mini on Microsoft Foundry", "Microsoft Foundry (Azure OpenAI)", 0.40, 1.60, 1.70, 5.0,
    price_fact="openai-gpt-4-1-mini-prices", hosting_fact="azure-hosting-fee", training_fact="azure-training-price",
    open_fact="azure-gpt-4-1-mini-training", training_until_fact="azure-gpt-4-1-mini-training",
    serving_until_fact="azure-gpt-4-1-mini-serving", legacy=True,
    note="Base token prices plus an hourly hosting fee, for existing customers until the model retires. If "
         "yours exists, set labelling and training to 0 to compare running costs alone.",
)

ROUTES: "tuple[FineTuningRoute, ...]" = (
    VERTEX_FLASH_LITE, BEDROCK_NOVA_MICRO, TOGETHER_LORA, OPENAI_GPT_4_1_MINI, AZURE_GPT_4_1_MINI,
)
"""The fine-tuning routes: those a new client can use, then the legacy ones."""

PRESETS: "tuple[Preset, ...]" = (
    Preset("luna-vertex", GPT_6_LUNA, VERTEX_FLASH_LITE),
    Preset("haiku-vertex", HAIKU_5_5, VERTEX_FLASH_LITE),
    Preset("flash-lite-vertex", GEMINI_3_1_FLASH_LITE, VERTEX_FLASH_LITE),
    Preset("nova-micro-bedrock", NOVA_MICRO, BEDROCK_NOVA_MICRO),
    Preset("deepseek-together-lora", DEEPSEEK_V4_1_FLASH, TOGETHER_LORA),
    Preset("legacy-openai-gpt-4-1-mini", GPT_6_LUNA, OPENAI_GPT_4_1_MINI),
    Preset("legacy-azure-gpt-4-1-mini", GPT_6_LUNA, AZURE_GPT_4_1_MINI),
)
"""Every preset, in the calculator's order: what a new client can buy, then the legacy routes."""

CLOSED: "tuple[tuple[str, str], ...]" = (
    ("Anthropic (Claude)", "claude-fine-tuning-ended"),
    ("Cohere", "cohere-fine-tuning-ended"),
)
"""Providers that no longer fine-tune, as `(provider, fact id)`: the guide's availability table lists them."""

DEFAULT_PRESET_ID: str = "luna-vertex"
"""The preset the calculator opens on: the cheapest current base model against a route open to new clients."""

CUSTOM: str = "custom"
"""The choice for "your own prices": no preset fills anything; missing prices are the default preset's."""

CUSTOM_LABEL: str = "Your own prices"
"""How the calculator names the custom choice."""


def get_preset(preset_id: str) -> Preset:
    """Return the preset with this id (e.g. `luna-vertex`; `custom` is not a preset); `UnknownId` if none has it."""
    return find(PRESETS, "preset", preset_id)


def preset_choices() -> "tuple[tuple[str, str], ...]":
    """The choices the calculator offers, as `(value, label)`: every preset, then `custom`."""
    return tuple((preset.id, preset.label) for preset in PRESETS) + ((CUSTOM, CUSTOM_LABEL),)
