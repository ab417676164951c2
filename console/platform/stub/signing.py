"""HMAC-SHA256 request and response signing, exactly as docs/platform-api.md defines it.

The console's client has its own implementation on purpose; the contract tests catch drift.
Strings to sign are built from raw bytes so a path is signed exactly as it was sent.
"""

from __future__ import annotations

import hashlib
import hmac
import re

NONCE_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")
TIMESTAMP_RE = re.compile(r"[0-9]{1,12}")
SIGNATURE_RE = re.compile(r"[0-9a-f]{64}")
IDEMPOTENCY_KEY_RE = re.compile(r"[A-Za-z0-9_.:-]{1,128}")

TIMESTAMP_WINDOW_S = 300
NONCE_WINDOW_S = 600


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def request_string_to_sign(
    method: bytes, path_qs: bytes, timestamp: bytes, nonce: bytes, body: bytes
) -> bytes:
    """METHOD, PATH?QUERY, TIMESTAMP, NONCE, BODY_SHA256 joined by newlines."""
    return b"\n".join([method.upper(), path_qs, timestamp, nonce, body_sha256(body).encode()])


def response_string_to_sign(
    status: int, request_nonce: bytes, timestamp: bytes, body: bytes, platform_time: bytes | None = None
) -> bytes:
    """STATUS, REQUEST_NONCE, TIMESTAMP, [X-Platform-Time,] BODY_SHA256 joined by newlines."""
    head = [str(status).encode(), request_nonce, timestamp]
    if platform_time is not None:
        head.append(platform_time)
    return b"\n".join([*head, body_sha256(body).encode()])


def sign(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(secret: str, message: bytes, signature: str) -> bool:
    """Constant-time comparison so the signature cannot be guessed byte by byte."""
    return hmac.compare_digest(sign(secret, message), signature)
