"""``show``: one store in both languages and as JSON."""

from __future__ import annotations

from tests.cli.conftest import Run


# -- show ---------------------------------------------------------------------------------------------
def test_show_in_english(run: Run) -> None:
    assert run("show", "tb-2") == 0
    assert "Turn WeChat Pay on before 2026-12-08 02:00 to apply." in run.out
    assert "Next step:" in run.out and "Phase 1" in run.out


def test_show_in_chinese_with_the_rejection_reason(run: Run) -> None:
    assert run("--lang", "zh_CN", "show", "tm-4") == 0
    assert "申请未通过：营业执照与店铺登记的公司不一致。" in run.out
    assert "请在 2026-12-08 02:00 前重新开启微信支付再次申请。" in run.out


def test_show_json_shape(run: Run) -> None:
    code, data = run.json("show", "tm-4")
    assert code == 0
    assert set(data) == {"schema", "store", "methods", "invitation", "next_step"}
    assert data["store"]["platform"] == "tmall"
    wechat = data["methods"]["wechat_pay"]
    assert wechat["eligibility"] == "rejected" and wechat["sync_state"] == "confirmed"
    assert wechat["reason_text"] == {"zh": "营业执照不符", "en": "License does not match"}
    assert wechat["terms"] == {
        "fee_bps": 50,
        "max_amount_fen": 5000000,
        "devices": ["mobile_app", "pc_web", "wechat_mini_program"],
        "display_order": 2,
    }
    assert wechat["shown_to_shoppers"] is False and wechat["toggle_allowed"] is True
    (reason,) = wechat["hidden_reasons"]
    assert reason["code"] == "REJECTED" and reason["params"]["reason_code"] == "LICENSE_MISMATCH"
    assert reason["message"].startswith("The application was rejected: The business licence does not match")
    alipay = data["methods"]["alipay"]
    assert alipay["toggle_allowed"] is False and alipay["toggle_refusal"]["code"] == "LAST_LIVE_METHOD"
    assert data["invitation"]["history"][0]["to"] == "invited"
    assert data["next_step"]["code"] == "REJECTED"


def test_show_unknown_store_exits_2(run: Run) -> None:
    assert run("show", "nope") == 2
    assert run.err.strip() == "No store nope here. List stores with the stores command."
    code, data = run.json("show", "nope")
    assert code == 2 and data["error"]["code"] == "UNKNOWN_STORE" and data["error"]["store_id"] == "nope"
