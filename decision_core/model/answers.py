"""An answer set and its validation against the answers contract.

`validate_answers` is the one gate every input passes: the engine, the share
link, the command line and the browser widget all call it. It never fills in a
required field and never stops at the first problem: `InvalidAnswers` lists
every missing, mistyped, out-of-range or unknown field at once.

Example:
    >>> answers = validate_answers({"knowledge_change": "weekly", "need": "knowledge",
    ...                             "labelled_examples": 0, "queries_per_day": 5000})
    >>> answers.data_quality, answers.latency_budget_ms
    ('unknown', None)
"""

import math

from ..base.errors import InvalidAnswers, Problem
from ..base.format import parse_number
from ..framework.questions import FIELDS, QUESTIONS, Field, get_field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

_NAMES = tuple(field.name for field in FIELDS)


class Answers:
    """A complete, valid answer set: one attribute per field of the contract.

    Build one with `validate_answers`; the constructor itself does not check
    its arguments (`validate_answers(answers)` re-checks an `Answers`).
    """

    __slots__ = _NAMES

    knowledge_change: str
    """How often the knowledge changes: `static`, `occasional`, `monthly`, `weekly`, `daily` or `real-time`."""
    need: str
    """`knowledge`, `behaviour` or `both`."""
    labelled_examples: int
    """How many labelled input→output examples exist."""
    data_quality: str
    """`high`, `mixed`, `low` or `unknown`."""
    queries_per_day: int
    """Expected requests per day."""
    latency_budget_ms: "int | None"
    """End-to-end response budget in milliseconds, or `None` for no hard budget."""
    budget_usd: "int | float | None"
    """Money available to launch, in US dollars, or `None` if not stated."""
    needs_citations: bool
    """Whether answers must show their sources."""
    knowledge_pages: "int | None"
    """About how many pages the knowledge fills (≈ 500 tokens a page), or `None` if not stated."""
    behaviour_kinds: "tuple[str, ...]"
    """Which behaviour must change, in option order: any of `tone`, `format`, `reasoning`; empty if not stated."""

    def __init__(self, *, knowledge_change: str, need: str, labelled_examples: int,
                 queries_per_day: int, data_quality: str = "unknown",
                 latency_budget_ms: "int | None" = None,
                 budget_usd: "int | float | None" = None,
                 needs_citations: bool = False,
                 knowledge_pages: "int | None" = None,
                 behaviour_kinds: "tuple[str, ...]" = ()) -> None:
        self.knowledge_change = knowledge_change
        self.need = need
        self.labelled_examples = labelled_examples
        self.data_quality = data_quality
        self.queries_per_day = queries_per_day
        self.latency_budget_ms = latency_budget_ms
        self.budget_usd = budget_usd
        self.needs_citations = needs_citations
        self.knowledge_pages = knowledge_pages
        self.behaviour_kinds = tuple(behaviour_kinds)

    def to_dict(self) -> "dict[str, object]":
        """Return every field, defaults included, as a JSON-able dictionary.

        Returns:
            A dictionary with the ten keys of the answers contract; `behaviour_kinds` is a list.
        """
        return {name: _json_value(getattr(self, name)) for name in _NAMES}

    def items(self) -> "tuple[tuple[str, object], ...]":
        """Return `(field name, value)` pairs in contract order (dictionaries may not keep order).

        Returns:
            Ten pairs, in the order of `FIELDS`.
        """
        return tuple((name, getattr(self, name)) for name in _NAMES)

    def replace(self, **changes: object) -> "Answers":
        """Return a validated copy with some fields changed.

        Args:
            **changes: New values by field name.

        Returns:
            The new answer set.

        Raises:
            InvalidAnswers: A new value (or name) is not accepted.
        """
        raw = self.to_dict()
        for name in changes:
            raw[name] = changes[name]
        return validate_answers(raw)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Answers) and self.items() == other.items()

    def __hash__(self) -> int:
        return hash(self.items())

    def __repr__(self) -> str:
        return "Answers(" + ", ".join("%s=%r" % pair for pair in self.items()) + ")"


def _json_value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and not -10**30 < value < 10**30:
        return "a number too long to show"  # repr() of a huge int is refused (or slow) in CPython
    if isinstance(value, (int, float, str)):
        text = repr(value)
        return text if len(text) <= 40 else text[:37] + "..."
    if isinstance(value, (list, tuple)) and not value:
        return "[] (none)"
    return "a value of type " + type(value).__name__


