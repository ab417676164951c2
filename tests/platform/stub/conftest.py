"""Shared fixtures for the stub platform's contract tests: real servers on loopback (child
processes), a signing client written from docs/platform-api.md (not from the server code), and
a check that every response conforms to the server's own /openapi.json.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.platform.stub.embedded import EmbeddedPlatform
from tests.platform.stub import stub_openapi_check as openapi_check

UNSIGNED_ROUTES = ("/v1/health",)


def parse_time(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hmac_hex(secret: str, message: str) -> str:
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def new_nonce() -> str:
    return secrets.token_hex(16)


def signature_headers(
    key: str, secret: str, method: str, path_qs: str, body: bytes, ts: int, nonce: str
) -> dict:
    """The four signing headers, straight from the contract's string-to-sign."""
    string_to_sign = "\n".join([method.upper(), path_qs, str(ts), nonce, sha256_hex(body)])
    return {
        "X-App-Key": key,
        "X-Timestamp": str(ts),
        "X-Nonce": nonce,
        "X-Signature": hmac_hex(secret, string_to_sign),
    }


def response_signature_ok(response: httpx.Response, secret: str, nonce: str) -> bool:
    ts = response.headers.get("X-Timestamp")
    sig = response.headers.get("X-Signature")
    if ts is None or sig is None:
        return False
    platform_time = response.headers.get("X-Platform-Time")
    lines = [str(response.status_code), nonce, ts]
    if platform_time is not None:
        lines.append(platform_time)  # the business time is signed with the answer
    expected = hmac_hex(secret, "\n".join([*lines, sha256_hex(response.content)]))
    return hmac.compare_digest(expected, sig)


@dataclass
class Stub:
    """One running stub server: admin helpers, the OpenAPI document, clock tracking."""

    platform: EmbeddedPlatform
    http: httpx.Client
    offset: float = 0.0
    _openapi: dict[str, Any] | None = None

    @property
    def url(self) -> str:
        return self.platform.url

    @property
    def openapi(self) -> dict[str, Any]:
        if self._openapi is None:
            self._openapi = self.http.get("/openapi.json").json()
        return self._openapi

    def now(self) -> float:
        """Our estimate of the server clock (real time plus the offset we set)."""
        return time.time() + self.offset

    def admin(self, method: str, path: str, body: Any = None, expect: int | None = 200) -> Any:
        response = (
            self.http.request(method, path, json=body)
            if body is not None
            else self.http.request(method, path)
        )
        self.conform(response)
        if expect is not None:
            assert response.status_code == expect, response.text
        if path.startswith("/admin/clock") and response.status_code == 200:
            self.offset = parse_time(response.json()["now"]) - time.time()
        return response.json()

    def advance(self, seconds: float) -> None:
        self.admin("POST", "/admin/clock/advance", {"seconds": seconds})

    def state(self, merchant_id: str) -> dict[str, Any]:
        return self.admin("GET", f"/admin/state/{merchant_id}")

    def merchant(self, stores: int = 10, name: str = "Test Merchant") -> Api:
        created = self.admin("POST", "/admin/merchants", {"name": name, "stores": stores}, expect=201)
        return Api(self, created["merchant_id"], created["app_key"], created["app_secret"])

    def demo(self) -> Api:
        creds = self.platform.credentials
        return Api(self, creds.merchant_id, creds.app_key, creds.app_secret)

    def conform(self, response: httpx.Response) -> None:
        """Status documented for the route; JSON body valid against the documented schema."""
        request = response.request
        path = request.url.path
        if not (path.startswith("/v1/") or path.startswith("/admin")):
            return
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"}, body
            assert isinstance(body["error"]["code"], str) and isinstance(body["error"]["message"], str)
            assert isinstance(body["error"]["details"], dict)
        template = openapi_check.match_path(self.openapi, path)
        statuses = (
            openapi_check.documented_statuses(self.openapi, template, request.method) if template else None
        )
        if template is None or statuses is None:
            assert response.status_code in (400, 401, 404, 405, 409, 413, 422), (
                request.method,
                path,
                response,
            )
            return
        assert response.status_code in statuses, (request.method, path, response.status_code, response.text)
        schema = openapi_check.response_schema(self.openapi, template, request.method, response.status_code)
        if schema is not None:
            openapi_check.validate(response.json(), schema, self.openapi)


