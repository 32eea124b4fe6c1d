"""The words of a recommendation: which rows of the advice apply to a case, and the case's figures in them.

The engine decides; this module explains. The advice itself is data
(`decision_core.framework.advice_rows`): findings, caveats, plan sentences and
change sentences, each with the conditions under which it applies. Here are
the conditions (`CONDITIONS`), the case's facts they read (`Facts`), the
figures that fill the rows' placeholders, and the selection:

- a finding whose outcome is the choice (or that is neutral) is a `Reason`;
  one that favours another outcome is a counterpoint, shown as "What speaks
  against it";
- a caveat is listed when its conditions hold.

Figures come from `decision_core.framework` and `decision_core.model.thresholds`,
so a threshold changed there changes the wording too; lines are spoken of in
round figures (`base.format.about`), never as the integer just below them.
"""

from ..base.errors import UnknownId
from ..base.format import about, exact_money, money, number, plural
from ..framework.advice_rows import CAVEATS, CHANGE_WORDS, FINDINGS, ROLES, get_figure
from ..framework.effort import DAY_RATE, get_effort
from ..framework.questions import TOKENS_PER_PAGE
from ..framework.rules import get_outcome
from ..framework.sections import section_url
from .answers import Answers
from .thresholds import threshold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable


class Reason:
    """One finding about the case: a reason for the choice, or a counterpoint that favours another outcome."""

    __slots__ = ("text", "field", "section", "link", "favours", "id")

    text: str
    """The finding, in a sentence addressed to the client."""
    field: str
    """The answer field it is about, e.g. `knowledge_change`."""
    section: str
    """The id of the guide's section that explains it."""
    link: str
    """The section's site-relative URL, e.g. `framework/#q1-knowledge-change`."""
    favours: "str | None"
    """The outcome it supports, or `None` for neutral context."""
    id: str
    """The id of the advice row it comes from (empty when built by hand)."""

    def __init__(self, text: str, field: str, section: str, link: "str | None" = None,
                 favours: "str | None" = None, id: str = "") -> None:
        self.text = text
        self.field = field
        self.section = section
        self.link = section_url(section) if link is None else link
        self.favours = favours
        self.id = id

    def to_dict(self) -> "dict[str, object]":
        """Return the reason as a JSON-able dictionary (`text`, `link`, `favours`, `field`, `section`, `id`)."""
        return {"text": self.text, "link": self.link, "favours": self.favours, "field": self.field,
                "section": self.section, "id": self.id}

    def __repr__(self) -> str:
        return "Reason(%r, %r)" % (self.field, self.section)


class Caveat:
    """Something to check or plan for before acting on a recommendation."""

    __slots__ = ("id", "text", "section", "link", "standard")

    id: str
    """A stable id, e.g. `fine-tuning-availability`."""
    text: str
    """What to check or plan for, in a sentence or two."""
    section: str
    """The id of the guide's section that explains it."""
    link: str
    """The section's site-relative URL."""
    standard: bool
    """Whether every case of its kind gets it (see `decision_core.framework.advice_rows.CaveatRow`)."""

    def __init__(self, id: str, text: str, section: str, link: "str | None" = None,
                 standard: bool = False) -> None:
        self.id = id
        self.text = text
        self.section = section
        self.link = section_url(section) if link is None else link
        self.standard = standard

    def to_dict(self) -> "dict[str, object]":
        """Return the caveat as a JSON-able dictionary (`id`, `text`, `section`, `link`)."""
        return {"id": self.id, "text": self.text, "section": self.section, "link": self.link}

    def __repr__(self) -> str:
        return "Caveat(%r)" % (self.id,)


def _t(threshold_id: str) -> "int | float | str | None":
    return threshold(threshold_id).value


def _phrase(pairs: "tuple[tuple[str, str], ...]", value: str) -> str:
    for key, text in pairs:
        if key == value:
            return text
    return value


def _listed(items: "list[str]", last: str) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + last + " " + items[-1]


_CHANGE_EVERY = (("static", "never"), ("occasional", "a few times a year"), ("monthly", "every month"),
                 ("weekly", "every week"), ("daily", "every day"), ("real-time", "all the time"))
_QUALITY = (("high", "high-quality"), ("mixed", "mixed-quality"), ("low", "low-quality"),
            ("unknown", "unchecked"))
_KIND_NOUNS = (("tone", "tone"), ("format", "a strict output format"), ("reasoning", "expert reasoning"))
_KIND_ERRORS = (("tone", "tone"), ("format", "format"), ("reasoning", "reasoning"))


