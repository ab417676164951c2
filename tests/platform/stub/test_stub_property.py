"""Property-based: generated and malformed requests never get a 5xx, always get the error
shape, only statuses /openapi.json documents for that route and only error codes
docs/platform-api.md names (hypothesis, no schemathesis).

The second property judges the security headers and methods by the document alone: each header
missing, repeated or replaced by a value drawn from (or just outside) its documented shape gets
the answer those shapes predict. Hypothesis over the stub's own document was kept over
schemathesis: it needs no new dependency and can state the expected refusal, not only "no 5xx"."""

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
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from console.platform.stub.embedded import EmbeddedPlatform

from . import stub_openapi_check as openapi_check
from .conftest import Stub, hmac_hex, sha256_hex

CONTRACT_TEXT = (Path(__file__).parents[3] / "docs" / "platform-api.md").read_text(encoding="utf-8")
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
        assert f"`{response.json()['error']['code']}`" in CONTRACT_TEXT, response.text
    template = openapi_check.match_path(fuzz_stub.openapi, request.url.path)
    if template is not None:
        openapi_check.check_response_headers(
            fuzz_stub.openapi, template, method, response.status_code, response.headers
        )
    if response.status_code >= 400:
        assert "app_secret" not in response.text and creds.app_secret not in response.text


# -- security headers and methods, judged against the document ----------------------------------

SECURITY_HEADERS = ["X-App-Key", "X-Timestamp", "X-Nonce", "X-Signature", "Idempotency-Key"]
SIGNING_HEADERS = SECURITY_HEADERS[:4]
# (method, documented path, concrete path, body): each a request the contract accepts as is.
TARGETS = [
    ("GET", "/v1/health", "/v1/health", b""),
    ("GET", "/v1/merchant", "/v1/merchant", b""),
    ("GET", "/v1/stores/{store_id}", "/v1/stores/tb-000001", b""),
    ("GET", "/v1/changes", "/v1/changes?since=0&limit=5", b""),
    ("GET", "/v1/payments", "/v1/payments?limit=5", b""),
    (
        "PUT",
        "/v1/stores/{store_id}/methods/{method}",
        "/v1/stores/tb-000001/methods/alipay",
        b'{"enabled": true}',
    ),
    (
        "POST",
        "/v1/announcements/{announcement_id}/feedback",
        "/v1/announcements/a-wechat-rules/feedback",
        b'{"text": "fuzz"}',
    ),
]
# Header values a client or a proxy might send: ASCII, punctuation, other scripts (sent as UTF-8).
header_chars = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp"))


def _header_spec(doc: dict[str, Any], template: str, method: str, name: str) -> dict[str, Any] | None:
    """The documented header ``name`` of the operation (of any operation on the path when
    ``method`` is not one of its own: the signing headers are the same on all)."""
    methods = [method] if method.lower() in doc["paths"][template] else list(doc["paths"][template])
    specs = (openapi_check.header_parameter(doc, template, m, name) for m in methods)
    return next((spec for spec in specs if spec is not None), None)


def _documented_ok(doc: dict[str, Any], spec: dict[str, Any], value: str) -> bool:
    return openapi_check.conforms(value, spec["schema"], doc)


def _header_values(spec: dict[str, Any] | None) -> st.SearchStrategy[str]:
    """Values in the documented shape, just too long, empty, and anything else."""
    options: list[st.SearchStrategy[str]] = [
        st.text(header_chars, max_size=40),
        st.sampled_from(["", "a b", "é" * 20, "中文" * 10, "0" * 200]),
    ]
    schema = (spec or {}).get("schema", {})
    if "pattern" in schema:
        options.append(st.from_regex(schema["pattern"], fullmatch=True))
        if "maxLength" in schema:
            edge = st.from_regex(schema["pattern"], fullmatch=True)
            options.append(edge.map(lambda v: (v * (schema["maxLength"] + 1))[: schema["maxLength"] + 1]))
    return st.one_of(options)


