"""Fault injection: latency, random errors, fixed 503/429, dropped connections, slow bodies."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from .conftest import Stub


@pytest.fixture
def faulty(stub: Stub) -> Iterator[Stub]:
    """The shared server, with every fault cleared afterwards (pass or fail)."""
    stub.admin("DELETE", "/admin/faults")
    yield stub
    stub.admin("DELETE", "/admin/faults")


def _fault(stub: Stub, **rule: object) -> dict:
    return stub.admin("PUT", "/admin/faults", rule)


def test_latency(faulty: Stub) -> None:
    api = faulty.merchant(0)
    _fault(faulty, route="GET /v1/merchant", latency_ms=2000, count=1)
    started = time.monotonic()
    assert api.get("/v1/merchant").status_code == 200
    assert time.monotonic() - started >= 2.0  # the injected delay is a lower bound: never flaky
    started = time.monotonic()
    api.get("/v1/merchant")
    # count used up: the next answer carries no 2 s delay (a wide margin, not a speed check)
    assert time.monotonic() - started < 2.0


def test_fixed_503_with_retry_after_and_count(faulty: Stub) -> None:
    api = faulty.demo()
    rules = _fault(faulty, route="GET /v1/*", status=503, retry_after=7, count=2)["faults"]
    assert rules[0]["count"] == 2 and rules[0]["route"] == "GET /v1/*"
    for _ in range(2):
        response = api.get("/v1/merchant")  # still signed
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "UNAVAILABLE"
        assert response.headers["Retry-After"] == "7"
    assert api.get("/v1/merchant").status_code == 200


def test_429_rate_limited(faulty: Stub) -> None:
    api = faulty.demo()
    _fault(faulty, route="GET /v1/changes", status=429, retry_after=3)
    response = api.get("/v1/changes")
    assert (response.status_code, response.json()["error"]["code"]) == (429, "RATE_LIMITED")
    assert response.headers["Retry-After"] == "3"
    assert api.get("/v1/merchant").status_code == 200  # other routes unaffected
    faulty.admin("DELETE", "/admin/faults")
    assert api.get("/v1/changes").status_code == 200


def test_error_rate(faulty: Stub) -> None:
    api = faulty.demo()
    _fault(faulty, route="* /v1/merchant", error_rate=1.0, retry_after=2)
    codes = set()
    for _ in range(12):
        response = api.get("/v1/merchant")
        assert response.status_code in (500, 503)
        codes.add(response.json()["error"]["code"])
    assert codes <= {"INTERNAL", "UNAVAILABLE"}
    faulty.admin("DELETE", "/admin/faults")
    _fault(faulty, route="GET /v1/merchant", error_rate=0.5)
    statuses = {api.get("/v1/merchant").status_code for _ in range(30)}
    assert 200 in statuses and statuses & {500, 503}


def test_injected_error_does_not_apply_or_keep_the_key(faulty: Stub) -> None:
    api = faulty.merchant(10)
    store_id = api.pattern_store(0)
    _fault(faulty, route="PUT /v1/stores/*", status=503, count=1)
    assert api.put_method(store_id, "wechat_pay", True, idem="k-503").status_code == 503
    assert api.method(store_id)["eligibility"] == "invited"
    retry = api.put_method(store_id, "wechat_pay", True, idem="k-503")
    assert retry.status_code == 200 and "Idempotency-Replayed" not in retry.headers


def test_drop_after_apply(faulty: Stub) -> None:
    api = faulty.merchant(10)
    store_id = api.pattern_store(0)
    _fault(faulty, route="PUT /v1/stores/*/methods/*", drop_after_apply=True, count=1)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.put_method(store_id, "wechat_pay", True, idem="k-drop")
    assert api.method(store_id)["eligibility"] == "in_review"  # applied and committed
    retry = api.put_method(store_id, "wechat_pay", True, idem="k-drop")
    assert retry.status_code == 200
    assert retry.headers["Idempotency-Replayed"] == "true"
    assert retry.json()["method"]["eligibility"] == "in_review"


def test_slow_body(faulty: Stub) -> None:
    api = faulty.demo()
    expected = api.get("/v1/changes?since=0&limit=50").json()["changes"]
    _fault(faulty, route="GET /v1/changes", slow_body_ms=60, count=1)
    started = time.monotonic()
    response = api.get("/v1/changes?since=0&limit=50")
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert response.json()["changes"] == expected  # intact, only slow
    assert elapsed >= 7 * 0.06


def test_fault_rule_validation(faulty: Stub) -> None:
    for bad in (
        {"route": ""},
        {"route": "GET /v1/*", "status": 418},
        {"route": "GET /v1/*", "error_rate": 2},
        {"route": "GET /v1/*", "count": 0},
        {"latency_ms": 5},
    ):
        faulty.admin("PUT", "/admin/faults", bad, expect=422)
    assert faulty.admin("DELETE", "/admin/faults") == {"faults": []}


def test_admin_routes_are_not_faulted(faulty: Stub) -> None:
    _fault(faulty, route="*", status=503)
    assert faulty.admin("GET", "/admin/clock")["now"]
    assert faulty.http.get("/v1/health").status_code == 503
