"""The four questions of the framework, and the answer fields they ask for.

The quiz, the command line and the share-link codec are all generated from this
data: each `Question` holds its `Field`s, and each choice field its `Option`s,
in the order a reader meets them. Ordered data lives in tuples, because
MicroPython's dictionaries do not keep insertion order.

`FIELDS` lists the ten fields of the answers contract in contract order
(the order of the answers contract in the shared scenarios README), which is also the order of
`Answers.to_dict()` and of the share-link token. Each `Question` asks its
fields in its own order, which may differ: the size of the knowledge and the
kind of behaviour are asked right after "knowledge, behaviour or both?".

Example:
    >>> get_field("need").question
    'q2'
    >>> [option.value for option in get_field("need").options]
    ['knowledge', 'behaviour', 'both']
"""

from ..base.errors import UnknownId
from ..base.lookup import find

KINDS: "tuple[str, ...]" = ("choice", "choices", "integer", "number", "boolean")
"""The kinds of answer a field can take: `choices` is any number of its options (checkboxes)."""

TOKENS_PER_PAGE: int = 500
"""About how many tokens of text a page holds, to turn `knowledge_pages` into tokens (the answers contract)."""

MAXIMUM: int = 10**12
"""The largest number any numeric field accepts: a guard against typos and overflow."""


class Option:
    """One answer a choice field offers."""

    __slots__ = ("value", "label", "help")

    value: str
    """The value stored in an answer set, e.g. `weekly`."""
    label: str
    """A short label for a button or a numbered list, e.g. `Every week`."""
    help: str
    """One sentence that helps a client pick it, in plain words."""

    def __init__(self, value: str, label: str, help: str) -> None:
        self.value = value
        self.label = label
        self.help = help

    def __repr__(self) -> str:
        return "Option(%r)" % (self.value,)


class Field:
    """One answer of the answers contract, with everything needed to ask for and check it."""

    __slots__ = ("name", "label", "kind", "options", "required", "default",
                 "minimum", "nullable", "help", "question", "maximum")

    name: str
    """The key in an answer set, e.g. `labelled_examples`."""
    label: str
    """The question as a form label, e.g. `How many labelled examples do you have?`."""
    kind: str
    """One of `choice`, `choices`, `integer`, `number` or `boolean` (see `KINDS`)."""
    options: "tuple[Option, ...]"
    """The accepted answers of a `choice` or `choices` field, in display order; empty for other kinds."""
    required: bool
    """Whether an answer set must contain this field."""
    default: "object"
    """The value an optional field takes when it is left out (`None` for a required field)."""
    minimum: "int | float | None"
    """The smallest accepted number, for `integer` and `number` fields."""
    nullable: bool
    """Whether `null` (`None`) is an accepted answer, meaning "not stated"."""
    help: str
    """One or two sentences explaining the field to a client."""
    question: str
    """The id of the `Question` that asks it, e.g. `q3`."""
    maximum: "int | float | None"
    """The largest accepted number, for `integer` and `number` fields."""

    def __init__(self, name: str, label: str, kind: str, options: "tuple[Option, ...]" = (),
                 required: bool = True, default: object = None,
                 minimum: "int | float | None" = None, nullable: bool = False,
                 help: str = "", question: str = "",
                 maximum: "int | float | None" = None) -> None:
        self.name = name
        self.label = label
        self.kind = kind
        self.options = tuple(options)
        self.required = required
        self.default = default
        self.minimum = minimum
        self.nullable = nullable
        self.help = help
        self.question = question
        self.maximum = maximum

    @property
    def values(self) -> "tuple[str, ...]":
        """The accepted values of a `choice` or `choices` field, in display order."""
        return tuple(option.value for option in self.options)

    def option(self, value: str) -> Option:
        """Return the option with this value.

        Args:
            value: An option value, e.g. `high`.

        Returns:
            The option.

        Raises:
            UnknownId: The field has no such option.
        """
        for option in self.options:
            if option.value == value:
                return option
        raise UnknownId("option of " + self.name, value, self.values)

    def __repr__(self) -> str:
        return "Field(%r)" % (self.name,)


