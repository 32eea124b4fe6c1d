"""The one MkDocs adapter (listed under `hooks:` in mkdocs.yml): MkDocs' events, turned into `sitegen` calls.

This is the only file that knows MkDocs. Each event hands the page or the
site to `sitegen`, whose modules know nothing of MkDocs' event API:

| event | what happens |
|---|---|
| `on_startup` | note the command (`build`, `serve`, `gh-deploy`) |
| `on_config` | refuse a loopback site address in a build for publishing (`sitegen.publishing`); forget cached `decision_core`/`sitegen` modules (so `mkdocs serve` sees edits), check the facts' dates (`sitegen.facts`), prepare the widget runtime (`sitegen.runtime`), add the calculator's stylesheet |
| `on_nav` | note every page's title (the consultants' page names pages by title) |
| `on_page_markdown` | stop on front matter that would show as content (`sitegen.frontmatter`); replace the markers with generated parts (`sitegen.markers`); keep the maintainers' pages out of the search index |
| `on_page_content` | a description for link previews; addresses for print (`sitegen.pages`) |
| `on_env` | the runtime's settings for the templates, as `widget_runtime` |
| `on_post_page` | note the ids of each built page |
| `on_post_build` | check the link contract; copy the runtime into the site; write the content security and referrer policies into every page (`sitegen.csp`), then the precompressed `.br`/`.gz` copies (`sitegen.precompress`), except under `mkdocs serve`, whose live reload injects an inline script and which serves no copies |

A `sitegen.BuildError` becomes MkDocs' `PluginError`, which stops the build
with its message. A fact past its end date does the same in a strict build
(and is a warning otherwise); a stale fact is a warning that never stops a
build, so it goes to a logger of its own, which MkDocs' strict mode does not
count.
"""

import html
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[1]
"""The checkout: `decision_core/` and `sitegen/` live here."""

CALCULATOR_STYLESHEET = "assets/widgets/calculator.css"
"""The calculator's stylesheet: added to every page, since instant navigation keeps one `<head>`."""

MAINTAINER_PAGES = ("reference/", "maintainers/", "changelog/", "performance/")
"""Pages for maintainers, left out of the search index that every reader downloads on every page load.

Maintainers reach them from the navigation. Left in, the API reference was half
of the index (141 of 275 kB); the maintainers' page, the changelog and the
Performance page were later a third of it: 266 kB, 54 kB with Brotli, against
174 kB and 32 kB without them (29 November 2026)."""

_log = logging.getLogger("mkdocs.hooks.decision_guide")
_state: "dict[str, object]" = {"command": "build"}
_built: "dict[str, set[str]]" = {}
_titles: "dict[str, str]" = {}


def _forget_modules() -> None:
    """Make the next imports load `decision_core` and `sitegen` afresh from the checkout.

    `mkdocs serve` keeps this hook loaded between rebuilds while `watch:`
    rebuilds on edits; forgetting the cached modules lets the next build see them.
    """
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for name in list(sys.modules):
        if name in ("decision_core", "sitegen") or name.startswith(("decision_core.", "sitegen.")):
            del sys.modules[name]


def _fail(error: Exception) -> PluginError:
    return PluginError("sitegen: " + str(error))


def _facts_logger() -> logging.Logger:
    """A logger for warnings that must not stop a strict build (MkDocs counts only its own loggers')."""
    logger = logging.getLogger("sitegen.facts")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("WARNING -  sitegen: %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    return logger


def _check_facts(config) -> None:
    from sitegen import facts

    report = facts.check_site_facts()
    for line in report.warnings():
        _facts_logger().warning(line)
    errors = report.errors()
    if errors and config.get("strict"):
        raise PluginError("sitegen: facts past their end date (the strict build stops):\n- " + "\n- ".join(errors))
    for line in errors:
        logging.getLogger("mkdocs.plugins.sitegen").warning("sitegen: " + line)


def _context(page, config):
    from sitegen.markers import Context

    return Context(page.url, config.site_url or "", _titles, dict(config.get("extra") or {}))


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    _forget_modules()
    from sitegen import BuildError, publishing, runtime

    _built.clear()
    command = _state.get("command")
    try:
        note = publishing.check_site_url(
            config.site_url or "", publishing.is_publishing(command, os.environ.get("PUBLISHING")))
    except BuildError as error:
        raise _fail(error) from None
    if note and command != "serve":
        _log.info(note)
    try:
        _check_facts(config)
        _state["runtime"] = runtime.prepare(config.get("extra"), Path(config["docs_dir"]))
    except BuildError as error:
        raise _fail(error) from None
    if CALCULATOR_STYLESHEET not in config.extra_css:
        config.extra_css.append(CALCULATOR_STYLESHEET)
    return config


def on_nav(nav, config, files):
    _titles.clear()
    for page in nav.pages:
        if page.title:
            _titles[page.url] = page.title
    return nav


def on_page_markdown(markdown, page, config, files):
    from sitegen import BuildError, frontmatter, markers

    try:
        frontmatter.check_front_matter(page.file.content_string, page.file.src_uri)
    except BuildError as error:
        raise _fail(error) from None

    if page.url.startswith(MAINTAINER_PAGES):
        page.meta.setdefault("search", {"exclude": True})
    context = _context(page, config)
    try:
        return markers.replace_markers(markdown, lambda name: markers.generate(name, context))
    except BuildError as error:
        raise _fail(error) from None


def on_page_content(content, page, config, files):
    from sitegen import pages

    description = page.meta.get("description") or pages.first_paragraph(content)
    if description:
        # Material writes `page.meta.description` into an attribute unescaped:
        # escape it once here, so a quote in a paragraph cannot end it early.
        page.meta["description"] = html.escape(" ".join(str(description).split()), True)
    return pages.add_print_urls(content, (config.site_url or "/") + page.url)


def on_env(env, config, files):
    runtime = _state.get("runtime")
    env.globals["widget_runtime"] = runtime.settings if runtime else None
    return env


def on_post_page(output, page, config):
    from sitegen import pages

    _built[page.url] = pages.anchor_ids(output)
    return output


def on_post_build(config):
    from decision_core.framework.sections import SECTIONS
    from sitegen import BuildError, pages, runtime

    try:
        pages.check_contract(_built, SECTIONS)
    except BuildError as error:
        raise _fail(error) from None
    runtime.copy_into(Path(config["site_dir"]), _state["runtime"])
    if _state["command"] != "serve":
        from sitegen.precompress import precompress_site

        _write_policies(Path(config["site_dir"]))
        # Last, once every file is final: the copies must equal what they compress.
        precompress_site(Path(config["site_dir"]))


def _write_policies(site_dir):
    from sitegen import csp

    pages = sorted(site_dir.rglob("*.html"))
    texts = [page.read_text(encoding="utf-8") for page in pages]
    content_security_policy = csp.policy(csp.inline_hashes(*texts))
    for page, text in zip(pages, texts):
        page.write_text(csp.with_policies(text, content_security_policy), encoding="utf-8")
