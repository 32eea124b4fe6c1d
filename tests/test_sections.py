"""The section registry: the link contract that reasons, caveats and pages point to."""

import pytest

from decision_core.base.errors import UnknownSection
from decision_core.framework.sections import SECTIONS, get_section, section_url


def test_section_ids_are_unique():
    """No two sections share an anchor id."""
    ids = [section.id for section in SECTIONS]
    assert len(ids) == len(set(ids))


def test_section_url_joins_page_and_anchor():
    """A section's URL is its page followed by its anchor."""
    assert section_url("q1-knowledge-change") == "framework/#q1-knowledge-change"
    assert get_section("quiz-result").url == "quiz/#quiz-result"


def test_unknown_section_names_the_id():
    """Asking for an unknown section raises UnknownSection naming the id."""
    with pytest.raises(UnknownSection) as caught:
        section_url("nowhere")
    assert caught.value.section_id == "nowhere"
    assert "nowhere" in str(caught.value)


def test_every_page_url_is_relative_with_a_trailing_slash():
    """Pages are site-relative directory URLs, so links work under any base URL."""
    for section in SECTIONS:
        assert not section.page.startswith("/") and section.page.endswith("/")
        assert section.title and section.summary