class Question:
    """One of the framework's four questions, with the fields that answer it."""

    __slots__ = ("id", "number", "title", "text", "help", "section", "fields")

    id: str
    """`q1` to `q4`."""
    number: int
    """1 to 4."""
    title: str
    """A short title, e.g. `Is the knowledge dynamic or static?`."""
    text: str
    """The question as asked in the quiz."""
    help: str
    """Why the question matters, in a sentence or two."""
    section: str
    """The id of the guide's section that explains it (see `decision_core.sections`)."""
    fields: "tuple[Field, ...]"
    """The answer fields this question asks for, in quiz order."""

    def __init__(self, id: str, number: int, title: str, text: str, help: str,
                 section: str, fields: "tuple[Field, ...]") -> None:
        self.id = id
        self.number = number
        self.title = title
        self.text = text
        self.help = help
        self.section = section
        self.fields = tuple(fields)

    def __repr__(self) -> str:
        return "Question(%r)" % (self.id,)


_KNOWLEDGE_CHANGE = Field(
    "knowledge_change", "How often does the information the model must use change?", "choice",
    (
        Option("static", "Practically never",
               "It has stayed the same for years, like a fixed rulebook or a finished archive."),
        Option("occasional", "A few times a year",
               "It is revised now and then, for example each quarter."),
        Option("monthly", "Every month", "Something in it is updated about once a month."),
        Option("weekly", "Every week", "Prices, terms or documents are revised most weeks."),
        Option("daily", "Every day", "New records, prices or documents arrive daily."),
        Option("real-time", "All the time",
               "It changes by the minute, like stock levels or parcel tracking."),
    ),
    help="A trained model only knows what it saw in training; a document store can be updated in minutes.",
    question="q1",
)
_NEED = Field(
    "need", "What is missing today: facts, behaviour, or both?", "choice",
    (
        Option("knowledge", "It needs to know more",
               "It should answer from your own documents, products or records."),
        Option("behaviour", "It needs to behave differently",
               "It should use your tone, follow a strict output format, or reason like your experts."),
        Option("both", "Both",
               "It needs your facts and it must also write or reason in your particular way."),
    ),
    help="Facts are knowledge; tone, a strict format or expert reasoning is behaviour.",
    question="q2",
)
_NEEDS_CITATIONS = Field(
    "needs_citations", "Must each answer show where it came from?", "boolean",
    required=False, default=False,
    help="For example a clause, a page number or a link the reader can check.",
    question="q2",
)
_LABELLED_EXAMPLES = Field(
    "labelled_examples", "How many worked examples (an input and the ideal output) do you have?",
    "integer", minimum=0, maximum=MAXIMUM,
    help="Count pairs a person has checked, such as a question with its approved answer. Enter 0 if none.",
    question="q3",
)
_DATA_QUALITY = Field(
    "data_quality", "How good are those examples?", "choice",
    (
        Option("high", "Checked and consistent",
               "Reviewed by experts; they all follow the same standard."),
        Option("mixed", "Some good, some not",
               "Usable after a clean-up: some are outdated, inconsistent or wrong."),
        Option("low", "Inconsistent or unreliable",
               "They disagree with each other or include answers you would not send today."),
        Option("unknown", "Not sure", "Nobody has checked them yet, or there are none."),
    ),
    required=False, default="unknown",
    help="A model trained on poor examples repeats their mistakes with confidence.",
    question="q3",
)
_QUERIES_PER_DAY = Field(
    "queries_per_day", "About how many requests a day do you expect?", "integer",
    minimum=0, maximum=MAXIMUM,
    help="A rough figure is fine; at high volume, small savings per request add up.",
    question="q4",
)
_LATENCY_BUDGET_MS = Field(
    "latency_budget_ms", "How fast must a response be, in milliseconds?", "integer",
    required=False, default=None, minimum=1, maximum=MAXIMUM, nullable=True,
    help="The longest a user can wait for a full answer (1,000 ms is one second). Leave empty if there is no hard limit.",
    question="q4",
)
_KNOWLEDGE_PAGES = Field(
    "knowledge_pages", "About how many pages does the knowledge fill?", "integer",
    required=False, default=None, minimum=0, maximum=MAXIMUM, nullable=True,
    help="Everything the model must draw on, as printed pages: a 40-page policy, a shelf of manuals, "
         "a catalogue of millions of items. A rough figure is fine; leave it empty if you do not know.",
    question="q2",
)
_BEHAVIOUR_KINDS = Field(
    "behaviour_kinds", "Which behaviour must change?", "choices",
    (
        Option("tone", "Tone and voice",
               "It must sound like your brand, your clinicians or your lawyers."),
        Option("format", "A strict output format",
               "Its output feeds another system or a template: fixed JSON, a label set, a clause order."),
        Option("reasoning", "Expert reasoning",
               "It must weigh a case the way your specialists do: a claim, a contract, a diagnosis."),
    ),
    required=False, default=(),
    help="Tick all that apply, or none if you are not sure.",
    question="q2",
)
_BUDGET_USD = Field(
    "budget_usd", "How much money is available to launch, in US dollars?", "number",
    required=False, default=None, minimum=0, maximum=MAXIMUM, nullable=True,
    help="Include people's time for preparing data. Leave empty if not decided.",
    question="q4",
)

