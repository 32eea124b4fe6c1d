"""Front matter that parses: a page's metadata block must be a YAML mapping, or it shows as content.

A page may open with metadata between two `---` lines (its `description`, its
`template`). When that block is not valid YAML, MkDocs does not stop: it keeps
the block as Markdown, so the reader sees a rule and a large
"description: …" heading at the top of the page, first in its table of
contents too, and `--strict` says nothing. A plain `: ` inside a value is
enough (`description: The default: start with RAG` is not valid YAML); quote
such a value or write it as a folded block (`description: >-`, then the text
indented on the next lines).

`front_matter_problem` finds such a page; `check_front_matter` stops the
build on one. Both read the block the way MkDocs does: it opens on the
page's first line and closes at the next line of `---` (or `...`).

Example:
    >>> front_matter_problem("---\\ndescription: >-\\n  Costs: monthly.\\n---\\n# Costs")
    >>> front_matter_problem("---\\ndescription: Costs: monthly.\\n---\\n# Costs")[:46]
    'its front matter is not valid YAML (line 2: ma'
"""

import re

import yaml

from . import BuildError

_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
"""A metadata block as MkDocs finds one (mkdocs.utils.meta)."""

_OPENING = re.compile(r"^-{3}[ \t]*\n")

HOW_TO_FIX = ("Quote a value that holds ': ' or '#', or write it as a folded block "
              "(`description: >-`, then the text indented on the next lines).")
"""What to do about a block that does not parse, said with every problem."""


def front_matter_problem(text: str) -> "str | None":
    """Why a page's metadata block would be shown as content, or `None` when it is fine.

    Args:
        text: The page's Markdown source, from its first line.

    Returns:
        A sentence naming the problem (and the line, for a YAML error), or
        `None` for a page without a block or with a block that is a mapping.
    """
    if not _OPENING.match(text):
        return None
    block = _BLOCK.match(text)
    if block is None:
        return "its front matter opens with '---' but has no closing '---' line"
    try:
        data = yaml.safe_load(block.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = "line %d: " % (mark.line + 2) if mark is not None else ""
        reason = getattr(error, "problem", None) or str(error).split("\n")[0]
        return "its front matter is not valid YAML (%s%s)" % (where, reason)
    if not isinstance(data, dict):
        return "its front matter is not a mapping of names to values (it reads as %s)" % type(data).__name__
    return None


def check_front_matter(text: str, path: str) -> None:
    """Stop the build when a page's metadata would be shown as its content.

    Args:
        text: The page's Markdown source.
        path: The page's path in `docs/`, for the message.

    Raises:
        BuildError: Naming the page, the problem and how to fix it.
    """
    problem = front_matter_problem(text)
    if problem:
        raise BuildError("%s: %s, so the page would show it as a heading. %s" % (path, problem, HOW_TO_FIX))
