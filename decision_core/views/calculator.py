"""The cost and latency calculator as HTML: its form and its results.

The calculator on `calculator/` is one widget, rendered here as plain HTML:

- `calculator_form_html`: every entry of `COST_INPUTS` as a native control,
  grouped in fieldsets by `COST_INPUT_GROUPS`, each with its label, unit,
  valid range, source and date in a help text the control points to with
  `aria-describedby`;
- `calculator_result_html`: the break-even and latency sentences and a small
  table of what each option costs;
- `calculator_chart_html`: the chart and, below it, its table alternative;
- `calculator_html`: all of them, as the build writes them into the page
  (the default figures are there before any script runs).

The reader's browser (PyScript glue in `docs/assets/widgets/calculator.py`)
reads the form, calls `compare`, and writes the same fragments again. The
calculator's state in the address is `decision_core.model.calculator_link`'s.

Every text written into HTML is escaped, including the values of a form
filled from a link.

Example:
    >>> 'data-widget="calculator"' in calculator_html()
    True
"""

from ..base.format import money_cents, plural
from ..framework.cost_inputs import COST_INPUT_GROUPS, COST_INPUTS
from ..model.calculator_link import as_mapping, value_text
from ..model.cost_values import default_values
from ..model.costs import compare
from .chart import cost_chart_svg, cost_table_html
from .html import escape as _e

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Mapping

    from ..base.errors import Problem
    from ..framework.cost_inputs import CostInput
    from ..model.cost_values import CostInputs
    from ..model.costs import CostComparison

_DEFAULTS = dict(default_values())
_BY_ID = {}
for _input in COST_INPUTS:
    _BY_ID[_input.id] = _input


def control_id(input_id: str, value: "str | None" = None) -> str:
    """Return the `id` of an input's control, or of one radio button of a choice.

    Args:
        input_id: The input's id, e.g. `queries_per_day`.
        value: A choice's value, for its radio button.

    Returns:
        `calc-queries_per_day`, or `calc-fine_tuned_pricing-hosted`. The help
        text is `<id>-help` and the error message `<id>-error`.
    """
    if value is None:
        return "calc-" + input_id
    return "calc-" + input_id + "-" + value


# -- The form -----------------------------------------------------------------------------


def _help(cost_input: "CostInput") -> str:
    ident = _e(control_id(cost_input.id))
    parts = ['<p class="calculator__help" id="%s-help">' % ident, _e(cost_input.help)]
    if cost_input.choices is None:
        parts.append(' <span class="calculator__range">Valid: %s.</span>' % _e(cost_input.range_text))
    parts.append(' <span class="calculator__source">Source: %s (as of <time datetime="%s">%s</time>).</span>'
                 % (_e(cost_input.source), _e(cost_input.as_of), _e(cost_input.as_of)))
    parts.append("</p>")
    return "".join(parts)


def _error(cost_input: "CostInput") -> str:
    return ('<p class="calculator__error" id="%s-error" data-calculator-error="%s" hidden></p>'
            % (_e(control_id(cost_input.id)), _e(cost_input.id)))


def _number_field(cost_input: "CostInput", value: object) -> str:
    ident = _e(control_id(cost_input.id))
    unit = ' <span class="calculator__unit">(%s)</span>' % _e(cost_input.unit) if cost_input.unit else ""
    optional = ' <span class="calculator__optional">optional</span>' if cost_input.optional else ""
    mode = "numeric" if cost_input.integer else "decimal"
    return (
        '<div class="calculator__field" data-input="%s">'
        '<label for="%s">%s%s%s</label>'
        '<input type="number" name="%s" id="%s" value="%s" min="%s" max="%s" step="%s" inputmode="%s"'
        ' aria-describedby="%s-help"%s>'
        "%s%s</div>"
        % (_e(cost_input.id), ident, _e(cost_input.label), unit, optional,
           _e(cost_input.id), ident, _e(value_text(value)),
           _e(value_text(cost_input.minimum)), _e(value_text(cost_input.maximum)),
           _e(value_text(cost_input.step)), mode, ident,
           "" if cost_input.optional else " required",
           _help(cost_input), _error(cost_input))
    )


def _choice_field(cost_input: "CostInput", value: object) -> str:
    ident = _e(control_id(cost_input.id))
    chosen = value.strip() if isinstance(value, str) else value
    options = []
    for choice, label in cost_input.choices or ():
        control = _e(control_id(cost_input.id, choice))
        options.append(
            '<div class="calculator__option">'
            '<input type="radio" name="%s" id="%s" value="%s"%s>'
            '<label for="%s">%s</label></div>'
            % (_e(cost_input.id), control, _e(choice), " checked" if choice == chosen else "",
               control, _e(label))
        )
    return (
        '<fieldset class="calculator__field calculator__field--choice" data-input="%s"'
        ' aria-describedby="%s-help">'
        "<legend>%s</legend>%s%s%s</fieldset>"
        % (_e(cost_input.id), ident, _e(cost_input.label), "".join(options), _help(cost_input),
           _error(cost_input))
    )


