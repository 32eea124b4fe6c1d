"""The cost chart (SVG) and its text alternative (an HTML table)."""

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decision_core.views.chart import (
    break_even_point,
    cost_chart_svg,
    cost_table_html,
    nice_ticks,
    table_months,
)
from decision_core.framework.cost_inputs import COST_INPUTS
from decision_core.base.format import money_cents as format_usd
from decision_core.base.format import short_money as short_usd
from decision_core.model.cost_values import CostInputs
from decision_core.model.costs import compare

SVG = "{http://www.w3.org/2000/svg}"

# The round-number case of test_costs: at 2,000 queries a day, FT − RAG = 1,001 − 130 m,
# positive at month 7 (91) and negative at month 8 (−39).
SIMPLE_CROSSING = {
    "queries_per_day": 2000, "prompt_tokens": 1000, "context_tokens": 3000, "output_tokens": 1000,
    "base_input_usd_per_1m": 1, "base_output_usd_per_1m": 2, "fine_tuned_input_usd_per_1m": 2,
    "fine_tuned_output_usd_per_1m": 3, "training_usd_per_1m": 5, "training_examples": 100,
    "tokens_per_example": 1000, "epochs": 2, "training_runs": 1, "labelling_usd_per_example": 10,
    "embedding_usd_per_1m": 1, "corpus_tokens": 1000000, "reembed_percent_per_month": 0,
    "vector_db_usd_per_month": 10, "vector_db_usd_per_1m_reads": 1000, "reads_per_query": 1,
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


def test_chart_scales_to_its_container():
    """The chart has a viewBox and a width of 100%, no fixed pixel size."""
    root = parse(cost_chart_svg(compare()))
    assert root.get("viewBox") == "0 0 640 400"
    assert root.get("width") == "100%"
    assert root.get("height") is None


def test_chart_has_a_distinctly_dashed_line_per_option():
    """Each option has its own path, class and dash pattern, so colour is not the only cue."""
    root = parse(cost_chart_svg(compare()))
    lines = paths(root)
    assert set(lines) == {"rag", "fine-tuning", "both"}
    assert "cost-chart__fine-tuning" in lines["fine-tuning"].get("class")
    assert len({path.get("stroke-dasharray") for path in lines.values()}) == 3
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
    assert 'stroke="currentColor"' in svg
    assert not re.search(r'(stroke|fill)="#', svg)


def test_chart_has_a_legend_and_labelled_axes():
    """The legend names the options; the axes say months and dollars with round ticks."""
    root = parse(cost_chart_svg(compare()))
    words = texts(root)
    for label in ("RAG", "Fine-tuning", "Both", "Months", "Cumulative cost (US$)"):
        assert label in words
    # The defaults' highest total is both's, 5,030.20 + 12 × 50.02 + 30 + 30 × 10,000 × 12 × 0.002976
    # = $16,374.04: a fifth of it is 3,275, rounded up to steps of $5,000, up to $20,000.
    assert [word for word in words if word.startswith("$")] == ["$0", "$5k", "$10k", "$15k", "$20k"]
    assert [word for word in words if word.isdigit()] == [str(month) for month in range(13)]


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


def test_marker_label_sits_left_of_a_late_crossing():
    """A crossing in the right half of the chart gets its label on the left."""
    root = parse(cost_chart_svg(compare(SIMPLE_CROSSING)))
    label = [t for t in root.iter(SVG + "text") if (t.text or "").startswith("Break-even")][0]
    assert label.get("text-anchor") == "end"


def test_marker_label_sits_right_of_an_early_crossing():
    """A crossing in the left half of the chart gets its label on the right."""
    root = parse(cost_chart_svg(compare(dict(SIMPLE_CROSSING, queries_per_day=10000))))
    label = [t for t in root.iter(SVG + "text") if (t.text or "").startswith("Break-even")][0]
    assert label.get("text-anchor") == "start"


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
    zero = {cost_input.id: 0 for cost_input in COST_INPUTS
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
    assert [th.text for th in headers] == ["Month", "RAG", "Fine-tuning", "Both"]
    assert {th.get("scope") for th in headers} == {"col"}
    rows = table.find("tbody").findall("tr")
    assert [row.find("th").get("scope") for row in rows] == ["row"] * 13


def test_table_has_the_charts_numbers():
    """Every cell is the option's cumulative cost at that month, as format_usd writes it."""
    comparison = compare(SIMPLE_CROSSING)
    table = ET.fromstring(cost_table_html(comparison))
    for row in table.find("tbody").findall("tr"):
        month = int(row.find("th").text)
        cells = [td.text for td in row.findall("td")]
        assert cells == [format_usd(option.cumulative_usd[month]) for _, option in comparison.options]
    # Month 8 at 2,000 a day: RAG 1 + 430 × 8, fine-tuning 1,002 + 300 × 8.
    row = [r for r in table.find("tbody").findall("tr") if r.find("th").text == "8"][0]
    assert [td.text for td in row.findall("td")][:2] == ["$3,441.00", "$3,402.00"]
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


@given(_valid_inputs())
def test_any_comparison_draws_well_formed_chart_and_table(inputs):
    """For any valid inputs, the chart and the table are well-formed, with a line and a column per option."""
    comparison = compare(inputs)
    root = parse(cost_chart_svg(comparison))
    assert set(paths(root)) == {"rag", "fine-tuning", "both"}
    table = ET.fromstring(cost_table_html(comparison))
    assert len(table.find("tbody").findall("tr")) == len(table_months(comparison))


@pytest.mark.parametrize(("max_rows", "months"), [(3, (0, 60, 120)), (2, (0, 120))])
def test_very_few_rows_still_span_the_horizon(max_rows, months):
    """However few rows are allowed, the table runs from month 0 to the horizon."""
    comparison = compare({"horizon_months": 120, "labelling_usd_per_example": 1000})  # no break-even
    assert table_months(comparison, max_rows=max_rows) == months
