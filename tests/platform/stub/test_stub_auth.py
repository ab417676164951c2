"""Request signing, response signing, and the admin gate."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

from console.platform.stub.embedded import EmbeddedPlatform

from .conftest import Api, Stub, new_nonce, parse_time, response_signature_ok, signature_headers


def _send(api: Api, method: str, url_path: str, headers: dict[str, str], body: bytes = b"") -> httpx.Response:
    response = api.stub.http.request(method, api.stub.url + url_path, headers=headers, content=body)
    api.stub.conform(response)
    return response


def _code(response: httpx.Response) -> str:
    return response.json()["error"]["code"]


def test_health_is_unsigned(stub: Stub) -> None:
    response = stub.http.get("/v1/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "X-Signature" not in response.headers


def test_signed_request_and_response(api: Api) -> None:
    response = api.get("/v1/merchant")  # api.call verifies the response signature
    assert response.status_code == 200
    assert response.json() == {"merchant": {"id": api.merchant_id, "name": "Test Merchant"}}
    assert abs(int(response.headers["X-Timestamp"]) - api.stub.now()) < 5


@pytest.mark.parametrize("missing", ["X-App-Key", "X-Timestamp", "X-Nonce", "X-Signature"])
def test_missing_header_is_auth_missing(api: Api, missing: str) -> None:
    headers = signature_headers(
        api.key, api.secret, "GET", "/v1/merchant", b"", int(api.stub.now()), new_nonce()
    )
    nonce = headers["X-Nonce"]
    del headers[missing]
    response = _send(api, "GET", "/v1/merchant", headers)
    assert response.status_code == 401
    assert _code(response) == "AUTH_MISSING"
    if missing != "X-App-Key":  # the key is known: even this refusal is signed
        assert response_signature_ok(response, api.secret, nonce if missing != "X-Nonce" else "")


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Nonce", "short"),
        ("X-Nonce", "bad nonce with spaces!!"),
        ("X-Timestamp", "12a"),
        ("X-Signature", "XYZ"),
        ("X-Signature", "A" * 64),
    ],
)
def test_malformed_header_is_auth_missing(api: Api, header: str, value: str) -> None:
    headers = signature_headers(
        api.key, api.secret, "GET", "/v1/merchant", b"", int(api.stub.now()), new_nonce()
    )
    headers[header] = value
    response = _send(api, "GET", "/v1/merchant", headers)
    assert (response.status_code, _code(response)) == (401, "AUTH_MISSING")


def test_unknown_key_is_refused_unsigned(api: Api) -> None:
    headers = signature_headers(
        "ak_nobody", api.secret, "GET", "/v1/merchant", b"", int(api.stub.now()), new_nonce()
    )
    response = _send(api, "GET", "/v1/merchant", headers)
    assert (response.status_code, _code(response)) == (401, "AUTH_UNKNOWN_KEY")
    assert "X-Signature" not in response.headers


def _tampered(api: Api, field: str) -> httpx.Response:
    """Sign one request, send a different one: each signed field must matter."""
    path, body, ts, nonce = "/v1/changes?since=0&limit=5", b"", int(api.stub.now()), new_nonce()
    method = "GET"
    if field == "body":
        path, method, body = "/v1/stores/tb-000000/methods/alipay", "PUT", b'{"enabled": true}'
    headers = signature_headers(api.key, api.secret, method, path, body, ts, nonce)
    if field == "method":
        method = "DELETE"
    elif field == "path":
        path = "/v1/changes/?since=0&limit=5"
    elif field == "query":
        path = "/v1/changes?since=0&limit=6"
    elif field == "timestamp":
        headers["X-Timestamp"] = str(ts - 1)
    elif field == "nonce":
        headers["X-Nonce"] = new_nonce()
    elif field == "body":
        body = b'{"enabled": false}'
        headers["Idempotency-Key"] = "k-" + new_nonce()
    return _send(api, method, path, headers, body)


@pytest.mark.parametrize("field", ["method", "path", "query", "timestamp", "nonce", "body"])
def test_tampering_any_signed_field_fails(api: Api, field: str) -> None:
    response = _tampered(api, field)
    assert (response.status_code, _code(response)) == (401, "AUTH_BAD_SIGNATURE")


def test_wrong_secret_fails(api: Api) -> None:
    headers = signature_headers(
        api.key, "not-the-secret", "GET", "/v1/merchant", b"", int(api.stub.now()), new_nonce()
    )
    response = _send(api, "GET", "/v1/merchant", headers)
    assert (response.status_code, _code(response)) == (401, "AUTH_BAD_SIGNATURE")
    assert response_signature_ok(response, api.secret, headers["X-Nonce"])


@pytest.mark.parametrize("skew", [-301, 301, -100_000])
def test_timestamp_outside_window(api: Api, skew: int) -> None:
    response = api.get("/v1/merchant", ts=int(api.stub.now()) + skew)
    assert (response.status_code, _code(response)) == (401, "AUTH_TIMESTAMP_SKEW")


@pytest.mark.parametrize("skew", [-290, 290])
def test_timestamp_inside_window(api: Api, skew: int) -> None:
    assert api.get("/v1/merchant", ts=int(api.stub.now()) + skew).status_code == 200


def test_timestamp_window_follows_real_time_not_the_business_clock(fresh_stub: Stub) -> None:
    """Moving the platform's calendar (a demo, a test clock) never breaks signed requests."""
    api = fresh_stub.demo()
    fresh_stub.advance(30 * 86400)
    business = int(fresh_stub.now())
    assert api.get("/v1/merchant").status_code == 200  # signed with the real clock
    assert _code(api.get("/v1/merchant", ts=business)) == "AUTH_TIMESTAMP_SKEW"
    moved = api.get("/v1/merchant")
    # every signed answer says the business time, and the signature covers it
    assert abs(parse_time(moved.headers["X-Platform-Time"]) - business) < 5
    assert abs(int(moved.headers["X-Timestamp"]) - time.time()) < 5
    forged = httpx.Response(
        200,
        headers={**moved.headers, "X-Platform-Time": "2099-01-01T00:00:00Z"},
        content=moved.content,
        request=moved.request,
    )
    assert not response_signature_ok(forged, api.secret, api.last_nonce)


