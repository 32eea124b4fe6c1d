"""Run the command line: `python3 -m decision_core recommend | link | quiz` (see `decision_core.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
