"""The error hierarchy: every error is a DecisionError and names what was wrong."""

from decision_core.base import errors
from decision_core.base.errors import DecisionError, InvalidAnswers, InvalidCostInputs, Problem, UnknownId

RAISED = [value for value in vars(errors).values()
          if isinstance(value, type) and issubclass(value, Exception) and value is not DecisionError]
"""Every exception the package defines, found in its errors module (a new one is checked without listing it)."""


def test_every_error_is_a_decision_error():
    """Callers can catch DecisionError alone: every error the package raises derives from it."""
    assert len(RAISED) >= 5, RAISED  # InvalidAnswers, InvalidCostInputs, InvalidShareLink, UnknownSection, UnknownId
    assert [error.__name__ for error in RAISED if not issubclass(error, DecisionError)] == []


def test_invalid_answers_lists_every_problem():
    """InvalidAnswers keeps every problem and lists each on its own line."""
    error = InvalidAnswers([Problem("need", "is required"), Problem("budget_usd", "must not be negative")])
    assert error.fields == ["need", "budget_usd"]
    assert str(error).splitlines() == [
        "the answers are incomplete or invalid:", "- need: is required", "- budget_usd: must not be negative"]


def test_problems_compare_by_field_and_message():
    """Problems are equal when field and message are, and hash alike."""
    assert Problem("a", "b") == Problem("a", "b")
    assert Problem("a", "b") != Problem("a", "c")
    assert Problem("a", "b") != ("a", "b")
    assert hash(Problem("a", "b")) == hash(Problem("a", "b"))


def test_unknown_id_names_the_kind_the_id_and_the_known_ids():
    """UnknownId says what kind of thing was asked for and which ids exist."""
    error = UnknownId("threshold", "max-examples", ("min-examples",))
    assert (error.kind, error.id, error.known) == ("threshold", "max-examples", ("min-examples",))
    assert str(error) == "no threshold has the id 'max-examples'; known: min-examples"
    assert str(UnknownId("thing", 3)) == "no thing has the id 3"


def test_invalid_cost_inputs_has_its_own_summary():
    """InvalidCostInputs says the cost inputs are invalid."""
    assert str(InvalidCostInputs([Problem("x", "y")])).startswith("the cost inputs are invalid:")


def test_a_message_names_each_problem_once_and_cuts_long_text():
    """Repeated problems are listed once; a hostile key and a long message are cut; the rest are counted."""
    problems = [Problem("need", "is required")] * 3 + [Problem("k" * 5000, "x" * 5000)]
    problems += [Problem("f%d" % index, "is not a field") for index in range(20)]
    message = str(InvalidAnswers(problems))
    lines = message.split("\n")
    assert lines[1] == "- need: is required" and message.count("need: is required") == 1
    assert len(lines[2]) < 400 and lines[2].endswith("...")
    assert len(lines) == 1 + 10 + 1 and lines[-1] == "- and 12 more"
