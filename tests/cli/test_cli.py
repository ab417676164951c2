"""console.cli in-process: outputs, --json shapes, exit codes, languages, storage errors."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console import cli
from console.storage.migrations import SCHEMA_VERSION
from tests.helpers.factories import StoreSpec, make_db

STORES = [
    StoreSpec("tb-1", name="杭州女装旗舰店"),
    StoreSpec("tb-2", wechat="invited"),
    StoreSpec("tb-3", wechat="live"),
    StoreSpec(
        "tm-4",
        platform="tmall",
        wechat="rejected",
        reason_code="LICENSE_MISMATCH",
        reason_zh="营业执照不符",
        reason_en="License does not match",
    ),
    StoreSpec("tb-5", status="frozen"),
]


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times print in the machine's zone: pin it so the expected text is stable."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    make_db(tmp_path, stores=STORES)
    return tmp_path


class Run:
    """cli.main with a data dir and a clean environment; captures stdout/stderr."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir, self.capsys = data_dir, capsys
        self.out = self.err = ""

    def __call__(self, *argv: str, env: dict[str, str] | None = None, data_dir: bool = True) -> int:
        args = (["--data-dir", str(self.data_dir)] if data_dir else []) + list(argv)
        code = cli.main(args, environ=env if env is not None else {"LANG": "en_US.UTF-8"})
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return code

    def json(self, *argv: str, **kw: Any) -> tuple[int, Any]:
        code = self(*argv, "--json", **kw)
        return code, json.loads(self.out)


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(data_dir, capsys)


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
        return cli._width(line[: line.index(word)])

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
    assert run.json("stores", "--pending")[1] == {"count": 0, "stores": []}
    assert run("set-method", "tb-2", "wechat_pay", "on") == 0
    assert [s["id"] for s in run.json("stores", "--pending")[1]["stores"]] == ["tb-2"]


def test_global_options_also_after_the_command(run: Run, data_dir: Path) -> None:
    code = run("stores", "--json", "--lang", "zh_CN", "--data-dir", str(data_dir), data_dir=False)
    assert code == 0 and json.loads(run.out)["count"] == 5


def test_no_stores(run: Run) -> None:
    assert run("stores", "--filter", "zzz") == 0
    assert run.out.strip() == "No stores match."


# -- show ---------------------------------------------------------------------------------------------
def test_show_in_english(run: Run) -> None:
    assert run("show", "tb-2") == 0
    assert "Turn WeChat Pay on before 2026-12-08 02:00 to apply." in run.out
    assert "Next step:" in run.out and "Phase 1" in run.out


def test_show_in_chinese_with_the_rejection_reason(run: Run) -> None:
    assert run("--lang", "zh_CN", "show", "tm-4") == 0
    assert "申请未通过：营业执照与店铺登记的公司不一致。" in run.out
    assert "请在 2026-12-08 02:00 前重新开启微信支付再次申请。" in run.out


def test_show_json_shape(run: Run) -> None:
    code, data = run.json("show", "tm-4")
    assert code == 0
    assert set(data) == {"store", "methods", "invitation", "next_step"}
    assert data["store"]["platform"] == "tmall"
    wechat = data["methods"]["wechat_pay"]
    assert wechat["eligibility"] == "rejected" and wechat["sync_state"] == "confirmed"
    assert wechat["reason_text"] == {"zh": "营业执照不符", "en": "License does not match"}
    assert wechat["terms"] == {
        "fee_bps": 50,
        "max_amount_fen": 5000000,
        "devices": ["mobile_app", "pc_web"],
        "display_order": 2,
    }
    assert wechat["shown_to_shoppers"] is False and wechat["toggle_allowed"] is True
    (reason,) = wechat["hidden_reasons"]
    assert reason["code"] == "REJECTED" and reason["params"]["reason_code"] == "LICENSE_MISMATCH"
    assert reason["message"].startswith("The application was rejected: The business licence does not match")
    alipay = data["methods"]["alipay"]
    assert alipay["toggle_allowed"] is False and alipay["toggle_refusal"]["code"] == "LAST_LIVE_METHOD"
    assert data["invitation"]["history"][0]["to"] == "invited"
    assert data["next_step"]["code"] == "REJECTED"


def test_show_unknown_store_exits_2(run: Run) -> None:
    assert run("show", "nope") == 2
    assert run.err.strip() == "No store nope here. List stores with the stores command."
    code, data = run.json("show", "nope")
    assert code == 2 and data["error"]["code"] == "UNKNOWN_STORE" and data["error"]["store_id"] == "nope"


