"""The link contract: the sections consultants link to exist, and stay."""

from pathlib import Path

import pytest

from sitegen import BuildError, pages
from decision_core.framework.sections import SECTIONS
from tests.support.html import parse
from tests.support.site import ROOT, SiteBuildError, build_site, copy_project, page_html

pytestmark = pytest.mark.site

CONTRACT = ROOT / "tests" / "link_contract.txt"


def contract_urls() -> "list[str]":
    lines = CONTRACT.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_contract_lists_every_section_once():
    """Every section of sections.py is in link_contract.txt, once."""
    urls = contract_urls()
    assert len(urls) == len(set(urls)), "duplicate lines in tests/link_contract.txt"
    missing = [section.url for section in SECTIONS if section.url not in urls]
    assert missing == [], "sections.py has sections the contract does not list (add them): %s" % missing


def test_no_contract_line_was_dropped_from_sections():
    """Every line of link_contract.txt is still a section of sections.py: removing one is a breaking change."""
    known = {section.url for section in SECTIONS}
    dropped = [url for url in contract_urls() if url not in known]
    assert dropped == [], (
        "these published links are no longer in decision_core/sections.py; every link a consultant "
        "sent to them would break: %s" % dropped
    )


def test_contract_explains_why_lines_stay():
    """The contract file's header says that removing a line is a breaking change."""
    header = CONTRACT.read_text(encoding="utf-8").split("\n\n")[0]
    assert "BREAKING CHANGE" in header


@pytest.mark.parametrize("url", contract_urls())
def test_contract_url_lands_on_its_section(site_dir: Path, url: str):
    """Each published address names a built page holding an element with the anchor's id."""
    page, _, anchor = url.partition("#")
    path = site_dir / page / "index.html"
    assert path.is_file(), "the page of %s is not in the built site" % url
    assert anchor in pages.anchor_ids(page_html(site_dir, page)), "no id=%r on %s" % (anchor, page)


def test_no_page_repeats_an_id(html_pages: "dict[str, str]"):
    """Within a page every id is unique, so each anchor lands on exactly one place."""
    repeated = {}
    for path, html in html_pages.items():
        seen, twice = set(), []
        for anchor in parse(html, strict=False).ids():
            if anchor in seen and anchor not in twice:
                twice.append(anchor)
            seen.add(anchor)
        if twice:
            repeated[path] = twice[:5]
    assert repeated == {}


def test_check_reports_a_missing_anchor():
    """The check names the missing anchor, its page and its section."""
    built = {"basics/": pages.anchor_ids('<h2 id="what-is-fine-tuning">x</h2><p id="what-each-changes"></p>'
                                         '<h3 id="knowledge-base">y</h3>')}
    sections = [section for section in SECTIONS if section.page == "basics/"]
    problems = pages.contract_problems(built, sections)
    assert problems == ["basics/#what-is-rag: no element with id 'what-is-rag' on page 'basics/' "
                        "(section 'What RAG is')"]


def test_check_reports_a_missing_page():
    """A section whose page was not built is reported, not skipped."""
    problems = pages.contract_problems({}, [SECTIONS[0]])
    assert len(problems) == 1 and "is not in the built site" in problems[0]


def test_check_fails_the_build_with_every_problem():
    """check_contract raises BuildError (MkDocs' PluginError through the adapter) listing each missing anchor."""
    with pytest.raises(BuildError) as caught:
        pages.check_contract({"basics/": set()}, [s for s in SECTIONS if s.page == "basics/"])
    message = str(caught.value)
    assert "link contract is broken" in message
    for anchor in ("what-is-rag", "what-is-fine-tuning", "what-each-changes"):
        assert "#" + anchor in message


def test_check_passes_when_every_anchor_is_there():
    """No error when every section's id is on its page."""
    built = {}
    for section in SECTIONS:
        built.setdefault(section.page, set()).add(section.id)
    pages.check_contract(built, SECTIONS)


def test_anchor_ids_reads_ids_of_any_element():
    """Ids on headings, table rows and generated HTML all count; names and classes do not."""
    html = '<h2 id="a">A</h2><table><tr id="b"><td class="c" name="d">x</td></tr></table>'
    assert pages.anchor_ids(html) == {"a", "b"}


def test_removing_an_anchor_fails_the_build(tmp_path: Path):
    """A strict build of the guide with one contract anchor removed fails and names it."""
    project = copy_project(tmp_path / "project")
    basics = project / "docs" / "basics.md"
    text = basics.read_text(encoding="utf-8")
    assert "{ #what-is-rag }" in text
    basics.write_text(text.replace("{ #what-is-rag }", ""), encoding="utf-8")
    with pytest.raises(SiteBuildError) as caught:
        build_site(tmp_path / "site", root=project)
    assert "basics/#what-is-rag" in str(caught.value)
