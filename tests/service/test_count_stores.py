"""ConsoleService.count_stores: a SQL count with exactly the list's filter semantics.

The announcements view counts the stores a rule change reaches with it (per platform, and per
platform with a method on) instead of reading every store, so the count must agree with
``list_stores`` for every filter, pending wishes included.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
import sqlite_utils

from console.core.model import Eligibility, Method, Platform
from console.service import ConsoleService, StoreFilter
from console.storage.db import open_database
from tests.helpers.factories import FIXED_NOW, Clock, StoreSpec, make_db

W, A = Method.WECHAT_PAY, Method.ALIPAY

STORES = [
    StoreSpec("tb-1", name="Alipay only"),
    StoreSpec("tb-2", wechat="invited"),
    StoreSpec("tb-3", wechat="live"),
    StoreSpec("tb-4", wechat="in_review"),
    StoreSpec("tb-5", wechat="rejected", reason_code="LICENSE_MISMATCH"),
    StoreSpec("tb-6", wechat="live", alipay_on=False),
    StoreSpec("tm-7", platform="tmall", wechat="approved"),
    StoreSpec("tm-8", platform="tmall", wechat="invited", name="100% 天猫_店"),
    StoreSpec("tm-9", platform="tmall", wechat="live", status="frozen"),
]


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_database(make_db(tmp_path, stores=STORES))


@pytest.fixture
def service(db: sqlite_utils.Database) -> ConsoleService:
    return ConsoleService(db, clock=Clock(FIXED_NOW))


def every_filter() -> list[StoreFilter]:
    """Each field on its own and in combination (texts with LIKE's special characters too)."""
    filters = [
        StoreFilter(platform=p, method=m, method_on=on, pending_only=pending)
        for p, m, on, pending in itertools.product(
            (None, *Platform), (None, *Method), (None, True, False), (False, True)
        )
    ]
    filters += [StoreFilter(wechat_eligibility=e) for e in Eligibility]
    filters += [
        StoreFilter(text=t, platform=Platform.TMALL) for t in ("", "tm", "100%", "_", "天猫", "ALIPAY", "x")
    ]
    filters += [StoreFilter(text="alipay only"), StoreFilter(method=W)]  # method without on/off: any
    return filters


def test_count_agrees_with_the_list_for_every_filter(service: ConsoleService) -> None:
    for flt in every_filter():
        assert service.count_stores(flt) == len(service.list_stores(flt)), flt


def test_pending_wishes_count_like_in_the_list(service: ConsoleService) -> None:
    tmall_wechat_on = StoreFilter(platform=Platform.TMALL, method=W, method_on=True)
    assert service.count_stores(tmall_wechat_on) == 2  # approved + live (frozen store included)
    assert service.set_method("tm-8", W, True).applied  # apply: a wish, not yet synced
    assert service.count_stores(tmall_wechat_on) == 3
    assert service.count_stores(StoreFilter(pending_only=True)) == 1
    for flt in every_filter():
        assert service.count_stores(flt) == len(service.list_stores(flt)), flt


def test_counts_by_platform_with_a_method_on(service: ConsoleService) -> None:
    assert service.count_stores() == 9
    assert service.count_stores(StoreFilter(platform=Platform.TAOBAO)) == 6
    assert service.count_stores(StoreFilter(platform=Platform.TMALL)) == 3
    assert service.count_stores(StoreFilter(platform=Platform.TAOBAO, method=A, method_on=True)) == 5
    assert service.count_stores(StoreFilter(platform=Platform.TAOBAO, method=W, method_on=True)) == 3
    assert service.count_stores(StoreFilter(platform=Platform.TAOBAO, method=W, method_on=False)) == 3


def test_count_builds_no_rows_and_joins_only_what_it_reads(db: sqlite_utils.Database) -> None:
    service = ConsoleService(db)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    service.count_stores(StoreFilter(platform=Platform.TMALL))
    service.count_stores(StoreFilter(platform=Platform.TMALL, method=A, method_on=True))
    db.conn.set_trace_callback(None)
    assert len(statements) == 2 and all(s.lstrip().upper().startswith("SELECT COUNT(*)") for s in statements)
    assert "methods" not in statements[0] and "invitations" not in statements[0]
    assert "alipay" in statements[1] and "wechat_pay" not in statements[1]


@pytest.mark.bench
def test_impact_counts_at_100k_stores(tmp_path: Path) -> None:
    """What the announcements view asks for one announcement on two platforms, two methods."""
    service = ConsoleService(open_database(make_db(tmp_path, stores=100_000)), clock=lambda: FIXED_NOW)
    start = time.perf_counter()
    total = service.count_stores()
    for p in Platform:
        service.count_stores(StoreFilter(platform=p))
        for m in Method:
            service.count_stores(StoreFilter(platform=p, method=m, method_on=True))
    elapsed = time.perf_counter() - start
    assert total == 100_000
    # a figure, not a verdict (reading every store took ~1 s before count_stores)
    print(f"impact counts for one announcement at 100,000 stores: {elapsed * 1000:.0f} ms")
