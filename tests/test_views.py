"""The quiz's HTML: the form rendered at build time and the result rendered in the browser."""

import pytest

from decision_core.views import quiz as views
from decision_core.model.advice import Caveat, Reason
from decision_core.model.answers import validate_answers
from decision_core.model.engine import Change, Recommendation, recommend
from decision_core.model.plan import Step
from decision_core.base.errors import Problem
from decision_core.framework.questions import FIELDS, QUESTIONS, Field, Option, Question
from tests.support.html import parse, text_of

HOSTILE = '<script>alert("x")</script>&\'"'


def find(tree, tag, **attrs):
    """The attributes of every `tag` element whose attributes match (`data_x=""`: present)."""
    return [element.attrs for element in tree.find(tag, **attrs)]


@pytest.fixture(scope="module")
def s01_recommendation(public_cases):
    """The recommendation for scenario S01."""
    return recommend(public_cases[0]["answers"])


# -- the form ---------------------------------------------------------------


def test_quiz_is_one_widget_root_that_starts_loading():
    """The quiz's root carries the test hooks: data-widget="quiz" and data-state="loading"."""
    tree = parse(views.render_quiz("../"))
    roots = find(tree, "div", data_widget="quiz")
    assert len(roots) == 1
    assert roots[0]["data-state"] == "loading"


def _legend_text(html, question):
    start = html.index('<legend id="quiz-%s-legend">' % question.id)
    return html[start:html.index("</legend>", start)]


def test_each_question_is_a_fieldset_asking_its_question_once():
    """Four fieldsets; each legend numbers the question and asks it; no wording of it is repeated."""
    html = views.render_quiz("../")
    tree = parse(html)
    questions = [e.attrs for e in tree.find("fieldset") if e.has("data-question")]
    assert [a["data-question"] for a in questions] == [q.id for q in QUESTIONS]
    for question in QUESTIONS:
        lead = question.fields[0]
        legend = _legend_text(html, question)
        assert "Question %d of 4</span> " % question.number in legend
        assert legend.endswith(lead.label)
        assert html.count(lead.label) == 1, "the question is asked once"
        assert question.title not in html and question.text not in html, "no second wording of it"


def test_each_question_has_one_help_line_with_a_link_to_why_it_matters():
    """Each field's help shows once; under each legend, the help line ends with a link to the guide's section."""
    html = views.render_quiz("../")
    assert html.count('class="quiz__help"') == sum(1 for field in FIELDS if field.help)
    assert html.count(">Why this matters</a>") == len(QUESTIONS)
    for question in QUESTIONS:
        lead = question.fields[0]
        assert html.count(lead.help) == 1
        start = html.index('<p class="quiz__help" id="quiz-%s-help">' % lead.name)
        assert html.index("</legend>", html.index('id="quiz-%s-legend"' % question.id)) < start
        line = html[start:html.index("</p>", start)]
        assert '<a href="../framework/#%s">Why this matters</a>' % question.section in line


def test_every_field_has_a_native_control_with_a_name():
    """Radios for choices, number inputs with bounds, a checkbox for booleans; every control named.

    A question's first field is named by the question's legend (radios inside
    its fieldset, a number input by aria-labelledby); the others by their own
    label or legend.
    """
    html = views.render_quiz()
    tree = parse(html)
    ids = tree.ids()
    assert len(ids) == len(set(ids)), "duplicate ids"
    labelled = {a["for"] for a in find(tree, "label")}
    leads = {question.fields[0].name: question for question in QUESTIONS}
    for field in FIELDS:
        inputs = find(tree, "input", name=field.name)
        if field.kind in ("choice", "choices"):
            assert [a["value"] for a in inputs] == list(field.values)
            assert {a["type"] for a in inputs} == {"radio" if field.kind == "choice" else "checkbox"}
            wrapper = "div" if field.name in leads else "fieldset"
            assert find(tree, wrapper, data_field=field.name, data_kind=field.kind)
        elif field.kind == "boolean":
            assert [a["type"] for a in inputs] == ["checkbox"]
        else:
            assert [a["type"] for a in inputs] == ["number"]
            assert inputs[0]["min"] == str(field.minimum)
            assert inputs[0]["step"] == ("1" if field.kind == "integer" else "any")
        for control in inputs:
            if field.name in leads and field.kind in ("integer", "number"):
                assert control["aria-labelledby"] == "quiz-%s-legend" % leads[field.name].id
                assert control["id"] not in labelled
            else:
                assert control["id"] in labelled


