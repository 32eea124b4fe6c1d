"""PyScript glue for the guide's widgets: read the DOM, call decision_core, write the DOM.

Runs in the reader's browser under MicroPython or Pyodide. runtime.js runs
`widgets.main()` on every page view that has a widget (first load and
Material's instant navigation alike); the interpreter, and this module, stay
loaded between views, so `main()` binds to whatever widgets the current page
holds. No decision is made here: the quiz reads its form through
`decision_core.model.answers.read_form` and asks `decision_core.model.engine`,
the address through `decision_core.model.sharelink`; the table asks
`decision_core.model.tally`; every fragment of HTML comes from
`decision_core.views.quiz`, escaped. Text that comes from the URL is only ever
written with `textContent`.
"""

import time

from pyscript import document, window
from pyscript.ffi import create_proxy

from decision_core.base.errors import DecisionError, InvalidAnswers
from decision_core.base.format import iso_date
from decision_core.framework.questions import FIELDS, QUESTIONS
from decision_core.model.answers import applies, read_form
from decision_core.model.calculator_link import calculator_url_for
from decision_core.model.engine import recommend
from decision_core.model.sharelink import encode_answers, has_share_link, share_link_answers, share_url
from decision_core.model.tally import tally
from decision_core.views import quiz as views

_KEEP = []
"""Event-handler proxies, kept alive for as long as the interpreter runs."""


def proxy(function):
    """Wrap a Python function for the DOM, and keep the wrapper alive (the calculator's glue uses it too)."""
    wrapper = create_proxy(function)
    _KEEP.append(wrapper)
    return wrapper


def select_all(root, selector):
    """The elements under `root` that match a CSS selector, as a Python list."""
    nodes = root.querySelectorAll(selector)
    return [nodes.item(index) for index in range(nodes.length)]


def _runtime():
    return window.__widgetRuntime


def _today():
    return iso_date(*time.localtime()[:3])


class Quiz:
    """The quiz on `quiz/`: the form is built-time HTML; this keeps the result in step with it."""

    def __init__(self, root):
        self.root = root
        self.form = root.querySelector("[data-quiz-form]")
        self.progress = root.querySelector("[data-quiz-progress]")
        self.output = root.querySelector("[data-quiz-output]")
        self.result = root.querySelector("[data-quiz-result]")
        self.announce = root.querySelector("[data-quiz-announce]")
        self.cta = root.querySelector("[data-quiz-cta]")
        self.notice = root.querySelector("[data-quiz-notice]")
        self.share = ""
        self.choice = None

    def bind(self):
        self.form.addEventListener("input", proxy(self.on_input))
        self.form.addEventListener("change", proxy(self.on_input))
        self.form.addEventListener("reset", proxy(self.on_reset))
        self.form.addEventListener("submit", proxy(self.on_submit))
        self.root.addEventListener("click", proxy(self.on_click))
        shared = self.apply_share_link()
        self.update()
        if shared and self.choice and str(window.location.hash) == "#" + str(self.result.id):
            # The browser jumped to the anchor before the result existed, and
            # the page has changed height since: bring the result into view
            # (at once, no smooth scrolling).
            self.result.scrollIntoView()

    # -- reading and writing the form -------------------------------------

    def control(self, name, value=None):
        return self.form.querySelector("#" + views.field_id(name, value))

    def read(self):
        """Return what the form's controls hold, by field name, for `read_form`."""
        values = {}
        for field in FIELDS:
            if field.kind == "choice":
                checked = self.form.querySelector('input[name="%s"]:checked' % field.name)
                values[field.name] = str(checked.value) if checked else None
            elif field.kind == "choices":
                boxes = select_all(self.form, 'input[name="%s"]:checked' % field.name)
                values[field.name] = [str(box.value) for box in boxes]
            elif field.kind == "boolean":
                values[field.name] = bool(self.control(field.name).checked)
            else:
                element = self.control(field.name)
                text = str(element.value)
                values[field.name] = None if not text.strip() and element.validity.badInput else text
        return values

    def show_applicable(self, raw):
        """Hide the fields the answers make pointless (the quality of no examples)."""
        for field in FIELDS:
            box = self.form.querySelector('[data-field="%s"]' % field.name)
            if box:
                box.hidden = not applies(field.name, raw)

    def fill(self, answers):
        for field in FIELDS:
            value = answers.get(field.name)
            if field.kind == "choice":
                if value is not None:
                    control = self.control(field.name, str(value))
                    if control:
                        control.checked = True
            elif field.kind == "choices":
                for option in field.values:
                    control = self.control(field.name, option)
                    if control:
                        control.checked = option in (value or ())
            elif field.kind == "boolean":
                self.control(field.name).checked = bool(value)
            else:
                self.control(field.name).value = "" if value is None else str(value)

    def apply_share_link(self):
        query = str(window.location.search)
        if not has_share_link(query):
            return False  # no share link, perhaps other parameters (utm_source, v=123...)
        if self.form.hasAttribute("data-touched"):
            return False  # the reader started answering while Python loaded: theirs wins
        try:
            answers = share_link_answers(query)
        except DecisionError as error:
            self.show_notice("The link's answers were changed, cut short or made by a newer "
                             "version of this guide, so the quiz starts empty. (" + str(error) + ")")
            return False
        self.fill(answers)
        return True

    def show_notice(self, text):
        self.notice.querySelector("[data-quiz-notice-text]").textContent = text
        self.notice.hidden = False

    # -- events -------------------------------------------------------------

    def on_input(self, event):
        self.update()

    def on_submit(self, event):
        event.preventDefault()
        self.update()

    def on_reset(self, event):
        self.notice.hidden = True
        if str(window.location.search):
            window.history.replaceState(window.history.state, "", window.location.pathname)
        # The form's values are reset after this event: update once they are.
        window.setTimeout(proxy(self.after_reset), 0)

    def after_reset(self, *args):
        self.update()
        first = self.form.querySelector("input")
        if first:
            first.focus()

    def on_click(self, event):
        target = event.target
        if not target or not target.closest or not target.closest("[data-quiz-copy]"):
            return
        status = self.root.querySelector("[data-quiz-copy-status]")
        link = self.root.querySelector("[data-quiz-share]")

        def copied(*args):
            status.textContent = "Link copied."

        def refused(*args):
            # No clipboard (insecure context or permission refused): select the link instead.
            selection = window.getSelection()
            selection.selectAllChildren(link)
            status.textContent = "Copying was refused: the link is selected, copy it with Ctrl+C or ⌘C."

        clipboard = window.navigator.clipboard
        if clipboard and window.isSecureContext:
            clipboard.writeText(self.share).then(proxy(copied), proxy(refused))
        else:
            refused()

    # -- the result ---------------------------------------------------------

    def keep_in_address(self, recommendation):
        """Keep the answers in the address, so Back from a guide section, a reload or a bookmark keeps them.

        The current history entry is replaced, never added to: the answers are
        the share link's own query string, and an unfinished quiz has none.
        """
        current = str(window.location.search)
        if recommendation:
            query = "?" + encode_answers(recommendation.answers)
        elif has_share_link(current):
            query = ""  # answers unfinished or reset: the address no longer holds a result
        else:
            return  # leave other parameters (utm_source...) alone
        if query != current:
            url = str(window.location.pathname) + query + str(window.location.hash)
            window.history.replaceState(window.history.state, "", url)

    def update(self):
        reading = read_form(self.read())
        self.show_applicable(reading.raw)
        total = len(QUESTIONS)
        self.progress.textContent = views.progress_text(reading.answered, total)
        recommendation = None
        if reading.answered < total:
            self.output.innerHTML = views.render_waiting(reading.answered, total)
        elif reading.problems:
            self.output.innerHTML = views.render_problems(reading.problems)
        else:
            try:
                recommendation = recommend(reading.raw)
            except InvalidAnswers as error:
                self.output.innerHTML = views.render_problems(error.problems)
        self.keep_in_address(recommendation)
        if recommendation is None:
            self.result.removeAttribute("data-choice")
            if self.cta:
                self.cta.hidden = True
            if self.choice is not None:
                self.announce.textContent = "No recommendation yet."
            self.choice = None
            return
        base = str(_runtime().base)
        self.share = base + share_url(recommendation.answers)
        self.output.innerHTML = views.render_result(recommendation, base, self.share, _today(),
                                                    calculator_url_for(recommendation.answers))
        self.result.setAttribute("data-choice", recommendation.choice)
        if self.cta:
            self.cta.hidden = False
        if recommendation.choice != self.choice:
            self.announce.textContent = views.announcement(recommendation)
        self.choice = recommendation.choice


