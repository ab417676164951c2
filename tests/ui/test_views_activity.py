"""Activity view over a real local test DB: the audit log, its filters and the CSV export."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from console import words
from console.core.model import Method
from console.ui.context import UiContext
from console.ui.views.activity import COLUMNS, ActivityView
from tests.helpers.factories import FIXED_NOW, StoreSpec, mark_refused
from tests.ui.views_support import STORES, chinese, make_view_db


@pytest.fixture
def ui_data_dir(tmp_path: Path) -> Path:
    return make_view_db(tmp_path, [*STORES, StoreSpec("tb-000004", name="晨光文具店", wechat="live")])


@pytest.fixture
def ctx(ui_ctx: UiContext) -> UiContext:
    service = ui_ctx.service
    # three merchant changes, one of them later refused by the platform, and a feedback
    assert service.set_method("tb-000004", Method.ALIPAY, False).applied  # WeChat Pay stays live
    refused = service.set_method("tb-000001", Method.WECHAT_PAY, False)
    assert refused.applied and refused.outbox_id
    assert service.set_method("tb-000001", Method.ALIPAY, False).applied is False  # last live: refused now
    assert service.send_feedback("a-open", "请分阶段实施").applied
    mark_refused(service.db, refused.outbox_id, code="LAST_LIVE_METHOD", message="would leave no method")
    # the audit row the sync engine writes for that refusal (console/sync/push.py: actor sync)
    service.db.conn.execute(
        "INSERT INTO audit (at, actor, action, store_id, method, outbox_id, result, detail) VALUES "
        "('2026-11-24T02:00:00Z', 'sync', 'set_method', 'tb-000001', 'wechat_pay', ?, 'refused', ?)",
        (
            refused.outbox_id,
            '{"code": "LAST_LIVE_METHOD", "enabled": false, "message": "would leave no method", '
            '"method": "wechat_pay"}',
        ),
    )
    return ui_ctx


@pytest.fixture
def view(qtbot, ctx: UiContext) -> ActivityView:
    v = ActivityView(ctx)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    qtbot.waitUntil(lambda: v.model.rowCount() > 0)
    return v


def column(view: ActivityView, name: str) -> list[str]:
    col = COLUMNS.index(name)
    return [str(view.model.index(r, col).data()) for r in range(view.model.rowCount())]


def test_shows_every_change_and_sync_outcome(qtmodeltester, view: ActivityView) -> None:
    qtmodeltester.check(view.model, force_py=True)
    assert view.model.rowCount() == 4  # the refused-at-once change wrote nothing
    assert column(view, "actor") == ["Sync", "You", "You", "You"]  # newest first
    assert column(view, "action")[0] == "The platform refused: turn off WeChat Pay"
    assert column(view, "result")[0] == "Refused"
    assert "last live payment method" in column(view, "detail")[0]
    assert "Turn off Alipay" in column(view, "action")
    assert "Send feedback on a rule change" in column(view, "action")
    assert "晨光文具店 (tb-000004)" in column(view, "store")
    assert view.count_label.text() == "4 entries"


def test_filters_by_store_method_and_outcome(qtbot, view: ActivityView) -> None:
    def apply(**choice: Any) -> None:
        with qtbot.waitSignal(view.loaded):  # the query runs on the db lane
            view.set_filter(**choice)

    apply(store_id="tb-000001")
    assert set(column(view, "store")) == {"Lakeside Tea House (tb-000001)"}
    assert view.model.rowCount() == 2
    assert view.store_filter.text() == "Lakeside Tea House · tb-000001"
    apply(method=Method.ALIPAY)
    assert column(view, "method") == ["Alipay"]
    apply(result="refused")  # the platform's answer, and the merchant's change it settled
    assert column(view, "result") == ["Refused", "Refused"]
    assert column(view, "actor") == ["Sync", "You"]
    apply(store_id="tb-000004", result="refused")
    assert view.model.rowCount() == 0 and view.count_label.text() == "0 entries"
    assert not view.export_button.isEnabled()
    # the window passes the selected store on every page switch: that alone does not filter
    apply()
    view.set_store("tb-000004")
    assert view.model.rowCount() == 4
    with qtbot.waitSignal(view.loaded):
        view.show_store("tb-000004")
    assert column(view, "store") == ["晨光文具店 (tb-000004)"]
    # the widgets drive the same query: the outcome box, and the store search (emptied: all)
    with qtbot.waitSignal(view.loaded):
        view.result_filter.setCurrentIndex(view.result_filter.findData("queued"))
    assert column(view, "result") == ["Waiting to sync"]
    view.store_filter.clear()
    with qtbot.waitSignal(view.loaded):
        view.store_filter.editingFinished.emit()
    assert set(column(view, "result")) == {"Waiting to sync"} and view.model.rowCount() == 2


def test_csv_export_is_utf8_with_bom_and_matches_the_table(
    qtbot, view: ActivityView, tmp_path: Path
) -> None:
    with qtbot.waitSignal(view.loaded):
        view.set_filter(result="queued")
    target = tmp_path / "activity.csv"
    assert view.export_csv(target) == 2  # the refused change is no longer "waiting"
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as "this is UTF-8"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["When", "Who", "What", "Store ID", "Store name", "Method", "Result", "Details"]
    assert len(rows) == 3
    assert all(r[6] == "Waiting to sync" for r in rows[1:])
    mine = next(r for r in rows if r[2] == "Turn off Alipay")
    assert mine[1:] == ["You", "Turn off Alipay", "tb-000004", "晨光文具店", "Alipay", "Waiting to sync", ""]
    # ISO 8601 with the zone's offset: the same instant in any spreadsheet, in any zone
    when = datetime.fromisoformat(mine[0])
    assert when.utcoffset() is not None and when == FIXED_NOW
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", mine[0])
    assert any(r[7] == "Announcement: WeChat Pay fee change" for r in rows[1:])


def test_retranslates_to_chinese_and_exports_in_chinese(
    qtbot, view: ActivityView, ctx: UiContext, tmp_path: Path
) -> None:
    with chinese(ctx):
        qtbot.waitUntil(lambda: view._title.text() == "操作记录")
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "时间"
        assert column(view, "actor") == ["同步", "您", "您", "您"]
        assert column(view, "action")[0] == "被平台拒绝：关闭微信支付"
        assert view.result_filter.itemText(0) == "全部结果"
        target = tmp_path / "zh.csv"
        view.export_csv(target)
        text = target.read_text(encoding="utf-8-sig")
        assert text.splitlines()[0] == "时间,操作方,操作,店铺 ID,店铺名称,支付方式,结果,详情"
        assert "晨光文具店" in text
        assert "公告：微信支付费率调整" in text  # the platform's Chinese title
    qtbot.waitUntil(lambda: view._title.text() == "Activity")


def test_sync_rows_say_what_was_wished(view: ActivityView) -> None:
    """The sync engine's audit carries the change's enabled and method (console/sync/push.py)."""
    from datetime import UTC, datetime

    from console.service import ActivityEntry

    def entry(result: str, detail: dict[str, object], method: Method | None = Method.WECHAT_PAY) -> str:
        at = datetime(2026, 11, 24, tzinfo=UTC)
        row = ActivityEntry(1, at, "sync", "set_method", "tb-000001", method, result, detail)
        return view.action_text(row)

    assert entry("refused", {"enabled": True, "code": "X"}) == "The platform refused: turn on WeChat Pay"
    assert entry("ok", {"enabled": False}) == "Sent to the platform: turn off WeChat Pay"
    # the method from the detail when the row's column is empty
    assert entry("refused", {"enabled": True, "method": "alipay"}, None) == (
        "The platform refused: turn on Alipay"
    )
    # rows written before the audit carried the wish still read sensibly
    assert entry("refused", {"code": "X"}) == "The platform refused a change of WeChat Pay"
    assert entry("ok", {}) == "Sent a change of WeChat Pay to the platform"


def test_routine_pulls_read_as_one_line_a_day(qtbot, view: ActivityView, ctx: UiContext) -> None:
    """Passes that brought nothing new are one line a day; the merchant's rows stay in sight."""
    conn = ctx.service.db.conn
    for minutes in (0, 5, 10, 15):  # four passes within a quarter hour: one day in any zone
        conn.execute(
            "INSERT INTO audit (at, actor, action, result, detail) VALUES (?, 'sync', 'sync_pull', 'ok', ?)",
            (f"2026-11-24T03:{minutes:02d}:00Z", '{"pulled": 2, "news": {}}'),
        )
    with qtbot.waitSignal(view.loaded):
        view.refresh()
    actions = column(view, "action")
    assert actions.count("Fetched updates from the platform (4 times this day)") == 1
    assert view.model.rowCount() == 5
    folded = actions.index("Fetched updates from the platform (4 times this day)")
    assert column(view, "detail")[folded] == "8 updates received"
    # one date format per language, the words module's (not ISO, not the system's short form)
    assert column(view, "at")[folded] == words.format_datetime(FIXED_NOW.replace(hour=3, minute=15), "en")
