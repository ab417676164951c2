"""The platform client: signing per the contract, response verification, error mapping."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import subprocess
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from console.core.timeutil import utcnow
from console.platform.client import PlatformClient, request_signature, response_signature
from console.platform.errors import (
    AuthError,
    BadResponse,
    InProgress,
    NotFound,
    PlatformOffline,
    RateLimited,
    RefusedByRule,
    ServerError,
)
from tests.platform.fakeserver import FakePlatform, Reply
from tests.sync.stubproc import MerchantCreds, StubProcess

SECRET = "s3cr3t-" + "x" * 40


# -- signing against an independent implementation (openssl, as the contract shows) ----------
def test_request_signature_matches_openssl():
    body = b'{"enabled": true}'
    ours = request_signature(
        SECRET, "put", "/v1/stores/tb-1/methods/wechat_pay", "1764000000", "n" * 16, body
    )
    bh = hashlib.sha256(body).hexdigest()
    message = f"PUT\n/v1/stores/tb-1/methods/wechat_pay\n1764000000\n{'n' * 16}\n{bh}"
    try:
        out = subprocess.run(
            ["openssl", "dgst", "-sha256", "-hmac", SECRET, "-hex"],
            input=message.encode(),
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert ours == out.strip().split()[-1]
    except FileNotFoundError:  # no openssl on this box: the standard library, spelled out
        assert ours == hmac.new(SECRET.encode(), message.encode(), hashlib.sha256).hexdigest()


def test_response_signature_string():
    expected = hmac.new(
        SECRET.encode(), f"200\nabc\n17\n{hashlib.sha256(b'{}').hexdigest()}".encode(), hashlib.sha256
    ).hexdigest()
    assert response_signature(SECRET, 200, "abc", "17", b"{}") == expected


def test_secret_never_in_repr_logs_or_errors(caplog):
    caplog.set_level(logging.DEBUG)
    with FakePlatform(SECRET) as fake:
        fake.script = lambda s: Reply(
            status=422, body=b'{"error": {"code": "X", "message": "m"}}', sign=False
        )
        client = PlatformClient(fake.url, "key-1", SECRET)
        assert SECRET not in repr(client)
        with pytest.raises(BadResponse) as info:
            client.merchant()
        assert SECRET not in str(info.value) and SECRET not in repr(info.value)
        seen = fake.seen[-1]
        assert SECRET not in json.dumps(seen.headers)  # only the signature travels
        client.close()
    assert SECRET not in caplog.text


# -- against the real stub -------------------------------------------------------------------
@pytest.fixture(scope="module")
def stub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StubProcess]:
    server = StubProcess(tmp_path_factory.mktemp("stub") / "data").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def merchant(stub: StubProcess) -> MerchantCreds:
    return stub.new_merchant(10)


@pytest.fixture
def client(stub, merchant):
    c = stub.client(merchant)
    yield c
    c.close()


def test_routes_against_the_stub(stub, merchant, client):
    assert client.health()["status"] == "ok"
    assert client.merchant()["id"] == merchant.merchant_id
    page = client.changes(0, 5)
    assert len(page.changes) == 5 and page.has_more and page.next_since == page.changes[-1].version
    store_id = next(c.id for c in client.changes(0, 1000).changes if c.kind == "store")
    snap = client.store(store_id)
    assert snap.store["id"] == store_id and {m["method"] for m in snap.methods} == {"alipay", "wechat_pay"}
    with pytest.raises(NotFound):
        client.store("tb-999999")


def test_write_is_idempotent_and_replayed(stub, merchant, client):
    stores = sorted(stub.state(merchant.merchant_id)["entities"]["store"], key=lambda s: int(s[3:]))
    key = str(uuid.uuid4())
    first = client.set_method(stores[3], "alipay", True, key)
    again = client.set_method(stores[3], "alipay", True, key)
    assert not first.replayed and again.replayed and again.version == first.version
    with pytest.raises(RefusedByRule) as info:
        client.set_method(stores[3], "alipay", False, key)  # same key, another body
    assert info.value.code == "IDEMPOTENCY_KEY_REUSED"


def test_rule_refusal_carries_platform_state(stub, merchant, client):
    stores = sorted(stub.state(merchant.merchant_id)["entities"]["store"], key=lambda s: int(s[3:]))
    not_invited = stores[6]
    with pytest.raises(RefusedByRule) as info:
        client.set_method(not_invited, "wechat_pay", True, str(uuid.uuid4()))
    assert info.value.code in ("NOT_INVITED", "WINDOW_NOT_OPEN") and info.value.status == 422
    assert info.value.method is not None and info.value.method["eligibility"] == "not_invited"


def test_wrong_secret_is_an_auth_error(stub, merchant):
    bad = PlatformClient(stub.url, merchant.app_key, "not-the-secret", clock=stub.clock)
    with bad, pytest.raises(AuthError) as info:
        bad.merchant()
    assert info.value.code == "AUTH_BAD_SIGNATURE"


@pytest.mark.parametrize("hours", [-7, 3])
def test_a_wrong_pc_clock_is_learned_from_the_signed_refusal(stub, merchant, hours):
    """Like the AWS SDKs: the signed skew refusal teaches the offset, the call is retried once
    and succeeds, and the offset is there for the app to tell the merchant."""
    pc = lambda: utcnow() + timedelta(hours=hours)  # noqa: E731
    seen: list[datetime] = []
    c = PlatformClient(
        stub.url, merchant.app_key, merchant.app_secret, clock=pc, on_platform_time=seen.append
    )
    with c:
        assert c.clock_offset == 0
        assert c.merchant()["id"] == merchant.merchant_id
        assert abs(c.clock_offset + hours * 3600) < 10  # "this PC's clock is off by N hours"
        assert c.store(sorted(stub.state(merchant.merchant_id)["entities"]["store"])[0]).store
        assert seen and abs((seen[-1] - stub.clock()).total_seconds()) < 10  # the business time


def test_an_unsigned_skew_answer_never_moves_the_offset(stub, merchant):
    """A refusal signed with another secret (a forger, a proxy) teaches nothing."""
    pc = lambda: utcnow() + timedelta(hours=2)  # noqa: E731
    bad = PlatformClient(stub.url, merchant.app_key, "not-the-secret", clock=pc)
    with bad, pytest.raises(AuthError):
        bad.merchant()
    assert bad.clock_offset == 0

    def forged(request: httpx.Request) -> httpx.Response:
        body = json.dumps({"error": {"code": "AUTH_TIMESTAMP_SKEW", "message": "skew", "details": {}}})
        return httpx.Response(
            401,
            stream=httpx.ByteStream(body.encode()),
            headers={"X-Timestamp": "1", "X-Signature": "0" * 64},
        )

    fake = PlatformClient(
        "http://platform.invalid", "k", "s", clock=pc, transport=httpx.MockTransport(forged)
    )
    with fake, pytest.raises(AuthError) as info:
        fake.merchant()
    assert info.value.code == "AUTH_TIMESTAMP_SKEW" and fake.clock_offset == 0


def test_faults_map_to_types(stub, merchant, client):
    stub.fault(route="GET /v1/merchant", status=429, retry_after=9, count=1)
    with pytest.raises(RateLimited) as rl:
        client.merchant()
    assert rl.value.retry_after == 9
    stub.fault(route="GET /v1/merchant", status=503, retry_after=4, count=1)
    with pytest.raises(ServerError) as se:
        client.merchant()
    assert se.value.status == 503 and se.value.retry_after == 4
    stub.fault(route="GET /v1/merchant", drop_after_apply=True, count=1)
    with pytest.raises(PlatformOffline):
        client.merchant()
    assert client.merchant()["id"] == merchant.merchant_id
    stub.clear_faults()


def test_connection_refused_is_offline():
    with PlatformClient("http://127.0.0.1:9", "k", SECRET) as c, pytest.raises(PlatformOffline) as info:
        c.merchant()
    assert not info.value.timeout


def test_dns_failure_is_offline():
    with PlatformClient("http://no-such-host.invalid", "k", SECRET) as c, pytest.raises(PlatformOffline):
        c.merchant()


# -- responses that must not be trusted (scripted fake server) -------------------------------
MERCHANT = json.dumps({"merchant": {"id": "m-1", "name": "n"}}).encode()


@pytest.mark.parametrize(
    ("reply", "what"),
    [
        (Reply(body=MERCHANT, sign=False), "unsigned"),
        (Reply(body=MERCHANT, secret="another-secret"), "signature"),
        (Reply(body=MERCHANT, nonce="another-nonce-0123456789"), "signature"),
        (Reply(body=MERCHANT, ts_offset=-400), "stale"),
        (Reply(body=MERCHANT, ts_offset=400), "stale"),
        (Reply(body=b"{not json"), "not JSON"),
        (Reply(body=b'{"merchant": "m-1"}'), "expected an object"),
        (Reply(status=302, body=b"{}", headers={"Location": "/elsewhere"}), "unexpected HTTP status"),
        (Reply(status=422, body=b'{"error": {"code": "NOT_INVITED"}}', sign=False), "unsigned"),
    ],
)
def test_untrusted_answers_are_bad_responses(reply, what):
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as c:
        fake.script = lambda s: reply
        with pytest.raises(BadResponse) as info:
            c.merchant()
        assert what in str(info.value)


def test_signed_request_line_is_what_was_sent():
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url + "/", "key-1", SECRET) as c:
        fake.script = lambda s: Reply(
            body=json.dumps({"changes": [], "next_since": 3, "has_more": False}).encode()
        )
        c.changes(3, 500)
        seen = fake.seen[-1]
        assert seen.path == "/v1/changes?since=3&limit=500"
        h = seen.headers
        assert h["x-app-key"] == "key-1" and 16 <= len(h["x-nonce"]) <= 64
        assert h["x-signature"] == request_signature(
            SECRET, "GET", seen.path, h["x-timestamp"], h["x-nonce"], b""
        )
        assert abs(int(h["x-timestamp"]) - utcnow().timestamp()) < 5
        nonces = set()
        for _ in range(5):
            c.changes(3, 500)
            nonces.add(fake.seen[-1].headers["x-nonce"])
        assert len(nonces) == 5


def test_write_headers_and_body():
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as c:
        method = {"store_id": "tb-1", "method": "alipay", "eligibility": "live", "enabled": False}
        fake.script = lambda s: Reply(
            body=json.dumps({"method": method, "invitation": None, "version": 4}).encode(),
            headers={"Idempotency-Replayed": "true"},
        )
        result = c.set_method("tb-1", "alipay", False, "key-abc", body=b'{"enabled": false}')
        seen = fake.seen[-1]
        assert seen.method == "PUT" and seen.body == b'{"enabled": false}'
        assert seen.headers["idempotency-key"] == "key-abc"
        assert result.replayed and result.version == 4
        with pytest.raises(ValueError):
            c.set_method("tb-1", "alipay", False, "bad key with spaces")


def test_error_statuses_from_fake():
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as c:
        fake.script = lambda s: Reply(status=409, body=b'{"error": {"code": "IDEMPOTENCY_IN_PROGRESS"}}')
        with pytest.raises(InProgress):
            c.set_method("tb-1", "alipay", True, "k1")
        fake.script = lambda s: Reply(status=401, body=b'{"error": {"code": "AUTH_UNKNOWN_KEY"}}', sign=False)
        with pytest.raises(AuthError) as auth:
            c.merchant()
        assert auth.value.code == "AUTH_UNKNOWN_KEY"
        fake.script = lambda s: Reply(
            status=422,
            body=json.dumps(
                {"error": {"code": "SOMETHING_NEW", "message": "a rule we do not know", "details": {}}}
            ).encode(),
        )
        with pytest.raises(RefusedByRule) as ref:
            c.set_method("tb-1", "alipay", True, "k2")
        assert ref.value.code == "SOMETHING_NEW" and ref.value.method is None


def test_timeouts_and_drops_from_fake():
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET, timeout=0.3) as c:
        fake.script = lambda s: Reply(body=MERCHANT, delay=1.0)
        with pytest.raises(PlatformOffline) as info:
            c.merchant()
        assert info.value.timeout
        fake.script = lambda s: Reply(drop=True)
        with pytest.raises(PlatformOffline):
            c.merchant()
    with (
        FakePlatform(SECRET) as fake,
        PlatformClient(fake.url, "k", SECRET, timeout=2, total_timeout=0.5) as c,
    ):
        fake.script = lambda s: Reply(body=MERCHANT, trickle=0.05)  # each byte in time, the whole too slow
        with pytest.raises(PlatformOffline) as info:
            c.merchant()
        assert info.value.timeout


def test_uses_no_environment_proxy(monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as c:
        fake.script = lambda s: Reply(body=MERCHANT)
        assert c.merchant()["id"] == "m-1"


def test_transport_errors_are_wrapped():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError("peer closed", request=request)

    c = PlatformClient("http://x", "k", SECRET, transport=httpx.MockTransport(handler))
    with c, pytest.raises(PlatformOffline):
        c.merchant()


@pytest.fixture
def own_stub(tmp_path: Path) -> Iterator[StubProcess]:
    """A platform of its own: moving the business clock of the module's shared one would leak
    into the other tests."""
    server = StubProcess(tmp_path / "own-stub").start()
    yield server
    server.stop()


def test_a_sync_teaches_the_app_clock_the_platform_time(own_stub, tmp_path):
    """After a sync the app's "now" is the platform's business time, even when the demo
    platform was moved days ahead and this PC's clock is an hour off."""
    from console.core.clock import PlatformClock
    from console.storage.db import open_database
    from console.sync.engine import SyncEngine
    from tests.helpers.factories import make_db

    stub, merchant = own_stub, own_stub.new_merchant(3)
    stub.advance(3 * 86400)
    app_clock = PlatformClock(wall=lambda: utcnow() + timedelta(hours=1))
    db = open_database(make_db(tmp_path, stores=[]))
    pc = lambda: utcnow() + timedelta(hours=1)  # noqa: E731
    with PlatformClient(stub.url, merchant.app_key, merchant.app_secret, clock=pc) as client:
        report = SyncEngine(db, client, clock=app_clock).run_once()
    db.conn.close()
    assert report.error is None
    assert abs((app_clock() - stub.clock()).total_seconds()) < 10
    assert app_clock.knowledge is not None
