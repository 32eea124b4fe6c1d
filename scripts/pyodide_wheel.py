"""decision_core's wheel, built with `pyodide build`, offline; and Pyodide folders that load it.

Run with the project's tools (`.venv/bin/python`, Python 3.12+):

    python scripts/pyodide_wheel.py wheel [--out dist]    build the wheel (make wheel)
    python scripts/pyodide_wheel.py test-wheels          fetch pytest's pure wheels (make setup)
    python scripts/pyodide_wheel.py dist --out DIR       a Pyodide folder for pytest-pyodide

How the wheel is made without the internet:

1. `pyodide build` needs a cross-build environment, which it normally
   downloads. This script generates a minimal one from the pinned npm
   `pyodide` package instead (`xbuildenv_archive`): Pyodide's lock file, the
   interpreter's sysconfig data (from its `python_stdlib.zip`), an empty
   `requirements.txt`, an empty include folder and a small `Makefile.envs` whose
   values come from the lock file's `info`. That is all a pure-Python wheel
   needs; packages with C code would need the real environment and Emscripten.
2. `pyodide xbuildenv install --url file://...` installs it into
   `.cache/pyodide/xbuildenv/` (`PYODIDE_XBUILDENV_PATH`).
3. `pyodide build --no-isolation` builds the wheel from a scratch copy of the
   package's sources, with the pinned setuptools of `.venv/`, and with
   `SKIP_EMSCRIPTEN_VERSION_CHECK=1` (a pure wheel needs no compiler; without it
   pyodide-build tries to clone emsdk). Wheels are cached in `.cache/wheels/` by
   the sources' content hash.

`pyodide lockfile add-wheels` then writes a copy of Pyodide's lock file that
lists extra wheels (`relock`): pytest-pyodide loads pytest and `decision_core`
by name from it (`dist`).

Every failure ends in `PyodideWheelError`, whose message says what to run.
"""

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
"""The checkout."""

CACHE = ROOT / ".cache"
"""Build products that are never committed."""

NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
"""The pinned npm `pyodide` package (package-lock.json)."""

NPM_FILES = ("pyodide.mjs", "pyodide.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
             "pyodide-lock.json", "package.json")
"""The npm package's files that Pyodide needs to start, as an ES module (pyodide.mjs, the site) or a CommonJS
module (pyodide.js, pytest-pyodide's Node driver); package.json gives the version."""

SYSCONFIG_MODULE = "_sysconfigdata__emscripten_wasm32-emscripten.py"
"""The interpreter's build settings, inside `python_stdlib.zip`; pyodide-build reads them."""

TEST_WHEELS = ("pytest", "iniconfig", "packaging", "pluggy", "pygments", "tblib")
"""What pytest-pyodide loads into Pyodide: pytest, its dependencies, and tblib
(which carries tracebacks back to the host). All pure Python; their versions
and hashes are the ones requirements/dev.txt pins for the host."""

TEST_WHEELS_DIR = CACHE / "pyodide" / "test-wheels"
"""Where `test-wheels` puts them (`make setup`)."""

PACKAGE_SOURCES = ("pyproject.toml", "README.md", "decision_core")
"""What the wheel is built from."""


class PyodideWheelError(RuntimeError):
    """The wheel or a Pyodide folder could not be made; the message says what to do."""


# -- the pieces ---------------------------------------------------------------


def pyodide_cli() -> Path:
    """The `pyodide` command of the Python running this script (pyodide-build's CLI)."""
    command = Path(sys.executable).parent / "pyodide"
    if not command.is_file():
        raise PyodideWheelError(
            "pyodide-build is not installed next to %s (no `pyodide` command). Run `make setup`: it makes .venv/ "
            "with Python 3.12+ and the pinned tools of requirements/dev.txt." % sys.executable)
    return command


