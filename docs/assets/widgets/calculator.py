"""PyScript glue for the cost and latency calculator: read the form, call decision_core, write the page.

Runs in the reader's browser under MicroPython or Pyodide; `widgets.main()`
runs `main()` here on every view of a page that has the calculator.
The page already holds the form and the figures for the default inputs
(rendered at build time from `decision_core.views.calculator`); this keeps the
figures in step with the form. No cost is computed here: `CostInputs` checks
the values, `compare` computes, the preset's prices come from `CostInputs`,
and every fragment of HTML comes from `decision_core.views.calculator`,
escaped. Messages are written with `textContent`.

- On load: the address's state (`?c=2&...`, or an old `?c=1&...` with its
  notice) fills the form and opens the folded groups it changes, unless the
  reader has already changed a field while Python loaded (theirs wins); a bad
  address shows a notice and the defaults.
- Choosing a preset fills its prices and their markings.
- On `input` and `change`: a valid state goes into the address at once
  (`history.replaceState`, no new history entry), so the calculator's own
  history entry holds the edit even if the reader leaves at once; after a
  short pause: recompute, write the sentences, the table, the chart and the
  preset's description. Nothing is written once the reader has left the
  page (`widgets.Widget.here`). Invalid
  values get their message next to the field (`aria-invalid`,
  `aria-describedby`) and the last good figures stay, marked as such. When a
  field loses focus holding a valid number, its digits are grouped.
"""

from pyscript import document, window
from widgets import Widget, bind, cancel, later, register, select_all

from decision_core.base.errors import DecisionError, InvalidCostInputs
from decision_core.framework.cost_inputs import COST_INPUTS, get_cost_input
from decision_core.framework.presets import CUSTOM, PRESET_INPUT_IDS
from decision_core.model.calculator_link import decode_calculator_state, encode_calculator_state, state_version
from decision_core.model.cost_values import CostInputs, parse_value
from decision_core.model.costs import compare
from decision_core.views.calculator import (
    calculator_chart_html,
    calculator_costs_html,
    calculator_preset_html,
    calculator_problems_html,
    calculator_summary_html,
    control_id,
    field_text,
    open_groups,
    preset_markings,
)

DEBOUNCE_MS = 150
"""The pause after the last keystroke before the figures are recomputed."""

PRESET = control_id("preset")


