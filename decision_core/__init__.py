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
- `decision_core.chart`: the cost chart (SVG) and its table.
- `decision_core.calculator`: the calculator page's HTML and its state in the address.
- `decision_core.views`: the quiz widget's HTML.
- `decision_core.render`: the site's generated tables and pages (its
  `format_number` stays in the module: the package's is the cost model's).

Everything runs unchanged under CPython, Pyodide and MicroPython.

Example:
    >>> from decision_core import recommend
    >>> recommend({"knowledge_change": "daily", "need": "knowledge",
    ...            "labelled_examples": 0, "queries_per_day": 800}).choice
    'rag'
"""

from .advice import Caveat, Reason
from .answers import Answers, check_answer, validate_answers
from .calculator import (
    ANCHOR,
    MAX_QUERY_LENGTH,
    PAGE,
    STATE_KEY,
    STATE_VERSION,
    calculator_chart_html,
    calculator_costs_html,
    calculator_field_html,
    calculator_form_html,
    calculator_html,
    calculator_problems_html,
    calculator_result_html,
    calculator_summary_html,
    calculator_url,
    control_id,
    decode_calculator_state,
    encode_calculator_state,
    value_text,
)
from .chart import (
    break_even_point,
    cost_chart_svg,
    cost_table_html,
    nice_ticks,
    short_usd,
    table_months,
)
from .cost_inputs import (
    COST_INPUTS,
    COST_INPUT_GROUPS,
    COST_INPUT_IDS,
    PRICING_STYLES,
    CostInput,
    default_values,
    format_number,
    get_cost_input,
    parse_value,
)
from .costs import (
    DAYS_PER_MONTH,
    HOURS_PER_MONTH,
    OPTION_IDS,
    CostComparison,
    CostInputs,
    CostItem,
    OptionCost,
    break_even_queries_per_day,
    compare,
    format_usd,
)
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
from .render import (
    consultants_markdown,
    cost_chart_html,
    cost_inputs_html,
    decision_table_html,
    escape,
    escape_markdown,
    example_markdown,
    examples_markdown,
    questions_html,
    thresholds_html,
)
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
from .views import (
    REQUIRED,
    announcement,
    field_id,
    format_answer,
    progress_text,
    render_answers,
    render_call_to_action,
    render_field,
    render_problems,
    render_question,
    render_quiz,
    render_result,
    render_waiting,
)

__all__ = [
    "ANCHOR",
    "Answers",
    "COST_INPUTS",
    "COST_INPUT_GROUPS",
    "COST_INPUT_IDS",
    "CRITERIA",
    "Caveat",
    "Change",
    "CostComparison",
    "CostInput",
    "CostInputs",
    "CostItem",
    "Criterion",
    "DAYS_PER_MONTH",
    "DecisionError",
    "FIELDS",
    "Field",
    "HOURS_PER_MONTH",
    "InvalidAnswers",
    "InvalidCostInputs",
    "InvalidShareLink",
    "MAX_QUERY_LENGTH",
    "OPTION_IDS",
    "OUTCOMES",
    "Option",
    "OptionCost",
    "Outcome",
    "PAGE",
    "PRICING_STYLES",
    "Problem",
    "QUESTIONS",
    "Question",
    "REQUIRED",
    "Reason",
    "Recommendation",
    "SECTIONS",
    "STATE_KEY",
    "STATE_VERSION",
    "Section",
    "THRESHOLDS",
    "Tally",
    "Threshold",
    "UnknownId",
    "UnknownSection",
    "announcement",
    "break_even_point",
    "break_even_queries_per_day",
    "calculator_chart_html",
    "calculator_costs_html",
    "calculator_field_html",
    "calculator_form_html",
    "calculator_html",
    "calculator_problems_html",
    "calculator_result_html",
    "calculator_summary_html",
    "calculator_url",
    "check_answer",
    "compare",
    "consultants_markdown",
    "control_id",
    "cost_chart_html",
    "cost_chart_svg",
    "cost_inputs_html",
    "cost_table_html",
    "decision_table_html",
    "decode_answers",
    "decode_calculator_state",
    "default_values",
    "encode_answers",
    "encode_calculator_state",
    "escape",
    "escape_markdown",
    "example_markdown",
    "examples_markdown",
    "field_id",
    "format_answer",
    "format_number",
    "format_usd",
    "get_cost_input",
    "get_criterion",
    "get_field",
    "get_outcome",
    "get_question",
    "get_section",
    "get_threshold",
    "nice_ticks",
    "parse_value",
    "progress_text",
    "questions_html",
    "recommend",
    "render_answers",
    "render_call_to_action",
    "render_field",
    "render_problems",
    "render_question",
    "render_quiz",
    "render_result",
    "render_waiting",
    "section_url",
    "share_url",
    "short_usd",
    "table_months",
    "tally",
    "thresholds_html",
    "validate_answers",
    "value_text",
]
