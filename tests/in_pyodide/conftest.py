"""The Pyodide folder pytest-pyodide starts from, made once per test session.

pytest-pyodide (a pytest plugin, in requirements/dev.txt) runs each
`run_in_pyodide` function inside Pyodide under Node (`--rt node`, its default),
started from the folder named by `--dist-dir` (pyproject.toml's `addopts`:
`.cache/pyodide/dist`). The npm `pyodide` package alone is not enough: the
plugin loads pytest and tblib into Pyodide, and the tests load `decision-core`,
all by name from the folder's lock file. So, before the tests here are
collected (the plugin reads that lock file as it decorates them), this file
makes the folder with `scripts/pyodide_wheel.py`:

- the npm package's files (`node_modules/pyodide`);
- the pure wheels of pytest, its dependencies and tblib
  (`.cache/pyodide/test-wheels/`, downloaded by `make setup` at the versions
  and hashes requirements/dev.txt pins);
- decision_core's wheel, built by `pyodide build` from the checkout;
- Pyodide's lock file relocked with all of them (`pyodide lockfile add-wheels`).

If any of that fails, every test here fails with the reason and what to run.
"""

from pathlib import Path

import pytest

from tests.support.site import ROOT, load_by_path

_folder = {}


def _builder():
    return load_by_path(ROOT / "scripts" / "pyodide_wheel.py", "decision_guide_pyodide_wheel")


def pytest_configure(config):
    """Make the Pyodide folder at `--dist-dir`, with decision_core's wheel built from the checkout."""
    builder = _builder()
    dist = Path(config.getoption("dist_dir"))
    try:
        wheel, _said = builder.build_wheel()
        builder.make_dist(dist, [*builder.test_wheels(), wheel])
    except builder.PyodideWheelError as error:
        _folder["error"] = str(error)
    else:
        _folder.update(dist=dist, wheel=wheel)


@pytest.fixture(autouse=True)
def pyodide_folder() -> "dict[str, Path]":
    """The folder pytest-pyodide starts Pyodide from (`dist`) and decision_core's wheel in it (`wheel`)."""
    if "error" in _folder:
        pytest.fail("the Pyodide folder for pytest-pyodide could not be made: " + _folder["error"], pytrace=False)
    return _folder
