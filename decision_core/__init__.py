"""The RAG-or-fine-tuning decision framework as data, its engine, its cost model and its share links.

The package is built in layers, and each imports only the layers below it:

| layer | holds |
|---|---|
| `decision_core.base` | errors, the one formatter (`format`), query strings (`query`) |
| `decision_core.framework` | the framework as data: `questions`, `rules` (criteria, outcomes, thresholds), `sections` (the link contract), `facts` (stale-able figures with their dates), `presets` (base models and fine-tuning routes), `cost_inputs`, `effort` (people's time and the day rate), `advice_rows` (the advice as rows) |
| `decision_core.model` | `answers` and their validation, the `engine`, its `advice` and `plan`, the decision table's `tally`, the cost model (`cost_values`, `costs`, derived `thresholds`), the link codecs (`sharelink`, `calculator_link`) |
| `decision_core.views` | the HTML the build writes and the browser writes again: `quiz`, `calculator`, `chart` |
| `decision_core.cli` | an edge: the command line (`python3 -m decision_core`) |

The other edges live outside the package: the browser glue in
`docs/assets/widgets/`, the site build in `sitegen/`. This front door
exports the domain API (the base, the framework and the model); import the
views from their modules.

Everything runs unchanged under CPython, Pyodide and MicroPython.

Example:
    >>> from decision_core import recommend
    >>> recommend({"knowledge_change": "daily", "need": "knowledge",
    ...            "labelled_examples": 0, "queries_per_day": 800}).choice
    'rag'
"""

from .base.errors import (
    DecisionError,
    InvalidAnswers,
    InvalidCostInputs,
    InvalidShareLink,
    Problem,
    UnknownId,
    UnknownSection,
)
from .framework.cost_inputs import COST_INPUTS, CostInput, get_cost_input
from .framework.facts import FACTS, Fact, get_fact
from .framework.presets import PRESETS, Preset, get_preset
from .framework.questions import FIELDS, QUESTIONS, Field, Option, Question, get_field, get_question
from .framework.rules import (
    CRITERIA,
    OUTCOMES,
    THRESHOLDS,
    Criterion,
    Outcome,
    Threshold,
    get_criterion,
    get_outcome,
    get_threshold,
)
from .framework.sections import SECTIONS, Section, get_section, section_url
from .model.advice import Caveat, Reason
from .model.answers import Answers, check_answer, validate_answers
from .model.calculator_link import calculator_url, decode_calculator_state, encode_calculator_state
from .model.cost_values import CostInputs
from .model.costs import CostComparison, CostItem, OptionCost, break_even_queries_per_day, compare
from .model.engine import Change, Recommendation, recommend
from .model.plan import Step
from .model.sharelink import decode_answers, encode_answers, share_url
from .model.tally import Tally, tally

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
    "FACTS",
    "FIELDS",
    "Fact",
    "Field",
    "InvalidAnswers",
    "InvalidCostInputs",
    "InvalidShareLink",
    "OUTCOMES",
    "Option",
    "OptionCost",
    "Outcome",
    "PRESETS",
    "Preset",
    "Problem",
    "QUESTIONS",
    "Question",
    "Reason",
    "Recommendation",
    "SECTIONS",
    "Section",
    "Step",
    "THRESHOLDS",
    "Tally",
    "Threshold",
    "UnknownId",
    "UnknownSection",
    "break_even_queries_per_day",
    "calculator_url",
    "check_answer",
    "compare",
    "decode_answers",
    "decode_calculator_state",
    "encode_answers",
    "encode_calculator_state",
    "get_cost_input",
    "get_criterion",
    "get_fact",
    "get_field",
    "get_outcome",
    "get_preset",
    "get_question",
    "get_section",
    "get_threshold",
    "recommend",
    "section_url",
    "share_url",
    "tally",
    "validate_answers",
]
