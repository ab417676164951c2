"""The rollout played end to end on the demo platform, moved by its clock only (issue #10):
phase 3 opens → the merchant applies → review approved → launch date reached → WeChat Pay at
checkout → a fee change is announced → feedback in its opinion period → it takes effect, and
the checkout preview shows the new fee."""

from __future__ import annotations

from console.cli.common import EXIT_OK, EXIT_REFUSED
from tests.demo.conftest import Terminal

STORE = "tb-000009"  # phase 3 in the demo seed: not invited yet


def _ok(term: Terminal, *argv: str, lang: str = "en") -> str:
    done = term(*argv, lang=lang)
    assert done.code == EXIT_OK, (argv, done.out, done.err)
    return done.out


def _wechat(term: Terminal) -> dict[str, object]:
    shown = term("--json", "preview", STORE, "--amount", "100").json()["shown"]
    return next((m for m in shown if m["method"] == "wechat_pay"), {})


def test_the_rollout_story(term: Terminal) -> None:
    assert term("set-method", STORE, "wechat_pay", "on").code == EXIT_REFUSED  # not invited yet
    assert not _wechat(term)

    out = _ok(term, "demo", "advance", "--to", "phase-3-opens")
    assert "phase 3 opens" in out and f"{STORE}: WeChat Pay invitation opened" in out

    _ok(term, "set-method", STORE, "wechat_pay", "on")
    _ok(term, "sync")
    out = _ok(term, "demo", "review", STORE, "approve", lang="zh_CN")
    assert f"{STORE}：微信支付审核通过" in out
    assert not _wechat(term)  # approved, not live before its launch date

    out = _ok(term, "demo", "advance", "--to", "phase-3-launch")
    assert "phase 3 launch date" in out and f"{STORE}: WeChat Pay is live" in out
    assert _wechat(term)["fee_bps"] == 60  # at checkout

    out = _ok(term, "demo", "announce", "0.4%", "--opinion-days", "5", "--effective-days", "10")
    assert "New announcement: Fee change to 0.4%" in out
    announcement = term("--json", "demo", "events").json()["events"][-1]["announcement_id"]
    _ok(term, "feedback", announcement, "Please keep the fee for small shops.")
    out = _ok(term, "sync")
    assert "Synced: 1 sent, 0 refused" in out

    assert _wechat(term)["fee_bps"] == 60  # announced, not yet in effect
    out = _ok(term, "demo", "advance", "--to", f"{announcement}-takes-effect")
    assert "“Fee change to 0.4%” takes effect" in out
    assert _wechat(term)["fee_bps"] == 40  # the platform's terms changed; the sync brought them
    assert term("feedback", announcement, "too late").code == EXIT_REFUSED  # its opinion period is over
