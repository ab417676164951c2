"""Demo operations on the demo platform's business clock (Qt-free: the CLI and the GUI share them).

The demo platform is the stub (console/platform/stub) with its admin API, on loopback. These
operations move its business clock (never backwards), finish reviews, publish rule changes and
take it offline, the way Stripe's test clocks let a newcomer play a subscription's life. Each
returns an :class:`Outcome` naming the events the clock passed; callers sync afterwards.

A real platform has no admin API: :func:`connect` refuses (``NOT_DEMO``) without sending a
request anywhere that is not this machine. Bad input raises :class:`DemoError` with a code that
``console.words.time`` words in the user's language; nothing changes on the platform then.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

import httpx

#: Longest single move of the clock: beyond it is a typo (the stub's own limit is 10 years).
MAX_ADVANCE = timedelta(days=3650)
_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400, "y": 365 * 86400}
_DURATION = re.compile(r"(\d{1,7})([mhdwy])")
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
#: Reasons the demo platform words (others are accepted too: a platform may add reasons).
KNOWN_REASONS = "LICENSE_MISMATCH, CATEGORY_NOT_SUPPORTED, RISK_REVIEW, INCOMPLETE_PROFILE"
#: Route the "offline" fault covers: every merchant call; /admin stays up to bring it back.
OFFLINE_ROUTE = "/v1/*"


class DemoError(Exception):
    """Bad input or a refusal: ``code`` is a key of ``console.words.time.TIME``, nothing changed."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def text(self, lang: str) -> str:
        from console.words.time import time_text

        return time_text(self.code, lang, **self.params)


def parse_duration(text: str) -> timedelta:
    """``90m``, ``12h``, ``1d``, ``7d``, ``2w``, ``1d12h``: strictly, forward, at most 10 years."""
    raw = text.strip().lower()
    if raw.startswith("-") or raw.startswith("+0") or re.fullmatch(r"0+[mhdwy]?", raw):
        raise DemoError("NEGATIVE_DURATION", text=text)
    if not raw or _DURATION.sub("", raw) != "" or len(raw) > 32:
        raise DemoError("BAD_DURATION", text=text)
    seconds = sum(int(n) * _UNITS[unit] for n, unit in _DURATION.findall(raw))
    if seconds <= 0:
        raise DemoError("NEGATIVE_DURATION", text=text)
    if seconds > MAX_ADVANCE.total_seconds():
        raise DemoError("DURATION_TOO_LONG", text=text, max_days=MAX_ADVANCE.days)
    return timedelta(seconds=seconds)


def parse_fee(text: str) -> str:
    """A fee rate as the announcement words it ("0.6%"): 0 < rate < 10 %."""
    raw = text.strip().rstrip("%").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise DemoError("BAD_FEE", text=text) from None
    if not value.is_finite() or not Decimal(0) < value < Decimal(10) or len(raw) > 8:
        raise DemoError("BAD_FEE", text=text)
    return f"{value.normalize():f}%"


def fee_bps(rate: str) -> int:
    """ "0.45%" (from :func:`parse_fee`) in basis points; a rate finer than 0.01 % is refused."""
    bps = Decimal(rate.rstrip("%")) * 100
    if bps != bps.to_integral_value():
        raise DemoError("BAD_FEE", text=rate)
    return int(bps)


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