class DecisionTable:
    """The quick decision table on `decision-table/`: tick rows, see the tally."""

    def __init__(self, root):
        self.root = root
        self.boxes = select_all(root, 'input[type="checkbox"][name="criterion"]')
        self.verdict = root.querySelector(".live-table__verdict")

    def bind(self):
        handler = proxy(self.on_change)
        for box in self.boxes:
            box.disabled = False
            box.addEventListener("change", handler)
        self.update()

    def on_change(self, event):
        self.update()

    def update(self):
        result = tally([str(box.value) for box in self.boxes if box.checked])
        for outcome, count in result.counts:
            for output in select_all(self.root, 'output[data-outcome="%s"]' % outcome):
                output.textContent = str(count)
        for element in select_all(self.root, "[data-outcome], tr[data-favours]"):
            outcome = element.getAttribute("data-outcome") or element.getAttribute("data-favours")
            if result.leader and outcome == result.leader:
                element.classList.add("live-table__leader")
            else:
                element.classList.remove("live-table__leader")
        if result.leader:
            self.root.setAttribute("data-leader", result.leader)
        else:
            self.root.removeAttribute("data-leader")
        if self.verdict:
            self.verdict.textContent = result.text


WIDGETS = (("quiz", Quiz), ("decision-table", DecisionTable))
"""The widgets this module binds, by their `data-widget` name."""

DELEGATED = ("calculator",)
"""Widgets with glue of their own: a module of that name, whose `main()` binds them."""


def main():
    """Bind every widget on the current page, then report each one ready (or failed)."""
    runtime = _runtime()
    for name in DELEGATED:
        if document.querySelector('[data-widget="%s"]' % name):
            try:
                module = __import__(name)
            except Exception as error:
                runtime.failAll("the %s code did not load: %s" % (name, error))
                raise
            module.main()
    for root in select_all(document, "[data-widget]"):
        if root.hasAttribute("data-bound"):
            continue
        kind = str(root.getAttribute("data-widget"))
        for name, widget in WIDGETS:
            if name == kind:
                try:
                    widget(root).bind()
                except Exception as error:  # report it on the page, not only in the console
                    runtime.fail(root, "the widget stopped: " + str(error))
                    raise
                root.setAttribute("data-bound", "")
                runtime.ready(root)
