"""What one sync pass did, in a form the GUI, the CLI and the logs can all use."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from console.core.sync_state import PassResult

NewsKind = Literal[
    "phase_opened", "review_approved", "review_rejected", "went_live", "announcement", "refused"
]

#: ``SyncReport.error`` values: the kind of trouble, for choosing a message and an exit code.
#: 'busy' means another sync pass on the same database held the lock for too long.
#: 'other_account' means the platform account (app key) changed while changes made for the
#: previous one still wait or were refused: nothing is sent or cleared until they are settled.
ErrorKind = Literal["offline", "auth", "server", "rate_limited", "bad_response", "busy", "other_account"]


@dataclass(frozen=True, slots=True)
class News:
    """Something the merchant should hear about, found by comparing old and new local state.

    ``detail`` holds the facts a translated sentence needs (method, phase, reason_code, code,
    message, announcement title ...); the UI words it.
    """

    kind: NewsKind
    store_id: str | None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class SyncReport:
    pushed: int  # outbox rows the platform accepted this pass
    refused: int  # outbox rows the platform refused this pass (final, reason kept)
    pulled: int  # entities applied from the change feed this pass
    pending: int  # outbox rows still waiting (queued or in flight) after the pass
    online: bool  # the platform answered at least once this pass
    error: ErrorKind | None  # None: nothing went wrong
    error_detail: str | None  # English, for logs; never a secret
    retry_after: float | None  # seconds the platform asked us to wait, when it did
    news: list[News]
    finished_at: datetime
    result: PassResult = PassResult.OK  # the pass classified once (engine), as sync_state reads it

    @property
    def ok(self) -> bool:
        return self.error is None