# -- set-method ------------------------------------------------------------------------------------------
def test_set_method_queues(run: Run) -> None:
    assert run("set-method", "tb-2", "wechat", "on") == 0
    assert "Saved, waiting to sync: tb-2 WeChat Pay → on" in run.out
    assert "eligibility becomes: in review" in run.out


def test_set_method_refused_exits_3_with_the_reason(run: Run) -> None:
    assert run("set-method", "tb-1", "alipay", "off") == 3
    assert "last live payment method" in run.err and run.out == ""
    assert run("--lang", "zh_CN", "set-method", "tb-1", "alipay", "off") == 3
    assert "不能修改 tb-1 支付宝：这是店铺最后一个已上线并开启的支付方式" in run.err
    assert run("set-method", "tb-5", "alipay", "off") == 3
    assert "frozen" in run.err


def test_set_method_no_change_is_not_an_error(run: Run) -> None:
    assert run("set-method", "tb-1", "alipay", "on") == 0
    assert "already on; nothing to change" in run.out
    assert run.json("pending")[1]["count"] == 0


def test_set_method_dry_run_changes_nothing(run: Run) -> None:
    assert run("set-method", "tb-3", "alipay", "off", "--dry-run") == 0
    assert run.out.startswith("(dry run) Would change: tb-3 Alipay → off")
    assert run.json("pending")[1]["count"] == 0
    assert run("set-method", "tb-1", "alipay", "off", "--dry-run") == 3


def test_set_method_json_shape(run: Run) -> None:
    code, data = run.json("set-method", "tb-2", "wechat_pay", "on")
    assert code == 0
    assert set(data) == {
        "store_id",
        "method",
        "enabled",
        "dry_run",
        "applied",
        "outcome",
        "outbox_id",
        "reason",
        "expected_eligibility",
        "state",
    }
    assert data["applied"] is True and data["outcome"] == "queued" and len(data["outbox_id"]) == 32
    assert data["expected_eligibility"] == "in_review"
    assert data["state"]["wanted"] is True and data["state"]["sync_state"] == "pending"
    code, data = run.json("set-method", "tb-1", "alipay", "off")
    assert code == 3 and data["applied"] is False
    assert data["reason"]["code"] == "LAST_LIVE_METHOD" and data["reason"]["params"] == {"method": "alipay"}
    code, data = run.json("set-method", "tb-2", "wechat_pay", "off")
    assert code == 0 and data["outcome"] == "cancelled"


def test_set_method_unknown_store_and_bad_usage(run: Run) -> None:
    assert run("set-method", "nope", "alipay", "off") == 2
    assert "No store nope" in run.err
    assert run("set-method", "tb-1", "paypal", "on") == 2
    assert run("set-method", "tb-1", "alipay", "maybe") == 2
    assert run("set-method", "tb-1") == 2
    assert run("no-such-command") == 2


# -- preview ---------------------------------------------------------------------------------------------
def test_preview_table(run: Run) -> None:
    assert run("preview", "tb-3", "--amount", "¥1,234.5", "--device", "pc_web") == 0
    assert "¥1,234.50" in run.out and "¥7.41" in run.out and "¥1,227.09" in run.out
    assert "mcpay://receive/tb-3" in run.out


def test_preview_json_shape(run: Run) -> None:
    code, data = run.json("preview", "tb-2", "--amount", "１２", "--device", "mini_program")
    assert code == 0
    assert data["amount_fen"] == 1200 and data["device"] == "mini_program" and data["default"] == "alipay"
    assert data["shown"] == [
        {"method": "alipay", "fee_bps": 60, "fee_fen": 7, "net_fen": 1193, "is_default": True, "as_qr": False}
    ]
    (hidden,) = data["hidden"]
    assert hidden["method"] == "wechat_pay"
    assert [r["code"] for r in hidden["reasons"]] == ["INVITATION_NOT_ACCEPTED", "DEVICE_UNSUPPORTED"]
    assert data["qr_wallets"] == ["alipay"] and data["receive_code"] == "mcpay://receive/tb-2"


@pytest.mark.parametrize(
    ("amount", "lang", "message"),
    [
        ("abc", "en", '"abc" is not an amount; write it like 12.50.'),
        ("1,23", "zh_CN", "千位分隔符位置不对：“1,23”。应每三位一个，例如 1,234.50。"),
        ("0", "en", "Enter an amount greater than zero."),
        ("-5", "en", "The amount cannot be negative."),
        ("1.234", "zh_CN", "金额最多两位小数（分）。"),
    ],
)
def test_preview_bad_amount_exits_2(run: Run, amount: str, lang: str, message: str) -> None:
    assert run("--lang", lang, "preview", "tb-3", "--amount", amount) == 2
    assert run.err.strip() == message


