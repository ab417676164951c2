"""Shared set-up of the view tests (checkout, announcements, activity): a real local test DB.

The database comes from the foundation's factory (tests/helpers/factories.py), the service is
the real ConsoleService with a fixed clock, and background work runs on a real TaskRunner whose
lanes open their own connections, exactly as in the app.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from console.service import ConsoleService
from console.storage.db import open_database
from console.ui.context import UiContext
from console.ui.tasks import TaskRunner
from tests.helpers.factories import FIXED_NOW, StoreSpec, default_announcements, make_db

ROOT = Path(__file__).resolve().parents[2]
VIEWS_TS = ROOT / "resources" / "i18n" / "views_zh_CN.ts"

STORES = [
    StoreSpec("tb-000001", name="Lakeside Tea House", wechat="live"),
    StoreSpec("tm-000002", platform="tmall", name="北岸家居旗舰店", wechat="in_review"),
    StoreSpec("tb-000003", name="Pine Needle Crafts"),  # WeChat Pay not invited
]


def announcements(now: datetime = FIXED_NOW) -> list[dict[str, Any]]:
    """The factory's three plus one published with too little notice (4 days before it applies)."""
    day = timedelta(days=1)
    short = {
        "id": "a-short",
        "title_zh": "支付宝单笔限额下调",
        "title_en": "Lower Alipay limit per payment",
        "body_zh": "单笔限额下调至 2 万元。",
        "body_en": "The limit per payment drops to ¥20,000.",
        "published_at": now - day,
        "opinion_opens_at": now - day,
        "opinion_closes_at": now + 2 * day + timedelta(hours=5),
        "effective_at": now + 3 * day,
        "affects_platforms": ["tmall"],
        "affects_methods": ["alipay"],
    }
    return [*default_announcements(now), short]


def build_ctx(tmp_path: Path, *, lang: str = "en", now: datetime = FIXED_NOW, **populate: Any) -> UiContext:
    """A UiContext over a fresh test DB; call ``ctx.tasks.shutdown()`` when done."""
    populate.setdefault("stores", STORES)
    populate.setdefault("announcements", announcements(now))
    path = make_db(tmp_path, now=now, **populate)

    def clock() -> datetime:
        return now

    tasks = TaskRunner(lambda: open_database(path), make_service=lambda db: ConsoleService(db, clock=clock))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(tmp_path, ConsoleService(open_database(path), clock=clock), tasks, settings, lang,
                     clock=clock)


def build_qm(tmp_path: Path) -> Path:
    """Compile views_zh_CN.ts to a .qm in tmp_path (tests do not depend on ``make translations``)."""
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    qm = tmp_path / "views_zh_CN.qm"
    subprocess.run([lrelease, "-silent", str(VIEWS_TS), "-qm", str(qm)], check=True)
    return qm


@contextmanager
def chinese(ctx: UiContext, tmp_path: Path) -> Iterator[None]:
    """Switch the UI to zh_CN as the app does: translator installed (LanguageChange), ctx.lang set."""
    translator = QTranslator()
    assert translator.load(str(build_qm(tmp_path)))
    app = QCoreApplication.instance()
    assert app is not None
    ctx.lang = "zh_CN"
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
        ctx.lang = "en"


def keep_none_alive() -> None:
    """Work around PySide6 6.12 on Python 3.11 dropping a None reference per void Qt call.

    Without it a long test session dies with "deallocating None" (see docs/TEAM-NOTES.md). On
    3.12+ None is immortal and this does nothing. Remove once the venv is on 3.12 or the suite's
    conftest applies it.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 39:
        refcount.value += 1 << 40
