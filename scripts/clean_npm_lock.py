"""Keep `package-lock.json` to versions and integrity hashes: drop the download and funding addresses npm writes.

    python -m scripts.clean_npm_lock        # after `npm install <package>@<version>`

`npm ci` installs from the registry it is configured with and checks each
package against its `integrity` hash, so the lock file needs no address; the
project's rule is that committed files record none (tests/test_lock_files.py).
"""

import json
from pathlib import Path

LOCK = Path(__file__).resolve().parents[1] / "package-lock.json"
"""The npm lock file."""

ADDRESS_KEYS = ("resolved", "funding")
"""What npm records that is an address rather than a version or a hash."""


def clean(data: object) -> object:
    """The lock data without `ADDRESS_KEYS`, at any depth.

    Example:
        >>> clean({"packages": {"node_modules/a": {"version": "1.0.0", "resolved": "https://r/a.tgz",
        ...                                         "funding": {"url": "https://f"}}}})
        {'packages': {'node_modules/a': {'version': '1.0.0'}}}
    """
    if isinstance(data, dict):
        return {key: clean(value) for key, value in data.items() if key not in ADDRESS_KEYS}
    if isinstance(data, list):
        return [clean(item) for item in data]
    return data


def main() -> None:
    LOCK.write_text(json.dumps(clean(json.loads(LOCK.read_text(encoding="utf-8"))), indent=2) + "\n",
                    encoding="utf-8")


if __name__ == "__main__":
    main()
