"""Pydantic models: request bodies and the response shapes the OpenAPI document publishes."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, field_validator

Platform = Literal["taobao", "tmall"]
MethodName = Literal["alipay", "wechat_pay"]
Eligibility = Literal[
    "not_invited", "invited", "in_review", "approved", "live", "rejected", "expired", "withdrawn", "frozen"
]
Device = Literal["mobile_app", "pc_web", "wechat_mini_program", "alipay_mini_program"]
StoreStatus = Literal["open", "frozen", "closed"]


class Localized(BaseModel):
    zh: str
    en: str


class ErrorInfo(BaseModel):
    code: str
    message: str
    details: dict[str, object]


class ErrorBody(BaseModel):
    """Every non-2xx response."""

    error: ErrorInfo


class Merchant(BaseModel):
    id: str
    name: str


class Store(BaseModel):
    id: str
    platform: Platform
    name: str
    category: str
    status: StoreStatus
    receive_code: str


class Method(BaseModel):
    store_id: str
    method: MethodName
    eligibility: Eligibility
    enabled: bool
    reason_code: str | None
    reason_text: Localized | None
    launch_at: str | None
    updated_at: str


class HistoryEvent(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    at: str
    from_: Eligibility = Field(alias="from")
    to: Eligibility
    note: str


class Invitation(BaseModel):
    store_id: str
    phase: int
    window_opens_at: str
    deadline_at: str
    launch_at: str
    history: list[HistoryEvent]


class MethodTerms(BaseModel):
    platform: Platform
    method: MethodName
    fee_bps: int
    max_amount_fen: int
    devices: list[Device]
    display_order: int


class Affects(BaseModel):
    platforms: list[Platform]
    methods: list[MethodName]


class Announcement(BaseModel):
    id: str
    title: Localized
    body: Localized
    published_at: str
    opinion_opens_at: str
    opinion_closes_at: str
    effective_at: str
    affects: Affects


class Feedback(BaseModel):
    id: str
    announcement_id: str
    text: str
    created_at: str


EntityData = Merchant | Store | Method | Invitation | MethodTerms | Announcement | Feedback


class Change(BaseModel):
    version: int
    kind: Literal["merchant", "store", "method", "invitation", "method_terms", "announcement", "feedback"]
    id: str
    data: EntityData


class ChangesPage(BaseModel):
    changes: list[Change]
    next_since: int
    has_more: bool
    server_time: str


class Health(BaseModel):
    status: Literal["ok"]
    server_time: str


class MerchantReply(BaseModel):
    merchant: Merchant


class StoreReply(BaseModel):
    store: Store
    methods: list[Method]
    invitation: Invitation | None


class MethodReply(BaseModel):
    method: Method
    invitation: Invitation | None
    version: int


class FeedbackReply(BaseModel):
    feedback: Feedback
    version: int


# -- request bodies ------------------------------------------------------------------------------


class SetMethodBody(BaseModel):
    enabled: StrictBool


class FeedbackBody(BaseModel):
    text: str = Field(min_length=1, max_length=2000)


# -- admin ---------------------------------------------------------------------------------------


class ClockReply(BaseModel):
    now: str
    offset_seconds: float


class UpcomingEvent(BaseModel):
    """One thing the business clock will pass: ``id`` names it for ``POST /admin/clock/next``."""

    id: str
    kind: Literal[
        "phase_opens",
        "deadline_passes",
        "launch",
        "review_finishes",
        "opinion_opens",
        "opinion_closes",
        "takes_effect",
    ]
    at: str
    phase: int | None = None
    stores: int | None = None
    store_id: str | None = None
    announcement_id: str | None = None
    title: Localized | None = None


class EventsReply(BaseModel):
    now: str
    events: list[UpcomingEvent]


class NextEventBody(BaseModel):
    event: str | None = Field(default=None, min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_.:-]+$")


class NextEventReply(BaseModel):
    event: UpcomingEvent
    now: str
    offset_seconds: float


class SetClockBody(BaseModel):
    now: str = Field(max_length=64)


class AdvanceClockBody(BaseModel):
    seconds: float = Field(ge=-10 * 365 * 86400, le=10 * 365 * 86400, allow_inf_nan=False)

    @field_validator("seconds")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("seconds must be finite")
        return value


class CreateMerchantBody(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    stores: StrictInt = Field(default=10, ge=0, le=100_000)


class CreateMerchantReply(BaseModel):
    merchant_id: str
    app_key: str
    app_secret: str


class PhaseOpenReply(BaseModel):
    phase: int
    window_opens_at: str
    deadline_at: str
    launch_at: str
    stores: int


class FinishReviewsBody(BaseModel):
    store_id: str | None = Field(default=None, max_length=64)
    outcome: Literal["approve", "reject"] = "approve"
    reason_code: str | None = Field(default=None, min_length=1, max_length=64, pattern=r"^[A-Z][A-Z0-9_]*$")


class FinishReviewsReply(BaseModel):
    finished: list[str]


class EndInvitationBody(BaseModel):
    reason_code: str | None = Field(default=None, min_length=1, max_length=64, pattern=r"^[A-Z][A-Z0-9_]*$")


class StoreStatusBody(BaseModel):
    status: StoreStatus


class StoreStatusReply(BaseModel):
    store: Store
    version: int


class AnnouncementBody(BaseModel):
    title: Localized
    body: Localized
    published_at: str | None = Field(default=None, max_length=64)
    opinion_opens_at: str = Field(max_length=64)
    opinion_closes_at: str = Field(max_length=64)
    effective_at: str = Field(max_length=64)
    affects: Affects
    # a fee change: the affected methods' fee (basis points) from effective_at on, in their
    # published terms (the change feed's method_terms) and in the payments' fees
    fee_bps: StrictInt | None = Field(default=None, ge=1, le=1000)


class AnnouncementReply(BaseModel):
    announcement: Announcement


class FaultBody(BaseModel):
    route: str = Field(min_length=1, max_length=200)
    latency_ms: StrictInt = Field(default=0, ge=0, le=60_000)
    error_rate: float = Field(default=0.0, ge=0.0, le=1.0)
    status: Literal[429, 500, 503] | None = None
    retry_after: StrictInt = Field(default=1, ge=0, le=3600)
    drop_after_apply: StrictBool = False
    slow_body_ms: StrictInt = Field(default=0, ge=0, le=10_000)
    count: StrictInt | None = Field(default=None, ge=1)


class FaultRuleOut(FaultBody):
    id: int


class FaultsReply(BaseModel):
    faults: list[FaultRuleOut]


class StateDump(BaseModel):
    merchant_id: str
    version: int
    entities: dict[str, dict[str, EntityData]]
