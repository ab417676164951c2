"""``stores``: the table in both languages, the JSON shape, filters."""

from __future__ import annotations

import json
from pathlib import Path

from console.cli import render
from tests.cli.conftest import Run


# -- stores -----------------------------------------------------------------------------------------
def test_stores_table_in_english(run: Run) -> None:
    assert run("stores") == 0
    lines = run.out.splitlines()
    assert lines[0].split() == [
        "ID",
        "Platform",
        "Name",
        "Status",
        "Alipay",
        "WeChat",
        "Pay",
        "Setting",
        "Deadline",
        "Pending",
    ]
    assert "tb-2" in run.out and "invited" in run.out and "5 stores" in run.out

    # columns stay aligned with Chinese names (two columns per character)
    def column(line: str, word: str) -> int:
        return render._width(line[: line.index(word)])

    assert column(lines[2], "open") == column(lines[3], "open") == column(lines[0], "Status")
    assert column(lines[2], "on ") == column(lines[3], "on ")


def test_stores_table_in_chinese(run: Run) -> None:
    assert run("--lang", "zh_CN", "stores") == 0
    assert "编号" in run.out and "已受邀" in run.out and "共 5 家店铺" in run.out


def test_stores_json_shape_and_filters(run: Run) -> None:
    code, data = run.json("stores")
    assert code == 0 and data["count"] == 5
    first = data["stores"][0]
    assert set(first) == {
        "id",
        "platform",
        "name",
        "status",
        "wechat_eligibility",
        "wechat_setting",
        "alipay_setting",
        "pending",
        "phase",
        "deadline_at",
    }
    assert first == {
        **first,
        "id": "tb-1",
        "platform": "taobao",
        "wechat_eligibility": "not_invited",
        "alipay_setting": True,
        "pending": False,
        "phase": None,
        "deadline_at": None,
    }
    by_id = {s["id"]: s for s in data["stores"]}
    assert by_id["tb-2"]["deadline_at"] == "2026-12-08T02:00:00Z"
    assert [s["id"] for s in run.json("stores", "--platform", "tmall")[1]["stores"]] == ["tm-4"]
    assert [s["id"] for s in run.json("stores", "--status", "invited")[1]["stores"]] == ["tb-2"]
    assert [s["id"] for s in run.json("stores", "--filter", "杭州")[1]["stores"]] == ["tb-1"]
    assert run.json("stores", "--pending")[1] == {"schema": 1, "count": 0, "stores": []}
    assert run("set-method", "tb-2", "wechat_pay", "on") == 0
    assert [s["id"] for s in run.json("stores", "--pending")[1]["stores"]] == ["tb-2"]


def test_global_options_also_after_the_command(run: Run, data_dir: Path) -> None:
    code = run("stores", "--json", "--lang", "zh_CN", "--data-dir", str(data_dir), data_dir=False)
    assert code == 0 and json.loads(run.out)["count"] == 5


def test_no_stores(run: Run) -> None:
    assert run("stores", "--filter", "zzz") == 0
    assert run.out.strip() == "No stores match."
