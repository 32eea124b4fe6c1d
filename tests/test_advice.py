"""The words of a recommendation: reasons that argue for the choice, counterpoints, caveats that fit the case."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_core.model.advice import Caveat, Reason, change_text, holds, resolve
from decision_core.model.answers import validate_answers
from decision_core.model.engine import facts_for, recommend
from decision_core.model.thresholds import threshold

BASE = {"knowledge_change": "static", "need": "behaviour", "labelled_examples": 2000, "data_quality": "high",
        "queries_per_day": 1000, "latency_budget_ms": 3000, "budget_usd": 50000, "needs_citations": False}


def _texts(items):
    return [item.text for item in items]


def _ids(items):
    return [item.id for item in items]


def test_reason_and_caveat_links_come_from_their_section():
    """A reason or caveat built without a link gets its section's URL."""
    assert Reason("t", "need", "q2-behaviour-or-knowledge").link == "framework/#q2-behaviour-or-knowledge"
    assert Caveat("c", "t", "permissions").to_dict() == {
        "id": "c", "text": "t", "section": "permissions", "link": "authorities/#permissions"}
    assert Reason("t", "need", "research", favours="rag").to_dict()["favours"] == "rag"


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_reasons_argue_for_the_choice_and_counterpoints_against_it(answer_sets, data):
    """No reason favours another outcome than the choice, at least one favours the choice itself, and every
    counterpoint favours another outcome."""
    result = recommend(data.draw(answer_sets))
    assert {reason.favours for reason in result.reasons} <= {result.choice, None}
    assert [reason for reason in result.reasons if reason.favours == result.choice]
    for point in result.counterpoints:
        assert point.favours not in (result.choice, None)


@pytest.mark.parametrize(("answers", "reason"), [
    (dict(BASE, need="knowledge", knowledge_change="weekly", labelled_examples=0), "need-knowledge-rag"),
    (dict(BASE, need="knowledge", labelled_examples=50000, queries_per_day=5000000), "need-knowledge-fine-tuning"),
    (BASE, "need-behaviour-fine-tuning"),
    (dict(BASE, labelled_examples=0), "need-behaviour-prompt-first"),
    (dict(BASE, need="both", knowledge_change="daily"), "need-both-both"),
    (dict(BASE, need="both", knowledge_change="daily", data_quality="low"), "need-both-rag"),
    (dict(BASE, need="both", queries_per_day=5000000), "need-both-fine-tuning"),
])
@pytest.mark.usefixtures("break_even_line")
def test_the_first_reason_is_about_the_need(answers, reason):
    """Every result opens with the one reason that ties the need to the choice."""
    assert recommend(answers).reasons[0].id == reason


def test_a_fine_tuning_result_never_argues_that_a_trained_model_lags():
    """Knowledge that changes a few times a year is no reason to fine-tune a behaviour; it is a caveat (keep
    changing facts out of the training set)."""
    result = recommend(dict(BASE, knowledge_change="occasional"))
    assert result.choice == "fine-tuning"
    assert not [text for text in _texts(result.reasons) if "lag" in text]
    assert "changing-knowledge" in _ids(result.caveats)


def test_a_rag_result_does_not_say_try_the_prompt_or_clean_examples_for_training():
    """A knowledge need that gets RAG carries no advice about prompt trials or training data."""
    result = recommend(dict(BASE, need="knowledge", knowledge_change="weekly", labelled_examples=600,
                            data_quality="mixed", budget_usd=3000))
    texts = " ".join(_texts(result.reasons + result.counterpoints + result.caveats))
    assert "try the prompt first" not in texts and "before training" not in texts


@pytest.mark.usefixtures("break_even_line")
def test_a_fine_tuning_near_the_break_even_is_warned_by_a_counterpoint():
    """Training knowledge in just above the break-even: a counterpoint says a price change could erase it."""
    result = recommend(dict(BASE, need="knowledge", labelled_examples=50000, queries_per_day=100000))
    assert result.choice == "fine-tuning"
    assert [point for point in result.counterpoints if point.id == "volume-repays-near"
            and point.favours == "rag" and point.text.startswith("You are near the line: 100,000")]


@pytest.mark.usefixtures("break_even_line")
def test_a_rag_result_at_high_volume_with_citations_says_what_keeps_retrieval():
    """Static knowledge above the break-even that must cite: the saving is a counterpoint, citations the reason."""
    result = recommend(dict(BASE, need="knowledge", labelled_examples=50000, queries_per_day=2000000,
                            needs_citations=True))
    assert result.choice == "rag"
    assert "volume-rag-citations" in _ids(result.counterpoints)
    assert "citations-retrieval" in _ids(result.reasons)