def test_nonce_reuse(api: Api) -> None:
    nonce = new_nonce()
    assert api.get("/v1/merchant", nonce=nonce).status_code == 200
    again = api.get("/v1/merchant", nonce=nonce)
    assert (again.status_code, _code(again)) == (401, "AUTH_NONCE_REUSED")
    # Nonces are per merchant: another merchant may use the same one.
    other = api.stub.merchant(0)
    assert other.get("/v1/merchant", nonce=nonce).status_code == 200


def test_nonce_window_is_real_time(fresh_stub: Stub) -> None:
    """Moving the business clock past the ten-minute nonce window does not free a nonce: a
    replay of a captured request stays refused whatever the demo's calendar says."""
    api = fresh_stub.demo()
    nonce = new_nonce()
    assert api.get("/v1/merchant", nonce=nonce).status_code == 200
    fresh_stub.advance(601)
    again = api.get("/v1/merchant", nonce=nonce)
    assert (again.status_code, _code(again)) == (401, "AUTH_NONCE_REUSED")


def test_error_responses_are_signed(api: Api) -> None:
    calls = [
        lambda: api.get("/v1/stores/tb-999999"),
        lambda: api.get("/v1/changes?limit=0"),
        lambda: api.get("/v1/nowhere"),
        lambda: api.put_method(api.pattern_store(9), "wechat_pay", True),
    ]
    for call in calls:
        response = call()
        assert response.status_code >= 400
        assert response_signature_ok(response, api.secret, api.last_nonce)


def test_cross_merchant_store_is_not_found(stub: Stub, api: Api) -> None:
    other = stub.merchant(10)
    foreign = other.pattern_store(0)
    response = api.get(f"/v1/stores/{foreign}")
    assert (response.status_code, _code(response)) == (404, "NOT_FOUND")
    assert _code(api.put_method(foreign, "wechat_pay", True)) == "NOT_FOUND"
    assert other.get(f"/v1/stores/{foreign}").status_code == 200
    assert "secret" not in response.text


def test_admin_routes_absent_without_admin(tmp_path) -> None:
    with EmbeddedPlatform(tmp_path, seed=None, admin=False) as platform:
        response = httpx.get(platform.url + "/admin/clock")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "NOT_FOUND"
        assert "/admin/clock" not in httpx.get(platform.url + "/openapi.json").json()["paths"]


def _non_loopback_ip() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            ip = s.getsockname()[0]
    except OSError:
        return None
    return None if ip.startswith("127.") else ip


def test_admin_refuses_non_loopback_clients(tmp_path) -> None:
    ip = _non_loopback_ip()
    if ip is None:
        pytest.skip("no non-loopback interface")
    with EmbeddedPlatform(tmp_path, seed=None, admin=True, host="0.0.0.0") as platform:
        port = platform.url.rsplit(":", 1)[1]
        try:
            response = httpx.get(f"http://{ip}:{port}/admin/clock", timeout=5)
        except httpx.HTTPError:
            pytest.skip("cannot reach own interface")
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "FORBIDDEN"
        assert httpx.get(f"http://127.0.0.1:{port}/admin/clock").status_code == 200
