"""The worked examples: each client case of `scenarios/public.json`, with what the engine recommends.

The cases are data kept outside the tests (`scenarios/`), where the build and
the tests both read them.
"""

import json
from pathlib import Path

from decision_core.base import format
from decision_core.base.errors import DecisionError
from decision_core.framework.questions import FIELDS
from decision_core.framework.rules import get_outcome
from decision_core.framework.sections import get_section

from .markup import escape, escape_markdown, format_value, same, section_link

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios" / "public.json"
"""The public client cases: the worked examples, and the engine's scenario tests."""


def load_scenarios(path: Path = SCENARIOS) -> "list[dict]":
    """Read the client cases.

    Args:
        path: The JSON file of cases.

    Returns:
        The cases, in file order.
    """
    with path.open(encoding="utf-8") as file:
        return json.load(file)


def _answers_table(answers: "dict") -> str:
    rows = []
    seen = []
    for field in FIELDS:
        if field.name in answers:
            seen.append(field.name)
            rows.append('<tr><th scope="row">%s</th><td>%s</td></tr>'
                        % (escape(field.label), escape(format.answer(field, answers[field.name]))))
    for name in sorted(key for key in answers if key not in seen):
        rows.append('<tr><th scope="row">%s</th><td>%s</td></tr>'
                    % (escape(name), escape(format_value(answers[name]))))
    return "\n".join([
        '<table class="dc-table example-answers">',
        "<caption>The client's answers</caption>",
        '<thead><tr><th scope="col">Question</th><th scope="col">Answer</th></tr></thead>',
        "<tbody>",
    ] + rows + ["</tbody>", "</table>"])


def _item(item: object, href: "Callable[[str], str]") -> str:
    """A reason, caveat or change as a list item: its text, linked to its section when it has one."""
    text = getattr(item, "text", item)
    section = getattr(item, "section", None)
    if section:
        return "<li>%s %s</li>" % (escape(text), section_link(href, section, "Why?", True))
    return "<li>%s</li>" % escape(text)


def _list(title: str, items: "Iterable[object]", href: "Callable[[str], str]") -> "list[str]":
    items = list(items)
    if not items:
        return []
    return ["<p><strong>%s</strong></p>" % escape(title), "<ul>"] + [_item(i, href) for i in items] + ["</ul>"]


def _plan(steps: "Iterable[object]", href: "Callable[[str], str]") -> "list[str]":
    """The plan as an ordered list: each step's label and name, how long, what to do, what it costs, and the
    signal that moves the client on."""
    steps = list(steps)
    if not steps:
        return []
    items = []
    for step in steps:
        until = '<p class="example__until"><em>Move on %s.</em></p>' % escape(step.until) if step.until else ""
        items.append('<li data-approach="%s"><p><strong>%s: %s</strong> (%s)</p><p>%s %s</p>'
                     '<p class="example__cost">Cost: %s.</p>%s</li>'
                     % (escape(step.approach), escape(step.label), escape(step.title), escape(step.time),
                        escape(step.text), section_link(href, step.section, "Why?", True), escape(step.cost),
                        until))
    return ["<p><strong>The plan</strong></p>", '<ol class="example__plan">'] + items + ["</ol>"]


def example_markdown(scenario: "dict", recommend: "Callable[[dict], object]",
                     href: "Callable[[str], str]" = same) -> str:
    """One worked example: heading, situation, answers, the engine's recommendation and plan, note.

    The caveats every case of its kind gets (`standard`: where to fine-tune,
    per-user permissions) are left out: the page states them once, above the
    examples, instead of case after case.

    Args:
        scenario: One case of `scenarios/public.json`: `id`, `description`,
            `answers`, and optionally `note`.
        recommend: The engine (`engine.recommend`), called with the answers.
        href: Turns a site-relative URL into the link to write.

    Returns:
        Markdown: a level-2 heading with the section's anchor (`example-s01`),
        then HTML blocks. The result block carries `data-scenario` and
        `data-choice` (the engine's choice, or `error` when it refuses).
    """
    section = get_section("example-" + str(scenario["id"]).lower())
    answers = scenario.get("answers", {})
    parts = [
        "## %s { #%s }" % (escape_markdown(section.title), section.id),
        "",
        '<div class="example">',
        '<p class="example__situation"><strong>The situation.</strong> %s</p>' % escape(scenario.get("description", "")),
        _answers_table(answers),
    ]
    try:
        result = recommend(answers)
    except DecisionError as error:
        problems = getattr(error, "problems", [])
        parts.append('<div class="admonition failure example__result" data-scenario="%s" data-choice="error">'
                     % escape(scenario["id"]))
        parts.append('<p class="admonition-title">The engine asks for more before it recommends</p>')
        if problems:
            parts.append("<ul>")
            for problem in problems:
                parts.append("<li><code>%s</code>: %s</li>" % (escape(problem.field), escape(problem.message)))
            parts.append("</ul>")
        else:
            parts.append("<p>%s</p>" % escape(error))
        parts.append("</div>")
    else:
        choice = str(result.choice)
        parts.append('<div class="admonition success example__result" data-scenario="%s" data-choice="%s">'
                     % (escape(scenario["id"]), escape(choice)))
        outcome = get_outcome(choice)
        parts.append('<p class="admonition-title">The engine recommends: %s</p>'
                     % section_link(href, outcome.section, outcome.title))
        parts.append("<p>%s</p>" % escape(getattr(outcome, "summary", None) or result.headline))
        parts.extend(_plan(getattr(result, "plan", ()), href))
        parts.extend(_list("Why", result.reasons, href))
        parts.extend(_list("What speaks against it", getattr(result, "counterpoints", ()), href))
        caveats = [item for item in getattr(result, "caveats", ()) if not getattr(item, "standard", False)]
        parts.extend(_list("Watch out for", caveats, href))
        parts.extend(_list("What would change it", getattr(result, "changes", ()), href))
        parts.append("</div>")
    if scenario.get("note"):
        parts.append('<p class="example__note"><strong>Note.</strong> %s</p>' % escape(scenario["note"]))
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def examples_markdown(scenarios: "Iterable[dict]", recommend: "Callable[[dict], object]",
                      href: "Callable[[str], str]" = same) -> str:
    """Every worked example, in the order given (see `example_markdown`).

    Args:
        scenarios: The cases of `scenarios/public.json`.
        recommend: The engine (`engine.recommend`).
        href: Turns a site-relative URL into the link to write.

    Returns:
        Markdown with one level-2 section per example.
    """
    return "\n".join(example_markdown(scenario, recommend, href) for scenario in scenarios)
