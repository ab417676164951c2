"""The stores table model: Qt's model contract, filters, sorting and in-place row updates."""

from __future__ import annotations

import dataclasses
import statistics
import time

import pytest
from PySide6.QtCore import Qt

from console.core.model import Eligibility, Method, Platform
from console.service import StoreFilter
from console.ui.models.stores_model import SOURCES, Col, RowFilter, StoresModel, StoreTable
from tests.ui.rows import NOW, make_rows


@pytest.fixture
def model(qtbot):
    m = StoresModel(clock=lambda: NOW)
    m.set_table(StoreTable.from_rows(make_rows(10_000)))
    return m


def test_model_contract_with_10k_rows_filtered_and_sorted(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    model.sort(Col.WECHAT, Qt.SortOrder.DescendingOrder)
    model.set_filter(RowFilter(StoreFilter(text="panda", platform=Platform.TAOBAO)))
    qtmodeltester.check(model, force_py=True)


def test_filters_match_a_plain_python_reference(model):
    rows = make_rows(10_000)
    cases = [
        (StoreFilter(text="Blue fox"), lambda r: "blue fox" in f"{r.name}\t{r.id}".casefold()),
        (StoreFilter(platform=Platform.TMALL), lambda r: r.platform == Platform.TMALL),
        (StoreFilter(wechat_eligibility=Eligibility.INVITED), lambda r: r.wechat_eligibility == "invited"),
        (StoreFilter(method=Method.ALIPAY, method_on=False), lambda r: not r.alipay_setting),
        (StoreFilter(pending_only=True), lambda r: r.pending),
        (StoreFilter(text="tm-0001"), lambda r: "tm-0001" in r.id),
    ]
    for flt, pred in cases:
        model.set_filter(RowFilter(flt))
        assert sorted(model.visible_ids()) == sorted(r.id for r in rows if pred(r)), flt


def test_sort_by_deadline_follows_the_countdowns_shown(model):
    """Deadline order is the order of what the column shows; stores showing none go last."""
    model.sort(Col.DEADLINE, Qt.SortOrder.AscendingOrder)
    t = model.table
    now = NOW.timestamp()
    shown = [t.deadline_shown(t.index_of[i], now) for i in model.visible_ids()]
    present = [d for d in shown if d is not None]
    assert present and present == sorted(present)
    assert shown[len(present):] == [None] * (len(shown) - len(present))
    texts = [model.data(model.index(r, Col.DEADLINE)) for r in range(model.rowCount())]
    assert all(texts[: len(present)]) and not any(texts[len(present):])


def test_update_rows_in_place_keeps_selection_on_the_same_store(model):
    model.set_filter(RowFilter(StoreFilter(pending_only=True)))
    before = model.rowCount()
    target = model.visible_ids()[3]
    from PySide6.QtCore import QPersistentModelIndex

    keep = QPersistentModelIndex(model.index(3, 0))
    first = model.table.ids[model.table.index_of[model.visible_ids()[0]]]
    row = next(r for r in make_rows(10_000) if r.id == first)
    model.update_rows([dataclasses.replace(row, pending=False)])  # drops out of the filter
    assert model.rowCount() == before - 1
    assert model.data(model.index(keep.row(), 0), Qt.ItemDataRole.UserRole + 1) == target


def _median_ms(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


@pytest.mark.bench
@pytest.mark.parametrize("n,budget_ms", [(10_000, 8.0), (100_000, 50.0)])
def test_filter_speed(qtbot, n, budget_ms):
    from PySide6.QtWidgets import QTableView

    m = StoresModel(clock=lambda: NOW)
    m.set_table(StoreTable.from_rows(make_rows(n)))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(m)
    texts = iter(["pa", "pan", "pand", "panda", "panda 1", "sun", "s", "金"] * 4)
    flts = [
        RowFilter(StoreFilter(text=next(texts))),
        RowFilter(StoreFilter(text=next(texts), platform=Platform.TAOBAO)),
        RowFilter(StoreFilter(wechat_eligibility=Eligibility.INVITED, text=next(texts))),
        RowFilter(StoreFilter(method=Method.WECHAT_PAY, method_on=True)),
        RowFilter(deadline_soon=True),
    ]
    for flt in flts:
        m.set_filter(RowFilter())
        ms = _median_ms(lambda flt=flt: (m.set_filter(flt), m.set_filter(RowFilter(StoreFilter(text="~")))))
        print(f"\n{n} rows {flt}: {ms / 2:.2f} ms per filter")
        assert ms / 2 <= budget_ms


def test_typing_on_narrows_to_the_same_rows_as_a_fresh_search(model):
    """The search narrows its previous match when the text grows; the rows must not differ."""
    steps = ["p", "pa", "pan", "panda", "panda 1", "panda", "blue", "blue fox 9"]
    for text in steps:
        model.set_filter(RowFilter(StoreFilter(text=text)))
        narrowed = model.visible_ids()
        fresh = StoresModel(clock=lambda: NOW)
        fresh.set_table(StoreTable.from_rows(make_rows(10_000)))
        fresh.set_filter(RowFilter(StoreFilter(text=text)))
        assert narrowed == fresh.visible_ids(), text


@pytest.mark.parametrize("column", range(Col.COUNT))
@pytest.mark.parametrize("descending", [False, True])
def test_name_ordered_table_sorts_and_filters_like_any_other(column, descending):
    """A table loaded in name order skips the name sort; every order and filter stays the same."""
    rows = make_rows(3_000)
    by_name = sorted(rows, key=lambda r: (r.name, r.id))
    loaded = StoresModel(clock=lambda: NOW)
    columns = [[getattr(r, f) for r in by_name] for f in SOURCES]
    loaded.set_table(StoreTable.from_chunks([columns], name_ordered=True))
    plain = StoresModel(clock=lambda: NOW)
    plain.set_table(StoreTable.from_rows(rows))
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    filters = (
        RowFilter(),
        RowFilter(StoreFilter(text="sun")),
        RowFilter(StoreFilter(text="3"), deadline_soon=True),
    )
    for flt in filters:
        for m in (loaded, plain):
            m.sort(column, order)
            m.set_filter(flt)
        assert loaded.visible_ids() == plain.visible_ids(), (column, descending, flt)


def test_a_renamed_store_moves_to_its_place_in_name_order():
    rows = sorted(make_rows(500), key=lambda r: (r.name, r.id))
    m = StoresModel(clock=lambda: NOW)
    m.set_table(StoreTable.from_chunks([[[getattr(r, f) for r in rows] for f in SOURCES]], name_ordered=True))
    m.update_rows([dataclasses.replace(rows[-1], name="0 first")])
    assert m.visible_ids()[0] == rows[-1].id


def test_model_contract_with_checks_and_a_reorder(qtmodeltester):
    """Checkboxes and the swap to pinyin order keep Qt's model contract and the checked stores."""
    from console.ui.collation import Collation
    from console.ui.models.stores_model import in_name_order

    rows = make_rows(2_000)
    m = StoresModel(clock=lambda: NOW)
    m.set_table(StoreTable.from_rows(rows))
    m.set_checked(range(5, 15), True)
    checked = set(m.checked_ids())
    assert len(checked) == 10
    assert m.index(5, Col.CHECK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert m.setData(m.index(5, Col.CHECK), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    checked.discard(m.store_id(5))
    qtmodeltester.check(m, force_py=True)
    table = m.table
    m.reorder_table(in_name_order(table, Collation("zh_CN").ranks(table.names)))
    assert set(m.checked_ids()) == checked
    names = [m.index(r, Col.STORE).data() for r in range(m.rowCount())]
    assert names == Collation("zh_CN").sorted(names)
    m.set_filter(RowFilter(StoreFilter(text="panda")))
    m.sort(Col.ALIPAY, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(m, force_py=True)
    assert set(m.checked_ids()) == checked  # hidden ones too
    m.check_all_visible()
    assert m.all_visible_checked() and m.visible_checked_count() == m.rowCount()


def test_a_filter_showing_the_same_rows_leaves_the_model_alone(model):
    """No reset (no relayout, no repaint) when a filter shows exactly the rows already shown."""
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    before = model.visible_ids()
    assert model.set_filter(RowFilter(StoreFilter(text="-"))) is False  # every id has a "-"
    assert resets == [] and model.visible_ids() == before
    assert model.row_filter == RowFilter(StoreFilter(text="-"))
    assert model.set_filter(RowFilter(StoreFilter(text="panda"))) is True and resets == [1]
    panda = model.visible_ids()
    assert model.set_filter(RowFilter(StoreFilter(text="PANDA"))) is False  # the same rows again
    assert model.set_filter(RowFilter(StoreFilter(text="panda"))) is False and resets == [1]
    assert model.visible_ids() == panda
    assert model.set_filter(RowFilter(StoreFilter(text="~ no store ~"))) is True
    assert model.rowCount() == 0 and model.visible_ids() == []
    assert model.set_filter(RowFilter()) is True and model.visible_ids() == before


def test_typing_deleting_and_retyping_give_the_rows_of_a_fresh_search():
    """Growing, shrinking and replacing the text, before and after the pinyin reorder: always
    the rows a plain scan finds."""
    from console.ui.collation import Collation
    from console.ui.models.stores_model import in_name_order

    rows = make_rows(3_000)
    m = StoresModel(clock=lambda: NOW)
    m.set_table(StoreTable.from_rows(rows))
    steps = ["b", "bl", "blu", "bl", "b", "", "s", "su", "sun", "sunr", "sun", "sunrise 1", "1", ""]
    steps += ["小", "小满", "-", "t"]

    def check() -> None:
        for text in steps:
            m.set_filter(RowFilter(StoreFilter(text=text)))
            want = {r.id for r in rows if text.casefold() in f"{r.name}\t{r.id}".casefold()}
            assert set(m.visible_ids()) == want, text
            assert len(m.visible_ids()) == len(want), text

    check()
    m.set_filter(RowFilter())
    table = m.table
    m.reorder_table(in_name_order(table, Collation("zh_CN").ranks(table.names)))
    check()


def test_a_reordered_table_searches_the_same_text_per_row():
    """The reorder lays the haystack out afresh; each row still searches its own name and id,
    also when a name holds a line break (the one-by-one path)."""
    from console.ui.models.stores_model import in_name_order

    rows = make_rows(200)
    rows[7] = dataclasses.replace(rows[7], name="Two\nLines")
    table = StoreTable.from_rows(rows)
    reordered = in_name_order(table, list(range(len(rows)))[::-1])
    own = [f"{n}\t{i}".casefold() for n, i in zip(reordered.names, reordered.ids, strict=True)]
    assert reordered.haystack == own
    plain = StoreTable.from_rows(rows[:5])
    assert in_name_order(plain, [4, 3, 2, 1, 0]).haystack == plain.haystack[::-1]
    m = StoresModel(clock=lambda: NOW)
    m.set_table(reordered)
    m.set_filter(RowFilter(StoreFilter(text="two\nl")))
    assert m.visible_ids() == [rows[7].id]


def test_indexed_letters_follow_row_updates_and_new_stores():
    """A first letter found through the letter index gives the rows a scan gives, also after
    stores were renamed or added."""
    rows = make_rows(1_000)
    m = StoresModel(clock=lambda: NOW)
    table = StoreTable.from_rows(rows)
    table.index_letters()
    m.set_table(table)
    m.update_rows(
        [
            dataclasses.replace(rows[3], name="zzz qqq"),
            dataclasses.replace(rows[4], name="Plain"),
            dataclasses.replace(rows[5], id="tb-new-1", name="Quince 7"),
        ]
    )
    renamed = [dataclasses.replace(rows[3], name="zzz qqq"), dataclasses.replace(rows[4], name="Plain")]
    every = [*rows[:3], *renamed, *rows[5:], dataclasses.replace(rows[5], id="tb-new-1", name="Quince 7")]
    for text in ["q", "z", "7", "-", "p", "x", "q", "qu"]:
        m.set_filter(RowFilter())
        m.set_filter(RowFilter(StoreFilter(text=text)))
        want = {r.id for r in every if text in f"{r.name}\t{r.id}".casefold()}
        assert set(m.visible_ids()) == want, text


def test_letter_masks_are_kept_only_for_the_rows_they_were_made_from():
    """The view's letter job builds masks beside the GUI thread and installs them only if the
    table did not change meanwhile; the pinyin reorder carries installed masks along."""
    from console.ui.models.stores_model import LETTERS, in_name_order

    rows = make_rows(500)
    table = StoreTable.from_rows(rows)
    version = table.version
    masks = table.letter_masks()
    assert set(masks) == set(LETTERS)
    table.replace(3, dataclasses.replace(rows[3], name="Renamed"))
    assert table.version != version  # the view drops masks made before this change
    table.letters = table.letter_masks()
    ordered = in_name_order(table, list(range(len(rows)))[::-1])
    assert ordered.letters == ordered.letter_masks()
