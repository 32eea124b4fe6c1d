"""The views' one escaper and link helpers: every text and URL written into HTML passes here.

`html.escape` is present in CPython, Pyodide and MicroPython alike, so every
view escapes with it, through `escape`, and nothing a reader types or a link
carries can add markup. Links are resolved with `href` and dropped when
`is_safe_url` refuses them (`javascript:`, `data:`, `vbscript:`).

Example:
    >>> escape('<b>"RAG" & co</b>')
    '&lt;b&gt;&quot;RAG&quot; &amp; co&lt;/b&gt;'
    >>> href("https://guide.example/", "framework/#q1-knowledge-change")
    'https://guide.example/framework/#q1-knowledge-change'
"""

import html


def escape(text: object) -> str:
    """Escape text for HTML element content and quoted attribute values.

    Args:
        text: Any value; it is converted with `str` first.

    Returns:
        The text with `&`, `<`, `>`, `"` and `'` replaced by character references.
    """
    return html.escape(str(text), True)


def href(base_url: str, url: str) -> str:
    """Resolve a site-relative URL against a base; absolute, root-relative and fragment URLs stay as they are.

    Args:
        base_url: The prefix that makes a site-relative URL work from the page:
            `../` at build time, the site's absolute URL in the browser.
        url: A URL, e.g. `framework/#q1-knowledge-change`.

    Returns:
        The URL to write (not yet escaped).
    """
    if "://" in url or url.startswith("/") or url.startswith("#") or url.startswith("mailto:"):
        return url
    return base_url + url


def is_safe_url(url: str) -> bool:
    """Whether a URL may be written as a link: not a `javascript:`, `data:` or `vbscript:` one.

    Args:
        url: The URL.

    Returns:
        True when it may be written.

    Example:
        >>> is_safe_url(" JavaScript:alert(1)"), is_safe_url("quiz/")
        (False, True)
    """
    lowered = "".join(url.split()).lower()
    return not (lowered.startswith("javascript:") or lowered.startswith("data:")
                or lowered.startswith("vbscript:"))
