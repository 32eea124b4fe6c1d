"""sitegen's generators: the generated tables, examples and link lists."""

import html
from html import unescape as html_unescape

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from decision_core.framework.cost_inputs import COST_INPUTS
from decision_core.base.errors import InvalidAnswers, Problem
from decision_core.framework.questions import FIELDS, QUESTIONS
from decision_core.framework.rules import CRITERIA, OUTCOMES, THRESHOLDS, Criterion, Outcome, Threshold
from decision_core.framework.sections import SECTIONS, Section
from sitegen import consultants, examples, markup, tables
from tests.support.html import parse

HOSTILE = '<script>alert("x")</script> & \'quotes\' *bold* [link](http://evil) {#id}'


def tags(tree, name: str) -> "list[dict]":
    """The attributes of every `name` element, in document order."""
    return [element.attrs for element in tree.find(name)]


def assert_no_raw_hostile_markup(html: str) -> None:
    assert "<script>" not in html
    tree = parse(html)
    assert tags(tree, "script") == []
    assert '<script>alert("x")</script>' in tree.all_text()


def test_escape_covers_quotes_and_markup():
    """Text is safe in element content and in single- or double-quoted attributes."""
    assert markup.escape("<a href='x'>\"&\"</a>") == "&lt;a href=&#x27;x&#x27;&gt;&quot;&amp;&quot;&lt;/a&gt;"
    assert markup.escape(42) == "42"


def test_escape_markdown_shows_text_literally():
    """Markdown characters get backslashes, HTML becomes references and newlines a space."""
    assert markup.escape_markdown("a *b* [c]\n<d> {#e}") == "a \\*b\\* \\[c\\] &lt;d&gt; \\{\\#e\\}"


@pytest.mark.parametrize(("value", "text"), [
    (None, "not stated"), (True, "yes"), (False, "no"), (0, "0"), (3000000, "3,000,000"),
    (2.0, "2"), (0.4, "0.4"), (1224.5, "1,224.5"), (0.1 + 0.2, "0.3"), (1.00001, "1"), (-2.5, "-2.5"), (1e9, "1,000,000,000"), ("2027-01-06", "2027-01-06"),
])
def test_format_number_reads_like_prose(value, text):
    """Thousands separators, no trailing zeros, words for booleans and None."""
    assert markup.format_value(value) == text


@pytest.mark.parametrize(("value", "unit", "text"), [
    (500, "USD", "$500"), (5, "USD per example", "$5 per example"), (0.4, "$ per 1M tokens", "$0.40 per 1M tokens"),
    (1.7, "$/hour", "$1.70/hour"), (0.5, "share", "50%"), (10, "% of the knowledge base", "10% of the knowledge base"),
    (500, "examples", "500 examples"), ("2027-01-06", "date", "2027-01-06"), (True, "ms", "yes"), (-1.5, "USD", "-$1.50"),
])
def test_values_carry_their_units(value, unit, text):
    """Money gets a dollar sign and cents, shares a percent sign, other units follow the number."""
    assert markup.value_with_unit(value, unit) == text


# -- The decision table --------------------------------------------------------------------


def test_decision_table_has_one_row_per_criterion_in_order():
    """Each criterion is a row with a disabled checkbox, its label and the outcome it favours."""
    tree = parse(tables.decision_table_html(CRITERIA, OUTCOMES))
    boxes = tags(tree, "input")
    assert [box["value"] for box in boxes] == [criterion.id for criterion in CRITERIA]
    for box, criterion in zip(boxes, CRITERIA):
        assert box["type"] == "checkbox" and box["name"] == "criterion" and "disabled" in box
        assert box["id"] == "crit-" + criterion.id and box["data-favours"] == criterion.favours
    assert [label["for"] for label in tags(tree, "label")] == ["crit-" + c.id for c in CRITERIA]
    rows = [row["data-favours"] for row in tags(tree, "tr") if "data-favours" in row]
    assert rows == [criterion.favours for criterion in CRITERIA]


