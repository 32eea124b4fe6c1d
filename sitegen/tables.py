"""The guide's generated tables: the quick decision table, the thresholds, each question's fields, the cost inputs and chart.

Each function takes the framework's data (and, for links, an `href` function
that turns a site-relative URL into the link to write from the page) and
returns HTML that reads without scripts. Tables are HTML (a `<table>` with a
caption and header cells), so that no Markdown character in the data can
break them.
"""

from decision_core.framework.sections import get_section

from .markup import escape, format_value, same, source_html, stacked_table, value_with_unit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from decision_core.framework.questions import Field, Question
    from decision_core.framework.rules import Criterion, Outcome, Threshold


# -- The quick decision table -------------------------------------------------------------

_SHORT_NAMES = (("rag", "RAG"), ("fine-tuning", "Fine-tuning"), ("both", "Both"))
"""Column labels short enough for a phone, by outcome id; other outcomes use their name."""


def decision_table_html(criteria: "Iterable[Criterion]", outcomes: "Iterable[Outcome]",
                        href: "Callable[[str], str]" = same) -> str:
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
        '<div class="live-table" data-widget="decision-table" data-state="loading">',
        '<p class="widget-status" role="status" data-widget-status></p>',
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
    lines += ["</tfoot>", "</table>", '<p class="live-table__verdict" aria-live="polite"></p>', "</div>"]
    return "\n".join(lines)


def thresholds_html(thresholds: "Iterable[Threshold]") -> str:
    """The framework's figures as a table, each with its source and as-of date.

    Args:
        thresholds: `rules.THRESHOLDS`.

    Returns:
        A `<table class="dc-table dc-table--stack thresholds">`; each row has the id `threshold-<id>`.
    """
    thresholds = tuple(thresholds)
    rows = []
    for threshold in thresholds:
        # A derived figure may be `None`: no volume, at today's prices (its meaning says why).
        figure = "none" if threshold.value is None else value_with_unit(threshold.value, threshold.unit)
        rows.append((escape(figure), escape(threshold.text), source_html(threshold.source), escape(threshold.as_of)))
    return "\n".join(stacked_table("thresholds", "The figures the framework decides by, with their sources.",
                                   ("Figure", "What it means", "Source", "As of"), rows,
                                   ids=["threshold-" + threshold.id for threshold in thresholds]))


def _field_kind(field: "Field") -> str:
    if field.kind == "choice":
        return "Choose one"
    if field.kind == "choices":
        return "Tick any that apply"
    if field.kind == "boolean":
        return "Yes or no"
    text = "A whole number" if field.kind == "integer" else "A number"
    if field.minimum is not None:
        text += ", at least " + format_value(field.minimum)
    return text


def _fields_html(question: "Question") -> str:
    lines = ["<dl>"]
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
    return "\n".join(lines)


def question_fields_html(question: "Question") -> str:
    """One question's answer fields, as the quiz asks them, for that question's own section of a page.

    Args:
        question: One of `questions.QUESTIONS`.

    Returns:
        A `<section class="dc-question">` holding a definition list of its fields and options.
    """
    return '<section class="dc-question dc-question--fields" data-question="%s">\n%s\n</section>' % (
        escape(question.id), _fields_html(question))


def cost_inputs_html(inputs: "Iterable[object]") -> str:
    """The cost model's default inputs as a table, with unit, range, source and as-of date.

    Args:
        inputs: `cost_inputs.COST_INPUTS`: objects with `id`, `label`, `default`, `unit`,
            `minimum`, `maximum`, `source` and `as_of`.

    Returns:
        A `<table class="dc-table dc-table--stack cost-inputs">`; each row has the id `cost-input-<id>`.
    """
    inputs = tuple(inputs)
    rows = []
    for item in inputs:
        choices = getattr(item, "choices", None)
        if choices:
            default = str(item.default)
            for value, label in choices:
                if value == item.default:
                    default = label
            span = "; ".join(label for _, label in choices) if len(choices) <= 3 else "one of %d choices" % len(
                choices)
        else:
            default = value_with_unit(item.default, item.unit)
            if item.default is None:
                default = "empty (optional)"
            span = format_value(item.minimum) + " to " + value_with_unit(item.maximum, item.unit)
        marking = getattr(item, "marking", "")
        mark = ' <span class="dc-mark">%s</span>' % escape(marking) if marking else ""
        rows.append((escape(item.label), escape(default) + mark, escape(span), source_html(item.source),
                     escape(item.as_of)))
    return "\n".join(stacked_table(
        "cost-inputs", "The calculator's default inputs. Every one is editable in the calculator.",
        ("Input", "Default", "Range", "Source", "As of"), rows, ids=["cost-input-" + item.id for item in inputs]))


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
