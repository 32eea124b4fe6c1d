"""The engine: the public scenarios, the framework's reasoning, and properties of every recommendation."""

import json
import pathlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_core.model.answers import validate_answers
from decision_core.model.engine import (
    Change,
    decide,
    enough_examples,
    plan_cost,
    recommend,
    usable_examples,
)
from decision_core.base.errors import DecisionError, InvalidAnswers
from decision_core.framework.rules import OUTCOMES
from decision_core.framework.sections import SECTIONS, section_url
from decision_core.model.thresholds import threshold

SCENARIOS = pathlib.Path(__file__).parents[1] / "scenarios" / "public.json"
PUBLIC_CASES = json.loads(SCENARIOS.read_text(encoding="utf-8"))

SECTION_IDS = {section.id for section in SECTIONS}
# ../shared beside the checkout (or beside the folder of worktrees that holds it)
SHARED = ([path for path in (pathlib.Path(__file__).resolve().parents[level] / "shared" / "scenarios" / "public.json"
                             for level in (2, 3)) if path.exists()] or [pathlib.Path("no-shared-checkout")])[0]
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
def test_scenarios_hold_every_shared_case_with_its_answers_and_outcome():
    """scenarios/public.json holds every shared case: same situation, same answers (the two details asked
    since may be added where the situation states them) and the same expected outcome."""
    ours = {case["id"]: case for case in json.loads(SCENARIOS.read_text())}
    for shared in json.loads(SHARED.read_text()):
        case = ours[shared["id"]]
        assert (case["description"], case["expected"], case["reasons"]) == (
            shared["description"], shared["expected"], shared["reasons"])
        added = {key: value for key, value in case["answers"].items() if key not in shared["answers"]}
        assert dict(shared["answers"], **added) == case["answers"]
        assert set(added) <= {"knowledge_pages", "behaviour_kinds"}


def test_new_public_scenarios_exercise_the_new_details():
    """The public cases state a size of knowledge (small and large) and every kind of behaviour somewhere."""
    pages = [case["answers"]["knowledge_pages"] for case in PUBLIC_CASES
             if case["answers"].get("knowledge_pages") is not None]
    kinds = {kind for case in PUBLIC_CASES for kind in case["answers"].get("behaviour_kinds", [])}
    line = threshold("small-knowledge-base").value / 500
    assert min(pages) <= line / 2 and max(pages) > line * 10
    assert kinds == {"tone", "format", "reasoning"}


@pytest.mark.parametrize("change", ["monthly", "weekly", "daily", "real-time"])
def test_changing_knowledge_points_to_retrieval(change):
    """Knowledge that changes monthly or faster points to RAG when the need is knowledge."""
    assert _choice(knowledge_change=change, need="knowledge") == "rag"


def test_knowledge_needs_get_rag_with_static_data_and_many_examples_at_low_volume():
    """Static knowledge and many good examples still get RAG below the cost model's break-even."""
    assert _choice(need="knowledge", labelled_examples=50000, queries_per_day=10000) == "rag"


def test_citations_keep_a_static_high_volume_knowledge_need_on_rag():
    """Answers that must cite sources keep RAG, whatever the volume."""
    assert _choice(need="knowledge", labelled_examples=50000, queries_per_day=5000000,
                   needs_citations=True) == "rag"


@pytest.mark.usefixtures("break_even_line")
def test_static_knowledge_above_break_even_with_good_examples_is_fine_tuning():
    """Static knowledge, no citations, enough good examples and a volume above break-even: fine-tuning pays."""
    result = recommend(dict(BASE, need="knowledge", labelled_examples=50000, queries_per_day=5000000,
                            latency_budget_ms=150))
    assert result.choice == "fine-tuning"
    assert "break-even" in [reason.section for reason in result.reasons]
    assert "facts-in-weights" in [caveat.id for caveat in result.caveats]


def test_behaviour_with_enough_good_examples_is_fine_tuning():
    """A behaviour need with 500+ high-quality examples and the budget gets fine-tuning."""
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


