"""The questions and answer fields: the data the quiz, the CLI and the share link are built from."""

import pytest

from decision_core.base.errors import DecisionError, UnknownId
from decision_core.framework.questions import FIELDS, KINDS, QUESTIONS, get_field, get_question
from decision_core.framework.sections import SECTIONS

CONTRACT_ORDER = ("knowledge_change", "need", "labelled_examples", "data_quality",
                  "queries_per_day", "latency_budget_ms", "budget_usd", "needs_citations",
                  "knowledge_pages", "behaviour_kinds")


def test_fields_follow_the_contract_order():
    """FIELDS lists the ten fields of the answers contract, in contract order."""
    assert tuple(field.name for field in FIELDS) == CONTRACT_ORDER


def test_the_second_question_asks_the_size_and_the_kind_of_behaviour_after_the_need():
    """Question 2 asks the need, then how big the knowledge is, citations, and which behaviour must change."""
    assert [field.name for field in get_question("q2").fields] == [
        "need", "knowledge_pages", "needs_citations", "behaviour_kinds"]


def test_questions_are_the_four_in_order():
    """QUESTIONS holds q1 to q4, numbered 1 to 4, each linked to its framework section."""
    assert [(q.id, q.number, q.section) for q in QUESTIONS] == [
        ("q1", 1, "q1-knowledge-change"), ("q2", 2, "q2-behaviour-or-knowledge"),
        ("q3", 3, "q3-labelled-data"), ("q4", 4, "q4-cost-latency")]


def test_every_field_is_asked_by_exactly_one_question():
    """Each field belongs to one question, and that question's `fields` holds it."""
    asked = [field for question in QUESTIONS for field in question.fields]
    assert sorted(field.name for field in asked) == sorted(CONTRACT_ORDER)
    for question in QUESTIONS:
        for field in question.fields:
            assert field.question == question.id


@pytest.mark.parametrize(("name", "values"), [
    ("knowledge_change", ("static", "occasional", "monthly", "weekly", "daily", "real-time")),
    ("need", ("knowledge", "behaviour", "both")),
    ("data_quality", ("high", "mixed", "low", "unknown")),
    ("behaviour_kinds", ("tone", "format", "reasoning")),
])
def test_choice_fields_offer_the_contract_values(name, values):
    """Choice fields offer exactly the contract's values, in the contract's order."""
    assert get_field(name).values == values


@pytest.mark.parametrize(("name", "required", "default", "nullable"), [
    ("knowledge_change", True, None, False),
    ("need", True, None, False),
    ("labelled_examples", True, None, False),
    ("data_quality", False, "unknown", False),
    ("queries_per_day", True, None, False),
    ("latency_budget_ms", False, None, True),
    ("budget_usd", False, None, True),
    ("needs_citations", False, False, False),
    ("knowledge_pages", False, None, True),
    ("behaviour_kinds", False, (), False),
])
def test_required_defaults_and_nulls_match_the_contract(name, required, default, nullable):
    """Which fields are required, their defaults and nullability follow the contract."""
    field = get_field(name)
    assert (field.required, field.default, field.nullable) == (required, default, nullable)


def test_every_field_is_fully_described():
    """Every field has a known kind, a label and help, and numbers have a minimum."""
    for field in FIELDS:
        assert field.kind in KINDS
        assert field.label and field.help
        assert bool(field.options) == (field.kind in ("choice", "choices"))
        if field.kind in ("integer", "number"):
            assert field.minimum is not None and field.maximum is not None
        for option in field.options:
            assert option.label and option.help and option.value


def test_question_sections_exist():
    """Every question links to a section of the guide."""
    ids = {section.id for section in SECTIONS}
    assert all(question.section in ids for question in QUESTIONS)


def test_ordered_data_is_held_in_tuples():
    """Ordered data lives in tuples, since MicroPython dicts do not keep order."""
    assert isinstance(FIELDS, tuple) and isinstance(QUESTIONS, tuple)
    assert all(isinstance(q.fields, tuple) for q in QUESTIONS)
    assert all(isinstance(f.options, tuple) for f in FIELDS)


def test_option_lookup_finds_an_option():
    """Field.option returns the option with that value."""
    assert get_field("need").option("both").label == "Both"


@pytest.mark.parametrize("call", [
    lambda: get_field("colour"),
    lambda: get_question("q5"),
    lambda: get_field("need").option("facts"),
])
def test_unknown_names_raise_a_decision_error(call):
    """Unknown fields, questions and options raise UnknownId, a DecisionError."""
    with pytest.raises(UnknownId) as caught:
        call()
    assert isinstance(caught.value, DecisionError)
    assert "known:" in str(caught.value)


def test_get_question_returns_the_question():
    """get_question finds a question by id."""
    assert get_question("q3").title.startswith("How much labelled data")
