"""The cost comparison drawn: an SVG line chart and its text alternative, an HTML table.

Both are built as plain strings from a `CostComparison`, so the same code draws
them at build time (CPython) and in the reader's browser (MicroPython or
Pyodide). Every interpolated text is escaped, and the SVG is well-formed XML.

The chart reads in light and dark palettes: colours come from CSS classes
(`cost-chart__rag`, `cost-chart__fine-tuning`, `cost-chart__both`, ...) styled
by a `<style>` inside the SVG: RAG takes Material's link colour
(`--md-typeset-a-color`, which Material lightens in the dark scheme), both
takes the text colour (`currentColor`), and fine-tuning a fixed orange with
at least 3:1 contrast on Material's light and dark backgrounds (not the accent
colour, which the site sets to the same indigo as the primary). A site may set `--cost-chart-rag`, `--cost-chart-fine-tuning` and
`--cost-chart-both` to choose its own colours. Each line also has its own dash
pattern, so the chart does not rely on colour alone.

Example:
    >>> from decision_core.model.costs import compare
    >>> svg = cost_chart_svg(compare())
    >>> svg.startswith("<svg") and 'role="img"' in svg
    True
"""

import math

from ..base.format import money_cents, number, plural, short_money
from .html import escape as _escape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..model.costs import CostComparison

# Geometry, in viewBox units.
_WIDTH = 640
_HEIGHT = 400
_LEFT = 80
_RIGHT = 620
_TOP = 70
_BOTTOM = 340

# Per option: (id, CSS class, dash pattern); the dash pattern is a presentation
# attribute, so lines stay distinct even where the stylesheet is dropped.
_LINES: "tuple[tuple[str, str, str], ...]" = (
    ("rag", "cost-chart__rag", "none"),
    ("fine-tuning", "cost-chart__fine-tuning", "10 5"),
    ("both", "cost-chart__both", "2 4"),
)

_STYLE = (
    ".cost-chart{color:var(--md-default-fg-color,#333);"
    "font-family:var(--md-text-font-family,sans-serif);font-size:14px}"
    ".cost-chart text{fill:currentColor}"
    ".cost-chart__axis{stroke:currentColor;stroke-width:1}"
    ".cost-chart__grid{stroke:currentColor;stroke-opacity:.15;stroke-width:1}"
    ".cost-chart__line{fill:none;stroke-width:2.5;stroke-linecap:round}"
    ".cost-chart__rag{stroke:var(--cost-chart-rag,var(--md-typeset-a-color,#4051b5))}"
    ".cost-chart__fine-tuning{stroke:var(--cost-chart-fine-tuning,#d9480f)}"
    ".cost-chart__both{stroke:var(--cost-chart-both,currentColor)}"
    ".cost-chart__break-even circle{fill:var(--md-default-bg-color,#fff);stroke:currentColor;stroke-width:2}"
)


