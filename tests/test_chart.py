"""The cost chart (SVG) and its text alternative (an HTML table)."""

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_core.views.chart import (
    LAYOUTS,
    break_even_point,
    cost_chart_svg,
    cost_table_html,
    nice_ticks,
    table_months,
)
from decision_core.framework.cost_inputs import COST_INPUTS
from decision_core.base.format import money as format_usd
from decision_core.base.format import short_money as short_usd
from decision_core.model.cost_values import CostInputs
from decision_core.model.costs import compare

SVG = "{http://www.w3.org/2000/svg}"

# The round-number case of test_costs: at 2,000 queries a day, FT − RAG = 1,001 − 130 m,
# positive at month 7 (91) and negative at month 8 (−39).
SIMPLE_CROSSING = {
    "preset": "custom", "queries_per_day": 2000, "prompt_tokens": 1000, "context_tokens": 3000,
    "output_tokens": 1000, "base_input_usd_per_1m": 1, "base_output_usd_per_1m": 2,
    "fine_tuned_input_usd_per_1m": 2, "fine_tuned_output_usd_per_1m": 3, "hosting_usd_per_hour": 0,
    "training_usd_per_1m": 5, "training_examples": 100, "tokens_per_example": 1000, "epochs": 2,
    "training_runs": 1, "labelling_usd_per_example": 10, "embedding_usd_per_1m": 1, "knowledge_pages": 1000,
    "tokens_per_page": 1000, "reembed_percent_per_month": 0, "vector_db_usd_per_month": 10,
    "vector_db_usd_per_1m_reads": 1000, "reads_per_query": 1, "context_window_tokens": None,
}


def parse(svg):
    """Parse the SVG as XML, failing the test if it is not well-formed."""
    return ET.fromstring(svg)


def paths(root):
    """The chart's lines, by option id."""
    return {path.get("data-option"): path for path in root.iter(SVG + "path")}


def texts(root):
    """Every text in the chart."""
    return ["".join(element.itertext()) for element in root.iter(SVG + "text")]


def test_chart_is_an_accessible_image_with_title_and_description():
    """The SVG is one image with a title and a description giving the totals and the break-even."""
    comparison = compare()
    root = parse(cost_chart_svg(comparison))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "cost-chart-title cost-chart-desc"
    assert root.find(SVG + "title").text == "Cumulative cost over 12 months at 10,000 queries a day"
    desc = root.find(SVG + "desc").text
    assert format_usd(comparison.rag.total_usd) in desc
    assert comparison.break_even_sentence in desc


@pytest.mark.parametrize(("layout", "box", "font"), [("wide", "0 0 640 400", "15"), ("narrow", "0 0 360 440", "14")])
def test_chart_scales_to_its_container_in_either_layout(layout, box, font):
    """Each layout has its viewBox, text size and class, a width of 100% and no fixed pixel size."""
    root = parse(cost_chart_svg(compare(), layout=layout))
    assert root.get("viewBox") == box and root.get("font-size") == font
    assert root.get("class") == "cost-chart cost-chart--" + layout
    assert root.get("width") == "100%"
    assert root.get("height") is None


def test_the_narrow_chart_keeps_its_text_at_12_px_on_a_phone():
    """On a 390 px phone the chart gets about 350 px: 14 units of a 360-unit chart render at 13.6 px."""
    layout = dict(LAYOUTS)["narrow"]
    assert layout.font * 350 / layout.width >= 12


def test_an_unknown_layout_is_refused():
    """Only the declared layouts exist."""
    with pytest.raises(ValueError, match="wide, narrow"):
        cost_chart_svg(compare(), layout="poster")


def test_chart_has_a_distinctly_dashed_line_per_option():
    """Each option has its own path, class and dash pattern, so colour is not the only cue."""
    root = parse(cost_chart_svg(compare()))
    lines = paths(root)
    assert set(lines) == {"rag", "fine-tuning", "both", "long-context"}
    assert "cost-chart__fine-tuning" in lines["fine-tuning"].get("class")
    assert "cost-chart__long-context" in lines["long-context"].get("class")
    assert len({path.get("stroke-dasharray") for path in lines.values()}) == 4
    # 13 points (months 0 to 12): one move and twelve line segments.
    assert lines["rag"].get("d").count("L") == 12