def test_a_new_kind_of_field_slots_in_with_one_row(monkeypatch):
    """render_field looks the kind up in CONTROLS: a new kind renders once it has a row there."""
    from decision_core.base.errors import UnknownId

    field = Field("colours", "Which colours?", "multi", question="q9")
    with pytest.raises(UnknownId, match="kind of quiz field"):
        views.render_field(field)
    monkeypatch.setattr(views, "CONTROLS", views.CONTROLS + (
        ("multi", lambda field, legend_id: '<div data-field="%s">boxes</div>' % field.name),))
    assert views.render_field(field) == '<div data-field="colours">boxes</div>'


def test_a_damaged_link_has_a_notice_in_plain_words_saying_what_to_do():
    """The bad-link notice is in the page, hidden, focusable, with data-link-notice, and says what to do."""
    html = views.render_quiz()
    tree = parse(html)
    notice = find(tree, "div", data_link_notice="")
    assert len(notice) == 1 and "hidden" in notice[0] and notice[0]["tabindex"] == "-1"
    assert notice[0]["role"] == "alert"
    words = views.LINK_NOTICE_TITLE + " " + views.LINK_NOTICE_TEXT
    assert "Ask the person who sent it for a fresh link, or answer the four questions below" in words
    for jargon in ("checksum", "parameter", "version 2", "a=", "v=", "decode", "token"):
        assert jargon not in words
    assert html.index("data-link-notice") < html.index('id="quiz-form"'), "above the questions it points to"


def test_the_notice_has_a_hidden_line_for_an_over_long_address():
    """The notice holds a hidden plain-words line for an address longer than any link the guide makes."""
    tree = parse(views.render_link_notice())
    line = find(tree, "p", data_link_notice_long="")
    assert len(line) == 1 and "hidden" in line[0]
    assert "far longer than any link this guide makes" in views.LINK_TOO_LONG_TEXT
    for jargon in ("characters", "parameter", "2000", "2,000", "query"):
        assert jargon not in views.LINK_TOO_LONG_TEXT


def test_a_share_links_result_has_a_preparing_note_in_the_result_area():
    """The result area holds a hidden "Preparing the result of the link you opened" note and its stalled twin."""
    from decision_core.model.sharelink import has_share_link

    html = views.render_quiz("../")
    tree = parse(html)
    root = find(tree, "div", data_widget="quiz")[0]
    assert has_share_link("?%s=x" % root["data-link-parameter"]), "the loader looks for the share link's parameter"
    pending = find(tree, "div", data_link_pending="")
    assert len(pending) == 1 and "hidden" in pending[0]
    result = html[html.index('id="quiz-result"'):]
    assert "Preparing the result of the link you opened" in result
    assert "did not load" in result and 'href="../framework/#q1-knowledge-change"' in result


def test_start_again_can_be_undone_and_a_link_follows_to_the_result():
    """A status region for "cleared, Undo" above the questions, and a hidden "See your result" button for #quiz-result."""
    html = views.render_quiz()
    tree = parse(html)
    cleared = find(tree, "div", data_quiz_cleared="")
    assert len(cleared) == 1 and cleared[0]["role"] == "status"
    assert html.index("data-quiz-cleared") < html.index('id="quiz-q1"')
    undo = parse(views.render_cleared())
    assert find(undo, "button", type="button", data_quiz_undo="")
    assert "Your answers are cleared." in undo.text
    jump = find(tree, "p", data_quiz_jump="")
    assert len(jump) == 1 and "hidden" in jump[0]
    button = find(tree, "button", type="button", data_quiz_jump_link="")
    assert len(button) == 1 and button[0]["aria-controls"] == "quiz-result"


