"""The guide's generated economics: presets, worked figures, break-evens, the cached prompt, availability, facts.

Every figure the cost page, the availability section and the maintainers'
page state about prices comes from here, computed from `decision_core` at
build time, so no worked figure is typed by hand and none can drift from what
the calculator computes. Each function takes the data (and `compare`, the cost
model) and returns HTML that reads without scripts; "estimate" and
"unconfirmed" figures carry their marking beside them.
"""

from decision_core.base.format import about, money, number, plural, price

from .markup import escape, stacked_table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from decision_core.framework.facts import Fact
    from decision_core.framework.presets import FineTuningRoute, Preset
    from decision_core.framework.rules import Threshold
    from decision_core.model.costs import CostComparison, OptionCost

    Compare = Callable[[object], CostComparison]


def _mark(marking: str) -> str:
    return ' <span class="dc-mark">%s</span>' % escape(marking) if marking else ""


def _date(text: str) -> str:
    return '<time datetime="%s">%s</time>' % (escape(text), escape(text))


def _break_even(comparison: "CostComparison") -> str:
    volume = comparison.break_even_queries_per_day
    if volume is None:
        return "never: fine-tuned requests cost more"
    if volume == 0:
        return "at any volume"
    return "above about %s queries a day" % about(volume)


def _sources_of(facts: "Iterable[Fact]") -> str:
    # Each distinct source once, with the latest check and the earliest end among the facts citing it.
    seen = []
    for fact in facts:
        if fact.source not in [source for source, _ in seen]:
            seen.append((fact.source, fact))
    return "; ".join("%s (checked %s%s)" % (escape(source), _date(fact.checked),
                                            "; ends " + _date(fact.ends) if fact.ends else "")
                     for source, fact in seen)


def presets_html(presets: "Iterable[Preset]", default_id: str) -> str:
    """The model presets: the pairs the calculator offers, then their base models and fine-tuning routes.

    Each base model and each route is described once, with its prices, its
    limits or terms, its markings beside the figures, and its sources and dates.

    Args:
        presets: `presets.PRESETS`.
        default_id: The id of the preset the calculator opens on.

    Returns:
        A list of the presets, then a `<table class="dc-table dc-table--stack base-models">`
        (rows `model-<id>`) and a `<table class="dc-table dc-table--stack routes">` (rows `route-<id>`).
    """
    presets = tuple(presets)
    models, routes = [], []
    for preset in presets:
        if preset.model not in models:
            models.append(preset.model)
        if preset.route not in routes:
            routes.append(preset.route)
    items = []
    for preset in presets:
        default = " (the default)" if preset.id == default_id else ""
        items.append('<li id="preset-%s">%s%s</li>' % (escape(preset.id), escape(preset.label), escape(default)))
    from decision_core.framework.facts import get_fact

    model_rows = []
    for model in models:
        fact = get_fact(model.fact)
        limits = ("context window not in this guide's sources" if model.context_tokens is None
                  else "up to %s input tokens" % number(model.context_tokens))
        if model.long_prompt_tokens is not None:
            limits += "; above %s, the whole request at %s× input and %s× output prices" % (
                number(model.long_prompt_tokens), number(model.long_input_multiplier),
                number(model.long_output_multiplier))
        prices = "%s in, %s cached, %s cache write, %s out%s" % (
            price(model.input_usd), price(model.cached_input_usd), price(model.cache_write_usd),
            price(model.output_usd), _mark(fact.marking))
        model_rows.append((escape(model.name), prices, escape(limits), _sources_of([fact])))
    route_rows = []
    for route in routes:
        price_fact, hosting_fact = get_fact(route.price_fact), get_fact(route.hosting_fact)
        training_fact = get_fact(route.training_fact)
        tokens = ("no token prices: the GPU hour pays for them" if not (route.input_usd or route.output_usd)
                  else "%s in, %s out" % (price(route.input_usd), price(route.output_usd)))
        hosting = money(route.hosting_usd_per_hour) + " an hour" if route.hosting_usd_per_hour else "none"
        who = "existing customers only" if route.legacy else "any customer"
        if route.training_until:
            who += "; new training jobs until " + _date(route.training_until)
        if route.serving_until:
            who += "; the fine-tuned model stops on " + _date(route.serving_until)
        facts = [price_fact, hosting_fact, training_fact, get_fact(route.open_fact)]
        facts += [get_fact(fact_id) for fact_id in (route.training_until_fact, route.serving_until_fact) if fact_id]
        route_rows.append((escape(route.provider), escape(tokens) + _mark(price_fact.marking),
                           escape(hosting) + _mark(hosting_fact.marking),
                           price(route.training_usd_per_1m) + _mark(training_fact.marking), who, _sources_of(facts)))
    lines = ['<ul class="dc-presets">%s</ul>' % "".join(items)]
    lines += stacked_table("base-models",
                           "The base models, for RAG and the cached prompt (US dollars per 1M tokens).",
                           ("Model", "Prices", "Limits", "Sources"), model_rows,
                           ids=["model-" + model.id for model in models])
    lines += stacked_table("routes", "The fine-tuning routes (US dollars).",
                           ("Route", "Fine-tuned model, per 1M tokens", "Hosting", "Training, per 1M tokens",
                            "Who, and until when", "Sources"), route_rows,
                           ids=["route-" + route.id for route in routes])
    return "\n".join(lines)


