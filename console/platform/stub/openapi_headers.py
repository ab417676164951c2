"""How /openapi.json states the headers of signed routes: what a request must send (required,
with the shapes ``signing``'s regexes enforce) and what each answer carries.

Only the document: PlatformMiddleware owns the checks and answers them before a route runs, so
nothing validates a header twice. Every signed route, whichever router defines it, takes its
``openapi_extra`` from :func:`signed_operation` so no route states these headers on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from . import signing


def _header(name: str, description: str, pattern: re.Pattern[str] | None = None) -> dict[str, Any]:
    """One required request header as OpenAPI states it, its shape taken from ``signing``'s
    regexes (the ones PlatformMiddleware enforces) so the document cannot drift from the check."""
    schema: dict[str, Any] = {"type": "string", "minLength": 1}
    if pattern is not None:
        schema["pattern"] = f"^{pattern.pattern}$"
        bounds = re.fullmatch(r".*\{(\d+)(?:,(\d+))?\}", pattern.pattern)
        if bounds:
            schema["minLength"] = int(bounds[1])
            schema["maxLength"] = int(bounds[2] or bounds[1])
    return {"name": name, "in": "header", "required": True, "description": description, "schema": schema}


ONCE_SIGNING = " Sent exactly once: a repeated signing header is refused (401 AUTH_DUPLICATE_HEADER)."
SIGNING_PARAMETERS = [
    _header("X-App-Key", "The merchant's app key." + ONCE_SIGNING),
    _header(
        "X-Timestamp",
        "Unix time in whole seconds, within 300 s of the server's real clock." + ONCE_SIGNING,
        signing.TIMESTAMP_RE,
    ),
    _header("X-Nonce", "Single use within 10 minutes." + ONCE_SIGNING, signing.NONCE_RE),
    _header(
        "X-Signature",
        "Lowercase hex HMAC-SHA256 of the string-to-sign (docs/platform-api.md)." + ONCE_SIGNING,
        signing.SIGNATURE_RE,
    ),
]
IDEMPOTENCY_PARAMETER = _header(
    "Idempotency-Key",
    "Required on every write. The same key and body replays the first answer instead of applying "
    "again. Sent exactly once: a repeated key is refused (400 IDEMPOTENCY_KEY_DUPLICATE); a missing "
    "or malformed one too (400 IDEMPOTENCY_KEY_MISSING).",
    signing.IDEMPOTENCY_KEY_RE,
)


PLATFORM_TIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


def _response_header(description: str, pattern: re.Pattern[str], *, required: bool) -> dict[str, Any]:
    return {
        "description": description,
        "required": required,
        "schema": {"type": "string", "pattern": f"^{pattern.pattern}$"},
    }


def signed_operation(statuses: Iterable[int], *, write: bool = False) -> dict[str, Any]:
    """``openapi_extra`` for a signed route answering ``statuses`` (its success first, then the
    documented errors): its request headers, required and with their shapes, and the headers its
    answers carry (the response signature, the business time, replays, Retry-After)."""
    responses: dict[str, dict[str, Any]] = {}
    for status in statuses:
        signed_for_sure = status < 400  # errors before the key is known go unsigned
        when = "" if signed_for_sure else " Present when the request's X-App-Key is known."
        headers = {
            "X-Timestamp": _response_header(
                "The server's real clock, Unix seconds." + when,
                signing.TIMESTAMP_RE,
                required=signed_for_sure,
            ),
            "X-Platform-Time": _response_header(
                "The platform's business time; trust it only from a signed answer.",
                PLATFORM_TIME_RE,
                required=True,
            ),
            "X-Signature": _response_header(
                "HMAC-SHA256 over STATUS, REQUEST_NONCE, TIMESTAMP, PLATFORM_TIME, BODY_SHA256." + when,
                signing.SIGNATURE_RE,
                required=signed_for_sure,
            ),
        }
        if write and status < 500:
            headers["Idempotency-Replayed"] = _response_header(
                "true when this is the stored answer to an earlier request with the same key.",
                re.compile("true"),
                required=False,
            )
        if status in (409, 429, 503):
            headers["Retry-After"] = _response_header(
                "Seconds to wait before retrying.", re.compile("[0-9]+"), required=True
            )
        responses[str(status)] = {"headers": headers}
    parameters = [*SIGNING_PARAMETERS, *([IDEMPOTENCY_PARAMETER] if write else [])]
    return {"parameters": parameters, "responses": responses}
