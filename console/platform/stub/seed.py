"""Seed data: the demo merchant, generated merchants (``stores:N``, admin), phases, announcements.

All dates are relative to the server clock at seeding. Seeding is idempotent per data dir:
a second start with the same ``--seed`` finds its merchant and adds nothing. Bulk rows go in
with one executemany inside one transaction, so ``stores:100000`` takes seconds, not minutes.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .entities import (
    due_for,
    history_event,
    invitation_entity,
    merchant_entity,
    method_entity,
    store_entity,
    terms_entities,
)
from .rules import Platform
from .state import Merchant, Tx

DAY = 86400
CREDENTIALS_FILE = "demo-credentials.json"
DEMO_MERCHANT_ID = "m-demo"
DEMO_MERCHANT_NAME = "鲜果时光 Fresh Fruit Co."
CATEGORIES = ("fresh_food", "snacks", "tea", "apparel", "home", "digital")

Row = tuple[str, str, str, dict[str, Any], dict[str, Any] | None, int | None]


@dataclass(frozen=True)
class StoreSpec:
    """One store to seed: where it is and which WeChat Pay state it starts in."""

    platform: str
    name: str
    category: str
    state: str  # not_invited | invited | in_review | approved | live_on | live_off | rejected | frozen_method
    # | expiring (invited, deadline already passed) | none (no phase)
    phase: int | None = None
    status: str = "open"
    reason_code: str | None = None
    launch_in_days: float | None = None  # per-store launch date relative to now
    deadline_in_days: float | None = None  # per-store deadline relative to now


# The ten-store pattern of generated merchants: every state a client must handle, repeated.
GENERATED_PATTERN: tuple[tuple[str, int | None, str | None, float | None], ...] = (
    ("invited", 2, None, None),
    ("invited", 2, None, None),
    ("live_on", 1, None, None),
    ("live_on", 1, None, None),
    ("rejected", 1, "LICENSE_MISMATCH", None),
    ("in_review", 1, None, None),
    ("not_invited", 3, None, None),
    ("approved", 1, None, 3.0),
    ("frozen_method", 1, "RISK_REVIEW", None),
    ("none", None, None, None),
)

DEMO_STORES: tuple[StoreSpec, ...] = (
    StoreSpec("taobao", "鲜果时光 淘宝旗舰店 Fresh Fruit Flagship", "fresh_food", "live_on", 1),
    StoreSpec("tmall", "鲜果时光 天猫官方店 Fresh Fruit Tmall", "fresh_food", "live_on", 1),
    StoreSpec(
        "taobao", "果干零食铺 Dried Fruit Snacks", "snacks", "frozen_method", 1, reason_code="RISK_REVIEW"
    ),
    StoreSpec("tmall", "茶果礼盒 Tea & Fruit Gifts", "tea", "rejected", 1, reason_code="LICENSE_MISMATCH"),
    StoreSpec("taobao", "热带水果直供 Tropical Direct", "fresh_food", "in_review", 1),
    StoreSpec("tmall", "有机果园 Organic Orchard", "fresh_food", "approved", 1, launch_in_days=3),
    StoreSpec("taobao", "鲜榨果汁坊 Fresh Juice Bar", "snacks", "invited", 2),
    StoreSpec("tmall", "进口水果馆 Imported Fruit Hall", "fresh_food", "invited", 2),
    StoreSpec("taobao", "坚果小铺 Nut Corner", "snacks", "not_invited", 3),
    StoreSpec("tmall", "果蔬净菜 Fresh Greens", "fresh_food", "none"),
    StoreSpec("taobao", "水果捞外卖 Fruit Bowl To Go", "snacks", "invited", 2, status="frozen"),
    StoreSpec("tmall", "时令鲜果 Seasonal Picks", "fresh_food", "expiring", 1, deadline_in_days=-3),
)


def ensure_world(platform: Platform) -> None:
    """Phases 1–3 and the standing announcements, created once per data dir."""
    store = platform.store
    if store.get_meta("world_seeded_at") is not None:
        return
    t0 = int(platform.clock.now()) // 60 * 60
    phases = [
        (1, t0 - 30 * DAY, t0 + 5 * DAY, t0 - 10 * DAY),
        (2, t0 - 2 * DAY, t0 + 10 * DAY, t0 + 20 * DAY),
        (3, t0 + 14 * DAY, t0 + 30 * DAY, t0 + 45 * DAY),
    ]
    from .clock import iso

    announcements = [
        {
            "id": "a-qr-interop",
            "title": {"zh": "收款码互通说明", "en": "Interoperable receiving QR codes"},
            "body": {
                "zh": "店铺收款码将同时支持支付宝与微信支付扫码。旧版收款码继续有效。",
                "en": "Store receiving codes will accept both Alipay and WeChat Pay scans. "
                "Old codes keep working.",
            },
            "published_at": iso(t0 - 40 * DAY),
            "opinion_opens_at": iso(t0 - 40 * DAY),
            "opinion_closes_at": iso(t0 - 30 * DAY),
            "effective_at": iso(t0 - 20 * DAY),
            "affects": {"platforms": ["taobao", "tmall"], "methods": ["alipay", "wechat_pay"]},
        },
        {
            "id": "a-wechat-rules",
            "title": {
                "zh": "微信支付接入规则（征求意见稿）",
                "en": "WeChat Pay acceptance rules (draft for comment)",
            },
            "body": {
                "zh": "受邀店铺须在截止日期前申请开通微信支付，审核通过后于上线日生效。",
                "en": "Invited stores must apply for WeChat Pay before the deadline; "
                "approved stores go live on the launch date.",
            },
            "published_at": iso(t0 - 3 * DAY),
            "opinion_opens_at": iso(t0 - 3 * DAY),
            "opinion_closes_at": iso(t0 + 4 * DAY),
            "effective_at": iso(t0 + 14 * DAY),
            "affects": {"platforms": ["taobao", "tmall"], "methods": ["wechat_pay"]},
        },
        {
            "id": "a-tmall-fees",
            "title": {"zh": "天猫微信支付费率公告", "en": "Tmall WeChat Pay fee terms"},
            "body": {
                "zh": "天猫店铺微信支付费率为 0.60%，单笔限额 5 万元。",
                "en": "WeChat Pay on Tmall costs 0.60% per payment, up to CNY 50,000 per payment.",
            },
            "published_at": iso(t0),
            "opinion_opens_at": iso(t0 + 2 * DAY),
            "opinion_closes_at": iso(t0 + 9 * DAY),
            "effective_at": iso(t0 + 21 * DAY),
            "affects": {"platforms": ["tmall"], "methods": ["wechat_pay"]},
        },
    ]
    with store.tx() as tx:
        tx.conn.executemany(
            "INSERT OR IGNORE INTO phases (n, window_opens_at, deadline_at, launch_at) VALUES (?, ?, ?, ?)",
            phases,
        )
        tx.conn.executemany(
            "INSERT OR IGNORE INTO announcements (id, data) VALUES (?, ?)",
            [(a["id"], json.dumps(a, ensure_ascii=False)) for a in announcements],
        )
        tx.conn.execute("INSERT INTO meta (key, value) VALUES ('world_seeded_at', ?)", (str(t0),))


def _phases(platform: Platform) -> dict[int, tuple[int, int, int]]:
    rows = platform.store.conn.execute("SELECT n, window_opens_at, deadline_at, launch_at FROM phases")
    return {int(r[0]): (int(r[1]), int(r[2]), int(r[3])) for r in rows}


def _store_rows(
    merchant_id: str,
    store_id: str,
    spec: StoreSpec,
    phases: dict[int, tuple[int, int, int]],
    now: int,
    review_delay_s: int,
) -> list[Row]:
    """The store, its two methods and its invitation, with a history that explains the state."""
    rows: list[Row] = [
        (
            merchant_id,
            "store",
            store_id,
            store_entity(store_id, spec.platform, spec.name, spec.category, spec.status),
            None,
            None,
        ),
        (
            merchant_id,
            "method",
            f"{store_id}:alipay",
            method_entity(store_id, "alipay", "live", True, now),
            None,
            None,
        ),
    ]
    if spec.phase is None or spec.state == "none":
        rows.append(
            (
                merchant_id,
                "method",
                f"{store_id}:wechat_pay",
                method_entity(store_id, "wechat_pay", "not_invited", False, now),
                None,
                None,
            )
        )
        return rows
    window, deadline, launch = phases[spec.phase]
    if spec.deadline_in_days is not None:
        deadline = now + int(spec.deadline_in_days * DAY)
    if spec.launch_in_days is not None:
        launch = now + int(spec.launch_in_days * DAY)
    history: list[dict[str, Any]] = []
    extra: dict[str, Any] = {}
    state = spec.state
    if state != "not_invited":
        history.append(history_event(window, "not_invited", "invited", f"phase {spec.phase} opened"))
    applied, reviewed = min(window + 2 * DAY, now), min(window + 4 * DAY, now)
    if state in ("in_review", "approved", "live_on", "live_off", "rejected", "frozen_method"):
        history.append(history_event(applied, "invited", "in_review", "merchant applied"))
    if state in ("approved", "live_on", "live_off", "frozen_method"):
        history.append(history_event(reviewed, "in_review", "approved", "review approved"))
    if state in ("live_on", "live_off", "frozen_method"):
        history.append(history_event(max(launch, reviewed), "approved", "live", "launch date reached: live"))
    code = spec.reason_code
    if state == "not_invited":
        method = method_entity(store_id, "wechat_pay", "not_invited", False, now)
    elif state in ("invited", "expiring"):
        method = method_entity(store_id, "wechat_pay", "invited", False, window)
    elif state == "in_review":
        extra = {"review_due_at": now + review_delay_s, "review_outcome": "approve"}
        method = method_entity(store_id, "wechat_pay", "in_review", True, applied, launch_at=launch)
    elif state == "approved":
        method = method_entity(store_id, "wechat_pay", "approved", True, reviewed, launch_at=launch)
    elif state in ("live_on", "live_off"):
        method = method_entity(
            store_id, "wechat_pay", "live", state == "live_on", max(launch, reviewed), launch_at=launch
        )
    elif state == "rejected":
        code = code or "LICENSE_MISMATCH"
        at = min(window + 5 * DAY, now)
        history.append(history_event(at, "in_review", "rejected", f"review rejected: {code}"))
        method = method_entity(store_id, "wechat_pay", "rejected", False, at, reason_code=code)
    elif state == "frozen_method":
        code = code or "RISK_REVIEW"
        history.append(history_event(now - 2 * DAY, "live", "frozen", f"frozen by the platform: {code}"))
        method = method_entity(store_id, "wechat_pay", "frozen", False, now - 2 * DAY, reason_code=code)
    else:
        raise ValueError(f"unknown seed state {state!r}")
    invitation = invitation_entity(store_id, spec.phase, window, deadline, launch, history)
    rows.append(
        (
            merchant_id,
            "method",
            f"{store_id}:wechat_pay",
            method,
            extra or None,
            due_for(method, invitation, extra),
        )
    )
    rows.append((merchant_id, "invitation", store_id, invitation, None, None))
    return rows


def generated_specs(count: int) -> list[StoreSpec]:
    specs = []
    for i in range(count):
        state, phase, code, launch_days = GENERATED_PATTERN[i % len(GENERATED_PATTERN)]
        platform = "taobao" if i % 2 == 0 else "tmall"
        specs.append(
            StoreSpec(
                platform,
                f"店铺 {i + 1} · Store {i + 1}",
                CATEGORIES[i % len(CATEGORIES)],
                state,
                phase,
                reason_code=code,
                launch_in_days=launch_days,
            )
        )
    return specs


def create_merchant(
    platform: Platform,
    name: str,
    specs: list[StoreSpec],
    merchant_id: str | None = None,
) -> Merchant:
    """A merchant with fresh credentials, the method terms, every announcement and its stores."""
    ensure_world(platform)
    store = platform.store
    phases = _phases(platform)
    now = int(platform.clock.now())
    app_key, app_secret = "ak_" + secrets.token_hex(10), secrets.token_hex(32)
    with store.tx() as tx:
        if merchant_id is None:
            merchant_id = f"m-{store.next_counter(tx, 'merchant'):06d}"
        tx.conn.execute(
            "INSERT INTO merchants (id, name, app_key, app_secret, version) VALUES (?, ?, ?, ?, 0)",
            (merchant_id, name, app_key, app_secret),
        )
        first_no = store.next_counter(tx, "store", len(specs)) if specs else 0
        tx.put_many(
            _merchant_rows(tx, merchant_id, name, specs, phases, first_no, now, platform.review_delay_s)
        )
    platform.apply_due()
    return Merchant(merchant_id, name, app_key, app_secret)


def _merchant_rows(
    tx: Tx,
    merchant_id: str,
    name: str,
    specs: list[StoreSpec],
    phases: dict[int, tuple[int, int, int]],
    first_no: int,
    now: int,
    review_delay_s: int,
) -> list[Row]:
    rows: list[Row] = [(merchant_id, "merchant", merchant_id, merchant_entity(merchant_id, name), None, None)]
    rows += [(merchant_id, "method_terms", tid, data, None, None) for tid, data in terms_entities()]
    for aid, data in tx.conn.execute("SELECT id, data FROM announcements ORDER BY id"):
        rows.append((merchant_id, "announcement", aid, json.loads(data), None, None))
    for offset, spec in enumerate(specs):
        store_id = f"{'tb' if spec.platform == 'taobao' else 'tm'}-{first_no + offset:06d}"
        rows += _store_rows(merchant_id, store_id, spec, phases, now, review_delay_s)
    return rows


def seed_demo(platform: Platform) -> Merchant:
    existing = platform.store.merchant(DEMO_MERCHANT_ID)
    if existing is not None:
        return existing
    return create_merchant(platform, DEMO_MERCHANT_NAME, list(DEMO_STORES), DEMO_MERCHANT_ID)


def seed_stores(platform: Platform, count: int) -> Merchant:
    merchant_id = f"m-stores-{count}"
    existing = platform.store.merchant(merchant_id)
    if existing is not None:
        return existing
    return create_merchant(
        platform, f"批量商户 Bulk Merchant ({count} stores)", generated_specs(count), merchant_id
    )


def parse_seed(spec: str) -> tuple[str, int]:
    """``demo`` or ``stores:N`` → (kind, count). Raises ValueError otherwise."""
    if spec == "demo":
        return "demo", 0
    kind, _, number = spec.partition(":")
    if kind == "stores" and number.isdigit() and 1 <= int(number) <= 1_000_000:
        return "stores", int(number)
    raise ValueError(f"unknown seed {spec!r}: use demo or stores:N")


def apply_seed(platform: Platform, spec: str) -> Merchant:
    kind, count = parse_seed(spec)
    return seed_demo(platform) if kind == "demo" else seed_stores(platform, count)


def write_credentials(data_dir: Path, merchant: Merchant, url: str | None = None) -> Path:
    """DIR/demo-credentials.json, readable by the owner only (it holds the app secret)."""
    path = data_dir / CREDENTIALS_FILE
    payload: dict[str, Any] = {
        "merchant_id": merchant.id,
        "app_key": merchant.app_key,
        "app_secret": merchant.app_secret,
    }
    if url is not None:
        payload["url"] = url
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, indent=2)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path