def test_decision_table_is_an_accessible_table():
    """A caption, column headers with scope, row headers, and group headers carrying the anchors."""
    html = tables.decision_table_html(CRITERIA, OUTCOMES)
    tree = parse(html)
    assert html.startswith('<div class="live-table" data-widget="decision-table" data-state="loading">')
    assert len(tags(tree, "table")) == 1 and len(tags(tree, "caption")) == 1
    scopes = [th.get("scope") for th in tags(tree, "th")]
    assert scopes.count("col") == 2 and scopes.count("rowgroup") == 3 and None not in scopes
    anchors = [tr["id"] for tr in tags(tree, "tr") if "id" in tr]
    assert anchors == ["choose-rag", "choose-fine-tuning", "choose-both"]


def test_decision_table_has_tallies_and_a_polite_verdict():
    """One output per outcome with rows (prompt-first has none), starting at 0, and an empty live region."""
    html = tables.decision_table_html(CRITERIA, OUTCOMES)
    tree = parse(html)
    assert [o["data-outcome"] for o in tags(tree, "output")] == ["rag", "fine-tuning", "both"]
    assert '<output data-outcome="rag">0</output> of 5' in html
    assert '<p class="live-table__verdict" aria-live="polite"></p>' in html


def test_decision_table_links_are_made_by_href():
    """Group headings link to their anchors through the href function."""
    html = tables.decision_table_html(CRITERIA, OUTCOMES, lambda url: "/base/" + url)
    assert 'href="/base/decision-table/#choose-rag"' in html


def test_decision_table_escapes_hostile_text():
    """Criterion text and ids cannot inject markup or break attributes."""
    criteria = (Criterion('x"><b', HOSTILE, "o<o", "choose-rag"),)
    outcomes = (Outcome("o<o", "T", "S", "outcome-rag", "<i>rag</i>"),)
    html = tables.decision_table_html(criteria, outcomes)
    assert_no_raw_hostile_markup(html)
    tree = parse(html)
    assert tags(tree, "input")[0]["value"] == 'x"><b'
    assert "<i>" not in html and "&lt;i&gt;rag&lt;/i&gt;" in html


def test_decision_table_names_an_unknown_outcome_by_its_id():
    """A criterion favouring an outcome without a name shows the outcome id."""
    html = tables.decision_table_html((Criterion("c", "t", "other", "choose-both"),), ())
    assert "<td>other</td>" in html and "<tfoot>\n</tfoot>" in html


# -- Thresholds, questions, cost inputs, chart ------------------------------------------------


def test_thresholds_table_lists_each_with_source_and_date():
    """One row per threshold, in order, with value, text, source and as-of date."""
    html = tables.thresholds_html(THRESHOLDS)
    tree = parse(html)
    assert [tr["id"] for tr in tags(tree, "tr") if "id" in tr] == ["threshold-" + t.id for t in THRESHOLDS]
    assert "$500" in html and "2027-01-06" in html


def test_thresholds_link_web_sources_and_escape_everything():
    """A source that is a web address becomes a link; hostile text stays text."""
    html = tables.thresholds_html((
        Threshold("a", 1, "ms", HOSTILE, "https://example.org/?a=1&b=2", "2026-11"),
        Threshold("b", 2, "ms", "t", HOSTILE, HOSTILE),
    ))
    assert '<a href="https://example.org/?a=1&amp;b=2">' in html
    assert_no_raw_hostile_markup(html)


def test_each_question_lists_its_fields_and_options():
    """Each question's own section lists its fields as a definition list, with every option's label and how
    it is answered (one choice, any that apply, a number, yes or no)."""
    html = "\n".join(tables.question_fields_html(question) for question in QUESTIONS)
    tree = parse(html)
    assert [s["data-question"] for s in tags(tree, "section")] == [q.id for q in QUESTIONS]
    assert len(tags(tree, "dt")) == len(FIELDS)
    for field in FIELDS:
        for option in field.options:
            assert markup.escape(option.label) in html
    assert "(optional)" in html and "A whole number, at least 0" in html and "Yes or no" in html
    assert "Tick any that apply" in html and "Choose one" in html


