"""Build-time plumbing for the in-browser widgets (a MkDocs hook).

What it does, once per build:

- checks the `extra.pyscript.interpreter` setting of `mkdocs.yml`
  (`micropython`, the default, or `pyodide`) and that `node_modules/` holds
  PyScript and that interpreter (else the build fails and says `make setup`);
- gets the `decision_core` wheel that `pyodide build` makes from the checkout
  (scripts/pyodide_wheel.py, as `make wheel` does; cached by content hash in
  `.cache/wheels/`);
- renders the quiz form from `decision_core.questions` into `docs/quiz.md`'s
  `<!-- quiz:form -->` marker, so the questions are plain HTML before any script;
- exposes `widget_runtime` to the templates (`overrides/runtime-config.html`);
- copies PyScript's `dist/`, the interpreter's files and the wheel into
  `site/assets/runtime/`.

Nothing is fetched from a CDN: the browser only ever asks the site itself.
"""

import importlib.util
import re
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
"""The checkout: `overrides/hooks/runtime.py` lives two folders down."""

RUNTIME_DIR = "assets/runtime"
"""Where the runtime goes in the built site."""

QUIZ_FORM_MARKER = "<!-- quiz:form -->"
"""The comment in a page's Markdown that the quiz form replaces."""

# interpreter name -> (PyScript script type, npm package, files to copy, entry module)
# The entry module is preloaded as a module and the other files that the
# interpreter fetches as it starts are in PRELOAD_FETCHES.
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

PYSCRIPT_PACKAGE = "@pyscript/core"

PRELOAD_FETCHES = {
    "micropython": ("micropython.wasm",),
    "pyodide": ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"),
}
"""Files each interpreter fetches as it starts: widget pages preload them, so they
download while the page is parsed instead of one after another."""

GLUE = ("widgets.py", "calculator.py")
"""The PyScript glue modules in `docs/assets/widgets/`, unpacked next to the wheel.

`widgets.py` runs every widget; `calculator.py` is the cost calculator's own
glue, which `widgets.main()` runs on pages that have the calculator."""

_state = {}


def _fail(message):
    raise PluginError("runtime hook: " + message)


def _node_modules():
    return ROOT / "node_modules"


def _check_node_modules(interpreter):
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
        _fail(
            "the browser runtime is not installed (missing: " + ", ".join(missing) + "). "
            "Run `make setup` (it runs `npm ci`) and build again."
        )


# -- decision_core's wheel: built by scripts/pyodide_wheel.py (make wheel) ------

_builder = {}