def calculator_field_html(cost_input: "CostInput", value: object = None) -> str:
    """Return one input's control: a labelled number field, or a fieldset of radio buttons.

    Args:
        cost_input: The input's declaration.
        value: The value to show (a number, a choice's value, or text as typed);
            `None` leaves a number field empty.

    Returns:
        An HTML fragment with the control, its help text (`<id>-help`) and a
        hidden place for its error message (`<id>-error`).
    """
    if cost_input.choices is not None:
        return _choice_field(cost_input, value)
    return _number_field(cost_input, value)


def calculator_form_html(values: "Mapping[str, Any] | CostInputs | None" = None) -> str:
    """Return the calculator's form: every input, grouped in fieldsets, and a reset button.

    Values are shown as given, not checked, so a form can show what a reader
    typed; the `value` attributes are what the reset button returns to.

    Args:
        values: Values by input id; missing inputs show their defaults.

    Returns:
        A `<form id="calculator-form">` with one fieldset per group of `COST_INPUT_GROUPS`.

    Raises:
        InvalidCostInputs: `values` is not a mapping.
    """
    given = as_mapping(values)
    groups = []
    for group_id, group_label in COST_INPUT_GROUPS:
        fields = []
        for cost_input in COST_INPUTS:
            if cost_input.group == group_id:
                value = given.get(cost_input.id, _DEFAULTS[cost_input.id])
                fields.append(calculator_field_html(cost_input, value))
        groups.append(
            '<fieldset class="calculator__group" id="calculator-group-%s" data-group="%s">'
            "<legend>%s</legend>%s</fieldset>"
            % (_e(group_id), _e(group_id), _e(group_label), "".join(fields))
        )
    return (
        '<form class="calculator__form" id="calculator-form" data-calculator-form autocomplete="off"'
        ' aria-labelledby="calculator-form-title">'
        '<h2 id="calculator-form-title">Your inputs</h2>'
        '<p class="calculator__intro">Every figure starts at a default with its source and date; '
        "replace any of them with your own. The results above follow each change.</p>"
        "%s"
        '<div class="calculator__actions">'
        '<button type="reset" class="md-button" data-calculator-reset>Reset to defaults</button> '
        '<a href="#calculator-result">Back to the results</a>'
        "</div></form>"
        % "".join(groups)
    )


# -- The results --------------------------------------------------------------------------


def _volume(comparison: "CostComparison") -> str:
    return plural(int(comparison.queries_per_day + 0.5), "query a day", "queries a day")


def calculator_summary_html(comparison: "CostComparison") -> str:
    """Return the results in words: the cheapest option, the break-even and the latency.

    Args:
        comparison: The comparison.

    Returns:
        Three paragraphs.
    """
    cheapest = comparison.option(comparison.cheapest)
    return (
        '<p class="calculator-result__cheapest" data-calculator-cheapest="%s">Over %s at %s, '
        "<strong>%s</strong> costs least: %s in all.</p>"
        '<p class="calculator-result__break-even" data-calculator-break-even>%s</p>'
        '<p class="calculator-result__latency" data-calculator-latency>%s</p>'
        % (_e(comparison.cheapest), _e(plural(comparison.horizon_months, "month")), _e(_volume(comparison)),
           _e(cheapest.label), _e(money_cents(cheapest.total_usd)),
           _e(comparison.break_even_sentence), _e(comparison.latency_sentence))
    )


def calculator_costs_html(comparison: "CostComparison") -> str:
    """Return a small table of what each option costs: per 1,000 queries, once, monthly, in all.

    Args:
        comparison: The comparison.

    Returns:
        A `<table>` with one row per option; the cheapest is marked in words.
    """
    total = "Total over " + plural(comparison.horizon_months, "month")
    headers = ("Per 1,000 queries", "One-off", "Monthly", "Each retraining", total)
    rows = []
    for option_id, option in comparison.options:
        retrainings = option.retrainings(comparison.horizon_months)
        if option.retraining_usd and retrainings:
            retraining = money_cents(option.retraining_usd) + " × " + str(retrainings)
        else:
            retraining = "none"
        name = _e(option.label)
        if option_id == comparison.cheapest:
            name = "<strong>" + name + "</strong> (cheapest)"
        cells = (money_cents(1000 * option.per_query_usd), money_cents(option.one_off_usd),
                 money_cents(option.monthly_usd), retraining, money_cents(option.total_usd))
        rows.append(
            '<tr data-option="%s"><th scope="row">%s</th>%s</tr>'
            % (_e(option_id), name, "".join('<td data-label="%s">%s</td>' % (_e(header), _e(cell))
                                            for header, cell in zip(headers, cells)))
        )
    return (
        '<table class="dc-table dc-table--stack calculator-result__costs">'
        "<caption>What each approach costs at %s (US dollars)</caption>"
        '<thead><tr><th scope="col">Approach</th>%s</tr></thead>'
        "<tbody>%s</tbody></table>"
        % (_e(_volume(comparison)), "".join('<th scope="col">%s</th>' % _e(header) for header in headers),
           "".join(rows))
    )


