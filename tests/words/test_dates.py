"""console.words.dates writes dates as Qt's CLDR data does, without Qt (the terminal has none)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.words import (
    EN,
    ZH,
    format_date,
    format_datetime,
    format_duration,
    format_short_date,
    format_when,
)

WHEN = datetime(2026, 12, 1, 15, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "short", "long", "both"),
    [
        (ZH, "2026/12/1", "2026年12月1日星期二", "2026/12/1 15:05"),
        (EN, "12/1/26", "Tuesday, December 1, 2026", "12/1/26 3:05\u202fPM"),
    ],
)
def test_each_language_writes_dates_its_way(lang: str, short: str, long: str, both: str) -> None:
    assert format_short_date(WHEN, lang, UTC) == short
    assert format_date(WHEN, lang, UTC) == long
    assert format_datetime(WHEN, lang, UTC) == both
    assert format_datetime(None, lang) == format_date(None, lang) == ""


def test_midnight_and_noon_in_english() -> None:
    assert format_datetime(WHEN.replace(hour=0, minute=0), EN, UTC).endswith("12:00\u202fAM")
    assert format_datetime(WHEN.replace(hour=12, minute=30), EN, UTC).endswith("12:30\u202fPM")


def test_the_terminal_form_sorts() -> None:
    assert format_when(WHEN, UTC) == "2026-12-01 15:05" and format_when(None) == "-"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=40 * 365 * 24 * 60), st.sampled_from([ZH, EN]))
def test_same_text_as_the_window_gets_from_qt(qapp, minutes: int, lang: str) -> None:
    """The window used QLocale for these; the shared forms must read exactly the same."""
    from PySide6.QtCore import QDateTime, QLocale, QTimeZone

    value = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc()).toLocalTime()
    loc = QLocale(lang)
    assert format_datetime(value, lang) == loc.toString(qdt, QLocale.FormatType.ShortFormat)
    assert format_date(value, lang) == loc.toString(qdt.date(), QLocale.FormatType.LongFormat)
    assert format_short_date(value, lang) == loc.toString(qdt.date(), QLocale.FormatType.ShortFormat)


@pytest.mark.parametrize(
    ("delta", "en", "zh"),
    [
        (timedelta(days=4), "4 days", "4 天"),
        (timedelta(days=2, hours=5, minutes=59), "2 days 5 hours", "2 天 5 小时"),
        (timedelta(days=1), "1 day", "1 天"),
        (timedelta(hours=1, minutes=1), "1 hour 1 minute", "1 小时 1 分钟"),
        (timedelta(hours=3), "3 hours", "3 小时"),
        (timedelta(minutes=12, seconds=59), "12 minutes", "12 分钟"),
        (timedelta(seconds=20), "1 minute", "1 分钟"),  # an open period never reads as nothing
        (timedelta(seconds=-5), "1 minute", "1 分钟"),
    ],
)
def test_durations_in_words(delta: timedelta, en: str, zh: str) -> None:
    assert format_duration(delta, EN) == en and format_duration(delta, ZH) == zh
