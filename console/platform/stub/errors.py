"""The one error shape of the API: ``{"error": {"code", "message", "details"}}``."""

from __future__ import annotations

import json
from typing import Any


class PlatformError(Exception):
    """A refusal the route layer turns into a JSON error response."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.headers = headers or {}

    def body(self) -> bytes:
        return error_body(self.code, self.message, self.details)


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> bytes:
    payload = {"error": {"code": code, "message": message, "details": details or {}}}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def not_found(what: str = "Not found.") -> PlatformError:
    return PlatformError(404, "NOT_FOUND", what)


def refusal(code: str, message: str, details: dict[str, Any] | None = None) -> PlatformError:
    """A rule refusal (422): the request was understood, the platform says no."""
    return PlatformError(422, code, message, details)