def test_plan_effort_table_prices_each_step_at_the_day_rate():
    """One row per approach: 5 to 10 person-days of retrieval at $800 a day is $4,000 to $8,000; the day
    rate's source and date follow the table."""
    from decision_core.framework.effort import DAY_RATE, EFFORTS
    from sitegen.advice_tables import effort_html

    html = effort_html(EFFORTS, DAY_RATE)
    tree = parse(html)
    assert [tr["id"] for tr in tags(tree, "tr") if "id" in tr] == ["effort-" + e.approach for e in EFFORTS]
    assert "5 to 10 person-days" in html and "$4,000 to $8,000" in html
    assert "Bureau of Labor Statistics" in html and DAY_RATE.as_of in html


def test_advice_rows_are_listed_for_maintainers_with_their_conditions():
    """Every finding, caveat, plan sentence and signal appears with its conditions; text is escaped."""
    from decision_core.framework.advice_rows import CAVEATS, FINDINGS, STEP_TEXTS, UNTILS, Finding
    from sitegen.advice_tables import advice_rows_html

    hostile = Finding("x", "need", ("citations",), HOSTILE, "research", None)
    html = advice_rows_html(FINDINGS + (hostile,), CAVEATS, STEP_TEXTS, UNTILS, lambda url: "../" + url)
    assert_no_raw_hostile_markup(html)
    for row in FINDINGS + CAVEATS + STEP_TEXTS + UNTILS:
        assert "<code>%s</code>" % row.id in html
    assert html.count("<details") == 4 and "<code>citations</code>" in html and "neutral" in html


def test_cost_inputs_table_lists_every_input():
    """One row per cost input with default and unit, marking, range, source and date; choices show labels."""
    html = tables.cost_inputs_html(COST_INPUTS)
    tree = parse(html)
    assert [tr["id"] for tr in tags(tree, "tr") if "id" in tr] == ["cost-input-" + i.id for i in COST_INPUTS]
    assert "$0.10 per 1M tokens" in html and "$0.125 per 1M tokens" in html and "empty (optional)" in html
    assert "RAG on OpenAI gpt-6-luna vs fine-tuned Gemini 3.1 Flash-Lite" in html and "one of 8 choices" in html
    assert '$1.50 per 1M training tokens <span class="dc-mark">unconfirmed</span>' in html


def test_cost_inputs_escape_hostile_text():
    """Labels, units and sources cannot inject markup."""

    class Input:
        id, label, default, unit, minimum, maximum, source, as_of = "x", HOSTILE, 1, "<u>", 0, 9, HOSTILE, "<d>"
        choices = None

    html = tables.cost_inputs_html([Input])
    assert_no_raw_hostile_markup(html)
    assert "<u>" not in html and "<d>" not in html


def test_cost_chart_keeps_its_markup_and_escapes_the_caption():
    """The chart's SVG and table are placed as given; the caption is text."""
    html = tables.cost_chart_html("<svg></svg>", "<table></table>", "a < b")
    assert html.startswith('<figure class="cost-figure">\n<svg></svg>')
    assert "<figcaption>a &lt; b</figcaption>" in html and "<table></table>" in html


# -- Worked examples -------------------------------------------------------------------------


class Reason:
    def __init__(self, text, section=None):
        self.text = text
        self.section = section


class Result:
    choice = "rag"
    headline = "Start with <RAG>"
    reasons = (Reason(HOSTILE, "q1-knowledge-change"), Reason("plain"))
    caveats = ("a caveat",)
    changes = ()


def test_a_worked_example_shows_its_plan_and_what_speaks_against_it(public_cases):
    """A real case shows its plan in order with each step's signal, its counterpoints, and only the caveats
    that are not stated once for every case (where to fine-tune, permissions)."""
    from decision_core.model.engine import recommend

    case = [case for case in public_cases if case["id"] == "A05"][0]
    html = examples.example_markdown(case, recommend)
    assert '<ol class="example__plan">' in html and 'data-approach="prompt"' in html
    assert "What speaks against it" in html and "You may already have enough" in html
    both = [case for case in public_cases if case["id"] == "S03"][0]
    html = examples.example_markdown(both, recommend)
    assert html.index('data-approach="rag"') < html.index('data-approach="fine-tuning"')
    assert "Move on when" in html
    assert "Plan where you will fine-tune" not in html and "enforce permissions" not in html