def test_chart_colours_come_from_classes_and_theme_variables():
    """Colours come from CSS classes and Material's custom properties, with fallbacks."""
    svg = cost_chart_svg(compare())
    style = parse(svg).find(SVG + "style").text
    assert "var(--md-default-fg-color, #333)".replace(" ", "") in style
    assert ".cost-chart__rag{stroke:var(--cost-chart-rag,var(--md-typeset-a-color" in style
    # Not the accent colour: the site's accent is the same indigo as its links.
    assert ".cost-chart__fine-tuning{stroke:var(--cost-chart-fine-tuning,#d9480f)}" in style
    assert ".cost-chart__long-context{stroke:var(--cost-chart-long-context,#0c8599)}" in style
    assert 'stroke="currentColor"' in svg
    assert not re.search(r'(stroke|fill)="#', svg)


def test_chart_has_a_legend_and_labelled_axes():
    """The legend names the options; the axes say months and dollars with round ticks."""
    root = parse(cost_chart_svg(compare()))
    words = texts(root)
    for label in ("RAG", "Fine-tuning", "Both", "Cached prompt", "Months", "Cumulative cost (US$)"):
        assert label in words
    # The defaults' highest total is both's: 5,009.001 + 12 × 50.0001 + 9 + 30 × 10,000 × 12 × 0.001079
    # = $9,502.40: a fifth of it is 1,900, rounded up to steps of $2,000, up to $10,000.
    assert [word for word in words if word.startswith("$")] == ["$0", "$2k", "$4k", "$6k", "$8k", "$10k"]
    assert [word for word in words if word.isdigit()] == [str(month) for month in range(13)]


def test_the_narrow_chart_has_fewer_ticks_and_no_rotated_title():
    """On a phone, months step by 2 and the dollar ticks say the unit: no sideways title to squeeze."""
    words = texts(parse(cost_chart_svg(compare(), layout="narrow")))
    assert [word for word in words if word.isdigit()] == [str(month) for month in range(0, 13, 2)]
    assert "Cumulative cost (US$)" not in words


def test_no_text_sits_inside_the_plot():
    """Tick labels lie outside the axes and the legend and notes above the plot, so no label crosses a line."""
    for layout_name, layout in LAYOUTS:
        root = parse(cost_chart_svg(compare(SIMPLE_CROSSING), layout=layout_name))
        for element in root.iter(SVG + "text"):
            x, y = float(element.get("x")), float(element.get("y"))
            outside = x < layout.left or y > layout.bottom or y < layout.top
            assert outside, (layout_name, "".join(element.itertext()))


def test_an_option_that_cannot_be_built_is_not_drawn_and_the_description_says_why():
    """Too much knowledge for the context window: no cached-prompt line, legend entry or column."""
    comparison = compare({"knowledge_pages": 5000})
    root = parse(cost_chart_svg(comparison))
    assert set(paths(root)) == {"rag", "fine-tuning", "both"}
    assert "Cached prompt" not in texts(root)
    assert "Cached prompt is not drawn: about 2,500,000 tokens" in root.find(SVG + "desc").text
    table = ET.fromstring(cost_table_html(comparison))
    assert [th.text for th in table.find("thead").findall("tr/th")] == ["Month", "RAG", "Fine-tuning", "Both"]


def test_break_even_marker_shows_where_fine_tuning_crosses_below_rag():
    """Above the break-even volume, a marker labels the month fine-tuning becomes cheaper."""
    comparison = compare(SIMPLE_CROSSING)
    # The crossing lies 91 / (91 + 39) = 0.7 of the way from month 7 to month 8.
    month, usd = break_even_point(comparison)
    assert month == pytest.approx(7.7)
    assert usd == pytest.approx(1 + 430 * 7.7)
    root = parse(cost_chart_svg(comparison))
    markers = [group for group in root.iter(SVG + "g") if group.get("class") == "cost-chart__break-even"]
    assert len(markers) == 1
    assert "Break-even, month 7.7" in texts(root)
    circles = markers[0].findall(SVG + "circle")
    # One circle on the curves (month 7.7 of 12 across the plot), one beside the note above the plot.
    assert float(circles[0].get("cx")) == pytest.approx(92 + (620 - 92) * 7.7 / 12, abs=0.1)
    assert float(circles[1].get("cy")) < 78


