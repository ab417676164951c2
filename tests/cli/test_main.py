"""main.py as a real process: start-up cost, the no-display line, a command end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.core.clock import ENV_NOW
from console.core.timeutil import format_ts
from tests.helpers.factories import FIXED_NOW, StoreSpec, make_db

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"


def run_main(
    *argv: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    # The app's clock at the fixtures' date, whatever the machine's date (console/core/clock.py).
    base.update({"LANG": "en_US.UTF-8", "TZ": "UTC", "PYTHONPATH": str(ROOT), ENV_NOW: format_ts(FIXED_NOW)})
    base.update(env or {})
    return subprocess.run(
        [sys.executable, str(MAIN), *argv],
        capture_output=True,
        text=True,
        env=base,
        cwd=cwd or ROOT,
        timeout=60,
    )


def test_version() -> None:
    done = run_main("--version")
    assert done.returncode == 0 and done.stdout.strip() == "merchant-console 0.1.0"


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="only X11/Wayland systems can lack a display"
)
def test_no_display_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    done = run_main("--data-dir", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr == (
        "No display found: run this on a desktop, or set QT_QPA_PLATFORM=offscreen for a headless check "
        "(see README).\n"
    )
    assert done.stdout == ""
    assert not (tmp_path / "console.db").exists()  # nothing was opened


def test_a_command_end_to_end_with_the_data_dir_from_the_environment(tmp_path: Path) -> None:
    make_db(tmp_path, stores=[StoreSpec("tb-1"), StoreSpec("tb-2", wechat="invited")])
    env = {"MERCHANT_CONSOLE_DATA_DIR": str(tmp_path), "LANG": "zh_CN.UTF-8"}
    done = run_main("set-method", "tb-1", "alipay", "off", env=env)
    assert done.returncode == 3 and "不能修改 tb-1 支付宝" in done.stderr
    done = run_main("--json", "set-method", "tb-2", "wechat_pay", "on", env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["outcome"] == "queued"
    done = run_main("pending", "--json", env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["count"] == 1


def test_bad_usage_exits_2() -> None:
    done = run_main("set-method")
    assert done.returncode == 2 and "usage:" in done.stderr


def test_startup_imports_stay_light() -> None:
    """--version must not pay for Qt, sqlite-utils, platformdirs or httpx."""
    code = "\n".join(
        [
            "import runpy, sys",
            f"sys.argv = [{str(MAIN)!r}, '--version']",
            "try:",
            "    runpy.run_path(sys.argv[0], run_name='__main__')",
            "except SystemExit:",
            "    pass",
            "heavy = [m for m in ('PySide6', 'sqlite_utils', 'platformdirs', 'httpx') if m in sys.modules]",
            "print('HEAVY:' + ','.join(heavy))",
        ]
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert "merchant-console 0.1.0" in done.stdout
    assert "HEAVY:\n" in done.stdout, done.stdout + done.stderr


def test_core_storage_service_and_cli_import_no_qt() -> None:
    code = (
        "import sys\n"
        "import console.core.rules, console.core.checkout, console.core.money, console.storage.repo\n"
        "import console.service, console.cli, console.words, console.wiring.paths\n"
        "from console.cli import main\n"
        "main(['--version'])\n"
    )
    check = code + "print('PySide6' in sys.modules)\n"
    done = subprocess.run(
        [sys.executable, "-c", check],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.stdout.strip().splitlines()[-1] == "False", done.stdout + done.stderr
