"""The built pages a reader meets first: no metadata shown as content, a home page and 404 that lead on, a clear navigation."""

import re
from pathlib import Path

import pytest
import yaml

from tests.support.html import elements, text_of
from tests.support.site import ROOT, page_html

pytestmark = pytest.mark.site

FRONT_MATTER_KEYS = ("description", "template", "title", "hide", "search", "status", "icon")
"""Names a page's front matter may hold: a heading that starts with one of them is metadata shown as content."""


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's YAML, with its `!ENV` and `!!python/name` tags read as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def test_no_page_shows_its_front_matter(html_pages):
    """No heading of any built page reads "description: …", and no page opens with a rule before its title."""
    shown = []
    for path, html in html_pages.items():
        for heading in elements(html, "h1", "h2", "h3"):
            if re.match(r"(%s):" % "|".join(FRONT_MATTER_KEYS), text_of(heading)):
                shown.append("%s: %s" % (path, text_of(heading)[:60]))
        article = html.split('<article class="md-content__inner md-typeset">', 1)[-1]
        if article.lstrip().startswith("<hr"):
            shown.append("%s opens with a rule" % path)
    assert shown == []


@pytest.mark.parametrize("page", ["recommendation/", "authorities/", "maintainers/"])
def test_the_pages_that_showed_their_description_now_use_it_for_previews(site_dir: Path, page: str):
    """The three pages whose front matter did not parse: their description is their preview, not a heading."""
    html = page_html(site_dir, page)
    description = [meta.attrs["content"] for meta in elements(html, "meta")
                   if meta.attrs.get("name") == "description"]
    source = (ROOT / "docs" / (page.rstrip("/") + ".md")).read_text(encoding="utf-8")
    expected = " ".join(yaml.safe_load(source.split("---")[1])["description"].split())
    assert description == [expected]
    assert "description:" not in text_of(elements(html, "article")[0])


def test_the_home_page_asks_the_reader_to_answer_four_questions_before_anything_else(site_dir: Path):
    """The home page's first links after its lead are the quiz (primary button) and the short answer."""
    html = page_html(site_dir, "")
    buttons = [a for a in elements(html, "a") if "md-button" in (a.attrs.get("class") or "")]
    assert [(text_of(a), a.attrs["href"]) for a in buttons[:2]] == [
        ("Answer four questions", "quiz/"), ("Read the short answer", "#short-answer")]
    assert "md-button--primary" in buttons[0].attrs["class"]


def test_navigation_puts_the_clients_guide_first_and_groups_the_maintainers_pages():
    """Home, then the quiz and the guide's pages; consultants' and maintainers' pages last, the latter grouped."""
    nav = _config()["nav"]
    titles = [next(iter(item)) for item in nav]
    assert titles[:2] == ["Home", "The quiz"]
    assert titles[-2:] == ["Links for consultants", "For maintainers"]
    maintainers = nav[-1]["For maintainers"]
    flat = repr(maintainers)
    for page in ("maintainers.md", "reference/index.md", "performance.md", "changelog.md"):
        assert page in flat
    client = repr(nav[:-1])
    for page in ("maintainers.md", "reference/", "performance.md", "changelog.md"):
        assert page not in client


def test_the_phones_short_site_name_is_the_start_of_the_site_name_at_a_word_end():
    """site.css draws a short name on phones: it must be how site_name starts, cut after a whole word."""
    css = (ROOT / "docs" / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    short = re.search(r'\.md-ellipsis::before \{\s*content: "([^"]+)"', css).group(1)
    name = _config()["site_name"]
    assert name.startswith(short) and name[len(short)] == " "


def test_the_404_page_leads_to_the_quiz_home_and_search(site_dir: Path):
    """The 404 page is in the site's template, with its own heading and links to the quiz, home and search."""
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert [text_of(h) for h in elements(html, "h1")] == ["Page not found"]
    links = {text_of(a): a.attrs["href"] for a in elements(html, "a")}
    assert links["Answer four questions"].endswith("/quiz/")
    assert links["Go to the home page"] in ("/", "./")
    assert any("data-open-search" in b.attrs for b in elements(html, "button"))
    assert 'class="md-header' in html and "assets/stylesheets/site.css" in html
