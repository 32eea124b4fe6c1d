"""Checks and touches on built pages: the link contract, link-preview descriptions, addresses for print.

- **The link contract.** Every section in
  `decision_core.framework.sections.SECTIONS` must have an element with its
  id on its page in the built site; `contract_problems` lists what is missing.
- **Descriptions for link previews.** A page without a `description` gets
  its first paragraph as one (`first_paragraph`), for `<meta name="description">`
  and the Open Graph / Twitter card tags.
- **Addresses for print.** Each link that leaves the page gets
  `data-print-url`, its absolute address on the published site, which the
  print stylesheet shows after the link's text (`add_print_urls`).
"""

import html as _html
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

from . import BuildError

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
        sections: The contract (`decision_core.framework.sections.SECTIONS`).

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
        sections: The contract (`decision_core.framework.sections.SECTIONS`).

    Raises:
        BuildError: Listing every missing page and anchor.
    """
    problems = contract_problems(built, sections)
    if problems:
        raise BuildError(
            "The link contract is broken: consultants have sent links to these sections, "
            "and decision_core/framework/sections.py promises them. Restore each anchor (a heading "
            "with `{ #anchor-id }`) or the page:\n  - " + "\n  - ".join(problems)
        )


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
