"""Look: Fusion style, light or dark following the system palette, our own colours.

Colours live in one table per scheme so that status pills, banners, cards and outcome words keep
readable contrast (text ≥ 4.5:1 on its background) in both, and disabled controls look disabled
(flat background, faded text) in both. Views take colours from ``current_theme()``, never
literals, so a colour chosen for a light page never ends up on a dark one. The style sheet is
``resources/theme/app.qss`` with ``@name`` placeholders filled from the table, so the artwork
can change without code.
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
    # text colours of an outcome on a panel or the window (activity, feedback history)
    "ok": "#16704a",
    "pending": "#8a5a00",
    "error": "#b42318",
    # disabled controls: flat background, faded text and border, so "not now" reads at a glance
    "disabled_bg": "#eceef1",
    "disabled_text": "#8a919b",
    "disabled_border": "#e1e4e9",
    # outline of check boxes and radio buttons: a control needs 3:1 against what is around it
    "indicator": "#7d848e",
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
    "ok": "#5fd3a0",
    "pending": "#f0c060",
    "error": "#ff8a80",
    "disabled_bg": "#202328",
    "disabled_text": "#6f7782",
    "disabled_border": "#2c3037",
    "indicator": "#7a828c",
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
    if app.property("mc_style") != "Fusion":  # the app's own start chose it already (ui/app.py)
        app.setStyle("Fusion")
        app.setProperty("mc_style", "Fusion")
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
    # Disabled: Fusion paints buttons, combos, check boxes, spin boxes and text edits from these,
    # so a control that cannot be used now is flat and faded instead of looking clickable.
    dis = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.WindowText, role.ButtonText, role.PlaceholderText, role.HighlightedText):
        pal.setColor(dis, r, c("disabled_text"))
    for r in (role.Button, role.Base, role.AlternateBase):
        pal.setColor(dis, r, c("disabled_bg"))
    pal.setColor(dis, role.Highlight, c("disabled_border"))
    pal.setColor(dis, role.Mid, c("disabled_border"))
    return pal


def _style_sheet(theme: Theme) -> str:
    path = resources_dir() / "theme" / "app.qss"
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    # besides the colours: @theme_dir (artwork beside the sheet) and @scheme (light or dark)
    values = {
        **theme.colors,
        "theme_dir": path.parent.as_posix(),
        "scheme": "dark" if theme.dark else "light",
    }
    return re.sub(r"@([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), text)


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


def text_style(name: str) -> str:
    """A label's ``color: …;`` from the current scheme: "error", "ok", "pending", "muted" …

    Views call this when they build or restyle a label (never a colour literal), so a word that
    is readable on the light window stays readable on the dark one.
    """
    return f"color: {current_theme().colors[name]};"
