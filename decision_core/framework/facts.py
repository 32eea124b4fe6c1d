"""Facts that expire: every stale-able figure the guide states, with the date it was checked and when it ends.

Prices, availability and shutdown dates change. Each such fact is declared
once here, with where it comes from, the date this guide last checked it
(`checked`), and, where one is known, the date it stops being true (`ends`:
a shutdown, the end of a promotion, the last day a route takes new jobs).
The model presets (`decision_core.framework.presets`) and the cost inputs
(`decision_core.framework.cost_inputs`) name the facts their figures come
from, so a figure, its source, its date and its marking live in one place.

A fact's `status` says how sure the figure is:

- `"sourced"`: the vendor's page or several consistent sources state it;
- `"estimate"`: this guide's estimate, or a figure from a range or a
  lower-confidence source: the pages print "estimate" beside it;
- `"unconfirmed"`: no current primary source was found (an older published
  figure, or a placeholder): the pages print "unconfirmed" beside it.

The build (`sitegen.facts`) warns about facts checked longer ago than a set
age, and the strict build fails, naming the fact, once an `ends` date has
passed: the maintainers' page explains the routine.

Example:
    >>> get_fact("openai-gpt-4-1-mini-shutdown").ends
    '2027-01-14'
    >>> get_fact("vertex-training-price").marking
    'unconfirmed'
"""

from ..base.lookup import find


class Fact:
    """One stale-able fact: what is true, where it comes from, when it was checked and when it ends."""

    __slots__ = ("id", "text", "source", "checked", "ends", "status")

    id: str
    """A stable id, e.g. `openai-gpt-6-luna-prices`."""
    text: str
    """What is true, in one or two sentences of this guide's own words."""
    source: str
    """Where it comes from, with the dates the sources give."""
    checked: str
    """The ISO date this guide last checked it, e.g. `2026-11-29`."""
    ends: str
    """The ISO date it stops being true, when one is known (a shutdown, a promotion's end); else `""`."""
    status: str
    """`"sourced"`, `"estimate"` or `"unconfirmed"` (see the module's docstring)."""

    def __init__(self, id: str, text: str, source: str, checked: str, *, ends: str = "",
                 status: str = "sourced") -> None:
        self.id = id
        self.text = text
        self.source = source
        self.checked = checked
        self.ends = ends
        self.status = status

    @property
    def marking(self) -> str:
        """What a reader sees beside the figure: `"estimate"`, `"unconfirmed"`, or `""` for a sourced fact."""
        return "" if self.status == "sourced" else self.status

    def __repr__(self) -> str:
        return "Fact(%r)" % (self.id,)


STATUSES: "tuple[str, ...]" = ("sourced", "estimate", "unconfirmed")
"""The statuses a fact may have, from the surest."""

CHECKED = "2026-11-29"
"""The day the late-November 2026 facts were checked."""

_OPENAI_DEPRECATIONS = "OpenAI, Deprecations page (notice of 2026-10-14)"

