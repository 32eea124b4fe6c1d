"""The engine: the public scenarios, the framework's reasoning, and properties of every recommendation."""

import json
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_core.model.answers import validate_answers
from decision_core.model.engine import (
    Change,
    Recommendation,
    decide,
    enough_examples,
    fine_tuning_cost,
    recommend,
    ticked_criteria,
    usable_examples,
)
from decision_core.base.errors import DecisionError, InvalidAnswers
from decision_core.framework.rules import OUTCOMES
from decision_core.framework.sections import SECTIONS, section_url

SCENARIOS = pathlib.Path(__file__).parents[1] / "scenarios" / "public.json"
PUBLIC_CASES = json.loads(SCENARIOS.read_text(encoding="utf-8"))

SECTION_IDS = {section.id for section in SECTIONS}
SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared" / "scenarios" / "public.json"
BASE = {"knowledge_change": "static", "need": "behaviour", "labelled_examples": 2000, "data_quality": "high",
        "queries_per_day": 1000, "latency_budget_ms": 3000, "budget_usd": 50000, "needs_citations": False}




def _choice(**changes):
    raw = dict(BASE)
    raw.update(changes)
    return recommend(raw).choice


@pytest.mark.parametrize("case", PUBLIC_CASES, ids=[case["id"] for case in PUBLIC_CASES])
def test_public_scenarios_reach_their_expected_outcome(case):
    """Every public client scenario gets the framework's expected recommendation."""
    if case["expected"] == "error":
        with pytest.raises(InvalidAnswers) as caught:
            recommend(case["answers"])
        required = [f for f in ("knowledge_change", "need", "labelled_examples", "queries_per_day")
                    if f not in case["answers"]]
        assert caught.value.fields == required
        for field in required:
            assert field in str(caught.value)
    else:
        assert recommend(case["answers"]).choice == case["expected"]


@pytest.mark.skipif(not SHARED.exists(), reason="no ../shared checkout next to the repository")
def test_scenarios_copy_matches_the_shared_file():
    """scenarios/public.json is an exact copy of the shared scenarios."""
    assert json.loads(SCENARIOS.read_text()) == json.loads(SHARED.read_text())


@pytest.mark.parametrize("change", ["monthly", "weekly", "daily", "real-time"])
def test_changing_knowledge_points_to_retrieval(change):
    """Knowledge that changes monthly or faster points to RAG when the need is knowledge."""
    assert _choice(knowledge_change=change, need="knowledge") == "rag"


def test_weekly_changes_favour_retrieval():
    """Knowledge that changes weekly points to RAG."""
    assert _choice(knowledge_change="weekly", need="knowledge", labelled_examples=0) == "rag"


def test_knowledge_needs_get_rag_with_static_data_and_many_examples_at_low_volume():
    """Static knowledge and many good examples still get RAG below the cost model's break-even."""
    assert _choice(need="knowledge", labelled_examples=50000, queries_per_day=10000) == "rag"


def test_citations_keep_a_static_high_volume_knowledge_need_on_rag():
    """Answers that must cite sources keep RAG, whatever the volume."""
    assert _choice(need="knowledge", labelled_examples=50000, queries_per_day=5000000,
                   needs_citations=True) == "rag"


def test_at_todays_prices_no_volume_counts_as_high():
    """With no break-even at today's default prices, five million requests a day tick no high-volume row."""
    result = recommend(dict(BASE, need="knowledge", labelled_examples=50000, queries_per_day=5000000,
                            latency_budget_ms=150))
    assert "ft-high-volume" not in result.criteria
    assert "break-even" not in [reason.section for reason in result.reasons]


@pytest.mark.usefixtures("break_even_line")
def test_static_knowledge_above_break_even_with_good_examples_is_fine_tuning():
    """Static knowledge, no citations, enough good examples and a volume above break-even: fine-tuning pays."""
    result = recommend(dict(BASE, need="knowledge", labelled_examples=50000, queries_per_day=5000000,
                            latency_budget_ms=150))
    assert result.choice == "fine-tuning"
    assert "break-even" in [reason.section for reason in result.reasons]
    assert "facts-in-weights" in [caveat.id for caveat in result.caveats]


def test_behaviour_with_enough_good_examples_is_fine_tuning():
    """A behaviour need with 500+ high-quality examples gets fine-tuning."""
    assert _choice(labelled_examples=500) == "fine-tuning"


@pytest.mark.parametrize(("examples", "quality"), [
    (499, "high"), (0, "unknown"), (5000, "low"), (5000, "unknown"), (999, "mixed")])
def test_behaviour_without_enough_good_examples_is_prompt_first(examples, quality):
    """Too few, low-quality or unchecked examples send a behaviour need to prompt engineering first."""
    assert _choice(labelled_examples=examples, data_quality=quality) == "prompt-first"


