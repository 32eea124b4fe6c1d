"""The quiz in a real browser: scenarios by keyboard under both interpreters, share links, failures, print."""

import re

import pytest

from decision_core.model.sharelink import share_url
from tests.e2e.conftest import ANSWERABLE
from tests.e2e.helpers import (
    HeldRequests,
    RESULT,
    answer_by_keyboard,
    restart_by_keyboard,
    result_choice,
    wait_error,
    wait_ready,
)
from tests.support.viewport import in_view, settle

pytestmark = pytest.mark.browser

S01 = ANSWERABLE[0]


@pytest.fixture(scope="module")
def quiz_pages(browser, guide_server, pyodide_server):
    """One quiz page per interpreter, reused by the scenario tests (the interpreter starts once)."""
    pages = {}
    contexts = []
    for interpreter, server in (("micropython", guide_server), ("pyodide", pyodide_server)):
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("console", lambda message, errors=errors: message.type == "error" and errors.append(message.text))
        page.goto(server.url("quiz/"))
        wait_ready(page, interpreter)
        pages[interpreter] = (page, errors)
    yield pages
    for context in contexts:
        context.close()


@pytest.mark.parametrize("interpreter", ["micropython", "pyodide"])
@pytest.mark.parametrize("case", ANSWERABLE, ids=[case["id"] for case in ANSWERABLE])
def test_keyboard_answers_give_the_command_lines_choice(quiz_pages, cli_choices, interpreter, case):
    """Answered with the keyboard alone, every public scenario gets the choice the command line prints."""
    page, errors = quiz_pages[interpreter]
    if page.get_attribute("#quiz-result", "data-choice") is not None:
        restart_by_keyboard(page)
    answer_by_keyboard(page, case["answers"])
    assert page.text_content("[data-quiz-progress]") == "4 of 4 answered"
    assert result_choice(page) == cli_choices[case["id"]]
    assert page.text_content("[data-quiz-announce]").startswith("Recommendation: ")
    assert errors == []


@pytest.mark.parametrize("interpreter", ["micropython", "pyodide"])
def test_keyboard_result_leads_with_the_plan_and_says_what_speaks_against_it(quiz_pages, interpreter):
    """Answered by keyboard, kinds of behaviour ticked with Space, the result shows the plan first as Now and
    Next with the signal between them, then Why, then What speaks against it, as the command line says."""
    import json
    import subprocess
    import sys

    from decision_core.model.sharelink import decode_answers
    from tests.e2e.conftest import ROOT

    case = [case for case in ANSWERABLE if case["id"] == "S02"][0]
    expected = json.loads(subprocess.run([sys.executable, "-m", "decision_core", "recommend"], cwd=ROOT,
                                         input=json.dumps(case["answers"]), capture_output=True, text=True,
                                         check=True).stdout)
    page, errors = quiz_pages[interpreter]
    if page.get_attribute("#quiz-result", "data-choice") is not None:
        restart_by_keyboard(page)
    answer_by_keyboard(page, case["answers"])
    assert result_choice(page) == expected["choice"] == "fine-tuning"
    steps = page.locator(".quiz-result__step")
    assert [steps.nth(i).get_attribute("data-approach") for i in range(steps.count())] == [
        step["approach"] for step in expected["plan"]]
    assert [page.text_content(".quiz-result__step-label >> nth=%d" % i) for i in range(steps.count())] == [
        "Now", "Next"]
    assert expected["plan"][0]["until"] in page.inner_text(".quiz-result__until")
    tops = [page.evaluate("document.querySelector(%r).getBoundingClientRect().top" % selector)
            for selector in (".quiz-result__plan", ".quiz-result__reasons", ".quiz-result__counterpoints")]
    assert tops == sorted(tops)
    shown = page.inner_text(".quiz-result__counterpoints")
    assert expected["counterpoints"] and all(point["text"] in shown for point in expected["counterpoints"])
    assert "What speaks against it" in page.inner_text("[data-quiz-output]")
    assert decode_answers(page.get_attribute("[data-quiz-share]", "href"))["behaviour_kinds"] == ["format"]
    assert errors == []


