"""The Sales and Reconciliation pages over a local database with known payments: the chart and
its table hold the same numbers, filters re-aggregate on the db lane, both languages, mismatches
shown and exported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console.core.model import Method
from console.ui.context import UiContext
from console.ui.views.reconciliation import ReconciliationView
from console.ui.views.sales import SalesView, copy_table
from console.wiring.paths import database_path
from tests.helpers.factories import StoreSpec
from tests.helpers.sales import fill, make_payments
from tests.ui.views_support import chinese, make_view_db


@pytest.fixture
def ui_data_dir(tmp_path: Path) -> Path:
    make_view_db(tmp_path, [StoreSpec("tb-1", name="Lakeside Tea House"), StoreSpec("tb-3", wechat="live")])
    fill(database_path(tmp_path), fee_off=("tb-3", "wechat_pay", "2026-11-20"))
    return tmp_path


@pytest.fixture
def sales(qtbot, ui_ctx: UiContext) -> SalesView:
    v = SalesView(ui_ctx)
    qtbot.addWidget(v)
    v.resize(1200, 900)
    v.show()
    v.refresh()
    qtbot.waitUntil(lambda: v.answer is not None)
    return v


def column(table, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_chart_and_table_show_the_same_days(sales: SalesView) -> None:
    payments = make_payments()
    ans = sales.answer
    assert ans is not None and not ans.empty
    assert sales.daily_table.rowCount() == len(ans.daily) == 90
    wechat = sum(d.by_method[Method.WECHAT_PAY] for d in ans.daily)
    assert wechat == sum(p["amount_fen"] for p in payments if p["method"] == "wechat_pay")
    assert sales.chart.series_names() == ["Alipay", "WeChat Pay"]
    assert "2026-11-23" in column(sales.daily_table, 0)
    row = column(sales.daily_table, 0).index("2026-11-20")
    day = next(d for d in ans.daily if d.day.isoformat() == "2026-11-20")
    assert sales.daily_table.item(row, 2).text() == f"¥{day.by_method[Method.WECHAT_PAY] / 100:,.2f}"
    assert "WeChat Pay ($" not in sales.share_text.text() and "35 payments" in sales.share_text.text()
    text = copy_table(sales.daily_table)
    assert text.splitlines()[0].split("\t") == ["Day", "Alipay", "WeChat Pay", "Gross"]
    assert QApplication.clipboard().text() == text


def test_a_channel_filter_re_aggregates(qtbot, sales: SalesView) -> None:
    before = sales.answer
    with qtbot.waitSignal(sales.ctx.tasks.busy_changed, timeout=5000):
        sales.channel.setCurrentIndex(sales.channel.findData("wechat_mini_program"))
    qtbot.waitUntil(lambda: sales.answer is not before)
    ans = sales.answer
    assert ans is not None
    assert sum(d.by_method[Method.ALIPAY] for d in ans.daily) == 0
    expected = sum(p["amount_fen"] for p in make_payments() if p["channel"] == "wechat_mini_program")
    assert sum(d.by_method[Method.WECHAT_PAY] for d in ans.daily) == expected


def test_sales_in_chinese(qtbot, sales: SalesView) -> None:
    with chinese(sales.ctx):
        assert sales.title.text() == "销售"
        assert sales.daily_table.horizontalHeaderItem(2).text() == "微信支付"
        assert "微信支付" in sales.share_text.text()
        assert sales.channel.itemText(3) == "微信小程序"


def test_reconciliation_shows_the_mismatch_and_exports_it(qtbot, ui_ctx: UiContext, tmp_path: Path) -> None:
    v = ReconciliationView(ui_ctx)
    qtbot.addWidget(v)
    v.show()
    v.refresh()
    qtbot.waitUntil(lambda: v.report is not None)
    assert "1 do not match" in v.summary.text()
    assert v.table.rowCount() == 1
    assert v.table.item(0, 0).text() == "2026-11-20" and v.table.item(0, 8).text() == "mismatched"
    assert "fees" in v.table.item(0, 9).text()
    from console.sales_service import SalesService

    kept = SalesService(ui_ctx.service.db).reconciliation_mismatches()
    assert [(m.store_id, m.mismatch.kind.value) for m in kept] == [("tb-3", "fee_difference")]
    out = tmp_path / "recon.csv"
    v.export_to(out, "csv")
    qtbot.waitUntil(lambda: "Exported" in v.summary.text())
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    assert [r[0] for r in rows[1:] if r[8] == "mismatched"] == ["2026-11-20"]
    with chinese(ui_ctx):
        assert v.table.item(0, 8).text() == "不符" and v.run_button.text() == "对账"


def test_pages_are_in_the_window(qtbot, window) -> None:
    page = window.show_view("sales")
    assert isinstance(page, SalesView)
    assert isinstance(window.show_view("reconciliation"), ReconciliationView)


def test_the_store_page_card_says_what_wechat_pay_brought(qtbot, window) -> None:
    window.show_view("store", "tb-3")
    card = window.stores.detail.sales_card
    qtbot.waitUntil(lambda: card.isVisible() and card.card is not None)
    assert card.text().startswith("Since WeChat Pay went live on 2026-11-17: 35 payments")
    window.show_view("store", "tb-1")
    qtbot.waitUntil(lambda: not card.isVisible())