def _check_choices(field: Field, value: object) -> "str | None":
    accepted = ", ".join(field.values)
    if not isinstance(value, (list, tuple)):
        return "expected a list of any of %s, got %s" % (accepted, _describe(value))
    seen = []
    for item in value:
        if not isinstance(item, str) or item not in field.values:
            return "expected only %s in the list, got %s" % (accepted, _describe(item))
        if item in seen:
            return "lists %s twice" % _describe(item)
        seen.append(item)
    return None


def _normalised(field: Field, value: object) -> object:
    """A `choices` answer as a tuple in option order, so equal answers look equal; others unchanged."""
    if field.kind == "choices":
        return tuple(option for option in field.values if option in value)
    return value


def _check_number(field: Field, value: object) -> "str | None":
    if isinstance(value, bool):
        return "expected a number, got " + _describe(value)
    if field.kind == "integer":
        if not isinstance(value, int):
            return "expected a whole number, got " + _describe(value)
    elif not isinstance(value, (int, float)):
        return "expected a number, got " + _describe(value)
    elif isinstance(value, float) and not math.isfinite(value):  # not for an int: too large for a float, it overflows
        return "expected a finite number, got " + _describe(value)
    if field.minimum is not None and value < field.minimum:
        if field.minimum == 0:
            return "must not be negative, got " + _describe(value)
        return "must be at least %s, got %s" % (field.minimum, _describe(value))
    if field.maximum is not None and value > field.maximum:
        return "must be at most {:,}, got a larger number".format(field.maximum)
    return None


def _check(field: Field, value: object) -> "str | None":
    """Return what is wrong with one present value, or None if it is accepted."""
    if value is None:
        if field.nullable:
            return None
        if field.required:
            return "is required, got null"
        return "null is not accepted; leave the field out to use the default %s" % (
            _describe(field.default),)
    if field.kind == "choice":
        if not isinstance(value, str) or value not in field.values:
            return "expected one of %s, got %s" % (", ".join(field.values), _describe(value))
        return None
    if field.kind == "choices":
        return _check_choices(field, value)
    if field.kind == "boolean":
        if not isinstance(value, bool):
            return "expected true or false, got " + _describe(value)
        return None
    return _check_number(field, value)


def check_answer(name: str, value: object) -> "str | None":
    """Check one answer on its own, as a form or the terminal quiz does before moving on.

    Args:
        name: The field's name, e.g. `labelled_examples`.
        value: The answer; `None` means "not stated".

    Returns:
        What is wrong with it, in a phrase, or `None` if it is accepted.

    Raises:
        UnknownId: No field has that name.

    Example:
        >>> check_answer("labelled_examples", -3)
        'must not be negative, got -3'
    """
    return _check(get_field(name), value)


def validate_answers(raw: "Mapping[str, object] | Answers | object") -> Answers:
    """Check an answer set against the contract and return it as `Answers`.

    Optional fields left out take their defaults; required fields never do.

    Args:
        raw: A dictionary as parsed from JSON, or an `Answers` (checked again).

    Returns:
        The validated answers, with defaults filled in for optional fields.

    Raises:
        InvalidAnswers: Lists every problem: a missing required field, a wrong
            type (a boolean is not a number; `2.0` is not a whole number), an
            unknown option (with the accepted values), a number out of range,
            or a key the contract does not know.

    Example:
        >>> try:
        ...     validate_answers({"need": "facts", "labelled_examples": 2.5})
        ... except InvalidAnswers as error:
        ...     error.fields
        ['knowledge_change', 'need', 'labelled_examples', 'queries_per_day']
    """
    if isinstance(raw, Answers):
        raw = raw.to_dict()
    if not isinstance(raw, dict):
        raise InvalidAnswers([Problem("answers", "expected an object of answers (a JSON object), got "
                                      + _describe(raw))])
    problems = []
    values = {}
    for field in FIELDS:
        if field.name not in raw:
            if field.required:
                problems.append(Problem(field.name, "is required but missing (%s)" % field.label))
            else:
                values[field.name] = field.default
            continue
        value = raw[field.name]
        message = _check(field, value)
        if message is None:
            values[field.name] = _normalised(field, value)
        else:
            problems.append(Problem(field.name, message))
    extra = []
    for key in raw:
        if key not in _NAMES:
            extra.append(key if isinstance(key, str) else repr(key))
    for key in sorted(extra):
        problems.append(Problem(key, "is not a field of the answers; known fields: " + ", ".join(_NAMES)))
    if problems:
        raise InvalidAnswers(problems)
    return Answers(**values)


