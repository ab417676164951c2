"""Settings says which platform is really in use, wherever the choice came from (issue #12)."""

from __future__ import annotations

from typing import Any

import pytest

from console.wiring.connection import Connection


def _connection(source: Any, secret_source: Any, url: str = "https://open.example.com") -> Connection:
    return Connection(url, "key-1", "not-shown", source=source, secret_source=secret_source)


@pytest.mark.parametrize(
    ("connection", "en", "zh"),
    [
        (None, "Connecting to the platform…", "正在连接平台…"),
        (_connection("embedded", "embedded", "http://127.0.0.1:5"), "the demo platform", "演示平台"),
        (
            _connection("args", "env"),
            "In use: https://open.example.com (from --platform on the command line) "
            "The app secret comes from the environment",
            "来自命令行 --platform",
        ),
        (
            _connection("config", "keyring"),
            "In use: https://open.example.com (from the settings)",
            "来自设置",
        ),
    ],
)
def test_settings_shows_the_platform_in_use(
    qtbot: Any, ui_ctx: Any, connection: Any, en: str, zh: str
) -> None:
    from console.ui.views.settings import SettingsView

    view = SettingsView(ui_ctx)
    qtbot.addWidget(view)
    view.show()
    view.show_platform_in_use(connection)
    assert en in view.platform_in_use.text() and "not-shown" not in view.platform_in_use.text()
    ui_ctx.lang = "zh_CN"
    view.retranslateUi()
    assert zh in view.platform_in_use.text()
