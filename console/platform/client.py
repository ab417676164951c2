"""The platform API client: signed requests, verified responses, typed errors.

Implements the client side of docs/platform-api.md and nothing else (it never imports the stub:
two independent implementations of the signing rules are how contract drift gets caught).

Why the response checks matter: the sync engine applies what the platform answers as the truth
about a merchant's stores. A response that is unsigned, signed with another secret, signed for
another request (nonce), or too old could be a proxy's error page, a replay or a forgery, so it
is turned into ``BadResponse`` before any of it reaches the database.

One client holds one keep-alive connection pool (httpx.Client). It is not shared between
threads: the sync worker creates its own.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): one concern, the signed
API client with its verification and retries, just over the line.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

import httpx

from console.core.timeutil import parse_ts, utcnow
from console.platform import sales_feed
from console.platform.errors import (
    AuthError,
    BadResponse,
    InProgress,
    NotFound,
    PlatformError,
    PlatformOffline,
    RateLimited,
    RefusedByRule,
    ServerError,
)

#: Connect quickly or call it offline; a read may wait for a slow platform a while longer.
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=20.0, write=20.0, pool=5.0)
#: A whole response (headers and body) must arrive within this, however slowly it trickles.
DEFAULT_TOTAL_TIMEOUT_S = 60.0
#: The contract's freshness window for signed responses.
MAX_SKEW_S = 300
#: A page of 1,000 changes is well under this; anything larger is not our platform talking.
MAX_BODY_BYTES = 32 * 1024 * 1024

IDEMPOTENCY_KEY_RE = re.compile(r"[A-Za-z0-9_.:-]{1,128}")
_USER_AGENT = "merchant-console/0.1"


# -- signing (the contract's string-to-sign, kept as plain functions so tests can check them) --
def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def request_signature(secret: str, method: str, path_qs: str, timestamp: str, nonce: str, body: bytes) -> str:
    """HMAC-SHA256 over METHOD, PATH?QUERY, TIMESTAMP, NONCE, BODY_SHA256 joined by '\\n'."""
    message = "\n".join([method.upper(), path_qs, timestamp, nonce, body_sha256(body)])
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def response_signature(
    secret: str,
    status: int,
    request_nonce: str,
    timestamp: str,
    body: bytes,
    platform_time: str | None = None,
) -> str:
    """HMAC-SHA256 over STATUS, REQUEST_NONCE, TIMESTAMP, [X-PLATFORM-TIME,] BODY_SHA256 joined by '\\n'."""
    head = [str(status), request_nonce, timestamp]
    if platform_time is not None:
        head.append(platform_time)
    message = "\n".join([*head, body_sha256(body)])
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


# -- results -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the change feed: the full current entity at ``version``."""

    version: int
    kind: str
    id: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ChangesPage:
    changes: list[Change]
    next_since: int
    has_more: bool
    server_time: datetime | None


@dataclass(frozen=True, slots=True)
class StoreSnapshot:
    store: dict[str, Any]
    methods: list[dict[str, Any]]
    invitation: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class MethodChangeResult:
    """The platform's authoritative answer to a method change."""

    method: dict[str, Any]
    invitation: dict[str, Any] | None
    version: int
    replayed: bool  # Idempotency-Replayed: the platform had already applied this key


@dataclass(frozen=True, slots=True)
class FeedbackResult:
    feedback: dict[str, Any]
    version: int
    replayed: bool


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    headers: httpx.Headers
    body: bytes


