"""``set-method``: queued, refused (exit 3), no change, dry run, JSON."""

from __future__ import annotations

from tests.cli.conftest import Run


# -- set-method ------------------------------------------------------------------------------------------
def test_set_method_queues(run: Run) -> None:
    assert run("set-method", "tb-2", "wechat", "on") == 0
    assert "Saved, waiting to sync: tb-2 WeChat Pay → on" in run.out
    assert "eligibility becomes: in review" in run.out


def test_set_method_refused_exits_3_with_the_reason(run: Run) -> None:
    assert run("set-method", "tb-1", "alipay", "off") == 3
    assert "last live payment method" in run.err and run.out == ""
    assert run("--lang", "zh_CN", "set-method", "tb-1", "alipay", "off") == 3
    assert "不能修改 tb-1 支付宝：这是店铺最后一个已上线并开启的支付方式" in run.err
    assert run("set-method", "tb-5", "alipay", "off") == 3
    assert "frozen" in run.err


def test_set_method_no_change_is_not_an_error(run: Run) -> None:
    assert run("set-method", "tb-1", "alipay", "on") == 0
    assert "already on; nothing to change" in run.out
    assert run.json("pending")[1]["count"] == 0


def test_set_method_dry_run_changes_nothing(run: Run) -> None:
    assert run("set-method", "tb-3", "alipay", "off", "--dry-run") == 0
    assert run.out.startswith("(dry run) Would change: tb-3 Alipay → off")
    assert run.json("pending")[1]["count"] == 0
    assert run("set-method", "tb-1", "alipay", "off", "--dry-run") == 3


def test_set_method_json_shape(run: Run) -> None:
    code, data = run.json("set-method", "tb-2", "wechat_pay", "on")
    assert code == 0
    assert set(data) == {
        "schema",
        "store_id",
        "method",
        "enabled",
        "dry_run",
        "applied",
        "outcome",
        "outbox_id",
        "reason",
        "expected_eligibility",
        "state",
    }
    assert data["applied"] is True and data["outcome"] == "queued" and len(data["outbox_id"]) == 32
    assert data["expected_eligibility"] == "in_review"
    assert data["state"]["wanted"] is True and data["state"]["sync_state"] == "pending"
    code, data = run.json("set-method", "tb-1", "alipay", "off")
    assert code == 3 and data["applied"] is False
    assert data["reason"]["code"] == "LAST_LIVE_METHOD" and data["reason"]["params"] == {"method": "alipay"}
    code, data = run.json("set-method", "tb-2", "wechat_pay", "off")
    assert code == 0 and data["outcome"] == "cancelled"


def test_set_method_unknown_store_and_bad_usage(run: Run) -> None:
    assert run("set-method", "nope", "alipay", "off") == 2
    assert "No store nope" in run.err
    assert run("set-method", "tb-1", "paypal", "on") == 2
    assert run("set-method", "tb-1", "alipay", "maybe") == 2
    assert run("set-method", "tb-1") == 2
    assert run("no-such-command") == 2
