"""Issue #15 done, on the demo platform moved by its clock only: WeChat Pay goes live in a store,
thirty days pass, a sync shows the shift in that store's sales (none by WeChat Pay before the
go-live, a share after), and a discrepancy injected into one settlement is found by the next
sync pass itself, is news, is shown by ``reconcile`` and is written into both exports."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook

from console.cli.common import EXIT_MISMATCH, EXIT_OK
from console.storage import sales as tables
from console.storage.db import open_database
from console.wiring.paths import database_path
from tests.demo.conftest import Terminal

STORE = "tb-000009"  # phase 3 in the demo seed: not invited yet


def _ok(term: Terminal, *argv: str) -> str:
    done = term(*argv)
    assert done.code == EXIT_OK, (argv, done.out, done.err)
    return done.out


def _today(term: Terminal) -> date:
    return date.fromisoformat(term.platform_now()[:10])


def _wechat_share(term: Terminal, first: date, last: date) -> float:
    done = term(
        "--json", "sales", "--store", STORE, "--from", str(first), "--to", str(last), "--by", "method"
    )
    assert done.code == EXIT_OK, done.err
    rows = done.json()["rows"]
    gross = {r["method"]: r["gross_fen"] for r in rows}
    assert sum(gross.values()) > 0, rows  # the store sold on those days
    return gross.get("wechat_pay", 0) / sum(gross.values())


def test_wechat_pay_going_live_shows_in_sales_and_a_bad_settlement_is_found(
    term: Terminal, tmp_path: Path
) -> None:
    _ok(term, "demo", "advance", "--to", "phase-3-opens")
    _ok(term, "set-method", STORE, "wechat_pay", "on")
    _ok(term, "sync")
    _ok(term, "demo", "review", STORE, "approve")
    _ok(term, "demo", "advance", "--to", "phase-3-launch")
    go_live = _today(term)
    _ok(term, "demo", "advance", "30d")
    _ok(term, "sync")
    today = _today(term)

    assert _wechat_share(term, go_live - timedelta(days=20), go_live - timedelta(days=1)) == 0
    assert _wechat_share(term, go_live + timedelta(days=1), today - timedelta(days=1)) > 0

    # one settlement of two days ago charges a fen too much; a day on, the pass asks for the
    # last week's settlements again and finds it
    day = today - timedelta(days=2)
    term.stub.admin(
        "POST",
        "/admin/sales/discrepancies",
        {"store_id": STORE, "method": "alipay", "date": day.isoformat(), "kind": "fee_rounding", "value": 1},
    )
    _ok(term, "demo", "advance", "1d")
    _ok(term, "sync")
    db = open_database(database_path(term.data_dir))
    try:
        found = [(m.day, m.store_id, m.method, m.mismatch.kind.value) for m in tables.mismatches(db.conn)]
    finally:
        db.close()
    assert found == [(day, STORE, "alipay", "fee_difference")]  # by the sync pass, nothing else
    done = term("--json", "news")
    assert done.code == EXIT_OK, done.err
    [news] = [n for n in done.json()["news"] if n["kind"] == "settlement_mismatch"]
    assert news["store_ids"] == [STORE] and day.isoformat() in news["text"]
    assert "Alipay settlement" in news["text"] and "fee" in news["text"]

    period = ("--from", str(day), "--to", str(day))
    done = term("--json", "reconcile", *period)
    assert done.code == EXIT_MISMATCH
    [bad] = done.json()["mismatched"]
    assert bad["store_id"] == STORE and bad["differences"][0]["delta_fen"] == 1

    out = tmp_path / "settlements.csv"
    _ok(term, "export", "settlements", *period, "--format", "csv", "--out", str(out))
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    assert [(r[1], r[8]) for r in rows[1:] if r[8] == "mismatched"] == [(STORE, "mismatched")]
    book = tmp_path / "settlements.xlsx"
    _ok(term, "export", "settlements", *period, "--format", "xlsx", "--out", str(book))
    sheet = load_workbook(book).active
    assert sheet is not None
    marked = [r[1] for r in sheet.iter_rows(min_row=2, values_only=True) if r[8] == "mismatched"]
    assert marked == [STORE]