class Facts:
    """What the advice needs to know about a case: the answers, the choice and what the engine derived.

    The engine builds it (`decision_core.model.engine.facts_for`); the plan
    adds the approaches of its steps, which some caveats depend on.
    """

    __slots__ = ("answers", "choice", "usable", "enough", "affordable", "both_affordable",
                 "fine_tuning_cost", "both_cost", "volume_line", "knowledge_line_pages", "approaches",
                 "first_step_cost", "_figures")

    answers: Answers
    """The validated answers."""
    choice: str
    """The outcome the engine chose."""
    usable: int
    """How many labelled examples fine-tuning could rely on, given their quality."""
    enough: bool
    """Whether the usable examples reach the `min-examples` line."""
    affordable: bool
    """Whether the budget (if stated) covers the least a fine-tuning plan costs."""
    both_affordable: bool
    """Whether the budget (if stated) covers the least a retrieval-then-fine-tuning plan costs."""
    fine_tuning_cost: float
    """The least a fine-tuning plan costs in dollars, people's time and labelling included."""
    both_cost: float
    """The least a retrieval-then-fine-tuning plan costs in dollars, people's time and labelling included."""
    volume_line: "int | None"
    """The `high-volume` threshold: requests a day above which a fine-tuned model pays; `None` for never."""
    knowledge_line_pages: "float | None"
    """The most pages a cached whole-knowledge prompt holds (`small-knowledge-base` tokens / 500)."""
    approaches: "tuple[str, ...]"
    """The approaches of the plan's steps, in order (empty until the plan is made)."""
    first_step_cost: float
    """The least the plan's first step costs in people's time (0 until the plan is made)."""

    def __init__(self, answers: Answers, choice: str, usable: int, enough: bool, affordable: bool,
                 both_affordable: bool, fine_tuning_cost: float, both_cost: float,
                 volume_line: "int | None", knowledge_line_pages: "float | None") -> None:
        self.answers = answers
        self.choice = choice
        self.usable = usable
        self.enough = enough
        self.affordable = affordable
        self.both_affordable = both_affordable
        self.fine_tuning_cost = fine_tuning_cost
        self.both_cost = both_cost
        self.volume_line = volume_line
        self.knowledge_line_pages = knowledge_line_pages
        self.approaches = ()
        self.first_step_cost = 0.0
        self._figures = None  # (approaches, figures), worked out once per plan

    def __repr__(self) -> str:
        return "Facts(%r)" % (self.choice,)


def _near() -> float:
    return get_figure("near-line").value


def _high_volume(f: Facts) -> bool:
    return f.volume_line is not None and f.answers.queries_per_day >= f.volume_line


def _volume_repays(f: Facts) -> bool:
    a = f.answers
    return a.knowledge_change == "static" and not a.needs_citations and _high_volume(f)


def _near_above(value: float, line: "float | None") -> bool:
    return line is not None and line <= value < line * (1 + _near())


def _near_below(value: float, line: "float | None") -> bool:
    return line is not None and line * (1 - _near()) <= value < line


def _budget(f: Facts) -> "int | float | None":
    return f.answers.budget_usd


def _tight(f: Facts) -> bool:
    budget = f.answers.latency_budget_ms
    return budget is not None and budget <= _t("tight-latency")


def _breaks(f: Facts) -> bool:
    budget = f.answers.latency_budget_ms
    return budget is not None and budget <= _t("retrieval-latency-high")


def _kb_small(f: Facts) -> bool:
    pages = f.answers.knowledge_pages
    return pages is not None and f.knowledge_line_pages is not None and pages <= f.knowledge_line_pages


def _kb_near(f: Facts) -> bool:
    pages, line = f.answers.knowledge_pages, f.knowledge_line_pages
    if pages is None or line is None:
        return False
    return line * (1 - _near()) <= pages <= line * (1 + _near())


def _can_train(f: Facts) -> bool:
    return f.enough and f.affordable


def _volume_matters(f: Facts) -> bool:
    a = f.answers
    return f.choice in ("fine-tuning", "both") or (
        a.need != "behaviour" and a.knowledge_change == "static" and not a.needs_citations and _can_train(f))


