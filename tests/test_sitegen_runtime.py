"""sitegen's widget runtime: the interpreter setting, what is missing, and what the site serves."""

import doctest
import io
import re
import tarfile

import pytest

from sitegen import BuildError, runtime

DOCS = runtime.ROOT / "docs"


def test_missing_node_modules_fails_with_make_setup(monkeypatch, tmp_path):
    """Without node_modules the build stops and says to run `make setup`."""
    monkeypatch.setattr(runtime, "_node_modules", lambda: tmp_path / "node_modules")
    monkeypatch.setattr(runtime, "ROOT", tmp_path)
    with pytest.raises(BuildError, match=r"make setup"):
        runtime.prepare({"pyscript": {"interpreter": "micropython"}}, DOCS)


def test_missing_glue_fails_the_build(tmp_path):
    """A glue module absent from docs/ fails the build, naming it."""
    with pytest.raises(BuildError, match="widgets.py"):
        runtime.prepare({}, tmp_path)


@pytest.mark.parametrize("setting", ["cpython", "brython", "PyPy"])
def test_unknown_interpreter_fails_the_build(setting):
    """Only micropython and pyodide are accepted."""
    with pytest.raises(BuildError, match="micropython, pyodide"):
        runtime.interpreter_setting({"pyscript": {"interpreter": setting}})


@pytest.mark.parametrize("setting, expected", [(None, "micropython"), ("Pyodide", "pyodide"),
                                               (" micropython ", "micropython")])
def test_interpreter_setting(setting, expected):
    """The setting defaults to MicroPython and ignores case and spaces."""
    extra = {} if setting is None else {"pyscript": {"interpreter": setting}}
    assert runtime.interpreter_setting(extra) == expected


def test_micropython_pages_unpack_one_archive_of_bytecode():
    """MicroPython unpacks one content-addressed .tar.gz of bytecode; it holds the browser layers and the glue only."""
    if not (runtime.ROOT / "node_modules" / "@pyscript").is_dir():
        pytest.skip("needs node_modules (make setup)")
    served = runtime.prepare({}, DOCS)
    (url, target), = served.settings["files"]
    assert target == "./*" and re.fullmatch(r"assets/runtime/mpy/[0-9a-f]{16}/decision_core\.tar\.gz", url)
    (data, written), = served.contents
    assert written == url and url in served.settings["preload"]["fetches"]
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        names = archive.getnames()
    assert "decision_core/model/engine.mpy" in names and "widgets.mpy" in names and "calculator.mpy" in names
    assert not any(name.endswith(".py") for name in names)
    assert "decision_core/cli.mpy" not in names and not any(name.startswith("sitegen") for name in names)


def test_every_runtime_file_has_an_address_named_by_its_content():
    """PyScript, the interpreter and the package sit in folders named by a hash of their content."""
    if not (runtime.ROOT / "node_modules" / "@pyscript").is_dir():
        pytest.skip("needs node_modules (make setup)")
    served = runtime.prepare({}, DOCS)
    targets = [target for _source, target in served.copies] + [target for _data, target in served.contents]
    assert targets and all(re.match(r"assets/runtime/[a-z]+/[0-9a-f]{16}/[^/]+$", target) for target in targets)
    assert all(runtime.is_immutable(target) for target in targets)


def test_a_changed_file_gets_a_new_folder(tmp_path):
    """Two versions of a file never share an address; the same content always gets the same one."""
    first, second = tmp_path / "first.js", tmp_path / "second.js"
    first.write_text("one")
    second.write_text("two")
    assert runtime._folder("pyscript", [("core.js", first)]) != runtime._folder("pyscript", [("core.js", second)])
    second.write_text("one")
    assert runtime._folder("pyscript", [("core.js", first)]) == runtime._folder("pyscript", [("core.js", second)])


def test_widget_pages_preload_what_pyscript_waits_for():
    """PyScript's core, its error plugin (imported even when off) and the interpreter are preloaded; no other plugin."""
    if not (runtime.ROOT / "node_modules" / "@pyscript").is_dir():
        pytest.skip("needs node_modules (make setup)")
    modules = runtime.prepare({}, DOCS).settings["preload"]["modules"]
    names = [url.rsplit("/", 1)[1] for url in modules]
    assert names[0] == "core.js" and "micropython.mjs" in names
    assert any(name.startswith("error-") for name in names)
    assert not any(name.startswith(("py-editor", "py-terminal", "py-game", "donkey", "codemirror")) for name in names)


def test_docstring_examples_run():
    """The examples in the module's docstrings give the output they claim."""
    result = doctest.testmod(runtime)
    assert result.failed == 0 and result.attempted > 0
