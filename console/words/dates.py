"""One date and time format per language, for the window, the terminal and exports alike.

Merchants saw four formats (2026/12/16 12:54, 2026年1月16日星期六, ISO, 12/16/26); now each
language has one long-standing form, written out here so a terminal needs no Qt:

- date and time: zh "2026年12月16日 12:54", en "16 Dec 2026, 12:54" (24-hour in both: it is
  what shop software in China uses, and it is unambiguous)
- date: zh "2026年12月16日", en "16 Dec 2026" (day-month-year: never read as 12/16 vs 16/12)
- relative: zh "3天后" / "3天前" / "明天", en "in 3 days" / "3 days ago" / "tomorrow"
- exports: ISO 8601 with the offset of the zone shown ("2026-12-16T12:54:00+08:00"), so a
  spreadsheet in another zone reads the same instant.

Values are aware datetimes (UTC inside the app); they are shown in the machine's zone unless
``tz`` is given. A naive datetime is a bug upstream and raises ValueError rather than guessing.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

_MONTH_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _is_zh(lang: str) -> bool:
    return lang.startswith("zh")


def _local(value: datetime, tz: tzinfo | None) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("naive datetime: pass an aware one (UTC inside the app)")
    return value.astimezone(tz)


def format_date(value: datetime | None, lang: str, tz: tzinfo | None = None) -> str:
    """ "2026年12月16日" / "16 Dec 2026" in the display zone; "" for None."""
    if value is None:
        return ""
    local = _local(value, tz)
    if _is_zh(lang):
        return f"{local.year}年{local.month}月{local.day}日"
    return f"{local.day} {_MONTH_EN[local.month - 1]} {local.year}"


def format_datetime(value: datetime | None, lang: str, tz: tzinfo | None = None) -> str:
    """ "2026年12月16日 12:54" / "16 Dec 2026, 12:54" in the display zone; "" for None."""
    if value is None:
        return ""
    local = _local(value, tz)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if _is_zh(lang):
        return f"{format_date(local, lang, tz)} {clock}"
    return f"{format_date(local, lang, tz)}, {clock}"


def format_iso(value: datetime | None, tz: tzinfo | None = None) -> str:
    """ISO 8601 to the second with the display zone's offset, for CSV and JSON exports; "" for None."""
    if value is None:
        return ""
    return _local(value, tz).replace(microsecond=0).isoformat()


def _count(n: int, zh_unit: str, en_unit: str, lang: str, future: bool) -> str:
    if _is_zh(lang):
        return f"{n}{zh_unit}{'后' if future else '前'}"
    unit = en_unit if n == 1 else f"{en_unit}s"
    return f"in {n} {unit}" if future else f"{n} {unit} ago"


def format_relative(value: datetime | None, now: datetime, lang: str, tz: tzinfo | None = None) -> str:
    """How far ``value`` is from ``now``, as a merchant says it; "" for None.

    Days count calendar days in the display zone (a deadline at 00:30 tomorrow is "tomorrow"
    even if it is 2 hours away at 22:30); within the same day, hours, then minutes; under a
    minute, "now". ``now`` comes from the app's clock, never from here.
    """
    if value is None:
        return ""
    local, today = _local(value, tz), _local(now, tz)
    days = (local.date() - today.date()).days
    zh = _is_zh(lang)
    if days == 0:
        delta = local - today
        future = delta >= timedelta(0)
        seconds = abs(delta.total_seconds())
        if seconds < 60:
            return "现在" if zh else "now"
        if seconds < 3600:
            return _count(int(seconds // 60), "分钟", "minute", lang, future)
        return _count(int(seconds // 3600), "小时", "hour", lang, future)
    if days == 1:
        return "明天" if zh else "tomorrow"
    if days == -1:
        return "昨天" if zh else "yesterday"
    return _count(abs(days), "天", "day", lang, days > 0)

def format_when(value: datetime | None, tz: tzinfo | None = None) -> str:
    """Local time (the machine's zone unless ``tz``), to the minute: "2026-12-08 10:00"."""
    if value is None:
        return "-"
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")



def format_short_date(value: datetime | None, lang: str, tz: tzinfo | None = None) -> str:
    """The date for tight lists: the same one format as :func:`format_date`."""
    return format_date(value, lang, tz)


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
        return f"{n} {zh}" if _is_zh(lang) else (one if n == 1 else many.format(n=n))

    d = unit(days, "天", "1 day", "{n} days")
    h = unit(hours, "小时", "1 hour", "{n} hours")
    m = unit(minutes if days or hours else max(minutes, 1), "分钟", "1 minute", "{n} minutes")
    if days:
        return f"{d} {h}" if hours else d
    if hours:
        return f"{h} {m}" if minutes else h
    return m
