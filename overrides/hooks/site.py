"""Build-time Python for the guide: a MkDocs hook (listed under `hooks:` in mkdocs.yml).

It does five things, each at the edge between the files and `decision_core`,
which stays pure:

1. **Generated parts.** A marker alone on a line of a page's Markdown, e.g.
   `<!-- decision_core:thresholds -->`, is replaced by what
   `decision_core.render` makes from the framework's data (see `RENDERERS`).
   A marker inside a fenced code block is left alone; an unknown marker fails
   the build.
2. **The link contract.** Every section in `decision_core.sections.SECTIONS`
   must have an element with its id on its page in the built site. The ids of
   every built page are collected, and the build fails with a `PluginError`
   listing every missing anchor (`contract_problems`).
3. **Descriptions for link previews.** A page without a `description` in its
   front matter gets its first paragraph as one, which the templates use for
   `<meta name="description">` and the Open Graph / Twitter card tags
   (overrides/main.html). Every description is stored HTML-escaped, ready
   for an attribute.
4. **Addresses for print.** Each link that leaves the page gets
   `data-print-url`, its absolute address on the published site, which the
   print stylesheet shows after the link's text. (Instant navigation rewrites
   `href`s in the browser, so the stylesheet cannot tell from `href` alone
   which links leave the page.)
5. **A smaller search index.** The API reference pages are left out of the
   search index that every reader downloads (`search: exclude`).
"""

import html as _html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
"""The repository: `decision_core` and `tests/scenarios/` live here."""

SCENARIOS = ROOT / "tests" / "scenarios" / "public.json"
"""The worked examples' cases."""

_MARKER_START = "<!--"
_MARKER_PREFIX = "decision_core:"


# -- The framework --------------------------------------------------------------------------


def _forget_framework():
    """Make the next `import decision_core` load it afresh from the repository.

    `mkdocs serve` keeps this hook loaded between rebuilds while `watch:`
    rebuilds on edits to `decision_core`; forgetting the cached modules lets
    the next build see those edits.
    """
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for name in [name for name in sys.modules if name == "decision_core" or name.startswith("decision_core.")]:
        del sys.modules[name]


def _relative(url: str, page_url: str) -> str:
    """A site-relative URL (`framework/#q1`) as a link from the page at `page_url`."""
    path, _, fragment = url.partition("#")
    if path == page_url and fragment:
        return "#" + fragment
    link = "../" * page_url.count("/") + path  # `404.html` sits at the root: no `../`.
    if not link:
        link = "./"
    return link + ("#" + fragment if fragment else "")


# -- 1. Markers -----------------------------------------------------------------------------


def _marker_name(line: str) -> "str | None":
    """The marker's name when the line holds only a marker, else `None`."""
    text = line.strip()
    if not (line.startswith(_MARKER_START) and text.endswith("-->")):
        return None
    inner = text[len(_MARKER_START):-3].strip()
    if not inner.startswith(_MARKER_PREFIX):
        return None
    return inner[len(_MARKER_PREFIX):].strip()


def replace_markers(markdown: str, render_marker) -> str:
    """Replace every marker line outside fenced code with `render_marker(name)`.

    Args:
        markdown: A page's Markdown.
        render_marker: Returns the Markdown or HTML for a marker's name.

    Returns:
        The Markdown with each marker replaced, surrounded by blank lines.
    """
    out = []
    fence = ""
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
        elif stripped.startswith("```") or stripped.startswith("~~~"):
            fence = stripped[:3]
        else:
            name = _marker_name(line)
            if name is not None:
                out.extend(("", render_marker(name), ""))
                continue
        out.append(line)
    return "\n".join(out)


class _Context:
    """What a marker's renderer may need: links relative to the page, the site's URL, page titles."""

    def __init__(self, page, site_url: str, titles: "dict[str, str]") -> None:
        self.page_url = page.url
        self.site_url = site_url
        self.titles = titles

    def href(self, url: str) -> str:
        return _relative(url, self.page_url)

    def title(self, page_url: str) -> str:
        return self.titles.get(page_url, page_url)


def _decision_table(render, context):
    from decision_core.rules import CRITERIA, OUTCOMES

    return render.decision_table_html(CRITERIA, OUTCOMES, context.href)


def _thresholds(render, context):
    from decision_core.rules import THRESHOLDS

    return render.thresholds_html(THRESHOLDS)


def _questions(render, context):
    from decision_core.questions import QUESTIONS

    return render.questions_html(QUESTIONS, context.href)


def _cost_inputs(render, context):
    from decision_core.cost_inputs import COST_INPUTS

    return render.cost_inputs_html(COST_INPUTS)


def _cost_chart(render, context):
    from decision_core.chart import cost_chart_svg, cost_table_html
    from decision_core.costs import CostInputs, compare

    comparison = compare(CostInputs.from_mapping({}))
    return render.cost_chart_html(
        cost_chart_svg(comparison), cost_table_html(comparison),
        "Cumulative cost of each approach over time with the default inputs; "
        "the table below gives the same figures.",
    )


def _examples(render, context):
    from decision_core.engine import recommend

    with SCENARIOS.open(encoding="utf-8") as file:
        scenarios = json.load(file)
    return render.examples_markdown(scenarios, recommend, context.href)


def _consultants(render, context):
    from decision_core.sections import SECTIONS

    return render.consultants_markdown(SECTIONS, context.site_url, context.title, context.href)


