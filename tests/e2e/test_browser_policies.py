"""The content security and referrer policies in a real browser: nothing blocked that the site needs, injected scripts blocked, no answers in the Referer."""

import pytest

from decision_core.model.sharelink import share_url
from tests.e2e.conftest import ANSWERABLE, site_pages
from tests.e2e.helpers import result_choice, wait_ready, wait_settled

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " at " + event.sourceFile);
});
"""

WIDGET_PAGES = ("quiz/", "calculator/", "decision-table/")


def _violations(page):
    return page.evaluate("window.__violations")


@pytest.mark.parametrize("interpreter", ["micropython", "pyodide"])
def test_every_page_loads_under_the_policy_with_no_violation(interpreter, browser, guide_server, pyodide_server,
                                                              site_dir, watch):
    """Every page and widget works under the policy: no violation is reported, every widget becomes ready."""
    server = guide_server if interpreter == "micropython" else pyodide_server
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    watched = watch(page, server.base)
    for path in site_pages(site_dir):
        page.goto(server.url(path))
        if path in WIDGET_PAGES:
            wait_settled(page, interpreter)
            states = page.eval_on_selector_all("[data-widget]", "roots => roots.map(root => root.dataset.state)")
            assert set(states) == {"ready"}, (path, states)
        else:
            page.wait_for_load_state("load")
        assert page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content"), path
        assert _violations(page) == [], path
    watched.assert_clean()
    context.close()


def test_an_injected_inline_script_does_not_run(context, guide_server):
    """Were markup ever to slip in, an inline script would be blocked and reported, not run."""
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(guide_server.url("framework/"))
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.__ran = true";
      document.body.appendChild(script);
    }""")
    page.wait_for_function("() => window.__violations.length > 0")
    assert page.evaluate("window.__ran === undefined")
    assert _violations(page)[0].startswith("script-src")


def test_instant_navigation_between_widget_and_guide_pages_stays_within_the_policy(context, guide_server):
    """Quiz, calculator, a guide page and back, by clicking (instant navigation): no violation, widgets ready."""
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(guide_server.url("quiz/"))
    wait_settled(page)
    for path in ("calculator/", "framework/", "quiz/"):
        page.evaluate("(href) => { const a = document.createElement('a'); a.href = href;"
                      " a.textContent = 'go'; document.querySelector('article').appendChild(a); a.click(); }",
                      guide_server.url(path))
        page.wait_for_url(guide_server.url(path))
        if path != "framework/":
            wait_ready(page)
    assert _violations(page) == []


def test_answers_in_the_address_never_travel_in_the_referer(context, guide_server):
    """With a result in the address, the page's later requests carry no Referer at all."""
    page = context.new_page()
    referers = []
    page.on("request", lambda request: referers.append(request.headers.get("referer")))
    page.goto(guide_server.url(share_url(ANSWERABLE[0]["answers"])))
    wait_ready(page)
    result_choice(page)
    page.goto(guide_server.url("framework/"))
    page.wait_for_load_state("load")
    assert len(referers) > 5
    assert [referer for referer in referers if referer] == []