# -- shape checks ---------------------------------------------------------------------------
def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _obj(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadResponse(f"{what}: expected an object")
    return value


def _check_method_entity(value: object) -> dict[str, Any]:
    data = _obj(value, "method")
    if not (
        isinstance(data.get("store_id"), str)
        and isinstance(data.get("method"), str)
        and isinstance(data.get("eligibility"), str)
        and isinstance(data.get("enabled"), bool)
    ):
        raise BadResponse("method: missing or mistyped store_id/method/eligibility/enabled")
    return data


def _retry_after(headers: httpx.Headers) -> float | None:
    """Retry-After in seconds (the contract sends seconds; an HTTP date is ignored)."""
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if value >= 0 else None


class PlatformClient:
    """Signed calls to one platform as one merchant app.

    ``clock`` is this PC's clock (an aware UTC datetime); corrected by :attr:`clock_offset` it
    stamps requests and judges the freshness of responses. A PC clock that is off is tolerated
    the way the AWS SDKs do it: a signed ``AUTH_TIMESTAMP_SKEW`` refusal teaches the offset (from
    its signed ``X-Timestamp``) and the request is sent once more with a corrected timestamp.
    Unsigned or forged answers never move the offset.

    ``on_platform_time`` receives the platform's business time (``X-Platform-Time``) of every
    verified answer: the app's clock (``console.core.clock.PlatformClock.learn``) follows it.
    ``transport`` is for tests that need an httpx transport of their own.
    """

    def __init__(
        self,
        base_url: str,
        app_key: str,
        app_secret: str,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        total_timeout: float = DEFAULT_TOTAL_TIMEOUT_S,
        clock: Callable[[], datetime] = utcnow,
        transport: httpx.BaseTransport | None = None,
        on_platform_time: Callable[[datetime], None] | None = None,
    ) -> None:
        if not app_key or not app_secret:
            raise ValueError("app key and app secret are required")
        self.base_url = base_url.rstrip("/")
        self.app_key = app_key
        self._secret = app_secret
        self._clock = clock
        self._offset_s = 0.0  # platform's real clock minus ours, learned from signed answers only
        self._on_platform_time = on_platform_time
        self.platform_time: datetime | None = None  # business time of the last verified answer
        self._total_timeout = total_timeout
        if not isinstance(timeout, httpx.Timeout):
            timeout = httpx.Timeout(timeout, connect=min(float(timeout), 5.0))
        self._http = httpx.Client(
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": _USER_AGENT, "Accept": "application/json", "Accept-Encoding": "identity"},
            follow_redirects=False,  # a redirect would change the signed path: treat as bad
            trust_env=False,  # a system proxy must not see (or alter) merchant traffic silently
        )

    def __repr__(self) -> str:  # never the secret
        return f"PlatformClient(base_url={self.base_url!r}, app_key={self.app_key!r})"

    def close(self) -> None:
        self._http.close()

    @property
    def clock_offset(self) -> float:
        """Seconds this PC's clock is behind the platform's (negative: ahead); 0 until a signed
        skew refusal taught otherwise. The app words it: "this PC's clock is off by N minutes"."""
        return self._offset_s

    def _auth_now(self) -> float:
        return self._clock().timestamp() + self._offset_s

    def __enter__(self) -> PlatformClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- routes ------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        """Unsigned reachability probe: ``{"status": "ok", "server_time": ...}``."""
        resp = self._send("GET", "/v1/health", None, signed=False)
        if resp.status != 200:
            raise ServerError(f"health answered HTTP {resp.status}", status=resp.status)
        data = _obj(self._json(resp.body), "health")
        if data.get("status") != "ok":
            raise BadResponse("health: status is not ok")
        return data

    def merchant(self) -> dict[str, Any]:
        data = self._call("GET", "/v1/merchant")
        merchant = _obj(data.get("merchant"), "merchant")
        if not isinstance(merchant.get("id"), str):
            raise BadResponse("merchant: missing id")
        return merchant

    def store(self, store_id: str) -> StoreSnapshot:
        data = self._call("GET", f"/v1/stores/{quote(store_id, safe='')}")
        store = _obj(data.get("store"), "store")
        methods = data.get("methods")
        if not isinstance(methods, list):
            raise BadResponse("store: methods is not a list")
        invitation = data.get("invitation")
        if invitation is not None:
            invitation = _obj(invitation, "invitation")
        return StoreSnapshot(store, [_check_method_entity(m) for m in methods], invitation)

    def changes(self, since: int, limit: int = 500) -> ChangesPage:
        if since < 0 or not 1 <= limit <= 1000:
            raise ValueError("since >= 0 and 1 <= limit <= 1000")
        data = self._call("GET", f"/v1/changes?since={int(since)}&limit={int(limit)}")
        raw = data.get("changes")
        if (
            not isinstance(raw, list)
            or not _is_int(data.get("next_since"))
            or not isinstance(data.get("has_more"), bool)
        ):
            raise BadResponse("changes: missing or mistyped changes/next_since/has_more")
        changes: list[Change] = []
        for entry in raw:
            if not (
                isinstance(entry, dict)
                and _is_int(entry.get("version"))
                and isinstance(entry.get("kind"), str)
                and isinstance(entry.get("id"), str)
                and isinstance(entry.get("data"), dict)
            ):
                raise BadResponse("changes: an entry lacks version/kind/id/data")
            changes.append(Change(entry["version"], entry["kind"], entry["id"], entry["data"]))
        server_time = None
        if isinstance(data.get("server_time"), str):
            try:
                server_time = parse_ts(data["server_time"])
            except ValueError:
                server_time = None
        return ChangesPage(changes, data["next_since"], data["has_more"], server_time)

    def set_method(
        self, store_id: str, method: str, enabled: bool, idempotency_key: str, *, body: bytes | None = None
    ) -> MethodChangeResult:
        """PUT the merchant's setting. ``body`` lets the outbox send its stored bytes exactly,
        so a retry after an upgrade still matches the first attempt (same key, same body)."""
        payload = body if body is not None else json.dumps({"enabled": bool(enabled)}).encode()
        path = f"/v1/stores/{quote(store_id, safe='')}/methods/{quote(method, safe='')}"
        data, replayed = self._call_write("PUT", path, payload, idempotency_key)
        entity = _check_method_entity(data.get("method"))
        invitation = data.get("invitation")
        if invitation is not None:
            invitation = _obj(invitation, "invitation")
        if not _is_int(data.get("version")):
            raise BadResponse("set_method: missing version")
        return MethodChangeResult(entity, invitation, data["version"], replayed)

    def send_feedback(
        self, announcement_id: str, text: str, idempotency_key: str, *, body: bytes | None = None
    ) -> FeedbackResult:
        payload = body if body is not None else json.dumps({"text": text}, ensure_ascii=False).encode()
        path = f"/v1/announcements/{quote(announcement_id, safe='')}/feedback"
        data, replayed = self._call_write("POST", path, payload, idempotency_key)
        feedback = _obj(data.get("feedback"), "feedback")
        if not isinstance(feedback.get("id"), str) or not _is_int(data.get("version")):
            raise BadResponse("send_feedback: missing feedback id or version")
        return FeedbackResult(feedback, data["version"], replayed)

    # -- plumbing ----------------------------------------------------------------------------
    def _call(self, method: str, path_qs: str) -> dict[str, Any]:
        data, _ = self._call_write(method, path_qs, None, None)
        return data

    def _call_write(
        self, method: str, path_qs: str, body: bytes | None, idempotency_key: str | None
    ) -> tuple[dict[str, Any], bool]:
        extra: dict[str, str] = {}
        if idempotency_key is not None:
            if not IDEMPOTENCY_KEY_RE.fullmatch(idempotency_key):
                raise ValueError("invalid idempotency key")
            extra["Idempotency-Key"] = idempotency_key
        if body is not None:
            extra["Content-Type"] = "application/json"
        nonce = secrets.token_urlsafe(24)  # 32 characters of [A-Za-z0-9_-]
        resp = self._send(method, path_qs, body, signed=True, nonce=nonce, extra=extra)
        if self._learn_skew(resp, nonce):  # our clock is off: once more with the corrected time
            nonce = secrets.token_urlsafe(24)
            resp = self._send(method, path_qs, body, signed=True, nonce=nonce, extra=extra)
        self._raise_for(resp, nonce)
        data = _obj(self._json(resp.body), "response")
        return data, resp.headers.get("idempotency-replayed", "").lower() == "true"

    def _send(
        self,
        method: str,
        path_qs: str,
        body: bytes | None,
        *,
        signed: bool,
        nonce: str = "",
        extra: Mapping[str, str] | None = None,
    ) -> _Response:
        request = self._http.build_request(method, self.base_url + path_qs, content=body, headers=extra)
        if signed:
            # Sign the request line exactly as httpx will send it.
            raw_path = request.url.raw_path.decode("ascii")
            timestamp = str(int(self._auth_now()))
            request.headers["X-App-Key"] = self.app_key
            request.headers["X-Timestamp"] = timestamp
            request.headers["X-Nonce"] = nonce
            request.headers["X-Signature"] = request_signature(
                self._secret, method, raw_path, timestamp, nonce, body or b""
            )
        deadline = time.monotonic() + self._total_timeout
        try:
            response = self._http.send(request, stream=True)
            try:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_raw():
                    size += len(chunk)
                    if size > MAX_BODY_BYTES:
                        raise BadResponse("response body too large")
                    if time.monotonic() > deadline:
                        raise PlatformOffline("response took too long", timeout=True)
                    chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise PlatformOffline("response took too long", timeout=True)
                return _Response(response.status_code, response.headers, b"".join(chunks))
            finally:
                response.close()
        except httpx.TimeoutException as exc:
            raise PlatformOffline(f"timed out: {type(exc).__name__}", timeout=True) from None
        except httpx.TransportError as exc:  # connect error, DNS, reset, dropped connection ...
            raise PlatformOffline(f"no answer: {type(exc).__name__}: {exc}") from None
        except httpx.HTTPError as exc:
            raise BadResponse(f"unusable response: {type(exc).__name__}") from None

    def _signed_timestamp(self, resp: _Response, nonce: str) -> int:
        """The answer's X-Timestamp once its signature (bound to our nonce) is checked; records
        the signed business time. Raises BadResponse for unsigned or forged answers."""
        signature = resp.headers.get("x-signature")
        timestamp = resp.headers.get("x-timestamp")
        platform_time = resp.headers.get("x-platform-time")
        if not signature or not timestamp:
            raise BadResponse(f"unsigned response (HTTP {resp.status})")
        if not timestamp.isdigit():
            raise BadResponse("response timestamp is not Unix seconds")
        expected = response_signature(self._secret, resp.status, nonce, timestamp, resp.body, platform_time)
        if not hmac.compare_digest(expected, signature.strip().lower()):
            raise BadResponse(f"response signature does not match (HTTP {resp.status})")
        if platform_time is not None:
            try:
                business = parse_ts(platform_time)
            except ValueError:
                raise BadResponse("X-Platform-Time is not an ISO 8601 time") from None
            self.platform_time = business
            if self._on_platform_time is not None:
                self._on_platform_time(business)
        return int(timestamp)

    def _verify(self, resp: _Response, nonce: str) -> None:
        timestamp = self._signed_timestamp(resp, nonce)
        skew = abs(timestamp - self._auth_now())
        if skew > MAX_SKEW_S:
            raise BadResponse(f"stale response: {int(skew)} s from our clock")

    def _learn_skew(self, resp: _Response, nonce: str) -> bool:
        """On a *signed* AUTH_TIMESTAMP_SKEW refusal, adopt the platform's clock offset; True
        when the request should be sent again. A refusal that is not signed for this request
        (a proxy, a forgery) changes nothing and surfaces as the AuthError it is."""
        if resp.status != 401 or self._error_fields(resp.body)[0] != "AUTH_TIMESTAMP_SKEW":
            return False
        try:
            server_now = self._signed_timestamp(resp, nonce)
        except BadResponse:
            return False
        self._offset_s = server_now - self._clock().timestamp()
        return True

    def _raise_for(self, resp: _Response, nonce: str) -> None:
        """Map a response to success or a typed error. Signatures are required wherever the
        answer has an effect (success, refusal, not found); transient answers are harmless
        to believe, and 401 for an unknown key cannot be signed at all."""
        status = resp.status
        if status == 401:
            code, message, _ = self._error_fields(resp.body)
            raise AuthError(message or "not authorised", code=code or "AUTH", status=401)
        if status == 429:
            raise RateLimited("rate limited", retry_after=_retry_after(resp.headers))
        if status >= 500:
            code, message, _ = self._error_fields(resp.body)
            raise ServerError(
                message or f"server error {status}",
                code=code,
                status=status,
                retry_after=_retry_after(resp.headers),
            )
        if status == 409:
            raise InProgress(
                "the same change is still being processed", retry_after=_retry_after(resp.headers)
            )
        if 200 <= status < 300 or status in (400, 404, 413, 422):
            self._verify(resp, nonce)
        else:
            raise BadResponse(f"unexpected HTTP status {status}")
        if 200 <= status < 300:
            return
        code, message, details = self._error_fields(resp.body)
        if status == 404:
            raise NotFound(message or "not found", code=code or "NOT_FOUND", status=404)
        raise RefusedByRule(
            message or f"refused (HTTP {status})",
            code=code or "PLATFORM_REFUSED",
            status=status,
            details=details,
        )

    @staticmethod
    def _json(body: bytes) -> Any:
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise BadResponse("response is not JSON") from None

    @staticmethod
    def _error_fields(body: bytes) -> tuple[str | None, str | None, dict[str, Any]]:
        try:
            err = json.loads(body).get("error")
        except (ValueError, UnicodeDecodeError, AttributeError):
            return None, None, {}
        if not isinstance(err, dict):
            return None, None, {}
        code, message, details = err.get("code"), err.get("message"), err.get("details")
        return (
            code if isinstance(code, str) else None,
            message if isinstance(message, str) else None,
            details if isinstance(details, dict) else {},
        )

    # -- sales feeds (docs/platform-api.md, "Sales"; shapes checked in sales_feed) -----------
    def payments(self, since: str = "", limit: int = 500) -> sales_feed.PaymentsPage:
        """Payments of finished days after ``since`` (a ``next_since``, a day, or "")."""
        if not 1 <= limit <= 1000 or len(since) > 200:
            raise ValueError("1 <= limit <= 1000 and a cursor of at most 200 characters")
        query = f"/v1/payments?since={quote(since, safe='')}&limit={int(limit)}"
        return sales_feed.payments_page(self._call("GET", query))

    def settlements(
        self,
        day: date | None = None,
        *,
        first: date | None = None,
        last: date | None = None,
        after: str = "",
        limit: int = 500,
    ) -> sales_feed.SettlementsPage:
        """Published settlements of one day or of ``first``…``last``, after cursor ``after``."""
        if not 1 <= limit <= 1000 or len(after) > 200:
            raise ValueError("1 <= limit <= 1000 and a cursor of at most 200 characters")
        query = sales_feed.settlement_query(day, first, last)
        path = f"/v1/settlements?{query}&after={quote(after, safe='')}&limit={int(limit)}"
        return sales_feed.settlements_page(self._call("GET", path))


__all__ = [
    "Change",
    "ChangesPage",
    "FeedbackResult",
    "MethodChangeResult",
    "PlatformClient",
    "PlatformError",
    "StoreSnapshot",
]
