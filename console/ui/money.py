"""Money, date and duration helpers for the views, in the merchant's locale.

Amounts are integer fen everywhere below the UI (docs/platform-api.md); this module is the one
place that turns what a merchant types into fen and fen back into text. Parsing returns an error
*code* rather than a sentence, because this module has no ``tr()``: the view that shows the
message translates it, so the words follow a language switch without re-parsing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

#: Highest amount the inputs accept (¥100,000,000.00): far above any platform limit, low enough
#: that a pasted account number is caught as a mistake instead of shown as a sum.
MAX_AMOUNT_FEN = 100_000_000_00


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


# Currency marks merchants type or paste: ¥ / ￥ (NFKC folds the full-width one), "RMB",
# "CNY" and a trailing 元/圆.
_CURRENCY = re.compile(r"^(?:¥|rmb|cny)\s*|\s*(?:元|圆|rmb|cny)$", re.IGNORECASE)
_PLAIN = re.compile(r"^\d+(?:\.\d*)?$|^\.\d+$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d*)?$")


def parse_amount(text: str, *, allow_zero: bool = True) -> ParsedAmount:
    """Read "12.50", "¥1,234.5", "１２．５" or "88元" as fen; say why when it cannot.

    Full-width digits and punctuation (what a Chinese input method gives) are folded by NFKC;
    the ideographic full stop "。" is read as a decimal point since IMEs produce it for ".".
    Thousands separators must sit every three digits, so "1,23" is refused rather than guessed.
    ``allow_zero=False`` is for a payment amount: a checkout of ¥0 does not exist.
    """
    s = unicodedata.normalize("NFKC", text).strip().replace("。", ".")
    s = re.sub(r"\s+", "", s)
    if not s:
        return ParsedAmount(error=AmountError.EMPTY)
    negative = s.startswith("-")
    if negative:
        s = s[1:]
    previous = None
    while previous != s:  # "¥ 12 元" has a mark on both sides
        previous, s = s, _CURRENCY.sub("", s)
    if s.startswith("-"):  # "¥-5"
        negative, s = True, s[1:]
    if not s:
        return ParsedAmount(error=AmountError.NOT_A_NUMBER)
    if "," in s:
        if not _GROUPED.match(s):
            return ParsedAmount(
                error=AmountError.BAD_GROUPING if re.fullmatch(r"[\d,]+(?:\.\d*)?", s) else
                AmountError.NOT_A_NUMBER
            )
        s = s.replace(",", "")
    if not _PLAIN.match(s):
        return ParsedAmount(error=AmountError.NOT_A_NUMBER)
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the pattern above already rules it out
        return ParsedAmount(error=AmountError.NOT_A_NUMBER)
    if negative and value != 0:
        return ParsedAmount(error=AmountError.NEGATIVE)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and value != value.quantize(Decimal("0.01")):
        return ParsedAmount(error=AmountError.TOO_MANY_DECIMALS)
    fen = int(value * 100)
    if fen == 0 and not allow_zero:
        return ParsedAmount(error=AmountError.ZERO)
    if fen > MAX_AMOUNT_FEN:
        return ParsedAmount(error=AmountError.TOO_LARGE)
    return ParsedAmount(fen=fen)


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
