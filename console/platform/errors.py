"""Typed errors of the platform client, split by what the caller should do about them.

The sync engine decides from the type alone: retry later (PlatformOffline, ServerError,
RateLimited, InProgress), stop and tell the merchant (AuthError, BadResponse), or record a final
answer (RefusedByRule, NotFound). Messages are English for logs and never contain a secret,
a signature or a full request header.
"""

from __future__ import annotations

from typing import Any


class PlatformError(Exception):
    """Base class. ``code`` is the platform's error code when it sent one."""

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status={self.status!r}, message={self.message!r})"


class PlatformOffline(PlatformError):
    """No answer: connection refused, DNS failure, dropped connection, timeout.

    The request may or may not have reached the platform; a write is retried with the same
    Idempotency-Key, which makes that safe. ``timeout`` tells a slow platform from an absent one.
    """

    def __init__(self, message: str, *, timeout: bool = False) -> None:
        super().__init__(message)
        self.timeout = timeout


class AuthError(PlatformError):
    """401: unknown key, bad signature (wrong secret), clock skew, reused nonce, missing header."""


class RefusedByRule(PlatformError):
    """The platform said no to this change (422 rule codes, also 400/413 for a request it cannot take).

    Final: retrying the same request gets the same answer. ``method`` is the platform's current
    state of the method (``details.method``) so the client can put it back; None when absent.
    """

    def __init__(
        self, message: str, *, code: str, status: int, details: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message, code=code, status=status)
        self.details: dict[str, Any] = details or {}

    @property
    def method(self) -> dict[str, Any] | None:
        value = self.details.get("method")
        return value if isinstance(value, dict) else None


class NotFound(PlatformError):
    """404: no such store or announcement for this merchant."""


class ServerError(PlatformError):
    """5xx: the platform failed or is unavailable; ``retry_after`` in seconds when it said."""

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, code=code, status=status)
        self.retry_after = retry_after


class RateLimited(PlatformError):
    """429: too many requests; ``retry_after`` seconds (the platform's Retry-After)."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message, code="RATE_LIMITED", status=429)
        self.retry_after = retry_after


class InProgress(PlatformError):
    """409 IDEMPOTENCY_IN_PROGRESS: the same key is still being processed; retry a little later."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message, code="IDEMPOTENCY_IN_PROGRESS", status=409)
        self.retry_after = retry_after


class BadResponse(PlatformError):
    """The answer cannot be trusted or understood: unsigned, forged, stale, answers another
    nonce, malformed JSON, wrong shape. Nothing from it is applied."""


#: Errors after which the same request may simply be sent again later (same Idempotency-Key).
TRANSIENT_ERRORS: tuple[type[PlatformError], ...] = (PlatformOffline, ServerError, RateLimited, InProgress)
