"""The one number parser reads a table of typed and linked numbers the same way in CPython and MicroPython.

MicroPython's own `float()` accepts `.`, `e5`, `.e5` and `-.` (as 0): the
calculator once read such an address as 0 in the browser while CPython
refused it. The table (tests/runtimes/numbers.json) holds each input with
its expected result, worked out by hand; tests/runtimes/numbers.py reads it
under each interpreter. Pyodide: tests/in_pyodide/test_numbers_in_pyodide.py.
"""

import contextlib
import io
import json
import pathlib

import pytest

from tests.support.runtimes import Unavailable, run_micropython

ROOT = pathlib.Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "runtimes" / "numbers.json"
SCRIPT = ROOT / "tests" / "runtimes" / "numbers.py"
ROWS = json.loads(TABLE.read_text(encoding="utf-8"))


def numbers_script() -> str:
    """tests/runtimes/numbers.py with the table set in front of it, ready for any interpreter."""
    return "import json\nROWS = json.loads(%r)\n" % TABLE.read_text(encoding="utf-8") + SCRIPT.read_text()


@pytest.fixture(scope="module")
def cpython_results() -> list:
    """The script's results under this CPython."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(numbers_script(), "numbers.py", "exec"), {"__name__": "numbers"})
    return json.loads(output.getvalue())


@pytest.mark.parametrize("index", range(len(ROWS)), ids=[repr(row[0]) for row in ROWS])
def test_cpython_reads_each_number_as_worked_out_by_hand(cpython_results, index):
    """Each input gives the kind and value the table expects (a refusal says it is not a number, in words)."""
    text, integer, expected = ROWS[index]
    result = cpython_results[index]
    assert result[0] == expected[0]
    if expected[0] == "refused":
        assert result[1] and "Traceback" not in result[1]
    else:
        assert result[1] == expected[1]


@pytest.mark.runtimes
def test_micropython_reads_every_number_as_cpython_does(cpython_results):
    """Under MicroPython every row gives CPython's kind, value and message: `.`, `e5`, `.e5`, `-.` are refused."""
    try:
        output = run_micropython(numbers_script())
    except Unavailable as reason:
        pytest.skip(str(reason))
    assert json.loads(output) == cpython_results
