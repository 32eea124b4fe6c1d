"""The site build, apart from MkDocs: generators, checks and the widget runtime's files.

Everything the build adds to the guide is here, as plain functions that know
nothing of MkDocs' event API:

- `markers`: the one marker scheme, `<!-- generate:NAME -->` alone on a line
  of a page, and the table of generators behind the names (`GENERATORS`);
- `tables`, `examples`, `consultants`: what the generators write, from
  `decision_core`'s data (the quiz form and the calculator come from
  `decision_core.views`);
- `pages`: checks and touches on built pages: the link contract, link-preview
  descriptions, addresses for print;
- `runtime`: the browser runtime: which interpreter, which files are copied
  into the site, what widget pages preload; `bytecode` compiles the
  package to MicroPython bytecode for it; `precompress` writes the `.br` and
  `.gz` copies of the built site's files.

`sitegen/mkdocs_hook.py` is the one thin adapter that MkDocs loads (listed
under `hooks:` in `mkdocs.yml`): it turns MkDocs' events into calls to these
modules. Moving to another site generator (Material names Zensical as its
successor) means rewriting that adapter, not the generators.
"""


class BuildError(Exception):
    """Something the build cannot go on without: the message says what to fix."""