@dataclass
class Api:
    """A merchant's signed client. Every response is checked against /openapi.json and, when
    the server knows the key, for a valid response signature."""

    stub: Stub
    merchant_id: str
    key: str
    secret: str
    last_nonce: str = ""
    stores: dict[str, str] = field(default_factory=dict)

    def call(
        self,
        method: str,
        path_qs: str,
        body: Any = None,
        *,
        content: bytes | None = None,
        idem: str | None = "auto",
        headers: dict[str, str] | None = None,
        ts: int | None = None,
        nonce: str | None = None,
        verify: bool = True,
    ) -> httpx.Response:
        raw = content if content is not None else (b"" if body is None else json.dumps(body).encode())
        nonce = nonce or new_nonce()
        self.last_nonce = nonce
        sent = signature_headers(
            self.key, self.secret, method, path_qs, raw, int(time.time()) if ts is None else ts, nonce
        )
        if raw:
            sent["Content-Type"] = "application/json"
        if method in ("PUT", "POST") and idem is not None:
            sent["Idempotency-Key"] = secrets.token_hex(8) if idem == "auto" else idem
        sent.update(headers or {})
        response = self.stub.http.request(method, self.stub.url + path_qs, content=raw, headers=sent)
        self.stub.conform(response)
        if verify:
            assert response_signature_ok(response, self.secret, nonce), (
                response.status_code,
                response.headers,
            )
        return response

    def get(self, path_qs: str, **kw: Any) -> httpx.Response:
        return self.call("GET", path_qs, **kw)

    def put_method(self, store_id: str, method: str, enabled: bool, **kw: Any) -> httpx.Response:
        return self.call("PUT", f"/v1/stores/{store_id}/methods/{method}", {"enabled": enabled}, **kw)

    def method(self, store_id: str, method: str = "wechat_pay") -> dict[str, Any]:
        response = self.get(f"/v1/stores/{store_id}")
        assert response.status_code == 200, response.text
        return next(m for m in response.json()["methods"] if m["method"] == method)

    def store_ids(self) -> list[str]:
        return sorted(self.stub.state(self.merchant_id)["entities"]["store"])

    def pattern_store(self, index: int) -> str:
        """The store at position ``index`` of the generated ten-store pattern:
        0,1 invited (phase 2) · 2,3 live+on (phase 1) · 4 rejected · 5 in_review · 6 not_invited
        (phase 3) · 7 approved (launch in 3 days) · 8 wechat frozen · 9 in no phase."""
        ids = self.store_ids()
        ids.sort(key=lambda s: int(s.split("-")[1]))
        return ids[index]

    def pull_all(self, limit: int = 1000) -> tuple[dict[str, dict[str, Any]], int]:
        """Apply every page from since=0; returns (entities by kind and id, pages)."""
        entities: dict[str, dict[str, Any]] = {}
        since, pages = 0, 0
        while True:
            page = self.get(f"/v1/changes?since={since}&limit={limit}").json()
            pages += 1
            for change in page["changes"]:
                entities.setdefault(change["kind"], {})[change["id"]] = change["data"]
            since = page["next_since"]
            if not page["has_more"]:
                return entities, pages


def _start(tmp: Path, **kw: Any) -> EmbeddedPlatform:
    return EmbeddedPlatform(tmp, seed="demo", admin=True, **kw).start()


@pytest.fixture(scope="session")
def stub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stub]:
    """The shared server: tests on it never move its clock or open phases."""
    platform = _start(tmp_path_factory.mktemp("stub-shared"))
    with httpx.Client(base_url=platform.url, timeout=15) as http:
        yield Stub(platform, http)
    platform.stop()


@pytest.fixture
def fresh_stub(tmp_path: Path) -> Iterator[Stub]:
    """A server of its own, for tests that move the clock or change platform-wide things."""
    platform = _start(tmp_path / "stub", review_delay_s=120)
    with httpx.Client(base_url=platform.url, timeout=15) as http:
        yield Stub(platform, http)
    platform.stop()


@pytest.fixture
def api(stub: Stub) -> Api:
    """A new merchant with the ten-store pattern on the shared server."""
    return stub.merchant(10)


def poll(condition: Callable[[], Any], timeout: float = 10.0, interval: float = 0.02) -> Any:
    """Wait until ``condition()`` is truthy (never a blind sleep)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(interval)