def test_the_jump_link_names_the_recommendation(s01_recommendation):
    """The link that follows the reader says what the result is."""
    assert views.jump_text(s01_recommendation) == "See your result: Start with RAG"


def test_the_kinds_of_behaviour_are_checkboxes_in_a_described_fieldset():
    """Which behaviour must change is a fieldset of three checkboxes with a legend and help, none ticked."""
    tree = parse(views.render_quiz())
    box = find(tree, "fieldset", data_field="behaviour_kinds")
    assert box and box[0]["aria-describedby"] == "quiz-behaviour_kinds-help"
    boxes = find(tree, "input", name="behaviour_kinds")
    assert [(a["id"], a["type"]) for a in boxes] == [
        ("quiz-behaviour_kinds-tone", "checkbox"), ("quiz-behaviour_kinds-format", "checkbox"),
        ("quiz-behaviour_kinds-reasoning", "checkbox")]
    assert not [a for a in boxes if "checked" in a]


def test_optional_fields_say_so():
    """Each optional field's label or legend says "(optional)"; required ones do not."""
    html = views.render_quiz()
    assert html.count("(optional)") == sum(1 for field in FIELDS if not field.required)


def test_form_has_progress_restart_and_result_region():
    """Progress starts at 0 of 4, a reset button restarts, and the result sits in #quiz-result."""
    tree = parse(views.render_quiz())
    assert "0 of 4 answered" in tree.text
    assert find(tree, "button", type="reset")
    assert find(tree, "section", id="quiz-result")
    assert find(tree, "p", aria_live="polite")
    assert find(tree, "form", id="quiz-form")


def test_links_are_resolved_against_the_base():
    """The questions link to their section of the framework page, relative to the quiz page."""
    html = views.render_quiz("../")
    assert 'href="../framework/#q1-knowledge-change"' in html
    assert 'href="https://example.org/g/framework/#q4-cost-latency"' in views.render_quiz("https://example.org/g/")


def test_hostile_question_text_is_escaped(monkeypatch):
    """Markup in the framework's data comes out as text, in content and in attributes."""
    field = Field('x"><script>', HOSTILE, "choice", (Option('v"><b>', HOSTILE, HOSTILE),),
                  required=False, help=HOSTILE, minimum=None)
    number = Field("n", HOSTILE, "number", minimum=None, help="")
    question = Question("q1", 1, HOSTILE, HOSTILE, HOSTILE, "q1-knowledge-change", (field, number))
    monkeypatch.setattr(views, "QUESTIONS", (question,))
    html = views.render_quiz("../", {"text": HOSTILE, "url": 'x" onclick="y'})
    tree = parse(html)
    assert not find(tree, "script") and not find(tree, "b")
    assert "<script>" not in html and 'onclick="y' not in html
    assert [a["name"] for a in find(tree, "input")] == ['x"><script>', "n"]
    number_input = find(tree, "input", name="n")[0]
    assert "min" not in number_input and "aria-describedby" not in number_input


# -- the call to action -----------------------------------------------------


@pytest.mark.parametrize("call_to_action", [
    None, "Talk to us", {}, {"text": "Talk to us"}, {"url": "contact/"}, {"text": "", "url": "x/"},
    {"text": "Go", "url": "  "}, {"text": "Go", "url": 3}, {"text": "Go", "url": "javascript:alert(1)"},
    {"text": "Go", "url": " JavaScript :alert(1)"}, {"text": "Go", "url": "data:text/html,x"},
])
def test_no_call_to_action_unless_configured(call_to_action):
    """Absent, incomplete or script URLs show no call to action."""
    assert views.render_call_to_action(call_to_action, "../") == ""
    assert "data-quiz-cta" not in views.render_quiz("../", call_to_action)


