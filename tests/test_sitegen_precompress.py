"""Precompressed copies: written where they pay, always equal to their file once decompressed, never stale."""

import gzip
import os

import brotli
import pytest

from sitegen import precompress


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(precompress, "CACHE", tmp_path / "cache")


def _site(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    return site


def test_text_gets_brotli_and_gzip_copies_equal_to_it(tmp_path):
    """A page gets .br and .gz copies, and each decompresses to the page byte for byte."""
    site = _site(tmp_path)
    page = site / "index.html"
    page.write_text("<p>The same sentence, again and again.</p>\n" * 200)
    written = precompress.precompress_site(site)
    assert sorted(path.name for path in written) == ["index.html.br", "index.html.gz"]
    assert brotli.decompress((site / "index.html.br").read_bytes()) == page.read_bytes()
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == page.read_bytes()


@pytest.mark.parametrize("name, data", [
    ("tiny.css", b"a{color:red}"),  # below MIN_SIZE: headers would outweigh the saving
    ("noise.js", os.urandom(4096)),  # does not compress
    ("picture.png", b"\x89PNG" + b"\0" * 4096),  # not a compressible type
], ids=["tiny", "incompressible", "image"])
def test_files_where_a_copy_does_not_pay_get_none(tmp_path, name, data):
    """Tiny files, incompressible data and images are left without copies."""
    site = _site(tmp_path)
    (site / "assets" / name).write_bytes(data)
    assert precompress.precompress_site(site) == []
    assert sorted(path.name for path in (site / "assets").iterdir()) == [name]


def test_a_rebuild_replaces_stale_copies_and_removes_orphans(tmp_path):
    """After the file changes or vanishes, no copy of its old content remains."""
    site = _site(tmp_path)
    script = site / "assets" / "app.js"
    script.write_text("console.log('first version');\n" * 100)
    gone = site / "assets" / "old.js"
    gone.write_text("console.log('removed later');\n" * 100)
    precompress.precompress_site(site)
    script.write_text("console.log('second version');\n" * 100)
    gone.unlink()
    precompress.precompress_site(site)
    assert gzip.decompress((site / "assets" / "app.js.gz").read_bytes()) == script.read_bytes()
    assert not (site / "assets" / "old.js.gz").exists() and not (site / "assets" / "old.js.br").exists()


def test_copies_made_by_others_of_small_files_are_kept(tmp_path):
    """MkDocs' own sitemap.xml.gz stays when the sitemap is too small for a copy of ours."""
    site = _site(tmp_path)
    (site / "sitemap.xml").write_text("<urlset></urlset>")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset></urlset>"))
    precompress.precompress_site(site)
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == b"<urlset></urlset>"
