"""``announcements`` and ``feedback``."""

from __future__ import annotations

from tests.cli.conftest import Run


def test_announcements(run: Run) -> None:
    assert run("announcements") == 0
    assert "WeChat Pay fee change" in run.out and "(open now)" in run.out and "(closed)" in run.out
    assert run("--lang", "zh_CN", "announcements") == 0
    assert "微信支付费率调整" in run.out and "(进行中)" in run.out
    code, data = run.json("announcements")
    assert code == 0 and [a["id"] for a in data["announcements"]] == ["a-future", "a-open", "a-closed"]
    a_open = data["announcements"][1]
    assert a_open["opinion"] == "open_now" and a_open["opinion_open"] is True
    assert a_open["title"] == {"zh": "微信支付费率调整", "en": "WeChat Pay fee change"}
    assert a_open["affects_platforms"] == ["taobao", "tmall"] and a_open["meets_notice_period"] is True


def test_feedback_exit_codes(run: Run) -> None:
    assert run("feedback", "a-open", "同意") == 0 and "Feedback saved" in run.out
    assert run("feedback", "a-closed", "too late") == 3
    assert "The opinion period ended on" in run.err
    assert run("--lang", "zh_CN", "feedback", "a-future", "早") == 3 and "意见征集期将于" in run.err
    assert run("feedback", "missing", "x") == 2 and "No announcement missing" in run.err
    code, data = run.json("feedback", "a-open", "")
    assert code == 3 and data["reason"]["code"] == "FEEDBACK_EMPTY" and data["applied"] is False
