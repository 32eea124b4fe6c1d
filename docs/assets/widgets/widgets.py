"""PyScript glue for the guide's widgets: read the DOM, call decision_core, write the DOM.

Runs in the reader's browser under MicroPython or Pyodide. runtime.js runs
`widgets.main()` on every page view that has a widget (first load and
Material's instant navigation alike); the interpreter, and this module, stay
loaded between views, so `main()` binds to whatever widgets the current page
holds. No decision is made here: the quiz reads its form through
`decision_core.model.answers.read_form` and asks `decision_core.model.engine`,
the address through `decision_core.model.sharelink`; the table asks
`decision_core.model.tally`; every fragment of HTML comes from
`decision_core.views.quiz`, escaped, and so does every word a reader sees
(the bad-link notice and the "being prepared" note are in the page already;
the glue shows or hides them). Text that comes from the URL is only ever
written with `textContent`.

Where the reader is matters: a share link's result is brought into view only
if the reader is still looking where it appears; a bad link's notice is
brought into view and takes focus; a "See your result" link (sticky, in CSS)
follows a reader who is among the questions, and a shown one never covers the
field being typed in; "Start again" keeps the answers for an Undo until the
reader answers anew.

Many page views, one document: no proxy is made per view. One listener per
event kind on `document` and one timer callback, made once per interpreter
(`window.__widgetRuntime.proxies` counts them), hand each event to the
current page's widget whose root holds its target; a page that was left
drops its widgets and their pending timers (Material's `document$`). A
widget writes the address only while the reader is on its page (`here`):
the address changes before the page's content is swapped, and a late timer
must not put the calculator's state into the next page's address (on the
quiz, over a share link).
"""

import gc
import time

from pyscript import document, window
from pyscript.ffi import create_proxy

from decision_core.base.errors import DecisionError, InvalidAnswers, ShareLinkTooLong
from decision_core.base.format import iso_date
from decision_core.framework.questions import FIELDS, QUESTIONS
from decision_core.model.answers import applies, read_form
from decision_core.model.calculator_link import calculator_url_for
from decision_core.model.engine import recommend
from decision_core.model.sharelink import encode_answers, has_share_link, share_link_answers, share_url
from decision_core.model.tally import tally
from decision_core.views import quiz as views

EVENTS = ("input", "change", "reset", "submit", "click")
"""The DOM events the widgets react to: each is caught once, on `document`, and handed to its widget."""

_PROXIES = []
"""Every proxy this module made: a fixed set, made once per interpreter (see `_listen`)."""

_STATE = {"listening": False, "live": [], "timers": {}, "key": 0, "copying": None}
"""The module's state across page views: the current page's widgets (`live`), their pending timers
(`timers`: key -> (widget, timer id)), and the proxies made once (`dispatch`, `timer`, `copied`, `refused`)."""


def proxy(function):
    """Wrap a Python function for JavaScript and keep the wrapper alive; the count is `window.__widgetRuntime.proxies`.

    Only `_listen` calls it, once per interpreter: Material's instant
    navigation shows page after page in one document, and a proxy made per
    view (per listener, per timer) would keep every past page's form alive.
    """
    wrapper = create_proxy(function)
    _PROXIES.append(wrapper)
    _runtime().proxies = len(_PROXIES)
    return wrapper


def _listen():
    """Make the module's proxies, once: one listener per event on `document`, one timer callback, the clipboard's."""
    if _STATE["listening"]:
        return
    _STATE["listening"] = True
    dispatch = proxy(_dispatch)
    for kind in EVENTS:
        document.addEventListener(kind, dispatch)
    _STATE["timer"] = proxy(_on_timer)
    _STATE["copied"] = proxy(_copied)
    _STATE["refused"] = proxy(_refused)
    try:
        pages = getattr(window, "document$")  # Material's stream of page views, instant navigation included
    except Exception:  # no Material (a test page): widgets are dropped at the next bind instead
        pages = None
    if pages:
        pages.subscribe(proxy(_on_page))


def register(widget):
    """Make `widget` one of the current page's widgets: it gets the events under its root from now on."""
    _listen()
    _prune()
    _STATE["live"].append(widget)