@pytest.mark.parametrize(("examples", "quality", "words"), [
    (0, "unknown", "You have no labelled examples yet"),
    (600, "low", "Your 600 examples are inconsistent"),
    (600, "unknown", "Nobody has checked your 600 examples"),
    (600, "mixed", "leave about 300 good ones"),
    (120, "high", "120 good examples are short of the 500"),
])
def test_a_shortfall_of_examples_is_explained_in_the_clients_numbers(examples, quality, words):
    """Why fine-tuning must wait, in the client's own numbers."""
    result = recommend(dict(BASE, labelled_examples=examples, data_quality=quality))
    assert result.choice == "prompt-first"
    assert [text for text in _texts(result.reasons) if words in text]


@pytest.mark.parametrize(("examples", "quality", "near"), [
    (450, "high", True), (349, "high", False), (800, "mixed", True), (450, "low", False)])
def test_near_the_example_line_a_counterpoint_says_so(examples, quality, near):
    """Between 70% and 100% of the 500 good examples, a counterpoint says the client is near the line."""
    result = recommend(dict(BASE, labelled_examples=examples, data_quality=quality))
    found = [point for point in result.counterpoints if point.id == "examples-near-below"]
    assert bool(found) is near
    if near:
        assert found[0].text.startswith("You are near the line:") and found[0].favours == "fine-tuning"


def test_just_above_the_example_line_the_reason_says_how_thin_it_is():
    """600 good examples clear the line, and the reason says it is enough for a narrow task only."""
    result = recommend(dict(BASE, labelled_examples=600))
    assert "examples-near-above" in _ids(result.reasons)


def test_unchecked_examples_that_would_be_enough_get_a_sample_review():
    """2,000 unchecked examples count for nothing today; the plan says what to check, and a counterpoint says
    they may already be enough."""
    result = recommend(dict(BASE, labelled_examples=2000, data_quality="unknown"))
    assert result.choice == "prompt-first"
    assert "review a random sample of about 50 of your 2,000 examples" in result.plan[0].text
    assert "examples-unchecked-enough" in _ids(result.counterpoints)


@pytest.mark.parametrize(("kinds", "present", "absent"), [
    (["format"], {"format-structured-outputs"}, {"behaviour-unknown"}),
    (["tone"], set(), {"format-structured-outputs", "behaviour-unknown"}),
    ([], {"behaviour-unknown"}, {"format-structured-outputs"}),
])
def test_structured_outputs_are_raised_only_for_a_format(kinds, present, absent):
    """Structured outputs come up when the behaviour includes a format, not for a need that is only tone; when
    the kind is unstated the result says so."""
    result = recommend(dict(BASE, behaviour_kinds=kinds))
    ids = set(_ids(result.counterpoints + result.caveats))
    assert present <= ids and not ids & absent


def test_reasoning_warns_that_it_needs_the_high_end_of_the_range():
    """Expert reasoning brings the caveat that it is the hardest behaviour to train."""
    assert "reasoning-examples" in _ids(recommend(dict(BASE, behaviour_kinds=["reasoning"])).caveats)


LINE_PAGES = threshold("small-knowledge-base").value / 500


@pytest.mark.parametrize(("share", "caveat"), [
    (None, "knowledge-size-unknown"), (0.85, "knowledge-size-near-below"), (1.2, "knowledge-size-near-above")])
def test_the_size_of_the_knowledge_decides_the_cached_prompt_caveat(share, caveat):
    """Unstated, the result says what it would need to know; within 30% of the cached-prompt line, it says the
    client is near it."""
    pages = None if share is None else int(LINE_PAGES * share)
    result = recommend(dict(BASE, need="knowledge", knowledge_change="weekly", knowledge_pages=pages))
    assert caveat in _ids(result.caveats)


def test_experts_label_reasoning_at_five_to_twenty_times_the_price():
    """Missing examples of expert reasoning are priced at an expert's rate: 80 x $5 x 5 = $2,000 to x 20 = $8,000."""
    step = recommend(dict(BASE, labelled_examples=420, behaviour_kinds=["reasoning"])).plan[0]
    assert "80 more would cost about $2,000 to $8,000" in step.text


def test_a_large_catalogue_is_never_told_to_put_it_in_the_prompt():
    """Two million product pages get no whole-knowledge-prompt advice."""
    result = recommend(dict(BASE, need="knowledge", knowledge_change="daily", knowledge_pages=2000000))
    texts = " ".join(_texts(result.caveats) + [step.text for step in result.plan])
    assert "cached prompt" not in texts and "BM25" in texts


@pytest.mark.parametrize(("budget", "present"), [
    (150000, "budget-covers-both"), (22000, "budget-near-both")])
def test_a_both_budget_counts_people_for_both_builds(budget, present):
    """A budget for both is weighed against both builds with their people's time (about $20,000 at least)."""
    result = recommend(dict(BASE, need="both", knowledge_change="daily", budget_usd=budget))
    reason = [item for item in result.reasons if item.id == present][0]
    assert "$20,000" in reason.text


