"""Material's instant navigation: into the quiz, out of it and back, by clicks and history."""

import re

import pytest

from tests.e2e.conftest import ANSWERABLE
from tests.e2e.helpers import answer_by_keyboard, result_choice, wait_ready

pytestmark = pytest.mark.browser

S01 = ANSWERABLE[0]


def _same_document(page):
    return page.evaluate("window.__sameDocument === true")


def _answered_quiz(context, server, watch):
    """A new page of the quiz answered by keyboard with S01's answers, its result shown; and its watch."""
    page = context.new_page()
    watched = watch(page, server.base)
    page.goto(server.url("quiz/"))
    wait_ready(page)
    answer_by_keyboard(page, S01["answers"])
    assert result_choice(page) == S01["expected"]
    return page, watched


def _quiz_with_answers(server):
    prefix = server.url("quiz/?v=")
    return lambda url: url.startswith(prefix)


@pytest.mark.parametrize("where", ["guide_server", "root_server"])
def test_instant_navigation_into_out_of_and_back_to_the_quiz(request, context, watch, where):
    """Clicking into the quiz from a page without a widget starts Python; leaving and returning reuses it."""
    server = request.getfixturevalue(where)
    page = context.new_page()
    watched = watch(page, server.base)
    page.goto(server.url(""))
    page.wait_for_load_state("load")
    assert page.locator("mpy-config, py-config").count() == 0
    page.evaluate("window.__sameDocument = true")

    page.click("nav.md-nav--primary a[href$='quiz/']")
    wait_ready(page)
    assert page.url == server.url("quiz/")
    assert _same_document(page), "instant navigation, not a reload"
    config = page.evaluate("document.querySelector('mpy-config').textContent")
    assert re.search(re.escape(server.url("assets/runtime/micropython/")) + r"[0-9a-f]+/micropython\.mjs", config)
    answer_by_keyboard(page, S01["answers"])
    assert result_choice(page) == S01["expected"]

    page.click("nav.md-nav--primary a[href$='framework/']")
    page.wait_for_url(server.url("framework/"))
    page.wait_for_selector("#q1-knowledge-change")
    assert page.locator("[data-widget=quiz]").count() == 0

    page.go_back()
    page.wait_for_url(_quiz_with_answers(server))
    wait_ready(page)
    assert _same_document(page)
    assert result_choice(page) == S01["expected"], "the answers survive leaving and coming back"
    page.check("#quiz-knowledge_change-static")
    page.check("#quiz-need-knowledge")
    page.fill("#quiz-labelled_examples", "0")
    page.fill("#quiz-queries_per_day", "10")
    assert result_choice(page) == "rag"

    page.go_forward()
    page.wait_for_url(server.url("framework/"))
    # The address changes before the page's content is swapped: wait for the
    # guide page, so that the way back starts the quiz afresh.
    page.wait_for_selector("#q1-knowledge-change")
    page.go_back()
    page.wait_for_url(_quiz_with_answers(server))
    wait_ready(page)
    assert _same_document(page)
    assert result_choice(page) == "rag"
    assert page.evaluate("window.__widgetRuntime.timings.length") >= 3
    assert page.locator("mpy-config").count() == 1
    watched.assert_clean()


def test_share_link_opened_by_instant_navigation(context, guide_server, watch):
    """A share link clicked inside the site (instant navigation) fills the quiz too."""
    page, watched = _answered_quiz(context, guide_server, watch)
    share = page.get_attribute("[data-quiz-share]", "href")
    page.goto(guide_server.url("framework/"))
    page.evaluate("window.__sameDocument = true")
    page.evaluate("""href => { const a = document.createElement('a'); a.href = href; a.textContent = 'x';
                     document.querySelector('article').append(a); a.click(); }""", share)
    page.wait_for_url(share)
    wait_ready(page)
    assert _same_document(page)
    assert result_choice(page) == S01["expected"]
    watched.assert_clean()


def test_back_from_a_reason_link_keeps_the_result(context, guide_server, watch):
    """Following a reason to its guide section and pressing Back shows the same answers and result."""
    page, watched = _answered_quiz(context, guide_server, watch)
    assert page.evaluate("location.search").startswith("?v=2&a="), "the address holds the answers"
    page.evaluate("window.__sameDocument = true")
    reason = page.locator(".quiz-result__reasons a").first
    target = reason.get_attribute("href").split("#")[1]
    reason.click()
    page.wait_for_selector("#" + target)
    page.go_back()
    page.wait_for_url(_quiz_with_answers(guide_server))
    wait_ready(page)
    assert _same_document(page)
    assert result_choice(page) == S01["expected"]
    assert page.is_checked("#quiz-knowledge_change-" + S01["answers"]["knowledge_change"])
    watched.assert_clean()


def test_restart_clears_the_answers_from_the_address(context, guide_server, watch):
    """After a restart the address no longer carries answers, so a reload starts empty."""
    page, watched = _answered_quiz(context, guide_server, watch)
    page.click("[data-widget=quiz] button[type=reset]")
    page.wait_for_function("location.search === ''")
    page.reload()
    wait_ready(page)
    assert page.get_attribute("[data-quiz-result]", "data-choice") is None
    watched.assert_clean()
