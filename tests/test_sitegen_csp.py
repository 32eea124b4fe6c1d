"""sitegen's content security and referrer policies: hashes of what the pages inline, and where the tags go."""

from sitegen.csp import REFERRER_POLICY, inline_hashes, policy, with_policies

# The SHA-256 of `alert(1)`, base64: the example hash of the CSP specification (CSP Level 3, "hash-source").
ALERT_HASH = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_only_scripts_the_browser_runs_are_hashed():
    """Inline scripts are hashed; scripts with `src`, JSON data blocks and PyScript's Python are not."""
    page = ('<script>alert(1)</script><script src="x.js"></script>'
            '<script type="application/json">{"a": 1}</script><script type="mpy">print(1)</script>'
            '<script id="__widget-runtime" type="application/json">{}</script>')
    assert inline_hashes(page).scripts == [ALERT_HASH]


def test_hashes_are_the_union_of_every_page_each_once():
    """The same script on many pages gives one hash; styles are collected too."""
    hashes = inline_hashes("<script>alert(1)</script>", "<script>alert(1)</script><style>p{}</style>")
    assert hashes.scripts == [ALERT_HASH] and len(hashes.styles) == 1


def test_policy_allows_the_site_and_the_interpreter_and_nothing_else():
    """The policy names the site, WebAssembly and PyScript's needs, the inline hashes, and denies the rest."""
    text = policy(inline_hashes("<script>alert(1)</script>"))
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"].split() == ["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'", "blob:", ALERT_HASH]
    assert directives["object-src"] == directives["base-uri"] == directives["form-action"] == "'none'"
    assert "*" not in text and "http" not in text


def test_tags_go_first_in_the_head_and_only_once():
    """The two meta tags follow `<meta charset>`, before any script; a second pass changes nothing."""
    page = '<html><head><meta charset="utf-8"><script>alert(1)</script></head><body></body></html>'
    once = with_policies(page, "default-src 'none'")
    assert once.index("Content-Security-Policy") < once.index("<script>")
    assert '<meta name="referrer" content="%s">' % REFERRER_POLICY in once
    assert with_policies(once, "default-src 'none'") == once