def _prune():
    """Drop the widgets whose root left the document (a page that was left), and cancel their timers."""
    live = _STATE["live"]
    kept = [widget for widget in live if widget.root.isConnected]
    if len(kept) == len(live):
        return
    _STATE["live"] = kept
    timers = _STATE["timers"]
    for key in list(timers):
        if not timers[key][0].root.isConnected:
            cancel(key)
    # Free the interpreter's references to the past page's elements now, so
    # the browser can free them too, rather than at some later allocation.
    gc.collect()


def _on_page(*args):
    _prune()


def _dispatch(event):
    """Hand a DOM event to the current page's widget whose root holds its target, as `on_<event type>(event)`."""
    target = event.target
    _prune()
    for widget in _STATE["live"]:
        if widget.root.contains(target):
            handler = getattr(widget, "on_" + str(event.type), None)
            if handler is not None:
                handler(event)
            return


def later(widget, milliseconds):
    """Call `widget.on_timer()` after a pause, unless the reader has left the widget's page; return a key for `cancel`."""
    _STATE["key"] += 1
    key = _STATE["key"]
    _STATE["timers"][key] = (widget, window.setTimeout(_STATE["timer"], milliseconds, key))
    return key


def cancel(key):
    """Cancel a pending `later` call (nothing happens if it already ran, or for `None`)."""
    entry = _STATE["timers"].pop(key, None)
    if entry is not None:
        window.clearTimeout(entry[1])


def _on_timer(key, *args):
    entry = _STATE["timers"].pop(int(key), None)
    if entry is not None and entry[0].here():
        entry[0].on_timer()


def _copied(*args):
    quiz = _STATE["copying"]
    _STATE["copying"] = None
    if quiz is not None and quiz.here():
        quiz.copied()


def _refused(*args):
    quiz = _STATE["copying"]
    _STATE["copying"] = None
    if quiz is not None and quiz.here():
        quiz.refused()


class Widget:
    """What every widget has: its root element, its parts, and the page (address path) it was bound on."""

    PARTS = ()
    """`(attribute, selector)` pairs: the elements of the widget's HTML it works with, found once under its root."""

    def __init__(self, root):
        self.root = root
        self.path = str(window.location.pathname)
        for name, selector in self.PARTS:
            setattr(self, name, root.querySelector(selector))

    def here(self):
        """Whether the reader is still on this widget's page: its root is in the document, the address is the page's.

        Under instant navigation the address changes before the page's
        content is swapped (Back, a link): from then on nothing of this
        widget may touch the address.
        """
        return bool(self.root.isConnected) and str(window.location.pathname) == self.path

    def replace_address(self, query, keep_hash=True):
        """Put `query` ("?..." or "") in this widget's page's address, in place (no new history entry).

        Never in another page's address: nothing is written once the reader
        has left (see `here`).
        """
        if not self.here():
            return
        current = self.path + str(window.location.search) + str(window.location.hash)
        url = self.path + query + (str(window.location.hash) if keep_hash else "")
        if url == current:
            return
        try:
            window.history.replaceState(window.history.state, "", url)
        except Exception:  # noqa: BLE001
            # Browsers refuse (SecurityError) an address rewritten too many
            # times in a short while; the next write puts the state in.
            pass


def bind(root, widget, what):
    """Make `widget(root)` live, once per root, and report the root ready, or the failure on the page.

    `what` names the widget in the message, e.g. "the calculator stopped: ...".
    """
    if root.hasAttribute("data-bound"):
        return
    runtime = _runtime()
    try:
        widget(root).bind()
    except Exception as error:  # report it on the page, not only in the console
        runtime.fail(root, what + " stopped: " + str(error))
        raise
    root.setAttribute("data-bound", "")
    runtime.ready(root)


def select_all(root, selector):
    """The elements under `root` that match a CSS selector, as a Python list."""
    nodes = root.querySelectorAll(selector)
    return [nodes.item(index) for index in range(nodes.length)]


def _runtime():
    return window.__widgetRuntime


def _today():
    return iso_date(*time.localtime()[:3])


def _read_choice(form, control, field):
    checked = form.querySelector('input[name="%s"]:checked' % field.name)
    return str(checked.value) if checked else None


