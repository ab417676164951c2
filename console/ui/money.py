"""Money shown in the window, with the locale's grouping and decimal point.

Reading what a merchant types is ``console.core.money.parse_fen`` (the one amount parser, shared
with the command line); dates are ``console.words.dates`` (shared too). What stays here needs Qt:
the locale's number forms and a QDateTime for Qt's own widgets.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

# re-exported for main_window.py until it imports console.words itself
from console.words.dates import format_datetime


def locale_for(lang: str) -> QLocale:
    """The QLocale of a UI language code ("zh_CN", "en"): digits, grouping, date words."""
    return QLocale(lang) if lang else QLocale(QLocale.Language.English)


def format_fen(fen: int, lang: str, *, symbol: bool = True) -> str:
    """Fen → "¥1,234.50" with the locale's grouping; exact (integer arithmetic, no float)."""
    loc = locale_for(lang)
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    number = f"{loc.toString(yuan)}{loc.decimalPoint()}{cents:02d}"
    return f"{sign}{'¥' if symbol else ''}{number}"


def format_fen_input(fen: int) -> str:
    """Fen → "1234.50": what an amount field shows for a value the app filled in itself."""
    yuan, cents = divmod(fen, 100)
    return f"{yuan}.{cents:02d}"


def format_bps(bps: int, lang: str) -> str:
    """Basis points → "0.6%" (trailing zeros dropped: rates are quoted that way)."""
    pct = (Decimal(bps) / Decimal(100)).normalize()
    text = format(pct, "f")
    loc = locale_for(lang)
    return text.replace(".", loc.decimalPoint()) + "%"


def to_qdatetime(dt: datetime) -> QDateTime:
    """Aware UTC datetime → QDateTime in the machine's local time zone (what merchants read)."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime")
    utc = QDateTime.fromSecsSinceEpoch(int(dt.astimezone(UTC).timestamp()), QTimeZone.utc())
    return utc.toLocalTime()

__all__ = ["format_bps", "format_datetime", "format_fen", "format_fen_input", "locale_for", "to_qdatetime"]
