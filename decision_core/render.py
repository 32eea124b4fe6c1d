"""Markdown and HTML for the guide's generated parts: tables, examples and link lists.

The MkDocs hook (`overrides/hooks/site.py`) replaces markers such as
`<!-- decision_core:decision-table -->` in the pages with what these functions
return, so every table in the guide comes from the framework's data and cannot
drift from it. The functions are pure: they take the data (and, for links, an
`href` function that turns a site-relative URL into the link to write), return
a string, and escape every piece of text they put into it.

Tables are HTML (a `<table>` with a caption and header cells), so that they read
without scripts and no Markdown character in the data can break them. Headings
that carry a section of the link contract are Markdown with an explicit
`{ #anchor-id }`, so that they get a permalink and a place in the table of
contents.

Example:
    >>> escape('<b>"RAG" & co</b>')
    '&lt;b&gt;&quot;RAG&quot; &amp; co&lt;/b&gt;'
    >>> format_number(3000000)
    '3,000,000'
"""

import html

from .errors import DecisionError
from .questions import FIELDS
from .rules import get_outcome
from .sections import get_section

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .questions import Field, Question
    from .rules import Criterion, Outcome, Threshold
    from .sections import Section


def _same(url: str) -> str:
    return url


def escape(text: object) -> str:
    """Escape text for HTML element content and double-quoted attribute values.

    Args:
        text: Any value; it is converted with `str` first.

    Returns:
        The text with `&`, `<`, `>`, `"` and `'` replaced by character references.
    """
    return html.escape(str(text), True)


_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!"
"""Python-Markdown's own backslash escapes (`>` and `<` become character references)."""


def escape_markdown(text: object) -> str:
    """Escape text for a line of Markdown, such as a heading.

    HTML characters become character references and every character with a
    meaning in Markdown (`*`, `_`, `[`, `#`, `{` and the like) gets a backslash,
    so the text shows literally.

    Args:
        text: Any value; it is converted with `str` first.

    Returns:
        The escaped text, on one line.
    """
    out = []
    for char in html.escape(" ".join(str(text).split()), False):
        if char in _MARKDOWN_SPECIALS:
            out.append("\\")
        out.append(char)
    return "".join(out)


