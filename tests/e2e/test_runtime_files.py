"""What the build puts in the site for the widgets: PyScript, the interpreter, decision_core, the glue."""

import json
import re

import pytest


@pytest.mark.site
def test_built_site_holds_the_runtime_and_the_browser_layers(site_dir):
    """PyScript, MicroPython and decision_core's browser layers are in the site; Pyodide and the CLI are not."""
    runtime = site_dir / "assets" / "runtime"
    assert (runtime / "pyscript" / "core.js").is_file()
    assert (runtime / "micropython" / "micropython.mjs").is_file()
    assert (runtime / "micropython" / "micropython.wasm").is_file()
    assert not (runtime / "pyodide").exists()
    shipped = sorted(path.relative_to(next(runtime.glob("py/*"))).as_posix() for path in runtime.glob("py/*/**/*.py"))
    assert "decision_core/model/engine.py" in shipped and "decision_core/views/quiz.py" in shipped
    assert "decision_core/cli.py" not in shipped and not any(name.startswith("sitegen") for name in shipped)
    html = (site_dir / "quiz" / "index.html").read_text(encoding="utf-8")
    settings = json.loads(re.search(r'<script id="__widget-runtime" type="application/json">(.*?)</script>',
                                    html, re.S).group(1))
    assert settings["type"] == "mpy"
    assert (site_dir / settings["interpreter_url"]).is_file()
    assert (site_dir / settings["core"]).is_file()
    for source, _target in settings["files"]:
        assert (site_dir / source).is_file()
    assert "https://" not in json.dumps(settings) and "http://" not in json.dumps(settings)


@pytest.mark.site
def test_pyodide_build_holds_pyodide(pyodide_site_dir):
    """With WIDGET_INTERPRETER=pyodide, the site holds Pyodide's files instead of MicroPython's."""
    runtime = pyodide_site_dir / "assets" / "runtime"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (runtime / "pyodide" / name).is_file()
    assert not (runtime / "micropython").exists()
    html = (pyodide_site_dir / "quiz" / "index.html").read_text(encoding="utf-8")
    assert '"type": "py"' in html


@pytest.mark.site
def test_only_widget_pages_carry_the_widget_marker(site_dir):
    """The quiz and the decision table use the widget template; the other guide pages do not."""
    marked = sorted(path.parent.name for path in site_dir.rglob("index.html")
                    if "data-widget-page" in path.read_text(encoding="utf-8"))
    assert "quiz" in marked
    assert "framework" not in marked and "basics" not in marked


@pytest.mark.site
def test_pyodide_site_unpacks_the_wheel_pyodide_build_made(pyodide_site_dir):
    """The Pyodide site's file map unpacks the wheel `pyodide build` made from the checkout, byte for byte."""
    from sitegen.runtime import build_wheel

    html = (pyodide_site_dir / "quiz" / "index.html").read_text(encoding="utf-8")
    settings = json.loads(re.search(r'<script id="__widget-runtime" type="application/json">(.*?)</script>',
                                    html, re.S).group(1))
    archives = [source for source, target in settings["files"] if target == "./*"]
    assert len(archives) == 1 and archives[0].endswith("-py3-none-any.whl")
    _key, built = build_wheel()
    assert (pyodide_site_dir / archives[0]).read_bytes() == built.read_bytes()
