"""The package under MicroPython (in Node): every public scenario gives CPython's result.

MicroPython runs through the project's one MicroPython runner
(tests/support/runtimes.py), since pytest-pyodide only drives Pyodide; the
same checks under Pyodide are `run_in_pyodide` tests in tests/in_pyodide/.
"""

import contextlib
import io
import json
import pathlib

import pytest

from tests.support.runtimes import Unavailable, run_micropython

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios" / "public.json"
PROBE = ROOT / "tests" / "runtimes" / "probe.py"

pytestmark = pytest.mark.runtimes


@pytest.fixture(scope="module")
def cpython_results() -> list:
    """The probe's results under this CPython."""
    namespace = {"SCENARIOS": str(SCENARIOS), "__name__": "probe"}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(PROBE.read_text(), "probe.py", "exec"), namespace)
    return json.loads(output.getvalue())


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
        output = run_micropython('SCENARIOS = "/pkg/public.json"\n' + PROBE.read_text(), files=(SCENARIOS,))
    except Unavailable as reason:
        pytest.skip(str(reason))
    assert json.loads(output) == cpython_results
