"""Look: Fusion style, light or dark following the system palette, our own colours.

Colours live in one table per scheme so that status pills, banners and cards keep readable
contrast (text on pill ≥ 4.5:1) in both. The style sheet is ``resources/theme/app.qss`` with
``@name`` placeholders filled from the table, so the artwork can change without code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from console.ui.resources import resources_dir

# CJK fallbacks in order of preference: first one installed wins (Linux, Windows, macOS).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
)

LIGHT: dict[str, str] = {
    "window": "#f6f7f9",
    "panel": "#ffffff",
    "sidebar": "#eef1f5",
    "text": "#1f2329",
    "muted": "#5c6470",
    "border": "#d8dde4",
    "accent": "#1a7f5a",  # our green: "money is flowing"
    "accent_text": "#ffffff",
    "accent_soft": "#e3f3ec",
    "selection": "#cfe8dd",
    "warn_bg": "#fff4d6",
    "warn_text": "#6b4a00",
    "info_bg": "#e6f0fb",
    "info_text": "#0f3d6e",
    "error_bg": "#fde8e8",
    "error_text": "#8a1c1c",
}
DARK: dict[str, str] = {
    "window": "#1c1f24",
    "panel": "#24282e",
    "sidebar": "#202329",
    "text": "#e8eaed",
    "muted": "#a3abb5",
    "border": "#3a4049",
    "accent": "#3fbf8a",
    "accent_text": "#0d1a14",
    "accent_soft": "#1f3a2f",
    "selection": "#2d4a3e",
    "warn_bg": "#4a3b12",
    "warn_text": "#ffe3a3",
    "info_bg": "#183452",
    "info_text": "#cfe3ff",
    "error_bg": "#4d1f1f",
    "error_text": "#ffd0d0",
}

# (background, text) of the status pill per eligibility, light and dark.
PILL_LIGHT: dict[str, tuple[str, str]] = {
    "not_invited": ("#eceff3", "#4a5260"),
    "invited": ("#e2edfc", "#124a8c"),
    "in_review": ("#fff1d1", "#7a5200"),
    "approved": ("#dcf2f4", "#0d5a62"),
    "live": ("#ddf3e7", "#11623f"),
    "rejected": ("#fde4e4", "#9a1f1f"),
    "expired": ("#eceff3", "#5b6370"),
    "withdrawn": ("#f1e6f7", "#66307f"),
    "frozen": ("#e4e7fb", "#2f3b8f"),
}
PILL_DARK: dict[str, tuple[str, str]] = {
    "not_invited": ("#343a43", "#c9cfd8"),
    "invited": ("#1d3a5f", "#cfe2ff"),
    "in_review": ("#4a3a12", "#ffe2a0"),
    "approved": ("#153f44", "#b8eef3"),
    "live": ("#1a4431", "#b9f0d2"),
    "rejected": ("#55211f", "#ffc9c5"),
    "expired": ("#343a43", "#c0c6cf"),
    "withdrawn": ("#3d2748", "#ecd0fa"),
    "frozen": ("#272d55", "#d3d8ff"),
}


@dataclass(frozen=True, slots=True)
class Theme:
    dark: bool
    colors: dict[str, str]

    def color(self, name: str) -> QColor:
        return QColor(self.colors[name])

    def pill(self, eligibility: str) -> tuple[QColor, QColor]:
        table = PILL_DARK if self.dark else PILL_LIGHT
        bg, fg = table.get(eligibility, table["not_invited"])
        return QColor(bg), QColor(fg)


def system_prefers_dark(app: QGuiApplication) -> bool:
    """The system colour scheme (Qt 6.5+), else guessed from the default palette."""
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def current_theme(app: QGuiApplication | None = None) -> Theme:
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    dark = bool(app is not None and app.property("mc_dark"))
    return Theme(dark, DARK if dark else LIGHT)


def apply_theme(app: QApplication, dark: bool | None = None) -> Theme:
    """Fusion style, our palette and style sheet; ``dark`` None follows the system."""
    if dark is None:
        dark = system_prefers_dark(app)
    app.setProperty("mc_dark", dark)
    theme = Theme(dark, DARK if dark else LIGHT)
    app.setStyle("Fusion")
    app.setPalette(_palette(theme))
    app.setStyleSheet(_style_sheet(theme))
    return theme


def _palette(theme: Theme) -> QPalette:
    c = theme.color
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, c("window"))
    pal.setColor(role.WindowText, c("text"))
    pal.setColor(role.Base, c("panel"))
    pal.setColor(role.AlternateBase, c("window"))
    pal.setColor(role.Text, c("text"))
    pal.setColor(role.Button, c("panel"))
    pal.setColor(role.ButtonText, c("text"))
    pal.setColor(role.Highlight, c("selection"))
    pal.setColor(role.HighlightedText, c("text"))
    pal.setColor(role.ToolTipBase, c("panel"))
    pal.setColor(role.ToolTipText, c("text"))
    pal.setColor(role.PlaceholderText, c("muted"))
    pal.setColor(role.Link, c("accent"))
    pal.setColor(role.Mid, c("border"))
    for group in (QPalette.ColorGroup.Disabled,):
        pal.setColor(group, role.Text, c("muted"))
        pal.setColor(group, role.WindowText, c("muted"))
        pal.setColor(group, role.ButtonText, c("muted"))
    return pal


def _style_sheet(theme: Theme) -> str:
    path = resources_dir() / "theme" / "app.qss"
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"@([a-z_]+)", lambda m: theme.colors.get(m.group(1), m.group(0)), text)


def apply_fonts(app: QApplication) -> str | None:
    """Keep the system UI font, adding a CJK family as fallback so Chinese never shows boxes.

    Returns the CJK family used, or None when none is installed.
    """
    installed = set(QFontDatabase.families())
    cjk = next((f for f in CJK_FAMILIES if f in installed), None)
    font = QFont(app.font())
    if cjk is not None:
        base = font.families() or [font.family()]
        font.setFamilies([*base, cjk])
        for family in base:
            QFont.insertSubstitution(family, cjk)
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    return cjk
