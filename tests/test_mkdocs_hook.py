"""The one MkDocs adapter (sitegen/mkdocs_hook.py): what it does to a page's metadata and content."""

import importlib.util
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hook():
    """sitegen/mkdocs_hook.py, imported as MkDocs imports it (by path)."""
    spec = importlib.util.spec_from_file_location("decision_guide_mkdocs_hook", ROOT / "sitegen" / "mkdocs_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Page:
    url = "x/"

    def __init__(self, meta):
        self.meta = meta


class _Config:
    site_url = "https://guide.example/"


def test_descriptions_are_stored_ready_for_an_attribute(hook):
    """A description from the first paragraph or the front matter is escaped once, whitespace collapsed."""
    generated = _Page({})
    hook.on_page_content('<p>He said "hi" &amp; left\n now.</p>', generated, _Config, None)
    assert generated.meta["description"] == "He said &quot;hi&quot; &amp; left now."
    authored = _Page({"description": 'Costs "as of" 2026 & sources'})
    hook.on_page_content("<p>x</p>", authored, _Config, None)
    assert authored.meta["description"] == "Costs &quot;as of&quot; 2026 &amp; sources"


def test_an_unknown_marker_stops_the_build_with_mkdocs_error(hook):
    """A sitegen BuildError reaches MkDocs as a PluginError naming the marker."""
    from mkdocs.exceptions import PluginError

    class Config(dict):
        site_url = ""

    with pytest.raises(PluginError, match="generate:nope"):
        hook.on_page_markdown("<!-- generate:nope -->", _Page({}), Config(), None)


def test_the_hook_fails_a_strict_build_on_an_expired_fact_and_lets_others_go_on(hook, monkeypatch):
    """Strict: a PluginError naming the fact; not strict: the build goes on (with a warning)."""
    from mkdocs.exceptions import PluginError

    monkeypatch.setenv("FACTS_TODAY", "2027-01-15")
    with pytest.raises(PluginError, match="openai-gpt-4-1-mini-shutdown"):
        hook._check_facts({"strict": True})
    hook._check_facts({"strict": False})