CONDITIONS: "tuple[tuple[str, Callable[[Facts], bool]], ...]" = (
    ("static", lambda f: f.answers.knowledge_change == "static"),
    ("changes", lambda f: f.answers.knowledge_change != "static"),
    ("real-time", lambda f: f.answers.knowledge_change == "real-time"),
    ("citations", lambda f: f.answers.needs_citations),
    ("no-examples", lambda f: f.answers.labelled_examples == 0),
    ("has-examples", lambda f: f.answers.labelled_examples > 0),
    ("enough", lambda f: f.enough),
    ("plenty", lambda f: f.usable >= _t("comfortable-examples")),
    ("near-enough-above", lambda f: _near_above(f.usable, _t("min-examples"))),
    ("near-enough-below", lambda f: f.answers.data_quality in ("high", "mixed")
     and _near_below(f.usable, _t("min-examples"))),
    ("count-would-be-enough", lambda f: f.answers.labelled_examples >= _t("min-examples")),
    ("affordable", lambda f: f.affordable),
    ("both-affordable", lambda f: f.both_affordable),
    ("can-train", _can_train),
    ("budget-stated", lambda f: _budget(f) is not None),
    ("near-training", lambda f: _budget(f) is not None and _near_above(_budget(f), f.fine_tuning_cost)),
    ("near-both", lambda f: _budget(f) is not None and _near_above(_budget(f), f.both_cost)),
    ("budget-short-first", lambda f: _budget(f) is not None and _budget(f) < f.first_step_cost),
    ("short-for-training", lambda f: _budget(f) is not None and _budget(f) < f.fine_tuning_cost),
    ("awaiting-review", lambda f: f.answers.data_quality == "unknown"
     and f.answers.labelled_examples >= _t("min-examples")),
    ("volume-line-known", lambda f: f.volume_line is not None),
    ("volume-never", lambda f: f.volume_line is None),
    ("high-volume", _high_volume),
    ("volume-repays", _volume_repays),
    ("near-volume", lambda f: _near_above(f.answers.queries_per_day, f.volume_line)),
    ("near-volume-below", lambda f: _near_below(f.answers.queries_per_day, f.volume_line)),
    ("volume-matters", _volume_matters),
    ("busy-or-fast", lambda f: _high_volume(f) or _tight(f)),
    ("tight-latency", _tight),
    ("model-latency", lambda f: f.answers.latency_budget_ms is not None
     and f.answers.latency_budget_ms <= get_figure("model-first-word").value),
    ("breaks-latency", _breaks),
    ("retrieves-choice", lambda f: f.choice in ("rag", "both")),
    ("trains-choice", lambda f: f.choice in ("fine-tuning", "both")),
    ("kb-unknown", lambda f: f.answers.knowledge_pages is None),
    ("kb-line-known", lambda f: f.knowledge_line_pages is not None),
    ("kb-small", _kb_small),
    ("kb-large", lambda f: f.answers.knowledge_pages is not None and not _kb_small(f)),
    ("kb-near", _kb_near),
    ("kinds-unknown", lambda f: not f.answers.behaviour_kinds),
    ("plan-trains", lambda f: "fine-tuning" in f.approaches),
    ("plan-retrieves", lambda f: "rag" in f.approaches or "long-context" in f.approaches),
    ("plan-indexes", lambda f: "rag" in f.approaches),
    ("plan-long-context", lambda f: "long-context" in f.approaches),
)
"""The conditions advice rows name, besides the families `choice-<outcome>`, `need-<need>`,
`quality-<quality>` and `kinds-<kind>`, which compare one answer (or the choice) with a value."""

_FAMILIES = (("choice-", lambda f: (f.choice,)), ("need-", lambda f: (f.answers.need,)),
             ("quality-", lambda f: (f.answers.data_quality,)), ("kinds-", lambda f: f.answers.behaviour_kinds))


_BY_NAME = dict(CONDITIONS)  # looked up by name only: the order of a dict does not matter here


def holds(facts: Facts, name: str) -> bool:
    """Tell whether one named condition holds for a case.

    Args:
        facts: The case.
        name: A condition of `CONDITIONS` or of a family (`choice-rag`, `kinds-tone`...), optionally
            prefixed with `not-`.

    Returns:
        Whether it holds.

    Raises:
        KeyError: No condition has that name (a typo in an advice row; a test reads every row).
    """
    if name.startswith("not-"):
        return not holds(facts, name[4:])
    test = _BY_NAME.get(name)
    if test is not None:
        return bool(test(facts))
    for prefix, values in _FAMILIES:
        if name.startswith(prefix):
            return name[len(prefix):] in values(facts)
    raise KeyError("no advice condition is called " + repr(name))


