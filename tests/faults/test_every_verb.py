"""Every CLI verb against a database that is full, read-only or held by another process
(issue #13): no traceback, the fault named for what it is in one sentence in each language,
exit 1 (``DATABASE_<PROBLEM>`` under --json), and every saved row exactly as before.

A verb that only reads still works on a full disk or a read-only file (that is the point of
keeping the data readable), so there it must succeed; a file held exclusively by another
program cannot even be read, so there every verb says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from console.core.model import Method
from console.service import ConsoleService
from console.storage.db import open_database
from tests.cli.conftest import Run
from tests.faults.faults import FAULTS, snapshot, storage_fault
from tests.helpers.factories import FIXED_NOW, mark_refused

SECRET_ENV = "MERCHANT_CONSOLE_APP_SECRET"

#: (the verb's command line, whether it writes). ``{queued}``/``{refused}`` are seeded change ids.
VERBS: list[tuple[list[str], bool]] = [
    (["stores"], False),
    (["show", "tb-3"], False),
    (["preview", "tb-3", "--amount", "12.50"], False),
    (["pending"], False),
    (["activity"], False),
    (["announcements"], False),
    (["set-method", "tb-3", "wechat_pay", "on"], True),
    (["bulk", "set-method", "wechat_pay", "on", "--filter", "tb-2"], True),
    (["feedback", "a-open", "please keep the old fee"], True),
    (["retry", "{refused}"], True),
    (["discard", "{queued}"], True),
    (["--platform", "http://127.0.0.1:9", "--app-key", "k", "sync"], True),
]
IDS = [" ".join(argv[-1:] if argv[0] == "--platform" else argv[:1]) for argv, _ in VERBS]

#: Words each sentence must carry (and the one it must not: only SQLite may call a file damaged).
SAYS = {
    "full": ("is full. Free some space on that drive", "磁盘空间不足", "DATABASE_FULL"),
    "read_only": ("is read-only, so nothing can be saved", "是只读的", "DATABASE_READ_ONLY"),
    "busy": ("Another program is using the data file", "另一个程序正在使用数据文件", "DATABASE_BUSY"),
}


@pytest.fixture
def seeded(data_dir: Path) -> dict[str, str]:
    """A change waiting to sync and a refused one, saved before any fault."""
    db = open_database(data_dir / "console.db")
    try:
        service = ConsoleService(db, clock=lambda: FIXED_NOW)
        queued = service.set_method("tb-3", Method.WECHAT_PAY, False).outbox_id
        refused = service.send_feedback("a-open", "first opinion").outbox_id
        assert queued and refused
        mark_refused(db, refused, "OPINION_TOO_SHORT", "too short")
    finally:
        db.conn.close()
    return {"queued": queued[:8], "refused": refused[:8]}


def _argv(argv: list[str], seeded: dict[str, str]) -> list[str]:
    return [a.format(**seeded) for a in argv]


@pytest.mark.parametrize(("argv", "writes"), VERBS, ids=IDS)
def test_every_verb_works_on_a_healthy_file(
    run: Run, seeded: dict[str, str], monkeypatch: pytest.MonkeyPatch, argv: list[str], writes: bool
) -> None:
    """The control: each verb reaches the database and succeeds when nothing is wrong (sync:
    the platform address is closed, so it ends offline, exit 4, after its first write)."""
    monkeypatch.setenv(SECRET_ENV, "s")
    expected = 4 if "sync" in argv else 0
    assert run(*_argv(argv, seeded)) == expected, run.err


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize(("argv", "writes"), VERBS, ids=IDS)
def test_every_verb_names_the_storage_fault(
    run: Run,
    data_dir: Path,
    seeded: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
    argv: list[str],
    writes: bool,
) -> None:
    monkeypatch.setenv(SECRET_ENV, "s")
    database = data_dir / "console.db"
    en, zh, code = SAYS[fault]
    line = _argv(argv, seeded)
    before = snapshot(database)
    with storage_fault(fault, database, monkeypatch):
        got_en = run("--lang", "en", *line)
        err_en, out_en = run.err, run.out
        got_zh = run("--lang", "zh_CN", *line)
        err_zh = run.err
        got_json, data = run.json("--lang", "en", *line)
    assert "Traceback" not in err_en + out_en + err_zh + run.out
    if writes or fault == "busy":
        assert (got_en, got_zh, got_json) == (1, 1, 1)
        assert en in err_en and err_en.count("\n") == 1 and "damaged" not in err_en
        assert zh in err_zh and err_zh.count("\n") == 1 and "损坏" not in err_zh
        assert data["schema"] == 1 and data["error"]["code"] == code
    else:
        assert (got_en, got_zh, got_json) == (0, 0, 0), err_en
        assert err_en == "" and err_zh == ""
    assert snapshot(database) == before  # nothing saved was lost, nothing half-written