@dataclass(frozen=True)
class Event:
    """One thing on the platform's calendar (see ``GET /admin/events`` in docs/platform-api.md)."""

    id: str
    kind: str
    at: datetime
    phase: int | None = None
    stores: int | None = None
    store_id: str | None = None
    announcement_id: str | None = None
    title: dict[str, str] | None = None

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            at=_time(str(data["at"])),
            phase=data.get("phase"),
            stores=data.get("stores"),
            store_id=data.get("store_id"),
            announcement_id=data.get("announcement_id"),
            title=data.get("title"),
        )

    def name(self, lang: str) -> str:
        """ "phase 3 opens (4 stores)", "review of tb-000005 finishes" in ``lang``."""
        from console.words.time import event_name

        return event_name(
            self.kind, lang, phase=self.phase, stores=self.stores, store_id=self.store_id, title=self.title
        )

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "at": self.at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        for key in ("phase", "stores", "store_id", "announcement_id", "title"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass(frozen=True)
class Outcome:
    """What one demo action did: the platform time after it and the events it passed."""

    action: str
    now: datetime
    passed: list[Event] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    def describe(self, lang: str) -> str:
        """What the action did, in ``lang``: the CLI prints it, the Demo controls page shows it."""
        from console.words.dates import format_datetime
        from console.words.time import time_text

        d = self.detail
        if self.action == "review":
            key = "reviewed_approve" if d["outcome"] == "approve" else "reviewed_reject"
            return time_text(key, lang, store_id=d["store_id"], reason=d.get("reason"))
        if self.action == "announce":
            return time_text(
                "announced",
                lang,
                id=d["id"],
                closes=format_datetime(_time(d["opinion_closes_at"]), lang),
                effective=format_datetime(_time(d["effective_at"]), lang),
            )
        if self.action in ("offline", "online"):
            return time_text(self.action, lang)
        lines = [time_text("advanced", lang, now=format_datetime(self.now, lang))]
        if self.passed:
            lines.append(time_text("passed_header", lang))
            lines += [
                time_text("passed_item", lang, at=format_datetime(e.at, lang), name=e.name(lang))
                for e in self.passed
            ]
        else:
            lines.append(time_text("passed_none", lang))
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "platform_time": self.now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "passed": [e.as_json() for e in self.passed],
            **self.detail,
        }


def is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in _LOOPBACK