def test_a_fine_tuning_plan_costs_people_as_well_as_training():
    """The least a fine-tuning plan costs is a prompt baseline (3 days) and a fine-tuning project (20 days)
    at $800 a day: (3 + 20) x 800 = $18,400, with nothing to label when 2,000 good examples exist."""
    assert plan_cost(validate_answers(BASE), "fine-tuning") == 18400
    assert _choice(budget_usd=18399) == "prompt-first"
    assert _choice(budget_usd=18400) == "fine-tuning"
    assert _choice(budget_usd=None) == "fine-tuning"


def test_fine_tuning_cost_includes_labelling_the_missing_examples():
    """With 100 good examples, labelling the other 400 at $5 adds $2,000: 18,400 + 2,000 = $20,400."""
    assert plan_cost(validate_answers(dict(BASE, labelled_examples=100)), "fine-tuning") == 20400


def test_both_needs_the_budget_for_both_builds():
    """Retrieval then fine-tuning costs at the least a retrieval build with its evaluation set (5 days) and a
    fine-tuning project (20 days): 25 x $800 = $20,000. Below that, a need for both starts with RAG."""
    assert plan_cost(validate_answers(BASE), "both") == 20000
    assert _choice(need="both", knowledge_change="daily", budget_usd=19999) == "rag"
    assert _choice(need="both", knowledge_change="daily", budget_usd=20000) == "both"
    assert _choice(need="both", knowledge_change="daily", budget_usd=6000) == "rag"


@pytest.mark.parametrize("change", ["occasional", "monthly", "daily", "real-time"])
def test_changing_knowledge_and_specialised_behaviour_is_both(change):
    """Knowledge that changes at all plus a behaviour backed by good examples gets both."""
    assert _choice(need="both", knowledge_change=change) == "both"


def test_static_knowledge_and_behaviour_at_low_volume_keeps_retrieval():
    """Static knowledge with a behaviour need, at a volume where nothing repays training the facts in, keeps
    retrieval beside the fine-tune, as the same knowledge need alone would."""
    assert _choice(need="knowledge") == "rag"
    assert _choice(need="both") == "both"


@pytest.mark.usefixtures("break_even_line")
def test_static_knowledge_and_behaviour_above_break_even_is_fine_tuned_alone():
    """Above the break-even, with static knowledge and no citations, good examples can teach both."""
    assert _choice(need="both", queries_per_day=5000000) == "fine-tuning"


def test_citations_keep_retrieval_in_a_combined_need():
    """Citations need retrieval, so static knowledge with citations still gets both, whatever the volume."""
    assert _choice(need="both", needs_citations=True, queries_per_day=5000000) == "both"


@pytest.mark.parametrize(("examples", "quality", "budget"), [
    (600, "low", 35000), (0, "unknown", 35000), (5000, "high", 100)])
def test_combined_need_without_good_data_or_budget_starts_with_rag(examples, quality, budget):
    """Without enough good examples, or the budget to train, a combined need starts with RAG."""
    assert _choice(need="both", knowledge_change="weekly", labelled_examples=examples,
                   data_quality=quality, budget_usd=budget) == "rag"


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_need_for_both_keeps_retrieval_wherever_the_knowledge_alone_is_retrieved(answer_sets, data):
    """Wherever a knowledge need alone gets retrieval, the same knowledge with a behaviour need keeps it
    (RAG now, or RAG and fine-tuning): the knowledge side of a need for both is decided the same way."""
    answers = validate_answers(data.draw(answer_sets))
    if decide(answers.replace(need="knowledge")) == "rag":
        assert decide(answers.replace(need="both")) in ("rag", "both")


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
    assert "volume-rag-current" in [reason.id for reason in result.reasons]


@pytest.fixture
def never_breaks_even(set_threshold):
    """The cost model as it will be at today's prices: a fine-tuned model never breaks even (`None`)."""
    set_threshold("high-volume", None, "queries/day")


