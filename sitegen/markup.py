"""Markup helpers the build's generators share: escaping for HTML and Markdown, links to sections, figures with units.

Every generator writes text into HTML or Markdown through these, so no
character in the framework's data (a `*`, a `<`, a quote) can change a page's
structure. HTML escaping is the package's own (`decision_core.views.html`).

Example:
    >>> print(escape_markdown("Q1: *dynamic* or [static]?"))
    Q1: \\*dynamic\\* or \\[static\\]?
    >>> value_with_unit(0.4, "$ per 1M tokens"), value_with_unit(0.5, "share")
    ('$0.40 per 1M tokens', '50%')
"""

import html

from decision_core.base import format
from decision_core.framework.sections import get_section
from decision_core.views.html import escape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["escape", "escape_markdown", "format_value", "same", "section_link", "source_html", "stacked_table",
           "value_with_unit"]


def same(url: str) -> str:
    """The identity `href`: a site-relative URL written as it is."""
    return url


_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!"
"""Python-Markdown's own backslash escapes (`>` and `<` become character references)."""


def escape_markdown(text: object) -> str:
    """Escape text for a line of Markdown, such as a heading.

    HTML characters become character references and every character with a
    meaning in Markdown (`*`, `_`, `[`, `#`, `{` and the like) gets a backslash,
    so the text shows literally.

    Args:
        text: Any value; it is converted with `str` first.

    Returns:
        The escaped text, on one line.
    """
    out = []
    for char in html.escape(" ".join(str(text).split()), False):
        if char in _MARKDOWN_SPECIALS:
            out.append("\\")
        out.append(char)
    return "".join(out)


def format_value(value: object) -> str:
    """Write a figure of the framework's data for reading: `3,000,000`, `0.4`, `yes`, `not stated`.

    Args:
        value: An `int`, a `float`, a `bool`, `None` or a string (shown as is).

    Returns:
        The text; numbers through `decision_core.base.format.number`, with up to four decimals.
    """
    if value is None:
        return "not stated"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return format.number(value, 4)
    return str(value)


def value_with_unit(value: object, unit: str) -> str:
    """A figure with its unit, as a reader says it: `$0.40 per 1M tokens`, `10%`, `500 examples`.

    Args:
        value: The figure.
        unit: Its unit, as `decision_core.framework` declares it.

    Returns:
        The figure and its unit, in words.
    """
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not numeric or unit in ("", "date"):
        return format_value(value)
    if unit.startswith("$ per "):  # a unit price, such as $0.125 per 1M tokens: no rounding to the cent
        return format.price(value) + unit[1:]
    for prefix in ("USD", "$"):
        if unit.startswith(prefix):
            return format.exact_money(value) + unit[len(prefix):]
    if unit == "share":
        return format_value(value * 100) + "%"
    if unit.startswith("%"):
        return format_value(value) + unit
    return format_value(value) + " " + unit


def source_html(source: str) -> str:
    """A source as HTML: a link when it is a web address, plain text otherwise."""
    if source.startswith("https://") or source.startswith("http://"):
        return '<a href="%s">%s</a>' % (escape(source), escape(source))
    return escape(source)


def section_link(href: "Callable[[str], str]", section_id: str, text: object, hidden: bool = False) -> str:
    """An HTML link to a section of the guide, with escaped text.

    With `hidden`, the section's title follows the text for screen readers
    only, so that many short links ("Why?") stay distinguishable.

    Args:
        href: Turns a site-relative URL into the link to write.
        section_id: The section's anchor id.
        text: The link's text.
        hidden: Add the section's title for screen readers.

    Returns:
        An `<a>` element.
    """
    section = get_section(section_id)
    extra = ""
    if hidden:
        extra = '<span class="visually-hidden"> (%s)</span>' % escape(section.title)
    return '<a href="%s">%s%s</a>' % (escape(href(section.url)), escape(text), extra)


def stacked_table(name: str, caption: str, headers: "Iterable[str]", rows: "Iterable[Iterable[str]]",
                  ids: "Iterable[str | None] | None" = None) -> "list[str]":
    """The lines of a reference table that stacks its cells on a phone (`dc-table--stack`).

    On a phone each row becomes a block, and each cell after the first shows
    its column's heading (its `data-label`): the headings are written once,
    here, for the head of the table and for every cell.

    Args:
        name: Its own class, e.g. `thresholds`.
        caption: The caption, as HTML.
        headers: The column headings, as plain text.
        rows: Each row's cells, as HTML, in column order; the first heads the row. A row of two cells
            where there are more columns spans its second cell over the rest (a note, such as "Not possible").
        ids: Each row's id (`None` for a row without one), or `None` for rows without ids.

    Returns:
        The table's lines: the opening tag, caption, heading row, body rows and closing tags.

    Example:
        >>> print("\\n".join(stacked_table("t", "C", ("A", "B's"), [("1", "2")], ids=["t-1"])))
        <table class="dc-table dc-table--stack t">
        <caption>C</caption>
        <thead><tr><th scope="col">A</th><th scope="col">B&#x27;s</th></tr></thead>
        <tbody>
        <tr id="t-1"><th scope="row">1</th><td data-label="B&#x27;s">2</td></tr>
        </tbody>
        </table>
    """
    headers = [escape(header) for header in headers]
    rows = [tuple(row) for row in rows]
    ids = list(ids) if ids is not None else [None] * len(rows)
    body = []
    for row_id, cells in zip(ids, rows):
        opening = '<tr id="%s">' % escape(row_id) if row_id else "<tr>"
        if len(cells) == 2 < len(headers):
            rest = '<td colspan="%d">%s</td>' % (len(headers) - 1, cells[1])
        else:
            rest = "".join('<td data-label="%s">%s</td>' % (header, cell) for header, cell in zip(headers[1:], cells[1:]))
        body.append(opening + '<th scope="row">%s</th>' % cells[0] + rest + "</tr>")
    return (['<table class="dc-table dc-table--stack %s">' % name, "<caption>%s</caption>" % caption,
             "<thead><tr>" + "".join('<th scope="col">%s</th>' % header for header in headers) + "</tr></thead>",
             "<tbody>"] + body + ["</tbody>", "</table>"])
