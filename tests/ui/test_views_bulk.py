"""The bulk page (#16): scopes, the plan table (filter, CSV), words in both languages, saving
with Stop, and 3,000 stores selected by filter followed from dry run to confirmed through the
real sync worker and the demo platform. Signals are awaited, never slept on."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.core.model import Method
from console.service import BulkOutcome, StoreFilter
from console.ui.context import UiContext
from console.ui.tasks import Task
from tests.ui.views_support import chinese


def bulk(qtbot: Any, ctx: UiContext, scope: object = ()) -> Any:
    from console.ui.views.bulk import BulkView

    dlg = BulkView(ctx)
    qtbot.addWidget(dlg)
    dlg.set_scope(scope)
    qtbot.waitUntil(lambda: dlg.all_count is not None)
    return dlg


def test_scopes_checked_filter_and_all(qtbot, ui_ctx: UiContext) -> None:
    dlg = bulk(qtbot, ui_ctx, ("tb-live", "tb-invited"))
    assert dlg.scope_checked.isChecked() and dlg.scope_checked.text() == "The 2 stores checked in the list"
    assert not dlg.scope_filter.isVisible() and dlg.scope_all.text() == "All 5 stores"
    dlg.set_scope(StoreFilter(platform=None, text="t"))
    qtbot.waitUntil(lambda: dlg.filter_count is not None)
    assert (
        dlg.scope_filter.isChecked() and dlg.scope_filter.text() == "All 5 stores matching the list's filter"
    )
    assert dlg.scope_checked.isEnabled()  # the checked stores stay on offer
    empty = bulk(qtbot, ui_ctx)
    assert not empty.scope_checked.isEnabled() and empty.scope_all.isChecked()
    assert "invited" not in empty.scope_all.text()  # no more "all invited to WeChat Pay"


def test_plan_table_every_store_filter_and_csv(qtbot, ui_ctx: UiContext, tmp_path: Path) -> None:
    dlg = bulk(qtbot, ui_ctx)  # all stores
    with qtbot.waitSignal(dlg.reviewed, timeout=10_000) as got:
        dlg.next_button.click()  # WeChat Pay on
    plan = got.args[0]
    assert dlg.table.model().rowCount() == 5
    assert dlg.review_summary.text() == (
        "Turn on WeChat Pay for 5 stores: 2 will change, 2 already so, 1 refused."
    )
    assert dlg.next_button.text() == "Change 2 stores"
    dlg.show_outcome.setCurrentIndex(dlg.show_outcome.findData(BulkOutcome.REFUSED))
    model = dlg.table.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "tb-none" and model.index(0, 1).data() == "Harbour Snacks"
    assert model.index(0, 2).data() == "refused" and "invited" in model.index(0, 3).data()
    out = tmp_path / "plan.csv"
    dlg.export_plan(out)
    qtbot.waitUntil(out.exists)
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    assert len(rows) == 1 + len(plan.rows) and rows[0][0] == "Store ID"
    assert ui_ctx.service.pending_count() == 0  # a dry run writes nothing


def test_alipay_off_in_chinese(qtbot, ui_ctx: UiContext) -> None:
    with chinese(ui_ctx):
        dlg = bulk(qtbot, ui_ctx, ("tb-live", "tb-none", "tb-invited"))
        assert dlg.scope_checked.text() == "列表中勾选的 3 家店铺"
        dlg.method.setCurrentIndex(dlg.method.findData(Method.ALIPAY))
        dlg.turn_off.setChecked(True)
        with qtbot.waitSignal(dlg.reviewed, timeout=10_000):
            dlg.next_button.click()
        assert dlg.review_summary.text() == "为 3 家店铺关闭支付宝：1 家将修改，2 家被拒绝。"
        assert dlg.table.model().index(0, 2).data() in ("将修改", "被拒绝")
        with qtbot.waitSignal(dlg.completed, timeout=10_000):
            dlg.next_button.click()
        assert dlg.count_labels["saved"].text() == "1" and dlg.count_labels["refused"].text() == "2"
        assert dlg.run_title.text() == "正在发送…"  # saved, not yet confirmed: never "done" at once
        assert not dlg.show_refused.isHidden()
        dlg.show_refused.click()
        assert dlg.pages.currentIndex() == 1 and dlg.table.model().rowCount() == 2


def test_stop_keeps_what_was_saved(qtbot, qapp, tmp_path, monkeypatch) -> None:
    from console.ui.app import build_context
    from console.ui.views.bulk import BulkView
    from tests.helpers.factories import FIXED_NOW, StoreSpec, make_db

    make_db(tmp_path, stores=[StoreSpec(f"tb-{i:04d}", wechat="live") for i in range(600)])
    ctx = build_context(qapp, tmp_path, "en", clock=lambda: FIXED_NOW)
    try:
        dlg = BulkView(ctx)
        qtbot.addWidget(dlg)
        dlg.method.setCurrentIndex(1)  # Alipay off: WeChat Pay is live on all
        dlg.turn_off.setChecked(True)
        with qtbot.waitSignal(dlg.reviewed, timeout=10_000):
            dlg.next_button.click()
        gate = threading.Event()
        original = Task.progress

        def held(self: Task, done: int, total: int, text: str = "") -> bool:
            original(self, done, total, text)
            if done < total:
                gate.wait(10)
            return not self.token.cancelled

        monkeypatch.setattr(Task, "progress", held)
        dlg.next_button.click()
        qtbot.waitUntil(lambda: dlg.saving.value() > 0)
        assert dlg.cancel_button.text() == "Stop" and dlg.run_title.text() == "Saving…"
        with qtbot.waitSignal(dlg.completed, timeout=10_000) as run:
            dlg.cancel_button.click()
            gate.set()
        result = run.args[0]
        assert result.cancelled and 0 < len(result.changed) < 600
        assert "stay changed and are sent" in dlg.summary.text()
        assert ctx.service.pending_count() == len(result.changed)
    finally:
        ctx.tasks.shutdown()
        ctx.service.close()


@pytest.fixture
def platform3000(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from console.platform.stub.embedded import EmbeddedPlatform

    server = EmbeddedPlatform(tmp_path_factory.mktemp("platform3000"), seed="stores:3000").start()
    yield server
    server.stop()


def test_3000_stores_by_filter_from_dry_run_to_confirmed(qtbot, qapp, tmp_path, monkeypatch, platform3000):
    """The real sync worker against the demo platform; its sales feeds are switched off (at 3,000
    stores the simulated payments take minutes and are not what this tests)."""
    import console.sync.engine as engine
    from console.ui.app import build_context
    from console.ui.sync_worker import PlatformChoice, SyncWorker
    from console.ui.views.bulk import BulkView

    real_init = engine.SyncEngine.__init__

    def no_sales(self: Any, *args: Any, **kw: Any) -> None:
        kw["sales"] = False
        real_init(self, *args, **kw)

    monkeypatch.setattr(engine.SyncEngine, "__init__", no_sales)
    ctx = build_context(qapp, tmp_path / "data", "en")
    creds = platform3000.credentials
    worker = SyncWorker(
        ctx,
        choice=PlatformChoice(platform3000.url, creds.app_key, creds.app_secret),
        interval_s=3600,
        debounce_ms=10,
        min_interval_s=0,
    )
    try:
        with qtbot.waitSignal(worker.report_ready, timeout=120_000):
            worker.start()
        assert ctx.service.store_count() == 3000
        dlg = BulkView(ctx)
        qtbot.addWidget(dlg)
        dlg.set_scope(StoreFilter(text="Store"))  # "all 3,000 matching the current filter"
        qtbot.waitUntil(lambda: dlg.filter_count == 3000, timeout=20_000)
        assert dlg.scope_filter.text() == "All 3,000 stores matching the list's filter"
        with qtbot.waitSignal(dlg.reviewed, timeout=60_000) as got:
            dlg.next_button.click()
        plan = got.args[0]
        will = plan.count(BulkOutcome.CHANGE)
        assert len(plan.rows) == 3000 and will > 0 and dlg.table.model().rowCount() == 3000
        seen: list[tuple[int, int]] = []
        dlg.sending.connect(lambda c: seen.append((c.sent, c.confirmed)))
        with qtbot.waitSignal(dlg.completed, timeout=60_000):
            dlg.next_button.click()
        # the bulk page emitted local_change: the worker pushes; the page follows its reports
        qtbot.waitUntil(lambda: dlg.counts.confirmed == will, timeout=120_000)
        assert dlg.count_labels["confirmed"].text() == f"{will:,}"
        assert dlg.run_title.text() == "Done" and dlg.sending_bar.value() == will
        assert seen[0][1] < will  # it showed progress on the way, not only the end
        assert ctx.service.pending_count() == 0
    finally:
        worker.shutdown()
        ctx.tasks.shutdown()
        worker.close()
        ctx.service.close()  # type: ignore[attr-defined]


def test_the_window_offers_the_lists_filter_and_checked_stores(qtbot, window) -> None:
    from console.ui.views.bulk import BulkView

    stores = window.stores
    stores.chips.chip("invited").click()
    stores.table.clearSelection()
    window.act_bulk.trigger()
    dlg = window.findChild(BulkView)
    qtbot.waitUntil(lambda: dlg.filter_count is not None and dlg.all_count is not None)
    assert dlg.scope_filter.isChecked()
    assert dlg.scope_filter.text() == "The 1 store matching the list's filter"
    with qtbot.waitSignal(dlg.reviewed, timeout=10_000) as got:
        dlg.next_button.click()
    assert [r.store_id for r in got.args[0].rows] == ["tb-invited"]
    dlg.reject()
