"""Fixtures for the tests of the built site (`site_dir` is tests/conftest.py's: built once per session)."""

from pathlib import Path

import pytest

from tests.support.site import site_url


@pytest.fixture(scope="session")
def base_url() -> str:
    """The absolute URL the site was built for, ending with `/`."""
    return site_url()


@pytest.fixture(scope="session")
def html_pages(site_dir: Path) -> "dict[str, str]":
    """Every built HTML page, by its path in the site (`framework/index.html`)."""
    return {
        path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site_dir.rglob("*.html"))
    }