RENDERERS = (
    ("decision-table", _decision_table),
    ("thresholds", _thresholds),
    ("questions", _questions),
    ("cost-inputs", _cost_inputs),
    ("cost-chart", _cost_chart),
    ("examples", _examples),
    ("consultants", _consultants),
)
"""Each marker's name and the function that renders it. The `decision_core`
modules are imported when a marker is met, after `on_config` has made them
load afresh (see `_forget_framework`)."""

MARKERS = tuple(name for name, _ in RENDERERS)
"""Every marker the hook replaces, as in `<!-- decision_core:NAME -->`."""


def _renderer(page, config, titles):
    """The function that renders a marker on this page."""
    from decision_core import render

    context = _Context(page, (config.site_url if config else None) or "/", titles)

    def render_marker(name: str) -> str:
        for known, function in RENDERERS:
            if known == name:
                return function(render, context)
        raise PluginError(
            "Unknown marker <!-- decision_core:%s --> in %s. The markers are: %s."
            % (name, page.file.src_uri, ", ".join(MARKERS))
        )

    return render_marker


# -- 2. The link contract -------------------------------------------------------------------


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: "set[str]" = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


def anchor_ids(html: str) -> "set[str]":
    """Every `id` attribute in an HTML document.

    Args:
        html: The page.

    Returns:
        The ids.
    """
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return parser.ids


def contract_problems(built: "dict[str, set[str]]", sections) -> "list[str]":
    """What the built site lacks of the link contract.

    Args:
        built: For each built page's site-relative URL (`framework/`), the ids in its HTML.
        sections: The contract (`decision_core.sections.SECTIONS`).

    Returns:
        One line per missing page or anchor, empty when every section is there.
    """
    problems = []
    for section in sections:
        ids = built.get(section.page)
        if ids is None:
            problems.append("%s: the page %r is not in the built site (section %r, %r)"
                            % (section.url, section.page, section.id, section.title))
        elif section.id not in ids:
            problems.append("%s: no element with id %r on page %r (section %r)"
                            % (section.url, section.id, section.page, section.title))
    return problems


def check_contract(built: "dict[str, set[str]]", sections) -> None:
    """Fail the build when any section of the link contract is missing.

    Args:
        built: For each built page's site-relative URL, the ids in its HTML.
        sections: The contract (`decision_core.sections.SECTIONS`).

    Raises:
        PluginError: Listing every missing page and anchor.
    """
    problems = contract_problems(built, sections)
    if problems:
        raise PluginError(
            "The link contract is broken: consultants have sent links to these sections, "
            "and decision_core/sections.py promises them. Restore each anchor (a heading "
            "with `{ #anchor-id }`) or the page:\n  - " + "\n  - ".join(problems)
        )


# -- 3. Descriptions ------------------------------------------------------------------------


class _FirstParagraph(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: "list[str]" = []
        self.done = False

    def handle_starttag(self, tag, attrs):
        if tag == "p" and not self.done:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            if not self.depth and " ".join("".join(self.parts).split()):
                self.done = True

    def handle_data(self, data):
        if self.depth and not self.done:
            self.parts.append(data)


def first_paragraph(html: str, limit: int = 200) -> str:
    """The text of the first non-empty paragraph, shortened at a word to at most `limit` characters.

    Args:
        html: A page's content.
        limit: The longest text returned.

    Returns:
        Plain text (possibly empty).
    """
    parser = _FirstParagraph()
    parser.feed(html)
    text = " ".join("".join(parser.parts).split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


# -- 4. Addresses for print ------------------------------------------------------------------

_LINK = re.compile(r'<a href="([^"#][^"]*)"')


def add_print_urls(html: str, page_address: str) -> str:
    """Give each link that leaves the page a `data-print-url` with its absolute address.

    Args:
        html: A page's content.
        page_address: The page's absolute URL, e.g. `https://guide.example/framework/`.

    Returns:
        The content; links within the page (`href="#…"`) are left as they are.
    """

    def absolute(match: "re.Match[str]") -> str:
        target = urljoin(page_address, _html.unescape(match.group(1)))
        return '%s data-print-url="%s"' % (match.group(0), _html.escape(target, True))

    return _LINK.sub(absolute, html)


# -- MkDocs events --------------------------------------------------------------------------

_built: "dict[str, set[str]]" = {}
_titles: "dict[str, str]" = {}


def on_config(config):
    _forget_framework()
    _built.clear()
    return config


def on_nav(nav, config, files):
    _titles.clear()
    for page in nav.pages:
        if page.title:
            _titles[page.url] = page.title
    return nav


def on_page_markdown(markdown, page, config, files):
    if page.url.startswith("reference/"):
        # The API reference is for maintainers, who reach it from the
        # navigation; left in, it would be half the search index that every
        # reader downloads on every page (measured: 141 of 275 kB).
        page.meta.setdefault("search", {"exclude": True})
    if _MARKER_PREFIX not in markdown:
        return markdown
    return replace_markers(markdown, _renderer(page, config, _titles))


def on_page_content(html, page, config, files):
    description = page.meta.get("description") or first_paragraph(html)
    if description:
        # Material writes `page.meta.description` into an attribute unescaped:
        # escape it once here, so a quote in a paragraph cannot end it early.
        page.meta["description"] = _html.escape(" ".join(str(description).split()), True)
    return add_print_urls(html, (config.site_url or "/") + page.url)


def on_post_page(output, page, config):
    _built[page.url] = anchor_ids(output)
    return output


def on_post_build(config):
    from decision_core.sections import SECTIONS

    check_contract(_built, SECTIONS)
