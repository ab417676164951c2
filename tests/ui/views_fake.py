"""A stand-in ConsoleService for the view tests until the real one lands.

It answers with the real core rules (``console.core.checkout.preview``, ``rules``) over
in-memory data, with the signatures of ``console.service.ConsoleService``. Temporary: the view
tests switch to the real service over a local test DB as soon as it exists.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from console.core import rules
from console.core.checkout import CheckoutPreview, preview
from console.core.model import (
    Announcement,
    Device,
    Eligibility,
    Feedback,
    Invitation,
    LocalizedText,
    Merchant,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
    StoreStatus,
    SyncState,
)
from console.core.reasons import Reason, ReasonCode
from console.service import (
    ActivityEntry,
    ActivityFilter,
    ChangeResult,
    MethodView,
    StoreDetail,
    StoreFilter,
    StoreRow,
)

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


class FakeService:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now
        self.stores = {
            "tb-000001": Store("tb-000001", Platform.TAOBAO, "Lakeside Tea House", "food", StoreStatus.OPEN,
                               "mcpay://receive/tb-000001"),
            "tm-000002": Store("tm-000002", Platform.TMALL, "北岸家居旗舰店", "home", StoreStatus.OPEN,
                               "mcpay://receive/tm-000002"),
            "tb-000003": Store("tb-000003", Platform.TAOBAO, "Pine Needle Crafts", "crafts", StoreStatus.OPEN,
                               "mcpay://receive/tb-000003"),
        }
        self.methods: dict[str, dict[Method, MethodState]] = {
            "tb-000001": {
                Method.ALIPAY: MethodState("tb-000001", Method.ALIPAY, Eligibility.LIVE, True),
                Method.WECHAT_PAY: MethodState("tb-000001", Method.WECHAT_PAY, Eligibility.LIVE, True),
            },
            "tm-000002": {
                Method.ALIPAY: MethodState("tm-000002", Method.ALIPAY, Eligibility.LIVE, True),
                Method.WECHAT_PAY: MethodState("tm-000002", Method.WECHAT_PAY, Eligibility.IN_REVIEW, True),
            },
            "tb-000003": {
                Method.ALIPAY: MethodState("tb-000003", Method.ALIPAY, Eligibility.LIVE, True),
                Method.WECHAT_PAY: MethodState(
                    "tb-000003", Method.WECHAT_PAY, Eligibility.NOT_INVITED, False
                ),
            },
        }
        both = frozenset({Device.MOBILE_APP, Device.PC_WEB, Device.MINI_PROGRAM})
        self.terms = [
            MethodTerms(p, Method.ALIPAY, 55, None, both, 1) for p in Platform
        ] + [
            MethodTerms(p, Method.WECHAT_PAY, 60, 50_000_00, frozenset({Device.MOBILE_APP, Device.PC_WEB}), 2)
            for p in Platform
        ]
        self.invitations: dict[str, Invitation] = {}
        day = timedelta(days=1)
        self.anns: dict[str, Announcement] = {
            "a-open": Announcement(
                "a-open",
                LocalizedText("微信支付费率调整", "WeChat Pay fee change"),
                LocalizedText(
                    "自 12 月起，淘宝店铺的微信支付费率调整为 0.6%。",
                    "From December the WeChat Pay fee for Taobao stores becomes 0.6%.",
                ),
                published_at=now - 2 * day,
                opinion_opens_at=now - 2 * day,
                opinion_closes_at=now + 3 * day + timedelta(hours=4),
                effective_at=now + 10 * day,
                affects_platforms=frozenset({Platform.TAOBAO}),
                affects_methods=frozenset({Method.WECHAT_PAY}),
            ),
            "a-closed": Announcement(
                "a-closed",
                LocalizedText("支付宝限额调整", "Alipay limit change"),
                LocalizedText("单笔限额调整。", "The single-payment limit changes."),
                published_at=now - 20 * day,
                opinion_opens_at=now - 20 * day,
                opinion_closes_at=now - 15 * day,
                effective_at=now - 16 * day + timedelta(days=3),
                affects_platforms=frozenset(),
                affects_methods=frozenset({Method.ALIPAY}),
                read=True,
            ),
        }
        self.outbox: list[dict[str, object]] = []
        self._ids = itertools.count(1)
        self.audit: list[ActivityEntry] = [
            ActivityEntry(1, now - 3 * day, "merchant", "set_method", "tb-000001", Method.WECHAT_PAY,
                          "queued", {"enabled": True}),
            ActivityEntry(2, now - 3 * day + timedelta(minutes=1), "sync", "sync_push", "tb-000001",
                          Method.WECHAT_PAY, "ok", {}),
            ActivityEntry(3, now - 2 * day, "merchant", "set_method", "tm-000002", Method.ALIPAY, "refused",
                          {"enabled": False, "code": "LAST_LIVE_METHOD"}),
            ActivityEntry(4, now - day, "sync", "sync_pull", None, None, "ok", {"changes": 4}),
            ActivityEntry(5, now - timedelta(hours=2), "merchant", "send_feedback", None, None, "queued",
                          {"announcement_id": "a-open"}),
        ]

    # -- reading ------------------------------------------------------------------------------
    def merchant(self) -> Merchant:
        return Merchant("m-demo", "Demo Trading Co.")

    def store_count(self) -> int:
        return len(self.stores)

    def list_stores(self, flt: StoreFilter | None = None, limit: int | None = None) -> list[StoreRow]:
        flt = flt or StoreFilter()
        rows = []
        for s in self.stores.values():
            m = self.methods[s.id]
            if flt.platform and s.platform != flt.platform:
                continue
            rows.append(StoreRow(s.id, s.platform, s.name, s.status.value, m[Method.WECHAT_PAY].eligibility,
                                 m[Method.WECHAT_PAY].setting, m[Method.ALIPAY].setting,
                                 any(x.wanted is not None for x in m.values()), None, None))
        return rows[:limit] if limit else rows

    def _terms(self, store: Store, method: Method) -> MethodTerms | None:
        return next((t for t in self.terms if t.platform == store.platform and t.method == method), None)

    def store_detail(self, store_id: str) -> StoreDetail:
        store = self.stores[store_id]
        views = {}
        for method, state in self.methods[store_id].items():
            terms = self._terms(store, method)
            chain = rules.hidden_reasons(store, state, terms, self.invitations.get(store_id), self.now)
            views[method] = MethodView(state, terms, not chain, chain, None)
        return StoreDetail(store, views, self.invitations.get(store_id), None)

    def checkout_preview(self, store_id: str, amount_fen: int, device: Device) -> CheckoutPreview:
        store = self.stores[store_id]
        return preview(store, self.methods[store_id], self.terms, amount_fen, device, self.now,
                       invitation=self.invitations.get(store_id))

    def announcements(self) -> list[Announcement]:
        return sorted(self.anns.values(), key=lambda a: a.published_at, reverse=True)

    def activity(self, flt: ActivityFilter | None = None) -> list[ActivityEntry]:
        flt = flt or ActivityFilter()
        out = [
            e for e in reversed(self.audit)
            if (flt.store_id is None or e.store_id == flt.store_id)
            and (flt.method is None or e.method == flt.method)
            and (flt.result is None or e.result == flt.result)
        ]
        return out[: flt.limit]

    def pending_count(self) -> int:
        return sum(1 for o in self.outbox if o["status"] == "queued")

    # -- changing -----------------------------------------------------------------------------
    def send_feedback(self, announcement_id: str, text: str) -> ChangeResult:
        ann = self.anns.get(announcement_id)
        if ann is None:
            return ChangeResult(None, False, Reason(ReasonCode.UNKNOWN_ANNOUNCEMENT))
        decision = rules.can_send_feedback(ann, text, self.now)
        if not decision.allowed:
            return ChangeResult(None, False, decision.reason)
        n = next(self._ids)
        outbox_id = f"ob-{n}"
        self.outbox.append({"id": outbox_id, "kind": "send_feedback", "announcement_id": announcement_id,
                            "text": text, "status": "queued"})
        fb = Feedback(f"local-{n}", announcement_id, text.strip(), self.now, SyncState.PENDING)
        self.anns[announcement_id] = replace(ann, feedback=(*ann.feedback, fb))
        self.audit.append(ActivityEntry(len(self.audit) + 1, self.now, "merchant", "send_feedback", None,
                                        None, "queued", {"announcement_id": announcement_id}))
        return ChangeResult(None, True, None, outbox_id)

    def mark_read(self, announcement_id: str, read: bool = True) -> None:
        self.anns[announcement_id] = replace(self.anns[announcement_id], read=read)
