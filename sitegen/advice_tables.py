"""The advice's generated tables: what each plan step takes, and every row of the advice for maintainers.

`effort_html` prices the steps of a plan (people's time at the day rate,
each figure with its source and date) for the recommendation page;
`advice_rows_html` lists every finding, caveat, plan sentence and signal with
the conditions under which it applies, for the maintainers' page. Both read
`decision_core.framework`; neither decides anything.
"""

from decision_core.base import format

from .markup import escape, same, section_link, source_html, stacked_table, value_with_unit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from decision_core.framework.effort import Effort
    from decision_core.framework.rules import Threshold


def effort_html(efforts: "Iterable[Effort]", day_rate: "Threshold",
                least: "Iterable[tuple[str, float]]" = ()) -> str:
    """What each step of a plan takes: person-days, calendar time and cost at the day rate, with sources.

    Args:
        efforts: `effort.EFFORTS`.
        day_rate: `effort.DAY_RATE`.
        least: `(outcome name, dollars)` pairs: the lean people's cost a launch budget must cover before the
            engine recommends that outcome (`model.plan.least_people_cost`).

    Returns:
        A `<table class="dc-table dc-table--stack effort">` with one row per approach, then a sentence on
        the day rate and its source, then one on the budget lines.
    """
    efforts = tuple(efforts)
    rows = [(escape(effort.title), "%d to %d person-days" % (effort.low_days, effort.high_days),
             escape(effort.duration), escape("%s to %s" % (format.money(effort.low_days * day_rate.value),
                                                           format.money(effort.high_days * day_rate.value))),
             source_html(effort.source), escape(effort.as_of)) for effort in efforts]
    lines = stacked_table("effort", "What each step of a plan takes, in people's time, at about %s a person-day."
                          % escape(format.money(day_rate.value)),
                          ("Step", "People's time", "Calendar time", "Cost", "Source", "As of"), rows,
                          ids=["effort-" + effort.approach for effort in efforts])
    lines += ['<p class="effort__day-rate"><strong>The day rate, %s.</strong> %s Source: %s (checked %s).</p>'
              % (escape(value_with_unit(day_rate.value, day_rate.unit)), escape(day_rate.text),
                 source_html(day_rate.source), escape(day_rate.as_of))]
    lines_text = ["about %s for %s" % (format.money(amount), name) for name, amount in least]
    if lines_text:
        lines.append('<p class="effort__budget-lines">So a launch budget must cover, at the lean end, %s, '
                     "before the quiz recommends it; below that, it recommends the cheaper path now and says "
                     "what the budget would need.</p>" % escape(" and ".join(lines_text)))
    return "\n".join(lines)


def _code(text: str) -> str:
    return "<code>%s</code>" % escape(text)


def _conditions(when: "tuple[str, ...]") -> str:
    if not when:
        return "always"
    return ", ".join(_code(name) for name in when)


def _table(caption: str, headers: "tuple[str, ...]", rows: "list[tuple[str, ...]]") -> "list[str]":
    return stacked_table("advice-rows", escape(caption), headers, rows)


def advice_rows_html(findings: "Iterable[object]", caveats: "Iterable[object]", steps: "Iterable[object]",
                     untils: "Iterable[object]", href: "Callable[[str], str]" = same) -> str:
    """Every row of the advice, table by table, with its conditions, what it favours and its section.

    Args:
        findings: `advice_rows.FINDINGS`.
        caveats: `advice_rows.CAVEATS`.
        steps: `advice_rows.STEP_TEXTS`.
        untils: `advice_rows.UNTILS`.
        href: Turns a site-relative URL into the link to write.

    Returns:
        Four tables, each in a `<details>` element so the page stays short until a maintainer opens one.
    """
    parts = []
    tables = (
        ("Findings: a reason when they favour the choice, otherwise a counterpoint",
         ("Id", "When", "Favours", "Text", "Section"),
         [(_code(row.id), _conditions(row.when), escape(row.favours or "neutral"), escape(row.text),
           section_link(href, row.section, row.section)) for row in findings]),
        ("Caveats", ("Id", "When", "Text", "Section"),
         [(_code(row.id) + (" (standard)" if row.standard else ""), _conditions(row.when), escape(row.text),
           section_link(href, row.section, row.section)) for row in caveats]),
        ("Plan sentences, joined in this order within a step", ("Id", "Step", "When", "Text"),
         [(_code(row.id), escape(row.step), _conditions(row.when), escape(row.text)) for row in steps]),
        ("Signals that end a step", ("Id", "From, to", "When", "Text"),
         [(_code(row.id), escape(row.step + " → " + row.next), _conditions(row.when), escape(row.text))
          for row in untils]),
    )
    for caption, headers, rows in tables:
        parts.append("<details class=\"advice-rows__group\"><summary>%s (%d rows)</summary>"
                     % (escape(caption), len(rows)))
        parts += _table(caption, headers, rows)
        parts.append("</details>")
    return "\n".join(parts)