def test_share_link_round_trip(context, guide_server, watch):
    """"Copy link" gives a link with the answers; opening it shows the same answers and result."""
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    watched = watch(page, guide_server.base)
    page.goto(guide_server.url("quiz/"))
    wait_ready(page)
    answer_by_keyboard(page, S01["answers"])
    choice = result_choice(page)
    page.click("[data-quiz-copy]")
    page.wait_for_function("() => document.querySelector('[data-quiz-copy-status]').textContent !== ''")
    assert page.text_content("[data-quiz-copy-status]") == "Link copied."
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.get_attribute("[data-quiz-share]", "href")
    assert re.match(re.escape(guide_server.url("quiz/")) + r"\?v=2&a=[0-9a-z_.\-]+#quiz-result$", copied)

    other = context.new_page()
    watch_other = watch(other, guide_server.base)
    other.goto(copied)
    wait_ready(other)
    assert result_choice(other) == choice
    assert other.text_content("[data-quiz-progress]") == "4 of 4 answered"
    top = other.evaluate("document.getElementById('quiz-result').getBoundingClientRect().top")
    assert 0 <= top < other.viewport_size["height"] / 2, "the shared link opens with the result in view"
    for name, value in S01["answers"].items():
        if isinstance(value, list):
            for option in value:
                assert other.is_checked("#quiz-%s-%s" % (name, option))
        elif isinstance(value, bool):
            assert other.is_checked("#quiz-%s" % name) is value
        elif isinstance(value, str):
            assert other.is_checked("#quiz-%s-%s" % (name, value))
        else:
            assert other.input_value("#quiz-%s" % name) == ("" if value is None else str(value))
    assert other.is_hidden("[data-quiz-notice]")
    watched.assert_clean()
    watch_other.assert_clean()


BAD_LINKS = [
    "v=1&a=3-0-0-3-3uw-_-_-0",  # truncated
    "v=1&a=3-0-0-3-3uw-_-_-1-mieq",  # edited: the checksum no longer matches
    "v=9&a=3-0-0-3-3uw-_-_-0-mieq",  # a version this guide does not know
    "v=1&a=<script>window.__pwned=1</script>",
    "v=<script>window.__pwned=1</script>&a=x",
    "v=1&a=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E",
    'v=1&a="><svg onload=window.__pwned=1>',
]


@pytest.fixture(scope="module")
def shared_page(warm_context):
    """One page reused by tests that each start with a full load."""
    page = warm_context.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("query", BAD_LINKS)
def test_bad_share_link_shows_a_notice_and_an_empty_quiz(shared_page, guide_server, query):
    """A tampered, truncated, unknown-version or hostile link: a notice, an empty quiz, nothing injected."""
    page = shared_page
    page.goto("about:blank")
    page.goto(guide_server.url("quiz/") + "?" + query + "#quiz-result")
    wait_ready(page)
    assert page.is_visible("[data-quiz-notice]")
    assert "could not be read" in page.text_content("[data-quiz-notice]")
    assert page.text_content("[data-quiz-progress]") == "0 of 4 answered"
    assert page.get_attribute("#quiz-result", "data-choice") is None
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".quiz script, .quiz img, .quiz svg, .quiz-result script").count() == 0
    # The notice holds what the page was built with (title, text, the hidden line for over-long addresses), nothing more.
    assert page.evaluate("document.querySelector('[data-quiz-notice]').querySelectorAll('*').length") == 3


INTERPRETER = re.compile(r".*/assets/runtime/micropython/(?:[0-9a-f]+/)?micropython\.mjs$")


def hold_interpreter(page):
    """Hold back the interpreter's request; return `release()`, which lets it through."""
    return HeldRequests(page, INTERPRETER).release

