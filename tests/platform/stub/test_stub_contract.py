"""The published contract matches the server (#13): /openapi.json states every security header's
shape and when it is required, the server enforces exactly that, a wrong method is answered 405
before any Idempotency-Key check, and a repeated security header is refused, never judged on its
first copy."""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from typing import Any

import httpx
import pytest

from . import stub_openapi_check as openapi_check
from .conftest import Api, Stub, new_nonce, response_signature_ok, signature_headers

SIGNING = ["X-App-Key", "X-Timestamp", "X-Nonce", "X-Signature"]
SIGNED_READS = [("get", "/v1/merchant"), ("get", "/v1/stores/{store_id}"), ("get", "/v1/changes")]
WRITES = [
    ("put", "/v1/stores/{store_id}/methods/{method}"),
    ("post", "/v1/announcements/{announcement_id}/feedback"),
]


def _code(response: httpx.Response) -> str:
    return response.json()["error"]["code"]


def _headers(doc: dict[str, Any], method: str, template: str) -> dict[str, dict[str, Any]]:
    operation = doc["paths"][template][method]
    return {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "header"}


def _send(
    api: Api,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    idem: str | None = None,
    extra: Sequence[tuple[str, str | bytes]] = (),
) -> tuple[httpx.Response, str]:
    """A correctly signed request with ``extra`` header lines appended (so a name can repeat)."""
    nonce = new_nonce()
    signed = signature_headers(api.key, api.secret, method, path, body, int(api.stub.now()), nonce)
    lines: list[tuple[str, str | bytes]] = list(signed.items())
    if body:
        lines.append(("Content-Type", "application/json"))
    if idem is not None:
        lines.append(("Idempotency-Key", idem))
    lines += list(extra)
    response = api.stub.http.request(method, path, content=body, headers=lines)
    api.stub.conform(response)
    template = openapi_check.match_path(api.stub.openapi, response.request.url.path)
    if template is not None:
        openapi_check.check_response_headers(
            api.stub.openapi, template, method, response.status_code, response.headers
        )
    return response, nonce


# -- the document -------------------------------------------------------------------------------


def test_signed_routes_state_each_signing_header_required_with_its_shape(stub: Stub) -> None:
    doc = stub.openapi
    signed = [
        (method, template)
        for template, ops in doc["paths"].items()
        if template.startswith("/v1/") and template != "/v1/health"
        for method in ops
    ]
    assert set(SIGNED_READS + WRITES) <= set(signed) and len(signed) >= 7  # sales routes too
    for method, template in signed:
        headers = _headers(doc, method, template)
        assert set(SIGNING) <= set(headers), (method, template)
        for name in SIGNING:
            assert headers[name]["required"] is True, (template, name)
            assert headers[name]["schema"]["type"] == "string"
            assert headers[name]["schema"]["minLength"] >= 1
    shapes = {n: p["schema"] for n, p in _headers(doc, "get", "/v1/merchant").items()}
    assert shapes["X-Nonce"] == {
        "type": "string",
        "minLength": 16,
        "maxLength": 64,
        "pattern": "^[A-Za-z0-9_-]{16,64}$",
    }
    assert shapes["X-Signature"]["pattern"] == "^[0-9a-f]{64}$"
    assert (shapes["X-Signature"]["minLength"], shapes["X-Signature"]["maxLength"]) == (64, 64)
    assert shapes["X-Timestamp"]["pattern"] == "^[0-9]{1,12}$"
    assert _headers(doc, "get", "/v1/health") == {}  # the one unsigned route asks for nothing


