"""A reader's first minute, in a real browser at a phone's and a desktop's width: what they see where they land.

The home page's call to the quiz, the site's name in the header, the 404
page, worked examples that open in the quiz, and the decision table's
leading approach. Each check is of what is on the screen after the page
settles (tests/support/viewport.py), not only of what is in the page.
"""

import pytest

from tests.e2e.helpers import RESULT, wait_ready
from tests.support.viewport import in_view

pytestmark = pytest.mark.browser

SHORT_NAME = "RAG or fine-tuning?"


def test_the_home_pages_first_screen_leads_to_the_quiz(sized_page, root_server):
    """What the guide answers and a primary "Answer four questions" button are on the first screen; it opens the quiz."""
    page = sized_page
    page.goto(root_server.url(""))
    button = "a.md-button.md-button--primary[href$='/quiz/']"
    assert page.inner_text(button) == "Answer four questions"
    assert in_view(page, button, whole=True)
    assert in_view(page, "article h1 + p", whole=True), "what the guide answers, above the button"
    page.click(button)
    page.wait_for_url(root_server.url("quiz/"))
    wait_ready(page)
    assert in_view(page, "#quiz-knowledge_change-static", whole=True)
    question = page.inner_text("#quiz-q1")
    assert question.count("How often does the information") == 1, "the question is asked once"


@pytest.mark.parametrize("url", ["recommendation/", "authorities/", "maintainers/"])
def test_pages_open_on_their_title_not_their_metadata(sized_page, root_server, url):
    """The pages whose front matter once showed as a heading open on their title; no "description:" anywhere."""
    page = sized_page
    page.goto(root_server.url(url))
    assert in_view(page, "article h1", whole=True)
    assert page.evaluate("document.querySelector('article').firstElementChild.tagName") != "HR"
    assert "description:" not in page.inner_text("article")
    toc = page.locator(".md-sidebar--secondary .md-nav__link")
    assert toc.count() == 0 or "description" not in toc.first.inner_text()


def test_the_navigation_reads_as_the_clients_guide(sized_page, root_server):
    """The menu lists Home, the quiz and the guide's pages; maintainers' pages wait inside "For maintainers"."""
    page = sized_page
    page.goto(root_server.url("basics/"))
    if page.width_name == "phone":
        page.click(".md-header label[for=__drawer]")
        page.wait_for_function("() => document.getElementById('__drawer').checked")
    items = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")
    page.wait_for_selector(".md-nav--primary > .md-nav__list", state="visible")
    titles = [" ".join(text.split()) for text in items.all_inner_texts() if text.strip()]
    assert titles[:3] == ["Home", "The quiz", "The basics"]
    assert titles[-2:] == ["Links for consultants", "For maintainers"]
    assert "API reference" not in titles and "Changelog" not in titles and "Performance" not in titles
    first = ".md-nav--primary > .md-nav__list > .md-nav__item:nth-child(2) > .md-nav__link"
    assert in_view(page, first, whole=True), "the quiz is near the top of the menu"
    assert not in_view(page, ".md-nav--primary a[href$='reference/']"), "the API reference stays folded"


def test_the_site_name_is_shortened_rather_than_cut(sized_page, root_server):
    """On a phone the header shows "RAG or fine-tuning?" whole; on a desktop the full name; never an ellipsis."""
    page = sized_page
    page.goto(root_server.url("framework/"))
    name = page.locator(".md-header__topic:first-child > .md-ellipsis")
    drawn = page.evaluate("""() => {
      const e = document.querySelector('.md-header__topic:first-child > .md-ellipsis');
      const before = getComputedStyle(e, '::before').content;
      return {before: before, overflows: e.scrollWidth > e.clientWidth + 1, size: getComputedStyle(e).fontSize};
    }""")
    assert not drawn["overflows"], "the name does not run into an ellipsis"
    assert " ".join(name.text_content().split()) == "RAG or fine-tuning? The decision guide", "read in full"
    if page.width_name == "phone":
        assert drawn["before"].startswith('"%s"' % SHORT_NAME) and drawn["size"] == "0px"
    else:
        assert drawn["before"] in ("none", "normal") and drawn["size"] != "0px"


