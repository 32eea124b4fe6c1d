"""The build-time runtime hook (overrides/hooks/runtime.py) and what it puts in the built site."""

import importlib.util
import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hook():
    """overrides/hooks/runtime.py, imported as a module."""
    spec = importlib.util.spec_from_file_location("decision_guide_runtime_hook",
                                                  ROOT / "overrides" / "hooks" / "runtime.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missing_node_modules_fails_with_make_setup(hook, monkeypatch, tmp_path):
    """Without node_modules the build stops and says to run `make setup`."""
    monkeypatch.setattr(hook, "_node_modules", lambda: tmp_path / "node_modules")
    monkeypatch.setattr(hook, "ROOT", tmp_path)
    with pytest.raises(PluginError, match=r"make setup"):
        hook.on_config({"extra": {"pyscript": {"interpreter": "micropython"}}})


def test_missing_glue_fails_the_build(hook, tmp_path):
    """A glue module listed by the hook but absent from docs/ fails the build, naming it."""
    with pytest.raises(PluginError, match="widgets.py"):
        hook.on_config({"extra": {}, "docs_dir": str(tmp_path)})


@pytest.mark.parametrize("setting", ["cpython", "brython", "PyPy"])
def test_unknown_interpreter_fails_the_build(hook, setting):
    """Only micropython and pyodide are accepted."""
    with pytest.raises(PluginError, match="micropython, pyodide"):
        hook.on_config({"extra": {"pyscript": {"interpreter": setting}}})


@pytest.mark.parametrize("setting, expected", [(None, "micropython"), ("Pyodide", "pyodide"),
                                               (" micropython ", "micropython")])
def test_interpreter_setting(hook, setting, expected):
    """The setting defaults to MicroPython and ignores case and spaces."""
    extra = {} if setting is None else {"pyscript": {"interpreter": setting}}
    assert hook._interpreter_setting({"extra": extra}) == expected


class _Page:
    def __init__(self, url):
        self.url = url


@pytest.mark.parametrize("url, base", [("quiz/", "../"), ("a/b/quiz/", "../../../"), ("quiz.html", "")])
def test_quiz_form_replaces_its_marker_with_page_relative_links(hook, url, base):
    """The form's links are relative to the page, so the site works under any path."""
    html = hook.on_page_content("<p>x</p><!-- quiz:form -->", _Page(url), {"extra": {}}, None)
    assert "<!-- quiz:form -->" not in html and 'data-widget="quiz"' in html
    assert 'href="%sframework/#q1-knowledge-change"' % base in html
    assert hook.on_page_content("<p>no marker</p>", _Page(url), {}, None) == "<p>no marker</p>"


@pytest.mark.site
def test_built_site_holds_the_runtime_and_the_wheel(site_dir):
    """PyScript, MicroPython and a pure-Python decision_core wheel are in the site; Pyodide is not."""
    runtime = site_dir / "assets" / "runtime"
    assert (runtime / "pyscript" / "core.js").is_file()
    assert (runtime / "micropython" / "micropython.mjs").is_file()
    assert (runtime / "micropython" / "micropython.wasm").is_file()
    assert not (runtime / "pyodide").exists()
    wheels = list(runtime.glob("wheels/*/decision_core-*-py3-none-any.whl"))
    assert len(wheels) == 1
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
def test_pyodide_site_unpacks_the_wheel_pyodide_build_made(pyodide_site_dir, hook):
    """The Pyodide site's file map unpacks the wheel `pyodide build` made from the checkout, byte for byte."""
    html = (pyodide_site_dir / "quiz" / "index.html").read_text(encoding="utf-8")
    settings = json.loads(re.search(r'<script id="__widget-runtime" type="application/json">(.*?)</script>',
                                    html, re.S).group(1))
    archives = [source for source, target in settings["files"] if target == "./*"]
    assert len(archives) == 1 and archives[0].endswith("-py3-none-any.whl")
    _key, built = hook._build_wheel()
    assert (pyodide_site_dir / archives[0]).read_bytes() == built.read_bytes()


@pytest.mark.site
def test_only_widget_pages_carry_the_widget_marker(site_dir):
    """The quiz and the decision table use the widget template; the other guide pages do not."""
    marked = sorted(path.parent.name for path in site_dir.rglob("index.html")
                    if "data-widget-page" in path.read_text(encoding="utf-8"))
    assert "quiz" in marked
    assert "framework" not in marked and "basics" not in marked
