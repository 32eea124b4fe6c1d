"""Validation of answer sets: every problem reported at once, no silent defaults."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_core.model.answers import Answers, applies, check_answer, read_form, validate_answers
from decision_core.base.errors import DecisionError, InvalidAnswers
from decision_core.framework.questions import FIELDS


def _problems(raw):
    with pytest.raises(InvalidAnswers) as caught:
        validate_answers(raw)
    return {problem.field: problem.message for problem in caught.value.problems}


def test_optional_fields_take_their_defaults(s01):
    """Leaving out the optional fields gives unknown quality, no budgets, no citations, no size, no kinds."""
    for name in ("data_quality", "latency_budget_ms", "budget_usd", "needs_citations"):
        del s01[name]
    answers = validate_answers(s01)
    assert (answers.data_quality, answers.latency_budget_ms, answers.budget_usd, answers.needs_citations,
            answers.knowledge_pages, answers.behaviour_kinds) == ("unknown", None, None, False, None, ())


def test_to_dict_lists_every_field_including_defaults(s01):
    """to_dict returns all ten fields, defaults included, JSON-able (the kinds of behaviour as a list)."""
    del s01["needs_citations"]
    result = validate_answers(s01).to_dict()
    assert sorted(result) == sorted(field.name for field in FIELDS)
    assert result["needs_citations"] is False
    assert result["knowledge_pages"] is None and result["behaviour_kinds"] == []


def test_missing_required_fields_are_each_named():
    """An empty answer set names every required field, and only those."""
    assert list(_problems({})) == ["knowledge_change", "need", "labelled_examples", "queries_per_day"]


@pytest.mark.parametrize(("field", "value", "words"), [
    ("labelled_examples", True, "expected a number, got true"),
    ("labelled_examples", 2.0, "whole number"),
    ("labelled_examples", "500", "whole number"),
    ("labelled_examples", -1, "must not be negative"),
    ("queries_per_day", 10**13, "at most"),
    ("latency_budget_ms", 0, "at least 1"),
    ("budget_usd", -0.5, "must not be negative"),
    ("budget_usd", math.inf, "finite"),
    ("budget_usd", math.nan, "finite"),
    ("budget_usd", False, "expected a number"),
    ("budget_usd", "20k", "expected a number"),
    ("needs_citations", 1, "expected true or false"),
    ("needs_citations", None, "null is not accepted"),
    ("data_quality", "excellent", "expected one of high, mixed, low, unknown, got 'excellent'"),
    ("data_quality", None, "leave the field out"),
    ("knowledge_change", None, "is required, got null"),
    ("need", ["knowledge"], "a value of type list"),
    ("knowledge_pages", -1, "must not be negative"),
    ("knowledge_pages", 12.5, "whole number"),
    ("knowledge_pages", "300", "whole number"),
    ("knowledge_pages", True, "expected a number, got true"),
    ("behaviour_kinds", "tone", "expected a list of any of tone, format, reasoning, got 'tone'"),
    ("behaviour_kinds", ["tone", "style"], "expected only tone, format, reasoning in the list, got 'style'"),
    ("behaviour_kinds", ["tone", "tone"], "lists 'tone' twice"),
    ("behaviour_kinds", [True], "expected only tone, format, reasoning in the list, got true"),
    ("behaviour_kinds", None, "null is not accepted; leave the field out to use the default [] (none)"),
    ("behaviour_kinds", {"tone": True}, "expected a list of any of tone, format, reasoning"),
])
def test_wrong_values_are_refused_with_a_clear_message(s01, field, value, words):
    """Wrong types, booleans as numbers, floats as integers, unknown options and out-of-range values are refused."""
    s01[field] = value
    assert words in _problems(s01)[field]


def test_kinds_of_behaviour_are_kept_in_option_order(s01):
    """The kinds of behaviour may come in any order and are kept in the quiz's order, so equal answers are equal."""
    one = validate_answers(dict(s01, behaviour_kinds=["reasoning", "tone"]))
    two = validate_answers(dict(s01, behaviour_kinds=("tone", "reasoning")))
    assert one.behaviour_kinds == ("tone", "reasoning") and one == two and hash(one) == hash(two)
    assert one.to_dict()["behaviour_kinds"] == ["tone", "reasoning"]


def test_knowledge_size_accepts_zero_and_null(s01):
    """About 0 pages, or none stated, are both answers the contract accepts."""
    assert validate_answers(dict(s01, knowledge_pages=0)).knowledge_pages == 0
    assert validate_answers(dict(s01, knowledge_pages=None)).knowledge_pages is None


