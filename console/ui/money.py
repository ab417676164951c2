"""Money, date and duration helpers for the views, in the merchant's locale.

Amounts are integer fen everywhere below the UI (docs/platform-api.md); typed text is read by
the one grammar in ``console.core.money`` (docs/amounts.md) and shown back in the locale here.
Parsing returns an error *code* rather than a sentence, because this module has no ``tr()``:
the view that shows the message translates it, so the words follow a language switch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

from console.core.money import MAX_AMOUNT_FEN as MAX_AMOUNT_FEN  # the inputs' limit, re-exported
from console.core.money import AmountParseError, parse_fen


class AmountError(StrEnum):
    """Why typed text is not an amount; the view turns the code into a sentence."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    TOO_MANY_DECIMALS = "too_many_decimals"
    BAD_GROUPING = "bad_grouping"
    TOO_LARGE = "too_large"
    ZERO = "zero"


@dataclass(frozen=True, slots=True)
class ParsedAmount:
    """Either ``fen`` (a valid amount) or ``error``; never both."""

    fen: int | None = None
    error: AmountError | None = None

    @property
    def ok(self) -> bool:
        return self.fen is not None


def parse_amount(text: str, *, allow_zero: bool = True) -> ParsedAmount:
    """Read what a merchant typed as fen, or say why not: the one grammar of
    ``console.core.money.parse_fen`` (docs/amounts.md), so the window and ``preview --amount``
    can never disagree about what "+12" or "١٢٣" means. ``allow_zero=False`` for a payment."""
    try:
        return ParsedAmount(fen=parse_fen(text, allow_zero=allow_zero))
    except AmountParseError as exc:
        return ParsedAmount(error=AmountError(exc.problem.value))


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


def format_datetime(dt: datetime | None, lang: str) -> str:
    """A date and time in local time, short form of the UI language ("2026/11/24 18:00")."""
    if dt is None:
        return ""
    return locale_for(lang).toString(to_qdatetime(dt), QLocale.FormatType.ShortFormat)


def format_date(dt: datetime | None, lang: str) -> str:
    """A date in local time, long form ("2026年12月1日星期二" / "Tuesday, December 1, 2026")."""
    if dt is None:
        return ""
    return locale_for(lang).toString(to_qdatetime(dt).date(), QLocale.FormatType.LongFormat)


def format_short_date(dt: datetime | None, lang: str) -> str:
    """A date in local time, short form ("2026/12/1" / "12/1/26"): for lists where space is tight."""
    if dt is None:
        return ""
    return locale_for(lang).toString(to_qdatetime(dt).date(), QLocale.FormatType.ShortFormat)


def split_duration(delta: timedelta) -> tuple[int, int, int]:
    """(days, hours, minutes) of a non-negative span, for a countdown sentence; rounds down."""
    total = max(int(delta.total_seconds()), 0)
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3_600)
    return days, hours, rest // 60
