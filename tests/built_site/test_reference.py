"""The API reference: one page per module of decision_core, each a single mkdocstrings directive."""

from pathlib import Path

import pytest

from tests.support.site import ROOT

pytestmark = pytest.mark.site

MODULES = sorted(path.stem for path in (ROOT / "decision_core").glob("*.py") if not path.stem.startswith("_"))


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_its_reference_page(module: str):
    """docs/reference/<module>.md holds exactly `::: decision_core.<module>` and is in the navigation."""
    page = ROOT / "docs" / "reference" / (module + ".md")
    assert page.is_file(), "add docs/reference/%s.md and its nav entry in mkdocs.yml" % module
    assert page.read_text(encoding="utf-8").strip() == "::: decision_core." + module
    assert "reference/%s.md" % module in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("module", MODULES)
def test_reference_page_is_built_with_the_modules_docs(site_dir: Path, module: str):
    """The built reference page has the module's heading as its anchor (mkdocstrings' id)."""
    html = (site_dir / "reference" / module / "index.html").read_text(encoding="utf-8")
    assert 'id="decision_core.%s"' % module in html


def test_reference_pages_are_left_out_of_the_search_index(site_dir: Path):
    """Readers search the guide, not the API: no reference page is in the search index."""
    import json

    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("framework/") for location in locations)
    assert not [location for location in locations if location.startswith("reference/")]


@pytest.mark.parametrize("page", ["maintainers/", "changelog/", "performance/"])
def test_pages_for_maintainers_are_left_out_of_the_search_index(site_dir: Path, page):
    """Every reader downloads the search index on every page: it holds the guide, not the maintainers' pages."""
    import json

    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("examples/") for location in locations)
    assert not [location for location in locations if location.startswith(page)]
    assert (site_dir / page / "index.html").is_file()
