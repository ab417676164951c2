"""Terms stored by version 0.1 (one "mini_program" channel) still read as today's channels."""

from __future__ import annotations

import json
from pathlib import Path

from console.core.model import Device, Method, Platform
from console.storage.db import open_database
from console.storage.repo import Repository
from tests.helpers.factories import make_db, make_service


def test_stored_mini_program_reads_as_the_alipay_mini_program(tmp_path: Path) -> None:
    path = make_db(tmp_path, stores=["tb-1"])
    db = open_database(path)
    db.execute(
        "UPDATE method_terms SET devices = ? WHERE method = 'alipay'",
        [json.dumps(["mobile_app", "pc_web", "mini_program", "smart_tv"])],
    )
    db.conn.commit()
    alipay = next(t for t in Repository(db).terms(Platform.TAOBAO) if t.method is Method.ALIPAY)
    # mapped, not dropped; an unknown future channel is ignored rather than failing the read
    assert alipay.devices == frozenset({Device.MOBILE_APP, Device.PC_WEB, Device.ALIPAY_MINI_PROGRAM})
    pv = make_service(path).checkout_preview("tb-1", 100, Device.ALIPAY_MINI_PROGRAM)
    assert [line.method for line in pv.shown] == [Method.ALIPAY]