def npm_pyodide() -> "tuple[Path, dict]":
    """The npm package's folder and its lock file's `info` (plus `version`), checked."""
    missing = [name for name in NPM_FILES if not (NPM_PYODIDE / name).is_file()]
    if missing:
        raise PyodideWheelError(
            "node_modules/pyodide is missing %s: run `make setup` (it runs `npm ci`)." % ", ".join(missing))
    info = dict(json.loads((NPM_PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))["info"])
    info["version"] = json.loads((NPM_PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    for key in ("python", "platform", "abi_version"):
        if not info.get(key):
            raise PyodideWheelError("node_modules/pyodide/pyodide-lock.json has no info.%s: has its format changed? "
                                    "See docs/maintainers.md, 'When Pyodide moves to a new version'." % key)
    return NPM_PYODIDE, info


def makefile_envs(info: dict) -> str:
    """The `Makefile.envs` of the generated cross-build environment.

    pyodide-build reads it with `make -f Makefile.envs .output_vars` and keeps
    the variables it knows. The values come from the npm package's lock file;
    the paths are relative to `PYODIDE_ROOT`, which pyodide-build sets.
    """
    python = info["python"]
    major, minor, micro = (re.match(r"(\d+)\.(\d+)\.(\d+)", python).groups())
    emscripten = re.sub(r"^emscripten_", "", info["platform"]).replace("_", ".")
    install = "$(PYODIDE_ROOT)/cpython/installs/python-%s" % python
    lines = [
        "# Generated by scripts/pyodide_wheel.py from node_modules/pyodide/pyodide-lock.json:",
        "# a cross-build environment for pure-Python wheels only (no Emscripten, no headers).",
        "export PYODIDE_VERSION ?= %s" % info["version"],
        "export PYVERSION ?= %s" % python,
        "export PYMAJOR = %s" % major,
        "export PYMINOR = %s" % minor,
        "export PYMICRO = %s" % micro,
        "export PYODIDE_EMSCRIPTEN_VERSION ?= %s" % emscripten,
        "export PYODIDE_ABI_VERSION ?= %s" % info["abi_version"],
        "export PLATFORM_TRIPLET = wasm32-emscripten",
        "export SYSCONFIG_NAME = _sysconfigdata__emscripten_$(PLATFORM_TRIPLET)",
        "export CPYTHONINSTALL = %s" % install,
        "export TARGETINSTALLDIR = %s" % install,
        "export SYSCONFIGDATA_DIR = %s/sysconfigdata/" % install,
        "export PYTHONINCLUDE = %s/include/python%s.%s" % (install, major, minor),
        "export CFLAGS_BASE = -O2 -g0 -fPIC",
        "export CXXFLAGS_BASE =",
        "export LDFLAGS_BASE = -O2 -g0 -s WASM_BIGINT",
        "export PYODIDE_ZIP_COMPRESSION_LEVEL ?= 6",
        "",
        ".output_vars:",
        "\tset",
        "",
    ]
    return "\n".join(lines)


def xbuildenv_archive() -> Path:
    """The generated cross-build environment, as the tarball `pyodide xbuildenv install` takes.

    Made once per npm Pyodide version and generated `Makefile.envs`, in `.cache/pyodide/`.
    """
    folder, info = npm_pyodide()
    generated = hashlib.sha256(makefile_envs(info).encode()).hexdigest()[:8]
    archive = CACHE / "pyodide" / ("xbuildenv-%s-%s.tar.gz" % (info["version"], generated))
    if archive.is_file():
        return archive
    python = info["python"]
    install = "xbuildenv/pyodide-root/cpython/installs/python-%s/" % python
    with zipfile.ZipFile(folder / "python_stdlib.zip") as stdlib:
        try:
            sysconfig = stdlib.read(SYSCONFIG_MODULE)
        except KeyError:
            raise PyodideWheelError(
                "node_modules/pyodide/python_stdlib.zip has no %s: has the package's layout changed? "
                "See docs/maintainers.md, 'When Pyodide moves to a new version'." % SYSCONFIG_MODULE) from None
    members = {
        "xbuildenv/requirements.txt": b"",
        "xbuildenv/pyodide-root/Makefile.envs": makefile_envs(info).encode(),
        "xbuildenv/pyodide-root/dist/pyodide-lock.json": (folder / "pyodide-lock.json").read_bytes(),
        install + "sysconfigdata/" + SYSCONFIG_MODULE: sysconfig,
    }
    folders = [install + "include/python%s/" % ".".join(python.split(".")[:2])]
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".%d.part" % os.getpid())
    with tarfile.open(partial, "w:gz") as tar:
        for name in folders:
            entry = tarfile.TarInfo(name.rstrip("/"))
            entry.type, entry.mode = tarfile.DIRTYPE, 0o755
            tar.addfile(entry)
        for name, data in sorted(members.items()):
            entry = tarfile.TarInfo(name)
            entry.size, entry.mode = len(data), 0o644
            tar.addfile(entry, io.BytesIO(data))
    partial.replace(archive)
    return archive


def _environment(xbuildenv: Path) -> dict:
    """The variables every `pyodide` command here runs with (docs/maintainers.md lists them)."""
    return dict(
        os.environ,
        PYODIDE_XBUILDENV_PATH=str(xbuildenv),
        # A pure wheel needs no compiler; without this pyodide-build clones emsdk.
        SKIP_EMSCRIPTEN_VERSION_CHECK="1",
        # Should that check run after all, fail at once rather than go online.
        PYODIDE_SKIP_EMSCRIPTEN_INSTALL="1",
    )


def _run(command: list, env: dict, what: str, cwd: "Path | None" = None) -> str:
    done = subprocess.run([str(part) for part in command], env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise PyodideWheelError("%s failed (exit %d): %s\n%s%s" % (
            what, done.returncode, " ".join(str(part) for part in command), done.stdout[-3000:], done.stderr[-3000:]))
    return done.stdout + done.stderr


def install_xbuildenv() -> Path:
    """Install the generated cross-build environment (when not yet installed); return its folder.

    pyodide-build keeps the environment in use behind the link
    `.cache/pyodide/xbuildenv/xbuildenv`: when its `Makefile.envs` is the one
    this script generates for the npm package of node_modules, it is current.
    """
    _folder, info = npm_pyodide()
    xbuildenv = CACHE / "pyodide" / "xbuildenv"
    current = xbuildenv / "xbuildenv" / "xbuildenv" / "pyodide-root" / "Makefile.envs"
    if current.is_file() and current.read_text(encoding="utf-8") == makefile_envs(info):
        return xbuildenv
    archive = xbuildenv_archive()
    _run([pyodide_cli(), "xbuildenv", "install", "--force", "--url", archive.as_uri()], _environment(xbuildenv),
         "pyodide xbuildenv install")
    if not (current.is_file() and current.read_text(encoding="utf-8") == makefile_envs(info)):
        raise PyodideWheelError(
            "pyodide xbuildenv install did not install %s into %s: has pyodide-build's layout changed? "
            "See docs/maintainers.md, 'When pyodide-build moves to a new version'." % (archive.name, xbuildenv))
    return xbuildenv


def _package_files() -> "list[Path]":
    files = []
    for name in PACKAGE_SOURCES:
        path = ROOT / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += sorted(item for item in path.rglob("*")
                            if item.is_file() and "__pycache__" not in item.parts and item.suffix != ".pyc")
    return files


def sources_key() -> str:
    """A hash of the package's sources: the same sources make the same wheel."""
    digest = hashlib.sha256()
    for path in _package_files():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_wheel(rebuild: bool = False) -> "tuple[Path, str]":
    """decision_core's wheel, built by `pyodide build` (or the one it built before from the same sources).

    Args:
        rebuild: Build even when the cache holds a wheel of the same sources
            (and replace it).

    Returns:
        The wheel's path in `.cache/wheels/<sources key>/`, and what `pyodide build`
        said it built (empty when the wheel came from the cache).

    Raises:
        PyodideWheelError: A tool or a file is missing, or the build failed.
    """
    key = sources_key()
    cache = CACHE / "wheels" / key
    wheels = sorted(cache.glob("*.whl")) if cache.is_dir() else []
    if wheels and not rebuild:
        return wheels[0], ""
    xbuildenv = install_xbuildenv()
    with tempfile.TemporaryDirectory(prefix="decision-core-wheel-") as scratch:
        # A scratch copy: concurrent builds (tests, mkdocs serve) never share build/.
        scratch = Path(scratch)
        for path in _package_files():
            target = scratch / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        out = scratch / "dist"
        output = _run([pyodide_cli(), "build", "--no-isolation", "--skip-dependency-check", "--outdir", out, scratch],
                      _environment(xbuildenv), "pyodide build", cwd=scratch)
        built = sorted(out.glob("*.whl"))
        if len(built) != 1 or not built[0].name.endswith("-py3-none-any.whl"):
            raise PyodideWheelError("pyodide build did not make one pure-Python wheel: %s"
                                    % ", ".join(path.name for path in built))
        partial = cache.with_name(key + ".%d.part" % os.getpid())
        partial.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built[0], partial / built[0].name)
        if rebuild:
            shutil.rmtree(cache, ignore_errors=True)
        try:
            partial.rename(cache)
        except OSError:  # another build got there first: theirs is the same wheel
            shutil.rmtree(partial, ignore_errors=True)
    lines = [line.strip() for line in re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines() if line.strip()]
    said = [line for line in lines if line.startswith("Successfully built")] or lines[-1:]
    return sorted(cache.glob("*.whl"))[0], said[0].replace(str(scratch), "<scratch copy>") if said else ""


def relock(lock: Path, wheels: "list[Path]", out: Path) -> Path:
    """Write a copy of Pyodide's lock file `lock` that also lists `wheels`, with `pyodide lockfile add-wheels`.

    Each wheel's entry names the file only, so the wheel must sit next to the
    lock file (Pyodide looks for packages in the folder it was loaded from).

    Returns:
        `out`.
    """
    partial = out.with_name(out.name + ".%d.part" % os.getpid())
    _run([pyodide_cli(), "lockfile", "add-wheels", "--input", lock, "--output", partial, *wheels],
         dict(os.environ), "pyodide lockfile add-wheels")
    listed = {entry["file_name"] for entry in json.loads(partial.read_text(encoding="utf-8"))["packages"].values()}
    unlisted = [wheel.name for wheel in wheels if wheel.name not in listed]
    if unlisted:
        partial.unlink()
        raise PyodideWheelError("pyodide lockfile add-wheels did not list %s" % ", ".join(unlisted))
    partial.replace(out)
    return out


# -- test wheels and the pytest-pyodide folder ---------------------------------


def _pinned(names: "tuple[str, ...]") -> str:
    """The requirements/dev.txt entries (version and hashes) of `names`."""
    text = (ROOT / "requirements" / "dev.txt").read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=[a-z0-9])", text):
        match = re.match(r"([a-z0-9][a-z0-9._-]*)==", block)
        if match:
            entries[match.group(1)] = re.sub(r"\n\s+#.*", "", block).strip()
    missing = [name for name in names if name not in entries]
    if missing:
        raise PyodideWheelError("requirements/dev.txt pins no %s: run `make lock`." % ", ".join(missing))
    return "\n".join(entries[name] for name in names) + "\n"