def _coordinate(value: float) -> str:
    # One decimal, rounded half up the same way in every runtime.
    tenths = int(value * 10 + 0.5) if value >= 0 else -int(-value * 10 + 0.5)
    sign = "-" if tenths < 0 else ""
    tenths = abs(tenths)
    return sign + str(tenths // 10) + "." + str(tenths % 10)


def nice_ticks(maximum: float, count: int = 5) -> "tuple[float, ...]":
    """Return round tick values from 0 to at least `maximum`.

    Steps are 1, 2, 2.5 or 5 times a power of ten, about `count` of them.

    Args:
        maximum: The largest value to show; 0 or less gives ticks up to 1.
        count: The number of steps wanted.

    Returns:
        The ticks, starting at 0 and ending at or above `maximum`.

    Example:
        >>> nice_ticks(5986.04)
        (0.0, 2000.0, 4000.0, 6000.0)
    """
    if not maximum > 0:
        maximum = 1.0
    raw = maximum / count
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = magnitude * 10
    for factor in (1, 2, 2.5, 5):
        if factor * magnitude >= raw * (1 - 1e-9):
            step = factor * magnitude
            break
    steps = int(maximum / step + 1 - 1e-9)  # the ceiling, forgiving float noise
    return tuple(index * step for index in range(steps + 1))


def _month_step(horizon: int, most: int) -> int:
    for step in (1, 2, 3, 6, 12, 24, 60):
        if horizon / step <= most:
            return step
    return 120


def break_even_point(comparison: "CostComparison") -> "tuple[float, float] | None":
    """Return where fine-tuning's cumulative cost crosses below RAG's for good, within the horizon.

    The curves are joined month to month by straight lines, as drawn.

    Args:
        comparison: The comparison.

    Returns:
        `(month, dollars)` of the crossing, the month fractional; `None` when
        fine-tuning is not cheaper at the horizon or is cheaper from month 0.
    """
    month = comparison.break_even_month
    if not month:
        return None
    rag = comparison.rag.cumulative_usd
    tuned = comparison.fine_tuning.cumulative_usd
    before = tuned[month - 1] - rag[month - 1]
    after = tuned[month] - rag[month]
    share = before / (before - after)
    return (month - 1 + share, rag[month - 1] + share * (rag[month] - rag[month - 1]))


def _volume_text(comparison: "CostComparison") -> str:
    return plural(int(comparison.queries_per_day + 0.5), "query a day", "queries a day")


def _summary(comparison: "CostComparison") -> str:
    horizon = comparison.horizon_months
    parts = [
        "Cumulative cost in US dollars of RAG, fine-tuning and both, by month, over "
        + plural(horizon, "month") + " at " + _volume_text(comparison) + "."
    ]
    totals = ", ".join(option.label + " " + money_cents(option.total_usd) for _, option in comparison.options)
    parts.append("At month " + str(horizon) + ": " + totals + ".")
    point = break_even_point(comparison)
    if point is not None:
        parts.append("Fine-tuning's cumulative cost falls below RAG's at about month " + number(point[0], 1) + ".")
    parts.append(comparison.break_even_sentence)
    return " ".join(parts)


def cost_chart_svg(comparison: "CostComparison", title: "str | None" = None, *, chart_id: str = "cost-chart") -> str:
    """Draw the cumulative cost of each option over the horizon as an SVG line chart.

    The chart has a line per option (classes `cost-chart__rag`,
    `cost-chart__fine-tuning`, `cost-chart__both`, each with its own dash
    pattern), axes in months and dollars with round ticks, a legend, and a
    marker where fine-tuning's curve crosses below RAG's (see
    `break_even_point`). It scales to its container (`width="100%"` and a
    `viewBox`), and is announced as one image (`role="img"`) with a `<title>`
    and a `<desc>` summarising the figures; `cost_table_html` gives them all.

    Args:
        comparison: The comparison to draw.
        title: The chart's title; a default naming the volume when `None`.
        chart_id: The id of the `<svg>` element, a prefix for its other ids;
            make it unique when a page shows several charts.

    Returns:
        The `<svg>` element as a string.
    """
    horizon = comparison.horizon_months
    if title is None:
        title = "Cumulative cost over " + str(horizon) + " months at " + _volume_text(comparison)
    highest = 0.0
    for _, option in comparison.options:
        highest = max(highest, max(option.cumulative_usd))
    y_ticks = nice_ticks(highest)
    y_top = y_ticks[-1]

    def x_at(month: float) -> float:
        return _LEFT + (_RIGHT - _LEFT) * month / horizon

    def y_at(usd: float) -> float:
        return _BOTTOM - (_BOTTOM - _TOP) * usd / y_top

    ident = _escape(chart_id)
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" class="cost-chart" id="' + ident + '" viewBox="0 0 '
        + str(_WIDTH) + " " + str(_HEIGHT) + '" width="100%" role="img" aria-labelledby="'
        + ident + '-title ' + ident + '-desc">',
        '<title id="' + ident + '-title">' + _escape(title) + "</title>",
        '<desc id="' + ident + '-desc">' + _escape(_summary(comparison)) + "</desc>",
        "<style>" + _STYLE + "</style>",
    ]
    # Grid and y axis labels.
    out.append('<g class="cost-chart__y-axis">')
    for tick in y_ticks:
        y = _coordinate(y_at(tick))
        out.append('<line class="cost-chart__grid" x1="' + str(_LEFT) + '" x2="' + str(_RIGHT)
                   + '" y1="' + y + '" y2="' + y + '" stroke="currentColor"/>')
        out.append('<text x="' + str(_LEFT - 8) + '" y="' + y + '" text-anchor="end" dominant-baseline="middle">'
                   + _escape(short_money(tick)) + "</text>")
    out.append('<text x="16" y="' + _coordinate((_TOP + _BOTTOM) / 2) + '" text-anchor="middle" transform="rotate(-90 16 '
               + _coordinate((_TOP + _BOTTOM) / 2) + ')">Cumulative cost (US$)</text>')
    out.append("</g>")
    # X axis.
    out.append('<g class="cost-chart__x-axis">')
    out.append('<line class="cost-chart__axis" x1="' + str(_LEFT) + '" x2="' + str(_RIGHT) + '" y1="' + str(_BOTTOM)
               + '" y2="' + str(_BOTTOM) + '" stroke="currentColor"/>')
    step = _month_step(horizon, 12)
    for month in range(0, horizon + 1, step):
        x = _coordinate(x_at(month))
        out.append('<line class="cost-chart__axis" x1="' + x + '" x2="' + x + '" y1="' + str(_BOTTOM) + '" y2="'
                   + str(_BOTTOM + 5) + '" stroke="currentColor"/>')
        out.append('<text x="' + x + '" y="' + str(_BOTTOM + 22) + '" text-anchor="middle">' + str(month) + "</text>")
    out.append('<text x="' + _coordinate((_LEFT + _RIGHT) / 2) + '" y="' + str(_HEIGHT - 8)
               + '" text-anchor="middle">Months</text>')
    out.append("</g>")
    # The lines.
    for option_id, css_class, dashes in _LINES:
        option = comparison.option(option_id)
        points = " L".join(
            _coordinate(x_at(month)) + "," + _coordinate(y_at(usd)) for month, usd in enumerate(option.cumulative_usd)
        )
        out.append('<path class="cost-chart__line ' + css_class + '" data-option="' + option_id + '" d="M' + points
                   + '" fill="none" stroke="currentColor" stroke-dasharray="' + dashes + '"/>')
    # The break-even marker.
    point = break_even_point(comparison)
    if point is not None:
        x, y = x_at(point[0]), y_at(point[1])
        anchor = "end" if x > (_LEFT + _RIGHT) / 2 else "start"
        label_x = x - 10 if anchor == "end" else x + 10
        out.append('<g class="cost-chart__break-even">')
        out.append('<circle cx="' + _coordinate(x) + '" cy="' + _coordinate(y) + '" r="5"/>')
        out.append('<text x="' + _coordinate(label_x) + '" y="' + _coordinate(max(y - 12, _TOP + 12))
                   + '" text-anchor="' + anchor + '">Break-even, month ' + number(point[0], 1) + "</text>")
        out.append("</g>")
    # The legend, above the plot.
    out.append('<g class="cost-chart__legend">')
    for index, (option_id, css_class, dashes) in enumerate(_LINES):
        left = _LEFT + 170 * index
        out.append('<line class="cost-chart__line ' + css_class + '" x1="' + str(left) + '" x2="' + str(left + 36)
                   + '" y1="30" y2="30" stroke="currentColor" stroke-dasharray="' + dashes + '"/>')
        out.append('<text x="' + str(left + 44) + '" y="30" dominant-baseline="middle">'
                   + _escape(comparison.option(option_id).label) + "</text>")
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def table_months(comparison: "CostComparison", max_rows: int = 25) -> "tuple[int, ...]":
    """Return the months `cost_table_html` shows: every month, or a round step when the horizon is long.

    Month 0, the horizon's last month and the break-even month are always included.

    Args:
        comparison: The comparison.
        max_rows: Show every month up to this many rows; step through longer horizons.

    Returns:
        The months, ascending.
    """
    horizon = comparison.horizon_months
    step = _month_step(horizon, max_rows - 1)
    months = list(range(0, horizon + 1, step))
    for extra in (horizon, comparison.break_even_month):
        if extra is not None and extra not in months:
            months.append(extra)
    return tuple(sorted(months))