def test_the_404_page_leads_home_to_the_quiz_and_to_search(sized_page, root_server):
    """A mistyped address gets a page in the guide's style with the quiz, home and search on its first screen."""
    page = sized_page
    page.goto(root_server.url("404.html"))
    assert page.inner_text("article h1") == "Page not found"
    home = "a.md-button:not(.md-button--primary)"
    for selector in ("a.md-button--primary[href$='/quiz/']", home, "button[data-open-search]"):
        assert in_view(page, selector, whole=True), selector
    assert page.get_attribute(home, "href") in ("/", root_server.url(""))
    page.click("button[data-open-search]")
    page.wait_for_function("() => document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.type("fine-tuning")
    page.wait_for_selector(".md-search-result__item")
    assert in_view(page, ".md-search-result__item")


def test_a_worked_example_opens_in_the_quiz_with_its_result_in_view(sized_page, root_server):
    """Each answered example links to the quiz with its answers; the quiz shows the same recommendation, in view."""
    page = sized_page
    page.goto(root_server.url("examples/"))
    results = page.locator(".example__result[data-choice]:not([data-choice=error])")
    links = page.locator(".example__open a")
    assert links.count() == results.count() > 0
    expected = results.nth(1).get_attribute("data-choice")
    links.nth(1).scroll_into_view_if_needed()
    links.nth(1).click()
    page.wait_for_url("**/quiz/?v=*#quiz-result")
    wait_ready(page)
    page.wait_for_selector(RESULT)
    assert page.get_attribute("#quiz-result", "data-choice") == expected
    assert in_view(page, "#quiz-result-title", whole=True)


def test_the_decision_tables_leading_approach_is_highlighted_as_a_whole_row(sized_page, root_server):
    """The leader's tally row is tinted and bold across its cells, like its rows; no outline round one digit."""
    page = sized_page
    page.goto(root_server.url("decision-table/"))
    wait_ready(page)
    boxes = page.locator("input[name=criterion][data-favours=rag]")
    for index in range(2):
        boxes.nth(index).check()
    page.wait_for_selector(".decision-table output.live-table__leader")
    styles = page.evaluate("""() => Array.from(document.querySelectorAll('tfoot tr')).map(row => ({
      leads: !!row.querySelector('output.live-table__leader'),
      backgrounds: Array.from(row.children).map(cell => getComputedStyle(cell).backgroundColor),
      weights: Array.from(row.children).map(cell => getComputedStyle(cell).fontWeight),
      outline: getComputedStyle(row.querySelector('output')).outlineStyle,
    }))""")
    leader = [row for row in styles if row["leads"]]
    others = [row for row in styles if not row["leads"]]
    assert len(leader) == 1 and others
    assert len(set(leader[0]["backgrounds"])) == 1, "one tint across the row"
    assert leader[0]["backgrounds"][0] not in [cell for row in others for cell in row["backgrounds"]]
    assert set(leader[0]["weights"]) == {"700"}
    assert all(row["outline"] == "none" for row in styles)
    tfoot = "tfoot tr:has(output.live-table__leader)"
    page.locator(tfoot).scroll_into_view_if_needed()
    assert in_view(page, tfoot, whole=True)


_LOADING_WORDS = """(() => { window.__loadingWords = [];
  document.addEventListener("DOMContentLoaded", () => {
    const line = document.querySelector("[data-widget] [data-widget-status]");
    const note = () => { const text = line.textContent; const words = window.__loadingWords;
      if (text && words[words.length - 1] !== text) words.push(text); };
    note();
    new MutationObserver(note).observe(line, {childList: true, characterData: true, subtree: true}); }); })();"""


def test_a_share_links_loading_line_keeps_its_words_until_the_result(sized_page, root_server):
    """The line the page's watchdog writes is the loader's own, so it never rewraps (and pushes the result down)."""
    page = sized_page
    page.add_init_script(_LOADING_WORDS)
    page.goto(root_server.url("examples/"))
    href = page.locator(".example__open a").nth(1).get_attribute("href")
    page.goto(root_server.url("examples/" + href) if not href.startswith("http") else href)
    wait_ready(page)
    words = page.evaluate("window.__loadingWords")
    assert len(words) == 1 and words[0].startswith("Loading the interactive part (Python in your browser"), words
