"""The client's sales feeds against the real stub: pages resume from their cursors, settlements
agree with the payments they cover, and forged or malformed pages never get through."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from console.platform.client import PlatformClient
from console.platform.errors import BadResponse, PlatformError
from tests.helpers.sales import PAYMENT, payments_page
from tests.platform.fakeserver import FakePlatform, Reply
from tests.sync.stubproc import MerchantCreds, StubProcess

SECRET = "s3cr3t-" + "y" * 40


@pytest.fixture(scope="module")
def stub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StubProcess]:
    server = StubProcess(tmp_path_factory.mktemp("stub") / "data").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def merchant(stub: StubProcess) -> MerchantCreds:
    return stub.new_merchant(3)


@pytest.fixture
def client(stub: StubProcess, merchant: MerchantCreds) -> Iterator[PlatformClient]:
    c = stub.client(merchant)
    yield c
    c.close()


def test_payment_pages_resume_from_their_cursor(client: PlatformClient) -> None:
    whole = client.payments(limit=90)
    assert whole.has_more and len(whole.payments) == 90 and whole.server_time is not None
    pieces, since = [], ""
    for _ in range(3):
        page = client.payments(since, limit=30)
        pieces += page.payments
        since = page.next_since
    assert pieces == whole.payments and since == whole.next_since


def test_settlements_cover_the_days_payments(stub: StubProcess, client: PlatformClient) -> None:
    day = stub.clock().date() - timedelta(days=2)
    payments = []
    page = client.payments(day.isoformat(), limit=1000)
    payments += [p for p in page.payments if p["settlement_date"] == day.isoformat()]
    while page.has_more and page.payments[-1]["settlement_date"] == day.isoformat():
        page = client.payments(page.next_since, limit=1000)
        payments += [p for p in page.payments if p["settlement_date"] == day.isoformat()]
    settled = client.settlements(day, limit=1000)
    assert not settled.has_more and settled.settlements
    assert sorted(i for s in settled.settlements for i in s["payment_ids"]) == sorted(
        p["id"] for p in payments
    )
    assert sum(s["gross_fen"] for s in settled.settlements) == sum(p["amount_fen"] for p in payments)
    ranged = client.settlements(first=day - timedelta(days=1), last=day, limit=1000)
    assert [s for s in ranged.settlements if s["date"] == day.isoformat()] == settled.settlements


def test_bad_arguments_fail_before_anything_is_sent(client: PlatformClient) -> None:
    with pytest.raises(ValueError):
        client.payments(limit=0)
    with pytest.raises(ValueError):
        client.settlements()
    d = date.fromisoformat(client.payments(limit=1).payments[0]["settlement_date"])
    with pytest.raises(ValueError):
        client.settlements(first=d, last=d - timedelta(days=1))
    with pytest.raises(PlatformError):  # the platform's own refusal: 400 BAD_REQUEST
        client.payments("not-a-cursor")


_page = payments_page


@pytest.mark.parametrize(
    ("reply", "what"),
    [
        (Reply(body=_page(), sign=False), "unsigned"),
        (Reply(body=_page(), secret="another-secret"), "signature"),
        (Reply(body=_page(payments=[PAYMENT | {"amount_fen": "100"}])), "payments"),
        (Reply(body=_page(payments=[PAYMENT | {"refunded_fen": 101}])), "refund"),
        (Reply(body=_page(next_since=7)), "next_since"),
    ],
)
def test_forged_or_malformed_pages_are_bad_responses(reply: Reply, what: str) -> None:
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as c:
        fake.script = lambda s: reply
        with pytest.raises(BadResponse) as info:
            c.payments()
        assert what in str(info.value)


SETTLEMENT = {
    "id": "s-1",
    "store_id": "tb-1",
    "platform": "taobao",
    "method": "alipay",
    "date": "2026-11-20",
    "settled_at": "2026-11-21T02:00:00Z",
    "count": 1,
    "gross_fen": 100,
    "refunds_fen": 100,
    "fees_fen": 1,
    "net_fen": -1,
    "payment_ids": ["p-1"],
}


def _settlements(*entries: dict[str, object]) -> bytes:
    body = {
        "settlements": list(entries),
        "next_after": "",
        "has_more": False,
        "server_time": "2026-11-24T00:00:00Z",
    }
    return json.dumps(body).encode()


def test_a_day_refunded_whole_settles_a_negative_net() -> None:
    """Found with 300 stores: one fully refunded payment leaves the fee, so the net is -1 fen;
    the first sync refused the whole feed as malformed and never finished."""
    with FakePlatform(SECRET) as fake, PlatformClient(fake.url, "k", SECRET) as c:
        fake.script = lambda s: Reply(body=_settlements(SETTLEMENT))
        page = c.settlements(first=date(2026, 11, 20), last=date(2026, 11, 20))
        assert page.settlements[0]["net_fen"] == -1
        fake.script = lambda s: Reply(body=_settlements(SETTLEMENT | {"gross_fen": -100}))
        with pytest.raises(BadResponse):  # a negative sale is still nonsense
            c.settlements(first=date(2026, 11, 20), last=date(2026, 11, 20))
