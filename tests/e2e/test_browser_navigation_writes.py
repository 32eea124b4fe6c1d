"""Leaving a widget's page right after an edit (instant navigation): the edit stays in the widget's own address.

The calculator recomputes its figures a short pause (150 ms) after the last
keystroke. A reader who types and at once follows a link or presses Back
arrives on another page of the same document (Material's instant
navigation): nothing of the calculator may write into that page's address
(on the quiz, a share link), and the calculator's own history entry must hold
the edit, so that Back (or Forward) shows it.
"""

import pytest

from tests.e2e.helpers import RESULT, wait_ready

pytestmark = pytest.mark.browser

TRIES = 6
"""Each way of leaving is tried this many times, each from a fresh page."""

DEBOUNCE_MS = 150
"""The calculator's pause before it recomputes (docs/assets/widgets/calculator.py)."""

TYPED = "777777"
EDIT = "queries_per_day=" + TYPED

SHARE = "quiz/?v=2&a=3-0-0-3-3uw-2bc-ffk-1-_-0-pevh#quiz-result"
"""A share link of the first public scenario (weekly changes, knowledge: `rag`), as the quiz makes it."""

_LEAVE_BY_LINK = "href => document.querySelector('nav.md-nav--primary a[href$=\"' + href + '\"]').click()"

_TIMER_DUE = """deadline => location.search !== '' || performance.now() > deadline"""


def _type_volume(page):
    """Type over the daily volume as a reader would; return when the last key was handled (page clock, ms)."""
    page.focus("#calc-queries_per_day")
    page.keyboard.press("Control+A")
    page.keyboard.type(TYPED)
    return page.evaluate("performance.now()")


def _assert_the_calculator_entry_holds_the_edit(page, server):
    """Back on the calculator's history entry: its address and, once Python is ready, its form hold the edit."""
    page.wait_for_url(lambda url: url.startswith(server.url("calculator/")))
    assert EDIT in page.url, "the calculator's own history entry holds the edit"
    wait_ready(page)
    assert page.input_value("#calc-queries_per_day").replace(",", "") == TYPED


def _wait_past_the_pause(page, typed_at):
    """Wait until the calculator's timer, had it survived the page change, would have fired (or already did)."""
    page.wait_for_function(_TIMER_DUE, arg=typed_at + 4 * DEBOUNCE_MS, timeout=10_000)


@pytest.mark.parametrize("attempt", range(TRIES))
def test_following_a_link_right_after_typing_leaves_the_next_address_alone(context, guide_server, watch, attempt):
    """Typing then at once following a link: the new page's address has no calculator state; Back shows the edit."""
    page = context.new_page()
    watched = watch(page, guide_server.base)
    page.goto(guide_server.url("calculator/"))
    wait_ready(page)
    page.evaluate("window.__sameDocument = true")

    typed_at = _type_volume(page)
    page.evaluate(_LEAVE_BY_LINK, "examples/")
    page.wait_for_url(guide_server.url("examples/"))
    _wait_past_the_pause(page, typed_at)
    assert page.evaluate("location.search") == "", "the calculator wrote into the examples page's address"
    assert page.evaluate("window.__sameDocument === true"), "instant navigation, not a reload"

    page.go_back()
    _assert_the_calculator_entry_holds_the_edit(page, guide_server)
    watched.assert_clean()


@pytest.mark.parametrize("attempt", range(TRIES))
def test_pressing_back_right_after_typing_keeps_the_share_link(context, guide_server, watch, attempt):
    """Quiz share link, then the calculator, type, Back at once: the share link stays; Forward shows the edit."""
    page = context.new_page()
    watched = watch(page, guide_server.base)
    share = guide_server.url(SHARE)
    page.goto(share)
    page.wait_for_selector(RESULT, timeout=20_000)
    page.evaluate("window.__sameDocument = true")
    page.evaluate(_LEAVE_BY_LINK, "calculator/")
    page.wait_for_url(guide_server.url("calculator/"))
    wait_ready(page)

    typed_at = _type_volume(page)
    page.go_back()
    page.wait_for_url(share)
    page.wait_for_selector("[data-widget=quiz]")
    page.wait_for_function(
        "deadline => !location.search.startsWith('?v=2&a=') || performance.now() > deadline",
        arg=typed_at + 4 * DEBOUNCE_MS, timeout=10_000)
    assert page.url == share, "the share link in the address was overwritten"
    wait_ready(page)
    assert page.get_attribute("#quiz-result", "data-choice") == "rag"
    assert page.evaluate("window.__sameDocument === true"), "instant navigation, not a reload"

    page.go_forward()
    _assert_the_calculator_entry_holds_the_edit(page, guide_server)
    watched.assert_clean()