def applies(facts: Facts, when: "tuple[str, ...]") -> bool:
    """Tell whether every condition of a row holds.

    Args:
        facts: The case.
        when: A row's conditions.

    Returns:
        True when all of them hold (and for a row without conditions).
    """
    for name in when:
        if not holds(facts, name):
            return False
    return True


def resolve(favours: "str | None", facts: Facts) -> "str | None":
    """Turn a row's `favours` (an outcome, a role or `None`) into the outcome it supports in this case.

    Args:
        favours: An outcome id, `retrieval`, `training`, `untrained` or `None`.
        facts: The case.

    Returns:
        An outcome id, or `None` for neutral context.
    """
    if favours not in ROLES:
        return favours
    need = facts.answers.need
    if favours == "retrieval":
        if facts.choice in ("rag", "both"):
            return facts.choice
        return "both" if need == "both" else "rag"
    if favours == "training":
        return "both" if need == "both" and not _volume_repays(facts) else "fine-tuning"
    return "prompt-first" if need == "behaviour" else "rag"


def _money_line(amount: float) -> str:
    return "$" + about(amount)


def _budget_days(budget: "int | float | None") -> str:
    """What a budget buys in people's time: `about 6 person-days`, or `less than a person-day`."""
    if budget is None:
        return ""
    days = int(budget / DAY_RATE.value)
    return "about " + plural(days, "person-day") if days else "less than a person-day"


def _pages_phrase(pages: "int | None") -> str:
    """The size of the knowledge: `about 150 pages, some 75,000 tokens`, or `under a page`."""
    if pages is None:
        return ""
    if pages < 1:
        return "under a page"
    return "about %s, some %s tokens" % (plural(pages, "page"), about(pages * TOKENS_PER_PAGE))


def _labelling_cost(facts: Facts) -> float:
    return max(0, _t("min-examples") - facts.usable) * _t("labelling-cost")


def _days(approach: str) -> str:
    """`3 to 5 person-days`."""
    effort = get_effort(approach)
    return "%d to %d person-days" % (effort.low_days, effort.high_days)