BROKEN = {
    "truncated": "v=1&a=3-0-0-3-3uw-2bc-ffk-1",
    "edited": "v=1&a=3-0-0-3-3uw-2bc-ffk-1-ec6m",
    "unknown-version": "v=7&a=3-0-0-3-3uw-2bc-ffk-1-ec6l",
    "answers-missing": "v=1&a=",
}
"""Links a reader may be sent: cut short, one character changed, from a newer guide, emptied by a mail program."""


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_damaged_link_shows_its_notice_where_the_reader_lands(sized_page, guide_server, kind):
    """A cut, edited or unknown-version link ending in #quiz-result: the plain-words notice is on screen."""
    page = sized_page
    page.goto(guide_server.url("quiz/") + "?" + BROKEN[kind] + "#quiz-result")
    wait_ready(page)
    assert in_view(page, "[data-link-notice]", whole=True), "the notice is on the reader's screen"
    text = page.inner_text("[data-link-notice]")
    assert text.startswith("This link could not be read")
    assert "Ask the person who sent it for a fresh link, or answer the four questions below" in text
    assert "checksum" not in text and "parameter" not in text
    assert page.evaluate("document.activeElement.hasAttribute('data-link-notice')"), "focus is on the notice"
    assert page.text_content("[data-quiz-progress]") == "0 of 4 answered"
    assert page.is_hidden("[data-link-pending]")
    # Below it, the questions it points to: the first one follows on the same screen.
    assert page.evaluate("document.querySelector('[data-link-notice]').getBoundingClientRect().bottom"
                         " <= document.querySelector('#quiz-q1').getBoundingClientRect().top")


def test_a_share_link_says_its_result_is_being_prepared_while_python_loads(sized_page, guide_server):
    """Until the interpreter arrives, the result area (where the link lands) says the result is on its way."""
    page = sized_page
    release = hold_interpreter(page)
    page.goto(guide_server.url(share_url(S01["answers"])))
    page.wait_for_function("() => document.querySelector('[data-widget=quiz]').dataset.link === 'pending'")
    assert in_view(page, "[data-link-pending]"), "the note is where the reader lands"
    assert "Preparing the result of the link you opened" in page.inner_text("[data-link-pending]")
    assert page.is_hidden(".quiz-result__waiting"), "no 'Answer the 4 questions' for a link that holds them"
    assert page.is_visible("#quiz-q1 legend") and page.is_visible("article h1"), "the page's text stays"
    release()
    wait_ready(page)
    assert result_choice(page) == S01["expected"]
    assert page.is_hidden("[data-link-pending]")
    assert in_view(page, "#quiz-result"), "the result replaces the note in view"


def test_a_share_link_whose_interpreter_never_loads_says_so_in_the_result_area(sized_page, guide_server):
    """If Python cannot load, the result area stops saying "preparing" and says why, with a way on."""
    page = sized_page
    page.route(re.compile(r".*/assets/runtime/(micropython|pyodide)/.*\.(mjs|wasm)$"), lambda route: route.abort())
    page.goto(guide_server.url(share_url(S01["answers"])))
    wait_error(page, "[data-widget=quiz][data-state=error]")
    assert page.is_hidden(".quiz-result__pending-loading")
    assert in_view(page, ".quiz-result__pending-failed")
    assert "did not load" in page.inner_text(".quiz-result__pending-failed")


def test_a_reader_who_scrolls_away_while_it_loads_is_not_pulled_back(sized_page, guide_server):
    """A share link's reader who went up to the questions stays there; the "See your result" link follows them."""
    page = sized_page
    release = hold_interpreter(page)
    page.goto(guide_server.url(share_url(S01["answers"])))
    page.wait_for_function("() => document.querySelector('[data-widget=quiz]').dataset.link === 'pending'")
    top = "document.getElementById('quiz-q2').getBoundingClientRect().top"
    page.evaluate("window.scrollBy(0, %s - 200)" % top)
    settle(page)
    release()
    wait_ready(page)
    result_choice(page)
    settle(page)
    assert abs(page.evaluate(top) - 200) < 2, "still where the reader was"
    assert in_view(page, "[data-quiz-jump]", whole=True)
    assert page.inner_text("[data-quiz-jump]").startswith("See your result: Start with RAG")


