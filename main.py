"""Merchant Console entry point: the window by default, sub-commands for scripts and servers.

Kept cheap on purpose: only argparse is imported before the command is known, so ``--help``,
``--version`` and the "no display" message answer at once; Qt, sqlite-utils and the service are
imported in the branch that needs them (console/cli/). Exit codes: see console/cli/__init__.py.
"""

from __future__ import annotations

import sys

from console.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
