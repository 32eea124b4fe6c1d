"""The one marker scheme: `<!-- generate:NAME -->` alone on a line of a page, replaced by a generator.

A page asks for a generated part by a marker on a line of its own, e.g.
`<!-- generate:decision-table -->`. Each name maps to one generator in
`GENERATORS`, a function of a `Context` that returns Markdown or a block of
HTML. Markers are replaced before the page is converted, so generated
headings get anchors and a place in the table of contents, and the build's
anchor check sees every generated id. A marker inside a fenced code block is
left alone (so a page can show one); an unknown name fails the build.

Example:
    >>> marker_names("Intro\\n<!-- generate:question-q1 -->\\n```\\n<!-- generate:x -->\\n```")
    ['question-q1']
"""

from . import BuildError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

PREFIX = "generate:"
"""What follows `<!--` in every marker."""


class Context:
    """What a generator may need of the page being built and of the site."""

    __slots__ = ("page_url", "site_url", "titles", "settings")

    page_url: str
    """The page's site-relative URL, e.g. `framework/` (`""` for the home page)."""
    site_url: str
    """The site's absolute URL, ending with `/`, or `""` when the build has none."""
    titles: "dict[str, str]"
    """Each page's title by its site-relative URL."""
    settings: "dict[str, object]"
    """The site's `extra` settings (e.g. `call_to_action`)."""

    def __init__(self, page_url: str, site_url: str = "", titles: "dict[str, str] | None" = None,
                 settings: "dict[str, object] | None" = None) -> None:
        self.page_url = page_url
        self.site_url = site_url
        self.titles = titles or {}
        self.settings = settings or {}

    @property
    def base(self) -> str:
        """The prefix that makes a site-relative URL work from this page: `../` per folder."""
        return "../" * self.page_url.count("/")

    def href(self, url: str) -> str:
        """A site-relative URL (`framework/#q1`) as a link from this page."""
        path, _, fragment = url.partition("#")
        if path == self.page_url and fragment:
            return "#" + fragment
        link = self.base + path  # `404.html` sits at the root: no `../`.
        if not link:
            link = "./"
        return link + ("#" + fragment if fragment else "")

    def title(self, page_url: str) -> str:
        """A page's title by its site-relative URL (the URL itself when unknown)."""
        return self.titles.get(page_url, page_url)


def _marker_name(line: str) -> "str | None":
    """The marker's name when the line holds only a marker, else `None`."""
    text = line.strip()
    if not (text.startswith("<!--") and text.endswith("-->")):
        return None
    inner = text[4:-3].strip()
    if not inner.startswith(PREFIX):
        return None
    return inner[len(PREFIX):].strip()


def _lines_outside_fences(text: str):
    fence = ""
    for line in text.split("\n"):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            yield line, False
        elif stripped.startswith("```") or stripped.startswith("~~~"):
            fence = stripped[:3]
            yield line, False
        else:
            yield line, True


def marker_names(text: str) -> "list[str]":
    """The names of the markers in a page, outside fenced code, in order.

    Args:
        text: A page's Markdown.

    Returns:
        The names, e.g. `['decision-table']`.
    """
    names = []
    for line, live in _lines_outside_fences(text):
        name = _marker_name(line) if live else None
        if name is not None:
            names.append(name)
    return names


def replace_markers(text: str, render: "Callable[[str], str]") -> str:
    """Replace each marker line outside fenced code with `render(name)`, surrounded by blank lines.

    Args:
        text: A page's Markdown.
        render: Returns the replacement for a marker's name.

    Returns:
        The text with the markers replaced.
    """
    out = []
    for line, live in _lines_outside_fences(text):
        name = _marker_name(line) if live else None
        if name is not None:
            out.extend(("", render(name), ""))
            continue
        out.append(line)
    return "\n".join(out)


def _decision_table(context: Context) -> str:
    from decision_core.framework.rules import CRITERIA, OUTCOMES

    from .tables import decision_table_html

    return decision_table_html(CRITERIA, OUTCOMES, context.href)


def _thresholds(context: Context) -> str:
    from decision_core.model.thresholds import ALL_THRESHOLDS

    from .tables import thresholds_html

    return thresholds_html(ALL_THRESHOLDS)


def _question(question_id: str) -> "Callable[[Context], str]":
    def generate_question(context: Context) -> str:
        from decision_core.framework.questions import get_question

        from .tables import question_fields_html

        return question_fields_html(get_question(question_id))

    return generate_question


def _plan_effort(context: Context) -> str:
    from decision_core.framework.effort import DAY_RATE, EFFORTS
    from decision_core.model.plan import least_people_cost

    from .advice_tables import effort_html

    return effort_html(EFFORTS, DAY_RATE, (
        ("fine-tuning (a prompt baseline, then fine-tuning)", least_people_cost("fine-tuning")),
        ("retrieval followed by fine-tuning", least_people_cost("both"))))


