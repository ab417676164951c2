"""console.core.news: every platform change between two snapshots is news, reminders once each."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from console.core.model import (
    Announcement,
    Device,
    Eligibility,
    Invitation,
    InvitationEvent,
    LocalizedText,
    Method,
    MethodState,
    MethodTerms,
    Platform,
    Store,
    StoreStatus,
)
from console.core.news import NewsKind, Snapshot, news
from console.words.status import news_text

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
HOUR, DAY = timedelta(hours=1), timedelta(days=1)
W, A = Method.WECHAT_PAY, Method.ALIPAY
E = Eligibility
RISK = LocalizedText("风险审核", "Risk review")


def store(sid: str = "tb-1", status: StoreStatus = StoreStatus.OPEN) -> Store:
    return Store(sid, Platform.TAOBAO, sid, "apparel", status)


def wechat(e: Eligibility, enabled: bool = False, **kw: object) -> dict[Method, MethodState]:
    return {W: MethodState("tb-1", W, e, enabled, **kw), A: MethodState("tb-1", A, E.LIVE, True)}  # type: ignore[arg-type]


def invitation(opens: timedelta = -7 * DAY, deadline: timedelta = 14 * DAY, **kw: object) -> Invitation:
    return Invitation("tb-1", 2, NOW + opens, NOW + deadline, NOW + 30 * DAY, **kw)  # type: ignore[arg-type]


def snap(
    at: datetime,
    e: Eligibility = E.INVITED,
    status: StoreStatus = StoreStatus.OPEN,
    inv: Invitation | None = None,
    **kw: object,
) -> Snapshot:
    return Snapshot(
        at,
        stores={"tb-1": store(status=status)},
        methods={"tb-1": wechat(e, reason_text=RISK)},
        invitations={"tb-1": inv or invitation()},
        **kw,  # type: ignore[arg-type]
    )


def kinds(before: Snapshot, after: Snapshot, now: datetime | None = None) -> list[NewsKind]:
    return [item.kind for item in news(before, after, now or after.at)]


def test_no_change_no_news() -> None:
    assert news(snap(NOW), snap(NOW + HOUR), NOW + HOUR) == []


def test_freeze_and_unfreeze_of_a_live_store() -> None:
    before, after = snap(NOW, E.LIVE), snap(NOW + HOUR, E.LIVE, StoreStatus.FROZEN)
    (item,) = news(before, after, NOW + HOUR)
    assert item.kind is NewsKind.STORE_FROZEN and item.store_ids == ("tb-1",) and item.at == NOW + HOUR
    assert (
        news_text(item, "zh_CN") == "平台冻结了这家店铺。"
        and news_text(item, "en") == "The platform froze the store."
    )
    assert kinds(after, snap(NOW + 2 * HOUR, E.LIVE)) == [NewsKind.STORE_UNFROZEN]


def test_method_frozen_by_risk_review_says_why() -> None:
    (item,) = news(snap(NOW, E.LIVE), snap(NOW + HOUR, E.FROZEN), NOW + HOUR)
    assert item.kind is NewsKind.METHOD_FROZEN
    assert news_text(item, "en") == "The platform froze WeChat Pay: Risk review"
    assert news_text(item, "zh_CN") == "平台冻结了微信支付：风险审核"
    assert kinds(snap(NOW, E.FROZEN), snap(NOW + HOUR, E.LIVE)) == [NewsKind.METHOD_UNFROZEN]


def test_withdrawn_and_expired_invitations_are_news_with_the_real_expiry() -> None:
    assert kinds(snap(NOW), snap(NOW + HOUR, E.WITHDRAWN)) == [NewsKind.INVITATION_WITHDRAWN]
    expired_at = NOW + 30 * 60 * timedelta(seconds=1)
    inv = invitation(history=(InvitationEvent(expired_at, E.INVITED, E.EXPIRED),))
    (item,) = news(snap(NOW), snap(NOW + HOUR, E.EXPIRED, inv=inv), NOW + HOUR)
    assert item.kind is NewsKind.INVITATION_EXPIRED and item.params["expired_at"] == expired_at
    assert news_text(item, "en", UTC) == "The WeChat Pay invitation expired on 2026-11-24 02:30."


def test_review_finished_approved_with_launch_or_rejected_with_reason() -> None:
    (approved,) = news(snap(NOW, E.IN_REVIEW), snap(NOW + HOUR, E.APPROVED), NOW + HOUR)
    assert approved.kind is NewsKind.REVIEW_APPROVED
    assert news_text(approved, "en", UTC) == "Approved: WeChat Pay goes live on 2026-12-24 02:00."
    (rejected,) = news(snap(NOW, E.IN_REVIEW), snap(NOW + HOUR, E.REJECTED), NOW + HOUR)
    assert rejected.kind is NewsKind.REVIEW_REJECTED
    assert (
        news_text(rejected, "en", UTC)
        == "Rejected (Risk review): fix it and re-apply before 2026-12-08 02:00."
    )
    assert kinds(snap(NOW, E.APPROVED), snap(NOW + HOUR, E.LIVE)) == [NewsKind.WENT_LIVE]


def test_phase_opened_once_for_all_its_stores() -> None:
    inv = invitation(opens=30 * timedelta(minutes=1))
    before = snap(NOW, E.NOT_INVITED, inv=inv)
    (item,) = news(before, snap(NOW + HOUR, E.INVITED, inv=inv), NOW + HOUR)
    assert (
        item.kind is NewsKind.PHASE_OPENED
        and item.params["count"] == 1
        and item.key.startswith("phase_opened:2:")
    )
    assert (
        news_text(item, "zh_CN", UTC)
        == "第 2 批申请窗口已开放：1 家店铺可在 2026-12-08 02:00 前申请微信支付。"
    )
    # the next pass sees nothing new
    assert kinds(snap(NOW + HOUR, E.INVITED, inv=inv), snap(NOW + 2 * HOUR, E.INVITED, inv=inv)) == []


def test_fee_change_and_announcements() -> None:
    terms = MethodTerms(Platform.TAOBAO, W, 60, None, frozenset({Device.PC_WEB}), 2)
    cheaper = replace(terms, fee_bps=38)
    ann = Announcement(
        "ann-1",
        LocalizedText("费率调整", "Fee change"),
        LocalizedText(),
        NOW + HOUR,
        NOW + HOUR,
        NOW + 10 * DAY,
        NOW + 2 * HOUR,
    )
    before = snap(NOW, terms={(Platform.TAOBAO, W): terms})
    after = snap(NOW + 3 * HOUR, terms={(Platform.TAOBAO, W): cheaper}, announcements={"ann-1": ann})
    items = news(before, after, NOW + 3 * HOUR)
    assert [i.kind for i in items] == [
        NewsKind.FEE_CHANGED,
        NewsKind.ANNOUNCEMENT_PUBLISHED,
        NewsKind.ANNOUNCEMENT_EFFECTIVE,
    ]
    assert news_text(items[0], "en") == "The WeChat Pay fee on Taobao changed from 0.60% to 0.38%."
    assert news_text(items[1], "zh_CN", UTC) == "新公告：费率调整（意见征集至 2026-12-04 02:00）"
    assert news_text(items[2], "en") == "Now in effect: Fee change"


def test_deadline_reminders_three_days_and_one_day_ahead_each_once() -> None:
    inv = invitation(deadline=5 * DAY)
    times = [NOW + h * HOUR for h in range(0, 5 * 24 + 6, 6)]  # a pass every 6 hours past the deadline
    said = []
    for before, after in itertools.pairwise(times):
        said += news(snap(before, inv=inv), snap(after, inv=inv), after)
    assert [(i.kind, i.params["days"]) for i in said] == [
        (NewsKind.DEADLINE_SOON, 3),
        (NewsKind.DEADLINE_SOON, 1),
    ]
    assert len({i.key for i in said}) == 2
    assert news_text(said[0], "en", UTC) == "3 days left: apply for WeChat Pay before 2026-11-29 02:00."
    # computing the same pass twice gives the same key: storage dedups by it
    again = news(snap(times[7], inv=inv), snap(times[8], inv=inv), times[8])
    assert [i.key for i in again] == [said[0].key]


def test_app_closed_across_both_reminders_says_only_the_nearest() -> None:
    inv = invitation(deadline=5 * DAY)
    (item,) = news(snap(NOW, inv=inv), snap(NOW + 4 * DAY + HOUR, inv=inv), NOW + 4 * DAY + HOUR)
    assert item.params["days"] == 1


def test_no_deadline_reminder_where_the_deadline_no_longer_matters() -> None:
    inv = invitation(deadline=5 * DAY)
    for e in (E.LIVE, E.APPROVED, E.IN_REVIEW, E.FROZEN):
        assert kinds(snap(NOW, e, inv=inv), snap(NOW + 4 * DAY + HOUR, e, inv=inv)) == []


def test_opinion_period_reminder() -> None:
    ann = Announcement(
        "ann-1",
        LocalizedText("新规", "New rule"),
        LocalizedText(),
        NOW - DAY,
        NOW - DAY,
        NOW + 2 * DAY,
        NOW + 9 * DAY,
    )
    before = snap(NOW, announcements={"ann-1": ann})
    later = NOW + DAY + HOUR
    (item,) = news(before, snap(later, announcements={"ann-1": ann}), later)
    assert item.kind is NewsKind.OPINION_CLOSING_SOON and item.params["days"] == 1
    assert news_text(item, "en", UTC) == '1 day left to comment on "New rule": closes 2026-11-26 02:00.'


def test_every_news_kind_has_words_in_both_languages() -> None:
    from console.words.status import NEWS

    assert set(NEWS) == set(NewsKind)