def _fill_choice(form, control, field, value):
    for option in select_all(form, 'input[name="%s"]' % field.name):
        option.checked = value is not None and str(option.value) == str(value)


def _read_choices(form, control, field):
    return [str(box.value) for box in select_all(form, 'input[name="%s"]:checked' % field.name)]


def _fill_choices(form, control, field, value):
    for box in select_all(form, 'input[name="%s"]' % field.name):
        box.checked = str(box.value) in [str(item) for item in (value or ())]


def _read_boolean(form, control, field):
    return bool(control.checked)


def _fill_boolean(form, control, field, value):
    control.checked = bool(value)


def _read_number(form, control, field):
    text = str(control.value)
    return None if not text.strip() and control.validity.badInput else text


def _fill_number(form, control, field, value):
    control.value = "" if value is None else str(value)


CONTROLS = (
    ("choice", _read_choice, _fill_choice),
    ("choices", _read_choices, _fill_choices),
    ("boolean", _read_boolean, _fill_boolean),
    ("integer", _read_number, _fill_number),
    ("number", _read_number, _fill_number),
)
"""How to read and fill each kind of field's control(s), beside decision_core.views.quiz.CONTROLS."""


def _control_of(kind):
    for known, read, fill in CONTROLS:
        if known == kind:
            return read, fill
    raise KeyError("no reader for quiz fields of kind " + kind)


