"""Wire shapes of the platform's entities (docs/platform-api.md, "Entities") as plain dicts.

Pure functions: seeding, rules and transitions all build entities here so every writer
produces the same shape the feed and the OpenAPI document promise.
"""

from __future__ import annotations

from typing import Any

from .channels import CHANNELS, channels_for
from .clock import iso, parse_iso

PLATFORMS = ("taobao", "tmall")
METHODS = ("alipay", "wechat_pay")
STORE_STATUSES = ("open", "frozen", "closed")
ELIGIBILITIES = (
    "not_invited",
    "invited",
    "in_review",
    "approved",
    "live",
    "rejected",
    "expired",
    "withdrawn",
    "frozen",
)
DEVICES = CHANNELS

REASONS: dict[str, dict[str, str]] = {
    "LICENSE_MISMATCH": {
        "zh": "营业执照信息与店铺主体不一致，请更新资质后重新申请。",
        "en": "The business licence does not match the store's registered entity; update it and apply again.",
    },
    "CATEGORY_NOT_SUPPORTED": {
        "zh": "该经营类目暂不支持微信支付。",
        "en": "WeChat Pay is not yet available for this store category.",
    },
    "RISK_REVIEW": {
        "zh": "店铺正在接受风险审核。",
        "en": "The store is under risk review.",
    },
    "INCOMPLETE_PROFILE": {
        "zh": "店铺资料不完整，请补充后重新申请。",
        "en": "The store profile is incomplete; complete it and apply again.",
    },
    "PLATFORM_WITHDRAWN": {
        "zh": "平台已撤回本次微信支付邀请。",
        "en": "The platform withdrew this WeChat Pay invitation.",
    },
}

# (platform, method) -> fee_bps, max_amount_fen, devices, display_order
TERMS: dict[tuple[str, str], tuple[int, int, list[str], int]] = {
    ("taobao", "alipay"): (60, 5_000_000, channels_for("alipay"), 1),
    ("taobao", "wechat_pay"): (60, 5_000_000, channels_for("wechat_pay"), 2),
    ("tmall", "alipay"): (55, 10_000_000, channels_for("alipay"), 1),
    ("tmall", "wechat_pay"): (60, 5_000_000, channels_for("wechat_pay"), 2),
}


def reason_text(code: str | None) -> dict[str, str] | None:
    if code is None:
        return None
    return REASONS.get(code, {"zh": f"审核未通过（{code}）。", "en": f"Not approved ({code})."})


def merchant_entity(merchant_id: str, name: str) -> dict[str, Any]:
    return {"id": merchant_id, "name": name}


def store_entity(
    store_id: str, platform: str, name: str, category: str, status: str = "open"
) -> dict[str, Any]:
    return {
        "id": store_id,
        "platform": platform,
        "name": name,
        "category": category,
        "status": status,
        "receive_code": f"mcpay://receive/{store_id}",
    }


def method_entity(
    store_id: str,
    method: str,
    eligibility: str,
    enabled: bool,
    updated_at: float,
    *,
    reason_code: str | None = None,
    launch_at: float | None = None,
) -> dict[str, Any]:
    shows_launch = eligibility in ("in_review", "approved", "live") and launch_at is not None
    return {
        "store_id": store_id,
        "method": method,
        "eligibility": eligibility,
        "enabled": enabled,
        "reason_code": reason_code,
        "reason_text": reason_text(reason_code),
        "launch_at": iso(launch_at) if shows_launch and launch_at is not None else None,
        "updated_at": iso(updated_at),
    }


def history_event(at: float, from_: str, to: str, note: str) -> dict[str, Any]:
    return {"at": iso(at), "from": from_, "to": to, "note": note}


def invitation_entity(
    store_id: str,
    phase: int,
    window_opens_at: float,
    deadline_at: float,
    launch_at: float,
    history: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "store_id": store_id,
        "phase": phase,
        "window_opens_at": iso(window_opens_at),
        "deadline_at": iso(deadline_at),
        "launch_at": iso(launch_at),
        "history": history,
    }


def terms_entities() -> list[tuple[str, dict[str, Any]]]:
    """(id, data) of every method_terms entity."""
    out = []
    for (platform, method), (fee, max_fen, devices, order) in TERMS.items():
        out.append(
            (
                f"{platform}:{method}",
                {
                    "platform": platform,
                    "method": method,
                    "fee_bps": fee,
                    "max_amount_fen": max_fen,
                    "devices": list(devices),
                    "display_order": order,
                },
            )
        )
    return out


def invitation_times(invitation: dict[str, Any]) -> tuple[float, float, float]:
    """(window_opens_at, deadline_at, launch_at) as Unix seconds."""
    return (
        parse_iso(invitation["window_opens_at"]),
        parse_iso(invitation["deadline_at"]),
        parse_iso(invitation["launch_at"]),
    )


def due_for(method: dict[str, Any], invitation: dict[str, Any] | None, extra: dict[str, Any]) -> int | None:
    """When this WeChat Pay method's next time-driven transition happens (None: never by itself)."""
    if method["method"] != "wechat_pay" or invitation is None:
        return None
    window, deadline, launch = invitation_times(invitation)
    eligibility = method["eligibility"]
    if eligibility == "not_invited":
        return int(window)
    if eligibility == "invited":
        return int(deadline)
    if eligibility == "in_review":
        return int(extra.get("review_due_at", 0))
    if eligibility == "approved":
        return int(launch)
    return None
