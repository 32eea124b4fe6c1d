"""The cost and latency calculator as HTML: its form, the chosen preset, and its results.

The calculator on `calculator/` is one widget, rendered here as plain HTML, in
the order a reader needs it:

1. **Your case** (`calculator_form_html`): the model preset (a native
   `<select>`: "RAG on X vs fine-tuned Y", with what a new client can buy
   first and the legacy routes after), what the preset stands for with its
   figures, sources, dates and markings (`calculator_preset_html`), and the few
   inputs that decide most cases: volume, tokens per request, knowledge size;
2. **Results** (`calculator_result_html`, `calculator_chart_html`): the
   sentences in words, a table of what each approach costs, and the chart with
   its table alternative;
3. **More inputs** (`calculator_more_html`): every other input, in native
   `<details>` disclosures by group, closed unless a value in them differs
   from the preset's defaults.

Every number field is a text field with digit grouping (`10,000`), its label
and unit, what it accepts in words, its source, date and "estimate" or
"unconfirmed" marking, and a place for its error message. The controls outside
the `<form>` element join it through their `form` attribute, so the reset
button resets them all.

The reader's browser (PyScript glue in `docs/assets/widgets/calculator.py`)
reads the form, calls `compare`, and writes the same fragments again. The
calculator's state in the address is `decision_core.model.calculator_link`'s.
Every text written into HTML is escaped, including the values of a form
filled from a link.

Example:
    >>> 'data-widget="calculator"' in calculator_html()
    True
"""

from ..base.errors import DecisionError
from ..base.format import money, number, plural, price
from ..framework.facts import get_fact
from ..framework.cost_inputs import COST_INPUT_GROUPS, COST_INPUTS
from ..framework.presets import CUSTOM, CUSTOM_LABEL, PRESET_INPUT_IDS, PRESETS, get_preset
from ..model.calculator_link import as_mapping, value_text
from ..model.cost_values import CostInputs, default_values
from ..model.costs import compare
from .chart import cost_chart_svg, cost_table_html
from .html import escape as _e

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Mapping

    from ..base.errors import Problem
    from ..framework.cost_inputs import CostInput
    from ..model.costs import CostComparison

FORM_ID: str = "calculator-form"
"""The id of the calculator's `<form>`; controls outside it name it in their `form` attribute."""

_DEFAULTS = dict(default_values())
_BY_ID = {}
for _input in COST_INPUTS:
    _BY_ID[_input.id] = _input
_CASE = COST_INPUT_GROUPS[0][0]


def control_id(input_id: str) -> str:
    """Return the `id` of an input's control.

    Args:
        input_id: The input's id, e.g. `queries_per_day`.

    Returns:
        `calc-queries_per_day`. The help text is `<id>-help`, the error message
        `<id>-error` and the marking beside the label `<id>-mark`.
    """
    return "calc-" + input_id


