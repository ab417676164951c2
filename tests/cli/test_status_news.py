"""``status`` and ``news``: the one sync state and the stored news, from a terminal.

Passes are run by the real sync engine against the in-process fake platform on the same data
folder the command line reads, so what ``status`` says is what the engine recorded.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from console.core.model import Method
from console.service import ConsoleService
from console.storage.db import open_database
from console.sync.engine import SyncEngine
from console.wiring.paths import database_path
from tests.cli.conftest import Run
from tests.helpers.factories import FIXED_NOW, Clock
from tests.helpers.fakeplatform import FakePlatform


class Pass:
    """Run sync passes on the CLI's data folder with a fake platform in a chosen mode."""

    def __init__(self, data_dir: Path) -> None:
        self.db = open_database(database_path(data_dir))
        self.platform = FakePlatform(self.db)
        self.clock = Clock(FIXED_NOW)
        self.engine = SyncEngine(self.db, self.platform, clock=self.clock, rng=random.Random(0))  # type: ignore[arg-type]

    def __call__(self, mode: str = "online") -> None:
        self.platform.mode = mode
        self.engine.run_once(force=True)


@pytest.fixture
def sync_pass(data_dir: Path) -> Pass:
    return Pass(data_dir)


def test_status_before_any_pass(run: Run) -> None:
    assert run("status") == 0
    assert run.out.splitlines()[0] == "Not synced with the platform yet"
    code, data = run.json("status")
    assert code == 0 and data["schema"] == 1
    assert data["headline"] == "not_synced_yet" and data["connection"] == "unknown"
    assert data["platform"] == {"source": "embedded", "url": None, "demo": True}
    assert data["last_success_at"] is None and data["unread_news"] == 0


def test_each_connection_problem_has_its_words_and_its_exit_code(run: Run, sync_pass: Pass) -> None:
    ConsoleService(sync_pass.db, clock=lambda: FIXED_NOW).set_method("tb-2", Method.WECHAT_PAY, True)
    sync_pass("offline")
    code, data = run.json("status")
    assert code == 4 and data["headline"] == "offline" and data["waiting"] == 1
    assert data["offline_since"] == "2026-11-24T02:00:00Z"
    assert run("status") == 4 and "Offline since 2026-11-24 02:00; retrying" in run.out
    assert "main.py sync" in run.out
    sync_pass("auth")
    code, data = run.json("status")
    assert code == 6 and data["connection"] == "auth_refused"
    assert "check the app key and secret" in data["text"] and "clock" not in data["text"]
    sync_pass("clock")
    code, data = run.json("status")
    assert code == 8 and data["connection"] == "clock" and "clock" in data["text"]
    assert run("--lang", "zh_CN", "status") == 8 and "电脑时钟" in run.out
    sync_pass("online")
    code, data = run.json("status")
    assert code == 0 and data["all_synced"] and data["last_success_at"] == "2026-11-24T02:00:00Z"
    assert run("status") == 0 and run.out.splitlines()[0] == "All changes synced"


def test_refused_changes_are_listed_with_their_reason_and_exit_5(run: Run, sync_pass: Pass) -> None:
    ConsoleService(sync_pass.db, clock=lambda: FIXED_NOW).set_method("tb-2", Method.WECHAT_PAY, True)
    sync_pass.platform.refuse_all = True
    sync_pass()
    code, data = run.json("status")
    assert code == 5 and data["headline"] == "refused" and len(data["refused"]) == 1
    refused = data["refused"][0]
    assert refused["store_id"] == "tb-2" and refused["code"] == "LAST_LIVE_METHOD"
    assert run("status") == 5 and "tb-2 WeChat Pay" in run.out and "main.py discard" in run.out
    # pending renders the same state; discarding brings every count down together
    code, data = run.json("pending")
    assert data["status"]["refused"] == [refused]
    assert run("discard", refused["outbox_id"][:8]) == 0
    code, data = run.json("status")
    assert code == 0 and data["refused"] == [] and data["all_synced"]


def _store(status: str) -> dict[str, object]:
    return {
        "id": "tb-3",
        "platform": "taobao",
        "name": "Store tb-3",
        "category": "apparel",
        "status": status,
        "receive_code": "mcpay://receive/tb-3",
    }


def test_news_lists_marks_read_and_survives(run: Run, sync_pass: Pass) -> None:
    sync_pass()
    assert run("news") == 0 and run.out.strip() == "No notifications."
    sync_pass.clock.advance(hours=1)
    sync_pass.platform.push("store", "tb-3", _store("frozen"))
    sync_pass()
    code, data = run.json("news", "--unread")
    frozen = [n for n in data["news"] if n["kind"] == "store_frozen"]
    assert code == 0 and len(frozen) == 1 and frozen[0]["store_ids"] == ["tb-3"]
    assert frozen[0]["text"] == "The platform froze the store." and not frozen[0]["read"]
    assert run("--lang", "zh_CN", "news") == 0 and "平台冻结了这家店铺。" in run.out and "tb-3" in run.out
    code, status = run.json("status")
    assert status["unread_news"] == data["unread"] >= 1
    assert run("news", "--mark-read", str(frozen[0]["id"])) == 0 and "Marked 1" in run.out
    code, data = run.json("news", "--unread")
    assert all(n["kind"] != "store_frozen" for n in data["news"])
    assert run("news", "--mark-read", "99999") == 2 and "No notification with id 99999" in run.err + run.out
    assert run("news", "--mark-all-read") == 0
    assert run.json("news", "--unread")[1]["count"] == 0


def test_sync_says_the_clock_apart_from_the_credentials(sync_pass: Pass) -> None:
    """``sync`` exits 8 for a refused clock, 6 for refused credentials, each with its own words."""
    from console.cli.sync import exit_code, summary

    service = ConsoleService(sync_pass.db, clock=lambda: FIXED_NOW)
    sync_pass.platform.mode = "clock"
    report = sync_pass.engine.run_once()
    text = summary(report, "en", service.sync_status())
    assert exit_code(report) == 8 and "clock" in text and "app key" not in text
    sync_pass.platform.mode = "auth"
    report = sync_pass.engine.run_once()
    text = summary(report, "en", service.sync_status())
    assert exit_code(report) == 6 and "app key and secret" in text and "clock" not in text