def download_test_wheels(folder: Path = TEST_WHEELS_DIR) -> "list[Path]":
    """Download the pure wheels of `TEST_WHEELS` at dev.txt's versions, checked by its hashes."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as requirements:
        requirements.write(_pinned(TEST_WHEELS))
    try:
        _run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
              "--require-hashes", "-r", requirements.name, "-d", folder], dict(os.environ), "pip download")
    finally:
        os.unlink(requirements.name)
    return test_wheels(folder)


def test_wheels(folder: Path = TEST_WHEELS_DIR) -> "list[Path]":
    """The downloaded test wheels, one per name in `TEST_WHEELS`, each pure Python."""
    wheels = []
    for name in TEST_WHEELS:
        found = [path for path in folder.glob("*.whl")
                 if path.name.split("-")[0].lower().replace("_", "-") == name]
        if len(found) != 1:
            raise PyodideWheelError("%s holds %d wheels of %s: run `make setup`." % (folder, len(found), name))
        if not found[0].name.endswith("-none-any.whl"):
            raise PyodideWheelError("%s is not a pure-Python wheel" % found[0].name)
        wheels.append(found[0])
    return wheels


def make_dist(out: Path, wheels: "list[Path]") -> Path:
    """A Pyodide folder: the npm package's files, `wheels`, and a lock file listing them.

    Returns:
        `out`, holding `pyodide.mjs` and the relocked `pyodide-lock.json`.
    """
    folder, _info = npm_pyodide()
    out.mkdir(parents=True, exist_ok=True)
    for name in NPM_FILES:
        if name != "pyodide-lock.json":
            shutil.copy2(folder / name, out / name)
    for wheel in wheels:
        shutil.copy2(wheel, out / wheel.name)
    return relock(folder / "pyodide-lock.json", [out / wheel.name for wheel in wheels], out / "pyodide-lock.json")


# -- the command line -----------------------------------------------------------


def main(argv: "list[str] | None" = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    wheel = commands.add_parser("wheel", help="build decision_core's wheel with pyodide build")
    wheel.add_argument("--out", type=Path, default=ROOT / "dist", help="copy the wheel here (default: dist/)")
    commands.add_parser("test-wheels", help="download the pure wheels pytest-pyodide loads into Pyodide")
    dist = commands.add_parser("dist", help="a Pyodide folder with pytest and decision_core, relocked")
    dist.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        if args.command == "wheel":
            start = time.perf_counter()
            built, said = build_wheel(rebuild=True)
            args.out.mkdir(parents=True, exist_ok=True)
            shutil.copy2(built, args.out / built.name)
            _folder, info = npm_pyodide()
            print("pyodide build: %s" % said)
            print("pyodide build built %s in %.1f s, offline, with a cross-build environment generated from "
                  "npm pyodide %s (Python %s, %s, ABI %s)" % (
                      _shown(args.out / built.name), time.perf_counter() - start,
                      info["version"], info["python"], info["platform"], info["abi_version"]))
        elif args.command == "test-wheels":
            wheels = download_test_wheels()
            print("test wheels for Pyodide: " + ", ".join(path.name for path in wheels))
        else:
            built, _said = build_wheel()
            make_dist(args.out, [*test_wheels(), built])
            print("Pyodide folder with pytest and %s: %s" % (built.name, _shown(args.out)))
    except PyodideWheelError as error:
        print("scripts/pyodide_wheel.py: %s" % error, file=sys.stderr)
        return 1
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