@pytest.mark.parametrize("url, href", [
    ("contact/", "../contact/"),
    ("https://example.org/contact/", "https://example.org/contact/"),
    ("/contact/", "/contact/"),
    ("mailto:team@example.org", "mailto:team@example.org"),
])
def test_call_to_action_links_where_configured(url, href):
    """A configured call to action is a button-styled link, hidden until there is a result."""
    html = views.render_quiz("../", {"text": "Talk to us", "url": url})
    tree = parse(html)
    cta = find(tree, "p", data_quiz_cta="")
    assert cta and "hidden" in cta[0]
    assert find(tree, "a", href=href)
    assert "Talk to us" in html


# -- the result ---------------------------------------------------------------


def test_result_carries_the_choice_and_links_to_sections(s01_recommendation):
    """The panel has data-choice, the headline, reasons with links, caveats, changes, answers."""
    html = views.render_result(s01_recommendation, "https://example.org/g/",
                               "https://example.org/g/quiz/?v=1&a=x#quiz-result", "2026-11-25")
    tree = parse(html)
    assert find(tree, "div", data_choice="rag")
    hrefs = [a["href"] for a in find(tree, "a")]
    assert "https://example.org/g/recommendation/#outcome-rag" in hrefs
    for reason in s01_recommendation.reasons:
        assert "https://example.org/g/" + reason.link in hrefs
    assert "https://example.org/g/quiz/?v=1&a=x#quiz-result" in hrefs
    assert find(tree, "button", data_quiz_copy="")
    assert find(tree, "time", datetime="2026-11-25")
    text = tree.text
    for heading in ("Your plan", "Why", "Before you start", "Your answers"):
        assert heading in text
    assert "Every week" in text and "5,000" in text and "$20,000" in text and "3,000 ms" in text


def test_result_leads_with_the_plan_then_reasons_then_what_speaks_against_it():
    """The plan comes first as Now/Next steps with their signal, then Why, then What speaks against it,
    then the caveats and what would change it."""
    result = recommend({"knowledge_change": "static", "need": "behaviour", "labelled_examples": 600,
                        "data_quality": "high", "queries_per_day": 300, "budget_usd": 20000,
                        "behaviour_kinds": ["format"]})
    html = views.render_result(result, "../")
    tree = parse(html)
    steps = [e.attrs for e in tree.find("li") if e.has("data-approach")]
    assert [step["data-approach"] for step in steps] == ["prompt", "fine-tuning"]
    text = tree.text
    assert "Now: Prompt work and an evaluation set → Next: A fine-tuned model" in text
    order = [text.index(words) for words in ("Your plan", "Move on when", "Why", "What speaks against it",
                                              "Before you start", "What would change it")]
    assert order == sorted(order)
    assert text.count("Move on") == 1  # the last step has no signal: it is the target
    for point in result.counterpoints:
        assert point.text.split(":")[0] in text


def test_result_links_to_the_calculator_with_the_volume(s01_recommendation):
    """With a calculator link, the result offers the costs at the reader's volume; a script URL is dropped."""
    html = views.render_result(s01_recommendation, "../", calculator_url="calculator/?c=1&queries_per_day=5000")
    assert find(parse(html), "a", href="../calculator/?c=1&queries_per_day=5000")
    assert "at 5,000 requests a day" in html
    assert "calculator" not in views.render_result(s01_recommendation, "../", calculator_url="javascript:x()")


def test_result_without_share_link_date_or_lists(s01_recommendation):
    """Empty parts are left out rather than shown empty."""
    bare = Recommendation("prompt-first", "Do this.", (), (), (), (), (), s01_recommendation.answers)
    html = views.render_result(bare)
    tree = parse(html)
    assert find(tree, "div", data_choice="prompt-first")
    assert not find(tree, "button") and not find(tree, "time") and not find(tree, "ul")
    assert not find(tree, "ol")
    for heading in ("Why", "Your plan", "What speaks against it"):
        assert heading not in tree.text


