"""Build the guide once per test session, for the tests of the built site and the browser tests.

    from tests.support.site import built_site

    site_dir = built_site()            # a pathlib.Path to the built site

`built_site()` runs `mkdocs build --strict` into a temporary folder the first
time it is called with a given site URL, and returns that folder on every later
call; the folder is removed when the session ends. When the environment
variable `SITE_DIR` names a folder (a site built beforehand, e.g. by
`make build`), that folder is used as is and nothing is built.

The site URL defaults to the environment's `SITE_URL`, else
`http://127.0.0.1:8000/` (mkdocs.yml's default). Tests that serve the site
on another address pass theirs: the site's absolute URLs (Open Graph tags, the
widget runtime's configuration) are built from it.
"""

import atexit
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support.html import Element, elements, text_of  # noqa: F401  (where tests used to find them)

ROOT = Path(__file__).resolve().parents[2]
"""The repository's root (where mkdocs.yml is)."""

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
"""mkdocs.yml's `site_url` when the environment sets no `SITE_URL`."""

_built: "dict[str, Path]" = {}


class SiteBuildError(RuntimeError):
    """`mkdocs build --strict` failed; the message holds its output."""


def site_url() -> str:
    """The site URL builds use by default: `$SITE_URL`, else mkdocs.yml's default."""
    return os.environ.get("SITE_URL") or DEFAULT_SITE_URL


def build_site(destination: Path, *, url: "str | None" = None, root: Path = ROOT) -> Path:
    """Run `mkdocs build --strict` for the project at `root` into `destination`.

    Args:
        destination: The folder to write the site to (created or replaced).
        url: The site URL to build with (`SITE_URL`); defaults to `site_url()`.
        root: The folder holding mkdocs.yml, e.g. a throwaway copy of the repository.

    Returns:
        `destination`.

    Raises:
        SiteBuildError: The build failed, with the build's output in the message.
    """
    env = dict(os.environ, SITE_URL=url or site_url(), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(destination)],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SiteBuildError(
            "mkdocs build --strict failed (exit %d):\n%s%s" % (result.returncode, result.stdout, result.stderr)
        )
    return destination


def built_site(url: "str | None" = None) -> Path:
    """The built site: `$SITE_DIR` if set, else a build made once per session and site URL.

    Args:
        url: The site URL to build with; defaults to `site_url()`. Ignored with `SITE_DIR`.

    Returns:
        The folder holding the built site.

    Raises:
        SiteBuildError: The build failed.
    """
    given = os.environ.get("SITE_DIR")
    if given:
        return Path(given).resolve()
    url = url or site_url()
    if url not in _built:
        folder = Path(tempfile.mkdtemp(prefix="decision-guide-site-"))
        atexit.register(shutil.rmtree, folder, True)
        _built[url] = build_site(folder / "site", url=url)
    return _built[url]


def copy_project(destination: Path) -> Path:
    """Copy what a build needs (not .git, the virtual environment or build output) to `destination`.

    Tests that break something on purpose (e.g. remove an anchor) build the copy.

    Args:
        destination: A folder that does not exist yet.

    Returns:
        `destination`.
    """
    ignore = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__",
                                    ".pytest_cache", ".hypothesis", "bench", "build", "dist")
    shutil.copytree(ROOT, destination, ignore=ignore, symlinks=True)
    if (ROOT / "node_modules").is_dir():  # The widget runtime is copied from here at build time.
        (destination / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return destination


def load_by_path(path: Path, name: str):
    """Import the Python file at `path` as module `name`, as a tool that loads it by path does (MkDocs, a script)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_html(site_dir: Path, page_url: str) -> str:
    """The built HTML of the page at a site-relative URL such as `framework/` (`""` for home)."""
    return (site_dir / page_url / "index.html").read_text(encoding="utf-8")
