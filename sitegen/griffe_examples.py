"""A griffe extension: read Google-style `Example:` sections as `Examples:`.

Google style (and Sphinx's Napoleon) accept both `Example:` and `Examples:`,
but griffe only treats the plural as an examples section, whose `>>>` lines
become highlighted Python; the singular becomes an admonition of Markdown, in
which `>>> call()` turns into nested block quotes and a printed list such as
`['rag', 'both']` into a broken cross-reference. `decision_core` writes
`Example:`, so the API reference reads both spellings the same way.

Listed under the mkdocstrings Python handler's `extensions` in mkdocs.yml.
"""

import re

import griffe

_EXAMPLE = re.compile(r"^([ \t]*)Example:[ \t]*$", re.MULTILINE)


class ExampleSections(griffe.Extension):
    """Rename every `Example:` section title to `Examples:` before docstrings are parsed."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: object) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _EXAMPLE.sub(r"\1Examples:", obj.docstring.value)
