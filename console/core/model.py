"""Domain vocabulary shared by every layer above the core.

Per store and payment method we keep three axes apart (see docs/ARCHITECTURE.md):
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
    """The channel a shopper checks out in (docs/platform-api.md, "Channels").

    A mini program lives inside one wallet's super-app, so it carries that wallet only: a WeChat
    mini program pays with WeChat Pay, an Alipay mini program with Alipay. The app and PC web
    offer whatever the store has live. Version 0.1 had one ``mini_program`` channel that meant
    the Alipay (Taobao) one; :meth:`_missing_` maps that stored value so old data keeps working.
    """

    MOBILE_APP = "mobile_app"
    PC_WEB = "pc_web"
    WECHAT_MINI_PROGRAM = "wechat_mini_program"
    ALIPAY_MINI_PROGRAM = "alipay_mini_program"

    @classmethod
    def _missing_(cls, value: object) -> Device | None:
        # 0.1's "mini_program" offered Alipay only: exactly today's Alipay mini program.
        return cls.ALIPAY_MINI_PROGRAM if value == LEGACY_MINI_PROGRAM else None

    @classmethod
    def parse(cls, value: str) -> Device | None:
        """The channel for a wire or stored value (legacy values mapped); None when unknown."""
        try:
            return cls(value)
        except ValueError:
            return None

    @property
    def wallets(self) -> frozenset[Method]:
        """The payment methods this channel can carry at all, whatever the store has live."""
        return CHANNEL_WALLETS[self]

    @property
    def is_mini_program(self) -> bool:
        return self in (Device.WECHAT_MINI_PROGRAM, Device.ALIPAY_MINI_PROGRAM)

    @property
    def scans_codes(self) -> bool:
        """True where methods show as a code to scan (PC web) instead of an in-app button."""
        return self is Device.PC_WEB


#: The single mini-program channel of version 0.1, still found in stored terms and old stubs.
LEGACY_MINI_PROGRAM = "mini_program"

#: What each channel can carry; the platform's terms may narrow it further, never widen it.
CHANNEL_WALLETS: dict[Device, frozenset[Method]] = {
    Device.MOBILE_APP: frozenset(Method),
    Device.PC_WEB: frozenset(Method),
    Device.WECHAT_MINI_PROGRAM: frozenset({Method.WECHAT_PAY}),
    Device.ALIPAY_MINI_PROGRAM: frozenset({Method.ALIPAY}),
}


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
