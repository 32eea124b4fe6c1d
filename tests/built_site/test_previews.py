"""Link previews: every page carries Open Graph and Twitter card metadata."""

import struct
from pathlib import Path

import pytest

from tests.support.html import elements

pytestmark = pytest.mark.site


def metadata(html: str) -> "dict[str, str]":
    found = {}
    for meta in elements(html, "meta"):
        key = meta.attrs.get("property") or meta.attrs.get("name")
        if key:
            found[key] = meta.attrs.get("content") or ""
    return found


def pages(html_pages: "dict[str, str]") -> "dict[str, str]":
    """The site's pages, without the 404 page (it has no address of its own)."""
    return {path: html for path, html in html_pages.items() if path != "404.html"}


def test_every_page_has_a_preview(html_pages: "dict[str, str]"):
    """og:title, og:description, og:image, og:url and twitter:card are on every page, none empty."""
    missing = []
    for path, html in pages(html_pages).items():
        meta = metadata(html)
        for key in ("og:title", "og:description", "og:image", "og:url", "twitter:card"):
            if not meta.get(key, "").strip():
                missing.append("%s: %s" % (path, key))
    assert missing == []


def test_preview_urls_are_absolute_and_on_the_site(html_pages: "dict[str, str]", base_url: str):
    """og:image and og:url are absolute URLs on the site itself; the card is a large image."""
    for path, html in pages(html_pages).items():
        meta = metadata(html)
        assert meta["og:image"] == base_url + "assets/images/social-card.png", path
        expected = base_url + (path[: -len("index.html")] if path.endswith("index.html") else path)
        assert meta["og:url"] == expected, path
        assert meta["twitter:card"] == "summary_large_image", path
        assert meta["twitter:image"] == meta["og:image"] and meta["twitter:title"] == meta["og:title"], path


def test_descriptions_differ_between_pages(html_pages: "dict[str, str]"):
    """Pages get their own description (front matter or first paragraph), not all the site's."""
    descriptions = [metadata(html)["og:description"] for html in pages(html_pages).values()]
    assert len(set(descriptions)) > len(descriptions) // 2


def test_preview_image_is_a_1200_by_630_png(site_dir: Path):
    """The preview image is served by the site: a 1200×630 PNG."""
    data = (site_dir / "assets" / "images" / "social-card.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 630)