def test_example_has_anchor_heading_answers_and_result():
    """Heading with the section's anchor, the situation, the answers table, the engine's choice and the note."""
    scenario = {"id": "S01", "description": HOSTILE, "note": HOSTILE,
                "answers": {"knowledge_change": "weekly", "labelled_examples": 0, "needs_citations": True,
                            "budget_usd": None, "latency_budget_ms": None, "zz_extra": "x"}}
    markdown = examples.example_markdown(scenario, lambda answers: Result(), lambda url: "../" + url)
    heading, _, html = markdown.partition("\n\n")
    assert heading == "## Example: a neobank's support assistant { #example-s01 }"
    assert_no_raw_hostile_markup(html)
    assert 'data-scenario="S01" data-choice="rag"' in html
    assert '<a href="../recommendation/#outcome-rag">Start with RAG</a>' in html
    assert "<p>%s</p>" % markup.escape(OUTCOMES[0].summary) in html  # the summary, not the title again
    assert "Every week" in html and "No limit" in html and "Not stated" in html and "Yes" in html
    assert "zz_extra" in html and "Watch out for" in html and "What would change it" not in html
    assert '<a href="../framework/#q1-knowledge-change">Why?<span class="visually-hidden">' in html


def test_a_case_the_engine_answers_opens_in_the_quiz():
    """A complete case gets an "Open this case in the quiz" link: its share link, relative to the page."""
    from decision_core.model.sharelink import decode_answers

    answers = {"knowledge_change": "weekly", "need": "knowledge", "labelled_examples": 0, "queries_per_day": 5000}
    html = examples.example_markdown({"id": "S01", "answers": answers}, lambda answers: Result(),
                                     lambda url: "../" + url)
    start = html.index('<p class="example__open"><a class="md-button" href="')
    href = html[start:].split('href="', 1)[1].split('"', 1)[0]
    assert href.startswith("../quiz/?v=") and href.endswith("#quiz-result")
    assert {key: decode_answers(html_unescape(href))[key] for key in answers} == answers
    assert "Open this case in the quiz" in html[start:]


def test_a_case_the_engine_refuses_has_no_quiz_link():
    """Incomplete answers have no share link, so the example offers none."""
    html = examples.example_markdown({"id": "S22", "answers": {"need": "knowledge"}}, lambda answers: Result())
    assert "example__open" not in html


def test_example_answers_carry_units():
    """Latency shows milliseconds and budget dollars; a false flag reads No."""
    html = examples.example_markdown(
        {"id": "S01", "answers": {"latency_budget_ms": 3000, "budget_usd": 20000, "needs_citations": False}},
        lambda answers: Result())
    assert "3,000 ms" in html and "$20,000" in html and "<td>No</td>" in html


def test_example_shows_the_engines_refusal():
    """When the engine refuses the answers, the example lists each problem instead of a choice."""

    def refuse(answers):
        raise InvalidAnswers([Problem("need", "<missing>"), Problem("queries_per_day", "missing")])

    html = examples.example_markdown({"id": "S22", "description": "d", "answers": {}}, refuse)
    assert 'data-choice="error"' in html
    assert "<li><code>need</code>: &lt;missing&gt;</li>" in html and "queries_per_day" in html


def test_example_shows_an_error_without_problems():
    """An engine error without a problem list shows its message."""
    from decision_core.base.errors import InvalidShareLink

    def refuse(answers):
        raise InvalidShareLink("bad <link>")

    html = examples.example_markdown({"id": "S22", "answers": {}}, refuse)
    assert "<p>bad &lt;link&gt;</p>" in html


