"""Reason codes: why something may not be done, or why shoppers do not see a method.

The core answers with codes and parameters; the UI and the CLI translate them into the user's
language (``console/words``, for the CLI and the window alike). Codes that the platform also uses on
the wire (docs/platform-api.md) keep the same spelling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ReasonCode(StrEnum):
    # store
    STORE_FROZEN = "STORE_FROZEN"
    STORE_CLOSED = "STORE_CLOSED"
    # WeChat Pay invitation and review
    NOT_INVITED = "NOT_INVITED"
    WINDOW_NOT_OPEN = "WINDOW_NOT_OPEN"
    INVITATION_NOT_ACCEPTED = "INVITATION_NOT_ACCEPTED"  # invited, not applied yet
    INVITATION_EXPIRED = "INVITATION_EXPIRED"
    INVITATION_WITHDRAWN = "INVITATION_WITHDRAWN"
    REVIEW_PENDING = "REVIEW_PENDING"
    AWAITING_LAUNCH = "AWAITING_LAUNCH"
    REJECTED = "REJECTED"
    METHOD_FROZEN = "METHOD_FROZEN"
    # the merchant's setting
    TURNED_OFF = "TURNED_OFF"
    LAST_LIVE_METHOD = "LAST_LIVE_METHOD"
    PENDING_SYNC = "PENDING_SYNC"
    CHANGE_REFUSED = "CHANGE_REFUSED"  # next step: the platform refused a change; retry or discard it
    NO_CHANGE = "NO_CHANGE"
    # checkout
    DEVICE_UNSUPPORTED = "DEVICE_UNSUPPORTED"
    AMOUNT_OVER_LIMIT = "AMOUNT_OVER_LIMIT"
    AMOUNT_INVALID = "AMOUNT_INVALID"
    NO_TERMS = "NO_TERMS"
    # announcements
    OPINION_NOT_OPEN = "OPINION_NOT_OPEN"
    OPINION_PERIOD_CLOSED = "OPINION_PERIOD_CLOSED"
    FEEDBACK_EMPTY = "FEEDBACK_EMPTY"
    FEEDBACK_TOO_LONG = "FEEDBACK_TOO_LONG"
    # lookups
    UNKNOWN_STORE = "UNKNOWN_STORE"
    UNKNOWN_ANNOUNCEMENT = "UNKNOWN_ANNOUNCEMENT"
    # a refusal code from the platform this version does not know; the message says it
    PLATFORM_REFUSED = "PLATFORM_REFUSED"


@dataclass(frozen=True, slots=True)
class Reason:
    """A code plus the facts a translated sentence needs (dates, names, limits)."""

    code: ReasonCode
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:  # for logs and debugging, never shown to a merchant
        return f"{self.code}{self.params or ''}"


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer to "may I?": allowed, or refused with the reason."""

    allowed: bool
    reason: Reason | None = None

    @classmethod
    def yes(cls) -> Decision:
        return cls(True)

    @classmethod
    def no(cls, code: ReasonCode, **params: Any) -> Decision:
        return cls(False, Reason(code, params))
