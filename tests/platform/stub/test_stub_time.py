"""Clock control and the time-driven transitions (each test gets its own server)."""

from __future__ import annotations

from datetime import UTC, datetime

from .conftest import Stub, parse_time

DAY = 86400


def test_clock_get_set_advance(fresh_stub: Stub) -> None:
    clock = fresh_stub.admin("GET", "/admin/clock")
    assert abs(parse_time(clock["now"]) - fresh_stub.now()) < 5
    moved = fresh_stub.admin("POST", "/admin/clock/advance", {"seconds": 3 * DAY})
    assert abs(parse_time(moved["now"]) - parse_time(clock["now"]) - 3 * DAY) < 5
    assert moved["offset_seconds"] >= 3 * DAY - 5
    target = _iso(fresh_stub.now() + 400 * DAY)  # relative: the test passes on any date
    fixed = fresh_stub.admin("PUT", "/admin/clock", {"now": target})
    # the clock ticks on from the time it was set: compared within a minute, not by its digits
    assert abs(parse_time(fixed["now"]) - parse_time(target)) < 60
    health = fresh_stub.http.get("/v1/health").json()
    assert abs(parse_time(health["server_time"]) - parse_time(target)) < 60
    for bad in ({"now": "yesterday"}, {"now": "99999-01-01T00:00:00Z"}, {}):
        fresh_stub.admin("PUT", "/admin/clock", bad, expect=422)
    for bad_seconds in ({"seconds": "x"}, {"seconds": 1e300}, {"seconds": 900 * 365 * DAY}, {}):
        fresh_stub.admin("POST", "/admin/clock/advance", bad_seconds, expect=422)
    too_far = {"now": _iso(fresh_stub.now() + 20 * 365 * DAY)}
    far = fresh_stub.admin("PUT", "/admin/clock", too_far, expect=422)
    assert far["error"]["code"] == "VALIDATION_ERROR"
    still = fresh_stub.admin("GET", "/admin/clock")["now"]
    assert abs(parse_time(still) - parse_time(target)) < 60  # nothing moved


def test_the_clock_never_moves_back(fresh_stub: Stub) -> None:
    """Going back would date history and versions in the future: refused, nothing changed."""
    api = fresh_stub.merchant(10)
    fresh_stub.advance(2 * DAY)
    before = fresh_stub.admin("GET", "/admin/clock")
    state = fresh_stub.state(api.merchant_id)
    back = fresh_stub.admin("POST", "/admin/clock/advance", {"seconds": -5 * DAY}, expect=409)
    # the refusal names the time the platform reads (which ticks on in real time: not to the second)
    assert back["error"]["code"] == "CLOCK_BACKWARDS" and back["error"]["details"]["now"] >= before["now"]
    earlier = _iso(parse_time(before["now"]) - DAY)
    assert fresh_stub.admin("PUT", "/admin/clock", {"now": earlier}, expect=409)["error"]["code"] == (
        "CLOCK_BACKWARDS"
    )
    after = fresh_stub.admin("GET", "/admin/clock")
    assert abs(after["offset_seconds"] - before["offset_seconds"]) < 1
    assert fresh_stub.state(api.merchant_id) == state


def test_a_long_jump_fires_every_event_in_order(fresh_stub: Stub) -> None:
    """Advancing over a phase opening and its deadline: both fire, in the order they happened,
    and the change feed carries them in that order."""
    api = fresh_stub.merchant(10)
    store_id = api.pattern_store(6)  # phase 3: not invited yet
    invitation = api.get(f"/v1/stores/{store_id}").json()["invitation"]
    cursor = api.get("/v1/changes?since=0&limit=1000").json()["next_since"]
    deadline = parse_time(invitation["deadline_at"])
    fresh_stub.advance(deadline - fresh_stub.now() + DAY)
    history = api.get(f"/v1/stores/{store_id}").json()["invitation"]["history"]
    steps = [("not_invited", "invited"), ("invited", "expired")]
    assert [(h["from"], h["to"]) for h in history[-2:]] == steps
    assert [h["at"] for h in history[-2:]] == [invitation["window_opens_at"], invitation["deadline_at"]]
    # the feed carries entities at their latest version: the invitation brings both events
    page = api.get(f"/v1/changes?since={cursor}&limit=1000").json()
    [fed] = [c["data"] for c in page["changes"] if c["kind"] == "invitation" and c["id"] == store_id]
    assert [(h["from"], h["to"]) for h in fed["history"][-2:]] == steps
    stamps = [c["data"]["updated_at"] for c in page["changes"] if c["kind"] == "method"]
    assert stamps == sorted(stamps)  # every event passed over, in time order


