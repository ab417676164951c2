"""``python -m console`` and the ``merchant-console`` script: the same entry as main.py."""

from __future__ import annotations

import sys


def main() -> int:
    from console.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