class DemoPlatform:
    """The demo platform's admin API (unsigned, loopback only), one short-lived HTTP client."""

    def __init__(self, url: str, *, merchant_id: str | None = None, timeout: float = 10.0) -> None:
        self.url = url.rstrip("/")
        self.merchant_id = merchant_id
        self._http = httpx.Client(base_url=self.url, timeout=timeout, trust_env=False)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> DemoPlatform:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the admin API ---------------------------------------------------------------------

    def _call(self, method: str, path: str, body: Any = None, **params: Any) -> dict[str, Any]:
        try:
            resp = self._http.request(
                method, path, json=body, params={k: v for k, v in params.items() if v is not None}
            )
        except httpx.HTTPError as exc:
            raise DemoError("UNREACHABLE", detail=type(exc).__name__) from None
        if resp.status_code in (403, 404) and path.startswith("/admin/clock") and method == "GET":
            raise DemoError("NOT_DEMO")
        if resp.status_code >= 400:
            try:
                error = resp.json()["error"]
                code, message, details = str(error["code"]), str(error["message"]), error.get("details") or {}
            except (ValueError, KeyError, TypeError):
                code, message, details = "", resp.text[:200], {}
            if code == "NOT_FOUND" and "store_id" in (body or {}):
                raise DemoError("UNKNOWN_STORE", store_id=body["store_id"])
            if code in ("UNKNOWN_EVENT", "NO_UPCOMING_EVENT", "NOT_IN_REVIEW"):
                raise DemoError(
                    code, event=details.get("event", ""), store_id=(body or {}).get("store_id", "")
                )
            if code == "CLOCK_BACKWARDS":
                raise DemoError(code, now=details.get("now", ""))
            raise DemoError("REFUSED", detail=f"{message} ({code or resp.status_code})")
        data = resp.json()
        return data if isinstance(data, dict) else {}

    def now(self) -> datetime:
        return _time(self._call("GET", "/admin/clock")["now"])

    def events(self, limit: int = 50) -> tuple[datetime, list[Event]]:
        """The platform time and what comes next, in order."""
        data = self._call("GET", "/admin/events", merchant_id=self.merchant_id, limit=limit)
        return _time(data["now"]), [Event.from_wire(e) for e in data["events"]]

    def _passing(self, move: Callable[[], dict[str, Any]], action: str, **detail: Any) -> Outcome:
        """Run a clock move and name the events between the time before and after it."""
        _, before = self.events(limit=500)
        data = move()
        now = _time(data["now"]) if "now" in data else self.now()
        passed = [e for e in before if e.at <= now]
        return Outcome(action, now, passed, detail)

    def advance(self, duration: timedelta) -> Outcome:
        seconds = duration.total_seconds()
        if seconds <= 0:
            raise DemoError("NEGATIVE_DURATION", text=str(duration))
        if duration > MAX_ADVANCE:
            raise DemoError("DURATION_TOO_LONG", text=str(duration), max_days=MAX_ADVANCE.days)
        return self._passing(
            lambda: self._call("POST", "/admin/clock/advance", {"seconds": seconds}), "advance"
        )

    def advance_to_event(self, event_id: str | None = None) -> Outcome:
        """To the next event (or the one named by its id from :meth:`events`)."""
        if event_id is not None and not re.fullmatch(r"[A-Za-z0-9_.:-]{1,80}", event_id):
            raise DemoError("UNKNOWN_EVENT", event=event_id)
        body = {"event": event_id} if event_id else None
        return self._passing(lambda: self._call("POST", "/admin/clock/next", body), "advance_to_event")

    def finish_review(self, store_id: str, outcome: str, reason: str | None = None) -> Outcome:
        """Finish ``store_id``'s pending WeChat Pay review now: ``approve`` or ``reject``."""
        if outcome not in ("approve", "reject"):
            raise DemoError("REFUSED", detail=outcome)
        code = None
        if outcome == "reject":
            code = (reason or "RISK_REVIEW").strip().upper()
            if not re.fullmatch(r"[A-Z][A-Z0-9_]{0,63}", code):
                raise DemoError("UNKNOWN_REASON", reason=reason, known=KNOWN_REASONS)
        body = {"store_id": store_id, "outcome": outcome, "reason_code": code}
        data = self._call("POST", "/admin/reviews/finish", body)
        return Outcome(
            "review",
            self.now(),
            [],
            {"store_id": store_id, "outcome": outcome, "reason": code, "finished": data.get("finished", [])},
        )

    def announce(self, fee: str, *, opinion_days: int = 7, effective_days: int = 14) -> Outcome:
        """Publish a WeChat Pay fee change now with an opinion period, effective later."""
        from console.words.time import time_text

        rate = parse_fee(fee)
        fee_bps(rate)  # refused before anything is published
        if not 1 <= opinion_days <= 90 or not max(7, opinion_days) <= effective_days <= 365:
            raise DemoError("BAD_DURATION", text=f"{opinion_days}d/{effective_days}d")
        now = self.now()
        stamp = lambda d: (now + timedelta(days=d)).strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
        body = {
            "title": {
                "zh": time_text("announce_title", "zh", fee=rate),
                "en": time_text("announce_title", "en", fee=rate),
            },
            "body": {
                "zh": time_text("announce_body", "zh", fee=rate),
                "en": time_text("announce_body", "en", fee=rate),
            },
            "published_at": stamp(0),
            "opinion_opens_at": stamp(0),
            "opinion_closes_at": stamp(opinion_days),
            "effective_at": stamp(effective_days),
            "affects": {"platforms": ["taobao", "tmall"], "methods": ["wechat_pay"]},
            "fee_bps": fee_bps(rate),  # the platform's terms change on the effective date
        }
        data = self._call("POST", "/admin/announcements", body)["announcement"]
        return Outcome(
            "announce",
            now,
            [],
            {
                "id": data["id"],
                "fee": rate,
                "opinion_closes_at": data["opinion_closes_at"],
                "effective_at": data["effective_at"],
            },
        )

    def set_offline(self, offline: bool) -> Outcome:
        """Offline: every merchant call answers 503 until :meth:`set_offline` (False)."""
        if offline:
            self._call("PUT", "/admin/faults", {"route": OFFLINE_ROUTE, "status": 503, "retry_after": 5})
        else:
            self._call("DELETE", "/admin/faults")
        return Outcome("offline" if offline else "online", self.now())


def connect(url: str, *, merchant_id: str | None = None, timeout: float = 10.0) -> DemoPlatform:
    """The demo platform at ``url``; refuses (``NOT_DEMO``) a platform that is not one.

    A platform away from this machine is refused without a request; a local one must answer
    the admin clock (a real platform has no admin API)."""
    if not is_loopback(url):
        raise DemoError("NOT_DEMO")
    demo = DemoPlatform(url, merchant_id=merchant_id, timeout=timeout)
    try:
        demo.now()
    except BaseException:
        demo.close()
        raise
    return demo


__all__ = [
    "MAX_ADVANCE",
    "DemoError",
    "DemoPlatform",
    "Event",
    "Outcome",
    "connect",
    "fee_bps",
    "is_loopback",
    "parse_duration",
    "parse_fee",
]
