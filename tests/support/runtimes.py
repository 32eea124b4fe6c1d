"""Run Python code under MicroPython (in Node) with `decision_core` on its path: the one runner for tests and benchmarks.

    from tests.support.runtimes import run_micropython

    output = run_micropython("from decision_core import recommend\\nprint(recommend(...).choice)")

`tests/support/micropython.mjs` does the work; this checks that Node and the
npm package are there (skipping the test when they are not) and returns the
script's standard output.
"""

import pathlib
import shutil
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
"""The repository."""

RUNNER = ROOT / "tests" / "support" / "micropython.mjs"
"""The Node script that loads MicroPython and runs a script."""

MICROPYTHON = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript" / "micropython.mjs"
"""The interpreter's module, from `npm ci`."""


class Unavailable(RuntimeError):
    """Node or the MicroPython package is missing: run `make setup`."""


def run_micropython(code: str, files: "tuple[pathlib.Path, ...]" = (), timeout: float = 600) -> str:
    """Run `code` under MicroPython and return what it printed.

    Args:
        code: A Python script.
        files: Files copied into `/pkg` beside the package (the script reads them there).
        timeout: Seconds before the run is stopped.

    Returns:
        The script's standard output.

    Raises:
        Unavailable: Node or `node_modules` is missing.
        RuntimeError: The script failed; the message holds its standard error.
    """
    node = shutil.which("node")
    if node is None or not MICROPYTHON.is_file():
        raise Unavailable("needs node and node_modules (make setup)")
    with tempfile.TemporaryDirectory(prefix="mpy-run-") as scratch:
        script = pathlib.Path(scratch) / "script.py"
        script.write_text(code, encoding="utf-8")
        done = subprocess.run([node, str(RUNNER), str(ROOT), str(script)] + [str(path) for path in files],
                              capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError("MicroPython run failed:\n" + done.stderr[-4000:])
    return done.stdout