def test_without_a_break_even_no_volume_trains_knowledge_in(never_breaks_even):
    """When fine-tuning never breaks even, static knowledge at any volume stays on retrieval."""
    assert _choice(need="knowledge", labelled_examples=50000, queries_per_day=10**9) == "rag"
    assert _choice(need="both", labelled_examples=50000, queries_per_day=10**9) == "both"


def test_without_a_break_even_the_advice_says_so_plainly(never_breaks_even):
    """With no break-even, a fine-tuning result says fine-tuning is for behaviour, not cost, and quotes no
    volume line; no change names a volume."""
    result = recommend(dict(BASE, queries_per_day=3000000, latency_budget_ms=150))
    texts = [item.text for item in result.reasons + result.counterpoints + result.caveats]
    assert ("At today's prices a fine-tuned model is not cheaper per request than the cheapest base model: "
            "fine-tune for behaviour, not for cost.") in texts
    assert not [text for text in texts if "break-even" in text]
    assert not [change for change in result.changes if change.field == "queries_per_day"]
    assert result.choice == "fine-tuning"


@pytest.mark.usefixtures("break_even_line")
def test_with_a_break_even_the_advice_quotes_it_in_round_figures():
    """With a break-even, a high-volume fine-tuning result names it, rounded, and not the plain sentence."""
    result = recommend(dict(BASE, queries_per_day=3000000, latency_budget_ms=150))
    texts = " ".join(item.text for item in result.reasons)
    assert "break-even is about 91,000 a day" in texts and "fine-tune for behaviour, not for cost" not in texts


def test_changes_name_the_line_in_threshold_words():
    """Below 500 good examples, the change says "with at least about 500 high-quality examples"."""
    result = recommend(dict(BASE, labelled_examples=120))
    change = [c for c in result.changes if c.field == "labelled_examples"][0]
    assert (change.value, change.choice) == (500, "fine-tuning")
    assert change.text == "With at least about 500 high-quality examples, the recommendation would be fine-tuning."


@pytest.mark.parametrize(("answers", "text"), [
    (dict(BASE, need="knowledge", labelled_examples=50000, queries_per_day=70000),
     "Above roughly 91,000 requests a day, the recommendation would be fine-tuning."),
    (dict(BASE, need="knowledge", labelled_examples=50000, queries_per_day=100000),
     "Below roughly 91,000 requests a day, the recommendation would be RAG."),
    (dict(BASE, budget_usd=20000),
     "With a launch budget below about $18,000, the recommendation would be prompt engineering first."),
    (dict(BASE, budget_usd=15000),
     "With a launch budget of at least about $18,000, the recommendation would be fine-tuning."),
    (dict(BASE, data_quality="mixed", labelled_examples=900),
     "With at least about 1,000 mixed-quality examples, the recommendation would be fine-tuning."),
    (dict(BASE, data_quality="unknown", labelled_examples=900),
     "If a review found your examples checked and consistent, the recommendation would be fine-tuning."),
])
@pytest.mark.usefixtures("break_even_line")
def test_changes_are_said_as_lines_and_sides(answers, text):
    """A change names the line and the side of it the client would be on, never the integer below it."""
    assert text in [change.text for change in recommend(answers).changes]


def test_changes_are_few_and_the_levers_come_first():
    """At most three changes; more good examples (a lever) comes before a budget cut (a fact)."""
    result = recommend(dict(BASE, labelled_examples=450, budget_usd=20000, need="both",
                            knowledge_change="weekly"))
    assert len(result.changes) <= 3
    fields = [change.field for change in result.changes]
    assert fields[0] == "labelled_examples"


def test_far_fetched_changes_are_left_out():
    """A client far from every line gets no change list: knowledge that changes daily will not become static,
    and 50,000 examples will not shrink below 500."""
    result = recommend(dict(BASE, need="both", knowledge_change="daily", labelled_examples=50000,
                            budget_usd=500000, queries_per_day=5000))
    assert result.changes == ()


_NUMBER = re.compile(r"\$?[0-9][0-9,]*(\.[0-9]+)?")


