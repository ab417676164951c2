"""Render the README's screenshots: every main view in Chinese and English, from demo data.

    .venv/bin/python tools/screenshots.py [OUT_DIR]      (default docs/screenshots)

Each shot is ``main.py --screenshot`` (offscreen, 1280x800) against one fresh data folder: a first
shot pulls the demo platform's data, then two changes are made from the command line and left
waiting to sync (the screenshot mode does not sync a folder that has data), so the stores list,
the pending view and the activity log show what a merchant sees between two syncs.

The notification list (``news-*.png``) is shot from a second folder whose demo platform clock was
moved on four days (``main.py demo advance 4d``, which syncs): reviews finish, a launch date
passes and a deadline comes within a day, so the list has what a merchant would find.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VIEWS = ("stores", "store", "checkout", "announcements", "activity", "pending", "settings", "demo")
LANGS = ("zh_CN", "en")


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="default.warning=false")
    with tempfile.TemporaryDirectory(prefix="mc-shots-") as data:
        main_py = [sys.executable, str(ROOT / "main.py"), "--data-dir", data]
        first = [*main_py, "--screenshot", str(Path(data) / "first.png"), "--view", "stores"]
        subprocess.run(first, env=env, cwd=ROOT, check=True, capture_output=True, timeout=180)
        for change in (["tb-000007", "wechat_pay", "on"], ["tm-000002", "alipay", "off"]):
            cmd = [*main_py, "set-method", *change]
            subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
        for view in VIEWS:
            for lang in LANGS:
                png = out / f"{view}-{lang}.png"
                cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", data, "--screenshot", str(png),
                       "--lang", lang, "--view", view]
                result = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
                if result.returncode != 0 or not png.exists():
                    print(result.stderr[-2000:], file=sys.stderr)
                    return 1
                print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
        # one in the dark scheme (the app follows the system; the variable forces it)
        dark = out / "store-zh_CN-dark.png"
        cmd = [*main_py, "--screenshot", str(dark), "--lang", "zh_CN", "--view", "store"]
        subprocess.run(cmd, env=dict(env, MERCHANT_CONSOLE_THEME="dark"), cwd=ROOT, check=True,
                       capture_output=True, timeout=180)
        print(dark.relative_to(ROOT) if dark.is_relative_to(ROOT) else dark)
    with tempfile.TemporaryDirectory(prefix="mc-news-") as data:
        main_py = [sys.executable, str(ROOT / "main.py"), "--data-dir", data]
        first = [*main_py, "--screenshot", str(Path(data) / "first.png"), "--view", "stores"]
        subprocess.run(first, env=env, cwd=ROOT, check=True, capture_output=True, timeout=180)
        subprocess.run([*main_py, "demo", "advance", "4d"], env=env, cwd=ROOT, check=True,
                       capture_output=True, timeout=180)
        for lang in LANGS:
            png = out / f"news-{lang}.png"
            cmd = [*main_py, "--screenshot", str(png), "--lang", lang, "--view", "news"]
            subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True, timeout=180)
            print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