def cost_table_html(comparison: "CostComparison", *, max_rows: int = 25) -> str:
    """Write the chart's figures as an HTML table, its text alternative.

    One row per month shown (see `table_months`), one column per option, with
    a caption, column and row headers (`scope`), and amounts as `money_cents`
    writes them.

    Args:
        comparison: The comparison.
        max_rows: As for `table_months`.

    Returns:
        The `<table>` element as a string, with class `cost-table`.
    """
    months = table_months(comparison, max_rows)
    stepped = len(months) < comparison.horizon_months + 1
    caption = "Cumulative cost in US dollars by month at " + _volume_text(comparison)
    if stepped:
        caption += " (selected months)"
    out = [
        '<table class="cost-table">',
        "<caption>" + _escape(caption) + "</caption>",
        '<thead><tr><th scope="col">Month</th>'
        + "".join('<th scope="col">' + _escape(option.label) + "</th>" for _, option in comparison.options)
        + "</tr></thead>",
        "<tbody>",
    ]
    for month in months:
        row_class = ' class="cost-table__break-even"' if month == comparison.break_even_month else ""
        cells = "".join("<td>" + money_cents(option.cumulative_usd[month]) + "</td>" for _, option in comparison.options)
        out.append("<tr" + row_class + '><th scope="row">' + str(month) + "</th>" + cells + "</tr>")
    out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)
