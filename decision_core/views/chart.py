"""The cost comparison drawn: an SVG line chart and its text alternative, an HTML table.

Both are built as plain strings from a `CostComparison`, so the same code draws
them at build time (CPython) and in the reader's browser (MicroPython or
Pyodide). Every interpolated text is escaped, and the SVG is well-formed XML.

The chart comes in two layouts (`LAYOUTS`): `wide` for a page column and
`narrow` for a phone, each with its own geometry and text size so that its
text renders at 12 px or more where it is shown (the calculator shows one or
the other by the width of the screen). No text sits inside the plot: the
legend and the break-even note stand above it, the ticks outside its axes,
so a label never crosses a line.

The chart reads in light and dark palettes: colours come from CSS classes
(`cost-chart__rag`, `cost-chart__fine-tuning`, `cost-chart__both`,
`cost-chart__long-context`, ...) styled by a `<style>` inside the SVG: RAG
takes Material's link colour (`--md-typeset-a-color`, which Material lightens
in the dark scheme), both takes the text colour (`currentColor`), fine-tuning
a fixed orange and the cached prompt a fixed teal, each with at least 3:1
contrast on Material's light and dark backgrounds (not the accent colour,
which the site sets to the same indigo as the primary). A site may set
`--cost-chart-rag`, `--cost-chart-fine-tuning`, `--cost-chart-both` and
`--cost-chart-long-context` to choose its own colours. Each line also has its
own dash pattern, so the chart does not rely on colour alone.

Example:
    >>> from decision_core.model.costs import compare
    >>> svg = cost_chart_svg(compare())
    >>> svg.startswith("<svg") and 'role="img"' in svg
    True
"""

import math

from ..base.format import money, number, plural, short_money
from .html import escape as _escape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..model.costs import CostComparison


class _Layout:
    """A chart's geometry, in viewBox units, and its text size."""

    __slots__ = ("width", "height", "left", "right", "top", "bottom", "font", "legend_columns", "most_ticks",
                 "axis_title")

    def __init__(self, width: int, height: int, left: int, right: int, top: int, bottom: int, font: int,
                 legend_columns: int, most_ticks: int, axis_title: bool) -> None:
        self.width = width
        self.height = height
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
        self.font = font
        self.legend_columns = legend_columns
        self.most_ticks = most_ticks
        self.axis_title = axis_title


LAYOUTS: "tuple[tuple[str, _Layout], ...]" = (
    # A page column, 560 px wide or more: 15-unit text renders at 13 px or more.
    ("wide", _Layout(640, 400, 92, 620, 78, 340, 15, 4, 12, True)),
    # A phone, about 350 px of column on a 390 px screen: 14-unit text renders at about 13.5 px.
    ("narrow", _Layout(360, 440, 62, 346, 100, 388, 14, 2, 6, False)),
)
"""The chart's layouts by name: `wide` for a page column, `narrow` for a phone."""

# Per option: (id, CSS class, dash pattern); the dash pattern is a presentation
# attribute, so lines stay distinct even where the stylesheet is dropped.
_LINES: "tuple[tuple[str, str, str], ...]" = (
    ("rag", "cost-chart__rag", "none"),
    ("fine-tuning", "cost-chart__fine-tuning", "10 5"),
    ("both", "cost-chart__both", "2 4"),
    ("long-context", "cost-chart__long-context", "14 4 3 4"),
)

_STYLE = (
    ".cost-chart{color:var(--md-default-fg-color,#333);"
    "font-family:var(--md-text-font-family,sans-serif)}"
    ".cost-chart text{fill:currentColor}"
    ".cost-chart__axis{stroke:currentColor;stroke-width:1}"
    ".cost-chart__grid{stroke:currentColor;stroke-opacity:.15;stroke-width:1}"
    ".cost-chart__line{fill:none;stroke-width:2.5;stroke-linecap:round}"
    ".cost-chart__rag{stroke:var(--cost-chart-rag,var(--md-typeset-a-color,#4051b5))}"
    ".cost-chart__fine-tuning{stroke:var(--cost-chart-fine-tuning,#d9480f)}"
    ".cost-chart__both{stroke:var(--cost-chart-both,currentColor)}"
    ".cost-chart__long-context{stroke:var(--cost-chart-long-context,#0c8599)}"
    ".cost-chart__break-even circle{fill:var(--md-default-bg-color,#fff);stroke:currentColor;stroke-width:2}"
)


