"""Screenshots of the guide's main pages and states, for a person to look at before a change is done.

    .venv/bin/python -m scripts.screenshots [--out screenshots] [--only quiz]   (from the repository's root)

(`make screenshots` runs it.) Builds the site (or uses `$SITE_DIR`), serves it
on 127.0.0.1, and writes PNG files named `<state>-<width>-<scheme>.png` into
`screenshots/` (ignored by git): each state at 390 px (a phone) and 1280 px (a
desktop), in the light and the dark palette. Each file shows the screen where
the reader lands, as they first see it; `<state>-<width>-<scheme>-full.png`
shows the whole page for the states listed in `FULL_PAGE`.

This is not a test: it asserts nothing. It waits for each state the way the
browser tests do, then takes the picture.
"""

import argparse
import json
import re
import sys
from pathlib import Path

from decision_core.model.sharelink import share_url
from tests.support.browser import chromium
from tests.support.server import SiteServer
from tests.support.site import built_site

ROOT = Path(__file__).resolve().parents[1]

WIDTHS = {390: 844, 1280: 800}
"""Viewport widths and heights: a mid-range phone and a laptop."""

SCHEMES = ("light", "dark")
"""The palettes: the site follows the system's setting."""

CASE = json.loads((ROOT / "scenarios" / "public.json").read_text(encoding="utf-8"))[0]["answers"]
"""The first public case (S01), used for the answered quiz and the share link."""

READY = "[data-widget][data-state=ready]"
INTERPRETER = re.compile(r".*/assets/runtime/(micropython|pyodide)/(?:[0-9a-f]+/)?[^/]*\.mjs$")
FULL_PAGE = ("home", "quiz-empty", "quiz-answered", "consultants", "not-found")
"""States also shot as a whole page."""


def _answer(page) -> None:
    """Fill in the quiz with the first public case, as a reader would (clicks and typing)."""
    for name, value in CASE.items():
        if isinstance(value, bool):
            if value:
                page.check("#quiz-" + name)
        elif isinstance(value, str):
            if page.is_visible("#quiz-%s-%s" % (name, value)):
                page.check("#quiz-%s-%s" % (name, value))
        elif value is not None:
            page.fill("#quiz-" + name, str(value))
    page.wait_for_selector("#quiz-result[data-choice]")


def _settle(page) -> None:
    """Wait until fonts are in and the page has stopped moving."""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r())))")


def _ready(page) -> None:
    page.wait_for_selector(READY, timeout=30_000)
    _settle(page)


def state_home(page, server):
    page.goto(server.url(""))
    _settle(page)


def state_quiz_empty(page, server):
    page.goto(server.url("quiz/"))
    _ready(page)


def state_quiz_answered(page, server):
    page.goto(server.url("quiz/"))
    _ready(page)
    _answer(page)
    _settle(page)


def state_quiz_cleared(page, server):
    """After "Start again": the answers cleared, with Undo above the first question."""
    state_quiz_answered(page, server)
    page.click("[data-quiz-restart]")
    page.wait_for_selector("[data-quiz-undo]")
    _settle(page)


def state_quiz_loading(page, server):
    """The quiz's first screen while the interpreter is still on its way."""
    held = []
    page.route(INTERPRETER, lambda route: held.append(route))
    page.goto(server.url("quiz/"))
    page.wait_for_selector("[data-widget=quiz][data-state=loading]")
    _settle(page)
    return held


def state_share_loading(page, server):
    """A share link while the interpreter is still on its way (held back until the picture is taken)."""
    held = []
    page.route(INTERPRETER, lambda route: held.append(route))
    page.goto(server.url(share_url(CASE)))
    page.wait_for_selector("[data-widget=quiz][data-state=loading]")
    _settle(page)
    return held


def state_share_loaded(page, server):
    page.goto(server.url(share_url(CASE)))
    _ready(page)
    page.wait_for_selector("#quiz-result[data-choice]")
    _settle(page)


def state_bad_link(page, server):
    """A share link with one character of its checksum changed, as a mangled paste would."""
    link = share_url(CASE)
    cut = link.index("#") - 1
    page.goto(server.url(link[:cut] + ("x" if link[cut] != "x" else "y") + link[cut + 1:]))
    _ready(page)


def state_calculator(page, server):
    page.goto(server.url("calculator/"))
    _ready(page)


def state_consultants(page, server):
    page.goto(server.url("consultants/"))
    _settle(page)


def state_decision_table(page, server):
    page.goto(server.url("decision-table/"))
    _ready(page)
    boxes = page.locator('input[name="criterion"]')
    for index in (0, 1, 2):
        boxes.nth(index).check()
    _settle(page)


def state_recommendation(page, server):
    page.goto(server.url("recommendation/"))
    _settle(page)


def state_examples(page, server):
    page.goto(server.url("examples/"))
    _settle(page)


def state_not_found(page, server):
    """The 404 page, as a static host serves it for an address the site does not have."""
    page.goto(server.url("404.html"))
    _settle(page)


STATES = (
    ("home", state_home),
    ("quiz-empty", state_quiz_empty),
    ("quiz-loading", state_quiz_loading),
    ("quiz-answered", state_quiz_answered),
    ("quiz-cleared", state_quiz_cleared),
    ("share-loading", state_share_loading),
    ("share-loaded", state_share_loaded),
    ("bad-link", state_bad_link),
    ("calculator", state_calculator),
    ("consultants", state_consultants),
    ("decision-table", state_decision_table),
    ("recommendation", state_recommendation),
    ("examples", state_examples),
    ("not-found", state_not_found),
)
"""Each state's name (the file name's start) and how to reach it."""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "screenshots"), help="the folder to write to")
    parser.add_argument("--only", action="append", default=[], metavar="STATE",
                        help="only this state (repeatable): " + ", ".join(name for name, _ in STATES))
    arguments = parser.parse_args(argv)
    out = Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    chosen = [(name, function) for name, function in STATES if not arguments.only or name in arguments.only]

    site = built_site()
    written = 0
    with SiteServer(site, "/") as server, chromium() as browser:
        for width, height in WIDTHS.items():
            for scheme in SCHEMES:
                context = browser.new_context(viewport={"width": width, "height": height},
                                              color_scheme=scheme, device_scale_factor=1)
                for name, function in chosen:
                    page = context.new_page()
                    held = function(page, server) or []
                    stem = "%s-%d-%s" % (name, width, scheme)
                    page.screenshot(path=str(out / (stem + ".png")))
                    written += 1
                    if name in FULL_PAGE:
                        page.screenshot(path=str(out / (stem + "-full.png")), full_page=True)
                        written += 1
                    for route in held:
                        route.abort()
                    page.close()
                context.close()
    print("%d screenshots in %s" % (written, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
