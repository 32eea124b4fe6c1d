"""The one MkDocs adapter (sitegen/mkdocs_hook.py): what it does to a page's metadata and content."""

import pytest

from tests.support.site import ROOT, load_by_path


@pytest.fixture(scope="module")
def hook():
    """sitegen/mkdocs_hook.py, imported as MkDocs imports it (by path)."""
    return load_by_path(ROOT / "sitegen" / "mkdocs_hook.py", "decision_guide_mkdocs_hook")


class _File:
    src_uri = "x.md"
    content_string = "# X\n"


class _Page:
    url = "x/"
    file = _File

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
def test_front_matter_that_would_show_as_content_stops_the_build(hook):
    """A page whose front matter is not valid YAML fails the build with a PluginError naming the page."""
    from mkdocs.exceptions import PluginError

    class File:
        src_uri = "broken.md"
        content_string = "---\ndescription: For maintainers: where things live.\n---\n# Broken\n"

    page = _Page({})
    page.file = File

    class Config(dict):
        site_url = ""

    with pytest.raises(PluginError, match="broken.md: its front matter is not valid YAML"):
        hook.on_page_markdown("---\n# Broken\n", page, Config(), None)


def test_gh_deploy_with_a_loopback_address_stops_in_on_config(hook, monkeypatch):
    """`mkdocs gh-deploy` publishes: with the local default address the adapter refuses to build."""
    from mkdocs.exceptions import PluginError

    # Keep this test session's modules: the adapter forgets them for `mkdocs serve`.
    monkeypatch.setattr(hook, "_forget_modules", lambda: None)

    class Config(dict):
        site_url = "http://127.0.0.1:8000/"

    hook.on_startup(command="gh-deploy", dirty=False)
    try:
        with pytest.raises(PluginError, match="only works on this machine"):
            hook.on_config(Config())
    finally:
        hook.on_startup(command="build", dirty=False)
