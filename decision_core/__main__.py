"""Run the command line: `python3 -m decision_core recommend | link | quiz` (see `decision_core.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":  # pragma: no branch (imported by runpy only to run)
    sys.exit(main())