def applies(name: str, raw: "Mapping[str, object]") -> bool:
    """Whether a field is worth asking, given the answers so far.

    The quality of labelled examples means nothing when there are none: with
    `labelled_examples` at 0 the quiz, in the terminal and in the browser,
    skips `data_quality`, which keeps its default (`unknown`). Likewise the
    size of the knowledge means nothing to a need that is only behaviour, and
    the kind of behaviour nothing to a need that is only knowledge.

    Args:
        name: A field's name.
        raw: The answers given so far.

    Returns:
        False only for a field the answers make pointless.

    Example:
        >>> applies("data_quality", {"labelled_examples": 0}), applies("data_quality", {})
        (False, True)
        >>> applies("behaviour_kinds", {"need": "knowledge"}), applies("knowledge_pages", {"need": "both"})
        (False, True)
    """
    if name == "knowledge_pages":
        return raw.get("need") != "behaviour"
    if name == "behaviour_kinds":
        return raw.get("need") != "knowledge"
    if name == "data_quality":
        examples = raw.get("labelled_examples")
        return not (isinstance(examples, int) and not isinstance(examples, bool) and examples == 0)
    return True


def questions_answered(raw: "Mapping[str, object]") -> int:
    """Count the questions whose required answers are all given (valid or not).

    Args:
        raw: The answers given so far, by field name.

    Returns:
        0 to the number of questions.
    """
    count = 0
    for question in QUESTIONS:
        if all(field.name in raw for field in question.fields if field.required):
            count += 1
    return count


def typed_answer(field: Field, text: str) -> object:
    """Turn a reply typed into a number field into an answer value.

    Args:
        field: An `integer` or `number` field.
        text: What was typed; empty means "not stated".

    Returns:
        The number (`decision_core.base.format.parse_number` reads it the same
        way in every Python), or `None` when the text is empty.

    Raises:
        InvalidAnswers: The text is not a number (one `Problem` naming the field).

    Example:
        >>> typed_answer(get_field("queries_per_day"), "5,000")
        5000
    """
    if not text.strip():
        return None
    try:
        return parse_number(text, integer=field.kind == "integer")
    except ValueError as error:
        raise InvalidAnswers([Problem(field.name, str(error))]) from None


class FormReading:
    """What a quiz form holds: the answers given, the typed text that is no answer, and the progress."""

    __slots__ = ("raw", "problems", "answered")

    raw: "dict[str, object]"
    """The answers given, by field name (only fields that apply and hold an answer)."""
    problems: "list[Problem]"
    """Typed text that is not a number, one `Problem` per field."""
    answered: int
    """How many questions have all their required answers."""

    def __init__(self, raw: "dict[str, object]", problems: "list[Problem]", answered: int) -> None:
        self.raw = raw
        self.problems = problems
        self.answered = answered


def read_form(values: "Mapping[str, object]") -> FormReading:
    """Read a quiz form's controls as answers, the same way for every front end.

    Args:
        values: By field name: the chosen option's value (or `None`) for a
            choice, the list of ticked values for a `choices` field,
            `True`/`False` for a checkbox, the typed text for a number
            (`None` when the browser reports text that is not a number).

    Returns:
        The answers that apply and are given, the problems of typed text, and
        the number of questions answered. Validate `raw` with
        `validate_answers` once every question is answered.

    Example:
        >>> reading = read_form({"knowledge_change": "weekly", "labelled_examples": "0",
        ...                      "data_quality": "high", "queries_per_day": "lots"})
        >>> reading.raw, reading.answered, [str(problem) for problem in reading.problems]
        ({'knowledge_change': 'weekly', 'labelled_examples': 0}, 3, ["queries_per_day: 'lots' is not a number"])
    """
    raw = {}
    problems = []
    typed = {}
    for field in FIELDS:
        if field.name not in values:
            continue
        value = values[field.name]
        if field.kind in ("integer", "number"):
            if value is None:
                problems.append(Problem(field.name, "is not a number"))
                typed[field.name] = True
                continue
            try:
                value = typed_answer(field, str(value))
            except InvalidAnswers as error:
                problems.extend(error.problems)
                typed[field.name] = True
                continue
            if value is None:
                continue
        elif field.kind == "choice" and (value is None or value == ""):
            continue
        elif field.kind == "choices" and not value:
            continue
        raw[field.name] = value
    for name in [name for name in raw if not applies(name, raw)]:
        del raw[name]
    answered = questions_answered(_with_typed(raw, typed))
    return FormReading(raw, problems, answered)


def _with_typed(raw: "dict[str, object]", typed: "dict[str, bool]") -> "dict[str, object]":
    # A field holding text that is not a number still counts as answered: the reader wrote something.
    if not typed:
        return raw
    counted = dict(raw)
    for name in typed:
        counted[name] = None
    return counted
