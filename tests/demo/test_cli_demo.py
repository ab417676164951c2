"""``main.py demo …`` against a real demo platform: what moves, what the merchant reads, exit codes."""

from __future__ import annotations

import pytest

from console.cli.common import EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE
from console.core.timeutil import parse_ts
from tests.demo.conftest import Terminal

#: The platform's business time runs on after a move: a loaded machine reads it seconds later.
SLACK_S = 120


def _soon_after(earlier: str, later: str) -> bool:
    gap = (parse_ts(later) - parse_ts(earlier)).total_seconds()
    return 0 <= gap <= SLACK_S


def test_advance_a_week_names_the_events_passed_and_syncs(term: Terminal) -> None:
    upcoming = term("demo", "events", "--json").json()["events"]
    assert upcoming, "the demo seed schedules events"
    done = term("demo", "advance", "7d")
    assert done.code == EXIT_OK, done.err
    assert "Events passed:" in done.out and "Synced:" in done.out
    assert "review of tb-000005 finishes" in done.out  # the seed's pending review is on the calendar
    before = term.platform_offset()
    zh = term("demo", "advance", "1d", "--json", lang="zh_CN").json()
    assert zh["exit_code"] == 0 and zh["sync"]["error"] is None
    # the business clock moved by exactly one day; the time it reports is the platform's own
    # (which ticks on in real time, so it is compared as an order, not to the second)
    assert term.platform_offset() - before == pytest.approx(86_400)
    assert _soon_after(zh["demo"]["platform_time"], term.platform_now())


def test_to_the_next_event_names_it(term: Terminal) -> None:
    first = term("demo", "events", "--json").json()["events"][0]
    done = term("demo", "advance", "--to-next-event", "--json")
    assert done.code == EXIT_OK
    doc = done.json()
    assert doc["demo"]["passed"][0]["id"] == first["id"]
    assert _soon_after(first["at"], doc["demo"]["platform_time"])
    assert first["id"] not in [e["id"] for e in term("demo", "events", "--json").json()["events"]]


def test_to_a_named_event(term: Terminal) -> None:
    events = term("demo", "events", "--json").json()["events"]
    target = next(e for e in events if e["kind"] == "phase_opens")
    done = term("demo", "advance", "--to", target["id"], lang="zh_CN")
    assert done.code == EXIT_OK, done.err
    assert f"第 {target['phase']} 期开放" in done.out
    # the clock stopped at the event and ticks on from there in real time
    assert target["at"] <= term.platform_now()
    assert target["id"] not in [e["id"] for e in term("demo", "events", "--json").json()["events"]]


@pytest.mark.parametrize(
    ("argv", "code", "en", "zh"),
    [
        (["advance", "--", "-5d"], "NEGATIVE_DURATION", "only moves forward", "只能向前"),
        (["advance", "900y"], "DURATION_TOO_LONG", "too long", "太长"),
        (["advance", "soon"], "BAD_DURATION", "not a duration", "无法识别时长"),
        (["advance", "--to", "phase-99-opens"], "UNKNOWN_EVENT", "No upcoming event", "没有名为"),
        (["review", "tb-999999", "approve"], "UNKNOWN_STORE", "no store tb-999999", "没有店铺"),
        (["announce", "lots"], "BAD_FEE", "not a fee rate", "无法识别费率"),
    ],
)
def test_bad_input_changes_nothing(term: Terminal, argv: list[str], code: str, en: str, zh: str) -> None:
    before = term.platform_offset()
    done = term("demo", *argv)
    assert done.code == EXIT_USAGE and en in done.err and done.out == ""
    assert len(done.err.strip().splitlines()) == 1
    assert zh in term("demo", *argv, lang="zh_CN").err
    assert term("--json", "demo", *argv).json()["error"]["code"] == code
    assert term.platform_offset() == before


def test_review_approve_and_reject_reach_the_merchant(term: Terminal) -> None:
    # the seed has one store in review; another applies through the app
    applied = term("set-method", "tb-000007", "wechat_pay", "on")
    assert applied.code == EXIT_OK, applied.err
    assert term("sync").code == EXIT_OK
    done = term("demo", "review", "tb-000007", "reject", "--reason", "license_mismatch")
    assert done.code == EXIT_OK, done.err
    assert "rejected: LICENSE_MISMATCH" in done.out and "tb-000007: WeChat Pay review rejected" in done.out
    done = term("demo", "review", "tb-000005", "approve", lang="zh_CN")
    assert done.code == EXIT_OK and "tb-000005 的审核已通过" in done.out
    assert "tb-000005：微信支付已上线" in done.out  # its launch date had already come
    again = term("demo", "review", "tb-000005", "approve")
    assert again.code == EXIT_USAGE and "no review pending" in again.err


def test_announce_a_fee_change_with_an_opinion_period(term: Terminal) -> None:
    done = term("demo", "announce", "0.6%", "--opinion-days", "5", "--effective-days", "10")
    assert done.code == EXIT_OK, done.err
    assert "New announcement: Fee change to 0.6%" in done.out
    kinds = {e["kind"] for e in term("demo", "events", "--json").json()["events"]}
    assert {"opinion_closes", "takes_effect"} <= kinds


def test_offline_and_back(term: Terminal) -> None:
    off = term("demo", "offline")
    assert off.code == EXIT_OK and "offline" in off.out
    assert term("sync").code == EXIT_UNREACHABLE
    on = term("demo", "online")
    assert on.code == EXIT_OK and "Synced:" in on.out


def test_thirty_days_then_sync_exits_0(term: Terminal) -> None:
    """Done when (issue #10): advancing the demo platform 30 days, then `main.py sync`, exits 0."""
    done = term("demo", "advance", "30d")
    assert done.code == EXIT_OK and "Events passed:" in done.out
    assert "launch date" in done.out
    assert term("sync").code == EXIT_OK


def test_a_real_platform_refuses_without_a_request(term: Terminal, tmp_path) -> None:
    import io

    from console import cli

    out, err = io.StringIO(), io.StringIO()
    code = cli.main(
        ["--data-dir", str(tmp_path), "--platform", "https://open.example.com", "demo", "advance", "1d"],
        environ={"LANG": "en_US.UTF-8"},
        stdout=out,
        stderr=err,
    )
    assert code == EXIT_USAGE and out.getvalue() == ""
    assert err.getvalue().strip() == (
        "Demo commands exist only on the demo platform (this is a real platform)."
    )
