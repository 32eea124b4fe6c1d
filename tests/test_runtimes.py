"""The package under MicroPython (in Node): every public scenario gives CPython's result.

MicroPython runs through the small Node harness in tests/runtimes/, since
pytest-pyodide only drives Pyodide; the same checks under Pyodide are
`run_in_pyodide` tests in tests/in_pyodide/.
"""

import contextlib
import io
import json
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "tests" / "scenarios" / "public.json"


pytestmark = pytest.mark.runtimes

RUNTIMES = ROOT / "tests" / "runtimes"
NODE = shutil.which("node")
INTERPRETERS = {
    "micropython": ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript" / "micropython.mjs",
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


@pytest.mark.parametrize("runtime", sorted(INTERPRETERS))
def test_runtime_gives_the_same_results_as_cpython(runtime, cpython_results):
    """MicroPython gives CPython's recommendation, errors and share links for every scenario."""
    if NODE is None:
        pytest.skip("node is not installed: cannot run the WebAssembly interpreters")
    if not INTERPRETERS[runtime].exists():
        pytest.skip("node_modules has no %s: run `npm ci` (make setup)" % runtime)
    done = subprocess.run([NODE, str(RUNTIMES / (runtime + ".mjs")), str(ROOT), str(SCENARIOS)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == cpython_results
