"""Pages in headless Chromium: the consultants' copy-link buttons and groups, and the decision table without scripts."""

import pytest

from decision_core.framework.rules import CRITERIA
from tests.support.viewport import WIDTHS, in_view

pytestmark = pytest.mark.browser


@pytest.fixture
def open_page(browser):
    """`open_page(**context_options)`: a page of a fresh context (closed after the test)."""
    contexts = []

    def open_page(**options):
        contexts.append(browser.new_context(**options))
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_copy_button_copies_the_address_the_reader_is_on_and_shows_copied(open_page, root_server, width: str):
    """The button copies the section's address on the site being read, and "Copied" shows beside it.

    The site was built for another address (its site URL); this server's
    address is what the reader has, so it is what a pasted link must hold.
    """
    page = open_page(viewport=WIDTHS[width], permissions=["clipboard-read", "clipboard-write"])
    page.goto(root_server.url("basics/"))
    page.goto(root_server.url("consultants/"))
    page.click("#links-framework > summary")
    button = page.locator("button[data-copy-href$='#q3-labelled-data']")
    button.wait_for(state="visible")
    assert page.text_content("[data-section=q3-labelled-data] code") == root_server.url("framework/#q3-labelled-data")
    button.click()
    page.wait_for_function("document.querySelector('.copy-link__status').textContent === 'Link copied'")
    assert page.locator(".copy-link__status").get_attribute("role") == "status"
    assert page.evaluate("navigator.clipboard.readText()") == root_server.url("framework/#q3-labelled-data")
    done = "[data-section=q3-labelled-data] [data-copy-done]"
    assert page.text_content(done) == "Copied"
    assert in_view(page, done, whole=True), "the reader sees Copied next to the button"
    other = page.locator("button[data-copy-href$='#q1-knowledge-change']")
    other.click()
    page.wait_for_function("document.querySelector('[data-section=q1-knowledge-change] [data-copy-done]')"
                           ".textContent === 'Copied'")
    assert page.text_content(done) == "", "only the last copy says Copied"


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_consultants_page_is_compact_and_explains_sending_a_result(open_page, root_server, width: str):
    """Groups start closed, so the page fits in a few screens; the section on sending a result is there."""
    page = open_page(viewport=WIDTHS[width])
    page.goto(root_server.url("consultants/"))
    height = page.evaluate("document.documentElement.scrollHeight")
    screens = height / WIDTHS[width]["height"]
    assert screens < 5, "the page is %d px long: %.1f screens" % (height, screens)
    assert page.locator("details.section-group[open]").count() == 0
    assert page.is_visible("#send-a-result")
    assert "Copy link" in page.text_content("#send-a-result ~ ol")


def test_a_group_opened_by_its_address_is_open_and_in_view(open_page, root_server):
    """consultants/#links-framework opens that group and shows its first link."""
    page = open_page(viewport=WIDTHS["phone"])
    page.goto(root_server.url("consultants/#links-framework"))
    page.wait_for_selector("#links-framework[open]")
    assert in_view(page, "#links-framework")
    assert page.is_visible("#links-framework li.section-link")


def test_without_javascript_the_link_is_there_and_no_dead_button(open_page, root_server):
    """With scripts off, a group still opens, each address is visible text and the copy buttons stay hidden."""
    page = open_page(java_script_enabled=False)
    page.goto(root_server.url("consultants/"))
    page.click("details.section-group > summary")
    assert page.locator("button.section-link__copy:visible").count() == 0
    assert page.locator(".section-link__url code").first.is_visible()


def test_decision_table_reads_fully_without_javascript(open_page, root_server):
    """With scripts off every row is visible, its checkbox disabled, and no invitation to tick is shown."""
    page = open_page(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page.goto(root_server.url("decision-table/"))
    boxes = page.locator("input[name=criterion]")
    assert boxes.count() == len(CRITERIA)
    assert all(boxes.nth(i).is_disabled() for i in range(boxes.count()))
    assert page.locator("label[for='crit-%s']" % CRITERIA[0].id).is_visible()
    assert not page.locator(".live-table__hint").is_visible()
