"""One observable sync state: what waits, what is being sent, what was refused, and the connection.

Every surface (status bar, chips, row badges, banner, pending page, tray text, the CLI's
``status``/``sync``/``pending``) renders the one value :func:`summarise` returns, so no two of
them can disagree about a count: each used to keep its own, and the status bar said "All changes
synced" while the chip said "Waiting to sync 1".

The inputs are plain facts: the outbox rows (anything with the columns of
``console.storage.repo.OutboxRow``, see :class:`OutboxEntry`) and a :class:`PassRecord`, the
folded history of sync passes that :func:`record_pass` keeps (offline since when, last success).
No Qt, no SQL, no clock: ``now`` is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Protocol

from console.core.model import Method


class OutboxStatus(StrEnum):
    """The outbox's row states (the CHECK constraint of the ``outbox`` table)."""

    QUEUED = "queued"
    IN_FLIGHT = "in_flight"
    DONE = "done"
    REFUSED = "refused"
    DISCARDED = "discarded"


class OutboxEntry(Protocol):
    """The columns of an outbox row this module reads; ``storage.repo.OutboxRow`` has them."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def store_id(self) -> str | None: ...
    @property
    def method(self) -> Method | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def refused_code(self) -> str | None: ...
    @property
    def refused_message(self) -> str | None: ...


class PassResult(StrEnum):
    """How the last sync pass ended, as far as the merchant is concerned.

    Each value has its own words and its own way forward: OFFLINE (wait, it retries),
    AUTH_REFUSED (check the app key and secret), CLOCK (set the computer's clock),
    DEMO_STOPPED (the embedded demo platform died), OTHER_ACCOUNT (settle the previous
    account's changes), PLATFORM_ERROR (the platform failed; it retries), BUSY (another
    pass held the lock).
    """

    OK = "ok"
    OFFLINE = "offline"
    AUTH_REFUSED = "auth_refused"
    CLOCK = "clock"
    DEMO_STOPPED = "demo_stopped"
    OTHER_ACCOUNT = "other_account"
    PLATFORM_ERROR = "platform_error"
    BUSY = "busy"


@dataclass(frozen=True, slots=True)
class PassOutcome:
    """One finished sync pass: when, how, and for CLOCK the offset in seconds (ours minus theirs)."""

    at: datetime
    result: PassResult
    clock_offset_s: float | None = None


@dataclass(frozen=True, slots=True)
class PassRecord:
    """The history of passes folded into the facts a surface shows.

    ``failing_since`` is the first pass of the current run of failed passes (None when the last
    pass was OK); ``last_success_at`` the last OK pass ever seen.
    """

    last: PassOutcome
    failing_since: datetime | None = None
    last_success_at: datetime | None = None


def record_pass(previous: PassRecord | None, outcome: PassOutcome) -> PassRecord:
    """Fold one more pass into the record (pure, so storage can persist the result as is).

    A run of failures keeps the time of its first failure even if the kind of failure changes
    (offline, then the demo platform stopped): the merchant has been without the platform since
    then. BUSY (another pass held the lock) says nothing about the platform: the record stays.
    """
    if outcome.result is PassResult.BUSY:
        return PassRecord(outcome) if previous is None else previous
    if outcome.result is PassResult.OK:
        return PassRecord(outcome, None, outcome.at)
    since = outcome.at if previous is None or previous.failing_since is None else previous.failing_since
    return PassRecord(outcome, since, None if previous is None else previous.last_success_at)


class Connection(StrEnum):
    """What the status bar says about the platform."""

    UNKNOWN = "unknown"  # no pass yet
    ONLINE = "online"
    WORKING_OFFLINE = "working_offline"  # the merchant ticked "Work offline"
    OFFLINE = "offline"
    AUTH_REFUSED = "auth_refused"
    CLOCK = "clock"
    DEMO_STOPPED = "demo_stopped"
    OTHER_ACCOUNT = "other_account"
    PLATFORM_ERROR = "platform_error"


class Severity(IntEnum):
    """How loudly to show the headline; ordered so surfaces can compare."""

    OK = 0
    INFO = 1
    WARNING = 2
    ERROR = 3


class Headline(StrEnum):
    """The one sentence a status bar or tray tooltip shows; words in ``console.words.status``."""

    ALL_SYNCED = "all_synced"
    NOT_SYNCED_YET = "not_synced_yet"  # nothing waits, but no pass has reached the platform
    SENDING = "sending"
    WAITING = "waiting"
    WORKING_OFFLINE = "working_offline"
    OFFLINE = "offline"
    PLATFORM_ERROR = "platform_error"
    REFUSED = "refused"
    DEMO_STOPPED = "demo_stopped"
    CLOCK = "clock"
    AUTH_REFUSED = "auth_refused"
    OTHER_ACCOUNT = "other_account"


@dataclass(frozen=True, slots=True)
class RefusedChange:
    """A change the platform refused: the merchant must retry or discard it."""

    outbox_id: str
    kind: str
    store_id: str | None
    method: Method | None
    code: str | None
    message: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """Every fact a surface needs about sync, derived, never stored."""

    waiting: int  # queued rows
    sending: int  # in-flight rows
    refused: tuple[RefusedChange, ...]  # in send order
    waiting_stores: frozenset[str]  # stores with a queued or in-flight change (row badges)
    refused_stores: frozenset[str]
    connection: Connection
    offline_since: datetime | None  # the platform has not been reached since then
    clock_offset_s: float | None  # for Connection.CLOCK
    last_pass_at: datetime | None
    last_success_at: datetime | None
    headline: Headline
    severity: Severity

    @property
    def unsettled(self) -> int:
        """Changes the platform has not confirmed: waiting, sending or refused."""
        return self.waiting + self.sending + len(self.refused)

    @property
    def all_synced(self) -> bool:
        """True only when the platform confirmed every change (nothing waits, sends or was refused)."""
        return self.unsettled == 0

    @property
    def auth_problem(self) -> bool:
        return self.connection is Connection.AUTH_REFUSED

    @property
    def clock_problem(self) -> bool:
        return self.connection is Connection.CLOCK


_CONNECTION = {
    PassResult.OK: Connection.ONLINE,
    PassResult.OFFLINE: Connection.OFFLINE,
    PassResult.AUTH_REFUSED: Connection.AUTH_REFUSED,
    PassResult.CLOCK: Connection.CLOCK,
    PassResult.DEMO_STOPPED: Connection.DEMO_STOPPED,
    PassResult.OTHER_ACCOUNT: Connection.OTHER_ACCOUNT,
    PassResult.PLATFORM_ERROR: Connection.PLATFORM_ERROR,
}

#: No answer from the platform: "offline since" applies (the others are answers, or a choice).
_UNREACHABLE = frozenset({Connection.OFFLINE, Connection.DEMO_STOPPED})

#: Connection problems that stop every change until the merchant acts, loudest first.
_BLOCKING = (
    (Connection.OTHER_ACCOUNT, Headline.OTHER_ACCOUNT),
    (Connection.AUTH_REFUSED, Headline.AUTH_REFUSED),
    (Connection.CLOCK, Headline.CLOCK),
    (Connection.DEMO_STOPPED, Headline.DEMO_STOPPED),
)


def _connection(record: PassRecord | None, working_offline: bool) -> Connection:
    if working_offline:
        return Connection.WORKING_OFFLINE
    if record is None:
        return Connection.UNKNOWN
    return _CONNECTION.get(record.last.result, Connection.UNKNOWN)  # BUSY alone tells nothing


def _headline(waiting: int, sending: int, refused: int, connection: Connection) -> tuple[Headline, Severity]:
    """Problems that need the merchant first, then what merely waits; "all synced" last."""
    for blocking, headline in _BLOCKING:
        if connection is blocking:
            return headline, Severity.ERROR
    if refused:
        return Headline.REFUSED, Severity.ERROR
    if connection is Connection.OFFLINE:
        return Headline.OFFLINE, Severity.WARNING
    if connection is Connection.PLATFORM_ERROR:
        return Headline.PLATFORM_ERROR, Severity.WARNING
    if connection is Connection.WORKING_OFFLINE:
        return Headline.WORKING_OFFLINE, Severity.INFO
    if sending:
        return Headline.SENDING, Severity.INFO
    if waiting:
        return Headline.WAITING, Severity.INFO
    if connection is Connection.UNKNOWN:
        return Headline.NOT_SYNCED_YET, Severity.INFO
    return Headline.ALL_SYNCED, Severity.OK


def summarise(
    outbox: Iterable[OutboxEntry], record: PassRecord | None, *, working_offline: bool = False
) -> SyncStatus:
    """The sync state from the outbox rows (any statuses; settled ones are ignored) and the passes.

    Counts come from the rows themselves, so discarding one of two refused changes makes every
    surface say 1 at once.
    """
    waiting = sending = 0
    refused: list[RefusedChange] = []
    waiting_stores: set[str] = set()
    refused_stores: set[str] = set()
    for row in outbox:
        status = row.status
        if status == OutboxStatus.QUEUED or status == OutboxStatus.IN_FLIGHT:
            if status == OutboxStatus.QUEUED:
                waiting += 1
            else:
                sending += 1
            if row.store_id is not None:
                waiting_stores.add(row.store_id)
        elif status == OutboxStatus.REFUSED:
            refused.append(
                RefusedChange(
                    row.id,
                    row.kind,
                    row.store_id,
                    row.method,
                    row.refused_code,
                    row.refused_message,
                    row.created_at,
                )
            )
            if row.store_id is not None:
                refused_stores.add(row.store_id)
    connection = _connection(record, working_offline)
    headline, severity = _headline(waiting, sending, len(refused), connection)
    unreachable = record is not None and connection in _UNREACHABLE
    offline_since = record.failing_since if unreachable and record is not None else None
    return SyncStatus(
        waiting=waiting,
        sending=sending,
        refused=tuple(refused),
        waiting_stores=frozenset(waiting_stores),
        refused_stores=frozenset(refused_stores),
        connection=connection,
        offline_since=offline_since,
        clock_offset_s=record.last.clock_offset_s if connection is Connection.CLOCK and record else None,
        last_pass_at=record.last.at if record else None,
        last_success_at=record.last_success_at if record else None,
        headline=headline,
        severity=severity,
    )
