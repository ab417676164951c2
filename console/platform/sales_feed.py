"""Pages of the sales feeds (docs/platform-api.md, "Sales"), checked for shape before anything
reaches the database: a payment or settlement with a missing or mistyped field makes the whole
page a ``BadResponse``, like the change feed.

The client methods (``PlatformClient.payments`` / ``settlements``) fetch and verify the signed
answer; this module only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from console.core.timeutil import parse_ts
from console.platform.errors import BadResponse

_PAYMENT_INTS = ("amount_fen", "fee_bps", "fee_fen", "refunded_fen")
_PAYMENT_STRS = ("id", "store_id", "platform", "method", "channel", "paid_at", "settlement_date")
_SETTLEMENT_INTS = ("count", "gross_fen", "refunds_fen", "fees_fen", "net_fen")
_SETTLEMENT_STRS = ("id", "store_id", "platform", "method", "date", "settled_at")


@dataclass(frozen=True, slots=True)
class PaymentsPage:
    payments: list[dict[str, Any]]
    next_since: str
    has_more: bool
    server_time: datetime | None


@dataclass(frozen=True, slots=True)
class SettlementsPage:
    settlements: list[dict[str, Any]]
    next_after: str
    has_more: bool
    server_time: datetime | None


def _entries(
    data: dict[str, Any],
    field: str,
    ints: tuple[str, ...],
    strs: tuple[str, ...],
    signed: tuple[str, ...] = (),
) -> list[Any]:
    """The page's entries, each with every field present and typed (counts are ints >= 0; the
    ``signed`` ones may be negative).

    Written as plain loops on exact types: a million payments pass through here on a first
    sync, and JSON gives exactly ``int`` and ``str`` (``bool`` is not a count)."""
    entries = data.get(field)
    if not isinstance(entries, list):
        raise BadResponse(f"{field}: missing list")
    bad = BadResponse(f"{field}: an entry lacks or mistypes {', '.join(ints + strs)}")
    for entry in entries:
        if type(entry) is not dict:
            raise BadResponse(f"{field}: an entry is not an object")
        for k in ints:
            v = entry.get(k)
            if type(v) is not int or (v < 0 and k not in signed):
                raise bad
        for k in strs:
            if type(entry.get(k)) is not str:
                raise bad
    return entries


def _server_time(data: dict[str, Any]) -> datetime | None:
    try:
        return parse_ts(data["server_time"]) if isinstance(data.get("server_time"), str) else None
    except ValueError:
        return None


def payments_page(data: dict[str, Any]) -> PaymentsPage:
    payments = _entries(data, "payments", _PAYMENT_INTS, _PAYMENT_STRS)
    for p in payments:
        if p["refunded_fen"] > p["amount_fen"] or not (
            p.get("refunded_at") is None or isinstance(p["refunded_at"], str)
        ):
            raise BadResponse("payments: a refund larger than its payment")
    if not isinstance(data.get("next_since"), str) or not isinstance(data.get("has_more"), bool):
        raise BadResponse("payments: missing or mistyped next_since/has_more")
    return PaymentsPage(payments, data["next_since"], data["has_more"], _server_time(data))


def settlements_page(data: dict[str, Any]) -> SettlementsPage:
    # a day whose refunds and fees exceed its sales settles a negative net: the wallet takes it
    settlements = _entries(data, "settlements", _SETTLEMENT_INTS, _SETTLEMENT_STRS, signed=("net_fen",))
    for s in settlements:
        ids = s.get("payment_ids")
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise BadResponse("settlements: payment_ids is not a list of ids")
    if not isinstance(data.get("next_after"), str) or not isinstance(data.get("has_more"), bool):
        raise BadResponse("settlements: missing or mistyped next_after/has_more")
    return SettlementsPage(settlements, data["next_after"], data["has_more"], _server_time(data))


def settlement_query(day: date | None, first: date | None, last: date | None) -> str:
    """The query string of one day or an inclusive range; ValueError for anything else."""
    if day is not None and first is None and last is None:
        return f"date={day.isoformat()}"
    if day is None and first is not None and last is not None:
        if last < first:
            raise ValueError("the date range ends before it starts")
        return f"from={first.isoformat()}&to={last.isoformat()}"
    raise ValueError("give a day, or a first and a last day")


__all__ = ["PaymentsPage", "SettlementsPage", "payments_page", "settlement_query", "settlements_page"]