def test_no_break_even_marker_when_rag_stays_cheaper():
    """Below the break-even volume, there is no crossing to mark."""
    comparison = compare()
    assert break_even_point(comparison) is None
    assert "cost-chart__break-even\"" not in cost_chart_svg(comparison).replace("cost-chart__break-even circle", "")


def test_no_break_even_marker_when_fine_tuning_is_cheaper_from_the_start():
    """When fine-tuning costs less from month 0, nothing crosses and nothing is marked."""
    comparison = compare(dict(SIMPLE_CROSSING, labelling_usd_per_example=0, training_usd_per_1m=0))
    assert comparison.break_even_month == 0
    assert break_even_point(comparison) is None
    assert "Break-even" not in " ".join(texts(parse(cost_chart_svg(comparison))))


def test_title_and_id_are_escaped():
    """A title with markup characters stays text, and the id prefixes every inner id."""
    svg = cost_chart_svg(compare(), title='<RAG> & "fine-tuning"', chart_id="chart-2")
    root = parse(svg)
    assert root.find(SVG + "title").text == '<RAG> & "fine-tuning"'
    assert root.get("id") == "chart-2"
    assert root.find(SVG + "title").get("id") == "chart-2-title"


def test_long_horizons_get_fewer_month_ticks():
    """Ten years show a tick every 12 months, not 121 of them."""
    words = texts(parse(cost_chart_svg(compare({"horizon_months": 120}))))
    assert [word for word in words if word.isdigit()] == [str(month) for month in range(0, 121, 12)]


def test_chart_of_nothing_still_draws():
    """When every cost is zero, the chart still draws, with ticks up to $1."""
    zero = {cost_input.id: cost_input.minimum for cost_input in COST_INPUTS
            if cost_input.kind == "number" and not cost_input.optional and cost_input.id != "horizon_months"}
    root = parse(cost_chart_svg(compare(zero)))
    assert [word for word in texts(root) if word.startswith("$")][-1] == "$1"


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [
        (5986.04, (0, 2000, 4000, 6000)),
        (100, (0, 20, 40, 60, 80, 100)),
        (99.99, (0, 20, 40, 60, 80, 100)),
        (12, (0, 2.5, 5, 7.5, 10, 12.5)),
        (0, (0, 0.2, 0.4, 0.6, 0.8, 1)),
        (1, (0, 0.2, 0.4, 0.6, 0.8, 1)),
        (7e6, (0, 2e6, 4e6, 6e6, 8e6)),
    ],
)
def test_nice_ticks_are_round_and_cover_the_maximum(maximum, ticks):
    """Ticks step by 1, 2, 2.5 or 5 times a power of ten and reach the maximum."""
    assert nice_ticks(maximum) == pytest.approx(ticks)


@given(st.floats(1e-6, 1e18))
def test_nice_ticks_always_cover_the_maximum_in_a_few_steps(maximum):
    """Whatever the maximum, the ticks start at 0, reach it, and number at most 11."""
    ticks = nice_ticks(maximum)
    assert ticks[0] == 0 and ticks[-1] >= maximum * (1 - 1e-9)
    assert 2 <= len(ticks) <= 11


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "$0"), (500, "$500"), (2500, "$2.5k"), (15000, "$15k"), (1200000, "$1.2M"), (3e9, "$3B"),
     (0.5, "$0.5"), (0.25, "$0.25"), (7500, "$7.5k")],
)
def test_short_usd_abbreviates_axis_amounts(amount, text):
    """Axis labels are short: $2.5k, $1.2M, $3B."""
    assert short_usd(amount) == text


def test_table_has_a_caption_and_scoped_headers():
    """The table has a caption, column headers per option and a row header per month."""
    table = ET.fromstring(cost_table_html(compare()))
    assert table.find("caption").text == "Cumulative cost in US dollars by month at 10,000 queries a day"
    headers = table.find("thead").findall("tr/th")
    assert [th.text for th in headers] == ["Month", "RAG", "Fine-tuning", "Both", "Cached prompt"]
    assert {th.get("scope") for th in headers} == {"col"}
    rows = table.find("tbody").findall("tr")
    assert [row.find("th").get("scope") for row in rows] == ["row"] * 13