@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=st.data(),
    target=st.sampled_from(TARGETS + TARGETS[5:] * 2),  # the writes carry the key checks
    other_method=st.sampled_from([None, None, None, "GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"]),
    header=st.sampled_from([*SECURITY_HEADERS, "Idempotency-Key", "Idempotency-Key"]),  # writes are rarer
    how=st.sampled_from(["as_is", "missing", "repeated", "replaced"]),
)
def test_security_headers_and_methods_answer_as_documented(
    fuzz_stub: Stub,
    data: st.DataObject,
    target: tuple[str, str, str, bytes],
    other_method: str | None,
    header: str,
    how: str,
) -> None:
    """Each security header missing, repeated or replaced (right shape, wrong shape, too long,
    non-ASCII), on every method: the answer is the one the document's header shapes predict,
    its status is documented for the route and its body is the documented error shape."""
    doc = fuzz_stub.openapi
    base_method, template, path, body = target
    method = other_method or base_method
    body = body if method in ("PUT", "POST", "PATCH", "DELETE") else b""
    creds = fuzz_stub.platform.credentials
    signed = template != "/v1/health"
    lines: list[tuple[str, bytes]] = []
    if signed:
        ts, nonce = str(int(fuzz_stub.now())), secrets.token_hex(16)
        string_to_sign = "\n".join([method, path, ts, nonce, sha256_hex(body)])
        sent = {
            "X-App-Key": creds.app_key,
            "X-Timestamp": ts,
            "X-Nonce": nonce,
            "X-Signature": hmac_hex(creds.app_secret, string_to_sign),
        }
        lines = [(k, v.encode()) for k, v in sent.items()]
    lines.append(("Idempotency-Key", secrets.token_hex(8).encode()))
    before = dict(lines)
    spec = _header_spec(doc, template, method, header)
    value = data.draw(_header_values(spec), label="value")
    value_bytes = value.encode("utf-8")
    if how == "missing":
        lines = [(k, v) for k, v in lines if k != header]
    elif how == "repeated" and header in before:
        lines.append((header, value_bytes))
    elif how == "replaced":
        lines = [(k, v) for k, v in lines if k != header] + [(header, value_bytes)]
    # Whether the request differs from the well-formed one in ``header`` at all.
    touched = {
        "as_is": False,
        "missing": header in before,
        "repeated": header in before,
        "replaced": before.get(header) != value_bytes,
    }[how]
    if body:
        lines.append(("Content-Type", b"application/json"))

    response = fuzz_stub.http.request(method, path, content=body, headers=lines)
    assert response.status_code < 500, (method, path, response.status_code, response.text)
    fuzz_stub.conform(response)
    code = response.json().get("error", {}).get("code") if response.status_code >= 400 else None
    openapi_check.check_response_headers(doc, template, method, response.status_code, response.headers)
    assert code is None or f"`{code}`" in CONTRACT_TEXT, f"{code} is not in docs/platform-api.md"
    event(f"{response.status_code} {code}")  # --hypothesis-show-statistics: which answers were reached
    operation = doc["paths"][template].get(method.lower())
    documented_methods = {m.upper() for m in doc["paths"][template]}

    if signed and header in SIGNING_HEADERS and touched:
        assert spec is not None and spec["required"] is True
        expected = {
            "missing": {"AUTH_MISSING"},
            "repeated": {"AUTH_DUPLICATE_HEADER"},
            "replaced": {"AUTH_MISSING"}
            if not _documented_ok(doc, spec, value)
            # right shape, wrong value: whichever check it fails first, never a shape refusal
            else {"AUTH_BAD_SIGNATURE", "AUTH_UNKNOWN_KEY", "AUTH_TIMESTAMP_SKEW", "AUTH_NONCE_REUSED"},
        }[how]
        assert (response.status_code, code) in {(401, c) for c in expected}, (
            how,
            header,
            value,
            response.text,
        )
        return
    if operation is None:  # a method the path does not take: 405 whatever the key says
        assert (response.status_code, code) == (405, "METHOD_NOT_ALLOWED"), response.text
        allow = {m.strip() for m in response.headers["Allow"].split(",")}
        assert allow == documented_methods, (allow, documented_methods)
        return
    key_spec = _header_spec(doc, template, method, "Idempotency-Key")
    if header == "Idempotency-Key" and touched and key_spec is not None:
        assert key_spec["required"] is True
        if how == "missing" or (how == "replaced" and not _documented_ok(doc, key_spec, value)):
            assert (response.status_code, code) == (400, "IDEMPOTENCY_KEY_MISSING"), (value, response.text)
        elif how == "repeated":
            assert (response.status_code, code) == (400, "IDEMPOTENCY_KEY_DUPLICATE"), response.text
        else:
            assert code not in ("IDEMPOTENCY_KEY_MISSING", "IDEMPOTENCY_KEY_DUPLICATE"), (
                value,
                response.text,
            )
        return
    # Nothing the document forbids: the request is answered by the route itself.
    assert response.status_code not in (400, 401, 405), (how, header, value, response.text)