def _amount(usd: float) -> str:
    # Dollars as money, but a fraction of a cent as the fraction it is ($0.004, not $0).
    return price(usd) if 0 < abs(usd) < 0.995 else money(usd)


def _items(option: "OptionCost", kind: str, scale: float = 1.0) -> str:
    parts = ["%s %s" % (escape(item.label[:1].lower() + item.label[1:]), _amount(item.usd * scale))
             for item in option.items if item.kind == kind and item.usd]
    return "; ".join(parts)


def worked_figures_html(comparison: "CostComparison") -> str:
    """What one query, a month and the start cost for each approach at the default inputs, line by line.

    Args:
        comparison: The comparison at the default inputs.

    Returns:
        A sentence naming the inputs, then a `<table class="dc-table dc-table--stack worked-figures">`
        whose lines add up to each option's figures.
    """
    inputs = comparison.inputs
    intro = (
        "<p>At the default inputs: %s of question and instructions, %s of retrieved passages for RAG, %s of "
        "answer, a knowledge base of %s (about %s tokens), %s.</p>"
        % (plural(inputs.prompt_tokens, "token"), plural(inputs.context_tokens, "token"),
           plural(inputs.output_tokens, "token"), plural(inputs.knowledge_pages, "page"),
           number(inputs.knowledge_tokens), plural(int(inputs.queries_per_day), "query a day", "queries a day"))
    )
    rows, ids = [], []
    for option_id, option in comparison.options:
        if not option.available:
            rows.append((escape(option.label), "Not possible: %s." % escape(option.unavailable_reason)))
            ids.append(None)
            continue
        per_query = "<strong>%s</strong>: %s" % (_amount(1000 * option.per_query_usd),
                                                  _items(option, "per-query", 1000))
        monthly = ("<strong>%s</strong>: %s" % (_amount(option.monthly_usd), _items(option, "monthly"))
                   if option.monthly_usd else "none")
        once = ("<strong>%s</strong>: %s" % (_amount(option.one_off_usd), _items(option, "one-off"))
                if option.one_off_usd else "none")
        rows.append((escape(option.label), per_query, monthly, once))
        ids.append("worked-" + option_id)
    lines = [intro] + stacked_table(
        "worked-figures", "What each approach costs at the default inputs, and how it adds up (US dollars).",
        ("Approach", "Per 1,000 queries", "Monthly", "Once"), rows, ids=ids)
    cheapest = comparison.option(comparison.cheapest)
    lines.append("<p>Over %s at %s, <strong>%s</strong> costs least: %s in all.</p>"
                 % (plural(inputs.horizon_months, "month"),
                    plural(int(inputs.queries_per_day), "query a day", "queries a day"),
                    escape(cheapest.label), money(cheapest.total_usd)))
    return "\n".join(lines)


def break_even_html(comparison: "CostComparison", presets: "Iterable[Preset]", compare: "Compare") -> str:
    """Where fine-tuning pays for itself: the verdict at the defaults, then each preset's break-even.

    Args:
        comparison: The comparison at the default inputs.
        presets: `presets.PRESETS`.
        compare: The cost model's `compare`.

    Returns:
        A paragraph with the default verdict, then a
        `<table class="dc-table dc-table--stack break-evens">` with one row per preset.
    """
    presets = tuple(presets)
    rows = []
    for preset in presets:
        other = compare({"preset": preset.id})
        rows.append((escape(preset.label), price(1000 * other.rag.per_query_usd),
                     price(1000 * other.fine_tuning.per_query_usd), escape(_break_even(other))))
    caption = ("Each preset at the other default inputs: what a request costs, and the volume above which "
               "fine-tuning costs less than RAG over %s (US dollars per 1,000 queries)."
               % escape(plural(comparison.horizon_months, "month")))
    lines = ['<p class="dc-verdict"><strong>%s</strong></p>' % escape(comparison.break_even_sentence)]
    lines += stacked_table("break-evens", caption, ("Preset", "RAG", "Fine-tuned", "Fine-tuning is cheaper"), rows,
                           ids=["break-even-" + preset.id for preset in presets])
    return "\n".join(lines)


