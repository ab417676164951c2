"""The compacted change feed: paging, ordering, changes between pages, equality with state."""

from __future__ import annotations

from .conftest import Api, Stub


def test_apply_all_pages_equals_server_state(api: Api) -> None:
    entities, pages = api.pull_all(limit=7)
    assert pages > 3
    assert entities == api.stub.state(api.merchant_id)["entities"]


def test_each_entity_appears_once_in_version_order(api: Api) -> None:
    api.put_method(api.pattern_store(0), "wechat_pay", True)
    api.put_method(api.pattern_store(0), "wechat_pay", False)
    page = api.get("/v1/changes?since=0&limit=1000").json()
    keys = [(c["kind"], c["id"]) for c in page["changes"]]
    assert len(keys) == len(set(keys))
    versions = [c["version"] for c in page["changes"]]
    assert versions == sorted(versions)
    assert page["next_since"] == versions[-1]
    assert page["has_more"] is False
    assert page["changes"][-1]["kind"] == "invitation"  # the latest change


def test_change_between_pages_moves_to_a_later_page(api: Api) -> None:
    first = api.get("/v1/changes?since=0&limit=10").json()
    assert first["has_more"] is True
    seen_store = next(c for c in first["changes"] if c["kind"] == "method" and c["id"].endswith(":alipay"))
    store_id = seen_store["data"]["store_id"]
    # Change an entity the client already received; it must come again with a higher version.
    assert api.put_method(store_id, "wechat_pay", True).status_code in (200, 422)
    api.stub.admin("POST", f"/admin/stores/{store_id}/status", {"status": "frozen"})
    entities: dict[str, dict[str, object]] = {}
    for change in first["changes"]:
        entities.setdefault(change["kind"], {})[change["id"]] = change["data"]
    since, later = first["next_since"], []
    while True:
        page = api.get(f"/v1/changes?since={since}&limit=10").json()
        later += page["changes"]
        for change in page["changes"]:
            entities.setdefault(change["kind"], {})[change["id"]] = change["data"]
        since = page["next_since"]
        if not page["has_more"]:
            break
    moved = next(c for c in later if c["kind"] == "store" and c["id"] == store_id)
    assert moved["data"]["status"] == "frozen"
    assert moved["version"] > first["next_since"]
    assert entities == api.stub.state(api.merchant_id)["entities"]


def test_versions_are_per_merchant(stub: Stub, api: Api) -> None:
    other = stub.merchant(1)
    assert other.get("/v1/changes?since=0&limit=1").json()["changes"][0]["version"] == 1
    assert other.pull_all()[0] == stub.state(other.merchant_id)["entities"]


def test_new_announcement_reaches_every_feed(fresh_stub: Stub) -> None:
    a, b = fresh_stub.demo(), fresh_stub.merchant(2)
    cursors = {
        api.merchant_id: api.get("/v1/changes?since=0&limit=1000").json()["next_since"] for api in (a, b)
    }
    now = fresh_stub.now()
    from datetime import UTC, datetime

    def iso(ts: float) -> str:
        return datetime.fromtimestamp(int(ts), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    created = fresh_stub.admin(
        "POST",
        "/admin/announcements",
        {
            "title": {"zh": "新规", "en": "New rule"},
            "body": {"zh": "内容", "en": "Body"},
            # published in the same whole second as the opinion period opens: left to the server,
            # a second boundary between now() and the POST would put publication after the opening
            "published_at": iso(now),
            "opinion_opens_at": iso(now),
            "opinion_closes_at": iso(now + 5 * 86400),
            "effective_at": iso(now + 8 * 86400),
            "affects": {"platforms": ["taobao"], "methods": ["wechat_pay"]},
        },
        expect=201,
    )["announcement"]
    for api in (a, b):
        page = api.get(f"/v1/changes?since={cursors[api.merchant_id]}").json()
        assert [(c["kind"], c["id"]) for c in page["changes"]] == [("announcement", created["id"])]
        assert page["changes"][0]["data"] == created
    feedback = a.call("POST", f"/v1/announcements/{created['id']}/feedback", {"text": "ok"})
    assert feedback.status_code == 201
    # Publishing rules: at least 7 days' notice, opinion period inside.
    bad = {
        "title": {"zh": "x", "en": "x"},
        "body": {"zh": "x", "en": "x"},
        "published_at": iso(now),
        "opinion_opens_at": iso(now),
        "opinion_closes_at": iso(now + 86400),
        "effective_at": iso(now + 6 * 86400),
        "affects": {"platforms": [], "methods": []},
    }
    fresh_stub.admin("POST", "/admin/announcements", bad, expect=422)
    bad |= {"effective_at": iso(now + 8 * 86400), "opinion_closes_at": iso(now + 9 * 86400)}
    fresh_stub.admin("POST", "/admin/announcements", bad, expect=422)
    fresh_stub.admin("POST", "/admin/announcements", bad | {"opinion_closes_at": "soon"}, expect=422)