def _advice_rows(context: Context) -> str:
    from decision_core.framework.advice_rows import CAVEATS, FINDINGS, STEP_TEXTS, UNTILS

    from .advice_tables import advice_rows_html

    return advice_rows_html(FINDINGS, CAVEATS, STEP_TEXTS, UNTILS, context.href)


def _cost_inputs(context: Context) -> str:
    from decision_core.framework.cost_inputs import COST_INPUTS

    from .tables import cost_inputs_html

    return cost_inputs_html(COST_INPUTS)


def _cost_chart(context: Context) -> str:
    from decision_core.model.costs import compare
    from decision_core.views.chart import cost_chart_svg, cost_table_html

    from .tables import cost_chart_html

    comparison = compare()
    return cost_chart_html(
        cost_chart_svg(comparison) + "\n" + cost_chart_svg(comparison, chart_id="cost-chart-narrow", layout="narrow"),
        cost_table_html(comparison),
        "Cumulative cost of each approach over time with the default inputs; "
        "the table below gives the same figures.",
    )


def _cost_presets(context: Context) -> str:
    from decision_core.framework.presets import DEFAULT_PRESET_ID, PRESETS

    from .costs import presets_html

    return presets_html(PRESETS, DEFAULT_PRESET_ID)


def _cost_worked_figures(context: Context) -> str:
    from decision_core.model.costs import compare

    from .costs import worked_figures_html

    return worked_figures_html(compare())


def _cost_break_even(context: Context) -> str:
    from decision_core.framework.presets import PRESETS
    from decision_core.model.costs import compare

    from .costs import break_even_html

    return break_even_html(compare(), PRESETS, compare)


def _cost_cached_prompt(context: Context) -> str:
    from decision_core.model.costs import compare
    from decision_core.model.thresholds import threshold

    from .costs import cached_prompt_html

    return cached_prompt_html(compare(), threshold("small-knowledge-base"), compare)


def _fine_tuning_availability(context: Context) -> str:
    from decision_core.framework.facts import get_fact
    from decision_core.framework.presets import CLOSED, ROUTES

    from .costs import availability_html

    return availability_html(ROUTES, [(provider, get_fact(fact_id)) for provider, fact_id in CLOSED])


def _facts(context: Context) -> str:
    from decision_core.framework.facts import FACTS

    from .costs import facts_html

    return facts_html(FACTS)


def _examples(context: Context) -> str:
    from decision_core.model.engine import recommend

    from .examples import examples_markdown, load_scenarios

    return examples_markdown(load_scenarios(), recommend, context.href)


def _consultants(context: Context) -> str:
    from decision_core.framework.sections import SECTIONS

    from .consultants import consultants_markdown

    return consultants_markdown(SECTIONS, context.site_url or "/", context.title, context.href)


def _quiz(context: Context) -> str:
    from decision_core.views.quiz import render_quiz

    return render_quiz(context.base, context.settings.get("call_to_action"))


def _calculator(context: Context) -> str:
    from decision_core.views.calculator import calculator_html

    return calculator_html()


GENERATORS: "tuple[tuple[str, Callable[[Context], str]], ...]" = (
    ("decision-table", _decision_table),
    ("thresholds", _thresholds),
    ("question-q1", _question("q1")),
    ("question-q2", _question("q2")),
    ("question-q3", _question("q3")),
    ("question-q4", _question("q4")),
    ("plan-effort", _plan_effort),
    ("advice-rows", _advice_rows),
    ("cost-inputs", _cost_inputs),
    ("cost-chart", _cost_chart),
    ("cost-presets", _cost_presets),
    ("cost-worked-figures", _cost_worked_figures),
    ("cost-break-even", _cost_break_even),
    ("cost-cached-prompt", _cost_cached_prompt),
    ("fine-tuning-availability", _fine_tuning_availability),
    ("facts", _facts),
    ("examples", _examples),
    ("consultants", _consultants),
    ("quiz", _quiz),
    ("calculator", _calculator),
)
"""Each marker's name and its generator. `decision_core` is imported when a
marker is met, so a rebuild sees edits to it."""

NAMES: "tuple[str, ...]" = tuple(name for name, _ in GENERATORS)
"""Every marker name."""


def generate(name: str, context: Context) -> str:
    """Run the generator of a marker.

    Args:
        name: The marker's name.
        context: The page and site.

    Returns:
        The generated Markdown or HTML block.

    Raises:
        BuildError: No generator has that name.
    """
    for known, function in GENERATORS:
        if known == name:
            return function(context)
    raise BuildError("unknown marker <!-- %s%s --> in %s; the markers are: %s"
                     % (PREFIX, name, context.page_url or "the home page", ", ".join(NAMES)))
