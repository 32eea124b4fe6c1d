# The one number parser, read back under each Python: run inside MicroPython (tests/support/runtimes.py),
# inside Pyodide (tests/in_pyodide/test_numbers_in_pyodide.py) and under CPython
# (tests/test_runtimes_numbers.py); the outputs must be equal. The runner sets ROWS (the rows of
# tests/runtimes/numbers.json: text, whether a whole number is required, the expected result); this
# prints one JSON document: for each row, ["int", value], ["float", value] or ["refused", message].
import json

from decision_core.base.format import parse_number


def read_numbers(rows):
    results = []
    for text, integer, _expected in rows:
        try:
            value = parse_number(text, integer=integer)
        except ValueError as error:
            results.append(["refused", str(error)])
        else:
            results.append([type(value).__name__, value])
    return results


print(json.dumps(read_numbers(ROWS)))  # noqa: F821 (set by the runner)
