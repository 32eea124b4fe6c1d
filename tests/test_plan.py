"""The plan: ordered steps to the recommended architecture, each with its effort, cost and signal."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_core.framework.effort import APPROACHES
from decision_core.model.costs import compare
from decision_core.model.engine import recommend
from decision_core.model.plan import Step, people_cost
from decision_core.model.thresholds import threshold
from decision_core.base.format import about

BASE = {"knowledge_change": "static", "need": "behaviour", "labelled_examples": 2000, "data_quality": "high",
        "queries_per_day": 1000, "latency_budget_ms": 3000, "budget_usd": 50000, "needs_citations": False}

ENDS = {"rag": ("rag", "long-context"), "fine-tuning": ("fine-tuning",), "both": ("fine-tuning",),
        "prompt-first": ("prompt",)}
"""Where a plan for each outcome ends (the scenarios README)."""

LINE_PAGES = threshold("small-knowledge-base").value / 500
"""The cached-prompt line in pages: the `small-knowledge-base` threshold (tokens) at 500 tokens a page."""


def _approaches(**changes):
    return [step.approach for step in recommend(dict(BASE, **changes)).plan]


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_every_plan_ends_where_the_choice_says_with_known_approaches(answer_sets, data):
    """A plan uses only prompt, long-context, rag and fine-tuning, ends where its choice says, and a plan for
    both holds a knowledge step and a fine-tuning step, the knowledge first."""
    result = recommend(data.draw(answer_sets))
    approaches = [step.approach for step in result.plan]
    assert set(approaches) <= set(APPROACHES) and len(approaches) == len(set(approaches))
    assert approaches[-1] in ENDS[result.choice]
    if result.choice == "both":
        assert approaches[0] in ("rag", "long-context") and approaches[-1] == "fine-tuning"
    assert [step.label for step in result.plan] == ["Now", "Next", "Later"][:len(approaches)]
    assert result.plan[-1].until is None
    for step in result.plan[:-1]:
        assert step.until.startswith("when")


@settings(max_examples=400, deadline=None)
@given(data=st.data(), pages=st.integers(min_value=0, max_value=10**7))
def test_a_small_knowledge_base_starts_in_a_cached_prompt_and_a_large_one_never_does(answer_sets, data, pages):
    """Where the knowledge is supplied (RAG, both, or trained in), a knowledge base within 400 pages that does
    not change by the minute starts with the whole of it in a cached prompt; a larger one never does."""
    raw = dict(data.draw(answer_sets), knowledge_pages=pages)
    result = recommend(raw)
    first = result.plan[0].approach
    supplied = result.choice in ("rag", "both") or (
        result.choice == "fine-tuning" and result.answers.need != "behaviour")
    if pages > LINE_PAGES or not supplied:
        assert first != "long-context"
    elif result.answers.knowledge_change != "real-time":
        assert first == "long-context"


@pytest.mark.parametrize(("changes", "approaches"), [
    ({"labelled_examples": 0}, ["prompt"]),
    ({}, ["prompt", "fine-tuning"]),
    ({"need": "knowledge", "knowledge_change": "weekly"}, ["rag"]),
    ({"need": "knowledge", "knowledge_change": "weekly", "knowledge_pages": 120}, ["long-context", "rag"]),
    ({"need": "knowledge", "knowledge_change": "real-time", "knowledge_pages": 120}, ["rag"]),
    ({"need": "both", "knowledge_change": "daily"}, ["rag", "fine-tuning"]),
    ({"need": "both", "knowledge_change": "daily", "knowledge_pages": 50}, ["long-context", "fine-tuning"]),
    ({"need": "both", "knowledge_change": "daily", "data_quality": "low"}, ["rag"]),
    ({"need": "knowledge", "labelled_examples": 50000, "queries_per_day": 5000000}, ["rag", "fine-tuning"]),
    ({"need": "knowledge", "labelled_examples": 50000, "queries_per_day": 5000000, "knowledge_pages": 10},
     ["long-context", "fine-tuning"]),
])
@pytest.mark.usefixtures("break_even_line")
def test_plan_shapes(changes, approaches):
    """Prompt work before fine-tuning a behaviour; the knowledge side before fine-tuning for both; a cached
    prompt before retrieval when the knowledge fits one; nothing after the target."""
    assert _approaches(**changes) == approaches


def test_a_both_plan_is_retrieval_now_and_fine_tuning_next_on_a_measured_signal():
    """The retrieval step carries the behaviour in the prompt; fine-tuning follows when the evaluation set
    shows the named behaviour still wrong in more than 1 answer in 10."""
    now, later = recommend(dict(BASE, need="both", knowledge_change="daily", behaviour_kinds=["tone"])).plan
    assert (now.label, now.approach, later.label, later.approach) == ("Now", "rag", "Next", "fine-tuning")
    assert "Carry the behaviour in the prompt for now" in now.text
    assert now.until == ("when, with the knowledge supplied, your evaluation set still shows errors of tone in "
                         "more than 1 answer in 10 after prompt work")
    assert "retrieved" not in later.text or "passages the model is given" in later.text


def test_a_cached_prompt_says_when_to_add_retrieval():
    """The whole-knowledge step names the knowledge's size and moves on when it outgrows the cached-prompt line."""
    first, second = recommend(dict(BASE, need="knowledge", knowledge_change="monthly", knowledge_pages=150)).plan
    assert "about 150 pages, some 75,000 tokens" in first.text
    assert first.until.startswith("when the knowledge outgrows about %s pages" % about(LINE_PAGES))
    assert second.approach == "rag" and "vector database" in second.text