def _layout(name: str) -> _Layout:
    for known, layout in LAYOUTS:
        if known == name:
            return layout
    raise ValueError("no chart layout is named %r; the layouts are: %s"
                     % (name, ", ".join(known for known, _ in LAYOUTS)))


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


def _drawn(comparison: "CostComparison") -> "tuple[tuple[str, str, str], ...]":
    """The lines to draw: every option that can be built."""
    return tuple(line for line in _LINES if comparison.option(line[0]).available)


def _summary(comparison: "CostComparison") -> str:
    horizon = comparison.horizon_months
    parts = [
        "Cumulative cost in US dollars of RAG, fine-tuning, both and the cached prompt, by month, over "
        + plural(horizon, "month") + " at " + _volume_text(comparison) + "."
    ]
    totals = ", ".join(option.label + " " + money(option.total_usd)
                       for _, option in comparison.options if option.available)
    parts.append("At month " + str(horizon) + ": " + totals + ".")
    for _, option in comparison.options:
        if not option.available:
            parts.append(option.label + " is not drawn: " + option.unavailable_reason + ".")
    point = break_even_point(comparison)
    if point is not None:
        parts.append("Fine-tuning's cumulative cost falls below RAG's at about month " + number(point[0], 1) + ".")
    parts.append(comparison.break_even_sentence)
    return " ".join(parts)


def _text_width(text: str, font: int) -> float:
    # A generous estimate of a label's width: the legend must not run off the chart.
    return len(text) * font * 0.62