CACHED_PROMPT_PAGES: "tuple[int, ...]" = (20, 50, 100, 200, 500, 1000, 2000)
"""The knowledge-base sizes, in pages, the cost page compares the cached prompt and RAG at."""


def cached_prompt_html(comparison: "CostComparison", small: "Threshold", compare: "Compare") -> str:
    """The whole knowledge base in a cached prompt: the default model's limits, its cost, and where RAG wins.

    Args:
        comparison: The comparison at the default inputs.
        small: The derived `small-knowledge-base` threshold.
        compare: The cost model's `compare`.

    Returns:
        Two paragraphs and a `<table class="dc-table dc-table--stack cached-prompt">` of the cached
        prompt against RAG at several knowledge sizes.
    """
    inputs = comparison.inputs
    lines = [
        "<p>%s (%s, checked %s.)</p>" % (escape(small.text), escape(small.source), _date(small.as_of)),
        "<p>%s</p>" % escape(comparison.long_context_sentence),
    ]
    rows = []
    for pages in CACHED_PROMPT_PAGES:
        other = compare({"knowledge_pages": pages})
        cached, rag = other.long_context, other.rag
        if cached.available:
            cells = (money(cached.total_usd), money(rag.total_usd),
                     "Cached prompt" if cached.total_usd < rag.total_usd else "RAG")
        else:
            cells = ("does not fit", money(rag.total_usd), "RAG")
        rows.append(("%s (about %s tokens)" % (escape(plural(pages, "page")),
                                               escape(number(other.inputs.knowledge_tokens))),)
                    + tuple(escape(cell) for cell in cells))
    caption = ("The cached prompt against RAG at %s, by knowledge size: cost over %s (US dollars)."
               % (escape(plural(int(inputs.queries_per_day), "query a day", "queries a day")),
                  escape(plural(inputs.horizon_months, "month"))))
    lines += stacked_table("cached-prompt", caption, ("Knowledge base", "Cached prompt", "RAG", "Cheaper"), rows)
    return "\n".join(lines)


def availability_html(routes: "Iterable[FineTuningRoute]", closed: "Iterable[tuple[str, Fact]]") -> str:
    """Who can still fine-tune where, and until when: each route, then the providers that stopped.

    Args:
        routes: `presets.ROUTES`.
        closed: `(provider, fact)` for each provider that no longer fine-tunes.

    Returns:
        A `<table class="dc-table dc-table--stack availability">`.
    """
    from decision_core.framework.facts import get_fact

    rows, ids = [], []
    for route in routes:
        fact = get_fact(route.open_fact)
        who = ("Existing customers only. " if route.legacy else "") + fact.text
        training = "until " + _date(route.training_until) if route.training_until else "no end date announced"
        serving = "until " + _date(route.serving_until) if route.serving_until else "no end date announced"
        rows.append((escape(route.provider), escape(who) + _mark(fact.marking), training, serving,
                     _date(fact.checked)))
        ids.append("availability-" + route.id)
    for provider, fact in closed:
        rows.append((escape(provider), "No one. " + escape(fact.text), "none", "none", _date(fact.checked)))
        ids.append(None)
    return "\n".join(stacked_table(
        "availability", "Where a client can fine-tune, and until when.",
        ("Provider", "Who can use it", "New training jobs", "Fine-tuned models answer", "Checked"), rows, ids=ids))


def facts_html(facts: "Iterable[Fact]") -> str:
    """Every stale-able fact with its status, the date it was checked and the date it ends.

    Args:
        facts: `facts.FACTS`.

    Returns:
        A `<table class="dc-table dc-table--stack facts">`; each row has the id `fact-<id>`.
    """
    facts = tuple(facts)
    rows = [("<code>%s</code>" % escape(fact.id), escape(fact.text) + _mark(fact.marking), _date(fact.checked),
             _date(fact.ends) if fact.ends else "not known", escape(fact.source)) for fact in facts]
    return "\n".join(stacked_table(
        "facts", "The facts that expire: each checked on a date, some with a date they stop being true.",
        ("Fact", "What is true", "Checked", "Ends", "Source"), rows, ids=["fact-" + fact.id for fact in facts]))