FACTS: "tuple[Fact, ...]" = (
    # -- Base models for RAG and the cached prompt ------------------------------------------
    Fact("openai-gpt-6-luna-prices",
         "OpenAI gpt-6-luna (released 2026-09-22) costs $0.10 per 1M input tokens, $0.01 cached, $0.125 to "
         "write the cache and $0.50 per 1M output tokens. Its context holds 1,050,000 tokens, up to 128,000 of "
         "them output, so a request takes at most 922,000 input tokens; a request with more than 272,000 input "
         "tokens is billed at twice the input and cache prices and 1.5 times the output price. It cannot be "
         "fine-tuned.",
         "OpenAI model page for gpt-6-luna (undated); codexometer v0.18.4 release notes citing OpenAI's "
         "pricing (2026-09-22); LiteLLM discussion #42523 (September 2026)", CHECKED),
    Fact("anthropic-haiku-5-5-prices",
         "Claude Haiku 5.5 (released 2026-10-07) costs $0.10 per 1M input tokens, $0.125 to write a 5-minute "
         "cache, $0.01 to read it and $0.50 per 1M output tokens, for prompts up to 100,000 tokens; above "
         "that, the whole request costs five times as much. Its context holds 1,000,000 tokens. No current "
         "Claude model can be fine-tuned.",
         "Claude docs, Haiku 5.5 overview (undated); claudit v1.9.2 release (2026-10-25); PromptFuel v1.0.23 "
         "(2026-10-16)", CHECKED),
    Fact("google-gemini-3-1-flash-lite-prices",
         "Gemini 3.1 Flash-Lite (generally available since 2026-05-07) costs $0.25 per 1M input tokens and "
         "$1.50 per 1M output tokens; implicit caching, on by default, bills cached input at $0.025 with no "
         "storage fee. A request takes up to 1,048,576 input tokens.",
         "Google, Gemini API changelog (2026-05-07) and context-caching docs (undated); macaron.im pricing "
         "article citing Google's pricing page (2026-03-03)", CHECKED),
    Fact("deepseek-v4-1-flash-prices",
         "DeepSeek V4.1-Flash (open weights, generally available since 2026-09-10) costs, off-peak, $0.15 per "
         "1M input tokens, $0.003 for cache hits and $0.60 per 1M output tokens; at peak hours (weekdays "
         "01:00-04:00 and 06:00-10:00 UTC) twice as much. A request takes up to 1,000,000 tokens.",
         "DeepSeek API docs, Models & Pricing (undated; cross-checked against a wiki read on 2026-10-27)",
         CHECKED),
    Fact("amazon-nova-micro-prices",
         "Amazon Nova Micro on AWS Bedrock (us-east-1) costs $0.035 per 1M input tokens and $0.14 per 1M output "
         "tokens. Its context window is not in this guide's sources.",
         "AWS price list via api-evangelist (2026-09-01)", CHECKED),
    Fact("openai-gpt-4-1-mini-prices",
         "gpt-4.1-mini cost $0.40 per 1M input tokens and $1.60 per 1M output tokens; no current OpenAI page "
         "could confirm it.",
         "OpenAI pricing (2026), not re-verified in November 2026", CHECKED, status="unconfirmed"),
    # -- Fine-tuning routes ---------------------------------------------------------------------
    Fact("vertex-supervised-tuning",
         "Google Vertex AI (now branded Gemini Enterprise Agent Platform) offers supervised tuning of Gemini "
         "3.5 Flash-Lite, 3.5 Flash, 3.1 Flash-Lite and 2.5 Pro to any customer.",
         "Google Cloud docs, Supported models for tuning (undated)", CHECKED),
    Fact("vertex-tuned-inference",
         "A tuned Gemini model is billed at its base model's per-token price, with no hosting fee: an idle "
         "tuned endpoint costs nothing. No dated Google price table confirms this for Gemini 3.x.",
         "Google tuning docs (undated); a secondary summary of Vertex AI pricing (date unknown)", CHECKED,
         status="unconfirmed"),
    Fact("vertex-training-price",
         "No training price for Gemini 3.x was found; this guide uses $1.50 per 1M training tokens, the last "
         "published rate, for Gemini 2.5 Flash-Lite (training tokens are the data set's tokens times epochs).",
         "A secondary summary of Vertex AI pricing (date unknown)", CHECKED, status="unconfirmed"),
    Fact("bedrock-nova-fine-tuning",
         "AWS Bedrock fine-tunes Amazon Nova Micro, Lite and Pro for any customer; LoRA fine-tunes trained "
         "after 2025-07-16 run on demand, per token, in us-east-1, believed at the base model's price.",
         "AWS Bedrock docs, Customize a model with fine-tuning (undated)", CHECKED, status="unconfirmed"),
    Fact("bedrock-training-price",
         "No per-token training price for Bedrock was found; this guide uses $1.50 per 1M training tokens as a "
         "placeholder (Google's last published Flash-Lite rate).",
         "No published figure found", CHECKED, status="unconfirmed"),
    Fact("together-lora-training",
         "Together AI fine-tunes open-weight models for any customer, billed per training token: about $0.48 "
         "per 1M tokens for LoRA on models of 16B parameters or fewer, the low end of its published range.",
         "Together AI fine-tuning pricing docs (undated); api-evangelist sweep (2026-05-08)", CHECKED,
         status="estimate"),
    Fact("together-dedicated-endpoint",
         "Together AI serves fine-tuned models on dedicated endpoints billed by the minute: about $3.99 an hour "
         "for one H100 GPU. One GPU serves a limited number of requests: add GPUs for more.",
         "Together AI inference overview docs (undated)", CHECKED, status="estimate"),
    Fact("openai-fine-tuning-closed",
         "OpenAI has refused fine-tuning jobs from new organisations since 2026-05-07 and from organisations "
         "with no fine-tuned traffic in the previous 60 days since 2026-07-02; no one can start a job after "
         "2027-01-06.",
         _OPENAI_DEPRECATIONS + "; a news report of 2026-07-02", CHECKED, ends="2027-01-06"),
    Fact("openai-gpt-4-1-mini-shutdown",
         "OpenAI shuts down gpt-4o, gpt-4o-mini, gpt-4.1 and gpt-4.1-mini, with every fine-tune of them, on "
         "2027-01-14; it names gpt-6-luna as the replacement.",
         _OPENAI_DEPRECATIONS, CHECKED, ends="2027-01-14"),
    Fact("openai-fine-tuned-gpt-4-1-mini-prices",
         "A fine-tuned gpt-4.1-mini cost $0.80 per 1M input tokens and $3.20 per 1M output tokens (twice the "
         "base price), and $5 per 1M training tokens; no current OpenAI page could confirm it.",
         "OpenAI pricing (2026), not re-verified in November 2026", CHECKED, ends="2027-01-14",
         status="unconfirmed"),
    Fact("azure-gpt-4-1-mini-training",
         "Existing Microsoft Foundry customers can train gpt-4.1-mini fine-tunes until at least 2027-04-14 "
         "(the base model is Legacy); whether a new subscription can start is not stated.",
         "Microsoft Learn, Azure OpenAI model retirement schedule (2026-09-02)", CHECKED, ends="2027-04-14"),
    Fact("azure-gpt-4-1-mini-serving",
         "Fine-tuned gpt-4.1-mini deployments on Microsoft Foundry retire on 2027-10-14.",
         "Microsoft Learn, Azure OpenAI model retirement schedule (2026-09-02)", CHECKED, ends="2027-10-14"),
    Fact("azure-training-price",
         "Microsoft Foundry bills supervised fine-tuning per 1M training tokens (global training 10 to 30% "
         "cheaper than regional); no current rate for gpt-4.1-mini was found, so this guide uses OpenAI's "
         "last published $5.",
         "Microsoft Learn, Plan and manage costs for fine-tuning in Foundry (2026-10-05)", CHECKED,
         status="unconfirmed"),
    Fact("azure-hosting-fee",
         "A fine-tuned deployment on Microsoft Foundry (Standard and Global Standard) costs an hourly hosting "
         "fee on top of base token prices; $1.70 an hour was last published on 2026-03-19, and the current "
         "page gives no figure.",
         "Microsoft Learn, Plan and manage costs for fine-tuning in Foundry (versions of 2026-03-19 and "
         "2026-10-05)", CHECKED, status="unconfirmed"),
    Fact("claude-fine-tuning-ended",
         "No current Claude model can be fine-tuned: Claude 3 Haiku, the only one Bedrock could tune, reached "
         "its end of life there on 2026-09-10 in most regions.",
         "AWS Bedrock model card for Claude 3 Haiku (undated)", CHECKED),
    Fact("cohere-fine-tuning-ended",
         "Cohere ended fine-tuning on 2025-09-15.", "Cohere announcement, via this guide's earlier notes",
         "2026-11-04"),
    # -- Retrieval --------------------------------------------------------------------------------
    Fact("openai-text-embedding-3-small",
         "OpenAI text-embedding-3-small costs $0.02 per 1M tokens.",
         "OpenAI model page for text-embedding-3-small (undated)", CHECKED),
    Fact("pinecone-standard",
         "Pinecone's Standard plan costs at least $50 a month and $16 per 1M read units in us-east-1; a query "
         "uses 1 read unit per GB of the namespace it searches, and at least 0.25. pgvector in your own "
         "Postgres costs nothing beyond the database.",
         "Pinecone docs, Understanding cost (undated); flexprice pricing teardown (2026-11-04)", CHECKED),
    Fact("retrieval-latency",
         "A retrieval step takes 100 to 300 ms (the framework's figure); a production pipeline with reranking "
         "measured 120 ms at the median and 400 ms at the 95th percentile.",
         "The guide's source framework; PursuitAgent, Our retrieval latency budget (2026)", CHECKED,
         status="estimate"),
    # -- Caching ------------------------------------------------------------------------------------
    Fact("prompt-cache-lifetimes",
         "Caches expire when unused: OpenAI keeps a cached prefix for minutes (24 hours when asked, on newer "
         "models), Anthropic for 5 minutes or an hour, and Google manages implicit caches itself. Each expiry "
         "means writing the cache again.",
         "OpenAI, Prompt caching guide (undated); Claude docs, prompt caching (undated); Gemini API, Context "
         "caching (undated)", CHECKED, status="estimate"),
)
"""Every stale-able fact the guide states, grouped by subject."""


def get_fact(fact_id: str) -> Fact:
    """Return the fact with this id; `UnknownId` if no fact has it."""
    return find(FACTS, "fact", fact_id)