def test_the_first_screen_of_the_quiz_has_something_to_answer(sized_page, guide_server):
    """On a phone as on a desktop, the first question and its first option are on the first screen."""
    page = sized_page
    page.goto(guide_server.url("quiz/"))
    assert in_view(page, "#quiz-q1 legend", whole=True)
    assert in_view(page, "#quiz-knowledge_change-static", whole=True), "while Python loads"
    wait_ready(page)
    assert in_view(page, "#quiz-knowledge_change-static", whole=True), "once it is ready"


def test_the_result_is_pointed_to_when_it_appears_and_when_it_changes(sized_page, guide_server):
    """After the last required answer a "See your result" link is on screen; it names the result and leads to it."""
    page = sized_page
    page.goto(guide_server.url("quiz/"))
    wait_ready(page)
    assert page.is_hidden("[data-quiz-jump]")
    page.check("#quiz-knowledge_change-weekly")
    page.check("#quiz-need-knowledge")
    page.fill("#quiz-labelled_examples", "0")
    page.fill("#quiz-queries_per_day", "5000")
    result_choice(page)
    assert in_view(page, "[data-quiz-jump]", whole=True)
    assert in_view(page, "#quiz-queries_per_day", whole=True), "the field being typed in stays in view"
    assert page.evaluate("document.querySelector('#quiz-queries_per_day').getBoundingClientRect().bottom"
                         " <= document.querySelector('[data-quiz-jump]').getBoundingClientRect().top"), \
        "the link does not cover it"
    assert page.inner_text("[data-quiz-jump]").startswith("See your result: Start with RAG")
    page.evaluate("document.getElementById('quiz-q1').scrollIntoView()")
    page.check("#quiz-knowledge_change-static")
    page.check("#quiz-need-behaviour")
    page.wait_for_selector("#quiz-result[data-choice]:not([data-choice=rag])")
    assert in_view(page, "[data-quiz-jump]", whole=True), "a changed result is pointed to as well"
    named = page.text_content(".quiz-result__choice strong")
    assert page.inner_text("[data-quiz-jump]").startswith("See your result: " + named)
    address = page.url
    page.click("[data-quiz-jump] button")
    page.wait_for_function("() => document.activeElement.id === 'quiz-result-title'")
    assert in_view(page, "#quiz-result-title", whole=True)
    assert page.url == address and page.get_attribute("#quiz-result", "data-choice") is not None, \
        "the same page, answers and result kept"
    assert page.is_checked("#quiz-need-behaviour")


def test_start_again_can_be_undone(sized_page, guide_server):
    """"Start again" empties the quiz and offers Undo above the first question; Undo brings every answer back."""
    page = sized_page
    page.goto(guide_server.url("quiz/"))
    wait_ready(page)
    answer_by_keyboard(page, S01["answers"])
    choice = result_choice(page)
    share = page.get_attribute("[data-quiz-share]", "href")
    page.click("[data-quiz-restart]")
    page.wait_for_selector("[data-quiz-undo]")
    assert page.text_content("[data-quiz-progress]") == "0 of 4 answered"
    assert page.get_attribute("#quiz-result", "data-choice") is None
    assert in_view(page, "[data-quiz-cleared]", whole=True), "Undo is on screen after the restart"
    assert in_view(page, "#quiz-q1 legend")
    assert "Your answers are cleared." in page.text_content("[data-quiz-cleared]")
    page.click("[data-quiz-undo]")
    assert result_choice(page) == choice
    assert page.get_attribute("[data-quiz-share]", "href") == share, "the same answers, all of them"
    assert page.is_checked("#quiz-needs_citations") and page.input_value("#quiz-budget_usd") == "20000"
    assert page.text_content("[data-quiz-cleared]") == ""


