"""The site's content security policy and referrer policy, written into every page as `<meta>` tags.

A policy that names what the pages may load stops an injected script from
running even if some text ever slipped past the escaping. It is built from
the pages themselves, at the end of each build:

- scripts from the site itself, plus the SHA-256 hash of every inline script
  the built pages hold (Material's small start-up scripts), so that an
  upgrade of Material that changes them cannot break the site silently: the
  hashes are recomputed each build;
- `'wasm-unsafe-eval'` to compile the interpreter's WebAssembly,
  `'unsafe-eval'` because PyScript's core calls `Function`, and `blob:` for
  the worker and module URLs PyScript makes;
- styles from the site, plus the hash of each inline `<style>` (the cost
  chart's);
- images from the site and `data:` URLs; connections, fonts and manifests
  from the site; nothing else (`default-src 'none'`, no `<object>`, no
  `<base>`, no form posting anywhere).

Every page gets the same policy (the union of all pages' hashes): with
instant navigation a page swaps in the content of another without
reloading, under the first page's policy. `frame-ancestors` and
`X-Content-Type-Options` cannot be set by a `<meta>` tag; the maintainers'
page lists the headers a host should add.

The referrer policy, `no-referrer`, keeps a quiz's answers (which live in
the page's address) out of the `Referer` of every later request.

Example:
    >>> hashes = inline_hashes('<script>alert(1)</script><script type="application/json">{}</script>')
    >>> hashes.scripts
    ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
"""

import base64
import hashlib
import re

REFERRER_POLICY = "no-referrer"
"""Sent with every request the pages make: no `Referer` at all."""

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>", re.S | re.I)
_DATA_TYPES = ("application/json", "application/ld+json", "mpy", "py", "py-config", "mpy-config")
"""Script types the browser does not run (data for scripts, or Python for PyScript), so no hash is needed."""


class Hashes:
    """The hashes of the inline scripts and styles found in pages, as CSP source expressions."""

    __slots__ = ("scripts", "styles")

    scripts: "list[str]"
    """`'sha256-…'` of each distinct inline script, sorted."""
    styles: "list[str]"
    """`'sha256-…'` of each distinct inline style, sorted."""

    def __init__(self, scripts: "list[str]", styles: "list[str]") -> None:
        self.scripts = scripts
        self.styles = styles


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _runs(attributes: str) -> bool:
    """Whether a `<script>` with these attributes is run by the browser (not `src`, not a data block)."""
    if re.search(r"\bsrc\s*=", attributes, re.I):
        return False
    kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attributes, re.I)
    return not (kind and kind.group(1).lower() in _DATA_TYPES)


def inline_hashes(*pages: str) -> Hashes:
    """Hash every inline script the browser would run and every inline style, across pages.

    Args:
        *pages: Built HTML pages.

    Returns:
        The distinct hashes, sorted (so the policy is the same from build to build).
    """
    scripts, styles = set(), set()
    for page in pages:
        for attributes, body in _SCRIPT.findall(page):
            if _runs(attributes) and body.strip():
                scripts.add(_hash(body))
        for _attributes, body in _STYLE.findall(page):
            styles.add(_hash(body))
    return Hashes(sorted(scripts), sorted(styles))


def policy(hashes: Hashes) -> str:
    """The content security policy for the site's pages.

    Args:
        hashes: The inline scripts' and styles' hashes (`inline_hashes`).

    Returns:
        The policy, directives separated by `; `.
    """
    directives = (
        ("default-src", ["'none'"]),
        ("script-src", ["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'", "blob:"] + hashes.scripts),
        ("style-src", ["'self'"] + hashes.styles),
        ("img-src", ["'self'", "data:"]),
        ("connect-src", ["'self'"]),
        ("font-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("worker-src", ["'self'", "blob:"]),
        ("base-uri", ["'none'"]),
        ("form-action", ["'none'"]),
        ("object-src", ["'none'"]),
    )
    return "; ".join(name + " " + " ".join(sources) for name, sources in directives)


_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)


def with_policies(page: str, content_security_policy: str) -> str:
    """Put the content security policy and the referrer policy first in a page's `<head>`.

    They go right after `<meta charset>` (or the `<head>` tag), before any
    script or style they govern. A page that already has them is returned
    unchanged, so the pass can run twice.

    Args:
        page: A built HTML page.
        content_security_policy: The policy (`policy`).

    Returns:
        The page with both `<meta>` tags, or unchanged when it has no `<head>`.
    """
    if 'http-equiv="Content-Security-Policy"' in page:
        return page
    tags = ('<meta http-equiv="Content-Security-Policy" content="%s">'
            '<meta name="referrer" content="%s">' % (content_security_policy.replace('"', "&quot;"), REFERRER_POLICY))
    found = _CHARSET.search(page)
    if found is None:
        found = re.search(r"<head\b[^>]*>", page, re.I)
    if found is None:
        return page
    return page[:found.end()] + tags + page[found.end():]
