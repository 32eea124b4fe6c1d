"""Precompressed copies of the built site's text and WebAssembly files, for hosts that serve them.

Beside every file worth compressing the build writes `<file>.gz` (gzip,
level 9) and `<file>.br` (Brotli, quality 11). A host that serves
precompressed files (nginx's `gzip_static` and `brotli_static`, Caddy's
`file_server { precompressed br gzip }`, Apache's `mod_rewrite` recipes)
sends them as they are, to browsers that accept the encoding: smaller than
what hosts compress on the fly, at no processor cost per request, and for
WebAssembly too, which many hosts do not compress at all (measured on
`micropython.wasm`: 446 kB, 199 kB gzipped, 170 kB with Brotli). Hosts that
compress on the fly ignore the copies. The maintainers' page says how to set
each host up.

A copy is kept only when it saves at least `MIN_SAVING` of the file; each
is the exact compression of its file (a test decompresses every copy and
compares). Compressing is slow at these levels, so copies are cached in
`.cache/precompressed/` by the content they compress.
"""

import gzip
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
"""The checkout."""

CACHE = ROOT / ".cache" / "precompressed"
"""Compressed bodies by the SHA-256 of what they compress; never committed."""

COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".py", ".mpy")
"""The file types worth compressing (archives and images are compressed already)."""

ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
"""`(Content-Encoding, suffix)` of the copies, best first."""

MIN_SIZE = 512
"""Files smaller than this many bytes are left alone: a response's headers outweigh the saving."""

MIN_SAVING = 0.05
"""A copy is written only when it is at least this fraction smaller than the file."""


def _compress(encoding: str, data: bytes) -> bytes:
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=9, mtime=0)
    import brotli

    return brotli.compress(data, quality=11)


def compressed(encoding: str, data: bytes) -> bytes:
    """`data` compressed with `encoding` (`br` or `gzip`), from the cache when it was done before.

    Args:
        encoding: A `Content-Encoding` of `ENCODINGS`.
        data: The file's bytes.

    Returns:
        The compressed bytes.
    """
    cached = CACHE / encoding / hashlib.sha256(data).hexdigest()
    if cached.is_file():
        return cached.read_bytes()
    body = _compress(encoding, data)
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    partial.write_bytes(body)
    partial.replace(cached)
    return body


def precompress_site(site_dir: Path) -> "list[Path]":
    """Write `.br` and `.gz` copies beside the built site's compressible files (see the module's docstring).

    Stale copies (of files that changed or vanished) are removed first, so
    every copy matches the file beside it.

    Args:
        site_dir: The built site's folder.

    Returns:
        The copies written.
    """
    site_dir = Path(site_dir)
    for _encoding, suffix in ENCODINGS:
        for copy in site_dir.rglob("*" + suffix):
            source = copy.with_name(copy.name[: -len(suffix)])
            # Left alone: copies made by others of files too small for ours (MkDocs' sitemap.xml.gz).
            if source.name.endswith(COMPRESSIBLE) and (not source.is_file() or source.stat().st_size >= MIN_SIZE):
                copy.unlink()
    written = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or not path.name.endswith(COMPRESSIBLE):
            continue
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        for encoding, suffix in ENCODINGS:
            body = compressed(encoding, data)
            if len(body) <= len(data) * (1 - MIN_SAVING):
                copy = path.with_name(path.name + suffix)
                copy.write_bytes(body)
                written.append(copy)
    return written
