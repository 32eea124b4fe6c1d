"""The widgets' runtime in the built site: PyScript, the interpreter, `decision_core` and the glue.

Once per build, `prepare` checks the interpreter setting (`micropython`, the
default, or `pyodide`) and that `node_modules/` holds PyScript and that
interpreter, then works out what the site serves:

- **MicroPython** gets `decision_core`'s browser layers (`base`, `framework`,
  `model`, `views`: not the command line) as plain `.py` files in a folder
  named by their content hash, each mapped into the interpreter's file
  system by PyScript's `files` setting;
- **Pyodide** gets the package's wheel, which `pyodide build` makes from the
  checkout (`scripts/pyodide_wheel.py`, as `make wheel` does; cached by
  content hash in `.cache/wheels/`), unpacked by the same setting;
- both get the glue (`docs/assets/widgets/*.py`) and preload hints for what
  the interpreter fetches as it starts.

`Runtime.settings` is what the templates write into every page
(`overrides/runtime-config.html`); `Runtime.copies` is what the build copies
into `site/assets/runtime/`. Nothing is fetched from a CDN: the browser only
ever asks the site itself.
"""

import hashlib
import importlib.util
import re
import shutil
from pathlib import Path

from . import BuildError

ROOT = Path(__file__).resolve().parents[1]
"""The checkout."""

RUNTIME_DIR = "assets/runtime"
"""Where the runtime goes in the built site."""

PYSCRIPT_PACKAGE = "@pyscript/core"
"""PyScript's npm package."""

BROWSER_LAYERS = ("base", "framework", "model", "views")
"""The subpackages of `decision_core` that run in the browser (with its `__init__.py`)."""

# interpreter name -> (PyScript script type, npm package, files to copy, entry module)
INTERPRETERS = {
    "micropython": (
        "mpy",
        "@micropython/micropython-webassembly-pyscript",
        ("micropython.mjs", "micropython.wasm"),
        "micropython.mjs",
    ),
    "pyodide": (
        "py",
        "pyodide",
        ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
         "pyodide-lock.json"),
        "pyodide.mjs",
    ),
}

PRELOAD_FETCHES = {
    "micropython": ("micropython.wasm",),
    "pyodide": ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"),
}
"""Files each interpreter fetches as it starts: widget pages preload them, so they
download while the page is parsed instead of one after another."""

GLUE = ("widgets.py", "calculator.py")
"""The PyScript glue modules in `docs/assets/widgets/`, put beside the package.

`widgets.py` runs every widget; `calculator.py` is the cost calculator's own
glue, which `widgets.main()` runs on pages that have the calculator."""


class Runtime:
    """What one build serves for the widgets: its settings for the pages, and the files to copy."""

    __slots__ = ("interpreter", "settings", "copies")

    interpreter: str
    """`micropython` or `pyodide`."""
    settings: "dict[str, object]"
    """The settings every page carries (site-relative URLs; `assets/widgets/runtime.js` makes them absolute)."""
    copies: "list[tuple[Path, str]]"
    """`(source file, site-relative target)` pairs to copy into the built site."""

    def __init__(self, interpreter: str, settings: "dict[str, object]", copies: "list[tuple[Path, str]]") -> None:
        self.interpreter = interpreter
        self.settings = settings
        self.copies = copies


def _node_modules() -> Path:
    return ROOT / "node_modules"


def interpreter_setting(extra: "dict[str, object] | None") -> str:
    """Read `extra.pyscript.interpreter` from the site's settings.

    Args:
        extra: The site's `extra` settings.

    Returns:
        `micropython` (the default) or `pyodide`.

    Raises:
        BuildError: Any other value.
    """
    pyscript = (extra or {}).get("pyscript") or {}
    name = str(pyscript.get("interpreter") or "micropython").strip().lower()
    if name not in INTERPRETERS:
        raise BuildError("extra.pyscript.interpreter must be one of %s, not %r"
                         % (", ".join(sorted(INTERPRETERS)), name))
    return name


def _check_node_modules(interpreter: str) -> None:
    _type, package, names, _entry = INTERPRETERS[interpreter]
    missing = []
    core = _node_modules() / PYSCRIPT_PACKAGE / "dist" / "core.js"
    if not core.is_file():
        missing.append(str(core.relative_to(ROOT)))
    for name in names:
        path = _node_modules() / package / name
        if not path.is_file():
            missing.append(str(path.relative_to(ROOT)))
    if missing:
        raise BuildError(
            "the browser runtime is not installed (missing: " + ", ".join(missing) + "). "
            "Run `make setup` (it runs `npm ci`) and build again."
        )


def _check_glue(docs_dir: Path) -> None:
    widgets = docs_dir / "assets" / "widgets"
    missing = [name for name in GLUE if not (widgets / name).is_file()]
    if missing:
        raise BuildError("the widget glue is missing from %s: %s" % (widgets, ", ".join(missing)))


def _python_files(folder: Path) -> "list[Path]":
    return sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)


def browser_sources() -> "list[Path]":
    """The `decision_core` files the browser runs: its `__init__.py` and the browser layers.

    Returns:
        Paths under the checkout, in a stable order.
    """
    package = ROOT / "decision_core"
    files = [package / "__init__.py"]
    for layer in BROWSER_LAYERS:
        files += _python_files(package / layer)
    return files


def _digest(paths: "list[Path]") -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


_builder: "dict[str, object]" = {}


