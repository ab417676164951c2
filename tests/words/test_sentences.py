"""console/words: every reason code and amount problem has a sentence in both languages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.core.model import Device, LocalizedText, Method
from console.core.money import AmountProblem
from console.core.reasons import Reason, ReasonCode
from console.words import (
    EN,
    ZH,
    amount_problem_text,
    detect_lang,
    device_name,
    eligibility_name,
    format_when,
    method_name,
    msg,
    next_step_text,
    reason_text,
)

WHEN = datetime(2026, 12, 8, 2, 0, tzinfo=UTC)
FULL_PARAMS = {
    "method": Method.WECHAT_PAY,
    "device": Device.ALIPAY_MINI_PROGRAM,
    "window_opens_at": WHEN,
    "deadline_at": WHEN,
    "launch_at": WHEN,
    "opinion_opens_at": WHEN,
    "opinion_closes_at": WHEN,
    "max_amount_fen": 5_000_000,
    "reason_code": "LICENSE_MISMATCH",
    "reason_text": LocalizedText("执照不符", "License mismatch"),
    "message": "Something the platform said",
    "max_length": 2000,
    "store_id": "tb-1",
    "announcement_id": "a-1",
}


@pytest.mark.parametrize("code", list(ReasonCode))
@pytest.mark.parametrize("params", [{}, FULL_PARAMS], ids=["bare", "full"])
def test_every_reason_code_has_both_languages(code: ReasonCode, params: dict) -> None:
    zh = reason_text(Reason(code, params), ZH, UTC)
    en = reason_text(Reason(code, params), EN, UTC)
    for text in (zh, en):
        assert text and text != code.value and "{" not in text and "None" not in text
    assert zh != en
    assert any("\u4e00" <= c <= "\u9fff" for c in zh)
    assert en.isascii() or "¥" in en or "→" in en or "执" in en


@pytest.mark.parametrize(
    ("reason", "lang", "expected"),
    [
        (
            Reason(ReasonCode.WINDOW_NOT_OPEN, {"window_opens_at": WHEN}),
            EN,
            "This store's application window opens on 2026-12-08 02:00.",
        ),
        (
            Reason(ReasonCode.WINDOW_NOT_OPEN, {"window_opens_at": WHEN}),
            ZH,
            "这家店铺的申请窗口将于 2026-12-08 02:00 开放。",
        ),
        (
            Reason(ReasonCode.REJECTED, {"reason_code": "NEW_CODE", "reason_text": None}),
            EN,
            "The application was rejected: The platform gave the reason code NEW_CODE.",
        ),
        (  # a code we can explain: our words, which say what to do, over the platform's
            Reason(ReasonCode.REJECTED, {"reason_code": "RISK_REVIEW", "reason_text": {"en": "Risk"}}),
            EN,
            "The application was rejected: The platform's risk review did not pass. "
            "Contact platform support for details.",
        ),
        (
            Reason(ReasonCode.REJECTED, {"reason_text": {"zh": "类目不支持", "en": "Category"}}),
            ZH,
            "申请未通过：类目不支持",
        ),
        (
            Reason(ReasonCode.AMOUNT_OVER_LIMIT, {"method": "wechat_pay", "max_amount_fen": 5_000_000}),
            EN,
            "The amount is above the ¥50,000.00 limit for WeChat Pay.",
        ),
        (
            Reason(
                ReasonCode.DEVICE_UNSUPPORTED,
                {"method": Method.WECHAT_PAY, "device": Device.ALIPAY_MINI_PROGRAM},
            ),
            ZH,
            "微信支付不支持支付宝小程序。",
        ),
        (
            Reason(ReasonCode.PLATFORM_REFUSED, {"code": "NEW_RULE", "message": "A new rule"}),
            EN,
            "The platform refused the change: A new rule",
        ),
    ],
)
def test_reason_sentences(reason: Reason, lang: str, expected: str) -> None:
    assert reason_text(reason, lang, UTC) == expected


def test_next_steps_are_advice() -> None:
    assert next_step_text(None, EN) == "Nothing to do, everything is set up."
    assert next_step_text(None, ZH) == "无需操作，一切已设置妥当。"
    step = Reason(ReasonCode.INVITATION_NOT_ACCEPTED, {"deadline_at": WHEN})
    assert next_step_text(step, EN, UTC) == "Turn WeChat Pay on before 2026-12-08 02:00 to apply."
    assert next_step_text(Reason(ReasonCode.REVIEW_PENDING), ZH) == "等待平台审核结果。"
    # a code without advice falls back to the reason sentence
    assert next_step_text(Reason(ReasonCode.NOT_INVITED), EN).startswith("This store has not been invited")


@pytest.mark.parametrize("problem", list(AmountProblem))
def test_every_amount_problem_is_translated(problem: AmountProblem) -> None:
    zh, en = amount_problem_text(problem, "x", ZH), amount_problem_text(problem, "x", EN)
    assert zh and en and zh != en


@pytest.mark.parametrize(
    ("cli", "env", "expected"),
    [
        (None, {}, EN),
        (None, {"LANG": "zh_CN.UTF-8"}, ZH),
        (None, {"LANG": "zh_TW.UTF-8"}, ZH),
        (None, {"LANG": "de_DE.UTF-8"}, EN),
        (None, {"LANG": "C"}, EN),
        (None, {"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN"}, ZH),
        (None, {"LC_MESSAGES": "zh_CN", "LC_ALL": "en_US"}, EN),
        ("zh", {"LC_ALL": "en_US"}, ZH),
        ("zh-CN", {}, ZH),
        ("en", {"LANG": "zh_CN"}, EN),
    ],
)
def test_detect_lang(cli: str | None, env: dict[str, str], expected: str) -> None:
    assert detect_lang(cli, env) == expected


def test_names_and_messages() -> None:
    assert method_name("alipay", ZH) == "支付宝" and method_name(Method.WECHAT_PAY, EN) == "WeChat Pay"
    assert device_name(Device.PC_WEB, ZH) == "电脑网页"
    assert (
        eligibility_name("in_review", EN) == "in review"
        and eligibility_name("approved", ZH) == "已通过"
    )
    assert format_when(None) == "-" and format_when(WHEN, UTC) == "2026-12-08 02:00"
    assert msg("stores_total", ZH, count=3) == "共 3 家店铺"
    assert msg("store", EN) == "Store"