def test_clock_survives_restart(fresh_stub: Stub) -> None:
    fresh_stub.advance(5 * DAY)
    platform = fresh_stub.platform
    platform.stop()
    platform.start()
    clock = fresh_stub.http.get(platform.url + "/admin/clock").json()
    assert clock["offset_seconds"] >= 5 * DAY - 5


def test_phase_window_opens_with_the_clock(fresh_stub: Stub) -> None:
    api = fresh_stub.merchant(10)
    store_id = api.pattern_store(6)
    invitation = api.get(f"/v1/stores/{store_id}").json()["invitation"]
    cursor = api.get("/v1/changes?since=0&limit=1000").json()["next_since"]
    fresh_stub.admin("PUT", "/admin/clock", {"now": invitation["window_opens_at"]})
    fresh_stub.advance(1)
    page = api.get(f"/v1/changes?since={cursor}&limit=1000").json()
    changed = {(c["kind"], c["id"]) for c in page["changes"]}
    assert ("method", f"{store_id}:wechat_pay") in changed and ("invitation", store_id) in changed
    history = api.get(f"/v1/stores/{store_id}").json()["invitation"]["history"]
    assert history == [
        {
            "at": invitation["window_opens_at"],
            "from": "not_invited",
            "to": "invited",
            "note": "phase 3 opened",
        }
    ]
    assert api.put_method(store_id, "wechat_pay", True).json()["method"]["eligibility"] == "in_review"


def test_admin_opens_a_phase_now(fresh_stub: Stub) -> None:
    api = fresh_stub.merchant(10)
    store_id = api.pattern_store(6)
    opened = fresh_stub.admin("POST", "/admin/phases/3/open")
    assert opened["phase"] == 3 and opened["stores"] >= 1
    assert api.method(store_id)["eligibility"] == "invited"
    invitation = api.get(f"/v1/stores/{store_id}").json()["invitation"]
    assert parse_time(invitation["window_opens_at"]) <= fresh_stub.now() + 1
    assert fresh_stub.admin("POST", "/admin/phases/9/open", expect=404)["error"]["code"] == "NOT_FOUND"
    assert fresh_stub.state("m-demo")["entities"]["method"]  # demo merchant's phase 3 store invited too
    demo_phase3 = [
        i for i in fresh_stub.state("m-demo")["entities"]["invitation"].values() if i["phase"] == 3
    ]
    assert all(i["history"][-1]["to"] == "invited" for i in demo_phase3)


def test_review_finishes_then_goes_live_at_launch(fresh_stub: Stub) -> None:
    api = fresh_stub.merchant(10)
    store_id = api.pattern_store(0)  # phase 2: launch in the future
    assert api.put_method(store_id, "wechat_pay", True).json()["method"]["eligibility"] == "in_review"
    fresh_stub.advance(60)
    assert api.method(store_id)["eligibility"] == "in_review"
    fresh_stub.advance(61)  # review delay (120 s) passed
    approved = api.method(store_id)
    assert approved["eligibility"] == "approved" and approved["enabled"] is True
    launch_at = api.get(f"/v1/stores/{store_id}").json()["invitation"]["launch_at"]
    assert approved["launch_at"] == launch_at
    fresh_stub.admin("PUT", "/admin/clock", {"now": launch_at})
    fresh_stub.advance(1)
    live = api.method(store_id)
    assert live["eligibility"] == "live" and live["enabled"] is True
    history = api.get(f"/v1/stores/{store_id}").json()["invitation"]["history"]
    assert [h["to"] for h in history] == ["invited", "in_review", "approved", "live"]
    assert history[-1]["at"] == launch_at