def _wheel_builder():
    """`scripts/pyodide_wheel.py`, the code behind `make wheel`, loaded once by path."""
    if "module" not in _builder:
        spec = importlib.util.spec_from_file_location("decision_guide_pyodide_wheel",
                                                      ROOT / "scripts" / "pyodide_wheel.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _builder["module"] = module
    return _builder["module"]


def build_wheel() -> "tuple[str, Path]":
    """The wheel `pyodide build` makes from the checkout, as `make wheel` does (cached by the sources' content).

    Returns:
        The sources' content hash and the wheel's path (in `.cache/wheels/<hash>/`).

    Raises:
        BuildError: pyodide-build is missing or failed; the message says what to run.
    """
    builder = _wheel_builder()
    try:
        wheel, _said = builder.build_wheel()
    except builder.PyodideWheelError as error:
        raise BuildError(str(error)) from None
    return wheel.parent.name, wheel


def _package_files(interpreter: str) -> "tuple[list[list[str]], list[tuple[Path, str]]]":
    """PyScript's `files` entries for `decision_core`, and the copies that serve them."""
    if interpreter == "pyodide":
        key, wheel = build_wheel()
        url = "%s/wheels/%s/%s" % (RUNTIME_DIR, key, wheel.name)
        return [[url, "./*"]], [(wheel, url)]
    sources = browser_sources()
    key = _digest(sources)
    files, copies = [], []
    for path in sources:
        relative = path.relative_to(ROOT).as_posix()
        url = "%s/py/%s/%s" % (RUNTIME_DIR, key, relative)
        files.append([url, "./" + relative])
        copies.append((path, url))
    return files, copies


def _preloads(interpreter: str, entry: str, files: "list[list[str]]") -> "dict[str, list[str]]":
    """What a widget page asks for in its <head>, so that nothing waits in a chain.

    Without these hints the browser learns of each file only once the one
    before it has run: runtime.js, then core.js, then its chunks, then the
    interpreter module, then its wasm, then the package. Module preloads cover
    PyScript's core (with its statically imported chunk and the zip module it
    imports to unpack a wheel) and the interpreter's entry module; fetch
    preloads cover the wasm, the package and the glue, which PyScript and the
    interpreter get with `fetch()` (same-origin, hence `crossorigin`).

    Returns:
        `{"modules": [...], "fetches": [...]}`, site-relative URLs.
    """
    dist = _node_modules() / PYSCRIPT_PACKAGE / "dist"
    core = (dist / "core.js").read_text(encoding="utf-8")
    chunks = re.findall(r'from"\./([\w.-]+\.js)"', core)
    if interpreter == "pyodide":
        chunks += sorted(path.name for path in dist.glob("zip-*.js"))
    modules = [RUNTIME_DIR + "/pyscript/core.js"]
    modules += [RUNTIME_DIR + "/pyscript/" + name for name in chunks]
    modules.append("%s/%s/%s" % (RUNTIME_DIR, interpreter, entry))
    fetches = ["%s/%s/%s" % (RUNTIME_DIR, interpreter, name) for name in PRELOAD_FETCHES[interpreter]]
    fetches += [url for url, _target in files]
    return {"modules": modules, "fetches": fetches}


def prepare(extra: "dict[str, object] | None", docs_dir: Path) -> Runtime:
    """Check the setting, node_modules and the glue, and work out what the site serves.

    Args:
        extra: The site's `extra` settings (`pyscript.interpreter`).
        docs_dir: The pages' folder (the glue is in its `assets/widgets/`).

    Returns:
        The runtime's settings and the files to copy.

    Raises:
        BuildError: A bad setting, a missing npm package or glue file, a failed wheel build.
    """
    interpreter = interpreter_setting(extra)
    _check_node_modules(interpreter)
    _check_glue(Path(docs_dir))
    script_type, package, names, entry = INTERPRETERS[interpreter]
    files, copies = _package_files(interpreter)
    for name in GLUE:
        files.append(["assets/widgets/" + name, "./" + name])
    dist = _node_modules() / PYSCRIPT_PACKAGE / "dist"
    for path in sorted(dist.iterdir()):
        # The source maps are for debugging PyScript itself; leave them out.
        if path.is_file() and path.suffix in (".js", ".css"):
            copies.append((path, RUNTIME_DIR + "/pyscript/" + path.name))
    for name in names:
        copies.append((_node_modules() / package / name, "%s/%s/%s" % (RUNTIME_DIR, interpreter, name)))
    settings = {
        "interpreter": interpreter,
        "type": script_type,
        "core": RUNTIME_DIR + "/pyscript/core.js",
        "interpreter_url": "%s/%s/%s" % (RUNTIME_DIR, interpreter, entry),
        "files": files,
        "timeout_ms": 20000 if interpreter == "micropython" else 60000,
        "preload": _preloads(interpreter, entry, files),
    }
    return Runtime(interpreter, settings, copies)


def copy_into(site_dir: Path, copies: "list[tuple[Path, str]]") -> None:
    """Copy the runtime's files into the built site, skipping those already there and up to date.

    Args:
        site_dir: The built site's folder.
        copies: `(source, site-relative target)` pairs, as `Runtime.copies`.
    """
    for source, target in copies:
        path = Path(site_dir) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size == source.stat().st_size \
                and path.stat().st_mtime >= source.stat().st_mtime:
            continue
        shutil.copy2(source, path)