@pytest.mark.parametrize(("name", "answers", "asked"), [
    ("knowledge_pages", {"need": "knowledge"}, True),
    ("knowledge_pages", {"need": "both"}, True),
    ("knowledge_pages", {"need": "behaviour"}, False),
    ("knowledge_pages", {}, True),
    ("behaviour_kinds", {"need": "behaviour"}, True),
    ("behaviour_kinds", {"need": "both"}, True),
    ("behaviour_kinds", {"need": "knowledge"}, False),
    ("behaviour_kinds", {}, True),
])
def test_the_new_details_are_asked_only_where_they_mean_something(name, answers, asked):
    """The size of the knowledge is not asked of a need that is only behaviour, nor the kind of behaviour of one
    that is only knowledge."""
    assert applies(name, answers) is asked


def test_a_form_reads_ticked_kinds_and_drops_those_that_do_not_apply():
    """Ticked boxes become a list of kinds; none ticked leaves the default; a knowledge need drops them."""
    form = {"knowledge_change": "weekly", "need": "both", "labelled_examples": "0", "queries_per_day": "10",
            "knowledge_pages": "1,200", "behaviour_kinds": ["tone", "format"]}
    assert read_form(form).raw["behaviour_kinds"] == ["tone", "format"]
    assert read_form(form).raw["knowledge_pages"] == 1200
    assert "behaviour_kinds" not in read_form(dict(form, behaviour_kinds=[])).raw
    assert "behaviour_kinds" not in read_form(dict(form, need="knowledge")).raw
    assert "knowledge_pages" not in read_form(dict(form, need="behaviour")).raw


def test_accepted_edge_values(s01):
    """Zero examples, a float budget and null budgets are accepted."""
    s01.update(labelled_examples=0, budget_usd=1250.5, latency_budget_ms=None)
    assert validate_answers(s01).budget_usd == 1250.5
    s01["budget_usd"] = None
    assert validate_answers(s01).budget_usd is None


def test_unknown_keys_are_refused(s01):
    """Keys the contract does not know are problems, listed after the fields."""
    s01["colour"] = "blue"
    s01[3] = 4
    assert list(_problems(s01)) == ["3", "colour"]


def test_every_problem_is_reported_at_once():
    """A set with several mistakes lists all of them, not the first."""
    problems = _problems({"knowledge_change": "hourly", "need": "both", "labelled_examples": -4,
                          "queries_per_day": 1.5, "extra": 1})
    assert list(problems) == ["knowledge_change", "labelled_examples", "queries_per_day", "extra"]


@pytest.mark.parametrize("raw", [None, [], "answers", 3, True])
def test_a_non_object_is_refused(raw):
    """Anything but an object of answers is refused with one problem."""
    assert list(_problems(raw)) == ["answers"]


def test_answers_are_revalidated(s01):
    """validate_answers accepts an Answers, and re-checks one built by hand."""
    answers = validate_answers(s01)
    assert validate_answers(answers) == answers
    broken = Answers(knowledge_change="hourly", need="knowledge", labelled_examples=0, queries_per_day=1)
    assert list(_problems(broken)) == ["knowledge_change"]


def test_replace_returns_a_validated_copy(s01):
    """replace changes one field and validates the result."""
    answers = validate_answers(s01)
    assert answers.replace(need="both").need == "both"
    assert answers.need == "knowledge"
    with pytest.raises(InvalidAnswers):
        answers.replace(need="everything")


def test_answers_compare_hash_and_print_by_value(s01):
    """Answers are equal by value and hashable (a set of answer sets holds each once)."""
    one, two = validate_answers(s01), validate_answers(dict(s01))
    assert one == two and hash(one) == hash(two) and one != s01


def test_long_strings_are_shortened_in_messages(s01):
    """A long wrong value is cut in the message."""
    s01["need"] = "x" * 100
    assert "..." in _problems(s01)["need"]


def test_check_answer_checks_one_field():
    """check_answer returns None for a good answer and a phrase for a bad one."""
    assert check_answer("need", "both") is None
    assert check_answer("latency_budget_ms", None) is None
    assert check_answer("need", "facts").startswith("expected one of")


@settings(max_examples=300)
@given(data=st.data())
def test_valid_answer_sets_validate(answer_sets, data):
    """Every valid answer set validates, keeping every given value."""
    raw = data.draw(answer_sets)
    answers = validate_answers(raw)
    for name, value in raw.items():
        if name == "behaviour_kinds":
            assert sorted(answers.behaviour_kinds) == sorted(value)
        else:
            assert getattr(answers, name) == value


# generating ten fields of random JSON is slow on a busy machine: not a fault of the code under test
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(data=st.data())
def test_random_values_raise_only_decision_errors(json_values, near_answer_sets, data):
    """Random JSON-like values and damaged answer sets either validate or raise InvalidAnswers."""
    for raw in (data.draw(json_values), data.draw(near_answer_sets)):
        try:
            validate_answers(raw)
        except DecisionError as error:
            assert isinstance(error, InvalidAnswers) and error.problems
