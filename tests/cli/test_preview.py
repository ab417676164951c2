"""``preview``: the checkout a shopper sees; amounts that cannot be read."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Run


# -- preview ---------------------------------------------------------------------------------------------
def test_preview_table(run: Run) -> None:
    assert run("preview", "tb-3", "--amount", "¥1,234.5", "--device", "pc_web") == 0
    assert "¥1,234.50" in run.out and "¥7.41" in run.out and "¥1,227.09" in run.out
    assert "mcpay://receive/tb-3" in run.out


def test_preview_json_shape(run: Run) -> None:
    code, data = run.json("preview", "tb-2", "--amount", "１２", "--device", "mini_program")
    assert code == 0
    assert (
        data["amount_fen"] == 1200 and data["device"] == "alipay_mini_program" and data["default"] == "alipay"
    )
    assert data["shown"] == [
        {"method": "alipay", "fee_bps": 60, "fee_fen": 7, "net_fen": 1193, "is_default": True, "as_qr": False}
    ]
    (hidden,) = data["hidden"]
    assert hidden["method"] == "wechat_pay"
    assert [r["code"] for r in hidden["reasons"]] == ["INVITATION_NOT_ACCEPTED", "DEVICE_UNSUPPORTED"]
    assert data["qr_wallets"] == ["alipay"] and data["receive_code"] == "mcpay://receive/tb-2"


@pytest.mark.parametrize(
    ("amount", "lang", "message"),
    [
        ("abc", "en", '"abc" is not an amount; write it like 12.50.'),
        ("1,23", "zh_CN", "千位分隔符位置不对：“1,23”。应每三位一个，例如 1,234.50。"),
        ("0", "en", "Enter an amount greater than zero."),
        ("-5", "en", "The amount cannot be negative."),
        ("1.234", "zh_CN", "金额最多两位小数（分）。"),
    ],
)
def test_preview_bad_amount_exits_2(run: Run, amount: str, lang: str, message: str) -> None:
    assert run("--lang", lang, "preview", "tb-3", "--amount", amount) == 2
    assert run.err.strip() == message


def test_preview_unknown_store(run: Run) -> None:
    assert run("preview", "nope", "--amount", "1") == 2