def field_text(value: object) -> str:
    """Write a value as a form field shows it: digits grouped, up to six decimals, or as typed.

    Args:
        value: A number, a choice's value, text as typed, or `None` (empty).

    Returns:
        E.g. `10,000`, `0.125`, `hosted`, `12abc`, or `""`.

    Example:
        >>> field_text(10000.0), field_text(0.125), field_text(None), field_text(" 5 ")
        ('10,000', '0.125', '', ' 5 ')
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value_text(value)  # empty, a choice or text as typed: as the address writes it
    return number(value, 6)


def _marks() -> "dict[str, str]":
    return {cost_input.id: cost_input.marking for cost_input in COST_INPUTS}


def preset_markings(preset_id: str) -> "tuple[tuple[str, str], ...]":
    """Return the marking beside each price a preset fills: `"estimate"`, `"unconfirmed"` or `""`.

    Args:
        preset_id: A preset's id, or `"custom"` (no markings: the prices are the reader's own).

    Returns:
        `(input id, marking)` for every id of `PRESET_INPUT_IDS`.

    Raises:
        UnknownId: No preset has that id.
    """
    if preset_id == CUSTOM:
        return tuple((input_id, "") for input_id in PRESET_INPUT_IDS)
    return tuple((input_id, fact.marking) for input_id, _, fact in get_preset(preset_id).figures())


# -- The fields -----------------------------------------------------------------------------


def _help(cost_input: "CostInput") -> str:
    ident = _e(control_id(cost_input.id))
    parts = ['<p class="calculator__help" id="%s-help">' % ident, _e(cost_input.help)]
    if cost_input.choices is None:
        parts.append(' <span class="calculator__range">Accepts %s.</span>' % _e(cost_input.range_text))
    if cost_input.preset:
        parts.append(' <span class="calculator__source">Filled by the preset you choose under Your case, '
                     "where its sources and dates are listed.</span>")
    elif cost_input.id == "preset":
        pass  # each preset's sources are listed under it
    else:
        parts.append(' <span class="calculator__source">Source: %s (as of <time datetime="%s">%s</time>).</span>'
                     % (_e(cost_input.source), _e(cost_input.as_of), _e(cost_input.as_of)))
    parts.append("</p>")
    return "".join(parts)


def _error(cost_input: "CostInput") -> str:
    return ('<p class="calculator__error" id="%s-error" data-calculator-error="%s" hidden></p>'
            % (_e(control_id(cost_input.id)), _e(cost_input.id)))


def _mark(cost_input: "CostInput", marking: str) -> str:
    return (' <span class="calculator__mark" id="%s-mark" data-calculator-mark="%s"%s>%s</span>'
            % (_e(control_id(cost_input.id)), _e(cost_input.id), "" if marking else " hidden", _e(marking)))


def _owner(outside: bool) -> str:
    return ' form="%s"' % FORM_ID if outside else ""


def _number_field(cost_input: "CostInput", value: object, marking: str, outside: bool) -> str:
    ident = _e(control_id(cost_input.id))
    unit = ' <span class="calculator__unit">(%s)</span>' % _e(cost_input.unit) if cost_input.unit else ""
    optional = ' <span class="calculator__optional">optional</span>' if cost_input.optional else ""
    mode = "numeric" if cost_input.integer else "decimal"
    return (
        '<div class="calculator__field" data-input="%s">'
        '<label for="%s">%s%s%s%s</label>'
        '<input type="text" name="%s" id="%s" value="%s" inputmode="%s" autocomplete="off" spellcheck="false"'
        ' aria-describedby="%s-help"%s%s>'
        "%s%s</div>"
        % (_e(cost_input.id), ident, _e(cost_input.label), unit, optional, _mark(cost_input, marking),
           _e(cost_input.id), ident, _e(field_text(value)), mode, ident,
           "" if cost_input.optional else " required", _owner(outside),
           _error(cost_input), _help(cost_input))
    )


def _preset_options(chosen: object) -> str:
    groups = (("A new client can buy these", [p for p in PRESETS if not p.legacy]),
              ("Legacy: existing customers only", [p for p in PRESETS if p.legacy]))
    out = []
    for label, presets in groups:
        options = "".join('<option value="%s"%s>%s</option>'
                          % (_e(preset.id), " selected" if preset.id == chosen else "", _e(preset.label))
                          for preset in presets)
        out.append('<optgroup label="%s">%s</optgroup>' % (_e(label), options))
    out.append('<option value="%s"%s>%s</option>' % (_e(CUSTOM), " selected" if chosen == CUSTOM else "",
                                                   _e(CUSTOM_LABEL)))
    return "".join(out)


def _choice_field(cost_input: "CostInput", value: object, outside: bool) -> str:
    ident = _e(control_id(cost_input.id))
    chosen = value.strip() if isinstance(value, str) else value
    if cost_input.id == "preset":
        options = _preset_options(chosen)
    else:
        options = "".join('<option value="%s"%s>%s</option>'
                          % (_e(choice), " selected" if choice == chosen else "", _e(label))
                          for choice, label in cost_input.choices or ())
    return (
        '<div class="calculator__field calculator__field--choice" data-input="%s">'
        '<label for="%s">%s</label>'
        '<select name="%s" id="%s" aria-describedby="%s-help"%s>%s</select>'
        "%s%s</div>"
        % (_e(cost_input.id), ident, _e(cost_input.label), _e(cost_input.id), ident, ident, _owner(outside),
           options, _error(cost_input), _help(cost_input))
    )


def calculator_field_html(cost_input: "CostInput", value: object = None, *, marking: "str | None" = None,
                          outside: bool = False) -> str:
    """Return one input's control: a labelled text field for a number, or a `<select>` for a choice.

    Args:
        cost_input: The input's declaration.
        value: The value to show (a number, a choice's value, or text as typed);
            `None` leaves a number field empty.
        marking: The marking beside the label (`"estimate"`, `"unconfirmed"`);
            the input's own when `None`.
        outside: Whether the control sits outside the `<form>` element and joins
            it through its `form` attribute.

    Returns:
        An HTML fragment with the control, a hidden place for its error message
        (`<id>-error`) and its help text (`<id>-help`).
    """
    if cost_input.choices is not None:
        return _choice_field(cost_input, value, outside)
    return _number_field(cost_input, value, cost_input.marking if marking is None else marking, outside)


def _inputs_of(
    values: "Mapping[str, Any] | CostInputs | None",
) -> "tuple[dict[Any, Any], dict[str, Any], str, dict[str, str]]":
    # The values given, the defaults under their preset, the preset's id, and the marking beside each input.
    given = as_mapping(values)
    preset = given.get("preset", _DEFAULTS["preset"])
    preset = preset.strip() if isinstance(preset, str) else preset
    try:
        defaults = CostInputs(preset=preset).to_dict()
        markings = dict(preset_markings(preset))
    except DecisionError:  # an unknown preset, as a link or a form may hold: show the default preset's figures
        preset = _DEFAULTS["preset"]
        defaults, markings = dict(_DEFAULTS), dict(preset_markings(preset))
    marks = _marks()
    marks.update(markings)
    return given, defaults, preset, marks


def _fields(group_id: str, given: "dict[Any, Any]", defaults: "dict[str, Any]", marks: "dict[str, str]",
            outside: bool) -> str:
    fields = []
    for cost_input in COST_INPUTS:
        if cost_input.group == group_id and cost_input.id != "preset":
            value = given.get(cost_input.id, defaults[cost_input.id])
            fields.append(calculator_field_html(cost_input, value, marking=marks[cost_input.id], outside=outside))
    return "".join(fields)


# -- The preset -----------------------------------------------------------------------------


def _price(value: "float | int | None") -> str:
    return price(value or 0)


def _marked(text: str, marking: str) -> str:
    if not marking:
        return _e(text)
    return _e(text) + ' <span class="calculator__mark">%s</span>' % _e(marking)


def calculator_preset_html(inputs: "CostInputs") -> str:
    """Return what the chosen preset stands for: its models, prices with markings, dates, sources and end dates.

    Args:
        inputs: Validated inputs; their `preset` is described, and the prices
            changed from it are named.

    Returns:
        An HTML fragment: a sentence for each side, the legacy route's dates,
        the figures with their markings, and the sources in a `<details>`.
    """
    if inputs.preset == CUSTOM:
        return ('<p class="calculator__preset-text">' + _e(CUSTOM_LABEL) + ": every price is the one you enter "
                "under More inputs (missing ones are the default preset's).</p>")
    preset = get_preset(inputs.preset)
    model, route = preset.model, preset.route
    figures = {}
    for input_id, value, fact in preset.figures():
        figures[input_id] = (value, fact.marking)
    parts = ['<p class="calculator__preset-text"><strong>RAG and the cached prompt</strong> run on %s: %s in, '
             "%s cached, %s out per 1M tokens%s. <strong>Fine-tuning</strong>: %s: %s in, %s out%s, training %s "
             "per 1M tokens%s.</p>"
             % (_e(model.name), _marked(_price(model.input_usd), figures["base_input_usd_per_1m"][1]),
                _e(_price(model.cached_input_usd)), _e(_price(model.output_usd)),
                "" if model.context_tokens is None else _e(", up to " + number(model.context_tokens)
                                                           + " input tokens"),
                _e(route.name), _marked(_price(route.input_usd), figures["fine_tuned_input_usd_per_1m"][1]),
                _e(_price(route.output_usd)),
                _marked(", hosting " + money(route.hosting_usd_per_hour) + " an hour" if route.hosting_usd_per_hour
                        else ", no hosting fee", figures["hosting_usd_per_hour"][1]),
                _e(_price(route.training_usd_per_1m)), _marked("", figures["training_usd_per_1m"][1]))]
    if preset.legacy:
        dates = []
        if preset.training_until:
            dates.append("new training jobs until %s" % preset.training_until)
        if preset.serving_until:
            dates.append("the fine-tuned model stops on %s" % preset.serving_until)
        parts.append('<p class="calculator__preset-legacy"><strong>Existing customers only:</strong> %s.</p>'
                     % _e("; ".join(dates)))
    parts.append('<p class="calculator__preset-note">%s</p>' % _e(preset.note))
    changed = inputs.changed_from_preset()
    if changed:
        parts.append('<p class="calculator__preset-changed">Your own figures replace the preset\'s for: %s.</p>'
                     % _e(", ".join(_BY_ID[input_id].label for input_id in changed)))
    sources = []
    for fact in preset.facts():
        status = (" (" + fact.marking + ")") if fact.marking else ""
        ends = "; ends " + fact.ends if fact.ends else ""
        sources.append('<li>%s%s <span class="calculator__source">Source: %s. Checked <time datetime="%s">%s</time>'
                       "%s.</span></li>" % (_e(fact.text), _e(status), _e(fact.source), _e(fact.checked),
                                            _e(fact.checked), _e(ends)))
    parts.append('<details class="calculator__sources"><summary>Sources and dates for this preset</summary>'
                 "<ul>%s</ul></details>" % "".join(sources))
    return "".join(parts)


# -- The form -------------------------------------------------------------------------------


def calculator_form_html(values: "Mapping[str, Any] | CostInputs | None" = None) -> str:
    """Return the top of the calculator: the preset, what it stands for, and the few decisive inputs.

    Values are shown as given, not checked, so a form can show what a reader
    typed; the `value` attributes are what the reset button returns to.

    Args:
        values: Values by input id; missing inputs show their defaults (the preset's, for its prices).

    Returns:
        A `<form id="calculator-form">`: the preset's `<select>`, its
        description in `[data-calculator-preset]`, and the inputs of the first
        group of `COST_INPUT_GROUPS`.

    Raises:
        InvalidCostInputs: `values` is not a mapping.
    """
    given, defaults, preset, marks = _inputs_of(values)
    try:
        described = calculator_preset_html(CostInputs.from_mapping(given))
    except DecisionError:  # invalid values as typed: describe the preset alone
        described = calculator_preset_html(CostInputs(preset=preset))
    return (
        '<form class="calculator__form" id="%s" data-calculator-form autocomplete="off"'
        ' aria-labelledby="calculator-form-title" novalidate>'
        '<h2 id="calculator-form-title">Your case</h2>'
        "%s"
        '<div class="calculator__preset" data-calculator-preset>%s</div>'
        '<div class="calculator__fields calculator__fields--case">%s</div>'
        "</form>"
        % (FORM_ID, calculator_field_html(_BY_ID["preset"], given.get("preset", defaults["preset"])), described,
           _fields(_CASE, given, defaults, marks, False))
    )


def open_groups(values: "Mapping[str, Any] | CostInputs | None") -> "tuple[str, ...]":
    """Return the ids of the folded groups holding a value that differs from its preset's default.

    Args:
        values: Values by input id, as for `calculator_form_html`.

    Returns:
        Group ids of `COST_INPUT_GROUPS` (never the first, which is always shown), in order.
    """
    given, defaults, preset, _ = _inputs_of(values)
    found = []
    for group_id, _ in COST_INPUT_GROUPS[1:]:
        for cost_input in COST_INPUTS:
            if cost_input.group != group_id or cost_input.id not in given:
                continue
            try:
                value = CostInputs.from_mapping({"preset": preset, cost_input.id: given[cost_input.id]})
                same = getattr(value, cost_input.id) == defaults[cost_input.id]
            except DecisionError:  # a value as typed that is not valid: show it
                same = False
            if not same:
                found.append(group_id)
                break
    return tuple(found)


def calculator_more_html(values: "Mapping[str, Any] | CostInputs | None" = None) -> str:
    """Return every other input, folded by group in `<details>`, and the reset button.

    A group is open when one of its values differs from its preset's default
    (`open_groups`), so a link's changes are in view.

    Args:
        values: Values by input id, as for `calculator_form_html`.

    Returns:
        A `<section class="calculator__more">` whose controls join the form
        through their `form` attribute.

    Raises:
        InvalidCostInputs: `values` is not a mapping.
    """
    given, defaults, _, marks = _inputs_of(values)
    opened = open_groups(values)
    groups = []
    for group_id, label in COST_INPUT_GROUPS[1:]:
        groups.append(
            '<details class="calculator__group" id="calculator-group-%s" data-group="%s"%s>'
            '<summary>%s</summary><div class="calculator__fields">%s</div></details>'
            % (_e(group_id), _e(group_id), " open" if group_id in opened else "", _e(label),
               _fields(group_id, given, defaults, marks, True))
        )
    return (
        '<section class="calculator__more" aria-labelledby="calculator-more-title">'
        '<h2 id="calculator-more-title">More inputs</h2>'
        '<p class="calculator__intro">Every figure starts at a default with its source and date; replace any '
        "of them with your own. The results above follow each change.</p>"
        "%s"
        '<div class="calculator__actions">'
        '<button type="reset" class="md-button" form="%s" data-calculator-reset>Reset to defaults</button> '
        '<a href="#calculator-result">Back to the results</a>'
        "</div></section>"
        % ("".join(groups), FORM_ID)
    )


# -- The results --------------------------------------------------------------------------


def _volume(comparison: "CostComparison") -> str:
    return plural(int(comparison.queries_per_day + 0.5), "query a day", "queries a day")


def calculator_summary_html(comparison: "CostComparison") -> str:
    """Return the results in words: the cheapest option, where fine-tuning and retrieval pay, and the latency.

    Args:
        comparison: The comparison.

    Returns:
        Four paragraphs.
    """
    cheapest = comparison.option(comparison.cheapest)
    return (
        '<p class="calculator-result__cheapest" data-calculator-cheapest="%s">Over %s at %s, '
        "<strong>%s</strong> costs least: %s in all.</p>"
        '<p class="calculator-result__break-even" data-calculator-break-even>%s</p>'
        '<p class="calculator-result__long-context" data-calculator-long-context>%s</p>'
        '<p class="calculator-result__latency" data-calculator-latency>%s</p>'
        % (_e(comparison.cheapest), _e(plural(comparison.horizon_months, "month")), _e(_volume(comparison)),
           _e(cheapest.label), _e(money(cheapest.total_usd)),
           _e(comparison.break_even_sentence), _e(comparison.long_context_sentence),
           _e(comparison.latency_sentence))
    )


def calculator_costs_html(comparison: "CostComparison") -> str:
    """Return a small table of what each option costs: per 1,000 queries, once, monthly, in all.

    Args:
        comparison: The comparison.

    Returns:
        A `<table>` with one row per option; the cheapest is marked in words,
        and an option that cannot be built says why instead of its figures.
    """
    total = "Total over " + plural(comparison.horizon_months, "month")
    headers = ("Per 1,000 queries", "One-off", "Monthly", "Each retraining", total)
    rows = []
    for option_id, option in comparison.options:
        name = _e(option.label)
        if option_id == comparison.cheapest:
            name = "<strong>" + name + "</strong> (cheapest)"
        if not option.available:
            rows.append('<tr data-option="%s"><th scope="row">%s</th><td colspan="%d" data-label="%s">'
                        "Not possible: %s.</td></tr>"
                        % (_e(option_id), name, len(headers), _e(headers[0]), _e(option.unavailable_reason)))
            continue
        retrainings = option.retrainings(comparison.horizon_months)
        if option.retraining_usd and retrainings:
            retraining = money(option.retraining_usd) + " × " + str(retrainings)
        else:
            retraining = "none"
        cells = (money(1000 * option.per_query_usd), money(option.one_off_usd),
                 money(option.monthly_usd), retraining, money(option.total_usd))
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
    """Return the chart of cumulative costs, in a wide and a narrow layout, and its figures as a table.

    The stylesheet shows the narrow chart on phones and the wide one elsewhere,
    so the chart's text stays at least 12 px wherever it is read.

    Args:
        comparison: The comparison.

    Returns:
        A `<figure>` holding both SVG charts, then the table in a `<details>` element.
    """
    return (
        '<figure class="cost-figure calculator-result__figure">%s%s'
        "<figcaption>Cumulative cost of each approach, month by month, at %s. "
        "The table below gives the same figures.</figcaption></figure>"
        '<details class="calculator-result__months"><summary>The chart\'s figures, month by month</summary>'
        '<div class="cost-chart__table">%s</div></details>'
        % (cost_chart_svg(comparison, chart_id="calculator-chart"),
           cost_chart_svg(comparison, chart_id="calculator-chart-narrow", layout="narrow"),
           _e(_volume(comparison)), cost_table_html(comparison))
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


OLD_LINK_NOTICE: str = (
    "This link was made before December 2026, when the calculator's default prices were for gpt-4.1-mini, "
    "which OpenAI shuts down on " + get_fact("openai-gpt-4-1-mini-shutdown").ends + " and no longer fine-tunes "
    "for new clients. It opens with the figures its sender saw, as your own prices; choose a preset under Your "
    "case to compare what you can buy today."
)
"""What the calculator says when it opens a version-1 (`c=1`) link."""


def calculator_html(values: "Mapping[str, Any] | CostInputs | None" = None) -> str:
    """Return the whole calculator widget, as the page holds it before any script runs.

    It holds a status line and two notices for the runtime (a link that could
    not be read; a link from before December 2026), then your case, the results
    for `values` (defaults when `None`), and the other inputs.

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
        '<div class="calculator__notice admonition info" data-calculator-old-link role="status" hidden>'
        '<p class="admonition-title">A link from before December 2026</p>'
        "<p>%s</p></div>"
        "<noscript><p>The figures below are for the default inputs. Changing an input recomputes them "
        "in your browser, which needs JavaScript.</p></noscript>"
        "%s"
        '<section class="calculator-result" id="calculator-result" data-calculator-result'
        ' aria-labelledby="calculator-result-title">'
        '<h2 id="calculator-result-title">Results</h2>'
        '<div data-calculator-problems aria-live="polite"></div>'
        "%s"
        '<div data-calculator-chart>%s</div>'
        '<p class="calculator-result__jump"><a href="#calculator-more-title">More inputs</a>: prices, '
        "fine-tuning, retrieval, the cached prompt and latency.</p>"
        "</section>%s</div>"
        % (_e(OLD_LINK_NOTICE), calculator_form_html(comparison.inputs), calculator_result_html(comparison),
           calculator_chart_html(comparison), calculator_more_html(comparison.inputs))
    )
