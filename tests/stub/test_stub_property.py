"""Property-based: generated and malformed requests never get a 5xx, always get the error
shape, and only statuses /openapi.json documents for that route (hypothesis, no schemathesis)."""

from __future__ import annotations

import json
import secrets
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.platform.stub.embedded import EmbeddedPlatform

from .conftest import Stub, hmac_hex, sha256_hex

ROUTES = [
    ("GET", "/v1/health"),
    ("GET", "/v1/merchant"),
    ("GET", "/v1/stores/{}"),
    ("GET", "/v1/changes"),
    ("PUT", "/v1/stores/{}/methods/{}"),
    ("POST", "/v1/announcements/{}/feedback"),
    ("GET", "/admin/state/{}"),
    ("POST", "/admin/reviews/finish"),
    ("POST", "/admin/invitations/{}/withdraw"),
    ("POST", "/admin/invitations/{}/expire"),
    ("POST", "/admin/stores/{}/status"),
    ("POST", "/admin/announcements"),
    ("POST", "/admin/phases/{}/open"),
    ("GET", "/v1/{}"),
    ("GET", "/{}"),
]
KNOWN_IDS = [
    "tb-000001",
    "tm-000002",
    "tb-000009",
    "alipay",
    "wechat_pay",
    "a-wechat-rules",
    "m-demo",
    "1",
    "3",
]
HEADER_NAMES = [
    "X-Timestamp",
    "X-Nonce",
    "X-Signature",
    "X-App-Key",
    "Idempotency-Key",
    "Content-Type",
    "Content-Encoding",
    "Accept",
    "X-Anything",
]

printable = st.text(
    alphabet=string.ascii_letters + string.digits + string.punctuation + " ", max_size=40
).map(str.strip)
segments = st.one_of(st.sampled_from(KNOWN_IDS), st.text(max_size=70))
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
bodies = st.one_of(
    st.none(),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"enabled": st.one_of(st.booleans(), json_values)}).map(
        lambda v: json.dumps(v).encode()
    ),
    st.fixed_dictionaries({"text": st.text(max_size=50)}).map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"status": st.sampled_from(["open", "frozen", "x"])}).map(
        lambda v: json.dumps(v).encode()
    ),
    st.binary(max_size=100),
)
queries = st.dictionaries(
    st.one_of(st.sampled_from(["since", "limit"]), st.text(max_size=8)),
    st.one_of(st.integers(-5, 1500).map(str), st.text(max_size=12)),
    max_size=3,
)


@pytest.fixture(scope="module")
def fuzz_stub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stub]:
    platform = EmbeddedPlatform(Path(tmp_path_factory.mktemp("stub-fuzz")), seed="demo", admin=True).start()
    with httpx.Client(base_url=platform.url, timeout=15) as http:
        yield Stub(platform, http)
    platform.stop()


@settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    route=st.sampled_from(ROUTES),
    other_method=st.one_of(st.none(), st.sampled_from(["GET", "PUT", "POST", "DELETE", "PATCH"])),
    ids=st.lists(segments, min_size=2, max_size=2),
    query=queries,
    body=bodies,
    sign=st.booleans(),
    idem=st.one_of(st.none(), st.just("auto"), printable),
    garbage=st.dictionaries(st.sampled_from(HEADER_NAMES), printable, max_size=3),
)
def test_no_5xx_and_only_documented_statuses(
    fuzz_stub: Stub,
    route: tuple[str, str],
    other_method: str | None,
    ids: list[str],
    query: dict[str, str],
    body: bytes | None,
    sign: bool,
    idem: str | None,
    garbage: dict[str, str],
) -> None:
    method, template = route
    method = other_method or method
    path = template.format(*(quote(i, safe="") for i in ids))
    if query:
        path += "?" + urlencode(query)
    headers: dict[str, Any] = {}
    if body is not None and body[:1] in (b"{", b"["):
        headers["Content-Type"] = "application/json"
    if idem is not None:
        headers["Idempotency-Key"] = secrets.token_hex(8) if idem == "auto" else idem
    request = fuzz_stub.http.build_request(method, path, content=body or b"", headers=headers)
    creds = fuzz_stub.platform.credentials
    if sign:
        ts, nonce = str(int(fuzz_stub.now())), secrets.token_hex(16)
        string_to_sign = "\n".join(
            [method, request.url.raw_path.decode("ascii"), ts, nonce, sha256_hex(request.content)]
        )
        request.headers.update(
            {
                "X-App-Key": creds.app_key,
                "X-Timestamp": ts,
                "X-Nonce": nonce,
                "X-Signature": hmac_hex(creds.app_secret, string_to_sign),
            }
        )
    for name, value in garbage.items():
        request.headers[name] = value
    response = fuzz_stub.http.send(request)
    assert response.status_code < 500, (method, path, response.status_code, response.text)
    fuzz_stub.conform(response)
    if response.status_code >= 400:
        assert "app_secret" not in response.text and creds.app_secret not in response.text
