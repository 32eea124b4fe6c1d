"""An over-long quiz address: refused unread, with the bad-link notice and a plain-words line saying why."""

import pytest

from tests.e2e.helpers import wait_ready

pytestmark = pytest.mark.browser

LINK = "quiz/?v=2&a=3-0-0-3-3uw-2bc-ffk-1-_-0-pevh"
"""A share link of the first public scenario, as the quiz makes it (it opens on its own)."""


def test_an_over_long_address_shows_the_notice_and_why(context, guide_server, watch):
    """A share link padded to 20,000 characters: the notice says it is far longer than the guide's links."""
    page = context.new_page()
    watched = watch(page, guide_server.base)
    page.goto(guide_server.url(LINK + "&utm_source=" + "x" * 20_000))
    wait_ready(page)
    page.wait_for_selector("[data-link-notice]:not([hidden])")
    assert page.is_visible("[data-link-notice-long]")
    assert "far longer than any link this guide makes" in page.inner_text("[data-link-notice]")
    assert page.evaluate("document.activeElement.hasAttribute('data-link-notice')"), "focus is on the notice"
    assert page.text_content("[data-quiz-progress]") == "0 of 4 answered", "nothing was read from it"
    watched.assert_clean()


def test_a_damaged_link_of_ordinary_length_does_not_say_it_is_too_long(context, guide_server):
    """A link with its checksum cut off gets the notice without the over-long line."""
    page = context.new_page()
    page.goto(guide_server.url(LINK[:-5]))
    wait_ready(page)
    page.wait_for_selector("[data-link-notice]:not([hidden])")
    assert page.is_hidden("[data-link-notice-long]")
