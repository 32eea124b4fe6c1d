"""sitegen's one marker scheme: markers replaced by generators, links relative to the page."""

import pytest

from sitegen import BuildError
from sitegen.markers import NAMES, Context, generate, marker_names, replace_markers


def test_marker_alone_on_a_line_is_replaced():
    """A marker on its own line becomes the generator's output, between blank lines."""
    out = replace_markers("a\n<!-- generate:thresholds -->\nb", lambda name: "[%s]" % name)
    assert out == "a\n\n[thresholds]\n\nb"


@pytest.mark.parametrize("markdown", [
    "```md\n<!-- generate:thresholds -->\n```",
    "~~~\n<!-- generate:thresholds -->\n~~~",
    "Write `<!-- generate:thresholds -->` on its own line.",
    "<!-- decision_core:thresholds -->",
])
def test_quoted_and_foreign_markers_are_left_alone(markdown):
    """Markers in fenced or inline code are documentation; other comments are not markers."""
    assert replace_markers(markdown, lambda name: "REPLACED") == markdown
    assert marker_names(markdown) == []


def test_unknown_marker_fails_the_build_naming_the_known_ones():
    """A misspelt marker stops the build and lists the markers that exist."""
    with pytest.raises(BuildError, match="decision-table, thresholds"):
        replace_markers("<!-- generate:threshold -->", lambda name: generate(name, Context("x/")))


def test_every_page_marker_has_a_generator():
    """Each marker written in docs/ names a generator, and every generator is used by some page."""
    import pathlib

    docs = pathlib.Path(__file__).resolve().parents[1] / "docs"
    used = set()
    for page in docs.rglob("*.md"):
        used.update(marker_names(page.read_text(encoding="utf-8")))
    assert used == set(NAMES)


@pytest.mark.parametrize(("url", "page", "link"), [
    ("framework/#q1-knowledge-change", "examples/", "../framework/#q1-knowledge-change"),
    ("framework/#q1-knowledge-change", "framework/", "#q1-knowledge-change"),
    ("framework/", "", "framework/"),
    ("", "reference/model/engine/", "../../../"),
    ("quiz/#quiz", "404.html", "quiz/#quiz"),
])
def test_links_are_relative_to_the_page(url, page, link):
    """Generated links work wherever the site is hosted: they are relative to the page."""
    assert Context(page).href(url) == link


@pytest.mark.parametrize("url, base", [("quiz/", "../"), ("a/b/quiz/", "../../../"), ("quiz.html", "")])
def test_quiz_generator_writes_page_relative_links(url, base):
    """The quiz form's links are relative to its page, so the site works under any path."""
    html = generate("quiz", Context(url))
    assert 'data-widget="quiz"' in html
    assert 'href="%sframework/#q1-knowledge-change"' % base in html
