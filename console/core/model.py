"""Domain vocabulary shared by every layer above the core.

Per store and payment method we keep three axes apart (see ARCHITECTURE.md):
eligibility (the platform's), the merchant's setting (on/off, confirmed or waiting to sync),
and the effective result for shoppers, which is derived (``console.core.rules``), never stored.
The string values of the enums are the wire values of docs/platform-api.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum


class Platform(StrEnum):
    TAOBAO = "taobao"
    TMALL = "tmall"


class StoreStatus(StrEnum):
    OPEN = "open"
    FROZEN = "frozen"
    CLOSED = "closed"


class Method(StrEnum):
    ALIPAY = "alipay"
    WECHAT_PAY = "wechat_pay"


class Eligibility(StrEnum):
    """What the platform allows for one store and method."""

    NOT_INVITED = "not_invited"
    INVITED = "invited"
    IN_REVIEW = "in_review"
    APPROVED = "approved"  # waiting for the announced launch date
    LIVE = "live"
    REJECTED = "rejected"  # with a reason; may re-apply while the window is open
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    FROZEN = "frozen"


class Device(StrEnum):
    MOBILE_APP = "mobile_app"
    PC_WEB = "pc_web"
    MINI_PROGRAM = "mini_program"


class SyncState(StrEnum):
    """Whether a value the merchant set is confirmed by the platform."""

    CONFIRMED = "confirmed"
    PENDING = "pending"  # stored locally, waiting to sync
    REFUSED = "refused"  # the platform refused it; the reason is kept


#: By law, rule changes are published for comment at least this long before they take effect.
MIN_NOTICE = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """Text the platform sends in both languages."""

    zh: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        first, second = (self.zh, self.en) if lang.startswith("zh") else (self.en, self.zh)
        return first or second


@dataclass(frozen=True, slots=True)
class Merchant:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Store:
    id: str
    platform: Platform
    name: str
    category: str
    status: StoreStatus
    receive_code: str = ""


@dataclass(frozen=True, slots=True)
class MethodState:
    """One payment method of one store: the platform's facts plus the merchant's wish.

    ``enabled`` is the setting the platform confirmed; ``wanted`` is the merchant's pending
    intent (None when nothing waits to sync). ``setting`` is what the merchant sees as theirs.
    """

    store_id: str
    method: Method
    eligibility: Eligibility
    enabled: bool
    wanted: bool | None = None
    reason_code: str | None = None
    reason_text: LocalizedText | None = None
    launch_at: datetime | None = None
    refused_code: str | None = None  # the last refusal of the merchant's change, if any
    refused_message: str | None = None

    @property
    def setting(self) -> bool:
        return self.enabled if self.wanted is None else self.wanted

    @property
    def sync_state(self) -> SyncState:
        if self.wanted is not None:
            return SyncState.PENDING
        if self.refused_code:
            return SyncState.REFUSED
        return SyncState.CONFIRMED


@dataclass(frozen=True, slots=True)
class InvitationEvent:
    at: datetime
    from_state: Eligibility | None
    to_state: Eligibility
    note: str = ""


@dataclass(frozen=True, slots=True)
class Invitation:
    """A store's place in the phased WeChat Pay roll-out."""

    store_id: str
    phase: int
    window_opens_at: datetime
    deadline_at: datetime
    launch_at: datetime | None = None
    history: tuple[InvitationEvent, ...] = ()

    def window_open(self, now: datetime) -> bool:
        return self.window_opens_at <= now < self.deadline_at


@dataclass(frozen=True, slots=True)
class MethodTerms:
    """The platform's terms for a method on a platform: fee, limits, devices, order."""

    platform: Platform
    method: Method
    fee_bps: int
    max_amount_fen: int | None
    devices: frozenset[Device]
    display_order: int


@dataclass(frozen=True, slots=True)
class Feedback:
    id: str
    announcement_id: str
    text: str
    created_at: datetime
    sync_state: SyncState = SyncState.CONFIRMED


@dataclass(frozen=True, slots=True)
class Announcement:
    """A rule change published with an opinion collection period before it takes effect."""

    id: str
    title: LocalizedText
    body: LocalizedText
    published_at: datetime
    opinion_opens_at: datetime
    opinion_closes_at: datetime
    effective_at: datetime
    affects_platforms: frozenset[Platform] = frozenset()
    affects_methods: frozenset[Method] = frozenset()
    read: bool = False
    feedback: tuple[Feedback, ...] = field(default=())

    def opinion_open(self, now: datetime) -> bool:
        return self.opinion_opens_at <= now < self.opinion_closes_at

    @property
    def notice_period(self) -> timedelta:
        return self.effective_at - self.published_at

    @property
    def meets_notice_period(self) -> bool:
        """False flags an announcement published with less than the legal 7 days' notice."""
        return self.notice_period >= MIN_NOTICE

    def affects(self, store: Store) -> bool:
        return not self.affects_platforms or store.platform in self.affects_platforms
