"""The package under MicroPython and Pyodide (in Node): every public scenario gives CPython's result."""

import contextlib
import io
import json
import pathlib
import shutil
import subprocess

import pytest

from tests.support.runtimes import Unavailable, run_micropython

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios" / "public.json"


pytestmark = pytest.mark.runtimes

RUNTIMES = ROOT / "tests" / "runtimes"
NODE = shutil.which("node")
INTERPRETERS = {
    "micropython": ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript" / "micropython.mjs",
    "pyodide": ROOT / "node_modules" / "pyodide" / "pyodide.mjs",
}


def _cpython_results() -> list:
    namespace = {"SCENARIOS": str(SCENARIOS), "__name__": "probe"}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile((RUNTIMES / "probe.py").read_text(), "probe.py", "exec"), namespace)
    return json.loads(output.getvalue())


@pytest.fixture(scope="module")
def cpython_results() -> list:
    """The probe's results under this CPython."""
    return _cpython_results()


def test_the_probe_covers_every_public_scenario(cpython_results):
    """Under CPython the probe reports every scenario, its expected outcome and a round-tripping link."""
    cases = json.loads(SCENARIOS.read_text())
    assert [item["id"] for item in cpython_results] == [case["id"] for case in cases] + ["grid", "errors"]
    for item, case in zip(cpython_results, cases):
        assert item["outcome"] == case["expected"]
        assert item.get("round_trip", True) is True


def test_micropython_gives_the_same_results_as_cpython(cpython_results):
    """MicroPython gives CPython's recommendation, errors and share links for every scenario."""
    try:
        output = run_micropython('SCENARIOS = "/pkg/public.json"\n' + (RUNTIMES / "probe.py").read_text(),
                                 files=(SCENARIOS,))
    except Unavailable as reason:
        pytest.skip(str(reason))
    assert json.loads(output) == cpython_results


def test_pyodide_gives_the_same_results_as_cpython(cpython_results):
    """Pyodide gives CPython's recommendation, errors and share links for every scenario."""
    if NODE is None or not INTERPRETERS["pyodide"].exists():
        pytest.skip("needs node and node_modules (make setup)")
    done = subprocess.run([NODE, str(RUNTIMES / "pyodide.mjs"), str(ROOT), str(SCENARIOS)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == cpython_results
