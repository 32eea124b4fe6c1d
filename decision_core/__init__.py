"""The RAG-or-fine-tuning decision framework as data, its engine, and its share links.

A map of the package:

- `decision_core.questions`: the four `QUESTIONS` and the eight answer `FIELDS`.
- `decision_core.answers`: `Answers` and `validate_answers`, the gate for every input.
- `decision_core.rules`: the quick decision table (`CRITERIA`, `tally`), the
  `OUTCOMES` and the `THRESHOLDS`, each with its source.
- `decision_core.engine`: `recommend`, from answers to a `Recommendation`.
- `decision_core.advice`: the `Reason`s and `Caveat`s a recommendation carries.
- `decision_core.sharelink`: `encode_answers`, `decode_answers`, `share_url`.
- `decision_core.sections`: the guide's linkable `SECTIONS` (the link contract).
- `decision_core.errors`: `DecisionError` and its subclasses.

Everything runs unchanged under CPython, Pyodide and MicroPython.

Example:
    >>> from decision_core import recommend
    >>> recommend({"knowledge_change": "daily", "need": "knowledge",
    ...            "labelled_examples": 0, "queries_per_day": 800}).choice
    'rag'
"""

from .advice import Caveat, Reason
from .answers import Answers, check_answer, validate_answers
from .engine import Change, Recommendation, recommend
from .errors import (
    DecisionError,
    InvalidAnswers,
    InvalidCostInputs,
    InvalidShareLink,
    Problem,
    UnknownId,
    UnknownSection,
)
from .questions import FIELDS, QUESTIONS, Field, Option, Question, get_field, get_question
from .rules import (
    CRITERIA,
    OUTCOMES,
    THRESHOLDS,
    Criterion,
    Outcome,
    Tally,
    Threshold,
    get_criterion,
    get_outcome,
    get_threshold,
    tally,
)
from .sections import SECTIONS, Section, get_section, section_url
from .sharelink import decode_answers, encode_answers, share_url

__all__ = [
    "Answers",
    "CRITERIA",
    "Caveat",
    "Change",
    "Criterion",
    "DecisionError",
    "FIELDS",
    "Field",
    "InvalidAnswers",
    "InvalidCostInputs",
    "InvalidShareLink",
    "OUTCOMES",
    "Option",
    "Outcome",
    "Problem",
    "QUESTIONS",
    "Question",
    "Reason",
    "Recommendation",
    "SECTIONS",
    "Section",
    "THRESHOLDS",
    "Tally",
    "Threshold",
    "UnknownId",
    "UnknownSection",
    "check_answer",
    "decode_answers",
    "encode_answers",
    "get_criterion",
    "get_field",
    "get_outcome",
    "get_question",
    "get_section",
    "get_threshold",
    "recommend",
    "section_url",
    "share_url",
    "tally",
    "validate_answers",
]
