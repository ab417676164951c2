"""Test-wide set-up: headless Qt, no real keyring, no user data touched."""

from __future__ import annotations

import os

# Set before anything imports Qt: GUI tests run headless everywhere, CI included.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
