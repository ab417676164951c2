"""Where the app's resource files live (icons, translations, theme), frozen or not."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


@cache
def resources_dir() -> Path:
    """``resources/`` beside the source tree, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path(name: str) -> Path:
    """Path of ``resources/icons/<name>.svg`` (may not exist)."""
    return resources_dir() / "icons" / f"{name}.svg"


def icon(name: str) -> QIcon:
    """The SVG icon ``name``, or an empty QIcon when the artwork is missing."""
    # imported here: the window's first paint has no icons, and QIcon's first use builds its
    # enums (~4 ms of start-up, issue #14)
    from PySide6.QtGui import QIcon

    path = icon_path(name)
    return QIcon(str(path)) if path.exists() else QIcon()
