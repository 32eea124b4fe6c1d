"""A quiet static file server on loopback, for the benchmark and the browser tests.

Serves a built site from a directory, optionally under a sub-path, in a
background thread. Only ever binds 127.0.0.1.
"""

import functools
import http.server
import threading


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".whl": "application/zip",
        ".svg": "image/svg+xml",
    }

    def __init__(self, *args, prefix="/", **kwargs):
        self._prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if self._prefix != "/" and path.startswith(self._prefix):
            path = "/" + path[len(self._prefix):]
        return super().translate_path(path)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class StaticServer:
    """Serve `root` on http://127.0.0.1:<free port><prefix> until `close()`."""

    def __init__(self, root, prefix="/"):
        handler = functools.partial(_QuietHandler, directory=str(root), prefix=prefix)
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