def test_preview_unknown_store(run: Run) -> None:
    assert run("preview", "nope", "--amount", "1") == 2


# -- pending, activity, announcements, feedback -----------------------------------------------------------
def test_pending_and_activity(run: Run) -> None:
    assert run("pending") == 0 and run.out.strip() == "Nothing waits to sync."
    assert run("activity") == 0 and run.out.strip() == "No activity."
    run("set-method", "tb-2", "wechat_pay", "on")
    run("feedback", "a-open", "支持")
    assert run("pending") == 0
    assert "WeChat Pay → on" in run.out and "waiting to sync" in run.out and "Feedback a-open" in run.out
    code, data = run.json("pending")
    assert code == 0 and data["count"] == 2
    assert set(data["pending"][0]) == {
        "id",
        "seq",
        "kind",
        "status",
        "created_at",
        "store_id",
        "store_name",
        "method",
        "enabled",
        "announcement_id",
        "attempts",
        "last_error",
        "refusal",
    }
    assert data["pending"][0]["enabled"] is True and data["pending"][1]["kind"] == "send_feedback"
    # in words, not the log's internal names or raw JSON
    assert run("activity", "--store", "tb-2") == 0
    assert "Change a payment method → on" in run.out and "Waiting to sync" in run.out
    assert "set_method" not in run.out and "{" not in run.out
    assert run("--lang", "zh_CN", "activity", "--store", "tb-2") == 0
    assert "修改支付方式 → 开" in run.out and "您" in run.out and "待同步" in run.out
    code, data = run.json("activity", "--limit", "1")
    assert code == 0 and data["count"] == 1
    assert set(data["activity"][0]) == {
        "id",
        "at",
        "actor",
        "action",
        "store_id",
        "method",
        "result",
        "detail",
    }
    assert data["activity"][0]["action"] == "send_feedback"


def test_announcements(run: Run) -> None:
    assert run("announcements") == 0
    assert "WeChat Pay fee change" in run.out and "(open now)" in run.out and "(closed)" in run.out
    assert run("--lang", "zh_CN", "announcements") == 0
    assert "微信支付费率调整" in run.out and "(进行中)" in run.out
    code, data = run.json("announcements")
    assert code == 0 and [a["id"] for a in data["announcements"]] == ["a-future", "a-open", "a-closed"]
    a_open = data["announcements"][1]
    assert a_open["opinion"] == "open_now" and a_open["opinion_open"] is True
    assert a_open["title"] == {"zh": "微信支付费率调整", "en": "WeChat Pay fee change"}
    assert a_open["affects_platforms"] == ["taobao", "tmall"] and a_open["meets_notice_period"] is True


def test_feedback_exit_codes(run: Run) -> None:
    assert run("feedback", "a-open", "同意") == 0 and "Feedback saved" in run.out
    assert run("feedback", "a-closed", "too late") == 3
    assert "The opinion period ended on" in run.err
    assert run("--lang", "zh_CN", "feedback", "a-future", "早") == 3 and "意见征集期将于" in run.err
    assert run("feedback", "missing", "x") == 2 and "No announcement missing" in run.err
    code, data = run.json("feedback", "a-open", "")
    assert code == 3 and data["reason"]["code"] == "FEEDBACK_EMPTY" and data["applied"] is False


# -- language ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "argv", "chinese"),
    [
        ({"LANG": "zh_CN.UTF-8"}, [], True),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, [], True),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, [], False),
        ({"LANG": "zh_CN.UTF-8"}, ["--lang", "en"], False),
        ({}, ["--lang", "zh"], True),
        ({}, [], False),
    ],
)
def test_language_from_flag_then_locale(
    run: Run, env: dict[str, str], argv: list[str], chinese: bool
) -> None:
    assert run(*argv, "set-method", "tb-1", "alipay", "off", env=env) == 3
    assert ("不能修改" in run.err) is chinese


# -- storage errors ----------------------------------------------------------------------------------------
def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_database_one_line_exit_1_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "console.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = digest(path)
    run = Run(tmp_path, capsys)
    assert run("stores") == 1
    assert run.err.count("\n") == 1 and "newer version of the app" in run.err and "not changed" in run.err
    assert run("--lang", "zh_CN", "show", "tb-1") == 1 and "更新版本" in run.err
    code, data = run.json("stores")
    assert code == 1 and data["error"]["code"] == "DATABASE_TOO_NEW"
    assert digest(path) == before


def test_garbage_file_one_line_exit_1_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "console.db"
    path.write_bytes(b"not a database " * 300)
    before = digest(path)
    run = Run(tmp_path, capsys)
    assert run("set-method", "tb-1", "alipay", "off") == 1
    assert run.err.count("\n") == 1 and "damaged" in run.err
    assert digest(path) == before


