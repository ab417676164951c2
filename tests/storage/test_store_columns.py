"""The stores list read column-wise agrees with ``list_stores`` row for row, and the GUI's table
built from it equals the table built from ``StoreRow`` objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.core.model import Method
from console.storage.db import open_database
from console.storage.store_columns import FIELDS, iter_store_columns
from tests.helpers.factories import StoreSpec, make_db, make_service


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    specs = [
        StoreSpec("tb-0003", name="Zebra 茶香"),
        StoreSpec("tb-0001", name="Apple"),
        StoreSpec("tm-0002", platform="tmall", name="Apple", wechat="invited", phase=2),
        StoreSpec("tb-0004", name="ＡＢＣ数码", wechat="rejected", alipay_on=False),
        StoreSpec("tb-0005", name="小满", wechat="live", invitation=False),
    ]
    return make_db(tmp_path, stores=[*specs, *[StoreSpec(f"tb-1{i:03d}") for i in range(40)]])


def _rows(path: Path, chunk: int) -> list[tuple[object, ...]]:
    db = open_database(path)
    try:
        chunks = list(iter_store_columns(db.conn, list(FIELDS), chunk=chunk))
    finally:
        db.conn.close()
    return [row for c in chunks for row in zip(*c, strict=True)]


@pytest.mark.parametrize("chunk", [1, 7, 8192])
def test_columns_match_list_stores_in_name_order(db_path: Path, chunk: int) -> None:
    service = make_service(db_path)
    service.set_method("tb-0001", Method.WECHAT_PAY, True)  # a pending wish: setting + pending
    expected = sorted(service.list_stores(), key=lambda r: (r.name, r.id))
    got = _rows(db_path, chunk)
    assert [r[0] for r in got] == [r.id for r in expected]  # "Apple" tb-0001 before tm-0002
    for r, row in zip(expected, got, strict=True):
        values = dict(zip(FIELDS, row, strict=True))
        assert values["name"] == r.name
        assert values["platform"] == r.platform
        assert values["status"] == r.status
        assert values["wechat_eligibility"] == r.wechat_eligibility
        assert bool(values["wechat_setting"]) == r.wechat_setting
        assert bool(values["alipay_setting"]) == r.alipay_setting
        assert bool(values["pending"]) == r.pending
        assert values["phase"] == r.phase
        assert (values["deadline_at"] is None) == (r.deadline_at is None)


def test_unknown_field_is_refused(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with pytest.raises(KeyError, match="shown_to_shoppers"):
            next(iter_store_columns(db.conn, ["id", "shown_to_shoppers"]))
    finally:
        db.conn.close()


def test_gui_table_from_columns_equals_table_from_rows(db_path: Path) -> None:
    from console.ui.models.stores_model import FIELDS as TABLE_FIELDS
    from console.ui.models.stores_model import SOURCES, StoreTable

    service = make_service(db_path)
    service.set_method("tb-0004", Method.ALIPAY, True)
    by_rows = StoreTable.from_rows(sorted(service.list_stores(), key=lambda r: (r.name, r.id)))
    db = open_database(db_path)
    try:
        by_columns = StoreTable.from_chunks(iter_store_columns(db.conn, SOURCES, chunk=4))
    finally:
        db.conn.close()
    for f in TABLE_FIELDS:
        a, b = getattr(by_rows, f.attr), getattr(by_columns, f.attr)
        assert list(a) == list(b) or (f.kind == "time" and str(list(a)) == str(list(b))), f.attr
    assert by_rows.haystack == by_columns.haystack
    assert by_columns.haystack[by_columns.index_of["tb-0004"]] == "ａｂｃ数码\ttb-0004"  # casefolded


def _packed_and_rows(path: Path) -> tuple[tuple[list[object], ...], list[tuple[object, ...]]]:
    from console.storage.store_columns import read_store_columns

    db = open_database(path)
    try:
        packed = read_store_columns(db.conn, list(FIELDS))
        rows = _rows(path, 8192)
    finally:
        db.conn.close()
    return packed, rows


_FLAGS = {"wechat_setting", "wechat_enabled", "alipay_setting", "alipay_enabled", "pending"}


def _assert_same(packed: tuple[list[object], ...], rows: list[tuple[object, ...]]) -> None:
    assert len(packed) == len(FIELDS)
    expected = list(zip(*rows, strict=True)) if rows else [() for _ in FIELDS]
    for field, got, want in zip(FIELDS, packed, expected, strict=True):
        if field in _FLAGS:  # the whole-list read gives flags as 0/1
            want = tuple(int(bool(v)) for v in want)
        assert list(got) == list(want), field


def test_whole_list_read_column_wise_equals_the_row_wise_read(db_path: Path) -> None:
    service = make_service(db_path)
    service.set_method("tb-0001", Method.WECHAT_PAY, True)  # a pending wish: setting + pending
    service.set_method("tb-0004", Method.ALIPAY, True)
    packed, rows = _packed_and_rows(db_path)
    _assert_same(packed, rows)
    ids = packed[list(FIELDS).index("id")]
    assert ids[:2] == ["tb-0001", "tm-0002"]  # equal names ("Apple") in id order


def test_whole_list_read_without_method_rows_or_invitations(tmp_path: Path) -> None:
    path = make_db(
        tmp_path,
        stores=[
            StoreSpec("tb-1", name="b", with_wechat_row=False, invitation=False),
            StoreSpec("tb-2", name="a", wechat="invited", phase=3),
            StoreSpec("tb-3", name="a", wechat="live", status="frozen", platform="tmall"),
        ],
    )
    packed, rows = _packed_and_rows(path)
    _assert_same(packed, rows)
    values = dict(zip(FIELDS, packed, strict=True))
    assert values["id"] == ["tb-2", "tb-3", "tb-1"]
    assert values["wechat_eligibility"][2] == "not_invited"
    assert values["phase"][2] is None and values["deadline_at"][2] is None


def test_whole_list_read_falls_back_when_a_name_holds_the_separator(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=[StoreSpec("tb-1", name="odd\x1fname"), StoreSpec("tb-2", name="plain")])
    packed, rows = _packed_and_rows(path)
    _assert_same(packed, rows)
    assert packed[list(FIELDS).index("name")] == ["odd\x1fname", "plain"]


def test_whole_list_read_of_an_empty_database(tmp_path: Path) -> None:
    packed, rows = _packed_and_rows(make_db(tmp_path))
    assert rows == [] and all(col == [] for col in packed)
    db = open_database(tmp_path / "console.db")
    try:
        assert list(iter_store_columns(db.conn, list(FIELDS))) == []
    finally:
        db.conn.close()


def test_whole_list_read_is_the_default_and_one_chunk(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        chunks = list(iter_store_columns(db.conn, ["id", "name"]))
    finally:
        db.conn.close()
    assert len(chunks) == 1 and len(chunks[0][0]) == 45