def test_undo_is_withdrawn_once_the_reader_answers_again(warm_context, guide_server):
    """After "Start again", a new answer removes the Undo offer, so it cannot overwrite the new answers."""
    page = warm_context.new_page()
    page.goto(guide_server.url("quiz/"))
    wait_ready(page)
    page.check("#quiz-knowledge_change-daily")
    page.click("[data-quiz-restart]")
    page.wait_for_selector("[data-quiz-undo]")
    page.check("#quiz-knowledge_change-static")
    page.wait_for_function("() => document.querySelector('[data-quiz-cleared]').textContent === ''")
    assert page.is_checked("#quiz-knowledge_change-static")


def test_answers_given_while_loading_are_kept(context, guide_server):
    """The reader can answer before the interpreter arrives; nothing is lost and the result follows."""
    page = context.new_page()
    held = HeldRequests(page, INTERPRETER)
    page.goto(guide_server.url("quiz/"))
    page.wait_for_function("() => document.querySelector('[data-widget=quiz]').dataset.state === 'loading'")
    assert "Loading" in page.text_content("[data-widget-status]")
    page.focus("body")
    answer_by_keyboard(page, S01["answers"])
    assert page.get_attribute("[data-widget=quiz]", "data-state") == "loading"
    held.release()
    wait_ready(page)
    assert result_choice(page) == S01["expected"]
    assert page.is_checked("#quiz-knowledge_change-weekly")


def test_blocked_interpreter_shows_error_retry_and_static_content(context, guide_server):
    """With the interpreter blocked, the page says so, offers Retry, and the questions still work."""
    page = context.new_page()
    page.route(re.compile(r".*/assets/runtime/(micropython|pyodide)/.*\.(mjs|wasm)$"), lambda route: route.abort())
    page.goto(guide_server.url("quiz/"))
    wait_error(page, "[data-widget=quiz][data-state=error]")
    status = page.text_content("[data-widget-status]")
    assert "could not load" in status
    assert page.is_visible("[data-widget-retry]")
    assert page.locator("fieldset[data-question]").count() == 4
    assert page.is_visible("#quiz-q1 legend")
    page.check("#quiz-need-knowledge")
    assert page.is_checked("#quiz-need-knowledge")
    assert page.is_visible("article h1")
    page.unroute(re.compile(r".*/assets/runtime/(micropython|pyodide)/.*\.(mjs|wasm)$"))
    with page.expect_navigation():
        page.click("[data-widget-retry]")
    wait_ready(page)


def test_restart_empties_the_quiz_and_progress_counts(warm_context, guide_server):
    """Progress counts answered questions; "Start again" empties the form and the result."""
    page = warm_context.new_page()
    page.goto(guide_server.url("quiz/"))
    wait_ready(page)
    assert page.text_content("[data-quiz-progress]") == "0 of 4 answered"
    page.check("#quiz-knowledge_change-daily")
    page.check("#quiz-need-both")
    page.fill("#quiz-labelled_examples", "12")
    assert page.text_content("[data-quiz-progress]") == "3 of 4 answered"
    assert "last question" in page.text_content("[data-quiz-output]")
    page.fill("#quiz-queries_per_day", "800")
    assert result_choice(page) in ("rag", "both", "fine-tuning", "prompt-first")
    page.fill("#quiz-queries_per_day", "-5")
    page.wait_for_selector("[data-quiz-problems]")
    assert page.get_attribute("#quiz-result", "data-choice") is None
    page.fill("#quiz-queries_per_day", "800")
    page.wait_for_selector(RESULT)
    page.click("[data-quiz-restart]")
    page.wait_for_function("() => !document.querySelector('#quiz-result').hasAttribute('data-choice')")
    assert page.text_content("[data-quiz-progress]") == "0 of 4 answered"
    assert not page.is_checked("#quiz-need-both")
    assert page.evaluate("document.activeElement.name") == "knowledge_change"


