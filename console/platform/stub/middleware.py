"""The request pipeline around the routes, in contract order:

body limit → admin gate → time-driven transitions (business clock) → signature (real clock)
→ idempotency → faults → route → idempotency record → response signature → delivery (normal,
slow, or dropped).

A pure ASGI middleware (not BaseHTTPMiddleware) so it can buffer the body once, capture the
route's response, sign it, replay stored responses and cut the connection after a write.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.datastructures import Headers
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import signing
from .clock import iso
from .errors import PlatformError, error_body
from .faults import FaultRegistry
from .rules import Platform
from .state import StoredResponse

if TYPE_CHECKING:
    from .config import StubConfig

log = logging.getLogger("console.platform.stub")

PRUNE_EVERY_S = 30.0
SLOW_BODY_CHUNKS = 8
RETRYABLE_CODES = {429: "RATE_LIMITED", 500: "INTERNAL", 503: "UNAVAILABLE"}
SIGNING_HEADERS = ("X-App-Key", "X-Timestamp", "X-Nonce", "X-Signature")
WRITE_METHODS = frozenset({"PUT", "POST", "PATCH", "DELETE"})


@dataclass
class Reply:
    """A complete response, held until it is signed and delivered."""

    status: int
    body: bytes
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    sign: tuple[str, bytes] | None = None  # (secret, request nonce)
    drop: bool = False
    slow_body_ms: int = 0


def error_reply(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    extra = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    return Reply(status, error_body(code, message, details), [(b"content-type", b"application/json"), *extra])


class AuthFailure(Exception):
    def __init__(self, code: str, message: str, sign: tuple[str, bytes] | None) -> None:
        super().__init__(message)
        self.code, self.message, self.sign = code, message, sign


def _is_loopback(scope: Scope) -> bool:
    client = scope.get("client")
    host = str(client[0]) if client else ""
    return host == "::1" or host.startswith(("127.", "::ffff:127."))


class PlatformMiddleware:
    """Signing, idempotency, body limits and fault injection for one stub platform."""

    def __init__(
        self,
        app: ASGIApp,
        platform: Platform,
        faults: FaultRegistry,
        config: StubConfig,
        routes: list[BaseRoute],
    ) -> None:
        self.app = app
        self.routes = routes  # the app's own list: matched here so 405 can precede the key check
        self.platform = platform
        self.faults = faults
        self.admin = config.admin
        self.max_body = config.max_body_bytes
        self._last_prune = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            reply = await self._handle(scope, receive)
        except PlatformError as exc:
            reply = error_reply(exc.status, exc.code, exc.message, exc.details, exc.headers)
        except Exception:  # a bug: still answer in the error shape, never a bare 500 page
            log.exception("unhandled error in %s %s", scope.get("method"), scope.get("path"))
            reply = error_reply(500, "INTERNAL", "Internal error.")
        await self._deliver(reply, send)

    # -- pipeline ---------------------------------------------------------------------------

    async def _handle(self, scope: Scope, receive: Receive) -> Reply:
        method: str = scope["method"]
        path: str = scope["path"]
        headers = Headers(scope=scope)
        early = await self._read_body_or_refuse(headers, receive)
        if isinstance(early, Reply):
            if path.startswith("/v1/") and path != "/v1/health":
                early.sign = self._known_key_context(headers)  # refused unread, but still signed
            return early
        body = early

        if path == "/admin" or path.startswith("/admin/"):
            if self.admin:
                if not _is_loopback(scope):
                    return error_reply(403, "FORBIDDEN", "Admin routes answer loopback clients only.")
                self.platform.apply_due()
            return await self._route(scope, receive, body)
        if not path.startswith("/v1/"):
            return await self._route(scope, receive, body)

        self.platform.apply_due()
        self._maybe_prune()
        sign: tuple[str, bytes] | None = None
        if path != "/v1/health":
            repeated = self._repeated_signing_header(headers)
            if repeated is not None:
                return repeated
            try:
                merchant_id, sign = self._authenticate(scope, headers, body)
            except AuthFailure as exc:
                reply = error_reply(401, exc.code, exc.message)
                reply.sign = exc.sign
                return reply
            scope.setdefault("state", {})["merchant_id"] = merchant_id
        reservation: tuple[str, str] | None = None
        if sign is not None and method in WRITE_METHODS:
            outcome = self._write_checks(scope, headers, body)
            if isinstance(outcome, Reply):
                outcome.sign = sign
                return outcome
            reservation = outcome
        try:
            reply = await self._faulted_route(scope, receive, body, reservation)
        except BaseException:
            if reservation is not None:
                self.platform.store.idempotency_release(*reservation)
            raise
        reply.sign = sign
        return reply

    async def _faulted_route(
        self, scope: Scope, receive: Receive, body: bytes, reservation: tuple[str, str] | None
    ) -> Reply:
        plan = self.faults.plan(scope["method"], scope["path"])
        if plan.latency_ms:
            await asyncio.sleep(plan.latency_ms / 1000)
        if plan.error_status is not None:
            if reservation is not None:
                self.platform.store.idempotency_release(*reservation)
            status = plan.error_status
            retry = {"Retry-After": str(plan.retry_after)} if status in (429, 503) else None
            return error_reply(
                status, RETRYABLE_CODES.get(status, "INTERNAL"), "Injected fault.", headers=retry
            )
        reply = await self._route(scope, receive, body)
        if reservation is not None:
            if reply.status < 500:
                content_type = dict(reply.headers).get(b"content-type", b"application/json").decode("latin-1")
                self.platform.store.idempotency_finish(
                    *reservation, StoredResponse(reply.status, content_type, reply.body)
                )
            else:
                self.platform.store.idempotency_release(*reservation)
        reply.drop = plan.drop_after_apply
        reply.slow_body_ms = plan.slow_body_ms
        return reply

    async def _read_body_or_refuse(self, headers: Headers, receive: Receive) -> bytes | Reply:
        """The body, or a 400/413 when Content-Length is malformed or the body is over the limit."""
        length = headers.get("content-length")
        if length is not None:
            if not length.strip().isdigit():
                return error_reply(400, "BAD_REQUEST", "Malformed Content-Length.")
            if int(length) > self.max_body:
                return error_reply(413, "BODY_TOO_LARGE", f"Bodies are limited to {self.max_body} bytes.")
        body = await self._read_body(receive)
        if body is None:
            return error_reply(413, "BODY_TOO_LARGE", f"Bodies are limited to {self.max_body} bytes.")
        return body

    def _known_key_context(self, headers: Headers) -> tuple[str, bytes] | None:
        key = headers.get("x-app-key")
        merchant = self.platform.store.merchant_by_key(key) if key else None
        if merchant is None:
            return None
        return merchant.app_secret, headers.get("x-nonce", "").encode("latin-1")

    async def _read_body(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it exceeds the limit (whatever Content-Length said)."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    def _maybe_prune(self) -> None:
        if time.monotonic() - self._last_prune > PRUNE_EVERY_S:
            self._last_prune = time.monotonic()
            self.platform.store.prune(self.platform.clock.real())

    @staticmethod
    def _path_qs(scope: Scope) -> bytes:
        raw = scope.get("raw_path") or scope["path"].encode("utf-8")
        query = scope.get("query_string", b"")
        return raw + b"?" + query if query else raw

    def _authenticate(self, scope: Scope, headers: Headers, body: bytes) -> tuple[str, tuple[str, bytes]]:
        """Check key, signature, timestamp window and nonce; returns (merchant id, signing context)."""
        key = headers.get("x-app-key")
        timestamp = headers.get("x-timestamp")
        nonce = headers.get("x-nonce")
        signature = headers.get("x-signature")
        merchant = self.platform.store.merchant_by_key(key) if key else None
        nonce_bytes = nonce.encode("latin-1") if nonce else b""
        sign = (merchant.app_secret, nonce_bytes) if merchant else None
        if (
            not key
            or timestamp is None
            or nonce is None
            or signature is None
            or not signing.TIMESTAMP_RE.fullmatch(timestamp)
            or not signing.NONCE_RE.fullmatch(nonce)
            or not signing.SIGNATURE_RE.fullmatch(signature)
        ):
            raise AuthFailure(
                "AUTH_MISSING",
                "X-App-Key, X-Timestamp, X-Nonce and X-Signature are required and must be well-formed.",
                sign,
            )
        if merchant is None or sign is None:
            raise AuthFailure("AUTH_UNKNOWN_KEY", "Unknown app key.", None)
        message = signing.request_string_to_sign(
            scope["method"].encode("latin-1"), self._path_qs(scope), timestamp.encode(), nonce_bytes, body
        )
        if not signing.verify(merchant.app_secret, message, signature):
            raise AuthFailure("AUTH_BAD_SIGNATURE", "The signature does not match the request.", sign)
        now = self.platform.clock.real()  # authentication time: never the movable business clock
        if abs(int(timestamp) - now) > signing.TIMESTAMP_WINDOW_S:
            raise AuthFailure(
                "AUTH_TIMESTAMP_SKEW", "X-Timestamp is more than 300 s from the server clock.", sign
            )
        if not self.platform.store.use_nonce(merchant.id, nonce, now, signing.NONCE_WINDOW_S):
            raise AuthFailure("AUTH_NONCE_REUSED", "This nonce was already used.", sign)
        return merchant.id, sign

    # -- request shape: repeated security headers, methods a path does not take -------------------

    def _repeated_signing_header(self, headers: Headers) -> Reply | None:
        """401 AUTH_DUPLICATE_HEADER when a signing header comes twice.

        Which copy a proxy or framework reads is not defined, so a request that says two things
        about who signed it is refused outright, never judged on its first copy. Signed with the
        key only when X-App-Key and X-Nonce themselves are single, so the answer names one request.
        """
        repeated = next((name for name in SIGNING_HEADERS if len(headers.getlist(name)) > 1), None)
        if repeated is None:
            return None
        reply = error_reply(
            401,
            "AUTH_DUPLICATE_HEADER",
            f"{repeated} appears more than once; send each signing header exactly once.",
            {"header": repeated},
        )
        if repeated not in ("X-App-Key", "X-Nonce"):
            reply.sign = self._known_key_context(headers)
        return reply

    @staticmethod
    def _repeated_idempotency_key(headers: Headers) -> Reply | None:
        """400 IDEMPOTENCY_KEY_DUPLICATE: two keys would make replay depend on which one is read."""
        if len(headers.getlist("idempotency-key")) <= 1:
            return None
        return error_reply(
            400,
            "IDEMPOTENCY_KEY_DUPLICATE",
            "Idempotency-Key appears more than once; send exactly one.",
            {"header": "Idempotency-Key"},
        )

    def _matches(self, scope: Scope) -> tuple[bool, set[str]]:
        """(a route takes this method on this path, the methods the path's routes take)."""
        allowed: set[str] = set()
        for route in self.routes:
            match, _ = route.matches(scope)
            if match is Match.FULL:
                return True, allowed
            if match is Match.PARTIAL:
                allowed |= set(getattr(route, "methods", None) or ())
        return False, allowed

    def _write_checks(self, scope: Scope, headers: Headers, body: bytes) -> Reply | tuple[str, str] | None:
        """A write's checks in contract order: 405 with Allow, one Idempotency-Key, then the key.

        The method is the first thing wrong with a write to a path that does not take it; asking
        for a key would send the client after the wrong fix. A write to no route at all needs no
        key either: it gets the routes' 404 and nothing is reserved (None).
        """
        takes_method, allowed = self._matches(scope)
        if not takes_method:
            if not allowed:
                return None
            return error_reply(
                405,
                "METHOD_NOT_ALLOWED",
                "Method Not Allowed",
                headers={"Allow": ", ".join(sorted(allowed))},
            )
        return self._repeated_idempotency_key(headers) or self._idempotency(scope, headers, body)

    def _idempotency(self, scope: Scope, headers: Headers, body: bytes) -> Reply | tuple[str, str]:
        """A reply (replay or refusal) or the reserved (merchant, key) to record the answer under."""
        merchant_id: str = scope["state"]["merchant_id"]
        key = headers.get("idempotency-key")
        if key is None or not signing.IDEMPOTENCY_KEY_RE.fullmatch(key):
            return error_reply(
                400,
                "IDEMPOTENCY_KEY_MISSING",
                "Writes need an Idempotency-Key of 1–128 characters [A-Za-z0-9_.:-].",
            )
        fingerprint = hashlib.sha256(
            scope["method"].encode() + b"\n" + self._path_qs(scope) + b"\n" + body
        ).hexdigest()
        outcome, stored = self.platform.store.idempotency_begin(
            # keys live 24 h on the platform's calendar (a demo jump of a day retires them);
            # pruning runs on real time, so it never drops a key this check still honours
            merchant_id,
            key,
            fingerprint,
            self.platform.clock.now(),
        )
        if outcome == "replay" and stored is not None:
            return Reply(
                stored.status,
                stored.body,
                [
                    (b"content-type", stored.content_type.encode("latin-1")),
                    (b"idempotency-replayed", b"true"),
                ],
            )
        if outcome == "mismatch":
            return error_reply(
                422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with another request."
            )
        if outcome == "in_progress":
            return error_reply(
                409,
                "IDEMPOTENCY_IN_PROGRESS",
                "A request with this Idempotency-Key is still running; retry later.",
                headers={"Retry-After": "1"},
            )
        return merchant_id, key

    async def _route(self, scope: Scope, receive: Receive, body: bytes) -> Reply:
        """Run the FastAPI routes on the buffered body and capture their response."""
        if body and scope["method"] in ("PUT", "POST", "PATCH"):
            try:
                json.loads(body)
            except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
                return error_reply(400, "BAD_REQUEST", "The body is not valid JSON.")
            # The body is JSON: let the routes parse it whatever Content-Type the client sent.
            scope = dict(scope)
            scope["headers"] = [(k, v) for k, v in scope["headers"] if k.lower() != b"content-type"]
            scope["headers"].append((b"content-type", b"application/json"))
        delivered = False

        async def replay_receive() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        status = 500
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [(bytes(k), bytes(v)) for k, v in message.get("headers", [])]
            elif message["type"] == "http.response.body":
                chunks.append(bytes(message.get("body", b"")))

        await self.app(scope, replay_receive, capture)
        return Reply(status, b"".join(chunks), headers)

    # -- delivery ---------------------------------------------------------------------------

    async def _deliver(self, reply: Reply, send: Send) -> None:
        headers = [(k, v) for k, v in reply.headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(reply.body)).encode()))
        if reply.sign is not None:
            secret, nonce = reply.sign
            timestamp = str(int(self.platform.clock.real())).encode()
            platform_time = iso(self.platform.clock.now()).encode()
            signature = signing.sign(
                secret,
                signing.response_string_to_sign(reply.status, nonce, timestamp, reply.body, platform_time),
            )
            headers += [
                (b"x-timestamp", timestamp),
                (b"x-platform-time", platform_time),
                (b"x-signature", signature.encode()),
            ]
        else:  # unsigned answers still say the business time; clients must not trust it
            headers.append((b"x-platform-time", iso(self.platform.clock.now()).encode()))
        if reply.drop and await self._drop(send):
            return
        await send({"type": "http.response.start", "status": reply.status, "headers": headers})
        if reply.slow_body_ms and len(reply.body) > 1:
            step = max(1, -(-len(reply.body) // SLOW_BODY_CHUNKS))
            for start in range(0, len(reply.body), step):
                last = start + step >= len(reply.body)
                await send(
                    {
                        "type": "http.response.body",
                        "body": reply.body[start : start + step],
                        "more_body": not last,
                    }
                )
                if not last:
                    await asyncio.sleep(reply.slow_body_ms / 1000)
            return
        await send({"type": "http.response.body", "body": reply.body, "more_body": False})

    @staticmethod
    async def _drop(send: Send) -> bool:
        """Cut the connection without a byte of response (the write is already committed).

        Uses the server's transport behind uvicorn's ``send``; returns False when there is none
        (another server), and the response is then sent normally.
        """
        cycle = getattr(send, "__self__", None)
        transport = getattr(cycle, "transport", None)
        if transport is None:
            return False
        transport.abort()
        for _ in range(50):  # let connection_lost run so the server does not try to answer
            if getattr(cycle, "disconnected", True):
                break
            await asyncio.sleep(0.001)
        return True
