"""axe-core (WCAG 2.0/2.1 A and AA) on the guide's pages and the quiz, in the light and dark palettes."""

from pathlib import Path

import pytest

from tests.e2e.conftest import ANSWERABLE, site_pages
from tests.e2e.helpers import answer_by_keyboard, result_choice, wait_error, wait_ready

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}
QUIZ = "[data-widget=quiz]"


def axe_violations(page, selector=None):
    """Run axe-core on the page (or only inside `selector`); return `rule id: selectors` for each violation."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol: a script tag would be an inline script,
        # which the pages' content security policy blocks (and no request leaves the site).
        page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate(
        """([tags, selector]) => axe.run(selector ? {include: [[selector]]} : document,
                                         {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        [TAGS, selector])
    return ["%s: %s" % (v["id"], [node["target"] for node in v["nodes"]][:5]) for v in results["violations"]]


@pytest.fixture(params=sorted(SCHEMES))
def palette_page(request, browser):
    """A page whose system palette is light or dark: the site's palette follows the system by default."""
    context = browser.new_context(color_scheme=request.param)
    page = context.new_page()
    page.scheme = SCHEMES[request.param]
    yield page
    context.close()


def test_guide_pages_have_no_violations(palette_page, guide_server, site_dir, watch):
    """Every page of the guide passes axe's WCAG 2.1 AA rules.

    The generated API reference (`reference/`) is left to mkdocstrings and
    Pygments' colours; it is only loaded, in the light palette. Under the
    sub-path /guide/, every page also makes no request outside the site and
    logs no console error.
    """
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make setup)")
    page = palette_page
    watched = watch(page, guide_server.base)
    found = {}
    for url in site_pages(site_dir):
        if page.scheme != "default" and url.startswith("reference/"):
            continue
        page.goto(guide_server.url(url))
        assert page.get_attribute("body", "data-md-color-scheme") == page.scheme
        if page.locator("[data-widget-page]").count():
            wait_ready(page)
        violations = [] if url.startswith("reference/") else axe_violations(page)
        if violations:
            found[url] = violations
        assert watched.outside == [] and watched.errors == [], url
    assert found == {}


def test_quiz_with_a_result_has_no_violations(palette_page, guide_server):
    """The quiz, answered, with its result panel, passes axe's WCAG 2.1 AA rules."""
    page = palette_page
    page.goto(guide_server.url("quiz/"))
    wait_ready(page)
    answer_by_keyboard(page, ANSWERABLE[0]["answers"])
    result_choice(page)
    assert axe_violations(page, QUIZ) == []
    page.fill("#quiz-queries_per_day", "-1")
    page.wait_for_selector("[data-quiz-problems]")
    assert axe_violations(page, QUIZ) == []


def test_quiz_reader_states_have_no_violations(palette_page, guide_server):
    """A share link while Python loads, a damaged link's notice, "Start again" with Undo, the "See your result" link."""
    import re

    from decision_core.model.sharelink import share_url

    page = palette_page
    held = []
    page.route(re.compile(r".*/assets/runtime/micropython/(?:[0-9a-f]+/)?micropython\.mjs$"), lambda route: held.append(route))
    page.goto(guide_server.url(share_url(ANSWERABLE[0]["answers"])))
    page.wait_for_selector("[data-widget=quiz][data-link=pending]")
    assert axe_violations(page, QUIZ) == [], "a share link's result being prepared"
    for route in held:
        route.continue_()
    page.unroute(re.compile(r".*/assets/runtime/micropython/(?:[0-9a-f]+/)?micropython\.mjs$"))
    page.goto(guide_server.url("quiz/?v=1&a=3-0-0-3-3uw-2bc-ffk-1-ec6m#quiz-result"))
    wait_ready(page)
    page.wait_for_selector("[data-link-notice]:not([hidden])")
    assert axe_violations(page, QUIZ) == [], "a damaged link's notice"
    answer_by_keyboard(page, ANSWERABLE[0]["answers"])
    result_choice(page)
    assert page.is_visible("[data-quiz-jump]")
    assert axe_violations(page, QUIZ) == [], "the See your result link"
    page.click("[data-quiz-restart]")
    page.wait_for_selector("[data-quiz-undo]")
    assert axe_violations(page, QUIZ) == [], "Start again, with Undo"


def test_reader_pages_in_their_states_have_no_violations(palette_page, root_server):
    """The 404 page, and the consultants' page with a group open and a link just copied."""
    page = palette_page
    page.goto(root_server.url("404.html"))
    page.wait_for_selector("button[data-open-search]:not([hidden])")
    assert axe_violations(page) == [], "the 404 page"
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(root_server.url("consultants/#links-framework"))
    page.wait_for_selector("#links-framework[open] button.section-link__copy:not([hidden])")
    page.click("#links-framework button.section-link__copy")
    page.wait_for_selector("#links-framework [data-copy-done]:not(:empty)")
    assert axe_violations(page) == [], "the consultants' page, a group open, a link copied"


def test_blocked_quiz_error_state_has_no_violations(palette_page, guide_server):
    """The quiz's error state (interpreter blocked) passes axe too."""
    page = palette_page
    page.route("**/assets/runtime/micropython/**", lambda route: route.abort())
    page.goto(guide_server.url("quiz/?v=1&a=broken"))
    wait_error(page, "[data-widget=quiz][data-state=error]")
    assert page.is_visible("[data-quiz-notice]") is False  # Python never read the link
    assert axe_violations(page, QUIZ) == []
