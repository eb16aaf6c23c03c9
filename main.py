"""ICT Desk: start the window, or run a command-line task (``python main.py --help``)."""

from __future__ import annotations

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
