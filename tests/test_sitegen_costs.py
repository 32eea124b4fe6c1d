"""The generated economics: presets, worked figures, break-evens, the cached prompt, availability and facts."""

import html as _html
import re

from decision_core.framework.facts import FACTS, Fact, get_fact
from decision_core.framework.presets import CLOSED, DEFAULT_PRESET_ID, PRESETS, ROUTES
from decision_core.model.costs import compare
from decision_core.model.thresholds import threshold
from sitegen import costs
from tests.support.html import parse
from tests.test_sitegen_generators import HOSTILE, assert_no_raw_hostile_markup


def _text(html):
    """The words of well-formed HTML, a space between elements."""
    parse(html)
    words = " ".join(_html.unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return re.sub(r" ([.,:;)])", r"\1", words)


def test_presets_list_each_pair_then_each_model_and_route_once_with_markings():
    """The presets, then five base models and five routes, each described once with its marks and dates."""
    html = costs.presets_html(PRESETS, DEFAULT_PRESET_ID)
    ids = parse(html).ids()
    assert [i for i in ids if i.startswith("preset-")] == ["preset-" + preset.id for preset in PRESETS]
    assert len([i for i in ids if i.startswith("model-")]) == 5
    assert [i for i in ids if i.startswith("route-")] == ["route-" + route.id for route in ROUTES]
    words = _text(html)
    said = ("RAG on OpenAI gpt-6-luna vs fine-tuned Gemini 3.1 Flash-Lite (Google Vertex AI) (the default)",
            "$0.10 in, $0.01 cached, $0.125 cache write, $0.50 out",
            "above 272,000, the whole request at 2× input and 1.5× output prices",
            "$0.25 in, $1.50 out unconfirmed", "no token prices: the GPU hour pays for them estimate",
            "existing customers only; new training jobs until 2027-01-06; the fine-tuned model stops on 2027-01-14")
    assert [line for line in said if line not in words] == []


def test_worked_figures_add_up_line_by_line_as_worked_out_by_hand():
    """At the defaults, per 1,000 queries: RAG $0.25 + $0.15 + $0.004 = $0.404; the cached prompt $0.70.

    By hand: RAG reads 2,500,000 input tokens at $0.10/1M ($0.25) and writes 300,000 at $0.50/1M ($0.15) per
    1,000 queries, with 250 read units at $16/1M ($0.004); the cached prompt reads 50,000,000 cached tokens at
    $0.01/1M ($0.50), 500,000 at $0.10/1M ($0.05) and writes 300,000 at $0.50/1M ($0.15).
    """
    words = _text(costs.worked_figures_html(compare()))
    assert ("$0.404: input tokens (prompt and retrieved context) $0.25; output tokens $0.15; vector database "
            "reads $0.004") in words
    assert "$0.70: knowledge base read from the cache $0.50; input tokens (prompt) $0.05; output tokens $0.15" in words
    assert "$5,009: labelling training examples $5,000; training $9" in words
    assert "Over 12 months at 10,000 queries a day, RAG costs least: $2,054 in all." in words


def test_the_break_even_section_states_the_verdict_and_each_presets_line():
    """The default verdict in words, then each preset: never, or about so many queries a day."""
    words = _text(costs.break_even_html(compare(), PRESETS, compare))
    assert words.startswith("At today's prices a fine-tuned model is not cheaper per request than the cheapest "
                            "base model")
    assert "fine-tune for behaviour, not for cost" in words
    assert words.count("never: fine-tuned requests cost more") == 4
    for volume in ("24,000", "170,000", "190,000"):
        assert "above about %s queries a day" % volume in words


def test_the_cached_prompt_section_gives_the_limit_and_where_rag_wins_by_size():
    """The limit with Anthropic's rule of thumb beside it, then the cheaper approach at each size."""
    html = costs.cached_prompt_html(compare(), threshold("small-knowledge-base"), compare)
    words = _text(html)
    assert "Below about 271,000 tokens (some 540 pages)" in words
    assert "Introducing Contextual Retrieval' (2024-09-19)" in words
    rows = [line for line in html.split("\n") if line.startswith("<tr><th")]
    assert len(rows) == 7
    assert "Cached prompt</td></tr>" in rows[0] and "RAG</td></tr>" in rows[2]
    assert "does not fit" in rows[-1]


def test_availability_lists_each_route_and_the_providers_that_stopped():
    """Who can use each route and until when, then Anthropic and Cohere with no one."""
    closed = [(provider, get_fact(fact_id)) for provider, fact_id in CLOSED]
    words = _text(costs.availability_html(ROUTES, closed))
    assert "Google Vertex AI Google Vertex AI (now branded Gemini Enterprise Agent Platform) offers supervised" in words
    assert "to any customer." in words
    assert "OpenAI Existing customers only." in words and "until 2027-01-06 until 2027-01-14" in words
    assert "Microsoft Foundry (Azure OpenAI)" in words and "until 2027-04-14 until 2027-10-14" in words
    assert "Anthropic (Claude) No one." in words and "Cohere No one." in words


def test_the_facts_table_lists_every_fact_with_its_dates():
    """One row per fact: what is true, its marking, when it was checked and when it ends."""
    html = costs.facts_html(FACTS)
    ids = parse(html).ids()
    assert ids == ["fact-" + fact.id for fact in FACTS]
    assert "not known" in html and 'datetime="2027-10-14"' in html


def test_generated_economics_escape_what_they_are_given():
    """A hostile fact cannot inject markup into the facts table."""
    html = costs.facts_html([Fact("x", HOSTILE, HOSTILE, "2026-11-29", status="estimate")])
    assert_no_raw_hostile_markup(html)
