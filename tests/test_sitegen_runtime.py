"""sitegen's widget runtime: the interpreter setting, what is missing, and what the site serves."""

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


def test_micropython_pages_get_the_browser_layers_and_the_glue_only():
    """MicroPython maps each browser-layer file and the glue into its file system; never the CLI or the build."""
    if not (runtime.ROOT / "node_modules" / "@pyscript").is_dir():
        pytest.skip("needs node_modules (make setup)")
    served = runtime.prepare({}, DOCS)
    targets = [target for _url, target in served.settings["files"]]
    assert "./decision_core/model/engine.py" in targets and "./widgets.py" in targets
    assert "./decision_core/cli.py" not in targets
    assert all(url.startswith("assets/") for url, _target in served.settings["files"])
    copied = {target for _source, target in served.copies}
    assert all(url in copied for url, target in served.settings["files"] if target.startswith("./decision_core"))
