"""Front matter: every page's metadata block parses as a YAML mapping, so none is shown as content."""

import pathlib

import pytest
import yaml
from mkdocs.utils.meta import get_data

from sitegen import BuildError
from sitegen.frontmatter import check_front_matter, front_matter_problem

ROOT = pathlib.Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md"))


def _block(text: str) -> "str | None":
    """The lines between a page's opening `---` and the next `---`, or None without an opening one."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    for index, line in enumerate(lines[1:], 1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1:index])
    return ""


@pytest.mark.parametrize("path", PAGES, ids=[path.relative_to(ROOT / "docs").as_posix() for path in PAGES])
def test_every_page_front_matter_is_a_yaml_mapping_mkdocs_keeps_out_of_the_page(path):
    """Each page's front matter parses as a YAML mapping, and MkDocs takes it out of the page's content."""
    text = path.read_text(encoding="utf-8")
    block = _block(text)
    if block is None:
        return
    assert isinstance(yaml.safe_load(block), dict), "front matter of %s is not a mapping" % path.name
    content, meta = get_data(text)
    assert meta and not content.startswith("---"), "MkDocs would show the front matter of %s" % path.name
    assert front_matter_problem(text) is None


@pytest.mark.parametrize(("text", "words"), [
    ("---\ndescription: The default: start with RAG.\n---\n# Page\n", "not valid YAML (line 2: mapping values"),
    ("---\ntemplate: widget.html\ndescription: a # b: c\n  d: e\n---\n", "not valid YAML (line 4"),
    ("---\n- description\n- template\n---\n# Page\n", "not a mapping"),
    ("---\nJust a sentence\n---\n# Page\n", "not a mapping"),
    ("---\ndescription: no end\n# Page\n", "no closing '---'"),
])
def test_front_matter_that_would_show_as_content_is_named(text, words):
    """A colon in a plain value, a list, a sentence or an unclosed block is reported with its line."""
    assert words in front_matter_problem(text)
    content, meta = get_data(text)
    assert content.startswith("---"), "MkDocs shows this block as content"


@pytest.mark.parametrize("text", [
    "# No front matter\n\nText: with a colon.\n",
    "---\ndescription: >-\n  The default: start with RAG.\n---\n# Page\n",
    "---\ndescription: 'The default: start with RAG.'\ntemplate: widget.html\n---\n",
    "Text\n\n---\n\nA rule later in the page is not front matter.\n",
])
def test_valid_or_absent_front_matter_passes(text):
    """Quoted or folded values, no block at all, or a rule further down: nothing to report."""
    assert front_matter_problem(text) is None


def test_a_bad_page_stops_the_build_naming_the_file_and_the_fix():
    """The build's check names the page and says how to write the value."""
    with pytest.raises(BuildError, match=r"^docs-page\.md: its front matter is not valid YAML.*folded block"):
        check_front_matter("---\ndescription: a: b\n---\n", "docs-page.md")

