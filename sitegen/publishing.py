"""The site's address in a published build: never one that only works on the build machine.

The site's absolute URL (`site_url`, from `SITE_URL`) goes into the canonical
links, the sitemap, the link previews (`og:url`, `og:image`) and the addresses
printed after links. `mkdocs.yml` defaults it to `http://127.0.0.1:8000/`,
which is right for `mkdocs serve` and for looking at a build on this machine,
and wrong everywhere else: a reader's browser would look for the preview
image, and a search engine for the pages, on the reader's own computer.

So the build that writes the site for publishing (`make build`, which sets
`PUBLISHING=1`, and `mkdocs gh-deploy`) refuses a loopback or missing address
(`check_site_url`), and any other build with one says, once, that it is fit
for this machine only. The consultants' copy buttons do not depend on it: they
copy the address the reader is on (`docs/assets/javascripts/copy-link.js`).

Example:
    >>> is_loopback("http://127.0.0.1:8000/"), is_loopback("http://localhost/guide/")
    (True, True)
    >>> is_loopback("https://guide.example.org/")
    False
"""

from . import BuildError

LOOPBACK_HOSTS = ("localhost", "0.0.0.0", "::1", "[::1]", "::", "[::]")
"""Host names that mean "this machine" (besides every address in 127.0.0.0/8)."""

PUBLISHING_COMMANDS = ("gh-deploy",)
"""MkDocs commands that publish whatever they build."""


def host_of(url: str) -> str:
    """The host of an absolute URL, lower-cased, without user, port or path (`""` when there is none).

    Args:
        url: e.g. `http://127.0.0.1:8000/guide/`.

    Returns:
        e.g. `127.0.0.1`; an IPv6 host keeps its brackets (`[::1]`).
    """
    rest = url.partition("://")[2] if "://" in url else ""
    authority = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rpartition("@")[2].lower()
    if authority.startswith("["):
        return authority.split("]", 1)[0] + "]"
    return authority.split(":", 1)[0]


def is_loopback(url: str) -> bool:
    """Whether a site URL points at the machine that opens it (or is missing).

    Args:
        url: The site URL, e.g. `http://127.0.0.1:8000/`.

    Returns:
        True for no URL, `localhost` (and its subdomains), `0.0.0.0`, `::1`
        and any `127.x.y.z`.
    """
    host = host_of(url or "")
    if not host:
        return True
    if host in LOOPBACK_HOSTS or host == "localhost." or host.endswith(".localhost"):
        return True
    parts = host.split(".")
    return len(parts) == 4 and parts[0] == "127" and all(part.isdigit() for part in parts)


def is_publishing(command: "str | None", flag: "str | None") -> bool:
    """Whether this build writes the site for publishing.

    Args:
        command: The MkDocs command (`build`, `serve`, `gh-deploy`), if known.
        flag: The `PUBLISHING` environment variable (`make build` sets it to `1`).

    Returns:
        True for `gh-deploy`, or when the flag is `1`, `true` or `yes`.
    """
    return command in PUBLISHING_COMMANDS or (flag or "").strip().lower() in ("1", "true", "yes")


def check_site_url(site_url: str, publishing: bool) -> "str | None":
    """Refuse a loopback site URL in a published build; note it in any other build.

    Args:
        site_url: The site URL the build would write into its pages.
        publishing: Whether the build is for publishing (`is_publishing`).

    Returns:
        A note for the build log when a local build has a loopback address,
        else `None`.

    Raises:
        BuildError: A build for publishing has a loopback or missing address.
    """
    if not is_loopback(site_url):
        return None
    shown = site_url or "no address"
    if publishing:
        raise BuildError(
            "the site's address is %s, which only works on this machine: published, the canonical "
            "links, the sitemap and the link previews would point readers at their own computer. "
            "Set SITE_URL to the address the site will be published at, e.g. "
            "SITE_URL=https://guide.example.org/ make build" % shown)
    return ("The site is built for %s, an address on this machine: fine to look at here, not to "
            "publish (set SITE_URL; `make build` refuses this address)." % shown)
