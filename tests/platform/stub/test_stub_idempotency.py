"""Idempotency-Key: required on writes, replayed, refused on reuse, 409 while running, 24 h."""

from __future__ import annotations

import threading

import httpx
import pytest

from .conftest import Api, Stub


def _code(response: httpx.Response) -> str:
    return response.json()["error"]["code"]


@pytest.mark.parametrize("key", [None, "", "has space", "x" * 129, "bad/char"])
def test_key_missing_or_malformed(api: Api, key: str | None) -> None:
    headers = {} if key is None else {"Idempotency-Key": key}
    response = api.call(
        "PUT",
        f"/v1/stores/{api.pattern_store(0)}/methods/wechat_pay",
        {"enabled": True},
        idem=None,
        headers=headers,
    )
    assert (response.status_code, _code(response)) == (400, "IDEMPOTENCY_KEY_MISSING")
    assert api.method(api.pattern_store(0))["eligibility"] == "invited"


def test_replay_returns_the_first_response(api: Api) -> None:
    store_id = api.pattern_store(0)
    first = api.put_method(store_id, "wechat_pay", True, idem="outbox:1")
    version = api.stub.state(api.merchant_id)["version"]
    again = api.put_method(store_id, "wechat_pay", True, idem="outbox:1")
    assert again.status_code == 200
    assert again.headers["Idempotency-Replayed"] == "true"
    assert "Idempotency-Replayed" not in first.headers
    assert again.content == first.content
    assert api.stub.state(api.merchant_id)["version"] == version  # nothing applied


def test_refusals_are_replayed_too(api: Api) -> None:
    store_id = api.pattern_store(9)
    first = api.put_method(store_id, "wechat_pay", True, idem="k-refused")
    again = api.put_method(store_id, "wechat_pay", True, idem="k-refused")
    assert first.status_code == again.status_code == 422
    assert again.headers["Idempotency-Replayed"] == "true"
    assert again.content == first.content


def test_same_key_different_body(api: Api) -> None:
    store_id = api.pattern_store(2)
    assert api.put_method(store_id, "wechat_pay", False, idem="k-1").status_code == 200
    response = api.put_method(store_id, "wechat_pay", True, idem="k-1")
    assert (response.status_code, _code(response)) == (422, "IDEMPOTENCY_KEY_REUSED")
    other_route = api.call(
        "POST", "/v1/announcements/a-wechat-rules/feedback", {"enabled": False}, idem="k-1"
    )
    assert _code(other_route) == "IDEMPOTENCY_KEY_REUSED"


def test_keys_are_per_merchant(stub: Stub, api: Api) -> None:
    other = stub.merchant(10)
    assert api.put_method(api.pattern_store(0), "wechat_pay", True, idem="shared").status_code == 200
    response = other.put_method(other.pattern_store(0), "wechat_pay", True, idem="shared")
    assert response.status_code == 200 and "Idempotency-Replayed" not in response.headers


def test_concurrent_same_key_is_409(stub: Stub) -> None:
    fresh_stub = stub
    api = fresh_stub.merchant(10)
    store_id = api.pattern_store(0)
    # Whichever request takes the key first holds it while it sleeps in injected latency.
    fresh_stub.admin("PUT", "/admin/faults", {"route": "PUT /v1/stores/*", "latency_ms": 1500})
    results: list[httpx.Response] = []
    lock = threading.Lock()

    def send() -> None:
        response = api.put_method(store_id, "wechat_pay", True, idem="k-slow")
        with lock:
            results.append(response)

    threads = [threading.Thread(target=send) for _ in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    finally:
        fresh_stub.admin("DELETE", "/admin/faults")
    ok, busy = sorted(results, key=lambda r: r.status_code)
    assert (ok.status_code, busy.status_code) == (200, 409)
    assert _code(busy) == "IDEMPOTENCY_IN_PROGRESS"
    assert busy.headers["Retry-After"] == "1"
    replay = api.put_method(store_id, "wechat_pay", True, idem="k-slow")
    assert replay.headers["Idempotency-Replayed"] == "true"
    assert replay.content == ok.content


def test_keys_expire_after_24_hours(fresh_stub: Stub) -> None:
    api = fresh_stub.demo()
    store_id = next(
        s for s, d in fresh_stub.state(api.merchant_id)["entities"]["store"].items() if d["status"] == "open"
    )
    assert api.put_method(store_id, "alipay", True, idem="k-day").status_code == 200
    fresh_stub.advance(23 * 3600)
    assert (
        api.put_method(store_id, "alipay", True, idem="k-day").headers.get("Idempotency-Replayed") == "true"
    )
    assert (
        _code(api.call("PUT", f"/v1/stores/{store_id}/methods/alipay", {"enabled": False}, idem="k-day"))
        == "IDEMPOTENCY_KEY_REUSED"
    )
    fresh_stub.advance(3600 + 1)
    fresh = api.put_method(store_id, "alipay", True, idem="k-day")
    assert fresh.status_code == 200 and "Idempotency-Replayed" not in fresh.headers