def format_number(value: object) -> str:
    """Format a figure for reading: thousands separators, no needless decimals.

    Args:
        value: An `int`, a `float`, a `bool`, `None` or a string (shown as is).

    Returns:
        E.g. `3,000,000`, `0.4`, `yes`, `not stated`.
    """
    if value is None:
        return "not stated"
    if isinstance(value, bool):  # Before int: under MicroPython bool is no int.
        return "yes" if value else "no"
    if isinstance(value, int):
        return "{:,}".format(value)
    if isinstance(value, float):
        # Digits by hand: MicroPython's "{:,.4f}" drops the thousands separators.
        scaled = int(abs(value) * 10000 + 0.5)
        text = "{:,}".format(scaled // 10000)
        if scaled % 10000:
            text += ("." + str(10000 + scaled % 10000)[1:]).rstrip("0")
        return ("-" if value < 0 and scaled else "") + text
    return str(value)


def _source(source: str) -> str:
    """A source as HTML: a link when it is a web address, plain text otherwise."""
    if source.startswith("https://") or source.startswith("http://"):
        return '<a href="%s">%s</a>' % (escape(source), escape(source))
    return escape(source)


def _link(href: "Callable[[str], str]", section_id: str, text: object, hidden: bool = False) -> str:
    """An HTML link to a section of the guide, with escaped text.

    With `hidden`, the section's title follows the text for screen readers
    only, so that many short links ("Why?") stay distinguishable.
    """
    section = get_section(section_id)
    extra = ""
    if hidden:
        extra = '<span class="visually-hidden"> (%s)</span>' % escape(section.title)
    return '<a href="%s">%s%s</a>' % (escape(href(section.url)), escape(text), extra)


# -- The quick decision table -------------------------------------------------------------

_SHORT_NAMES = (("rag", "RAG"), ("fine-tuning", "Fine-tuning"), ("both", "Both"))
"""Column labels short enough for a phone, by outcome id; other outcomes use their name."""


def decision_table_html(criteria: "Iterable[Criterion]", outcomes: "Iterable[Outcome]",
                        href: "Callable[[str], str]" = _same) -> str:
    """The quick decision table as HTML that reads without scripts and can be made live.

    One row per criterion, grouped by the section that lists it (`choose-rag`,
    `choose-fine-tuning`, `choose-both`: each group's header row carries that
    anchor id). Each row holds a disabled checkbox (`name="criterion"`,
    `value` = the criterion id) with the criterion as its label, and the
    outcome it favours. The table's foot holds one tally row per outcome that
    any criterion favours (`<output data-outcome="rag">0</output>`), and a
    polite live region follows the table for the verdict. The decision-table
    widget enables the checkboxes and updates the tallies and the verdict.

    Args:
        criteria: The rows, in table order (`rules.CRITERIA`).
        outcomes: The outcomes, in display order (`rules.OUTCOMES`), for their names.
        href: Turns a site-relative URL into the link to write (the hook makes it relative to the page).

    Returns:
        `<div class="live-table" data-widget="decision-table">…</div>`.
    """
    criteria = tuple(criteria)
    names = []  # (outcome id, column label), in display order
    for outcome in outcomes:
        label = outcome.name[:1].upper() + outcome.name[1:]
        for known, short in _SHORT_NAMES:
            if known == outcome.id:
                label = short
        names.append((outcome.id, label))
    groups = []  # (section id, [criteria]), in the order first met
    for criterion in criteria:
        for group in groups:
            if group[0] == criterion.section:
                group[1].append(criterion)
                break
        else:
            groups.append((criterion.section, [criterion]))

    def name_of(outcome_id: str) -> str:
        for known, name in names:
            if known == outcome_id:
                return name
        return outcome_id

    lines = [
        '<div class="live-table" data-widget="decision-table">',
        '<table class="dc-table decision-table">',
        "<caption>The quick decision table: each criterion and the approach it favours."
        ' <span class="live-table__hint">Tick the rows that are true of your project to see'
        " which approach they point to.</span></caption>",
        '<thead><tr><th scope="col">Criterion</th><th scope="col">Favours</th></tr></thead>',
    ]
    for section_id, members in groups:
        section = get_section(section_id)
        lines.append('<tbody data-group="%s">' % escape(section_id))
        lines.append(
            '<tr class="decision-table__group" id="%s"><th scope="rowgroup" colspan="2">'
            '<a class="decision-table__anchor" href="%s">%s</a></th></tr>'
            % (escape(section_id), escape(href(section.url)), escape(section.title))
        )
        for criterion in members:
            box = "crit-" + criterion.id
            lines.append(
                '<tr data-favours="%s"><th scope="row">'
                '<input type="checkbox" name="criterion" value="%s" id="%s" data-favours="%s" disabled>'
                ' <label for="%s">%s</label></th><td>%s</td></tr>'
                % (escape(criterion.favours), escape(criterion.id), escape(box),
                   escape(criterion.favours), escape(box), escape(criterion.text),
                   escape(name_of(criterion.favours)))
            )
        lines.append("</tbody>")
    lines.append("<tfoot>")
    for outcome_id, name in names:
        total = 0
        for criterion in criteria:
            if criterion.favours == outcome_id:
                total += 1
        if total == 0:
            continue
        lines.append(
            '<tr class="decision-table__tally"><th scope="row">Ticked for %s</th>'
            '<td><output data-outcome="%s">0</output> of %d</td></tr>'
            % (escape(name), escape(outcome_id), total)
        )
    lines.append("</tfoot>")
    lines.append("</table>")
    lines.append('<p class="live-table__verdict" aria-live="polite"></p>')
    lines.append("</div>")
    return "\n".join(lines)


# -- Thresholds, questions and cost inputs ------------------------------------------------


def _money(value: "int | float") -> str:
    """An amount of dollars: cents only when there are any (`0.40`, `1,224`)."""
    hundredths = int(abs(value) * 100 + 0.5)
    text = "{:,}".format(hundredths // 100)
    if hundredths % 100:
        text += "." + str(100 + hundredths % 100)[1:]
    return ("-" if value < 0 and hundredths else "") + text


def _value_with_unit(value: object, unit: str) -> str:
    """A figure with its unit, as a reader says it: `$0.40 per 1M tokens`, `10%`, `500 examples`."""
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not numeric or unit in ("", "date"):
        return format_number(value)
    for prefix in ("USD", "$"):
        if unit.startswith(prefix):
            return "$" + _money(value) + unit[len(prefix):]
    if unit == "share":
        return format_number(value * 100) + "%"
    if unit.startswith("%"):
        return format_number(value) + unit
    return format_number(value) + " " + unit


def thresholds_html(thresholds: "Iterable[Threshold]") -> str:
    """The framework's figures as a table, each with its source and as-of date.

    Args:
        thresholds: `rules.THRESHOLDS`.

    Returns:
        A `<table class="dc-table dc-table--stack thresholds">`; each row has the id `threshold-<id>`.
    """
    lines = [
        '<table class="dc-table dc-table--stack thresholds">',
        "<caption>The figures the framework decides by, with their sources.</caption>",
        '<thead><tr><th scope="col">Figure</th><th scope="col">What it means</th>'
        '<th scope="col">Source</th><th scope="col">As of</th></tr></thead>',
        "<tbody>",
    ]
    for threshold in thresholds:
        lines.append(
            '<tr id="threshold-%s"><th scope="row">%s</th><td data-label="Meaning">%s</td>'
            '<td data-label="Source">%s</td><td data-label="As of">%s</td></tr>'
            % (escape(threshold.id), escape(_value_with_unit(threshold.value, threshold.unit)),
               escape(threshold.text), _source(threshold.source), escape(threshold.as_of))
        )
    lines.append("</tbody>")
    lines.append("</table>")
    return "\n".join(lines)


def _field_kind(field: "Field") -> str:
    if field.kind == "choice":
        return "Choose one"
    if field.kind == "boolean":
        return "Yes or no"
    text = "A whole number" if field.kind == "integer" else "A number"
    if field.minimum is not None:
        text += ", at least " + format_number(field.minimum)
    return text


def questions_html(questions: "Iterable[Question]", href: "Callable[[str], str]" = _same) -> str:
    """The four questions with every answer field, its options and their help.

    Args:
        questions: `questions.QUESTIONS`.
        href: Turns a site-relative URL into the link to write.

    Returns:
        One `<section class="dc-question">` per question, each with a definition list of its fields.
    """
    lines = ['<div class="dc-questions">']
    for question in questions:
        lines.append('<section class="dc-question" data-question="%s">' % escape(question.id))
        lines.append(
            '<p class="dc-question__title"><strong>%s</strong></p>'
            % _link(href, question.section, "Question %d: %s" % (question.number, question.title))
        )
        lines.append("<p>%s</p>" % escape(question.help))
        lines.append("<dl>")
        for field in question.fields:
            optional = "" if field.required else " (optional)"
            lines.append("<dt>%s%s</dt>" % (escape(field.label), escape(optional)))
            lines.append("<dd><p>%s. %s</p>" % (escape(_field_kind(field)), escape(field.help)))
            if field.options:
                lines.append("<ul>")
                for option in field.options:
                    lines.append("<li><strong>%s</strong>: %s</li>" % (escape(option.label), escape(option.help)))
                lines.append("</ul>")
            lines.append("</dd>")
        lines.append("</dl>")
        lines.append("</section>")
    lines.append("</div>")
    return "\n".join(lines)


def cost_inputs_html(inputs: "Iterable[object]") -> str:
    """The cost model's default inputs as a table, with unit, range, source and as-of date.

    Args:
        inputs: `cost_inputs.COST_INPUTS`: objects with `id`, `label`, `default`, `unit`,
            `minimum`, `maximum`, `source` and `as_of`.

    Returns:
        A `<table class="dc-table dc-table--stack cost-inputs">`; each row has the id `cost-input-<id>`.
    """
    lines = [
        '<table class="dc-table dc-table--stack cost-inputs">',
        "<caption>The calculator's default inputs. Every one is editable in the calculator.</caption>",
        '<thead><tr><th scope="col">Input</th><th scope="col">Default</th><th scope="col">Range</th>'
        '<th scope="col">Source</th><th scope="col">As of</th></tr></thead>',
        "<tbody>",
    ]
    for item in inputs:
        choices = getattr(item, "choices", None)
        if choices:
            default = str(item.default)
            for value, label in choices:
                if value == item.default:
                    default = label
            span = "; ".join(label for _, label in choices)
        else:
            default = _value_with_unit(item.default, item.unit)
            if item.default is None:
                default = "empty (optional)"
            span = format_number(item.minimum) + " to " + _value_with_unit(item.maximum, item.unit)
        lines.append(
            '<tr id="cost-input-%s"><th scope="row">%s</th><td data-label="Default">%s</td>'
            '<td data-label="Range">%s</td><td data-label="Source">%s</td><td data-label="As of">%s</td></tr>'
            % (escape(item.id), escape(item.label), escape(default), escape(span),
               _source(item.source), escape(item.as_of))
        )
    lines.append("</tbody>")
    lines.append("</table>")
    return "\n".join(lines)


def cost_chart_html(svg: str, table: str, caption: str) -> str:
    """The default-input cost chart and its table alternative, both visible without scripts.

    Args:
        svg: The chart, as made by `chart.cost_chart_svg` (trusted markup).
        table: The same figures as a table, as made by `chart.cost_table_html` (trusted markup).
        caption: Plain text describing the chart; it is escaped.

    Returns:
        A `<figure class="cost-figure">` followed by the table.
    """
    return "\n".join((
        '<figure class="cost-figure">',
        svg,
        "<figcaption>%s</figcaption>" % escape(caption),
        "</figure>",
        '<div class="cost-chart__table">',
        table,
        "</div>",
    ))


# -- Worked examples --------------------------------------------------------------------


def _answer_value(field: "Field | None", value: object) -> str:
    if field is not None and field.kind == "choice" and isinstance(value, str):
        for option in field.options:
            if option.value == value:
                return option.label
    if field is not None and value is None and field.nullable:
        return "No limit" if field.name.endswith("_ms") else "Not stated"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field is not None and isinstance(value, (int, float)):
        if field.name.endswith("_ms"):
            return format_number(value) + " ms"
        if field.name.endswith("_usd"):
            return "$" + _money(value)
    return format_number(value)


def _answers_table(answers: "dict") -> str:
    rows = []
    seen = []
    for field in FIELDS:
        if field.name in answers:
            seen.append(field.name)
            rows.append('<tr><th scope="row">%s</th><td>%s</td></tr>'
                        % (escape(field.label), escape(_answer_value(field, answers[field.name]))))
    for name in sorted(key for key in answers if key not in seen):
        rows.append('<tr><th scope="row">%s</th><td>%s</td></tr>'
                    % (escape(name), escape(_answer_value(None, answers[name]))))
    return "\n".join([
        '<table class="dc-table example-answers">',
        "<caption>The client's answers</caption>",
        '<thead><tr><th scope="col">Question</th><th scope="col">Answer</th></tr></thead>',
        "<tbody>",
    ] + rows + ["</tbody>", "</table>"])


def _item(item: object, href: "Callable[[str], str]") -> str:
    """A reason, caveat or change as a list item: its text, linked to its section when it has one."""
    text = getattr(item, "text", item)
    section = getattr(item, "section", None)
    if section:
        return "<li>%s %s</li>" % (escape(text), _link(href, section, "Why?", True))
    return "<li>%s</li>" % escape(text)


def _list(title: str, items: "Iterable[object]", href: "Callable[[str], str]") -> "list[str]":
    items = list(items)
    if not items:
        return []
    return ["<p><strong>%s</strong></p>" % escape(title), "<ul>"] + [_item(i, href) for i in items] + ["</ul>"]


def example_markdown(scenario: "dict", recommend: "Callable[[dict], object]",
                     href: "Callable[[str], str]" = _same) -> str:
    """One worked example: heading, situation, answers, the engine's recommendation, note.

    Args:
        scenario: One case of `tests/scenarios/public.json`: `id`, `description`,
            `answers`, and optionally `note`.
        recommend: The engine (`engine.recommend`), called with the answers.
        href: Turns a site-relative URL into the link to write.

    Returns:
        Markdown: a level-2 heading with the section's anchor (`example-s01`),
        then HTML blocks. The result block carries `data-scenario` and
        `data-choice` (the engine's choice, or `error` when it refuses).
    """
    section = get_section("example-" + str(scenario["id"]).lower())
    answers = scenario.get("answers", {})
    parts = [
        "## %s { #%s }" % (escape_markdown(section.title), section.id),
        "",
        '<div class="example">',
        '<p class="example__situation"><strong>The situation.</strong> %s</p>' % escape(scenario.get("description", "")),
        _answers_table(answers),
    ]
    try:
        result = recommend(answers)
    except DecisionError as error:
        problems = getattr(error, "problems", [])
        parts.append('<div class="admonition failure example__result" data-scenario="%s" data-choice="error">'
                     % escape(scenario["id"]))
        parts.append('<p class="admonition-title">The engine asks for more before it recommends</p>')
        if problems:
            parts.append("<ul>")
            for problem in problems:
                parts.append("<li><code>%s</code>: %s</li>" % (escape(problem.field), escape(problem.message)))
            parts.append("</ul>")
        else:
            parts.append("<p>%s</p>" % escape(error))
        parts.append("</div>")
    else:
        choice = str(result.choice)
        parts.append('<div class="admonition success example__result" data-scenario="%s" data-choice="%s">'
                     % (escape(scenario["id"]), escape(choice)))
        outcome = get_outcome(choice)
        parts.append('<p class="admonition-title">The engine recommends: %s</p>'
                     % _link(href, outcome.section, outcome.title))
        parts.append("<p>%s</p>" % escape(result.headline))
        parts.extend(_list("Why", result.reasons, href))
        parts.extend(_list("Watch out for", getattr(result, "caveats", ()), href))
        parts.extend(_list("What would change it", getattr(result, "changes", ()), href))
        parts.append("</div>")
    if scenario.get("note"):
        parts.append('<p class="example__note"><strong>Note.</strong> %s</p>' % escape(scenario["note"]))
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def examples_markdown(scenarios: "Iterable[dict]", recommend: "Callable[[dict], object]",
                      href: "Callable[[str], str]" = _same) -> str:
    """Every worked example, in the order given (see `example_markdown`).

    Args:
        scenarios: The cases of `tests/scenarios/public.json`.
        recommend: The engine (`engine.recommend`).
        href: Turns a site-relative URL into the link to write.

    Returns:
        Markdown with one level-2 section per example.
    """
    return "\n".join(example_markdown(scenario, recommend, href) for scenario in scenarios)


# -- Links for consultants ----------------------------------------------------------------


def _page_anchor(page: str) -> str:
    slug = page.strip("/").replace("/", "-") or "home"
    return "links-" + slug


def consultants_markdown(sections: "Iterable[Section]", site_url: str,
                         page_titles: "Callable[[str], str]",
                         href: "Callable[[str], str]" = _same) -> str:
    """Every linkable section, grouped by page, with its absolute URL and a copy button.

    Each group is a level-2 heading (`{ #links-<page> }`) naming the page; each
    section is a list item with its title linked, its summary, its absolute URL
    as selectable text and a `<button>` (hidden until the page's script enables
    it) that copies that URL. One polite live region announces "Link copied".

    Args:
        sections: `sections.SECTIONS`, in reading order.
        site_url: The site's absolute URL, ending with `/`.
        page_titles: Returns a page's title from its site-relative URL (e.g. `framework/`).
        href: Turns a site-relative URL into the link to write.

    Returns:
        Markdown with HTML blocks.
    """
    groups = []  # (page, [sections]), in reading order
    for section in sections:
        for group in groups:
            if group[0] == section.page:
                group[1].append(section)
                break
        else:
            groups.append((section.page, [section]))
    parts = ['<p class="copy-link__status visually-hidden" role="status" aria-live="polite"></p>', ""]
    for page, members in groups:
        parts.append("## %s { #%s }" % (escape_markdown(page_titles(page)), _page_anchor(page)))
        parts.append("")
        parts.append('<ul class="section-links">')
        for section in members:
            absolute = site_url + section.url
            parts.append(
                '<li class="section-link" data-section="%s">'
                '<p class="section-link__title"><a href="%s">%s</a></p>'
                '<p class="section-link__summary">%s</p>'
                '<p class="section-link__url"><code>%s</code>'
                ' <button type="button" class="md-button section-link__copy" data-copy-url="%s"'
                ' aria-label="Copy link: %s" hidden>Copy link</button></p></li>'
                % (escape(section.id), escape(href(section.url)), escape(section.title),
                   escape(section.summary), escape(absolute), escape(absolute), escape(section.title))
            )
        parts.append("</ul>")
        parts.append("")
    return "\n".join(parts)
