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
- `decision_core.cost_inputs` and `decision_core.costs`: the cost model's inputs
  (`COST_INPUTS`) and `compare`, with the break-even volume.
- `decision_core.chart`: the cost chart (`cost_chart_svg`) and its table.
- `decision_core.calculator`: the calculator's state in the address
  (`calculator_url`), and the calculator page's HTML.

The HTML of the pages themselves stays in its modules, for the site build and
the browser glue: `decision_core.render` (the generated tables and pages),
`decision_core.views` (the quiz widget) and `decision_core.calculator`.

Everything runs unchanged under CPython, Pyodide and MicroPython.

Example:
    >>> from decision_core import recommend
    >>> recommend({"knowledge_change": "daily", "need": "knowledge",
    ...            "labelled_examples": 0, "queries_per_day": 800}).choice
    'rag'
"""

from .advice import Caveat, Reason
from .answers import Answers, check_answer, validate_answers
from .calculator import calculator_url, decode_calculator_state, encode_calculator_state
from .chart import cost_chart_svg, cost_table_html
from .cost_inputs import COST_INPUTS, CostInput, get_cost_input
from .costs import CostComparison, CostInputs, CostItem, OptionCost, break_even_queries_per_day, compare
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
    "COST_INPUTS",
    "CRITERIA",
    "Caveat",
    "Change",
    "CostComparison",
    "CostInput",
    "CostInputs",
    "CostItem",
    "Criterion",
    "DecisionError",
    "FIELDS",
    "Field",
    "InvalidAnswers",
    "InvalidCostInputs",
    "InvalidShareLink",
    "OUTCOMES",
    "Option",
    "OptionCost",
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
    "break_even_queries_per_day",
    "calculator_url",
    "check_answer",
    "compare",
    "cost_chart_svg",
    "cost_table_html",
    "decode_answers",
    "decode_calculator_state",
    "encode_answers",
    "encode_calculator_state",
    "get_cost_input",
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