def _figures(text):
    found, rest = [], text
    while True:
        match = _NUMBER.search(rest)
        if match is None:
            return found
        found.append(float(match.group(0).strip("$").replace(",", "")))
        rest = rest[match.end():]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_no_change_names_a_figure_one_below_a_line(answer_sets, data):
    """Every figure a change names is a round line (at most two significant digits): never 499, $4,999 or
    90,999."""
    result = recommend(data.draw(answer_sets))
    for change in result.changes:
        for figure in _figures(change.text):
            digits = str(int(figure)).rstrip("0")
            assert len(digits) <= 2, change.text


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_listed_change_really_changes_the_outcome(answer_sets, data):
    """Applying any listed change and recommending again gives the change's outcome."""
    result = recommend(data.draw(answer_sets))
    assert len(result.changes) <= 3
    for change in result.changes:
        again = recommend(result.answers.replace(**{change.field: change.value}))
        assert again.choice == change.choice != result.choice
        assert change.text.endswith(again.outcome.name + ".")


def test_support_counts_the_ticked_table_rows():
    """Support is the decision-table tally of the rows the answers tick, in OUTCOMES order."""
    result = recommend(PUBLIC_CASES[1]["answers"])  # S02
    # A need for behaviour, static knowledge and 50,000 high-quality examples: three fine-tuning rows.
    assert result.criteria == ("ft-style-tone", "ft-static-domain", "ft-labelled-data")
    assert result.support == (("rag", 0), ("fine-tuning", 3), ("both", 0), ("prompt-first", 0))


def test_to_dict_is_json_with_the_documented_keys():
    """to_dict is JSON-able and holds choice, headline, plan, reasons, counterpoints, caveats, changes, answers."""
    result = recommend(PUBLIC_CASES[0]["answers"])
    data = json.loads(json.dumps(result.to_dict()))
    assert {"choice", "headline", "plan", "reasons", "counterpoints", "support", "caveats", "changes",
            "answers"} <= set(data)
    assert {"approach", "text", "until"} <= set(data["plan"][0])
    assert {"text", "link", "favours"} <= set(data["reasons"][0])
    assert set(data["caveats"][0]) == {"id", "text", "section", "link"}
    assert data["answers"] == dict(PUBLIC_CASES[0]["answers"], knowledge_pages=None, behaviour_kinds=[])
    assert data["link"] == "recommendation/#outcome-rag"


def test_recommend_accepts_answers_and_is_deterministic():
    """recommend takes Answers as well as a dict, and the same input gives the same output."""
    answers = validate_answers(BASE)
    assert recommend(answers).to_dict() == recommend(dict(BASE)).to_dict()


def test_a_change_travels_as_the_contracts_dictionary():
    """A change converts to the contract's dict: its sentence, the field, the value and the outcome."""
    change = Change("budget_usd", 19999, "rag", "text")
    assert change.to_dict() == {"text": "text", "field": "budget_usd", "value": 19999, "choice": "rag"}


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_valid_answer_set_gets_a_linked_recommendation(answer_sets, data):
    """Every valid answer set gets a choice, a plan and reasons, all linked to known sections."""
    result = recommend(data.draw(answer_sets))
    assert result.choice in [outcome.id for outcome in OUTCOMES]
    assert result.reasons and result.plan and result.headline
    for item in result.reasons + result.counterpoints + result.caveats:
        assert item.section in SECTION_IDS and item.link == section_url(item.section) and item.text
    for reason in result.reasons + result.counterpoints:
        assert hasattr(result.answers, reason.field)
    json.dumps(result.to_dict())


# generating ten fields of random JSON is slow on a busy machine: not a fault of the code under test
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(data=st.data())
def test_garbage_answers_raise_only_decision_errors(json_values, near_answer_sets, data):
    """Random JSON-like values and damaged answer sets either get a recommendation or raise InvalidAnswers."""
    for raw in (data.draw(json_values), data.draw(near_answer_sets)):
        try:
            assert decide(validate_answers(raw)) == recommend(raw).choice
        except DecisionError as error:
            assert isinstance(error, InvalidAnswers)
