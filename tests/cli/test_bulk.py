"""``bulk set-method``: scopes, the dry run's plan (text, JSON, CSV), the run's counts, exit codes,
stores files refused with nothing changed, and 3,000 stores from dry run to confirmed (#16)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from console import cli
from tests.cli.conftest import Run


def pending(run: Run) -> int:
    code, doc = run.json("pending")
    assert code == 0
    return int(doc["count"])


def test_dry_run_prints_a_row_per_store_and_changes_nothing(run: Run) -> None:
    code = run("bulk", "set-method", "wechat_pay", "on", "--all", "--dry-run")
    assert code == 3  # some refused, as set-method --dry-run says it
    lines = run.out.splitlines()
    assert any(line.startswith("tb-2") and "will change" in line and "application" in line for line in lines)
    assert any(line.startswith("tb-5") and "refused" in line and "frozen" in line for line in lines)
    assert "Turn on WeChat Pay: 5 stores, 2 will change, 1 already so, 2 refused." in run.out
    assert pending(run) == 0


def test_dry_run_as_json_and_csv(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "plan.csv"
    code, doc = run.json(
        "bulk", "set-method", "wechat", "on", "--filter", "tb-", "--dry-run", "--csv", str(out)
    )
    assert code == 3 and doc["schema"] == 1 and doc["dry_run"] is True
    assert doc["counts"] == {"change": 1, "already": 1, "refused": 2}
    by_id = {s["store_id"]: s for s in doc["stores"]}
    assert set(by_id) == {"tb-1", "tb-2", "tb-3", "tb-5"}
    assert by_id["tb-1"]["reason"]["code"] == "NOT_INVITED" and by_id["tb-2"]["outcome"] == "change"
    assert doc["checked_at"].endswith("Z")
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    assert rows[0][:2] == ["Store ID", "Store name"] and len(rows) == 5


def test_real_run_saves_and_counts_and_lists_the_refused(run: Run) -> None:
    code = run("bulk", "set-method", "wechat_pay", "on", "--platform-filter", "taobao")
    assert code == 3
    assert "Turn on WeChat Pay: 1 saved, 1 skipped (already so), 2 refused." in run.out
    assert "next sync" in run.out
    assert "2 stores were refused:" in run.err and "tb-5" in run.err and "frozen" in run.err
    assert pending(run) == 1


def test_nothing_refused_exits_0_in_chinese(run: Run) -> None:
    code = run("--lang", "zh_CN", "bulk", "set-method", "alipay", "off", "--filter", "tb-3")
    assert code == 0
    assert run.out.startswith("关闭支付宝：已保存 1 家，跳过 0 家（已是如此），被拒绝 0 家。")


def test_a_scope_is_required_and_only_one(run: Run) -> None:
    assert run("bulk", "set-method", "wechat_pay", "on") == 2
    assert "--stores-file" in run.err
    code, doc = run.json("bulk", "set-method", "wechat_pay", "on", "--all", "--filter", "x")
    assert code == 2 and doc["error"]["code"] == "usage"
    assert run("--lang", "zh_CN", "bulk", "set-method", "wechat_pay", "on") == 2
    assert "请指定店铺范围" in run.err


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_stores_file_with_a_header_or_one_id_per_line(run: Run, tmp_path: Path) -> None:
    f = write(tmp_path / "s.csv", "\ufeffstore_id,note\ntb-2,x\ntb-3,y\n")
    code, doc = run.json("bulk", "set-method", "wechat_pay", "on", "--stores-file", str(f), "--dry-run")
    assert code == 0 and [s["store_id"] for s in doc["stores"]] == ["tb-2", "tb-3"]
    f = write(tmp_path / "ids.csv", "tb-2\n\ntb-1\n")
    code, doc = run.json("bulk", "set-method", "wechat_pay", "on", "--stores-file", str(f), "--dry-run")
    assert [s["store_id"] for s in doc["stores"]] == ["tb-2", "tb-1"]


def test_the_dry_runs_own_csv_is_a_stores_file(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    run("--lang", "zh_CN", "bulk", "set-method", "alipay", "off", "--all", "--dry-run", "--csv", str(plan))
    code, doc = run.json("bulk", "set-method", "alipay", "off", "--stores-file", str(plan), "--dry-run")
    assert code == 3  # the last live method of the stores without WeChat Pay
    assert len(doc["stores"]) == 5


@pytest.mark.parametrize(
    ("content", "en", "zh"),
    [
        ("tb-2\nnope-1\nnope-2\n", "2 unknown store IDs: nope-1, nope-2", "2 个未知的店铺编号"),
        ('store_id\n"tb-2\n', "is not valid CSV", "不是有效的 CSV"),
        (b"store_id\n\xff\xfe\n", "is not valid CSV", "不是有效的 CSV"),
        ("name,city\nA,B\n", "no store ID column", "没有店铺编号列"),
        ("store_id\n", "lists no store ID", "没有店铺编号"),
    ],
)
def test_bad_stores_files_change_nothing(
    run: Run, tmp_path: Path, content: str | bytes, en: str, zh: str
) -> None:
    f = write(tmp_path / "bad.csv", content)
    assert run("bulk", "set-method", "wechat_pay", "on", "--stores-file", str(f)) == 2
    assert en in run.err and "Nothing was changed." in run.err
    assert run("--lang", "zh_CN", "bulk", "set-method", "wechat_pay", "on", "--stores-file", str(f)) == 2
    assert zh in run.err and "未做任何修改" in run.err
    code, doc = run.json("bulk", "set-method", "wechat_pay", "on", "--stores-file", str(f))
    assert code == 2 and "error" in doc
    assert pending(run) == 0


def test_a_missing_stores_file(run: Run, tmp_path: Path) -> None:
    assert run("bulk", "set-method", "wechat_pay", "on", "--stores-file", str(tmp_path / "none.csv")) == 2
    assert "Cannot read the stores file" in run.err


def sync_without_sales(data_dir: Path, url: str, key: str, secret: str) -> None:
    """One sync pass as ``main.py sync`` makes it, without the sales feeds: at 3,000 stores the
    demo platform's simulated payments take minutes to serve, and they are not what this tests."""
    from console.platform.client import PlatformClient
    from console.storage.db import open_database
    from console.sync.engine import SyncEngine
    from console.wiring.paths import database_path

    db = open_database(database_path(data_dir))
    client = PlatformClient(url, key, secret)
    try:
        report = SyncEngine(db, client, sales=False).run_once(force=True)
        assert report.ok, report
    finally:
        client.close()
        db.conn.close()


