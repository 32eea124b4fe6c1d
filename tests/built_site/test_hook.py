"""The build hook's marker replacement (overrides/hooks/site.py), without building the site."""

import pytest


def test_marker_alone_on_a_line_is_replaced(site_hook):
    """A marker on its own line becomes the renderer's output, between blank lines."""
    out = site_hook.replace_markers("a\n<!-- decision_core:thresholds -->\nb", lambda name: "[%s]" % name)
    assert out == "a\n\n[thresholds]\n\nb"


@pytest.mark.parametrize("markdown", [
    "```md\n<!-- decision_core:thresholds -->\n```",
    "~~~\n<!-- decision_core:thresholds -->\n~~~",
    "Write `<!-- decision_core:thresholds -->` on its own line.",
    "    <!-- decision_core:thresholds -->",
])
def test_quoted_markers_are_left_alone(site_hook, markdown):
    """Markers in fenced code, inline code or indented code are documentation, not markers."""
    assert site_hook.replace_markers(markdown, lambda name: "REPLACED") == markdown


def test_unknown_marker_fails_the_build(site_hook):
    """A misspelt marker stops the build and lists the markers that exist."""
    from mkdocs.exceptions import PluginError

    class Page:
        url = "x/"

        class file:
            src_uri = "x.md"

    render_marker = site_hook._renderer(Page, None, {})
    with pytest.raises(PluginError, match="decision-table, thresholds"):
        site_hook.replace_markers("<!-- decision_core:threshold -->", render_marker)


@pytest.mark.parametrize(("url", "page", "link"), [
    ("framework/#q1-knowledge-change", "examples/", "../framework/#q1-knowledge-change"),
    ("framework/#q1-knowledge-change", "framework/", "#q1-knowledge-change"),
    ("framework/", "", "framework/"),
    ("", "reference/render/", "../../"),
    ("quiz/#quiz", "404.html", "quiz/#quiz"),
])
def test_links_are_relative_to_the_page(site_hook, url, page, link):
    """Generated links work wherever the site is hosted: they are relative to the page."""
    assert site_hook._relative(url, page) == link


def test_print_urls_are_absolute_and_skip_in_page_links(site_hook):
    """Links to other pages and sites get their absolute address; `#…` links and other attributes stay."""
    html = ('<a href="../framework/#q1">a</a> <a href="#here">b</a> '
            '<a href="https://example.org/?a=1&amp;b=2">c</a> <a class="x" href="y/">d</a>')
    out = site_hook.add_print_urls(html, "https://guide.example/examples/")
    assert '<a href="../framework/#q1" data-print-url="https://guide.example/framework/#q1">' in out
    assert '<a href="#here">' in out
    assert 'data-print-url="https://example.org/?a=1&amp;b=2"' in out
    assert '<a class="x" href="y/">' in out


def test_descriptions_are_stored_ready_for_an_attribute(site_hook):
    """A description from the first paragraph or the front matter is escaped once, whitespace collapsed."""

    class Page:
        url = "x/"

        def __init__(self, meta):
            self.meta = meta

    class Config:
        site_url = "https://guide.example/"

    generated = Page({})
    site_hook.on_page_content('<p>He said "hi" &amp; left\n now.</p>', generated, Config, None)
    assert generated.meta["description"] == "He said &quot;hi&quot; &amp; left now."
    authored = Page({"description": 'Costs "as of" 2026 & sources'})
    site_hook.on_page_content("<p>x</p>", authored, Config, None)
    assert authored.meta["description"] == "Costs &quot;as of&quot; 2026 &amp; sources"