def cost_chart_svg(comparison: "CostComparison", title: "str | None" = None, *, chart_id: str = "cost-chart",
                   layout: str = "wide") -> str:
    """Draw the cumulative cost of each option over the horizon as an SVG line chart.

    The chart has a line per option that can be built (classes
    `cost-chart__rag`, `cost-chart__fine-tuning`, `cost-chart__both`,
    `cost-chart__long-context`, each with its own dash pattern), axes in months
    and dollars with round ticks, a legend above the plot, and a marker where
    fine-tuning's curve crosses below RAG's (see `break_even_point`), named in
    a note beside the legend rather than inside the plot. It scales to its
    container (`width="100%"` and a `viewBox`), and is announced as one image
    (`role="img"`) with a `<title>` and a `<desc>` summarising the figures;
    `cost_table_html` gives them all.

    Args:
        comparison: The comparison to draw.
        title: The chart's title; a default naming the volume when `None`.
        chart_id: The id of the `<svg>` element, a prefix for its other ids;
            make it unique when a page shows several charts.
        layout: `"wide"` or `"narrow"` (see `LAYOUTS`).

    Returns:
        The `<svg>` element as a string, with class `cost-chart` and
        `cost-chart--<layout>`.

    Raises:
        ValueError: No layout has that name.
    """
    geometry = _layout(layout)
    left, right, top, bottom, font = geometry.left, geometry.right, geometry.top, geometry.bottom, geometry.font
    horizon = comparison.horizon_months
    if title is None:
        title = "Cumulative cost over " + str(horizon) + " months at " + _volume_text(comparison)
    lines = _drawn(comparison)
    highest = 0.0
    for option_id, _, _ in lines:
        highest = max(highest, max(comparison.option(option_id).cumulative_usd))
    y_ticks = nice_ticks(highest)
    y_top = y_ticks[-1]

    def x_at(month: float) -> float:
        return left + (right - left) * month / horizon

    def y_at(usd: float) -> float:
        return bottom - (bottom - top) * usd / y_top

    ident = _escape(chart_id)
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" class="cost-chart cost-chart--' + _escape(layout) + '" id="'
        + ident + '" viewBox="0 0 ' + str(geometry.width) + " " + str(geometry.height)
        + '" width="100%" font-size="' + str(font) + '" role="img" aria-labelledby="' + ident + '-title '
        + ident + '-desc">',
        '<title id="' + ident + '-title">' + _escape(title) + "</title>",
        '<desc id="' + ident + '-desc">' + _escape(_summary(comparison)) + "</desc>",
        "<style>" + _STYLE + "</style>",
    ]
    # Grid and y axis labels, left of the plot.
    out.append('<g class="cost-chart__y-axis">')
    for tick in y_ticks:
        y = _coordinate(y_at(tick))
        out.append('<line class="cost-chart__grid" x1="' + str(left) + '" x2="' + str(right)
                   + '" y1="' + y + '" y2="' + y + '" stroke="currentColor"/>')
        out.append('<text x="' + str(left - 8) + '" y="' + y + '" text-anchor="end" dominant-baseline="middle">'
                   + _escape(short_money(tick)) + "</text>")
    if geometry.axis_title:
        middle = _coordinate((top + bottom) / 2)
        out.append('<text x="16" y="' + middle + '" text-anchor="middle" transform="rotate(-90 16 ' + middle
                   + ')">Cumulative cost (US$)</text>')
    out.append("</g>")
    # X axis, below the plot.
    out.append('<g class="cost-chart__x-axis">')
    out.append('<line class="cost-chart__axis" x1="' + str(left) + '" x2="' + str(right) + '" y1="' + str(bottom)
               + '" y2="' + str(bottom) + '" stroke="currentColor"/>')
    step = _month_step(horizon, geometry.most_ticks)
    for month in range(0, horizon + 1, step):
        x = _coordinate(x_at(month))
        out.append('<line class="cost-chart__axis" x1="' + x + '" x2="' + x + '" y1="' + str(bottom) + '" y2="'
                   + str(bottom + 5) + '" stroke="currentColor"/>')
        out.append('<text x="' + x + '" y="' + str(bottom + 22) + '" text-anchor="middle">' + str(month) + "</text>")
    out.append('<text x="' + _coordinate((left + right) / 2) + '" y="' + str(geometry.height - 8)
               + '" text-anchor="middle">Months</text>')
    out.append("</g>")
    # The lines.
    for option_id, css_class, dashes in lines:
        option = comparison.option(option_id)
        points = " L".join(
            _coordinate(x_at(month)) + "," + _coordinate(y_at(usd)) for month, usd in enumerate(option.cumulative_usd)
        )
        out.append('<path class="cost-chart__line ' + css_class + '" data-option="' + option_id + '" d="M' + points
                   + '" fill="none" stroke="currentColor" stroke-dasharray="' + dashes + '"/>')
    # The legend, above the plot: rows of `legend_columns` items.
    row_height = font + 9
    out.append('<g class="cost-chart__legend">')
    column_width = (right - 16) / geometry.legend_columns if geometry.legend_columns > 1 else right
    x_start = 16 if geometry.legend_columns > 1 else left
    for index, (option_id, css_class, dashes) in enumerate(lines):
        row, column = index // geometry.legend_columns, index % geometry.legend_columns
        x = x_start + column * column_width
        y = _coordinate(8 + row_height * (row + 0.5))
        out.append('<line class="cost-chart__line ' + css_class + '" x1="' + _coordinate(x) + '" x2="'
                   + _coordinate(x + 30) + '" y1="' + y + '" y2="' + y + '" stroke="currentColor" stroke-dasharray="'
                   + dashes + '"/>')
        out.append('<text x="' + _coordinate(x + 37) + '" y="' + y + '" dominant-baseline="middle">'
                   + _escape(comparison.option(option_id).label) + "</text>")
    out.append("</g>")
    # The break-even marker on the curves, named beside the legend.
    point = break_even_point(comparison)
    if point is not None:
        rows = (len(lines) + geometry.legend_columns - 1) // geometry.legend_columns
        y = _coordinate(8 + row_height * (rows + 0.5))
        out.append('<g class="cost-chart__break-even">')
        out.append('<circle cx="' + _coordinate(x_at(point[0])) + '" cy="' + _coordinate(y_at(point[1]))
                   + '" r="5"/>')
        out.append('<circle cx="' + _coordinate(x_start + 15) + '" cy="' + y + '" r="5"/>')
        out.append('<text x="' + _coordinate(x_start + 37) + '" y="' + y + '" dominant-baseline="middle">'
                   + "Break-even, month " + number(point[0], 1) + "</text>")
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

    One row per month shown (see `table_months`), one column per option that
    can be built, with a caption, column and row headers (`scope`), and
    amounts as `money` writes them.

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
        + "".join('<th scope="col">' + _escape(option.label) + "</th>"
                  for _, option in comparison.options if option.available)
        + "</tr></thead>",
        "<tbody>",
    ]
    for month in months:
        row_class = ' class="cost-table__break-even"' if month == comparison.break_even_month else ""
        cells = "".join("<td>" + money(option.cumulative_usd[month]) + "</td>"
                        for _, option in comparison.options if option.available)
        out.append("<tr" + row_class + '><th scope="row">' + str(month) + "</th>" + cells + "</tr>")
    out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)