def test_idempotency_key_is_required_on_writes_only_with_its_shape(stub: Stub) -> None:
    doc = stub.openapi
    for method, template in WRITES:
        key = _headers(doc, method, template)["Idempotency-Key"]
        assert key["required"] is True
        assert key["schema"] == {
            "type": "string",
            "minLength": 1,
            "maxLength": 128,
            "pattern": "^[A-Za-z0-9_.:-]{1,128}$",
        }
        assert "IDEMPOTENCY_KEY_DUPLICATE" in key["description"]
    for template, ops in doc["paths"].items():
        if template.startswith("/v1/") and "get" in ops:
            assert "Idempotency-Key" not in _headers(doc, "get", template)


@pytest.mark.parametrize(
    ("key", "documented_ok"),
    [
        ("a", True),
        ("outbox:12.a_b-c", True),
        ("k" * 128, True),
        ("k" * 129, False),
        ("a b", False),
        ("", False),
        ("é", False),
        ("a/b", False),
    ],
)
def test_server_accepts_exactly_the_documented_key_shape(api: Api, key: str, documented_ok: bool) -> None:
    schema = _headers(api.stub.openapi, "put", WRITES[0][1])["Idempotency-Key"]["schema"]
    in_document = openapi_check.conforms(key, schema, api.stub.openapi)
    assert in_document is documented_ok
    store = api.pattern_store(2)  # Alipay live: turning it on again changes nothing
    path = f"/v1/stores/{store}/methods/alipay"
    response, _ = _send(api, "PUT", path, b'{"enabled": true}', extra=[("Idempotency-Key", key.encode())])
    if documented_ok:
        assert response.status_code == 200, response.text
    else:
        assert (response.status_code, _code(response)) == (400, "IDEMPOTENCY_KEY_MISSING")


def test_answers_state_their_signature_and_retry_headers(stub: Stub) -> None:
    doc = stub.openapi
    put = doc["paths"][WRITES[0][1]]["put"]["responses"]
    assert put["200"]["headers"]["X-Signature"]["required"] is True
    assert put["200"]["headers"]["X-Signature"]["schema"]["pattern"] == "^[0-9a-f]{64}$"
    assert put["200"]["headers"]["Idempotency-Replayed"]["required"] is False
    assert put["401"]["headers"]["X-Signature"]["required"] is False  # an unknown key: unsigned
    assert put["409"]["headers"]["Retry-After"]["required"] is True
    assert put["401"]["headers"]["X-Platform-Time"]["required"] is True  # said even unsigned
    post = doc["paths"][WRITES[1][1]]["post"]["responses"]
    assert post["201"]["headers"]["X-Timestamp"]["required"] is True


def test_a_replay_carries_its_documented_headers(api: Api) -> None:
    store, key = api.pattern_store(2), secrets.token_hex(8)
    path = f"/v1/stores/{store}/methods/alipay"
    _send(api, "PUT", path, b'{"enabled": true}', idem=key)
    again, _ = _send(api, "PUT", path, b'{"enabled": true}', idem=key)  # headers checked in _send
    assert again.headers["Idempotency-Replayed"] == "true"


# -- 405 before the key -------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/v1/merchant", "/v1/changes", "/v1/stores/tb-000001"])
def test_write_to_a_read_path_is_405_not_a_missing_key(api: Api, method: str, path: str) -> None:
    response, nonce = _send(api, method, path, b'{"enabled": true}')
    assert (response.status_code, _code(response)) == (405, "METHOD_NOT_ALLOWED"), response.text
    template = "/v1/stores/{store_id}" if path.startswith("/v1/stores/") else path
    documented = {m.upper() for m in api.stub.openapi["paths"][template]}
    assert {m.strip() for m in response.headers["Allow"].split(",")} == documented == {"GET"}
    assert response_signature_ok(response, api.secret, nonce)


def test_wrong_write_method_on_a_write_path_names_the_right_one(api: Api) -> None:
    path = f"/v1/stores/{api.pattern_store(0)}/methods/wechat_pay"
    for method in ("POST", "DELETE", "GET"):
        response, _ = _send(api, method, path, b'{"enabled": true}' if method != "GET" else b"")
        assert response.status_code == 405, (method, response.text)
        assert response.headers["Allow"] == "PUT"
    assert api.method(api.pattern_store(0))["eligibility"] == "invited"  # nothing applied


