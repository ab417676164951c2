"""``pending``, ``retry``, ``discard`` and ``activity``: what waits and what happened."""

from __future__ import annotations

from tests.cli.conftest import Run


def test_pending_and_activity(run: Run) -> None:
    assert run("pending") == 0
    assert run.out.splitlines() == ["Nothing waits to sync.", "Not synced with the platform yet"]
    assert run("activity") == 0 and run.out.strip() == "No activity."
    run("set-method", "tb-2", "wechat_pay", "on")
    run("feedback", "a-open", "支持")
    assert run("pending") == 0
    assert "WeChat Pay → on" in run.out and "waiting to sync" in run.out and "Feedback a-open" in run.out
    code, data = run.json("pending")
    assert code == 0 and data["count"] == 2
    # the same state `status` and the status bar show: one set_method and one feedback waiting
    assert data["status"]["waiting"] == 2 and data["status"]["headline"] == "waiting"
    assert run("pending") == 0 and "2 changes waiting to sync" in run.out
    assert set(data["pending"][0]) == {
        "id",
        "seq",
        "kind",
        "status",
        "created_at",
        "store_id",
        "store_name",
        "method",
        "enabled",
        "announcement_id",
        "attempts",
        "last_error",
        "refusal",
    }
    assert data["pending"][0]["enabled"] is True and data["pending"][1]["kind"] == "send_feedback"
    # in words, not the log's internal names or raw JSON
    assert run("activity", "--store", "tb-2") == 0
    assert "Change a payment method → on" in run.out and "Waiting to sync" in run.out
    assert "set_method" not in run.out and "{" not in run.out
    assert run("--lang", "zh_CN", "activity", "--store", "tb-2") == 0
    assert "修改支付方式 → 开" in run.out and "您" in run.out and "待同步" in run.out
    code, data = run.json("activity", "--limit", "1")
    assert code == 0 and data["count"] == 1
    assert set(data["activity"][0]) == {
        "id",
        "at",
        "actor",
        "action",
        "store_id",
        "method",
        "result",
        "detail",
    }
    assert data["activity"][0]["action"] == "send_feedback"


def test_retry_and_discard_from_the_terminal(run: Run) -> None:
    """What the GUI's Waiting-to-sync view does, by a short id from `pending`."""
    assert run("set-method", "tb-2", "wechat_pay", "on") == 0
    code, data = run.json("pending")
    assert code == 0
    change = data["pending"][0]["id"]
    assert run("pending") == 0 and change[:8] in run.out  # the short id is shown
    # a queued change cannot be retried (only refused ones), and says why
    assert run("retry", change[:8]) == 2 and "cannot" in run.err
    assert run("discard", "zzzz") == 2 and "No waiting change" in run.err
    assert run("discard", change[:8]) == 0 and "Discarded" in run.out
    assert run("pending") == 0
    assert run.out.splitlines() == ["Nothing waits to sync.", "Not synced with the platform yet"]
    assert run("--lang", "zh_CN", "discard", change[:8]) == 2  # gone
