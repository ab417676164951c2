"""The real Sales page over 10,000 stores × 90 days of daily aggregates, in a child process of
its own, for the memory row of ``bench/cases/sales.py`` (issue #15: ≤ bare window + 200 MB).

``python -m bench.cases.sales_page_child DATA_DIR STORES DAYS``: fills DATA_DIR's database with
``sales_daily`` rows straight in SQL (two methods a store-day, WeChat Pay in one store of
three), builds the app's context, shows the page with the 90-day period, waits for its answer
(aggregated on the db lane), switches the channel filter once, and prints ``PEAK_KB`` (VmHWM).
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.cases.app_child import say, vm_hwm_kb

FIRST = "2026-08-26"


def fill(data_dir: Path, stores: int, days: int) -> None:
    from console.storage.db import open_database, transaction
    from console.wiring.paths import database_path

    data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(database_path(data_dir))
    try:
        with transaction(db.conn):
            db.conn.execute(
                f"""WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < {days - 1}),
                    s(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM s WHERE j < {stores - 1})
                INSERT INTO sales_daily
                SELECT date('{FIRST}', '+' || i || ' day'), printf('tb-%06d', j),
                       CASE j % 2 WHEN 0 THEN 'tmall' ELSE 'taobao' END, m.method, m.channel,
                       1 + (i * 7 + j) % 19, 1000 * (1 + (i * 7 + j) % 19), 0, 6 * (1 + (i * 7 + j) % 19)
                FROM d, s, (SELECT 'alipay' AS method, 'mobile_app' AS channel
                            UNION ALL SELECT 'wechat_pay', 'wechat_mini_program') m
                WHERE m.method = 'alipay' OR j % 3 = 0"""
            )
    finally:
        db.close()


def main() -> int:
    data_dir, stores, days = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    fill(data_dir, stores, days)
    from PySide6.QtWidgets import QApplication

    from console.ui.app import build_context
    from console.ui.views.sales import PERIODS, SalesView

    app = QApplication([])
    now = datetime.fromisoformat(FIRST).replace(tzinfo=UTC) + timedelta(days=days)
    ctx = build_context(app, data_dir, "en", clock=lambda: now)
    view = SalesView(ctx)
    view.resize(1200, 900)
    view.period.setCurrentIndex(PERIODS.index(90))
    view.show()
    view.refresh()

    def wait(before: object) -> None:
        deadline = time.monotonic() + 120
        while view.answer is before and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        if view.answer is before:
            raise SystemExit("the Sales page never answered")

    wait(None)
    app.processEvents()
    say("FIRST_PAINT", round(time.monotonic() * 1000))  # the page answered (what the parent waits for)
    before = view.answer
    view.channel.setCurrentIndex(view.channel.findData("wechat_mini_program"))
    wait(before)
    app.processEvents()
    say("DAYS_SHOWN", view.daily_table.rowCount())
    say("PEAK_KB", vm_hwm_kb())
    ctx.tasks.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