def test_mixed_examples_count_at_half():
    """Mixed-quality examples count at half: 1,000 of them are enough, 999 are not."""
    answers = validate_answers(dict(BASE, data_quality="mixed", labelled_examples=1000))
    assert usable_examples(answers) == 500 and enough_examples(answers)
    assert _choice(data_quality="mixed", labelled_examples=1000) == "fine-tuning"


def test_budget_below_training_cost_rules_out_fine_tuning():
    """A launch budget below the least fine-tuning costs keeps a behaviour need on prompts."""
    assert fine_tuning_cost(validate_answers(BASE)) == 500
    assert _choice(budget_usd=499) == "prompt-first"
    assert _choice(budget_usd=500) == "fine-tuning"
    assert _choice(budget_usd=None) == "fine-tuning"


def test_fine_tuning_cost_includes_labelling_the_missing_examples():
    """With 100 good examples, labelling the other 400 adds to the training cost."""
    assert fine_tuning_cost(validate_answers(dict(BASE, labelled_examples=100))) == 500 + 400 * 5


@pytest.mark.parametrize("change", ["occasional", "monthly", "daily", "real-time"])
def test_changing_knowledge_and_specialised_behaviour_is_both(change):
    """Knowledge that changes at all plus a behaviour backed by good examples gets both."""
    assert _choice(need="both", knowledge_change=change) == "both"


def test_static_knowledge_and_behaviour_can_be_fine_tuned_alone():
    """With static knowledge and no citations, good examples can teach both: fine-tuning suffices."""
    assert _choice(need="both") == "fine-tuning"


def test_citations_keep_retrieval_in_a_combined_need():
    """Citations need retrieval, so static knowledge with citations still gets both."""
    assert _choice(need="both", needs_citations=True) == "both"


@pytest.mark.parametrize(("examples", "quality", "budget"), [
    (600, "low", 35000), (0, "unknown", 35000), (5000, "high", 100)])
def test_combined_need_without_good_data_or_budget_starts_with_rag(examples, quality, budget):
    """Without enough good examples, or the budget to train, a combined need starts with RAG."""
    assert _choice(need="both", knowledge_change="weekly", labelled_examples=examples,
                   data_quality=quality, budget_usd=budget) == "rag"


def test_low_quality_data_adds_a_data_quality_caveat():
    """Low-quality examples bring a data-quality caveat linking to its section."""
    result = recommend(dict(BASE, need="both", knowledge_change="occasional", data_quality="low"))
    caveat = [c for c in result.caveats if c.id == "data-quality-low"][0]
    assert caveat.link == section_url("data-quality")


@pytest.mark.usefixtures("break_even_line")
def test_high_volume_and_tight_latency_strengthen_fine_tuning():
    """High volume and a budget retrieval would break appear as reasons for fine-tuning."""
    result = recommend(dict(BASE, queries_per_day=3000000, latency_budget_ms=150))
    fields = [reason.field for reason in result.reasons]
    assert "queries_per_day" in fields and "latency_budget_ms" in fields


def test_volume_alone_does_not_overturn_rag_for_changing_knowledge():
    """A million real-time queries a day under 800 ms still get RAG, with a fast-retrieval reason."""
    result = recommend(dict(BASE, knowledge_change="real-time", need="knowledge", labelled_examples=0,
                            queries_per_day=1000000, latency_budget_ms=800))
    assert result.choice == "rag"
    assert "retrieval-latency" in [caveat.id for caveat in result.caveats]


@pytest.mark.parametrize(("choice", "present", "absent"), [
    ("fine-tuning", {"fine-tuning-availability", "base-model-retirement", "evaluation-set", "low-volume"},
     {"long-context", "permissions"}),
    ("both", {"fine-tuning-availability", "long-context", "permissions", "evaluation-set"}, {"low-volume"}),
    ("rag", {"long-context", "permissions", "evaluation-set"}, {"fine-tuning-availability"}),
    ("prompt-first", {"evaluation-set", "structured-outputs"}, {"fine-tuning-availability", "long-context"}),
])
def test_caveats_follow_the_choice(choice, present, absent):
    """Each outcome carries its own caveats: availability for fine-tuning, long context for RAG..."""
    raw = {"fine-tuning": BASE, "both": dict(BASE, need="both", knowledge_change="daily"),
           "rag": dict(BASE, need="knowledge"), "prompt-first": dict(BASE, labelled_examples=0)}[choice]
    result = recommend(raw)
    ids = {caveat.id for caveat in result.caveats}
    assert result.choice == choice and present <= ids and not ids & absent


def test_fine_tuning_with_changing_knowledge_warns_to_keep_facts_out():
    """Fine-tuning a behaviour while the knowledge changes warns to keep facts in the prompt."""
    result = recommend(dict(BASE, knowledge_change="weekly"))
    assert result.choice == "fine-tuning"
    assert "changing-knowledge" in [caveat.id for caveat in result.caveats]