def test_table_has_the_charts_numbers():
    """Every cell is the option's cumulative cost at that month, in whole dollars.

    Worked by hand at 2,000 queries a day (60,000 a month): RAG is $1 to embed, then $10 of database plus
    $420 of queries a month (4,000 tokens in at $1/1M, 1,000 out at $2/1M, one read at $1,000/1M: $0.007 a
    query; 1 + 430 m); fine-tuning is $1,000 of labelling plus $1 of training, then $300 of queries a month
    ($0.005 a query), plus a $1 retraining at month 6 (1,001 + 300 m); both pays the embedding and the tuning,
    the database and $0.012 a query (the tuned model's prices with the retrieved context): 1,002 + 730 m.
    """
    comparison = compare(SIMPLE_CROSSING)
    table = ET.fromstring(cost_table_html(comparison))
    for row in table.find("tbody").findall("tr"):
        month = int(row.find("th").text)
        retrained = 1 if month >= 6 else 0
        expected = [1 + 430 * month, 1001 + 300 * month + retrained, 1002 + 730 * month + retrained]
        assert [td.text for td in row.findall("td")] == ["${:,}".format(usd) for usd in expected], month
    # Month 8 at 2,000 a day: RAG 1 + 430 × 8, fine-tuning 1,002 + 300 × 8.
    row = [r for r in table.find("tbody").findall("tr") if r.find("th").text == "8"][0]
    assert [td.text for td in row.findall("td")][:2] == ["$3,441", "$3,402"]
    assert row.get("class") == "cost-table__break-even"


def test_long_horizons_show_selected_months():
    """Ten years show a row every 6 months, with the break-even month and the last one."""
    comparison = compare(dict(SIMPLE_CROSSING, horizon_months=120, retrain_interval_months=0))
    months = table_months(comparison)
    assert months[0] == 0 and months[-1] == 120 and len(months) <= 25
    assert comparison.break_even_month in months
    # 1,000 − 130 m turns negative in month 8; 120 months step by 6 to stay within 25 rows.
    assert months == tuple(sorted(list(range(0, 121, 6)) + [8]))
    table = ET.fromstring(cost_table_html(comparison))
    assert table.find("caption").text.endswith("(selected months)")
    assert len(table.find("tbody").findall("tr")) == len(months)


def test_odd_horizons_still_end_on_their_last_month():
    """A 31-month horizon steps by 2 months and still ends on month 31."""
    months = table_months(compare({"horizon_months": 31}))
    assert months[-1] == 31 and 30 in months and 29 not in months


def _valid_inputs():
    fields = {}
    for cost_input in COST_INPUTS:
        if cost_input.kind == "choice":
            fields[cost_input.id] = st.sampled_from([value for value, _ in cost_input.choices])
        elif cost_input.integer:
            fields[cost_input.id] = st.integers(int(cost_input.minimum), int(cost_input.maximum))
        elif not cost_input.optional:
            fields[cost_input.id] = st.floats(cost_input.minimum, cost_input.maximum)
    return st.fixed_dictionaries(fields).map(lambda values: CostInputs(**values))


@settings(deadline=None)  # a loaded machine is slow; speed is measured by benchmarks
@given(_valid_inputs())
def test_any_comparison_draws_well_formed_chart_and_table(inputs):
    """For any valid inputs, the chart and the table are well-formed, with a line and a column per option."""
    comparison = compare(inputs)
    for layout, _ in LAYOUTS:
        root = parse(cost_chart_svg(comparison, layout=layout))
        drawn = {"rag", "fine-tuning", "both"} | ({"long-context"} if comparison.long_context.available else set())
        assert set(paths(root)) == drawn
    table = ET.fromstring(cost_table_html(comparison))
    assert len(table.find("tbody").findall("tr")) == len(table_months(comparison))


@pytest.mark.parametrize(("max_rows", "months"), [(3, (0, 60, 120)), (2, (0, 120))])
def test_very_few_rows_still_span_the_horizon(max_rows, months):
    """However few rows are allowed, the table runs from month 0 to the horizon."""
    comparison = compare({"horizon_months": 120, "labelling_usd_per_example": 1000})  # no break-even
    assert table_months(comparison, max_rows=max_rows) == months
