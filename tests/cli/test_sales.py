"""``sales``, ``settlements``, ``reconcile`` and ``export`` on a database with known payments:
what an accountant reads, in both languages, and bad periods refused with exit 2."""

from __future__ import annotations

import csv
import stat
from pathlib import Path

import pytest

from console.cli.common import EXIT_MISMATCH, EXIT_OK, EXIT_USAGE
from console.wiring.paths import database_path
from tests.cli.conftest import Run
from tests.helpers.sales import fill, make_payments

ZH = {"LANG": "zh_CN.UTF-8"}
PERIOD = ("--from", "2026-11-10", "--to", "2026-11-23")


@pytest.fixture
def sales_run(run: Run, data_dir: Path) -> Run:
    fill(database_path(data_dir))
    return run


@pytest.fixture
def mismatched_run(run: Run, data_dir: Path) -> Run:
    fill(database_path(data_dir), fee_off=("tb-3", "wechat_pay", "2026-11-20"))
    return run


def test_sales_by_method_adds_up_to_the_payments(sales_run: Run) -> None:
    code, doc = sales_run.json("sales", *PERIOD, "--by", "method")
    assert code == EXIT_OK and doc["schema"] == 1
    payments = make_payments()
    by = {r["method"]: r for r in doc["rows"]}
    assert by["wechat_pay"]["payments"] == sum(p["method"] == "wechat_pay" for p in payments)
    assert sum(r["gross_fen"] for r in doc["rows"]) == sum(p["amount_fen"] for p in payments)
    assert sales_run("sales", *PERIOD, "--by", "channel") == EXIT_OK
    assert "WeChat mini program" in sales_run.out and "Total" in sales_run.out
    assert sales_run("sales", *PERIOD, env=ZH) == EXIT_OK
    assert "微信支付" in sales_run.out and "合计" in sales_run.out


def test_settlements_of_a_day(sales_run: Run) -> None:
    code, doc = sales_run.json("settlements", "--date", "2026-11-20")
    assert code == EXIT_OK
    assert {(s["store_id"], s["method"]) for s in doc["settlements"]} == {
        ("tb-1", "alipay"),
        ("tb-3", "alipay"),
        ("tb-3", "wechat_pay"),
    }
    assert sales_run("settlements", "--date", "2026-11-20", env=ZH) == EXIT_OK and "结算金额" in sales_run.out


def test_reconcile_all_matched_exits_0(sales_run: Run) -> None:
    assert sales_run("reconcile", *PERIOD) == EXIT_OK
    assert "matched" in sales_run.out


def test_a_fee_difference_exits_7_and_is_explained(mismatched_run: Run) -> None:
    assert mismatched_run("reconcile", *PERIOD) == EXIT_MISMATCH
    assert "2026-11-20" in mismatched_run.out and "fee" in mismatched_run.out
    code, doc = mismatched_run.json("reconcile", *PERIOD, env=ZH)
    assert code == EXIT_MISMATCH
    [bad] = doc["mismatched"]
    assert bad["differences"][0]["kind"] == "fee_difference" and bad["differences"][0]["delta_fen"] == 1
    assert "手续费" in bad["differences"][0]["explanation"]


def test_export_settlements_csv_with_bom_private_and_the_mismatch_in_it(
    mismatched_run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "nov.csv"
    assert mismatched_run("export", "settlements", *PERIOD, "--format", "csv", "--out", str(out)) == EXIT_OK
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "Settlement date" and rows[0][-1] == "Difference"
    bad = [r for r in rows[1:] if r[-2] == "mismatched"]
    assert len(bad) == 1 and bad[0][0] == "2026-11-20" and bad[0][1] == "tb-3"
    assert all(float(r[4]) > 0 for r in rows[1:])  # money as plain numbers a spreadsheet reads


def test_export_sales_xlsx_in_chinese(sales_run: Run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "sales.xlsx"
    assert sales_run("export", "sales", *PERIOD, "--format", "xlsx", "--out", str(out), env=ZH) == EXIT_OK
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["日期", "店铺", "平台"]
    total = sum(row[6] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert round(total * 100) == sum(p["amount_fen"] for p in make_payments())


@pytest.mark.parametrize(
    ("args", "code", "en", "zh"),
    [
        (("--from", "2026-11-20", "--to", "2026-11-10"), "REVERSED", "starts", "晚于"),
        (("--from", "2027-01-01", "--to", "2027-01-10"), "FUTURE", "future", "未来"),
        (("--from", "1999-01-01", "--to", "2026-11-10"), "TOO_LONG", "too long", "太长"),
        (("--from", "2026-13-01", "--to", "2026-11-10"), "BAD_DATE", "2026-11-24", "无法识别"),
        ((*PERIOD, "--store", "tb-999"), "UNKNOWN_STORE", "tb-999", "tb-999"),
        ((*PERIOD, "--channel", "tv"), "UNKNOWN_CHANNEL", "tv", "渠道"),
    ],
)
def test_bad_periods_and_scopes_exit_2_in_both_languages(
    sales_run: Run, args: tuple[str, ...], code: str, en: str, zh: str
) -> None:
    for verb in (("sales",), ("reconcile",), ("export", "sales", "--out", "x.csv")):
        assert sales_run(*verb, *args) == EXIT_USAGE
        assert en in sales_run.err and not sales_run.out
    rc, doc = sales_run.json("sales", *args, env=ZH)
    assert rc == EXIT_USAGE and doc["error"]["code"] == code and zh in doc["error"]["message"]
