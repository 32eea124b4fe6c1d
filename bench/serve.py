"""A quiet static file server on loopback, for the benchmark and the browser tests.

Serves a built site from a directory, optionally under a sub-path, in a
background thread. Only ever binds 127.0.0.1.
"""

import email.utils
import functools
import gzip
import http.server
import io
import os
import threading

_COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".py", ".xml", ".txt", ".whl")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".whl": "application/zip",
        ".svg": "image/svg+xml",
    }

    def __init__(self, *args, prefix="/", compress=False, cache=None, **kwargs):
        self._prefix = prefix
        self._compress = compress
        self._cache = cache
        super().__init__(*args, **kwargs)

    def send_head(self):
        """Serve gzip-compressed bodies of text and wasm files when asked to, like a static host."""
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = self.translate_path(url_path)
        if os.path.isdir(path) and url_path.endswith("/"):
            path = os.path.join(path, "index.html")
        if (not self._compress or "gzip" not in self.headers.get("Accept-Encoding", "")
                or "If-Modified-Since" in self.headers or not os.path.isfile(path)
                or not path.endswith(_COMPRESSIBLE)):
            return super().send_head()
        body = self._cache.get(path)
        if body is None:
            with open(path, "rb") as handle:
                body = self._cache[path] = gzip.compress(handle.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(os.path.getmtime(path), usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path):
        if self._prefix != "/" and path.startswith(self._prefix):
            path = "/" + path[len(self._prefix):]
        return super().translate_path(path)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class StaticServer:
    """Serve `root` on http://127.0.0.1:<free port><prefix> until `close()`; gzip bodies if `compress`."""

    def __init__(self, root, prefix="/", compress=False):
        handler = functools.partial(_QuietHandler, directory=str(root), prefix=prefix,
                                    compress=compress, cache={})
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self.url = "http://127.0.0.1:%d%s" % (self._httpd.server_address[1], prefix)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self):
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