def calculator_result_html(comparison: "CostComparison") -> str:
    """Return the results: the sentences in words, then the table of each option's costs.

    Args:
        comparison: The comparison.

    Returns:
        An HTML fragment: the sentences in `[data-calculator-summary]`, a
        polite live region (so a screen reader reads them after each change),
        then the table in `[data-calculator-costs]`.
    """
    return (
        '<div class="calculator-result__summary" data-calculator-summary aria-live="polite" aria-atomic="true">'
        "%s</div>"
        '<div class="calculator-result__table" data-calculator-costs>%s</div>'
        % (calculator_summary_html(comparison), calculator_costs_html(comparison))
    )


def calculator_chart_html(comparison: "CostComparison") -> str:
    """Return the chart of cumulative costs, and its figures month by month as a table.

    Args:
        comparison: The comparison.

    Returns:
        A `<figure>` holding the SVG chart, then the table in a `<details>` element.
    """
    return (
        '<figure class="cost-figure calculator-result__figure">%s'
        "<figcaption>Cumulative cost of each approach, month by month, at %s. "
        "The table below gives the same figures.</figcaption></figure>"
        '<details class="calculator-result__months"><summary>The chart\'s figures, month by month</summary>'
        '<div class="cost-chart__table">%s</div></details>'
        % (cost_chart_svg(comparison, chart_id="calculator-chart"), _e(_volume(comparison)),
           cost_table_html(comparison))
    )


def calculator_problems_html(problems: "Iterable[Problem]") -> str:
    """Return the list of inputs to fix, each linked to its control.

    Args:
        problems: The `problems` of an `InvalidCostInputs` error.

    Returns:
        An HTML fragment saying the figures shown are for the last valid inputs.
    """
    items = []
    for problem in problems:
        cost_input = _BY_ID.get(problem.field)
        if cost_input is None:
            items.append("<li>%s: %s</li>" % (_e(problem.field), _e(problem.message)))
        else:
            items.append('<li><a href="#%s">%s</a>: %s</li>'
                         % (_e(control_id(cost_input.id)), _e(cost_input.label), _e(problem.message)))
    return (
        '<div class="calculator-result__problems admonition warning">'
        '<p class="admonition-title">Some inputs need a look</p>'
        "<p>The figures below are for the last valid inputs.</p>"
        "<ul>%s</ul></div>" % "".join(items)
    )


def calculator_html(values: "Mapping[str, Any] | CostInputs | None" = None) -> str:
    """Return the whole calculator widget, as the page holds it before any script runs.

    It holds a status line and a notice for the runtime, the results for
    `values` (defaults when `None`) and the form. The results come first, so
    the figures are in view when the page opens.

    Args:
        values: Valid values by input id; missing inputs keep their defaults.

    Returns:
        A `<div data-widget="calculator" data-state="loading">`.

    Raises:
        InvalidCostInputs: Some values are invalid or some keys unknown.
    """
    comparison = compare(as_mapping(values))
    return (
        '<div class="calculator" data-widget="calculator" data-state="loading">'
        '<p class="widget-status" role="status" data-widget-status></p>'
        '<div class="calculator__notice admonition warning" data-calculator-notice role="alert" hidden>'
        '<p class="admonition-title">This link could not be read</p>'
        "<p data-calculator-notice-text></p></div>"
        "<noscript><p>The figures below are for the default inputs. Changing an input recomputes them "
        "in your browser, which needs JavaScript.</p></noscript>"
        '<section class="calculator-result" id="calculator-result" data-calculator-result'
        ' aria-labelledby="calculator-result-title">'
        '<h2 id="calculator-result-title">Results</h2>'
        '<p class="calculator-result__jump"><a href="#calculator-form-title">Change the inputs</a>'
        " (below the chart)</p>"
        '<div data-calculator-problems aria-live="polite"></div>'
        "%s"
        '<div data-calculator-chart>%s</div>'
        "</section>%s</div>"
        % (calculator_result_html(comparison), calculator_chart_html(comparison),
           calculator_form_html(comparison.inputs))
    )