def test_3000_stores_by_filter_from_dry_run_to_confirmed(tmp_path: Path) -> None:
    """A platform seeded with 3,000 stores: sync, dry run, run, sync; every saved change confirmed."""
    from console.platform.stub.embedded import EmbeddedPlatform

    platform = EmbeddedPlatform(tmp_path / "platform", seed="stores:3000").start()
    try:
        creds = platform.credentials
        data = tmp_path / "console"
        data.mkdir()

        def term(*argv: str) -> tuple[int, Any]:
            out = io.StringIO()
            code = cli.main(
                ["--data-dir", str(data), *argv, "--json"],
                environ={"LANG": "en_US.UTF-8"},
                stdout=out,
                stderr=io.StringIO(),
            )
            return code, json.loads(out.getvalue())

        def sync() -> None:
            sync_without_sales(data, platform.url, creds.app_key, creds.app_secret)

        sync()
        code, plan = term("bulk", "set-method", "wechat_pay", "on", "--filter", "Store", "--dry-run")
        assert plan["total"] == 3000 and code == 3
        will = plan["counts"]["change"]
        assert will > 0 and plan["counts"]["already"] > 0
        assert term("pending")[1]["count"] == 0
        code, done = term("bulk", "set-method", "wechat_pay", "on", "--filter", "Store")
        assert code == 3 and done["counts"]["saved"] == will
        assert done["counts"]["refused"] == plan["counts"]["refused"]
        assert term("pending")[1]["count"] == will
        sync()
        assert term("pending")[1]["count"] == 0  # every saved change reached the platform, accepted
        code, again = term("bulk", "set-method", "wechat_pay", "on", "--filter", "Store", "--dry-run")
        assert again["counts"]["change"] == 0
        assert again["counts"]["already"] == 3000 - plan["counts"]["refused"]
    finally:
        platform.stop()
