"""Shared data and helpers of the view tests (checkout, announcements, activity).

The views run on the app's own context (``ui_ctx`` in tests/ui/conftest.py: the real
ConsoleService and TaskRunner lanes with their own connections, clock fixed at FIXED_NOW); the
test modules only choose what the local test DB holds by overriding ``ui_data_dir`` with
``make_view_db``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.ui.context import UiContext
from console.ui.i18n import Translations
from tests.helpers.factories import FIXED_NOW, StoreSpec, default_announcements, make_db

STORES = [
    StoreSpec("tb-000001", name="Lakeside Tea House", wechat="live"),
    StoreSpec("tm-000002", platform="tmall", name="北岸家居旗舰店", wechat="in_review"),
    StoreSpec("tb-000003", name="Pine Needle Crafts"),  # WeChat Pay not invited
]


def announcements(now: datetime = FIXED_NOW) -> list[dict[str, Any]]:
    """The factory's three plus one published with too little notice (3 days before it applies)."""
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


def make_view_db(tmp_path: Path, stores: list[StoreSpec] | None = None) -> Path:
    """The view tests' database in ``tmp_path`` (the data dir ``ui_ctx`` opens)."""
    make_db(tmp_path, stores=STORES if stores is None else stores, announcements=announcements())
    return tmp_path


@contextmanager
def chinese(ctx: UiContext) -> Iterator[None]:
    """Switch to zh_CN as the app does (app.set_language): every built *_zh_CN.qm installed,
    LanguageChange to every widget, ``language_changed`` emitted; English again afterwards."""
    app = QCoreApplication.instance()
    assert app is not None
    translations = Translations()
    ctx.lang = "zh_CN"
    loaded = translations.apply(app, "zh_CN")
    assert "console_zh_CN.qm" in loaded
    ctx.events.language_changed.emit("zh_CN")
    try:
        yield
    finally:
        ctx.lang = "en"
        translations.apply(app, "en")
        ctx.events.language_changed.emit("en")
