"""Helpers for the browser tests: wait for a widget, hold a request back, answer the quiz with the keyboard alone."""

from decision_core.framework.questions import QUESTIONS
from decision_core.model.answers import applies

READY = "[data-widget][data-state=ready]"
SETTLED = "[data-widget][data-state=ready], [data-widget][data-state=error]"
RESULT = "#quiz-result[data-choice]"
APP_TIMEOUT_MS = {"micropython": 20_000, "pyodide": 60_000}
"""How long runtime.js lets a widget load before it gives up and says so (sitegen/runtime.py's `timeout_ms`)."""
MARGIN_MS = 15_000
"""What a wait adds to the app's own timeout: the app settles (ready or error) by then, or it is broken."""

_FOCUSED = """() => {
  const e = document.activeElement;
  return e ? {name: e.name || "", type: e.type || "", value: e.value || "",
              restart: e.hasAttribute("data-quiz-restart")} : null;
}"""


def wait_settled(page, interpreter="micropython", selector=SETTLED):
    """Wait until the page's widgets are ready or have given up: the app promises one by its own timeout."""
    page.wait_for_selector(selector, timeout=APP_TIMEOUT_MS[interpreter] + MARGIN_MS)


def wait_ready(page, interpreter="micropython", selector=READY):
    """Wait until the page's widgets settle, and fail with the widget's own message unless `selector` is there."""
    wait_settled(page, interpreter, selector + ", [data-widget][data-state=error]")
    if not page.locator(selector).count():
        raise AssertionError("widget failed: %s" % page.text_content("[data-widget][data-state=error]"))


def wait_error(page, selector="[data-widget][data-state=error]", interpreter="micropython"):
    """Wait until a widget is in its error state (a failure reported at once, or the app's own timeout)."""
    wait_settled(page, interpreter, selector)


class HeldRequests:
    """Requests matching a URL pattern, held back until `release()` (later ones then pass at once).

        held = HeldRequests(page, INTERPRETER)     # before page.goto
        ...                                         # the reader acts while the interpreter is on its way
        held.release()

    No polling: a request that has not arrived yet when `release()` is called
    passes through as it arrives.
    """

    def __init__(self, page, pattern) -> None:
        self.routes = []
        self.released = False
        page.route(pattern, self._route)

    def _route(self, route) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        """Let the held requests (and any later one) through."""
        self.released = True
        while self.routes:
            self.routes.pop(0).continue_()

    def abort(self) -> None:
        """Fail the held requests, as a dropped connection would."""
        while self.routes:
            self.routes.pop(0).abort()


def focused(page):
    return page.evaluate(_FOCUSED)


def tab_to(page, test, limit=200):
    """Press Tab until the focused element passes `test` (a function of the `focused` dict)."""
    for _ in range(limit):
        state = focused(page)
        if state and test(state):
            return state
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached the control")


def answer_by_keyboard(page, answers):
    """Answer the quiz from the current focus with the keyboard alone: Tab, arrows, Space and digits.

    The quiz must be empty (fresh, or just restarted). A radio group is one
    Tab stop: Tab lands on its first option, each ArrowDown moves to and checks
    the next one, Space checks the one with focus. Each checkbox of a
    multiple choice is a Tab stop of its own: Space ticks it.
    """
    for question in QUESTIONS:
        for field in question.fields:
            if field.name not in answers or not applies(field.name, answers):
                continue  # not given, or hidden by the quiz (the quality of no examples)
            value = answers[field.name]
            if value is None or (field.kind == "boolean" and not value):
                continue
            if field.kind == "choices":
                for option in field.values:
                    if option in value:
                        tab_to(page, lambda state, name=field.name, option=option:
                               state["name"] == name and state["value"] == option)
                        page.keyboard.press("Space")
                continue
            tab_to(page, lambda state, name=field.name: state["name"] == name)
            if field.kind == "choice":
                index = list(field.values).index(value)
                if index == 0:
                    page.keyboard.press("Space")
                for _ in range(index):
                    page.keyboard.press("ArrowDown")
            elif field.kind == "boolean":
                page.keyboard.press("Space")
            else:
                page.keyboard.type(str(value))
            # Leave the control so that the next one is reached by Tab.
            page.keyboard.press("Tab")


def restart_by_keyboard(page):
    """Tab to "Start again" and press Enter: the form empties and focus returns to the first question."""
    tab_to(page, lambda state: state["restart"])
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('[data-quiz-progress]').textContent.startsWith('0 of')"
        " && !document.querySelector('#quiz-result').hasAttribute('data-choice')"
    )


def result_choice(page):
    """Wait for a result and return its `data-choice`."""
    page.wait_for_selector(RESULT, timeout=10_000)
    return page.get_attribute("#quiz-result", "data-choice")
