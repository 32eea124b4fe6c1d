"""The one number parser inside Pyodide reads the table of tests/runtimes/numbers.json as CPython does.

The same script as under MicroPython (tests/test_runtimes_numbers.py) runs
inside Pyodide through pytest-pyodide, against the decision_core wheel built
from this checkout (conftest.py); its output must equal CPython's, row for row.
"""

import contextlib
import io
import json

import pytest
from pytest_pyodide import run_in_pyodide

from tests.test_runtimes_numbers import numbers_script

pytestmark = pytest.mark.runtimes


@run_in_pyodide(packages=["decision-core"])
def run_script(selenium, code):
    import contextlib
    import io

    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(code, {"__name__": "numbers"})
    return output.getvalue()


def test_pyodide_reads_every_number_as_cpython_does(selenium):
    """Inside Pyodide every row gives CPython's kind, value and message."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(numbers_script(), "numbers.py", "exec"), {"__name__": "numbers"})
    assert json.loads(run_script(selenium, numbers_script())) == json.loads(output.getvalue())
