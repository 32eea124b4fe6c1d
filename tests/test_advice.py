"""The words of a recommendation: reasons, caveats and change sentences."""

import pytest

from decision_core.model.advice import Caveat, Reason, caveats_for, change_text, reasons_for
from decision_core.model.answers import validate_answers
from decision_core.model.engine import recommend

BASE = {"knowledge_change": "static", "need": "behaviour", "labelled_examples": 2000, "data_quality": "high",
        "queries_per_day": 1000, "latency_budget_ms": 3000, "budget_usd": 50000, "needs_citations": False}


def _reasons(**changes):
    return [reason.text for reason in recommend(dict(BASE, **changes)).reasons]




def test_reason_and_caveat_links_come_from_their_section():
    """A reason or caveat built without a link gets its section's URL."""
    assert Reason("t", "need", "q2-behaviour-or-knowledge").link == "framework/#q2-behaviour-or-knowledge"
    assert Caveat("c", "t", "permissions").to_dict() == {
        "id": "c", "text": "t", "section": "permissions", "link": "authorities/#permissions"}
    assert repr(Reason("t", "need", "research", "x")) == "Reason('need', 'research')"
    assert repr(Caveat("c", "t", "research")) == "Caveat('c')"


@pytest.mark.parametrize(("changes", "words"), [
    ({"labelled_examples": 0}, "You have no labelled examples yet"),
    ({"labelled_examples": 600, "data_quality": "low"}, "Your 600 examples are inconsistent"),
    ({"labelled_examples": 600, "data_quality": "unknown"}, "Nobody has checked your 600 examples"),
    ({"labelled_examples": 600, "data_quality": "mixed"}, "leave about 300 good ones"),
    ({"labelled_examples": 120}, "120 examples are fewer than the 500"),
    ({"labelled_examples": 20000}, "far above the 500 to 10,000"),
    ({"labelled_examples": 2000}, "2,000 high-quality examples clear the 500"),
    ({"budget_usd": 100}, "Your budget of $100 is below the $500"),
    ({"queries_per_day": 200000}, "At 200,000 requests a day"),
    ({"latency_budget_ms": 250}, "leaves no room for a retrieval step"),
    ({"latency_budget_ms": 900}, "With a 900 ms budget"),
])
@pytest.mark.usefixtures("break_even_line")
def test_reasons_explain_the_data_budget_volume_and_latency(changes, words):
    """Reasons cite the examples, the budget, volume and latency in the client's own numbers."""
    assert any(words in text for text in _reasons(**changes))


def test_static_knowledge_reasons_differ_by_outcome():
    """Static knowledge is a reason for fine-tuning, and a research note for RAG."""
    assert any("stable" in text for text in _reasons())
    rag = recommend(dict(BASE, need="knowledge")).reasons
    assert any(reason.section == "research" for reason in rag)


def test_both_reasons_mention_the_budget():
    """A combined recommendation says the budget covers training as well as retrieval."""
    assert any("leaves room for training" in text for text in _reasons(need="both", knowledge_change="daily"))


@pytest.mark.usefixtures("break_even_line")
def test_rag_under_volume_explains_why_not_fine_tuning():
    """RAG at high volume says volume alone does not justify fine-tuning."""
    assert any("Volume and speed alone" in text
               for text in _reasons(need="knowledge", knowledge_change="daily", queries_per_day=10**6))


@pytest.mark.parametrize(("field", "value", "start"), [
    ("knowledge_change", "weekly", "If your knowledge changed every week"),
    ("need", "both", "If the model needed both new knowledge and new behaviour"),
    ("data_quality", "mixed", "If your examples were of mixed quality"),
    ("needs_citations", True, "If answers had to show their sources"),
    ("needs_citations", False, "If answers did not have to show their sources"),
    ("latency_budget_ms", None, "If you had no hard latency budget"),
    ("latency_budget_ms", 300, "If your latency budget were 300 ms"),
    ("budget_usd", None, "If you had not set a budget"),
    ("budget_usd", 1250.5, "If your launch budget were $1,250.50"),
    ("labelled_examples", 0, "If you had no labelled examples"),
    ("labelled_examples", 500, "If you had 500 high-quality labelled examples"),
    ("queries_per_day", 100000, "If you expected 100,000 requests a day"),
])
def test_change_sentences_read_naturally(field, value, start):
    """Each field has a natural sentence for its change, ending with the outcome's name."""
    changed = validate_answers(dict(BASE, **{field: value}))
    assert change_text(changed, field, "both") == start + ", the recommendation would be RAG and fine-tuning together."


def test_unchecked_examples_are_not_called_unchecked_in_change_sentences():
    """With unknown quality, the sentence gives the count without a quality word."""
    changed = validate_answers(dict(BASE, data_quality="unknown", labelled_examples=500))
    assert change_text(changed, "labelled_examples", "rag").startswith("If you had 500 labelled examples,")


def test_reasons_and_caveats_can_be_asked_for_directly():
    """reasons_for and caveats_for work from the engine's signals."""
    answers = validate_answers(BASE)
    signals = {"enough": True, "affordable": True, "cost": 500, "usable": 2000, "high_volume": False,
               "tight_latency": False, "retrieval_breaks_latency": False}
    assert reasons_for(answers, "fine-tuning", signals)[0].field == "need"
    assert caveats_for(answers, "fine-tuning", signals)[-1].id == "evaluation-set"


def test_rag_for_a_small_budget_says_both_must_wait():
    """When the budget covers training but not both, the reason says to add fine-tuning later."""
    assert any("add fine-tuning when the budget allows" in text
               for text in _reasons(need="both", knowledge_change="weekly", budget_usd=2000))


@pytest.mark.parametrize(("budget", "words"), [
    (5000, "would cost some $3,000 (at $5 an example), within your budget of $5,000"),
    (1000, "would cost some $3,000 (at $5 an example), more than your budget of $1,000"),
])
def test_prompt_first_prices_the_missing_examples(budget, words):
    """Without enough examples, the reasons price labelling and training against the budget."""
    assert any(words in text for text in _reasons(labelled_examples=0, budget_usd=budget))


def test_combined_need_fine_tuned_alone_says_why_no_retrieval():
    """When a combined need gets fine-tuning alone, the first reason says why retrieval is not needed."""
    result = recommend(dict(BASE, need="both"))
    assert result.choice == "fine-tuning"
    assert "with no retrieval step" in result.reasons[0].text
