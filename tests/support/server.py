"""A built site served on 127.0.0.1 in a thread: for the browser tests and the benchmark.

- `prefix` serves the site under a sub-path (`/guide/`) as well as at the root.
- `sitemap.xml` is rewritten to this server's address: Material's instant
  navigation only intercepts links that its sitemap lists.
- HTTP/1.1 with keep-alive, as every static host speaks (Python's default,
  HTTP/1.0, opens a new connection for every file).
- `compress` chooses how bodies are encoded, as a host would:
  `None` sends files as they are; `"gzip"` compresses text and wasm on the
  fly (level 6), as CDNs and GitHub Pages do; `"static"` sends the build's
  precompressed copies (`<file>.br`, else `<file>.gz`, whichever the browser
  accepts) and falls back to on-the-fly gzip for files without one, as nginx
  (`brotli_static`, `gzip_static`) or Caddy (`precompressed`) do.
- `cache=True` sends the caching headers the maintainers' page recommends:
  a year, `immutable`, for the content-addressed files
  (`sitegen.runtime.is_immutable`), and `no-cache` (ask every time; an
  unchanged file costs a 304) for everything else. Without it, no
  `Cache-Control` is sent and the browser guesses.

It only ever binds 127.0.0.1.
"""

import email.utils
import functools
import gzip
import io
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sitegen.precompress import COMPRESSIBLE
from sitegen.runtime import is_immutable
from tests.support.site import site_url

COMPRESSIONS = (None, "gzip", "static")
"""The ways `SiteServer` can encode bodies (see the module's docstring)."""

IMMUTABLE = "public, max-age=31536000, immutable"
"""`Cache-Control` of content-addressed files under `cache=True`."""

REVALIDATE = "no-cache"
"""`Cache-Control` of every other file under `cache=True`."""


class SiteServer:
    """A built site served on 127.0.0.1 under `prefix`, in a thread, until `close()`."""

    def __init__(self, site: Path, prefix: str = "/", compress: "str | None" = None, cache: bool = False) -> None:
        if compress not in COMPRESSIONS:
            raise ValueError("compress must be one of %r, not %r" % (COMPRESSIONS, compress))
        self.site = Path(site)
        self.prefix = prefix
        self.compress = compress
        self.cache = cache
        self.gzipped: "dict[str, bytes]" = {}
        handler = functools.partial(_Handler, directory=str(self.site))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.site_server = self
        self.base = "http://127.0.0.1:%d%s" % (self.httpd.server_port, prefix)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "SiteServer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".whl": "application/zip",
        ".mpy": "application/octet-stream",
    }

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        prefix = self.server.site_server.prefix
        if not path.startswith(prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(prefix):])

    def do_GET(self):
        server = self.server.site_server
        if self.path.split("?")[0] == server.prefix + "sitemap.xml":
            path = server.site / "sitemap.xml"
            modified = path.stat().st_mtime
            if self._not_modified(modified):
                self.send_response(304)
                self.end_headers()
                return
            data = path.read_bytes().replace(site_url().encode(), server.base.encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Last-Modified", email.utils.formatdate(modified, usegmt=True))
            self.end_headers()
            self.wfile.write(data)
            return
        super().do_GET()

    def end_headers(self):
        server = self.server.site_server
        if server.cache and not self._headers_sent("Cache-Control"):
            relative = self.path.split("?", 1)[0].split("#", 1)[0][len(server.prefix):]
            self.send_header("Cache-Control", IMMUTABLE if is_immutable(relative) else REVALIDATE)
        super().end_headers()

    def _headers_sent(self, name):
        return any(line.lower().startswith(name.lower().encode() + b":")
                   for line in getattr(self, "_headers_buffer", []))

    def send_head(self):
        """Send the file's body as the server's `compress` says, and a 304 when the browser's copy is current."""
        server = self.server.site_server
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = self.translate_path(url_path)
        if os.path.isdir(path) and url_path.endswith("/"):
            path = os.path.join(path, "index.html")
        if not server.compress or not os.path.isfile(path) or not path.endswith(COMPRESSIBLE):
            return super().send_head()
        accepted = [part.split(";")[0].strip() for part in self.headers.get("Accept-Encoding", "").split(",")]
        modified = os.path.getmtime(path)
        if self._not_modified(modified):
            self.send_response(304)
            self.send_header("Last-Modified", email.utils.formatdate(modified, usegmt=True))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        encoding, body = None, None
        if server.compress == "static":
            for name, suffix in (("br", ".br"), ("gzip", ".gz")):
                if name in accepted and os.path.isfile(path + suffix):
                    encoding = name
                    with open(path + suffix, "rb") as handle:
                        body = handle.read()
                    break
        if body is None and "gzip" in accepted:
            encoding = "gzip"
            body = server.gzipped.get(path)
            if body is None:
                with open(path, "rb") as handle:
                    body = server.gzipped[path] = gzip.compress(handle.read(), 6)
        if body is None:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(modified, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def _not_modified(self, modified):
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            return int(modified) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
