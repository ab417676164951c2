"""The look in both schemes: readable contrast, and controls that look disabled when they are.

Numbers, not taste: WCAG contrast ratios of every text colour on the backgrounds it is drawn on,
and the palette/style sheet rules that make a disabled control look different from an enabled
one (a disabled "Send feedback" once looked clickable).
"""

from __future__ import annotations

import re

import pytest

from console.ui.theme import DARK, LIGHT, PILL_DARK, PILL_LIGHT, Theme, _palette, _style_sheet

SCHEMES = {"light": (LIGHT, PILL_LIGHT), "dark": (DARK, PILL_DARK)}


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_text_colours_are_readable_on_every_background(scheme: str) -> None:
    colours, _ = SCHEMES[scheme]
    for fg in ("text", "muted", "ok", "pending", "error"):
        for bg in ("window", "panel", "sidebar"):
            assert contrast(colours[fg], colours[bg]) >= 4.5, (scheme, fg, bg)
    for kind in ("warn", "info", "error"):
        assert contrast(colours[f"{kind}_text"], colours[f"{kind}_bg"]) >= 4.5, (scheme, kind)
    assert contrast(colours["accent_text"], colours["accent"]) >= 4.5
    assert contrast(colours["text"], colours["selection"]) >= 4.5


@pytest.mark.parametrize("scheme", SCHEMES)
def test_status_pills_are_readable(scheme: str) -> None:
    _, pills = SCHEMES[scheme]
    assert len(pills) == 9
    for status, (bg, fg) in pills.items():
        assert contrast(fg, bg) >= 4.5, (scheme, status)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_check_boxes_stand_out_and_disabled_text_is_fainter_than_muted(scheme: str) -> None:
    colours, _ = SCHEMES[scheme]
    for bg in ("window", "panel"):  # a control's outline: 3:1 (WCAG 1.4.11)
        assert contrast(colours["indicator"], colours[bg]) >= 3.0, (scheme, bg)
    # disabled words are still legible, but clearly fainter than muted (enabled) ones
    for bg in ("window", "disabled_bg"):
        ratio = contrast(colours["disabled_text"], colours[bg])
        assert 2.2 <= ratio < contrast(colours["muted"], colours[bg]) - 1.5, (scheme, bg, ratio)


@pytest.mark.parametrize("dark", [False, True])
def test_disabled_controls_are_painted_differently(qapp, dark: bool) -> None:
    from PySide6.QtGui import QPalette

    pal = _palette(Theme(dark, DARK if dark else LIGHT))
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r in (role.Button, role.Base, role.ButtonText, role.Text, role.WindowText):
        assert pal.color(group.Disabled, r) != pal.color(group.Active, r), r


@pytest.mark.parametrize("dark", [False, True])
def test_style_sheet_has_disabled_rules_and_resolves_every_placeholder(qapp, dark: bool) -> None:
    from pathlib import Path

    sheet = _style_sheet(Theme(dark, DARK if dark else LIGHT))
    rules = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)  # comments may say "@name"
    assert not re.findall(r"@[a-z_]+", rules), "an @placeholder the theme does not know"
    for selector in (
        "QPushButton:disabled",
        "QPushButton#primary:disabled",
        "QLineEdit:disabled",
        "QPlainTextEdit:disabled",
        "QToolButton#chip:disabled",
        "QCheckBox::indicator:disabled",
    ):
        assert selector in sheet, selector
    for url in re.findall(r'url\("([^"]+)"\)', sheet):
        assert Path(url).is_file(), url


def test_views_take_colours_from_the_theme(qapp) -> None:
    """No colour literal outside the shopper's (always white) checkout screen and the QR code."""
    from pathlib import Path

    views = Path(__file__).resolve().parents[2] / "console" / "ui" / "views"
    for name in ("announcements.py", "activity.py"):
        assert not re.findall(r"#[0-9A-Fa-f]{6}\b", (views / name).read_text(encoding="utf-8")), name
