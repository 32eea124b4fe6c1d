"""decision_core still runs on Python 3.11, its oldest supported version, though the tools now need 3.12+.

The project's tools (.venv/) run on the Python 3.12+ that scripts/find-python
picks, because pyodide-build requires it; the package's own `requires-python`
stays `>=3.11`. This runs the command line under a 3.11 found on the machine
and compares its answers with the tools' Python's.
"""

import glob
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = json.loads((ROOT / "scenarios" / "public.json").read_text(encoding="utf-8"))


def _python_311() -> "str | None":
    pyenv = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    for path in ["/usr/bin/python3.11", "/usr/local/bin/python3.11",
                 *sorted(glob.glob(os.path.join(pyenv, "versions", "3.11.*", "bin", "python3.11")))]:
        if os.access(path, os.X_OK):
            return path
    return None


def _recommend(python: str, answers: dict) -> "tuple[int, str]":
    done = subprocess.run([python, "-m", "decision_core", "recommend"], cwd=ROOT, input=json.dumps(answers),
                          capture_output=True, text=True, timeout=60, check=False)
    return done.returncode, done.stdout


def test_the_package_declares_python_311_and_the_tools_run_on_312_or_newer():
    """pyproject.toml keeps `>=3.11` for the package; the interpreter running the tests is 3.12+."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    assert sys.version_info >= (3, 12)


def test_python_311_gives_the_same_answers_as_the_tools_python():
    """Every public scenario gives the same output and exit status under Python 3.11 as under the tools' Python."""
    python = _python_311()
    if python is None:
        pytest.skip("no Python 3.11 on this machine to check the oldest supported version with")
    for case in SCENARIOS:
        assert _recommend(python, case["answers"]) == _recommend(sys.executable, case["answers"]), case["id"]