def test_no_call_to_action_unless_configured(warm_context, guide_server):
    """mkdocs.yml sets no call_to_action by default, so none is shown."""
    page = warm_context.new_page()
    page.goto(guide_server.url("quiz/"))
    assert page.locator("[data-quiz-cta]").count() == 0


def test_printed_result_is_one_page_with_answers_reasons_date_and_link(warm_context, guide_server):
    """Printing a result gives one page: answers, recommendation, reasons, date, share link."""
    page = warm_context.new_page()
    page.goto(guide_server.url("quiz/"))
    wait_ready(page)
    answer_by_keyboard(page, S01["answers"])
    result_choice(page)
    share = page.get_attribute("[data-quiz-share]", "href")
    page.emulate_media(media="print")
    for selector in (".quiz-result__answers", ".quiz-result__choice", ".quiz-result__reasons",
                     ".quiz-result__date", "[data-quiz-share]"):
        assert page.is_visible(selector), selector
    assert page.is_hidden("#quiz-form")
    assert share in page.inner_text(".quiz-result")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    # The longest public results (S12 and A04: both, a two-step plan and many caveats) fit one A4 or Letter
    # page too.
    for longest in [case for case in ANSWERABLE if case["id"] in ("S12", "A04")]:
        page.emulate_media(media="screen")
        page.goto(guide_server.url(share_url(longest["answers"])))
        wait_ready(page)
        assert result_choice(page) == longest["expected"]
        page.emulate_media(media="print")
        assert page.is_visible(".quiz-result__plan")
        for paper in ("A4", "Letter"):
            assert len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper))) == 1, (longest["id"], paper)


def test_result_links_to_the_calculator_with_the_volume(warm_context, guide_server):
    """The result links to the cost calculator filled in with the reader's volume and latency budget."""
    page = warm_context.new_page()
    page.goto(guide_server.url("quiz/?v=1&a=3-0-0-3-3uw-2bc-ffk-1-ec6l"))
    wait_ready(page)
    link = page.locator(".quiz-result__calculator a")
    href = link.get_attribute("href")
    assert href.startswith(guide_server.url("calculator/?c=2&"))
    assert "queries_per_day=5000" in href and "latency_budget_ms=3000" in href
    link.click()
    page.wait_for_url(href)
    wait_ready(page, selector="[data-widget=calculator][data-state=ready]")
    assert page.input_value("#calc-queries_per_day") in ("5000", "5,000")


def test_unrelated_parameters_are_not_a_bad_link(warm_context, guide_server):
    """Parameters that are not a share link (utm_source, data) leave the quiz alone, without a notice."""
    page = warm_context.new_page()
    page.goto(guide_server.url("quiz/?utm_source=newsletter&data=1"))
    wait_ready(page)
    assert page.is_hidden("[data-quiz-notice]")
    assert page.text_content("[data-quiz-progress]") == "0 of 4 answered"


def test_interpreter_that_never_arrives_times_out_into_the_error_state(context, guide_server):
    """An interpreter that never answers (no error to listen for) ends in the error state, not a spinner."""
    page = context.new_page()
    page.clock.install()
    held = HeldRequests(page, INTERPRETER)
    page.goto(guide_server.url("quiz/"))
    # runtime.js starts its 20 s timer as it marks the widgets loading.
    page.wait_for_function("() => document.querySelector('[data-widget=quiz]').dataset.state === 'loading'")
    page.clock.run_for(15_000)
    assert page.get_attribute("[data-widget=quiz]", "data-state") == "loading", "still patient at 15 s"
    page.clock.run_for(7_000)
    page.wait_for_selector("[data-widget=quiz][data-state=error]", timeout=5_000)
    assert "took too long" in page.text_content("[data-widget-status]")
    assert page.is_visible("[data-widget-retry]")
    held.abort()
