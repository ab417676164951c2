"""The stores list's three facts per method (issue #12): platform state, the merchant's setting and
"shown to shoppers", decided by ``rules.method_facts`` and never painted green when not shown."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from console.core import rules
from console.core.model import Eligibility, Invitation, Method, MethodState, Platform, Store, StoreStatus
from console.core.rules import Visibility
from console.service import StoreFilter
from console.ui.models.stores_model import (
    ALL_OFFERED,
    Col,
    PillRole,
    RowFilter,
    ShownRole,
    StoresModel,
    StoreTable,
)
from tests.ui.rows import NOW, make_rows


def _facts(row, method: Method, offered) -> rules.MethodFacts:
    """What the rules say for one list row (the reference the table must agree with)."""
    store = Store(row.id, row.platform, row.name, "", StoreStatus(row.status))
    if method is Method.WECHAT_PAY:
        e, setting, enabled = row.wechat_eligibility, row.wechat_setting, row.wechat_enabled
    else:
        e, setting, enabled = row.alipay_eligibility, row.alipay_setting, row.alipay_enabled
    state = MethodState(row.id, method, e, enabled, setting if setting != enabled else None)
    terms = None
    if (row.platform, method) in offered:
        terms = rules.MethodTerms(row.platform, method, 60, None, frozenset(), 0)
    inv = None
    if row.deadline_at is not None:
        inv = Invitation(
            store_id=row.id, phase=row.phase or 1, window_opens_at=NOW - timedelta(days=60),
            deadline_at=row.deadline_at, launch_at=row.deadline_at + timedelta(days=30),
        )
    return rules.method_facts(store, state, terms, inv, NOW)


@pytest.mark.parametrize(
    "offered",
    [ALL_OFFERED, ALL_OFFERED - {(Platform.TMALL, Method.ALIPAY)}],
    ids=["all terms", "no tmall alipay terms"],
)
def test_shown_and_visibility_agree_with_the_rules_for_every_row(offered):
    rows = make_rows(3_000)
    t = StoreTable.from_rows(rows, offered=offered)
    now = NOW.timestamp()
    for method in Method:
        masks = {v: t.visibility_mask(method, v, now) for v in Visibility}
        for i, row in enumerate(rows):
            facts = _facts(row, method, offered)
            assert t.shown(i, method) == facts.shown, (row, method)
            got = {v for v, m in masks.items() if m[i]}
            assert got == set(facts.visibility), (row, method)


def test_a_live_store_with_wechat_pay_turned_off_is_not_green():
    base = make_rows(1)[0]
    live_on = dataclasses.replace(
        base, id="tb-on", status="open", wechat_eligibility=Eligibility.LIVE, wechat_setting=True,
        wechat_enabled=True, pending=False, phase=1,
    )
    live_off = dataclasses.replace(live_on, id="tb-off", wechat_setting=False, wechat_enabled=False)
    frozen = dataclasses.replace(live_on, id="tb-frozen", status="frozen")
    m = StoresModel(clock=lambda: NOW, lang=lambda: "en")
    m.set_table(StoreTable.from_rows([live_on, live_off, frozen]))
    cells = {m.store_id(r): m.index(r, Col.WECHAT) for r in range(3)}
    assert cells["tb-on"].data(PillRole) == "live" and cells["tb-on"].data(ShownRole) is True
    assert cells["tb-on"].data() == "Live · phase 1"
    assert cells["tb-off"].data(PillRole) != "live" and cells["tb-off"].data(ShownRole) is False
    assert cells["tb-off"].data() == "Live · phase 1 · off"
    assert cells["tb-frozen"].data(PillRole) != "live"
    assert "not shown" in cells["tb-frozen"].data()
    # the three facts, for the tooltip and for screen readers
    tip = cells["tb-off"].data(Qt.ItemDataRole.ToolTipRole)
    assert "Eligibility: live" in tip and "Setting: off" in tip and "Shown to shoppers: no" in tip
    assert "Shown to shoppers: yes" in cells["tb-on"].data(Qt.ItemDataRole.AccessibleTextRole)


def test_shown_filters_match_the_rules_and_counts_add_up():
    rows = make_rows(4_000)
    m = StoresModel(clock=lambda: NOW)
    m.set_table(StoreTable.from_rows(rows))
    for method in Method:
        shown = {r.id for r in rows if _facts(r, method, ALL_OFFERED).shown}
        m.set_filter(RowFilter(shown=(method, True)))
        assert set(m.visible_ids()) == shown
        m.set_filter(RowFilter(shown=(method, False)))
        assert set(m.visible_ids()) == {r.id for r in rows} - shown
    counts = m.table.visibility_counts(Method.WECHAT_PAY, NOW.timestamp())
    assert counts[Visibility.SHOWN] + counts[Visibility.NOT_SHOWN] == len(rows)
    for vis in (Visibility.FROZEN, Visibility.EXPIRED, Visibility.WITHDRAWN):
        m.set_filter(RowFilter(visibility=vis))
        assert m.rowCount() == counts[vis] > 0
        assert {r.id for r in rows if vis in _facts(r, Method.WECHAT_PAY, ALL_OFFERED).visibility} == set(
            m.visible_ids()
        )
    # combined with the service's filter: AND
    m.set_filter(RowFilter(StoreFilter(platform=Platform.TMALL), visibility=Visibility.FROZEN))
    assert m.rowCount() and all(i.startswith("tm-") for i in m.visible_ids())


def test_counts_follow_a_row_update_incrementally():
    rows = make_rows(500)
    m = StoresModel(clock=lambda: NOW)
    m.set_table(StoreTable.from_rows(rows))
    now = NOW.timestamp()
    before = m.table.visibility_counts(Method.WECHAT_PAY, now)
    target = next(r for r in rows if m.table.shown(m.table.index_of[r.id], Method.WECHAT_PAY))
    m.update_rows([dataclasses.replace(target, wechat_setting=False, wechat_enabled=False)])
    after = m.table.visibility_counts(Method.WECHAT_PAY, now)
    assert after[Visibility.SHOWN] == before[Visibility.SHOWN] - 1
    assert after[Visibility.NOT_SHOWN] == before[Visibility.NOT_SHOWN] + 1


def test_a_filter_with_list_only_parts_has_no_service_filter():
    assert RowFilter(StoreFilter(text="a")).store_filter == StoreFilter(text="a")
    assert RowFilter().store_filter == StoreFilter()
    assert RowFilter(shown=(Method.ALIPAY, True)).store_filter is None
    assert RowFilter(deadline_soon=True).store_filter is None