def test_examples_keep_the_given_order():
    """Examples appear in the order of the scenarios."""
    markdown = examples.examples_markdown(
        [{"id": "S02", "answers": {}}, {"id": "S01", "answers": {}}], lambda answers: Result())
    assert markdown.index("example-s02") < markdown.index("example-s01")


def test_example_needs_a_section_in_the_contract():
    """A scenario without a section in sections.py cannot be published."""
    from decision_core.base.errors import UnknownSection

    with pytest.raises(UnknownSection):
        examples.example_markdown({"id": "S99", "answers": {}}, lambda answers: Result())


# -- Links for consultants --------------------------------------------------------------------


def test_consultants_page_groups_sections_by_page_in_closed_groups():
    """One closed group per page, in reading order, named with its count; every section once, with a copy button."""
    pages = []
    for section in SECTIONS:
        if section.page not in pages:
            pages.append(section.page)
    html = consultants.consultants_markdown(SECTIONS, "https://guide.example/", lambda page: "Page " + page,
                                            lambda url: "../" + url)
    tree = parse(html)
    groups = tags(tree, "details")
    assert [group["id"] for group in groups] == ["links-" + page.strip("/").replace("/", "-") for page in pages]
    assert all("open" not in group for group in groups)
    basics = len([section for section in SECTIONS if section.page == "basics/"])
    assert "Page basics/ %d links" % basics in tree.all_text()
    buttons = tags(tree, "button")
    assert [b["data-copy-href"] for b in buttons] == ["../" + s.url for s in SECTIONS]
    assert all(b["type"] == "button" and "hidden" in b for b in buttons)
    assert buttons[0]["aria-label"] == "Copy link: What RAG is"
    assert len(tags(tree, "span")) >= len(SECTIONS) and html.count("data-copy-done") == len(SECTIONS)
    for section in SECTIONS:
        assert "<code>https://guide.example/%s</code>" % section.url.replace("&", "&amp;") in html
    status = [p for p in tags(tree, "p") if p.get("role") == "status"]
    assert len(status) == 1 and status[0]["aria-live"] == "polite"


def test_a_page_with_one_section_says_one_link():
    """The group's count reads "1 link", not "1 links"."""
    html = consultants.consultants_markdown((SECTIONS[0],), "https://s/", lambda page: "P")
    assert "1 link<" in html


def test_consultants_page_escapes_hostile_sections():
    """Titles, summaries and page names cannot inject markup or break the group."""
    sections = (Section("x", "", HOSTILE, HOSTILE),)
    html = consultants.consultants_markdown(sections, "https://s/", lambda page: HOSTILE)
    assert 'id="links-home"' in html
    assert_no_raw_hostile_markup(html)


# -- Properties ---------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


@given(TEXT)
def test_escaped_text_reads_back_unchanged(text):
    """Escaping loses nothing and leaves no character that could open a tag or end an attribute."""
    escaped = markup.escape(text)
    assert html.unescape(escaped) == text
    assert not any(char in escaped for char in "<>\"'")


@given(TEXT.filter(lambda text: text.strip()))
def test_markdown_escaped_text_renders_literally(text):
    """A heading made with escape_markdown shows exactly the text, whatever Markdown it contains."""
    converted = markdown.markdown("## " + markup.escape_markdown(text) + " { #x }", extensions=["attr_list"])
    tree = parse(converted)
    assert html.unescape(tree.all_text()) == " ".join(text.split())


@given(st.lists(st.tuples(TEXT, TEXT, st.sampled_from(["rag", "fine-tuning", "both", "x<y"])), max_size=5))
def test_decision_table_is_well_formed_for_any_criteria(rows):
    """Any criterion ids and texts give a well-formed table with one checkbox per row."""
    criteria = tuple(Criterion(cid, text, favours, "choose-rag") for cid, text, favours in rows)
    tree = parse(tables.decision_table_html(criteria, OUTCOMES))
    assert [box["value"] for box in tags(tree, "input")] == [cid for cid, _, _ in rows]
    assert tags(tree, "script") == []
