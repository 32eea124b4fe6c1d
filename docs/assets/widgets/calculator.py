"""PyScript glue for the cost and latency calculator: read the form, call decision_core, write the page.

Runs in the reader's browser under MicroPython or Pyodide; `widgets.main()`
runs `main()` here on every view of a page that has the calculator.
The page already holds the form and the figures for the default inputs
(rendered at build time from `decision_core.views.calculator`); this keeps the
figures in step with the form. No cost is computed here: `CostInputs` checks
the values, `compare` computes, and every fragment of HTML comes from
`decision_core.views.calculator`, escaped. Messages are written with `textContent`.

- On load: the address's state (`?c=1&...`) fills the form, unless the reader
  has already changed a field while Python loaded (theirs wins); a bad
  address shows a notice and the defaults.
- On `input` and `change`, after a short pause: recompute, write the
  sentences, the table and the chart, and the state into the address
  (`history.replaceState`, no new history entry). Invalid values get their
  message next to the field (`aria-invalid`, `aria-describedby`) and the last
  good figures stay, marked as such.
"""

from pyscript import document, window
from widgets import proxy, select_all

from decision_core.base.errors import DecisionError, InvalidCostInputs
from decision_core.framework.cost_inputs import COST_INPUTS
from decision_core.model.calculator_link import decode_calculator_state, encode_calculator_state, value_text
from decision_core.model.cost_values import CostInputs
from decision_core.model.costs import compare
from decision_core.views.calculator import (
    calculator_chart_html,
    calculator_costs_html,
    calculator_problems_html,
    calculator_summary_html,
    control_id,
)

DEBOUNCE_MS = 150
"""The pause after the last keystroke before the figures are recomputed."""



class Calculator:
    """The calculator on `calculator/`."""

    def __init__(self, root):
        self.root = root
        self.form = root.querySelector("[data-calculator-form]")
        self.summary = root.querySelector("[data-calculator-summary]")
        self.costs = root.querySelector("[data-calculator-costs]")
        self.chart = root.querySelector("[data-calculator-chart]")
        self.problems = root.querySelector("[data-calculator-problems]")
        self.notice = root.querySelector("[data-calculator-notice]")
        self.timer = None
        self.tick = proxy(self.on_tick)
        self.shown = None  # the inputs the figures on the page are for
        self.invalid = ()

    def bind(self):
        handler = proxy(self.on_input)
        self.form.addEventListener("input", handler)
        self.form.addEventListener("change", handler)
        self.form.addEventListener("reset", proxy(self.on_reset))
        self.form.addEventListener("submit", proxy(self.on_submit))
        self.apply_address()
        self.update()

    # -- reading and writing the form -------------------------------------

    def control(self, input_id, value=None):
        return self.form.querySelector("#" + control_id(input_id, value))

    def touched(self):
        """Whether the reader changed a field while Python loaded."""
        for cost_input in COST_INPUTS:
            if cost_input.choices is not None:
                for choice, _ in cost_input.choices:
                    box = self.control(cost_input.id, choice)
                    if bool(box.checked) != bool(box.defaultChecked):
                        return True
            else:
                box = self.control(cost_input.id)
                if str(box.value) != str(box.defaultValue):
                    return True
        return False

    def read(self):
        """Return the form's values by input id, as text, the way `CostInputs.from_mapping` takes them."""
        values = {}
        for cost_input in COST_INPUTS:
            if cost_input.choices is not None:
                checked = self.form.querySelector('input[name="%s"]:checked' % cost_input.id)
                values[cost_input.id] = str(checked.value) if checked else ""
            else:
                box = self.control(cost_input.id)
                text = str(box.value).strip()
                if not text and box.validity.badInput:
                    text = "not a number"
                values[cost_input.id] = text
        return values

    def fill(self, values):
        for cost_input in COST_INPUTS:
            if cost_input.id not in values:
                continue
            value = values[cost_input.id]
            if cost_input.choices is not None:
                self.control(cost_input.id, value).checked = True
            else:
                self.control(cost_input.id).value = value_text(value)

    def apply_address(self):
        query = str(window.location.search)
        if not query or self.touched():
            return
        try:
            values = decode_calculator_state(query)
        except DecisionError as error:
            problems = getattr(error, "problems", ())
            text = "; ".join(str(problem) for problem in problems) or str(error)
            self.notice.querySelector("[data-calculator-notice-text]").textContent = (
                "The figures in this link were changed, cut short or made by a newer version of this "
                "guide, so the calculator shows the defaults. (" + text + ")"
            )
            self.notice.hidden = False
            return
        self.fill(values)

    def mark(self, problems):
        """Show each field's message next to it; clear the others."""
        messages = {}
        for problem in problems:
            messages[problem.field] = problem.message
        for cost_input in COST_INPUTS:
            ident = control_id(cost_input.id)
            error = self.form.querySelector("#" + ident + "-error")
            if cost_input.choices is not None:
                targets = [self.form.querySelector('[data-input="%s"]' % cost_input.id)]
            else:
                targets = [self.control(cost_input.id)]
            message = messages.get(cost_input.id)
            if message is None:
                if not error.hidden:
                    error.textContent = ""
                    error.hidden = True
                    for target in targets:
                        target.removeAttribute("aria-invalid")
                        target.setAttribute("aria-describedby", ident + "-help")
                continue
            error.textContent = message
            error.hidden = False
            for target in targets:
                target.setAttribute("aria-invalid", "true")
                target.setAttribute("aria-describedby", ident + "-error " + ident + "-help")

    # -- events -------------------------------------------------------------

    def on_input(self, event):
        if self.timer is not None:
            window.clearTimeout(self.timer)
        self.timer = window.setTimeout(self.tick, DEBOUNCE_MS)

    def on_tick(self, *args):
        self.timer = None
        self.update()

    def on_submit(self, event):
        event.preventDefault()
        self.update()

    def on_reset(self, event):
        self.notice.hidden = True
        # The form's values are reset after this event: update once they are.
        window.setTimeout(self.tick, 0)

    # -- the figures ----------------------------------------------------------

    def update(self):
        try:
            inputs = CostInputs.from_mapping(self.read())
        except InvalidCostInputs as error:
            self.mark(error.problems)
            self.problems.innerHTML = calculator_problems_html(error.problems)
            self.root.setAttribute("data-invalid", "")
            return
        self.mark(())
        self.problems.innerHTML = ""
        self.root.removeAttribute("data-invalid")
        if inputs != self.shown:
            comparison = compare(inputs)
            self.summary.innerHTML = calculator_summary_html(comparison)
            self.costs.innerHTML = calculator_costs_html(comparison)
            self.chart.innerHTML = calculator_chart_html(comparison)
            self.root.setAttribute("data-cheapest", comparison.cheapest)
            self.shown = inputs
        self.write_address(inputs)

    def write_address(self, inputs):
        state = encode_calculator_state(inputs)
        url = str(window.location.pathname) + ("?" + state if state else "") + str(window.location.hash)
        if url != str(window.location.pathname) + str(window.location.search) + str(window.location.hash):
            window.history.replaceState(window.history.state, "", url)


def main():
    """Bind the calculator on the current page, then report it ready (or failed)."""
    runtime = window.__widgetRuntime
    for root in select_all(document, '[data-widget="calculator"]'):
        if root.hasAttribute("data-bound"):
            continue
        try:
            Calculator(root).bind()
        except Exception as error:  # report it on the page, not only in the console
            runtime.fail(root, "the calculator stopped: " + str(error))
            raise
        root.setAttribute("data-bound", "")
        runtime.ready(root)
