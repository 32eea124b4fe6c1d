"""The built site loads nothing from any other host, and links its print stylesheet."""

import re
from pathlib import Path

import pytest

from tests.support.html import elements

pytestmark = pytest.mark.site

# Attributes that make a browser fetch something, by tag. Prose links (<a href>)
# to sources are fine: they are only followed when clicked.
FETCHING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "audio": ("src",),
    "video": ("src", "poster"),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "track": ("src",),
    "image": ("href", "xlink:href"),  # SVG
    "use": ("href", "xlink:href"),  # SVG
}
# <link rel=...> values that fetch or connect.
FETCHING_LINKS = {"stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch", "modulepreload",
                  "icon", "manifest", "apple-touch-icon", "prerender"}

EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def is_external(url: str) -> bool:
    """Whether a URL points to another host (`https://…`, `//…`); data: and relative URLs do not."""
    return bool(EXTERNAL.match(url))


def test_is_external_tells_hosts_apart():
    """Absolute and protocol-relative URLs are external; relative and data: URLs are not."""
    assert is_external("https://fonts.googleapis.com/css") and is_external("//cdn.example/x.js")
    assert not is_external("../assets/x.css") and not is_external("data:image/png;base64,AA")


def test_no_page_fetches_from_another_host(html_pages: "dict[str, str]", base_url: str):
    """No script, image, frame, media or stylesheet in any page comes from another host."""
    found = []
    for path, html in html_pages.items():
        for element in elements(html, "link", *FETCHING):
            if element.tag == "link":
                rels = set((element.attrs.get("rel") or "").lower().split())
                names = ("href",) if rels & FETCHING_LINKS else ()
            else:
                names = FETCHING[element.tag]
            for name in names:
                for url in re.split(r",\s*", element.attrs.get(name) or ""):
                    url = url.strip().split(" ")[0]
                    if url and is_external(url) and not url.startswith(base_url):
                        found.append("%s: <%s %s=%r>" % (path, element.tag, name, url))
    assert found == []


def test_no_page_has_inline_external_imports(html_pages: "dict[str, str]"):
    """No inline style imports or url()s another host, and no Google Fonts anywhere."""
    found = []
    for path, html in html_pages.items():
        for style in elements(html, "style"):
            found += ["%s: %s" % (path, hit) for hit in _css_fetches(style.text)]
        if "fonts.googleapis.com" in html or "fonts.gstatic.com" in html:
            found.append("%s: Google Fonts" % path)
    assert found == []


def _css_fetches(css: str) -> "list[str]":
    hits = []
    for match in re.finditer(r"url\(\s*['\"]?([^'\")]+)", css):
        if is_external(match.group(1)):
            hits.append("url(%s)" % match.group(1))
    for match in re.finditer(r"@import\s+(?:url\()?\s*['\"]?([^'\");\s]+)", css):
        if is_external(match.group(1)):
            hits.append("@import %s" % match.group(1))
    return hits


def test_no_stylesheet_fetches_from_another_host(site_dir: Path):
    """No CSS file in the site imports or loads a url() from another host."""
    found = []
    for path in sorted(site_dir.rglob("*.css")):
        found += ["%s: %s" % (path.relative_to(site_dir), hit) for hit in _css_fetches(path.read_text("utf-8"))]
    assert found == []


def test_every_page_links_the_print_stylesheet(html_pages: "dict[str, str]", site_dir: Path):
    """Each page links assets/stylesheets/print.css for print media, and the file exists."""
    assert (site_dir / "assets" / "stylesheets" / "print.css").is_file()
    missing = []
    for path, html in html_pages.items():
        links = [link for link in elements(html, "link")
                 if (link.attrs.get("href") or "").endswith("assets/stylesheets/print.css")
                 and link.attrs.get("media") == "print"]
        if not links:
            missing.append(path)
    assert missing == []


def test_print_stylesheet_hides_the_chrome(site_dir: Path):
    """The print stylesheet hides header, navigation, sidebars, footer, search and the palette toggle."""
    css = (site_dir / "assets" / "stylesheets" / "print.css").read_text("utf-8")
    assert "@media print" in css
    for selector in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search",
                     '[data-md-component="palette"]'):
        assert selector in css
    assert "break-inside: avoid" in css and "attr(data-print-url)" in css


def test_links_leaving_a_page_carry_their_printed_address(site_dir: Path, base_url: str):
    """A link from one page to another carries its absolute address for print; in-page links do not."""
    from tests.support.site import page_html

    links = elements(page_html(site_dir, "decision-table/"), "a")
    to_framework = [a for a in links if (a.attrs.get("href") or "").startswith("../framework/")]
    assert base_url + "framework/" in [a.attrs.get("data-print-url") for a in to_framework]
    in_page = [a for a in links if (a.attrs.get("href") or "").startswith("#")]
    assert in_page and all("data-print-url" not in a.attrs for a in in_page)