class Calculator(Widget):
    """The calculator on `calculator/`."""

    PARTS = (("form", "[data-calculator-form]"), ("preset", "[data-calculator-preset]"),
             ("summary", "[data-calculator-summary]"), ("costs", "[data-calculator-costs]"),
             ("chart", "[data-calculator-chart]"), ("problems", "[data-calculator-problems]"),
             ("notice", "[data-calculator-notice]"), ("old_link", "[data-calculator-old-link]"))

    def __init__(self, root):
        super().__init__(root)
        self.timer = None  # the pending recomputation (a `later` key)
        self.shown = None  # the inputs the figures on the page are for

    def bind(self):
        # Events anywhere under the root reach on_input, on_change, on_reset and on_submit (most controls sit
        # outside the <form> element: they join it by their form attribute).
        register(self)
        self.apply_address()
        self.update()

    # -- reading and writing the form -------------------------------------

    def control(self, input_id):
        return self.root.querySelector("#" + control_id(input_id))

    def touched(self):
        """Whether the reader changed a field while Python loaded."""
        for cost_input in COST_INPUTS:
            box = self.control(cost_input.id)
            if cost_input.choices is not None:
                chosen = box.options.item(box.selectedIndex)
                if chosen is not None and not chosen.defaultSelected:
                    return True
            elif str(box.value) != str(box.defaultValue):
                return True
        return False

    def read(self):
        """Return the form's values by input id, as text, the way `CostInputs.from_mapping` takes them."""
        values = {}
        for cost_input in COST_INPUTS:
            values[cost_input.id] = str(self.control(cost_input.id).value).strip()
        return values

    def fill(self, values):
        for cost_input in COST_INPUTS:
            if cost_input.id in values:
                self.control(cost_input.id).value = field_text(values[cost_input.id])
        for group_id in open_groups(values):
            self.root.querySelector('[data-group="%s"]' % group_id).open = True

    def fill_preset(self, preset_id):
        """Put a preset's prices and their markings in the form (the custom choice keeps the prices)."""
        try:
            prices = CostInputs(preset=preset_id)
        except DecisionError:
            return
        if preset_id != CUSTOM:
            for input_id in PRESET_INPUT_IDS:
                self.control(input_id).value = field_text(getattr(prices, input_id))
        self.set_marks(preset_id)

    def set_marks(self, preset_id):
        """Show beside each price whether the preset's figure is an estimate or unconfirmed."""
        for input_id, marking in preset_markings(preset_id):
            mark = self.root.querySelector("#" + control_id(input_id) + "-mark")
            mark.textContent = marking
            mark.hidden = not marking

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
        if "preset" in values:
            self.fill_preset(values["preset"])
        self.fill(values)
        self.old_link.hidden = state_version(query) != "1"

    def mark(self, problems):
        """Show each field's message next to it; clear the others."""
        messages = {}
        for problem in problems:
            messages[problem.field] = problem.message
        for cost_input in COST_INPUTS:
            ident = control_id(cost_input.id)
            error = self.root.querySelector("#" + ident + "-error")
            target = self.control(cost_input.id)
            message = messages.get(cost_input.id)
            if message is None:
                if not error.hidden:
                    error.textContent = ""
                    error.hidden = True
                    target.removeAttribute("aria-invalid")
                    target.setAttribute("aria-describedby", ident + "-help")
                continue
            error.textContent = message
            error.hidden = False
            target.setAttribute("aria-invalid", "true")
            target.setAttribute("aria-describedby", ident + "-error " + ident + "-help")

    # -- events -------------------------------------------------------------

    def on_input(self, event):
        target = event.target
        ident = str(target.id or "")
        if str(event.type) == "change":
            # A choice made, or a field left: the figures follow at once (the pause is for typing).
            if ident == PRESET:
                self.fill_preset(str(target.value))
            elif ident.startswith("calc-"):
                self.group_digits(target, ident[len("calc-"):])
            cancel(self.timer)
            self.timer = None
            self.update()
            return
        # The address takes the edit at once, so the calculator's own history
        # entry holds it even if the reader leaves (a link, Back) before the
        # pause is over; the figures follow after the pause.
        try:
            self.write_address(CostInputs.from_mapping(self.read()))
        except InvalidCostInputs:
            pass  # the address keeps the last valid state; the message comes with the figures
        cancel(self.timer)
        self.timer = later(self, DEBOUNCE_MS)

    on_change = on_input

    def group_digits(self, box, input_id):
        """Write a valid number back with its digits grouped (`10000` becomes `10,000`)."""
        try:
            value = parse_value(get_cost_input(input_id), str(box.value))
        except DecisionError:
            return
        text = field_text(value)
        if text != str(box.value):
            box.value = text

    def on_timer(self):
        self.timer = None
        self.update()

    def on_submit(self, event):
        event.preventDefault()
        self.update()

    def on_reset(self, event):
        self.notice.hidden = True
        self.old_link.hidden = True
        # The form's values are reset after this event: update once they are.
        cancel(self.timer)
        self.timer = later(self, 0)

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
            if self.shown is None or inputs.preset != self.shown.preset \
                    or inputs.changed_from_preset() != self.shown.changed_from_preset():
                self.preset.innerHTML = calculator_preset_html(inputs)
                self.set_marks(inputs.preset)
            comparison = compare(inputs)
            self.summary.innerHTML = calculator_summary_html(comparison)
            self.costs.innerHTML = calculator_costs_html(comparison)
            self.chart.innerHTML = calculator_chart_html(comparison)
            self.root.setAttribute("data-cheapest", comparison.cheapest)
            self.shown = inputs
        self.write_address(inputs)

    def write_address(self, inputs):
        state = encode_calculator_state(inputs)
        self.replace_address("?" + state if state else "")


def main():
    """Bind the calculator on the current page, then report it ready (or failed)."""
    for root in select_all(document, '[data-widget="calculator"]'):
        bind(root, Calculator, "the calculator")
