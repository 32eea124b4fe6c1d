"""What the build puts in the site for the widgets: PyScript, the interpreter, decision_core, the glue, the copies."""

import gzip
import json
import re
import tarfile
from pathlib import Path

import brotli
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.site
def test_built_site_holds_the_runtime_and_the_browser_layers(site_dir):
    """PyScript, MicroPython and the browser layers as bytecode are in the site; Pyodide and the CLI are not."""
    runtime = site_dir / "assets" / "runtime"
    assert len(list(runtime.glob("pyscript/*/core.js"))) == 1
    assert len(list(runtime.glob("micropython/*/micropython.mjs"))) == 1
    assert len(list(runtime.glob("micropython/*/micropython.wasm"))) == 1
    assert not (runtime / "pyodide").exists()
    (archive,) = runtime.glob("mpy/*/decision_core.tar.gz")
    with tarfile.open(archive) as packed:
        shipped = packed.getnames()
    assert "decision_core/model/engine.mpy" in shipped and "decision_core/views/quiz.mpy" in shipped
    assert "decision_core/cli.mpy" not in shipped and not any(name.startswith("sitegen") for name in shipped)
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
def test_the_bytecode_is_of_the_version_the_interpreter_loads(site_dir):
    """Every .mpy file the site ships starts with the .mpy version the shipped MicroPython release loads."""
    release = json.loads((ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript"
                          / "package.json").read_text(encoding="utf-8"))["version"]
    assert release.startswith("1.") and int(release.split(".")[1]) >= 19  # 1.19 and later load .mpy version 6
    (archive,) = (site_dir / "assets" / "runtime").glob("mpy/*/decision_core.tar.gz")
    with tarfile.open(archive) as packed:
        headers = {member.name: packed.extractfile(member).read(2) for member in packed if member.isfile()}
    assert headers and all(name.endswith(".mpy") for name in headers)
    assert set(headers.values()) == {b"M\x06"}


@pytest.mark.site
def test_every_precompressed_copy_equals_its_file(site_dir):
    """Each .br and .gz copy in the site decompresses to exactly the file beside it."""
    copies = list(site_dir.rglob("*.br")) + list(site_dir.rglob("*.gz"))
    checked = 0
    for copy in copies:
        source = copy.with_name(copy.name.rsplit(".", 1)[0])
        if not source.is_file():
            continue  # an archive that is itself gzip (decision_core.tar.gz), not a copy
        body = brotli.decompress(copy.read_bytes()) if copy.suffix == ".br" else gzip.decompress(copy.read_bytes())
        assert body == source.read_bytes(), copy.relative_to(site_dir)
        checked += 1
    names = {copy.relative_to(site_dir).as_posix() for copy in copies}
    assert any(name.endswith("micropython.wasm.br") for name in names) and "quiz/index.html.gz" in names
    assert checked > 20


@pytest.mark.site
def test_pyodide_build_holds_pyodide(pyodide_site_dir):
    """With WIDGET_INTERPRETER=pyodide, the site holds Pyodide's files instead of MicroPython's."""
    runtime = pyodide_site_dir / "assets" / "runtime"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert len(list(runtime.glob("pyodide/*/" + name))) == 1
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
