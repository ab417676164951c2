"""Sorting as merchants expect: Chinese by pinyin, numbers by value ("店铺 2" before "店铺 10").

Qt's wheel ships ICU (checked at run time: :attr:`Collation.pinyin`), so ``QCollator`` with a zh
locale orders Han characters by pinyin, including CLDR's readings of whole words (重庆 sorts as
"chongqing", not "zhong…"), and in numeric mode orders digit runs by value. Per-character
shortcuts get those words wrong, so the collator decides every order.

A ``QCollatorSortKey`` compares through a call into C++, which is too slow for a proxy model's
``lessThan`` run a hundred thousand times. So the unit of work is a batch: :meth:`ranks` sorts a
list once (≈ 0.2 s for 10,000 names on a loaded 2-core machine: do it off the GUI thread, once
per load) and hands back plain ints that compare in nanoseconds.

Without ICU a collator cannot order Han by pinyin, nor numbers by value: the fallback key is the
case-folded text with digit runs compared by value (code-point order for Han).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale, Qt

# Any Unicode digit run (full-width "１２" too): int() reads them all.
_DIGITS = re.compile(r"(\d+)")


def _fallback_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Case-folded text, digit runs by value: the best order a collator without ICU allows."""
    parts = _DIGITS.split(text.casefold())
    return tuple((0, int(part), "") if i % 2 else (1, 0, part) for i, part in enumerate(parts) if part)


class Collation:
    """Merchant sort order for one locale; keep one per language (building a collator costs)."""

    def __init__(self, locale: QLocale | str = "zh_CN", *, use_icu: bool | None = None) -> None:
        self._collator = QCollator(QLocale(locale) if isinstance(locale, str) else locale)
        self._collator.setNumericMode(True)
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        probe = self._collator.compare("阿", "中") < 0 and self._collator.compare("店铺 2", "店铺 10") < 0
        #: True when the collator orders Han by pinyin and numbers by value (Qt built with ICU).
        self.pinyin = probe if use_icu is None else use_icu and probe

    def compare(self, a: str, b: str) -> int:
        """Negative, zero or positive like ``QCollator.compare`` (for one-off comparisons)."""
        if self.pinyin:
            return self._collator.compare(a, b)
        ka, kb = _fallback_key(a), _fallback_key(b)
        return (ka > kb) - (ka < kb)

    def sort_key(self, text: str) -> QCollatorSortKey | tuple[tuple[int, int, str], ...]:
        """A key for one text; comparable only with keys from the same :class:`Collation`."""
        return self._collator.sortKey(text) if self.pinyin else _fallback_key(text)

    def ranks(self, texts: Sequence[str]) -> list[int]:
        """For each text its place in the sorted batch, as an int; equal texts share a rank.

        Ranks are comparable within one call only: re-rank the whole list when it changes.
        """
        keys = [self.sort_key(text) for text in texts]
        order = sorted(range(len(texts)), key=keys.__getitem__)
        ranks = [0] * len(texts)
        rank = 0
        for n, i in enumerate(order):
            if n and keys[order[n - 1]] < keys[i]:  # type: ignore[operator]
                rank += 1
            ranks[i] = rank
        return ranks

    def sorted(self, texts: Iterable[str], *, reverse: bool = False) -> list[str]:
        items = list(texts)
        keys = [self.sort_key(text) for text in items]
        return [items[i] for i in sorted(range(len(items)), key=keys.__getitem__, reverse=reverse)]


_BY_LANG: dict[str, Collation] = {}


def collation(lang: str) -> Collation:
    """The shared collation for a UI language ("zh_CN" or "en"). GUI thread only (cached).

    Store names are Chinese in either language, so both order Han by pinyin (zh locale); English
    changes only the words around them, not the order a merchant expects.
    """
    found = _BY_LANG.get(lang)
    if found is None:
        found = _BY_LANG[lang] = Collation("zh_CN")
    return found