@pytest.mark.parametrize(("kinds", "words"), [
    (["tone"], "Write the voice into the system prompt"),
    (["format"], "structured outputs with your schema"),
    (["reasoning"], "Spell out the steps your experts follow"),
    ([], "Write the behaviour you want into the prompt"),
])
def test_the_prompt_step_fits_the_kind_of_behaviour(kinds, words):
    """Tone, a format or reasoning each get their own prompt work; unstated gets the general sentence."""
    step = recommend(dict(BASE, behaviour_kinds=kinds)).plan[0]
    assert step.approach == "prompt" and words in step.text and "evaluation set" in step.text


def test_a_real_time_plan_looks_the_data_up_live():
    """Data that changes by the minute is fetched from its system at answer time, not indexed."""
    step = recommend(dict(BASE, need="knowledge", knowledge_change="real-time", labelled_examples=0)).plan[0]
    assert "Fetch the live data from its own system" in step.text and "Index your documents" not in step.text


def test_steps_say_how_long_and_what_they_cost_in_people_and_running():
    """Retrieval takes one to two weeks, 5 to 10 person-days at $800 ($4,000 to $8,000), and costs what the
    cost model says to run a month at the client's volume."""
    step = recommend(dict(BASE, need="knowledge", knowledge_change="weekly", queries_per_day=5000)).plan[0]
    assert step.time == "one to two weeks"
    assert step.cost.startswith("about $4,000 to $8,000 of people's time (5 to 10 person-days at about $800 a day)")
    option = compare({"queries_per_day": 5000}).option("rag")
    monthly = option.monthly_usd + option.per_query_usd * 5000 * 30
    assert 0.8 * monthly < float(step.cost.split("then about $")[1].split(" ")[0].replace(",", "")) < 1.2 * monthly


def test_a_volume_beyond_the_cost_model_leaves_the_running_cost_out():
    """Beyond the cost model's range of volumes, a step states people's time only."""
    step = recommend(dict(BASE, need="knowledge", knowledge_change="weekly", queries_per_day=10**11)).plan[0]
    assert "a month to run" not in step.cost


def test_people_cost_is_effort_times_the_day_rate():
    """Fine-tuning takes 20 to 60 person-days: $16,000 to $48,000 at $800 a day."""
    assert (people_cost("fine-tuning"), people_cost("fine-tuning", high=True)) == (16000, 48000)


def test_a_step_converts_to_the_contracts_dictionary():
    """A step's dictionary holds the contract's approach, text and until, with its label, time, cost and link."""
    step = Step("Now", "rag", "Retrieval (RAG)", "Do it.", "a week", "$1", None, "outcome-rag")
    assert step.to_dict() == {"approach": "rag", "text": "Do it.", "until": None, "label": "Now",
                              "title": "Retrieval (RAG)", "time": "a week", "cost": "$1",
                              "link": "recommendation/#outcome-rag"}