def test_405_reserves_no_key(api: Api) -> None:
    """The key of a refused-by-method request stays free for the write it was meant for."""
    response, _ = _send(api, "POST", "/v1/merchant", b'{"enabled": true}', idem="outbox:405")
    assert response.status_code == 405
    store = api.pattern_store(0)
    applied = api.put_method(store, "wechat_pay", True, idem="outbox:405")
    assert applied.status_code == 200 and "Idempotency-Replayed" not in applied.headers
    assert api.method(store)["eligibility"] == "in_review"


def test_write_to_no_route_is_404_without_a_key(api: Api) -> None:
    response, _ = _send(api, "PUT", "/v1/nowhere/at/all", b"{}")
    assert (response.status_code, _code(response)) == (404, "NOT_FOUND")


# -- repeated security headers ------------------------------------------------------------------


@pytest.mark.parametrize("header", SIGNING)
def test_repeated_signing_header_is_refused_even_with_the_valid_copy_first(api: Api, header: str) -> None:
    store = api.pattern_store(0)
    path, body = f"/v1/stores/{store}/methods/wechat_pay", b'{"enabled": true}'
    decoy = {
        "X-App-Key": "ak_someone_else",
        "X-Timestamp": "1",
        "X-Nonce": new_nonce(),
        "X-Signature": "0" * 64,
    }[header]
    response, nonce = _send(api, "PUT", path, body, idem=secrets.token_hex(8), extra=[(header, decoy)])
    assert (response.status_code, _code(response)) == (401, "AUTH_DUPLICATE_HEADER")
    assert response.json()["error"]["details"] == {"header": header}
    assert header in response.json()["error"]["message"]
    assert api.method(store)["eligibility"] == "invited"  # nothing applied
    if header in ("X-Timestamp", "X-Signature"):  # one key and one nonce: the answer is signed
        assert response_signature_ok(response, api.secret, nonce)
    else:  # which merchant or which request it answers is ambiguous: left unsigned
        assert "X-Signature" not in response.headers


def test_the_same_signature_twice_is_still_refused(api: Api) -> None:
    nonce = new_nonce()
    signed = signature_headers(api.key, api.secret, "GET", "/v1/merchant", b"", int(api.stub.now()), nonce)
    lines = [*signed.items(), ("X-Signature", signed["X-Signature"])]
    response = api.stub.http.get("/v1/merchant", headers=lines)
    assert (response.status_code, _code(response)) == (401, "AUTH_DUPLICATE_HEADER")


@pytest.mark.parametrize("second", ["outbox:2", "outbox:1"])
def test_repeated_idempotency_key_is_refused(api: Api, second: str) -> None:
    store = api.pattern_store(0)
    path = f"/v1/stores/{store}/methods/wechat_pay"
    response, nonce = _send(
        api, "PUT", path, b'{"enabled": true}', idem="outbox:1", extra=[("Idempotency-Key", second)]
    )
    assert (response.status_code, _code(response)) == (400, "IDEMPOTENCY_KEY_DUPLICATE")
    assert response_signature_ok(response, api.secret, nonce)
    assert api.method(store)["eligibility"] == "invited"
    # Nothing was recorded under either key: the first key still applies the write once.
    applied = api.put_method(store, "wechat_pay", True, idem="outbox:1")
    assert applied.status_code == 200 and "Idempotency-Replayed" not in applied.headers


def test_repeated_signing_header_on_health_is_ignored(stub: Stub) -> None:
    """Health reads no signing header, so repeating one there changes nothing."""
    response = stub.http.get("/v1/health", headers=[("X-Signature", "a"), ("X-Signature", "b")])
    assert response.status_code == 200
    assert json.loads(response.content)["status"] == "ok"