def figures(facts: Facts) -> "dict[str, str]":
    """The case's figures and phrases, by the placeholder names the advice rows use.

    Args:
        facts: The case.

    Returns:
        Text for every placeholder (`{qpd}`, `{line}`, `{behaviour}`...).
    """
    if facts._figures is not None and facts._figures[0] == facts.approaches:
        return facts._figures[1]
    a = facts.answers
    quality = _phrase(_QUALITY, a.data_quality)
    n, usable, line = number(a.labelled_examples), number(facts.usable), about(_t("min-examples"))
    if a.data_quality == "high":
        examples = "%s high-quality examples" % n
    elif a.data_quality == "mixed":
        examples = "%s mixed-quality examples (about %s good ones after a clean-up)" % (n, usable)
    else:
        examples = "%s examples" % n
    kinds = list(a.behaviour_kinds)
    rate = get_figure("error-rate-to-train").value
    missing = max(0, _t("min-examples") - facts.usable)
    labelling = ""
    if missing and "reasoning" in a.behaviour_kinds:  # only your experts can label their reasoning
        low, high = get_figure("expert-labelling-low").value, get_figure("expert-labelling-high").value
        labelling = (" (labelled by your experts, at %d to %d times the %s of a plain example, %s more would "
                     "cost about %s to %s)" % (low, high, money(_t("labelling-cost")), number(missing),
                                              _money_line(missing * _t("labelling-cost") * low),
                                              _money_line(missing * _t("labelling-cost") * high)))
    elif missing:
        labelling = " (labelling %s more at about %s each would cost about %s)" % (
            number(missing), money(_t("labelling-cost")), _money_line(missing * _t("labelling-cost")))
    pages = a.knowledge_pages
    kb_line = facts.knowledge_line_pages
    values = {
        "n": n, "usable": usable, "line": line, "comfortable": about(_t("comfortable-examples")),
        "n_examples": plural(a.labelled_examples, "example"), "n_good": plural(a.labelled_examples, "good example"),
        "n_mixed": plural(a.labelled_examples, "mixed-quality example"),
        "are": "is" if a.labelled_examples == 1 else "are", "leave": "leaves" if a.labelled_examples == 1 else "leave",
        "usable_good": plural(facts.usable, "good example"),
        "usable_ones": "no good ones" if not facts.usable else "about %s good %s" % (
            usable, "one" if facts.usable == 1 else "ones"),
        "quality": quality, "examples": examples, "labelling": labelling,
        "sample": "all %s" % plural(a.labelled_examples, "example")
        if a.labelled_examples <= get_figure("sample-review").value else
        "a random sample of about %s of your %s" % (number(get_figure("sample-review").value),
                                                    plural(a.labelled_examples, "example")),
        "change_every": _phrase(_CHANGE_EVERY, a.knowledge_change),
        "behaviour": " (%s)" % _listed([_phrase(_KIND_NOUNS, kind) for kind in kinds], "and") if kinds else "",
        "behaviour_errors": "errors of " + _listed([_phrase(_KIND_ERRORS, kind) for kind in kinds], "or")
        if kinds else "the behaviour wrong",
        "error_rate": "1 answer in %d" % int(1 / rate + 0.5),
        "qpd": number(a.queries_per_day), "qpd_requests": plural(a.queries_per_day, "request"),
        "volume_line": about(facts.volume_line) if facts.volume_line is not None else "",
        "latency": number(a.latency_budget_ms) if a.latency_budget_ms is not None else "",
        "r_low": number(_t("retrieval-latency-low")), "r_high": number(_t("retrieval-latency-high")),
        "budget": exact_money(a.budget_usd) if a.budget_usd is not None else "",
        "budget_days": _budget_days(a.budget_usd),
        "ft_cost": _money_line(facts.fine_tuning_cost), "both_cost": _money_line(facts.both_cost),
        "ft_plan_days": number(int(facts.fine_tuning_cost - _labelling_cost(facts)) // DAY_RATE.value), "first_days": _days(facts.approaches[0]) if facts.approaches else "",
        "day_rate": money(DAY_RATE.value),
        "pages": number(pages) if pages is not None else "",
        "pages_phrase": _pages_phrase(pages),
        "kb_pages": about(kb_line) if kb_line is not None else "",
        "ft_end": str(_t("openai-fine-tuning-end")), "retire": str(_t("base-model-retirement")),
        "retrain": number(_t("retraining-months")),
    }
    facts._figures = (facts.approaches, values)
    return values


def findings_for(facts: Facts) -> "tuple[tuple[Reason, ...], tuple[Reason, ...]]":
    """Select the findings that apply to a case and sort them into reasons and counterpoints.

    Args:
        facts: The case, with its plan's approaches.

    Returns:
        `(reasons, counterpoints)`: the findings that favour the choice (or
        are neutral), then those that favour another outcome, each in the
        order of `FINDINGS`.
    """
    values = figures(facts)
    reasons, counterpoints = [], []
    for row in FINDINGS:
        if not applies(facts, row.when):
            continue
        favours = resolve(row.favours, facts)
        item = Reason(row.text.format(**values), row.field, row.section, favours=favours, id=row.id)
        if favours is None or favours == facts.choice:
            reasons.append(item)
        else:
            counterpoints.append(item)
    return tuple(reasons), tuple(counterpoints)


def caveats_for(facts: Facts) -> "tuple[Caveat, ...]":
    """List what to check or plan for, in the order of `CAVEATS`, only where it applies.

    Args:
        facts: The case, with its plan's approaches.

    Returns:
        The caveats, each with its section and link.
    """
    values = figures(facts)
    return tuple(Caveat(row.id, row.text.format(**values), row.section, standard=row.standard)
                 for row in CAVEATS if applies(facts, row.when))


def change_text(field: str, move: str, line: str, choice: str, quality: str = "") -> str:
    """Say what one changed answer would lead to, in threshold words.

    Args:
        field: The answer field that changes.
        move: `up` or `down` across a line, or the new value (`weekly`; `yes` or `no` for a yes/no answer).
        line: The line crossed, as text (`500`, `$19,000`), for `up` and `down`.
        choice: The outcome id it leads to.
        quality: For labelled examples, the quality word with its space (`high-quality `) or nothing.

    Returns:
        A sentence such as "With at least about 500 high-quality examples, the
        recommendation would be fine-tuning."

    Raises:
        UnknownId: No change sentence is written for that field and move.

    Example:
        >>> change_text("queries_per_day", "down", "91,000", "rag")
        'Below roughly 91,000 requests a day, the recommendation would be RAG.'
    """
    for words in CHANGE_WORDS:
        if words.field == field and words.move == move:
            start = words.text.format(line=line, quality=quality)
            return start + ", the recommendation would be " + get_outcome(choice).name + "."
    raise UnknownId("change sentence", field + " " + move,
                    tuple(words.field + " " + words.move for words in CHANGE_WORDS))