def _wheel_builder():
    """scripts/pyodide_wheel.py, which builds the wheel with `pyodide build`."""
    if "builder" not in _builder:
        spec = importlib.util.spec_from_file_location("decision_guide_pyodide_wheel",
                                                      ROOT / "scripts" / "pyodide_wheel.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _builder["builder"] = module
    return _builder["builder"]


def _build_wheel():
    """The wheel `pyodide build` made from the checkout's sources: (content hash, path)."""
    builder = _wheel_builder()
    try:
        wheel, _said = builder.build_wheel()
    except builder.PyodideWheelError as error:
        _fail(str(error))
    return wheel.parent.name, wheel

# ------------------------------------------------------------------------------


def _interpreter_setting(config):
    pyscript = (config.get("extra") or {}).get("pyscript") or {}
    name = str(pyscript.get("interpreter") or "micropython").strip().lower()
    if name not in INTERPRETERS:
        _fail("extra.pyscript.interpreter must be one of %s, not %r"
              % (", ".join(sorted(INTERPRETERS)), name))
    return name


def _check_glue(config):
    widgets = Path(config["docs_dir"]) / "assets" / "widgets"
    missing = [name for name in GLUE if not (widgets / name).is_file()]
    if missing:
        _fail("the widget glue is missing from %s: %s" % (widgets, ", ".join(missing)))


def on_config(config):
    """Check the setting, node_modules and the glue, build the wheel, and note the runtime's URLs."""
    interpreter = _interpreter_setting(config)
    _check_node_modules(interpreter)
    _check_glue(config)
    key, wheel = _build_wheel()
    script_type, _package, _names, entry = INTERPRETERS[interpreter]
    wheel_url = "%s/wheels/%s/%s" % (RUNTIME_DIR, key, wheel.name)
    files = [[wheel_url, "./*"]]
    for name in GLUE:
        files.append(["assets/widgets/" + name, "./" + name])
    _state.clear()
    _state.update(
        interpreter=interpreter,
        wheel=wheel,
        wheel_url=wheel_url,
        runtime={
            # Site-relative URLs: the browser makes them absolute against the
            # site's base (overrides/runtime-config.html, assets/widgets/runtime.js).
            "interpreter": interpreter,
            "type": script_type,
            "core": RUNTIME_DIR + "/pyscript/core.js",
            "interpreter_url": "%s/%s/%s" % (RUNTIME_DIR, interpreter, entry),
            "files": files,
            "timeout_ms": 20000 if interpreter == "micropython" else 60000,
            "preload": _preloads(interpreter, entry, files),
        },
    )
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return config


def _preloads(interpreter, entry, files):
    """What a widget page asks for in its <head>, so that nothing waits in a chain.

    Without these hints the browser learns of each file only once the one
    before it has run: runtime.js, then core.js, then its chunks, then the
    interpreter module, then its wasm, then the wheel. Module preloads cover
    PyScript's core (with its statically imported chunk and the zip module it
    imports to unpack the wheel) and the interpreter's entry module; fetch
    preloads cover the wasm, the wheel and the glue, which PyScript and the
    interpreter get with `fetch()` (same-origin, hence `crossorigin`).

    Returns:
        `{"modules": [...], "fetches": [...]}`, site-relative URLs.
    """
    dist = _node_modules() / PYSCRIPT_PACKAGE / "dist"
    core = (dist / "core.js").read_text(encoding="utf-8")
    chunks = re.findall(r'from"\./([\w.-]+\.js)"', core)
    chunks += sorted(path.name for path in dist.glob("zip-*.js"))
    modules = [RUNTIME_DIR + "/pyscript/core.js"]
    modules += [RUNTIME_DIR + "/pyscript/" + name for name in chunks]
    modules.append("%s/%s/%s" % (RUNTIME_DIR, interpreter, entry))
    fetches = ["%s/%s/%s" % (RUNTIME_DIR, interpreter, name) for name in PRELOAD_FETCHES[interpreter]]
    fetches += [url for url, _target in files]
    return {"modules": modules, "fetches": fetches}


def on_env(env, config, files):
    """Expose the runtime's settings to the templates as `widget_runtime`."""
    env.globals["widget_runtime"] = _state.get("runtime")
    return env


def on_page_content(html, page, config, files):
    """Replace the quiz-form marker with the form rendered from `decision_core.questions`."""
    if QUIZ_FORM_MARKER not in html:
        return html
    from decision_core import views

    # Links in the form are relative to the page, so the site works under any path.
    base = "../" * page.url.count("/")
    extra = config.get("extra") or {}
    form = views.render_quiz(base, extra.get("call_to_action"))
    return html.replace(QUIZ_FORM_MARKER, form, 1)


def _copy(source, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_file() and target.stat().st_size == source.stat().st_size \
            and target.stat().st_mtime >= source.stat().st_mtime:
        return
    shutil.copy2(source, target)


def on_post_build(config):
    """Copy PyScript, the interpreter and the wheel into the built site."""
    site = Path(config["site_dir"]) / RUNTIME_DIR
    dist = _node_modules() / PYSCRIPT_PACKAGE / "dist"
    for path in sorted(dist.iterdir()):
        # The source maps are for debugging PyScript itself; leave them out.
        if path.is_file() and path.suffix in (".js", ".css"):
            _copy(path, site / "pyscript" / path.name)
    interpreter = _state["interpreter"]
    _type, package, names, _entry = INTERPRETERS[interpreter]
    for name in names:
        _copy(_node_modules() / package / name, site / interpreter / name)
    _copy(_state["wheel"], Path(config["site_dir"]) / _state["wheel_url"])
