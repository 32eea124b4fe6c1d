"""The lock files pin versions and hashes and record no download address or path of a machine."""

import json
import re

from tests.support.site import ROOT

ADDRESS = re.compile(r"(?:https?|file)://|/(?:work|root|home|tmp)/")


def _strings(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)
    elif isinstance(data, str):
        yield data


def test_the_npm_lock_records_versions_and_hashes_but_no_address():
    """Every package in package-lock.json has a version and an integrity hash, and no string is an address."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    packages = {name: entry for name, entry in lock["packages"].items() if name}
    assert packages and all(entry.get("version") and entry.get("integrity", "").startswith("sha")
                            for entry in packages.values() if not entry.get("link"))
    assert [text for text in _strings(lock) if ADDRESS.search(text)] == []


def test_the_python_lock_pins_exact_versions_with_hashes_and_no_address():
    """requirements/dev.txt: every requirement `==` a version with a sha256 hash, no index or path."""
    text = (ROOT / "requirements" / "dev.txt").read_text(encoding="utf-8")
    assert not ADDRESS.search(text)
    pins = re.findall(r"^([A-Za-z0-9_.\-]+)==\S+ \\$", text, re.M)
    assert len(pins) > 20 and text.count("--hash=sha256:") >= len(pins)
