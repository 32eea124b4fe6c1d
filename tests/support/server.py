"""A built site served on 127.0.0.1 in a thread: for the browser tests and the benchmark.

- `prefix` serves the site under a sub-path (`/guide/`) as well as at the root.
- `sitemap.xml` is rewritten to this server's address: Material's instant
  navigation only intercepts links that its sitemap lists.
- `compress=True` sends gzip bodies for text and wasm files, as a static host
  would (the benchmark measures both).

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

from tests.support.site import site_url

_COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".py", ".xml", ".txt", ".whl")


class SiteServer:
    """A built site served on 127.0.0.1 under `prefix`, in a thread, until `close()`."""

    def __init__(self, site: Path, prefix: str = "/", compress: bool = False) -> None:
        self.site = Path(site)
        self.prefix = prefix
        self.compress = compress
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
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".whl": "application/zip",
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
            data = (server.site / "sitemap.xml").read_bytes()
            data = data.replace(site_url().encode(), server.base.encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        super().do_GET()

    def send_head(self):
        """Send gzip bodies when the server compresses and the browser asks for it."""
        server = self.server.site_server
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = self.translate_path(url_path)
        if os.path.isdir(path) and url_path.endswith("/"):
            path = os.path.join(path, "index.html")
        if (not server.compress or "gzip" not in self.headers.get("Accept-Encoding", "")
                or "If-Modified-Since" in self.headers or not os.path.isfile(path)
                or not path.endswith(_COMPRESSIBLE)):
            return super().send_head()
        body = server.gzipped.get(path)
        if body is None:
            with open(path, "rb") as handle:
                body = server.gzipped[path] = gzip.compress(handle.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(os.path.getmtime(path), usegmt=True))
        self.end_headers()
        return io.BytesIO(body)
