"""Fixtures for the tests of the built site: the site is built once per session."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # For `tests.support` and `decision_core` under any pytest entry point.
    sys.path.insert(0, str(ROOT))

from tests.support.site import built_site, site_url  # noqa: E402


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site (`$SITE_DIR`, or a strict build made once per session)."""
    return built_site()


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
