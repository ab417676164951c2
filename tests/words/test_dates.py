"""One date/time format per language, relative forms, and ISO with the offset for exports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from console.words.dates import (
    format_date,
    format_datetime,
    format_duration,
    format_iso,
    format_relative,
    format_short_date,
    format_when,
)

SHANGHAI = timezone(timedelta(hours=8), "CST")
NEW_YORK = timezone(timedelta(hours=-5), "EST")
# 04:54 UTC is 12:54 in Shanghai
WHEN = datetime(2026, 12, 16, 4, 54, 30, 123456, tzinfo=UTC)
NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.mark.parametrize(
    ("lang", "expected"), [("zh_CN", "2026年12月16日 12:54"), ("en", "16 Dec 2026, 12:54")]
)
def test_date_and_time(lang: str, expected: str) -> None:
    assert format_datetime(WHEN, lang, SHANGHAI) == expected


@pytest.mark.parametrize(("lang", "expected"), [("zh_CN", "2026年12月16日"), ("en", "16 Dec 2026")])
def test_date_only(lang: str, expected: str) -> None:
    assert format_date(WHEN, lang, SHANGHAI) == expected


def test_the_display_zone_decides_the_day() -> None:
    # the same instant is still the 15th in New York
    assert format_datetime(WHEN, "en", NEW_YORK) == "15 Dec 2026, 23:54"
    assert format_date(WHEN, "zh_CN", NEW_YORK) == "2026年12月15日"
    assert format_date(datetime(2026, 1, 5, tzinfo=UTC), "en", UTC) == "5 Jan 2026"  # no zero padding


def test_iso_for_exports_keeps_the_offset() -> None:
    assert format_iso(WHEN, SHANGHAI) == "2026-12-16T12:54:30+08:00"
    assert format_iso(WHEN, UTC) == "2026-12-16T04:54:30+00:00"
    assert datetime.fromisoformat(format_iso(WHEN, NEW_YORK)) == WHEN.replace(microsecond=0)


def test_machine_zone_by_default() -> None:
    local = WHEN.astimezone()
    assert format_datetime(WHEN, "en") == f"{local.day} {local.strftime('%b')} {local.year}, {local:%H:%M}"


def test_none_is_empty_and_naive_is_refused() -> None:
    assert format_datetime(None, "zh_CN") == format_date(None, "en") == format_iso(None) == ""
    assert format_relative(None, NOW, "en") == ""
    with pytest.raises(ValueError):
        format_datetime(datetime(2026, 12, 16, 12, 54), "en")


@pytest.mark.parametrize(
    ("delta", "zh", "en"),
    [
        (timedelta(days=3), "3天后", "in 3 days"),
        (timedelta(days=-3), "3天前", "3 days ago"),
        (timedelta(days=1), "明天", "tomorrow"),
        (timedelta(days=-1), "昨天", "yesterday"),
        (timedelta(days=30), "30天后", "in 30 days"),
        (timedelta(hours=5), "5小时后", "in 5 hours"),
        (timedelta(hours=-1), "1小时前", "1 hour ago"),
        (timedelta(minutes=10), "10分钟后", "in 10 minutes"),
        (timedelta(minutes=-1), "1分钟前", "1 minute ago"),
        (timedelta(seconds=20), "现在", "now"),
        (timedelta(0), "现在", "now"),
    ],
)
def test_relative(delta: timedelta, zh: str, en: str) -> None:
    assert format_relative(NOW + delta, NOW, "zh_CN", SHANGHAI) == zh
    assert format_relative(NOW + delta, NOW, "en", SHANGHAI) == en


def test_relative_counts_calendar_days_in_the_display_zone() -> None:
    late = datetime(2026, 11, 24, 14, 30, tzinfo=UTC)  # 22:30 in Shanghai
    soon = late + timedelta(hours=2)  # 00:30 the next day in Shanghai, same day in UTC
    assert format_relative(soon, late, "en", SHANGHAI) == "tomorrow"
    assert format_relative(soon, late, "en", UTC) == "in 2 hours"
    assert format_relative(late + timedelta(hours=26), late, "zh_CN", SHANGHAI) == "2天后"

def test_the_terminal_form_sorts() -> None:
    assert format_when(datetime(2026, 12, 1, 15, 5, tzinfo=UTC), UTC) == "2026-12-01 15:05"
    assert format_when(None) == "-"


def test_short_date_is_the_one_date_format() -> None:
    assert format_short_date(WHEN, "en", SHANGHAI) == format_date(WHEN, "en", SHANGHAI)


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
    assert format_duration(delta, "en") == en and format_duration(delta, "zh_CN") == zh
