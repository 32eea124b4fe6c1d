"""The Pyodide tool chain: scripts/find-python, and scripts/pyodide_wheel.py (`make wheel`).

`make wheel` must build decision_core's wheel with `pyodide build`, offline,
from a cross-build environment generated from the npm `pyodide` package; the
tools must run on a Python 3.12+ that scripts/find-python finds, or it must say
what to install.
"""

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.support.site import ROOT, load_by_path
FIND_PYTHON = ROOT / "scripts" / "find-python"
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"


@pytest.fixture(scope="module")
def builder():
    """scripts/pyodide_wheel.py, imported as a module."""
    return load_by_path(ROOT / "scripts" / "pyodide_wheel.py", "pyodide_wheel_under_test")


@pytest.fixture(scope="module")
def npm_info() -> dict:
    """The npm package's version and its lock file's `info`, read here without the builder."""
    if not (NPM_PYODIDE / "pyodide-lock.json").is_file():
        pytest.fail("node_modules/pyodide is missing: run `make setup`", pytrace=False)
    info = json.loads((NPM_PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    info["version"] = json.loads((NPM_PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    return info


# -- make wheel -------------------------------------------------------------------


@pytest.fixture(scope="module")
def made_wheel(tmp_path_factory):
    """What `python scripts/pyodide_wheel.py wheel` (make wheel's command) printed, and the wheel it wrote."""
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "pyodide_wheel.py"), "wheel", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    wheels = sorted(out.glob("*.whl"))
    assert len(wheels) == 1
    return done.stdout, wheels[0]


def test_make_wheel_says_pyodide_build_built_it(made_wheel, npm_info):
    """The command's output is pyodide build's own success line, then the wheel, offline, from npm pyodide."""
    output, wheel = made_wheel
    lines = output.splitlines()
    assert lines[0] == "pyodide build: Successfully built <scratch copy>/dist/" + wheel.name
    assert lines[1].startswith("pyodide build built %s in " % wheel)
    assert "offline, with a cross-build environment generated from npm pyodide %s (Python %s" % (
        npm_info["version"], npm_info["python"]) in lines[1]


def test_the_wheel_is_pure_python_and_holds_the_checkouts_package(made_wheel):
    """A py3-none-any wheel of decision-core for Python 3.11+, whose modules are the checkout's, byte for byte."""
    _output, wheel = made_wheel
    assert wheel.name.startswith("decision_core-") and wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        package = {name: archive.read(name) for name in names if name.startswith("decision_core/")}
        metadata = next(archive.read(name).decode() for name in names if name.endswith(".dist-info/METADATA"))
    checkout = {path.relative_to(ROOT).as_posix(): path.read_bytes()
                for path in sorted((ROOT / "decision_core").rglob("*"))
                if path.is_file() and "__pycache__" not in path.parts}
    assert package == checkout
    assert "Name: decision-core" in metadata.splitlines()
    assert "Requires-Python: >=3.11" in metadata.splitlines()


# -- the generated cross-build environment ------------------------------------------


def test_the_cross_build_environment_holds_only_generated_files_and_the_npm_packages_data(builder, npm_info):
    """The tarball: an empty requirements file, Makefile.envs, the npm lock file and the sysconfig data, verbatim."""
    with tarfile.open(builder.xbuildenv_archive()) as tar:
        files = {member.name: tar.extractfile(member).read() for member in tar.getmembers() if member.isfile()}
        folders = sorted(member.name for member in tar.getmembers() if member.isdir())
    install = "xbuildenv/pyodide-root/cpython/installs/python-%s/" % npm_info["python"]
    sysconfig = install + "sysconfigdata/_sysconfigdata__emscripten_wasm32-emscripten.py"
    assert sorted(files) == sorted(["xbuildenv/requirements.txt", "xbuildenv/pyodide-root/Makefile.envs",
                                    "xbuildenv/pyodide-root/dist/pyodide-lock.json", sysconfig])
    assert files["xbuildenv/requirements.txt"] == b""
    assert files["xbuildenv/pyodide-root/dist/pyodide-lock.json"] == (NPM_PYODIDE / "pyodide-lock.json").read_bytes()
    with zipfile.ZipFile(NPM_PYODIDE / "python_stdlib.zip") as stdlib:
        assert files[sysconfig] == stdlib.read("_sysconfigdata__emscripten_wasm32-emscripten.py")
    assert folders == [install + "include/python%s" % ".".join(npm_info["python"].split(".")[:2])]


@pytest.mark.parametrize("key, expected", [
    ("python_version", lambda info: info["python"]),
    ("emscripten_version", lambda info: info["platform"].removeprefix("emscripten_").replace("_", ".")),
    ("pyodide_abi_version", lambda info: info["abi_version"]),
])
def test_pyodide_build_reads_the_npm_packages_versions_from_the_generated_environment(builder, npm_info, key,
                                                                                     expected):
    """`pyodide config get` (pyodide-build reading Makefile.envs) gives the npm lock file's versions."""
    xbuildenv = builder.install_xbuildenv()
    done = subprocess.run([str(builder.pyodide_cli()), "config", "get", key], env=builder._environment(xbuildenv),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected(npm_info)


def test_missing_npm_files_say_make_setup(builder, monkeypatch, tmp_path):
    """Without node_modules/pyodide the builder stops with one message that says to run `make setup`."""
    monkeypatch.setattr(builder, "NPM_PYODIDE", tmp_path / "node_modules" / "pyodide")
    with pytest.raises(builder.PyodideWheelError, match=r"node_modules/pyodide is missing .*run `make setup`"):
        builder.build_wheel(rebuild=True)


def test_relock_lists_the_wheel_next_to_pyodides_own_packages(builder, made_wheel, tmp_path):
    """`pyodide lockfile add-wheels` keeps every npm package and adds decision-core with the wheel's hash."""
    import hashlib

    _output, wheel = made_wheel
    lock = builder.relock(NPM_PYODIDE / "pyodide-lock.json", [wheel], tmp_path / "pyodide-lock.json")
    relocked = json.loads(lock.read_text(encoding="utf-8"))
    original = json.loads((NPM_PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert relocked["packages"].pop("decision-core")["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert relocked == original


# -- scripts/find-python -----------------------------------------------------------


def _find_python(tmp_path: Path, path: str, **env: str) -> subprocess.CompletedProcess:
    environment = {"PATH": path, "HOME": str(tmp_path / "home"), "PYENV_ROOT": str(tmp_path / "no-pyenv"),
                   "FIND_PYTHON_NO_INSTALL": "1", **env}
    return subprocess.run(["/bin/sh", str(FIND_PYTHON)], env=environment, capture_output=True, text=True,
                          timeout=120, check=False)


def _base_python() -> str:
    """The Python 3.12+ this test runs on, outside any virtual environment."""
    return os.path.realpath(getattr(sys, "_base_executable", sys.executable))


def test_find_python_takes_a_python_312_or_newer_and_skips_shims_that_fail(tmp_path):
    """A `python3.12` that fails to run (as a pyenv shim for an unselected version does) is passed over."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "python3.12"
    shim.write_text("#!/bin/sh\necho 'pyenv: python3.12: command not found' >&2\nexit 127\n")
    shim.chmod(0o755)
    (bin_dir / "python3.13").symlink_to(_base_python())
    done = _find_python(tmp_path, "%s:/usr/bin:/bin" % bin_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(bin_dir / "python3.13")


def test_find_python_looks_in_pyenvs_versions(tmp_path):
    """With no suitable Python on PATH, a version installed under pyenv's root is found."""
    version = tmp_path / "pyenv" / "versions" / "3.12.9" / "bin"
    version.mkdir(parents=True)
    (version / "python3.12").symlink_to(_base_python())
    done = _find_python(tmp_path, "/nonexistent", PYENV_ROOT=str(tmp_path / "pyenv"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(version / "python3.12")


def test_find_python_refuses_an_older_python_named_by_PYTHON(tmp_path):
    """`make PYTHON=python3.11 setup` stops: the tools need 3.12 or newer."""
    older = Path("/usr/bin/python3.11")
    if not older.exists():  # a stand-in that fails the version check as a 3.11 does
        older = tmp_path / "bin" / "python3"
        older.parent.mkdir()
        older.write_text("#!/bin/sh\nexit 1\n")
        older.chmod(0o755)
    done = _find_python(tmp_path, "/usr/bin:/bin", PYTHON=str(older))
    assert done.returncode == 1
    assert "is not a Python 3.12 or newer" in done.stderr and done.stdout == ""


def _system_python_312() -> "str | None":
    """A Python 3.12+ in /usr/bin or /usr/local/bin (the script always looks there), if the machine has one."""
    for folder in ("/usr/local/bin", "/usr/bin"):
        for name in ("python3", "python3.12", "python3.13", "python3.14"):
            path = Path(folder, name)
            if path.exists() and subprocess.run([str(path), "-c", "import sys; sys.exit(sys.version_info < (3, 12))"],
                                                capture_output=True, check=False).returncode == 0:
                return str(path)
    return None


def test_find_python_says_what_to_install_when_none_is_found(tmp_path):
    """With no Python 3.12+ anywhere it exits 1 with one message naming what to install and how to name one."""
    system = _system_python_312()
    if system:
        pytest.skip("this machine's system Python is 3.12+ (%s): nothing to miss" % system)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to("/bin/false")
    done = _find_python(tmp_path, "%s:/usr/bin:/bin" % bin_dir)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("No Python 3.12 or newer was found")
    assert "pyenv install 3.12" in done.stderr and "make PYTHON=/path/to/python3.12 setup" in done.stderr
