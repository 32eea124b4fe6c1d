"""sitegen's touches on built pages: print addresses and descriptions (the link contract: tests/built_site)."""

from sitegen.pages import add_print_urls, first_paragraph


def test_print_urls_are_absolute_and_skip_in_page_links():
    """Links to other pages and sites get their absolute address; `#…` links and other attributes stay."""
    html = ('<a href="../framework/#q1">a</a> <a href="#here">b</a> '
            '<a href="https://example.org/?a=1&amp;b=2">c</a> <a class="x" href="y/">d</a>')
    out = add_print_urls(html, "https://guide.example/examples/")
    assert '<a href="../framework/#q1" data-print-url="https://guide.example/framework/#q1">' in out
    assert '<a href="#here">' in out
    assert 'data-print-url="https://example.org/?a=1&amp;b=2"' in out
    assert '<a class="x" href="y/">' in out


def test_first_paragraph_becomes_the_description():
    """A page without a front-matter description uses its first non-empty paragraph, shortened at a word."""
    html = "<h1>T</h1><p> </p><p>First <em>real</em>\n paragraph.</p><p>Second.</p>"
    assert first_paragraph(html) == "First real paragraph."
    long = "<p>" + "word " * 100 + "</p>"
    text = first_paragraph(long, limit=50)
    assert len(text) <= 50 and text.endswith("…") and " wor…" not in text