class Quiz(Widget):
    """The quiz on `quiz/`: the form is built-time HTML; this keeps the result in step with it."""

    PARTS = (("form", "[data-quiz-form]"), ("progress", "[data-quiz-progress]"), ("output", "[data-quiz-output]"),
             ("result", "[data-quiz-result]"), ("announce", "[data-quiz-announce]"), ("cta", "[data-quiz-cta]"),
             ("notice", "[data-link-notice]"), ("pending", "[data-link-pending]"),
             ("cleared", "[data-quiz-cleared]"), ("jump", "[data-quiz-jump]"))

    def __init__(self, root):
        super().__init__(root)
        self.share = ""
        self.choice = None
        self.saved = None
        self.before_reset = None

    def bind(self):
        register(self)  # events under the root reach on_input, on_change, on_reset, on_submit, on_click
        watching = self.showing(self.result)  # the reader is looking where the result will be
        shared = self.apply_share_link()
        self.update()
        self.pending.hidden = True
        self.root.removeAttribute("data-link")
        if shared and self.choice and watching:
            # The form has filled in and changed height since the reader
            # landed: bring the result back into view (at once, no smooth
            # scrolling). A reader who scrolled away meanwhile is left where
            # they are; the "See your result" link follows them.
            self.result.scrollIntoView()

    def showing(self, element):
        """Whether some of `element` is on the screen."""
        box = element.getBoundingClientRect()
        return box.top < window.innerHeight and box.bottom > 0

    # -- reading and writing the form -------------------------------------

    def control(self, name, value=None):
        return self.form.querySelector("#" + views.field_id(name, value))

    def read(self):
        """Return what the form's controls hold, by field name, for `read_form`."""
        values = {}
        for field in FIELDS:
            read, _ = _control_of(field.kind)
            values[field.name] = read(self.form, self.control(field.name), field)
        return values

    def show_applicable(self, raw):
        """Hide the fields the answers make pointless (the quality of no examples)."""
        for field in FIELDS:
            box = self.form.querySelector('[data-field="%s"]' % field.name)
            if box:
                box.hidden = not applies(field.name, raw)

    def fill(self, answers):
        for field in FIELDS:
            _, fill = _control_of(field.kind)
            fill(self.form, self.control(field.name), field, answers.get(field.name))

    def apply_share_link(self):
        query = str(window.location.search)
        if not has_share_link(query):
            return False  # no share link, perhaps other parameters (utm_source, v=123...)
        if self.form.hasAttribute("data-touched"):
            return False  # the reader started answering while Python loaded: theirs wins
        try:
            answers = share_link_answers(query)
        except DecisionError as error:
            self.show_notice(isinstance(error, ShareLinkTooLong))
            return False
        self.fill(answers)
        return True

    def show_notice(self, too_long=False):
        """Show the bad-link notice (its words are decision_core's) where the reader is, and move focus to it."""
        self.notice.querySelector("[data-link-notice-long]").hidden = not too_long
        self.notice.hidden = False
        self.notice.focus()
        self.notice.scrollIntoView()

    # -- events -------------------------------------------------------------

    def on_input(self, event):
        if not self.form.contains(event.target):
            return
        if self.saved is not None:
            self.forget_saved()  # new answers: "Undo" would now overwrite them
        self.update()

    on_change = on_input

    def on_submit(self, event):
        event.preventDefault()
        self.update()

    def on_reset(self, event):
        if not self.form.contains(event.target):
            return
        self.before_reset = self.read()
        self.notice.hidden = True
        if str(window.location.search):
            self.replace_address("", keep_hash=False)
        # The form's values are reset after this event: update once they are.
        later(self, 0)

    def on_timer(self):
        self.after_reset()

    def after_reset(self):
        self.update()
        values = self.before_reset or {}
        self.before_reset = None
        if [value for value in values.values() if value not in (None, False, "")]:
            self.saved = values  # "Undo" brings these back
            self.cleared.innerHTML = views.render_cleared()
        first = self.form.querySelector("input")
        if first:
            first.focus()
        # Show the question's start and the "Undo" above it, not only the first option.
        self.progress.scrollIntoView()

    def forget_saved(self):
        self.saved = None
        self.cleared.innerHTML = ""

    def undo(self):
        values = self.saved
        self.forget_saved()
        self.fill(values)
        self.update()
        first = self.form.querySelector("input")
        if first:
            first.focus()

    def on_click(self, event):
        target = event.target
        if not target or not target.closest:
            return
        if target.closest("[data-quiz-undo]"):
            if self.saved is not None:
                self.undo()
            return
        if target.closest("[data-quiz-jump-link]"):
            # A button, not a link to #quiz-result: Material's instant
            # navigation resolves the page's links when it loads, before the
            # answers were in the address, and would reload the empty quiz.
            self.result.scrollIntoView()
            self.root.querySelector("#quiz-result-title").focus()
            return
        if not target.closest("[data-quiz-copy]"):
            return
        clipboard = window.navigator.clipboard
        if clipboard and window.isSecureContext:
            _STATE["copying"] = self
            clipboard.writeText(self.share).then(_STATE["copied"], _STATE["refused"])
        else:
            self.refused()

    def copied(self):
        self.root.querySelector("[data-quiz-copy-status]").textContent = "Link copied."

    def refused(self):
        """No clipboard (insecure context or permission refused): select the link instead."""
        window.getSelection().selectAllChildren(self.root.querySelector("[data-quiz-share]"))
        self.root.querySelector("[data-quiz-copy-status]").textContent = (
            "Copying was refused: the link is selected, copy it with Ctrl+C or ⌘C.")

    def uncover_focus(self):
        """Scroll just enough that the "See your result" bar, now shown, does not cover the field being typed in."""
        active = document.activeElement
        if not active or not self.form.contains(active):
            return
        overlap = active.getBoundingClientRect().bottom - self.jump.getBoundingClientRect().top
        if overlap > 0:
            window.scrollBy(0, overlap + 8)

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
        self.replace_address(query)

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
            self.jump.hidden = True
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
        self.jump.querySelector("button").textContent = views.jump_text(recommendation)
        if self.jump.hidden:
            self.jump.hidden = False
            self.uncover_focus()
        if self.cta:
            self.cta.hidden = False
        if recommendation.choice != self.choice:
            self.announce.textContent = views.announcement(recommendation)
        self.choice = recommendation.choice


class DecisionTable(Widget):
    """The quick decision table on `decision-table/`: tick rows, see the tally."""

    def __init__(self, root):
        super().__init__(root)
        self.boxes = select_all(root, 'input[type="checkbox"][name="criterion"]')
        self.verdict = root.querySelector(".live-table__verdict")

    def bind(self):
        register(self)
        for box in self.boxes:
            box.disabled = False
        self.update()

    def on_change(self, event):
        if event.target.matches('input[type="checkbox"][name="criterion"]'):
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
        kind = str(root.getAttribute("data-widget"))
        for name, widget in WIDGETS:
            if name == kind:
                bind(root, widget, "the " + name.replace("-", " "))
