"""UTC timestamps: aware datetimes in Python, ISO 8601 with 'Z' in storage and on the wire."""

from __future__ import annotations

from datetime import UTC, datetime

from console.core.clock import system_now


def utcnow() -> datetime:
    """This PC's clock (see ``console.core.clock``, the one module that reads it)."""
    return system_now()


def parse_ts(value: str) -> datetime:
    """Parse '2026-11-24T10:00:00Z' (or with an offset) into an aware UTC datetime."""
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def format_ts(dt: datetime) -> str:
    """Aware datetime -> '2026-11-24T10:00:00Z' (microseconds kept only when present)."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime")
    text = dt.astimezone(UTC).isoformat()
    return text.replace("+00:00", "Z")
