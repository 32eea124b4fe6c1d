"""The generated parts of the built pages match decision_core's data."""

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from decision_core.framework.cost_inputs import COST_INPUTS
from decision_core.model.engine import recommend
from decision_core.base.errors import DecisionError
from decision_core.framework.questions import QUESTIONS
from decision_core.framework.rules import CRITERIA
from decision_core.model.thresholds import ALL_THRESHOLDS as THRESHOLDS
from decision_core.framework.sections import SECTIONS
from tests.support.html import elements, text_of
from tests.support.site import ROOT, page_html

pytestmark = pytest.mark.site

COLUMN = {"rag": "RAG", "fine-tuning": "Fine-tuning", "both": "Both"}
"""What the table's "Favours" column says for each outcome."""

SCENARIOS = json.loads((ROOT / "scenarios" / "public.json").read_text(encoding="utf-8"))


def test_decision_table_rows_are_the_criteria(site_dir: Path):
    """The built table has one row per criterion: same order, same text, same outcome."""
    html = page_html(site_dir, "decision-table/")
    rows = [row for row in elements(html, "tr") if row.attrs.get("data-favours")]
    boxes = [box for box in elements(html, "input") if box.attrs.get("name") == "criterion"]
    labels = {label.attrs["for"]: text_of(label) for label in elements(html, "label") if label.attrs.get("for")}
    assert len(rows) == len(boxes) == len(CRITERIA)
    for row, box, criterion in zip(rows, boxes, CRITERIA):
        assert box.attrs["value"] == criterion.id
        assert "disabled" in box.attrs, "checkboxes stay disabled until the widget enables them"
        assert labels[box.attrs["id"]] == criterion.text
        assert row.attrs["data-favours"] == criterion.favours
        assert text_of(row).endswith(COLUMN[criterion.favours])


def test_decision_table_has_tallies_and_a_verdict_region(site_dir: Path):
    """One tally output per outcome that has rows, and an empty polite live region for the verdict."""
    html = page_html(site_dir, "decision-table/")
    outputs = [output.attrs["data-outcome"] for output in elements(html, "output")]
    assert outputs == ["rag", "fine-tuning", "both"]
    verdicts = [p for p in elements(html, "p") if "live-table__verdict" in (p.attrs.get("class") or "")]
    assert len(verdicts) == 1 and verdicts[0].attrs.get("aria-live") == "polite"
    assert len([d for d in elements(html, "div") if d.attrs.get("data-widget") == "decision-table"]) == 1


def test_examples_show_the_engines_choice(site_dir: Path):
    """Each worked example shows the choice the engine makes for its answers (or its refusal)."""
    html = page_html(site_dir, "examples/")
    shown = {div.attrs["data-scenario"]: div.attrs["data-choice"]
             for div in elements(html, "div") if div.attrs.get("data-scenario")}
    expected = {}
    for scenario in SCENARIOS:
        try:
            expected[scenario["id"]] = recommend(scenario["answers"]).choice
        except DecisionError:
            expected[scenario["id"]] = "error"
    assert shown == expected


def test_example_headings_carry_their_anchors(site_dir: Path):
    """Each example is a heading with its sections.py anchor and title."""
    html = page_html(site_dir, "examples/")
    headings = {h.attrs.get("id"): text_of(h).rstrip("¶").strip() for h in elements(html, "h2")}
    for scenario in SCENARIOS:
        anchor = "example-" + scenario["id"].lower()
        title = [section.title for section in SECTIONS if section.id == anchor][0]
        assert headings.get(anchor) == title