def test_seeded_review_and_approved_store_progress(fresh_stub: Stub) -> None:
    api = fresh_stub.merchant(10)
    in_review, approved = api.pattern_store(5), api.pattern_store(7)
    fresh_stub.advance(4 * DAY)  # past review delay and the approved store's launch (3 days)
    assert api.method(in_review)["eligibility"] == "live"  # phase 1 launched long ago
    assert api.method(approved)["eligibility"] == "live"
    assert api.pull_all()[0] == fresh_stub.state(api.merchant_id)["entities"]


def test_deadline_passes_without_application(fresh_stub: Stub) -> None:
    api = fresh_stub.merchant(10)
    store_id = api.pattern_store(1)
    deadline = api.get(f"/v1/stores/{store_id}").json()["invitation"]["deadline_at"]
    fresh_stub.admin("PUT", "/admin/clock", {"now": deadline})
    fresh_stub.advance(1)
    method = api.method(store_id)
    assert method["eligibility"] == "expired" and method["enabled"] is False
    history = api.get(f"/v1/stores/{store_id}").json()["invitation"]["history"]
    assert history[-1] == {
        "at": deadline,
        "from": "invited",
        "to": "expired",
        "note": "deadline passed without an application",
    }
    response = api.put_method(store_id, "wechat_pay", True)
    assert response.json()["error"]["code"] == "INVITATION_EXPIRED"
    # A rejected store past its deadline cannot re-apply either.
    rejected = api.pattern_store(4)
    fresh_stub.advance(30 * DAY)
    assert api.put_method(rejected, "wechat_pay", True).json()["error"]["code"] == "INVITATION_EXPIRED"


def test_withdrawing_in_review_after_deadline_expires(fresh_stub: Stub) -> None:
    api = fresh_stub.merchant(10)
    store_id = api.pattern_store(0)
    deadline = parse_time(api.get(f"/v1/stores/{store_id}").json()["invitation"]["deadline_at"])
    fresh_stub.admin("PUT", "/admin/clock", {"now": _iso(deadline - 30)})
    assert api.put_method(store_id, "wechat_pay", True).json()["method"]["eligibility"] == "in_review"
    fresh_stub.advance(60)  # past the deadline, review (120 s) still running
    assert api.method(store_id)["eligibility"] == "in_review"
    withdrawn = api.put_method(store_id, "wechat_pay", False).json()["method"]
    assert withdrawn["eligibility"] == "expired" and withdrawn["enabled"] is False


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(int(ts), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_admin_finishes_reviews(fresh_stub: Stub) -> None:
    api = fresh_stub.merchant(20)
    a, b = api.pattern_store(0), api.pattern_store(1)
    api.put_method(a, "wechat_pay", True)
    api.put_method(b, "wechat_pay", True)
    one = fresh_stub.admin(
        "POST",
        "/admin/reviews/finish",
        {"store_id": a, "outcome": "reject", "reason_code": "CATEGORY_NOT_SUPPORTED"},
    )
    assert one == {"finished": [a]}
    rejected = api.method(a)
    assert rejected["eligibility"] == "rejected" and rejected["reason_code"] == "CATEGORY_NOT_SUPPORTED"
    assert rejected["reason_text"]["zh"] and rejected["reason_text"]["en"]
    unknown = fresh_stub.admin(
        "POST", "/admin/reviews/finish", {"store_id": b, "outcome": "reject", "reason_code": "NEW_REASON"}
    )
    assert unknown == {"finished": [b]}
    assert api.method(b)["reason_text"]["en"]  # unknown codes still carry a text
    rest = fresh_stub.admin("POST", "/admin/reviews/finish", {"outcome": "approve"})
    assert set(rest["finished"]) >= {api.pattern_store(5), api.pattern_store(15)}
    assert fresh_stub.admin("POST", "/admin/reviews/finish", {"store_id": a}, expect=422)["error"][
        "code"
    ] == ("NOT_IN_REVIEW")
    fresh_stub.admin("POST", "/admin/reviews/finish", {"store_id": "tb-424242"}, expect=404)
    fresh_stub.admin("POST", "/admin/reviews/finish", {"outcome": "maybe"}, expect=422)
