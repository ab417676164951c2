"""Money as integer fen: reading what a merchant types, writing it back, fees in basis points.

Integer fen everywhere (docs/platform-api.md), so no float ever rounds a price. ``parse_fen`` is
the app's one amount parser: the CLI's ``preview --amount`` and the window's amount fields both
call it. It raises an error carrying a *problem code* rather than a sentence; ``console.words``
words the code in the merchant's language, so this module stays language-free.

The amount grammar (decided, and tested form by form in tests/core/test_money.py):

- Digits are ASCII or full-width (``１２３``, what a Chinese input method types; folded by NFKC).
  Other scripts' digits (Arabic-Indic ``١٢٣``, Devanagari ...) are refused as not a number: no
  merchant of a Chinese marketplace types them, and reading them would hide a paste mistake.
- A decimal point is ``.``, full-width ``．`` or the ideographic ``。`` (IMEs give it for "."). ``1.``
  reads as 1.00 and ``.5`` as 0.50: both are what a person typing means, and a field parsed
  while typing passes through ``1.`` on the way to ``1.5``.
- At most two decimals (fen). Extra digits are refused, not rounded (a price is never silently
  changed), unless they are zeros: ``1.500`` is exactly 1.50.
- Thousands separators (``,`` or full-width ``，``) only every three digits: ``1,234.50`` yes,
  ``1,23`` is refused rather than guessed. Whitespace anywhere is dropped (``1 234``).
- Currency marks on either side: ``¥``/``￥``, ``RMB``, ``CNY`` (any case) in front or behind,
  ``元``/``圆`` behind: ``¥12``, ``12.50元``, ``RMB 3.20``. ``12元5角`` is refused.
- A leading ``+`` is accepted (spreadsheets export it; it changes nothing). A minus (``-`` or
  the typographic ``−``) is refused as negative, except ``-0``, which is zero.
- Zero is an amount (a month without sales) unless ``allow_zero=False`` (a payment).
- At most ¥100,000,000.00 (``MAX_AMOUNT_FEN``); a longer digit string is refused as too large
  before any arithmetic, so a pasted account number costs nothing.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

#: Highest amount accepted from text (¥100,000,000.00): far above any platform limit, low enough
#: that a pasted account number is caught as a mistake instead of read as a price.
MAX_AMOUNT_FEN = 100_000_000_00

BPS_DENOMINATOR = 10_000


class AmountProblem(StrEnum):
    """Why typed text is not an amount."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    TOO_MANY_DECIMALS = "too_many_decimals"
    BAD_GROUPING = "bad_grouping"
    TOO_LARGE = "too_large"
    ZERO = "zero"


class AmountParseError(ValueError):
    """The text is not an amount; ``problem`` says why, ``text`` is what was typed."""

    def __init__(self, problem: AmountProblem, text: str) -> None:
        super().__init__(f"{problem.value}: {text!r}")
        self.problem = problem
        self.text = text


# Currency marks merchants type or paste: ¥ (NFKC folds the full-width ￥ into it), RMB, CNY,
# and a trailing 元 / 圆.
_CURRENCY = re.compile(r"^(?:¥|rmb|cny)|(?:元|圆|rmb|cny)$", re.IGNORECASE)
_PLAIN = re.compile(r"^([0-9]*)(?:\.([0-9]*))?$")  # ASCII only: NFKC already folded full-width
_GROUPED = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?$")


def parse_fen(text: str, *, allow_zero: bool = True) -> int:
    """Read "12.50", "¥1,234.5", "１２" (full-width), "88元" as fen (grammar: module docstring).

    Raises ``AmountParseError`` with the problem; ``allow_zero=False`` for a payment amount.
    """
    s = unicodedata.normalize("NFKC", text).replace("。", ".").replace("\u2212", "-")
    s = re.sub(r"\s+", "", s)
    if not s:
        raise AmountParseError(AmountProblem.EMPTY, text)
    negative = False
    previous = None
    while previous != s:  # "¥ -12 元": marks and a sign on either side
        previous = s
        s = _CURRENCY.sub("", s)
        if s.startswith("-"):
            negative, s = True, s[1:]
        elif s.startswith("+"):
            s = s[1:]
    if "," in s:
        if not _GROUPED.match(s):
            misplaced = re.fullmatch(r"[0-9,]+(?:\.[0-9]*)?", s) is not None
            problem = AmountProblem.BAD_GROUPING if misplaced else AmountProblem.NOT_A_NUMBER
            raise AmountParseError(problem, text)
        s = s.replace(",", "")
    match = _PLAIN.match(s)
    if match is None or not (match.group(1) or match.group(2)):
        raise AmountParseError(AmountProblem.NOT_A_NUMBER, text)
    whole, frac = match.group(1) or "0", match.group(2) or ""
    if len(frac) > 2:
        if frac[2:].strip("0"):
            raise AmountParseError(AmountProblem.TOO_MANY_DECIMALS, text)
        frac = frac[:2]  # "1.500" is exactly 1.50
    if len(whole) > 12:
        raise AmountParseError(AmountProblem.TOO_LARGE, text)
    fen = int(whole) * 100 + int(frac.ljust(2, "0"))
    if negative and fen:
        raise AmountParseError(AmountProblem.NEGATIVE, text)
    if fen > MAX_AMOUNT_FEN:
        raise AmountParseError(AmountProblem.TOO_LARGE, text)
    if fen == 0 and not allow_zero:
        raise AmountParseError(AmountProblem.ZERO, text)
    return fen


def format_fen(fen: int, *, symbol: bool = True, grouping: bool = True) -> str:
    """12345 -> "¥123.45"; negative amounts keep their sign in front: "-¥1.00"."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    whole = f"{yuan:,}" if grouping else str(yuan)
    return f"{sign}{'¥' if symbol else ''}{whole}.{cents:02d}"


def fee_fen(amount_fen: int, fee_bps: int) -> int:
    """The fee on ``amount_fen`` at ``fee_bps`` basis points, rounded half up to the fen."""
    if amount_fen < 0 or fee_bps < 0:
        raise ValueError("amount and fee rate must not be negative")
    return (amount_fen * fee_bps + BPS_DENOMINATOR // 2) // BPS_DENOMINATOR


def format_bps(fee_bps: int) -> str:
    """60 -> "0.60%"."""
    whole, rest = divmod(fee_bps, 100)
    return f"{whole}.{rest:02d}%"
