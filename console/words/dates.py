"""Dates and times as each language writes them, in the machine's time zone.

Qt-free on purpose: the command line and the window format the same way. The window's forms are
the ones Qt's CLDR data gives for zh_CN and en_US (``2026/12/1 10:05`` / ``12/1/26 10:05 AM``),
written out here so a terminal needs no Qt. ``format_when`` is the terminal's sortable form.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from console.words.lang import ZH

_WEEKDAY_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# spelled out, not strftime's %A/%B: those follow the C locale, which Qt sets from the system
_MONTH_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_NNBSP = "\u202f"  # CLDR puts a narrow no-break space before AM/PM


def format_when(value: datetime | None, tz: tzinfo | None = None) -> str:
    """Local time (the machine's zone unless ``tz``), to the minute: "2026-12-08 10:00"."""
    if value is None:
        return "-"
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _clock_en(local: datetime) -> str:
    hour = local.hour % 12 or 12
    return f"{hour}:{local.minute:02d}{_NNBSP}{'AM' if local.hour < 12 else 'PM'}"


def format_datetime(value: datetime | None, lang: str, tz: tzinfo | None = None) -> str:
    """A date and time, short form: "2026/12/1 10:05" / "12/1/26 10:05 AM"; "" for None."""
    if value is None:
        return ""
    local = value.astimezone(tz)
    if lang == ZH:
        return f"{local.year}/{local.month}/{local.day} {local.hour:02d}:{local.minute:02d}"
    return f"{format_short_date(value, lang, tz)} {_clock_en(local)}"


def format_date(value: datetime | None, lang: str, tz: tzinfo | None = None) -> str:
    """A date, long form: "2026年12月1日星期二" / "Tuesday, December 1, 2026"; "" for None."""
    if value is None:
        return ""
    local = value.astimezone(tz)
    if lang == ZH:
        return f"{local.year}年{local.month}月{local.day}日{_WEEKDAY_ZH[local.weekday()]}"
    return f"{_WEEKDAY_EN[local.weekday()]}, {_MONTH_EN[local.month - 1]} {local.day}, {local.year}"


def format_short_date(value: datetime | None, lang: str, tz: tzinfo | None = None) -> str:
    """A date, short form for tight lists: "2026/12/1" / "12/1/26"; "" for None."""
    if value is None:
        return ""
    local = value.astimezone(tz)
    if lang == ZH:
        return f"{local.year}/{local.month}/{local.day}"
    return f"{local.month}/{local.day}/{local.year % 100:02d}"


def split_duration(delta: timedelta) -> tuple[int, int, int]:
    """(days, hours, minutes) of a non-negative span, for a countdown sentence; rounds down."""
    total = max(int(delta.total_seconds()), 0)
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3_600)
    return days, hours, rest // 60


def format_duration(delta: timedelta, lang: str) -> str:
    """A span in words, two units at most: "3 days 4 hours", "5 hours 10 minutes", "12 minutes".

    Rounds down (a countdown never promises time that is not left); under a minute reads
    "1 minute" so a still-open period never shows as nothing.
    """
    days, hours, minutes = split_duration(delta)

    def unit(n: int, zh: str, one: str, many: str) -> str:
        return f"{n} {zh}" if lang == ZH else (one if n == 1 else many.format(n=n))

    d = unit(days, "天", "1 day", "{n} days")
    h = unit(hours, "小时", "1 hour", "{n} hours")
    m = unit(minutes if days or hours else max(minutes, 1), "分钟", "1 minute", "{n} minutes")
    if days:
        return f"{d} {h}" if hours else d
    if hours:
        return f"{h} {m}" if minutes else h
    return m