def test_consultants_page_lists_every_section(site_dir: Path, base_url: str):
    """Every section appears once with its title, summary, absolute URL and a copy button for its link."""
    html = page_html(site_dir, "consultants/")
    items = {li.attrs["data-section"]: text_of(li) for li in elements(html, "li") if li.attrs.get("data-section")}
    assert list(items) == [section.id for section in SECTIONS]
    for section in SECTIONS:
        assert section.title in items[section.id] and base_url + section.url in items[section.id]
    buttons = [b for b in elements(html, "button") if b.attrs.get("data-copy-href")]
    assert [urljoin(base_url + "consultants/", b.attrs["data-copy-href"]) for b in buttons] == [
        base_url + s.url for s in SECTIONS]
    assert all(b.attrs.get("type") == "button" for b in buttons)
    assert any(p.attrs.get("role") == "status" for p in elements(html, "p"))


def test_thresholds_table_lists_every_threshold(site_dir: Path):
    """The framework page's thresholds table has one row per threshold, with its source and date."""
    html = page_html(site_dir, "framework/")
    rows = {row.attrs["id"]: text_of(row) for row in elements(html, "tr")
            if (row.attrs.get("id") or "").startswith("threshold-")}
    assert list(rows) == ["threshold-" + threshold.id for threshold in THRESHOLDS]
    for threshold in THRESHOLDS:
        assert threshold.as_of in rows["threshold-" + threshold.id]


def test_questions_list_every_field_and_option(site_dir: Path):
    """The framework page states each question once: its heading, then its own fields and every option."""
    html = page_html(site_dir, "framework/")
    sections = {e.attrs["data-question"]: text_of(e) for e in elements(html, "section")
                if e.attrs.get("data-question")}
    headings = {e.attrs.get("id") for e in elements(html, "h2")}
    for question in QUESTIONS:
        assert question.section in headings
        for field in question.fields:
            assert field.label in sections[question.id]
            for option in field.options:
                assert option.label in sections[question.id]


def test_cost_inputs_and_chart_are_on_the_cost_page(site_dir: Path):
    """The cost page lists every cost input and shows the chart and its table without scripts."""
    html = page_html(site_dir, "cost/")
    ids = [row.attrs["id"] for row in elements(html, "tr") if (row.attrs.get("id") or "").startswith("cost-input-")]
    assert ids == ["cost-input-" + item.id for item in COST_INPUTS]
    figures = [f for f in elements(html, "figure") if "cost-figure" in (f.attrs.get("class") or "")]
    assert len(figures) == 1 and "<svg" in html
    assert elements(html, "div") and any("cost-chart__table" in (d.attrs.get("class") or "")
                                         for d in elements(html, "div"))


def test_the_cost_page_gives_todays_verdict_and_the_presets_with_their_dates(site_dir: Path):
    """The cost page says plainly that fine-tuning does not pay at today's prices, and lists every preset."""
    from decision_core.framework.presets import PRESETS

    text = " ".join(text_of(element) for element in elements(page_html(site_dir, "cost/"), "article"))
    assert ("At today's prices a fine-tuned model is not cheaper per request than the cheapest base model"
            in text)
    assert "fine-tune for behaviour, not for cost" in text
    for preset in PRESETS:
        assert preset.label in text
    assert "91,000" not in text and "gpt-4.1-mini prices" not in text  # the closing market's figures are gone
    assert "Below about 271,000 tokens" in text and "(2024-09-19)" in text


def test_the_availability_section_and_the_facts_table_are_generated(site_dir: Path):
    """Who can fine-tune where and until when, on What others add; every fact's dates, for maintainers."""
    from decision_core.framework.facts import FACTS

    availability = " ".join(text_of(element) for element in elements(page_html(site_dir, "authorities/"), "table"))
    assert "Google Vertex AI" in availability and "2027-10-14" in availability
    rows = [row.attrs["id"] for row in elements(page_html(site_dir, "maintainers/"), "tr")
            if (row.attrs.get("id") or "").startswith("fact-")]
    assert rows == ["fact-" + fact.id for fact in FACTS]


def test_no_marker_is_left_in_the_site(html_pages: "dict[str, str]"):
    """Every marker was replaced (markers quoted in code, e.g. on the maintainers page, excepted)."""
    left = [path for path, html in html_pages.items() if "<!-- decision_core:" in html]
    assert left == []