def test_hostile_recommendation_text_is_escaped(s01_recommendation):
    """Reasons, caveats, changes, a share link or a link with markup cannot inject anything."""
    answers = s01_recommendation.answers
    rec = Recommendation(
        "rag", HOSTILE,
        (Reason(HOSTILE, "need", "what-is-rag"), Reason("bad link", "need", "what-is-rag", "javascript:alert(1)")),
        (), (), (Caveat("x", HOSTILE, "permissions", '"><script>'),),
        (Change("need", "behaviour", "prompt-first", HOSTILE),), answers,
        plan=(Step("Now", "rag", HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, "outcome-rag"),),
        counterpoints=(Reason(HOSTILE, "need", "what-is-rag", favours="fine-tuning"),),
    )
    html = views.render_result(rec, '"><script>', 'https://x/?a="><script>alert(1)</script>', '"><b>')
    tree = parse(html)
    assert not find(tree, "script") and not find(tree, "b")
    assert "javascript:" not in html
    assert "<li>bad link</li>" in html


def test_answers_read_as_a_person_would_say_them():
    """Choices show their label, booleans Yes/No, numbers with separators, no latency budget as "No limit"."""
    answers = validate_answers({"knowledge_change": "daily", "need": "both", "labelled_examples": 12000,
                                "queries_per_day": 0, "budget_usd": 1250.5, "latency_budget_ms": None})
    tree = parse(views.render_answers(answers))
    text = {text_of(element) for element in tree.elements}
    assert "Every day" in text and "Both" in text and "12,000" in text and "$1,250.50" in text
    assert "No limit" in text and "No" in text


@pytest.mark.parametrize("name, value, shown", [
    ("need", None, "Not stated"),
    ("needs_citations", True, "Yes"),
    ("needs_citations", False, "No"),
    ("need", "behaviour", "It needs to behave differently"),
    ("need", "unheard-of", "unheard-of"),
    ("queries_per_day", 3000000, "3,000,000"),
    ("budget_usd", 5000.0, "$5,000"),
    ("budget_usd", 99.5, "$99.50"),
    ("latency_budget_ms", 150, "150 ms"),
    ("labelled_examples", "12", "12"),
    ("knowledge_pages", None, "Not stated"),
    ("knowledge_pages", 2000000, "2,000,000"),
    ("behaviour_kinds", (), "Not stated"),
    ("behaviour_kinds", ("tone", "reasoning"), "Tone and voice, Expert reasoning"),
])
def test_format_answer(name, value, shown):
    """Each kind of answer has one readable form."""
    field = [f for f in FIELDS if f.name == name][0]
    assert views.format_answer(field, value) == shown


@pytest.mark.parametrize("answered, text", [
    (0, "Answer the 4 questions above"),
    (2, "Answer the 2 remaining questions"),
    (3, "Answer the last question"),
    (4, "Working out your recommendation"),
])
def test_waiting_text_counts_what_is_missing(answered, text):
    """Before four answers the panel says how many are left."""
    assert text in views.render_waiting(answered, 4)


def test_problems_link_to_the_field_and_escape_the_message():
    """Each problem names the field's label, links to its control, and escapes the message."""
    html = views.render_problems([Problem("labelled_examples", "must be 0 or more, not " + HOSTILE),
                                  Problem('unknown"><i>', "is not a field")])
    tree = parse(html)
    assert find(tree, "a", href="#quiz-labelled_examples")
    assert find(tree, "a", href="#quiz-form")
    assert not find(tree, "script") and not find(tree, "i")


def test_progress_announcement_and_ids():
    """Small helpers: the progress line, the live-region sentence and the control ids."""
    assert views.progress_text(3, 4) == "3 of 4 answered"
    assert views.field_id("need") == "quiz-need"
    assert views.field_id("need", "both") == "quiz-need-both"
    rec = recommend({"knowledge_change": "static", "need": "behaviour", "labelled_examples": 50000,
                     "data_quality": "high", "queries_per_day": 3000000})
    assert views.announcement(rec) == "Recommendation: Fine-tune."
    assert views.REQUIRED == ("knowledge_change", "need", "labelled_examples", "queries_per_day")