@pytest.mark.parametrize(("budget", "reason", "words"), [
    (19000, "budget-short-both", "covers one build, not retrieval, fine-tuning and an evaluation set together"),
    (8000, "budget-short-training", "below the roughly $18,000 that fine-tuning costs at the least"),
])
def test_a_both_need_short_of_budget_starts_with_retrieval(budget, reason, words):
    """A need for both without the budget for both builds gets RAG now, and the reason prices what is missing
    in people's time: 23 person-days for fine-tuning alone, 25 for both."""
    result = recommend(dict(BASE, need="both", knowledge_change="daily", budget_usd=budget))
    assert result.choice == "rag"
    assert [item for item in result.reasons if item.id == reason and words in item.text]


def test_a_budget_below_the_first_step_is_a_caveat():
    """$1,000 pays for one person-day; the first step takes 3 to 5."""
    result = recommend(dict(BASE, labelled_examples=0, budget_usd=1000))
    caveat = [c for c in result.caveats if c.id == "budget-below-first-step"][0]
    assert "about 1 person-day at $800 a day" in caveat.text and "3 to 5 person-days" in caveat.text


def test_latency_against_both_is_a_counterpoint_not_a_reason():
    """A 250 ms budget speaks against the retrieval side of both: it is listed under what speaks against it."""
    result = recommend(dict(BASE, need="both", knowledge_change="daily", latency_budget_ms=250))
    assert result.choice == "both"
    assert "latency-squeezes-retrieval" in _ids(result.counterpoints)
    assert not [reason for reason in result.reasons if reason.field == "latency_budget_ms"]


def test_standard_caveats_are_marked_for_the_worked_examples():
    """Availability and permissions are standard caveats (the examples state them once)."""
    result = recommend(dict(BASE, need="both", knowledge_change="daily"))
    assert {c.id for c in result.caveats if c.standard} == {"fine-tuning-availability", "permissions"}


@pytest.mark.parametrize(("favours", "answers", "choice", "outcome"), [
    ("retrieval", dict(BASE, need="both", knowledge_change="daily"), "both", "both"),
    ("retrieval", dict(BASE, need="knowledge"), "rag", "rag"),
    ("retrieval", dict(BASE, need="both", queries_per_day=5000000), "fine-tuning", "both"),
    ("training", dict(BASE, need="both", knowledge_change="daily", data_quality="low"), "rag", "both"),
    ("training", BASE, "fine-tuning", "fine-tuning"),
    ("untrained", BASE, "fine-tuning", "prompt-first"),
    ("untrained", dict(BASE, need="both", knowledge_change="daily"), "both", "rag"),
    ("rag", BASE, "fine-tuning", "rag"),
    (None, BASE, "fine-tuning", None),
])
def test_roles_resolve_to_the_outcome_of_the_case(favours, answers, choice, outcome):
    """`retrieval`, `training` and `untrained` name the outcome that retrieves, trains or does neither here."""
    facts = facts_for(validate_answers(answers), choice)
    assert resolve(favours, facts) == outcome


def test_an_unknown_condition_is_an_error():
    """A typo in an advice row's conditions fails loudly, not silently false."""
    facts = facts_for(validate_answers(BASE), "fine-tuning")
    assert holds(facts, "not-citations") and holds(facts, "kinds-unknown") and not holds(facts, "kinds-tone")
    with pytest.raises(KeyError):
        holds(facts, "citation")


@pytest.mark.parametrize(("field", "move", "line", "choice", "text"), [
    ("knowledge_change", "weekly", "", "rag", "If your knowledge changed every week, the recommendation would be RAG."),
    ("data_quality", "mixed", "", "both",
     "If your examples were of mixed quality, the recommendation would be RAG and fine-tuning together."),
    ("needs_citations", "yes", "", "both",
     "If answers had to show their sources, the recommendation would be RAG and fine-tuning together."),
    ("needs_citations", "no", "", "fine-tuning",
     "If answers did not have to show their sources, the recommendation would be fine-tuning."),
    ("budget_usd", "up", "$20,000", "both",
     "With a launch budget of at least about $20,000, the recommendation would be RAG and fine-tuning together."),
    ("queries_per_day", "up", "91,000", "fine-tuning",
     "Above roughly 91,000 requests a day, the recommendation would be fine-tuning."),
])
def test_change_sentences_read_naturally(field, move, line, choice, text):
    """Each change reads as a line and a side of it (or a new answer), ending with the outcome's name."""
    assert change_text(field, move, line, choice) == text


def test_change_sentences_name_the_quality_of_the_examples():
    """Examples of known quality are named with it; the line for mixed examples is their raw count."""
    assert change_text("labelled_examples", "down", "500", "prompt-first", "high-quality ").startswith(
        "With fewer than about 500 high-quality examples,")


def test_without_a_cached_prompt_line_no_plan_or_caveat_offers_one(set_threshold):
    """If the cost model gives no cached-prompt limit, no plan starts there and no caveat names a size."""
    set_threshold("small-knowledge-base", None, "tokens")
    for pages in (None, 10, 100000):
        result = recommend(dict(BASE, need="knowledge", knowledge_change="weekly", knowledge_pages=pages))
        assert [step.approach for step in result.plan] == ["rag"]
        assert not [c for c in result.caveats if c.section == "long-context"]
