"""Soak: 50 instant-navigation cycles between the quiz, the calculator and a guide page leak nothing of the glue's.

Material's instant navigation shows page after page in one document, and the
interpreter stays loaded, so whatever the glue makes per page view would
pile up. The glue makes its event-handler proxies once per interpreter
(`window.__widgetRuntime.proxies` counts them): after 10 cycles and after 50
the count is the same. Past pages' forms are counted through weak references
after a forced garbage collection. Material keeps past pages reachable (a
heap snapshot on 2026-11-30 showed a media-query listener of its bundle
reaching each past page's sidebar, and through it the page: 100 of 100 past
forms alive after 50 cycles with Python blocked), so the loader takes apart
a page that has left; of the past forms, at most the last view's may stay
alive, after 10 cycles as after 50.
Afterwards both widgets still answer, and the console is clean. Under
MicroPython and under Pyodide.
"""

import pytest

from tests.e2e.conftest import ANSWERABLE
from tests.e2e.helpers import READY, answer_by_keyboard, result_choice

pytestmark = pytest.mark.browser

CYCLES = (10, 50)
"""Where the counts are taken: they must not grow between the two."""

ROUTE = ("quiz/", "calculator/", "framework/")
"""One cycle: the two widget pages, then a guide page without a widget."""

_FOLLOW = "href => document.querySelector('nav.md-nav--primary a[href$=\"' + href + '\"]').click()"

_REMEMBER = """() => { window.__soakForms = window.__soakForms || [];
  document.querySelectorAll('[data-widget] form').forEach(form => window.__soakForms.push(new WeakRef(form))); }"""

_DETACHED_ALIVE = """() => [(window.__soakForms || []).filter(ref => { const form = ref.deref();
  return form !== undefined && !form.isConnected; }).length, (window.__soakForms || []).length]"""


def _cycle(page, server, cycles):
    for _ in range(cycles):
        for href in ROUTE:
            page.evaluate(_FOLLOW, href)
            page.wait_for_url(server.url(href))
            if href != "framework/":
                # A locator's wait holds no handle to the element (wait_for_selector's would keep it alive).
                page.locator(READY).first.wait_for(timeout=60_000)  # Pyodide's first start takes longest
                page.evaluate(_REMEMBER)


def _detached_forms_alive(page, cdp):
    cdp.send("HeapProfiler.collectGarbage")
    return page.evaluate(_DETACHED_ALIVE)


def _start(context, server):
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    page.goto(server.url("framework/"))
    page.wait_for_load_state("load")
    page.evaluate("window.__sameDocument = true")
    return page, cdp


@pytest.mark.parametrize("where", ["guide_server", "pyodide_server"])
def test_fifty_navigation_cycles_leave_the_glue_bounded(request, browser, watch, where):
    """After 10 and after 50 cycles: the same proxies, no more than one view's past forms alive, widgets still work."""
    guide_server = request.getfixturevalue(where)
    context = browser.new_context()
    page, cdp = _start(context, guide_server)
    watched = watch(page, guide_server.base)
    counts = {}
    done = 0
    for target in CYCLES:
        _cycle(page, guide_server, target - done)
        done = target
        counts[target] = (page.evaluate("window.__widgetRuntime.proxies || 0"), _detached_forms_alive(page, cdp))
    assert page.evaluate("window.__sameDocument === true"), "instant navigation throughout, no reload"
    proxies_10, (forms_10, seen_10) = counts[10]
    proxies_50, (forms_50, seen_50) = counts[50]
    assert 0 < proxies_10 == proxies_50, "event-handler proxies grow with page views: %r" % counts
    assert (seen_10, seen_50) == (20, 100), "one quiz form and one calculator form remembered a cycle"
    # At most the last view's two forms, which the glue's widgets may hold until the next widget page (under
    # Pyodide, until Python's garbage collector releases their proxies).
    assert forms_10 <= 2 and forms_50 <= 2, "past pages' forms stay alive: %r" % counts

    # The widgets still answer: the quiz gives the scenario's result, the calculator follows a typed volume.
    page.evaluate(_FOLLOW, "quiz/")
    page.wait_for_selector(READY)
    case = ANSWERABLE[0]
    answer_by_keyboard(page, case["answers"])
    assert result_choice(page) == case["expected"]
    page.evaluate(_FOLLOW, "calculator/")
    page.wait_for_url(guide_server.url("calculator/"))
    page.wait_for_selector(READY)
    page.fill("#calc-queries_per_day", "123456")
    page.wait_for_function("document.querySelector('[data-calculator-summary]').textContent.includes('123,456')")
    watched.assert_clean()
    context.close()