def test_changes_name_the_threshold_that_would_flip_the_outcome():
    """Below 500 good examples, the change list names 500 high-quality ones as leading to fine-tuning."""
    result = recommend(dict(BASE, labelled_examples=120))
    change = [c for c in result.changes if c.field == "labelled_examples"][0]
    assert (change.value, change.choice) == (500, "fine-tuning")
    assert change.text == ("If you had 500 high-quality labelled examples, "
                           "the recommendation would be fine-tuning.")


def test_changes_are_sorted_by_field_then_outcome():
    """Changes come in FIELDS order, then OUTCOMES order, one per field and outcome."""
    result = recommend(dict(BASE, need="both", knowledge_change="daily"))
    from decision_core.framework.questions import FIELDS
    order = [f.name for f in FIELDS]
    outcomes = [o.id for o in OUTCOMES]
    keys = [(order.index(c.field), outcomes.index(c.choice)) for c in result.changes]
    assert keys == sorted(keys) and len(keys) == len(set(keys))


def test_support_counts_the_ticked_table_rows():
    """Support is the decision-table tally of the rows the answers tick, in OUTCOMES order."""
    result = recommend(PUBLIC_CASES[1]["answers"])  # S02: 3 million a day, but no break-even at today's prices
    assert result.support == (("rag", 0), ("fine-tuning", 3), ("both", 0), ("prompt-first", 0))
    assert result.criteria == ticked_criteria(result.answers)


def test_to_dict_is_json_with_the_documented_keys():
    """to_dict is JSON-able and holds choice, headline, reasons, support, caveats, changes and answers."""
    result = recommend(PUBLIC_CASES[0]["answers"])
    data = json.loads(json.dumps(result.to_dict()))
    assert {"choice", "headline", "reasons", "support", "caveats", "changes", "answers"} <= set(data)
    assert set(data["reasons"][0]) == {"text", "link", "field", "section"}
    assert set(data["caveats"][0]) == {"id", "text", "section", "link"}
    assert data["answers"] == result.answers.to_dict()
    assert data["link"] == "recommendation/#outcome-rag"
    assert repr(result) == "Recommendation('rag')"


def test_recommend_accepts_answers_and_is_deterministic():
    """recommend takes Answers as well as a dict, and the same input gives the same output."""
    answers = validate_answers(BASE)
    assert recommend(answers).to_dict() == recommend(dict(BASE)).to_dict()


def test_change_has_a_dict_and_repr():
    """A change converts to a dict and shows its field, value and outcome."""
    change = Change("need", "both", "both", "text")
    assert change.to_dict() == {"field": "need", "value": "both", "choice": "both", "text": "text"}
    assert repr(change) == "Change('need', 'both', 'both')"


def test_recommendation_can_be_built_directly():
    """Recommendation's constructor looks up the outcome from the choice."""
    answers = validate_answers(BASE)
    result = Recommendation("both", "h", (), (), (), (), (), answers)
    assert result.outcome.id == "both" and result.link == "recommendation/#outcome-both"


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_valid_answer_set_gets_a_linked_recommendation(answer_sets, data):
    """Every valid answer set gets a choice whose reasons and caveats link to known sections."""
    result = recommend(data.draw(answer_sets))
    assert result.choice in [outcome.id for outcome in OUTCOMES]
    assert result.reasons and result.caveats and result.headline
    for item in result.reasons + result.caveats:
        assert item.section in SECTION_IDS and item.link == section_url(item.section) and item.text
    for reason in result.reasons:
        assert hasattr(result.answers, reason.field)
    json.dumps(result.to_dict())


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_listed_change_really_changes_the_outcome(answer_sets, data):
    """Applying any listed change and recommending again gives the change's outcome."""
    result = recommend(data.draw(answer_sets))
    for change in result.changes:
        again = recommend(result.answers.replace(**{change.field: change.value}))
        assert again.choice == change.choice != result.choice
        assert change.text.endswith(again.outcome.name + ".")


@settings(max_examples=200)
@given(data=st.data())
def test_garbage_answers_raise_only_decision_errors(json_values, near_answer_sets, data):
    """Random JSON-like values and damaged answer sets either get a recommendation or raise InvalidAnswers."""
    for raw in (data.draw(json_values), data.draw(near_answer_sets)):
        try:
            assert decide(validate_answers(raw)) == recommend(raw).choice
        except DecisionError as error:
            assert isinstance(error, InvalidAnswers)


def test_both_needs_the_budget_for_both():
    """Changing knowledge and behaviour with a budget below both-budget-min starts with RAG."""
    assert _choice(need="both", knowledge_change="daily", budget_usd=4999) == "rag"
    assert _choice(need="both", knowledge_change="daily", budget_usd=5000) == "both"
    assert _choice(need="both", knowledge_change="static", budget_usd=2000) == "fine-tuning"
    change = [c for c in recommend(dict(BASE, need="both", knowledge_change="daily", budget_usd=2000)).changes
              if c.field == "budget_usd"]
    assert [(c.value, c.choice) for c in change] == [(5000, "both")]