FIELDS: "tuple[Field, ...]" = (
    _KNOWLEDGE_CHANGE, _NEED, _LABELLED_EXAMPLES, _DATA_QUALITY,
    _QUERIES_PER_DAY, _LATENCY_BUDGET_MS, _BUDGET_USD, _NEEDS_CITATIONS,
    _KNOWLEDGE_PAGES, _BEHAVIOUR_KINDS,
)
"""The ten fields of the answers contract, in contract order."""

QUESTIONS: "tuple[Question, ...]" = (
    Question("q1", 1, "Is the knowledge dynamic or static?",
             "How often does the information your model must use change?",
             "Information that changes often is better looked up at answer time than trained in.",
             "q1-knowledge-change", (_KNOWLEDGE_CHANGE,)),
    Question("q2", 2, "Behave differently, or know more?",
             "Does the model need to know more, or to behave differently?",
             "Retrieval adds knowledge; fine-tuning changes behaviour.",
             "q2-behaviour-or-knowledge", (_NEED, _KNOWLEDGE_PAGES, _NEEDS_CITATIONS, _BEHAVIOUR_KINDS)),
    Question("q3", 3, "How much labelled data, of what quality?",
             "How many good worked examples do you have?",
             "Fine-tuning learns from examples, typically 500 to 10,000 or more; retrieval only needs your documents.",
             "q3-labelled-data", (_LABELLED_EXAMPLES, _DATA_QUALITY)),
    Question("q4", 4, "What are the cost and latency constraints?",
             "How many requests, how fast, and with what budget?",
             "Retrieval adds a step and extra text to every request; fine-tuning costs up front but can be cheaper per request.",
             "q4-cost-latency", (_QUERIES_PER_DAY, _LATENCY_BUDGET_MS, _BUDGET_USD)),
)
"""The four questions, in the order the quiz asks them."""


def get_field(name: str) -> Field:
    """Return the answer field with this name (e.g. `data_quality`); `UnknownId` if no field has it."""
    return find(FIELDS, "answer field", name, "name")


def get_question(question_id: str) -> Question:
    """Return the question with this id (`q1` to `q4`); `UnknownId` if no question has it."""
    return find(QUESTIONS, "question", question_id)