def test_damaged_pages_found_while_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_db(tmp_path, stores=2000)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16384] = b"\xa5" * 16384
    path.write_bytes(bytes(data))
    before = digest(path)
    run = Run(tmp_path, capsys)
    assert run("stores") == 1
    assert "damaged" in run.err and run.err.count("\n") == 1
    assert digest(path) == before


# -- delegation: GUI, sync, stub server ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({}, "win32", True),
        ({}, "darwin", True),
        ({}, "freebsd14", False),
    ],
)
def test_has_display(env: dict[str, str], platform: str, expected: bool) -> None:
    assert cli.has_display(env, platform) is expected


def fake_module(monkeypatch: pytest.MonkeyPatch, name: str, **attrs: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in attrs.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, name, module)
    return module


def test_gui_without_display_says_so(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert run(env={}) == 2
    assert run.err == cli_no_display() + "\n"


def cli_no_display() -> str:
    from console.words import NO_DISPLAY

    assert NO_DISPLAY == (
        "No display found: run this on a desktop, or set QT_QPA_PLATFORM=offscreen for a headless check "
        "(see README)."
    )
    return NO_DISPLAY


def test_gui_gets_the_parsed_arguments(run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[Any] = []
    fake_module(monkeypatch, "console.ui.app", run_gui=lambda args: seen.append(args) or 7)
    shot = str(tmp_path / "shot.png")
    assert run("--screenshot", shot, "--lang", "zh", "--view", "checkout", env={}) == 7
    (args,) = seen
    assert (args.screenshot, args.view, args.lang, args.command) == (shot, "checkout", "zh_CN", None)
    assert args.data_dir == str(run.data_dir)
    assert run(env={"DISPLAY": ":0"}) == 7 and seen[1].lang is None  # the GUI's own settings decide


def test_sync_is_delegated(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []

    def add(parser: Any) -> None:
        parser.add_argument("--only-push", action="store_true")

    fake_module(
        monkeypatch,
        "console.sync.command",
        add_sync_arguments=add,
        run_sync_command=lambda args, data_dir: seen.append((args, data_dir)) or 4,
    )
    assert run("--platform", "http://127.0.0.1:9", "--app-key", "k", "sync", "--only-push") == 4
    ((args, directory),) = seen
    assert directory == run.data_dir
    assert (args.platform_url, args.app_key, args.only_push, args.json) == (
        "http://127.0.0.1:9",
        "k",
        True,
        False,
    )


def test_sync_missing_is_a_clear_error(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "console.sync.command", None)  # import fails
    assert run("sync", env={"LANG": "zh_CN.UTF-8"}) == 1
    assert "此版本没有同步功能" in run.err


def test_stub_server_gets_the_rest_of_the_line(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    fake_module(monkeypatch, "console.platform.stub.__main__", main=lambda argv: seen.append(argv) or 0)
    assert run("stub-server", "--port", "0", "--seed", "demo", "--help") == 0
    assert seen == [["--port", "0", "--seed", "demo", "--help"]]


def test_version_and_help(run: Run) -> None:
    assert run("--version", data_dir=False) == 0 and run.out.strip() == "merchant-console 0.1.0"
    assert run("--help", data_dir=False) == 0 and "set-method" in run.out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["stores"], ("stores", 0)),
        (["--data-dir", "stores", "show", "x"], ("show", 2)),
        (["--json", "--lang", "en", "sync"], ("sync", 3)),
        (["--lang=en", "stub-server", "--port", "1"], ("stub-server", 1)),
        (["--json"], (None, -1)),
        (["--", "stores"], ("stores", 1)),
    ],
)
def test_find_command(argv: list[str], expected: tuple[str | None, int]) -> None:
    assert cli.find_command(argv) == expected


def test_retry_and_discard_from_the_terminal(run: Run) -> None:
    """What the GUI's Waiting-to-sync view does, by a short id from `pending`."""
    assert run("set-method", "tb-2", "wechat_pay", "on") == 0
    code, data = run.json("pending")
    assert code == 0
    change = data["pending"][0]["id"]
    assert run("pending") == 0 and change[:8] in run.out  # the short id is shown
    # a queued change cannot be retried (only refused ones), and says why
    assert run("retry", change[:8]) == 2 and "cannot" in run.err
    assert run("discard", "zzzz") == 2 and "No waiting change" in run.err
    assert run("discard", change[:8]) == 0 and "Discarded" in run.out
    assert run("pending") == 0 and run.out.strip() == "Nothing waits to sync."
    assert run("--lang", "zh_CN", "discard", change[:8]) == 2  # gone
