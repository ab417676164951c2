"""Render the screenshots: every page at 1024x700 and 1920x1080, in Chinese and English.

    .venv/bin/python tools/screenshots.py [OUT_DIR] [--sizes 1024x700,1920x1080] [--pages stores,store]

Files are named ``PAGE-LANG-WxH.png`` (``stores-zh_CN-1024x700.png``), plus one page in the dark
scheme. Run under Xvfb (``xvfb-run``) or headless: without a display the Qt platform is
"offscreen". Each shot is ``main.py --screenshot`` against one fresh data folder: a first shot
pulls the demo platform's data, then two changes are made from the command line and left
waiting to sync (the screenshot mode does not sync a folder that has data), so the stores list,
the pending page and the activity log show what a merchant sees between two syncs.

Look at every picture after UI work (tests/ui/test_layouts.py checks cut labels, not taste).

The notification list (``news-*.png``) is shot from a second folder whose demo platform clock was
moved on four days (``main.py demo advance 4d``, which syncs): reviews finish, a launch date
passes and a deadline comes within a day, so the list has what a merchant would find.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from console.ui.main_window import VIEW_NAMES  # noqa: E402  (the pages, in the View menu's order)

LANGS = ("zh_CN", "en")
SIZES = ("1024x700", "1920x1080")


def shot(data: str, png: Path, view: str, lang: str, size: str, env: dict[str, str]) -> None:
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", data, "--screenshot", str(png),
           "--lang", lang, "--view", view]
    run_env = dict(env, MERCHANT_CONSOLE_SCREENSHOT_SIZE=size)
    result = subprocess.run(cmd, env=run_env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    if result.returncode != 0 or not png.exists():
        sys.exit(f"{png.name}: main.py --screenshot failed\n{result.stderr[-2000:]}")
    print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--pages", default=",".join(VIEW_NAMES))
    parser.add_argument("--langs", default=",".join(LANGS))
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_LOGGING_RULES="default.warning=false")
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="mc-shots-") as data:
        main_py = [sys.executable, str(ROOT / "main.py"), "--data-dir", data]
        first = [*main_py, "--screenshot", str(Path(data) / "first.png"), "--view", "stores"]
        subprocess.run(first, env=env, cwd=ROOT, check=True, capture_output=True, timeout=180)
        for change in (["tb-000007", "wechat_pay", "on"], ["tm-000002", "alipay", "off"]):
            cmd = [*main_py, "set-method", *change]
            subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
        for size in args.sizes.split(","):
            for view in args.pages.split(","):
                for lang in args.langs.split(",") if view != "news" else ():  # news: below
                    shot(data, out / f"{view}-{lang}-{size}.png", view, lang, size, env)
        # one in the dark scheme (the app follows the system; the variable forces it)
        dark_env = dict(env, MERCHANT_CONSOLE_THEME="dark")
        shot(data, out / "store-zh_CN-dark-1024x700.png", "store", "zh_CN", "1024x700", dark_env)
    with tempfile.TemporaryDirectory(prefix="mc-news-") as data:
        main_py = [sys.executable, str(ROOT / "main.py"), "--data-dir", data]
        first = [*main_py, "--screenshot", str(Path(data) / "first.png"), "--view", "stores"]
        subprocess.run(first, env=env, cwd=ROOT, check=True, capture_output=True, timeout=180)
        subprocess.run([*main_py, "demo", "advance", "4d"], env=env, cwd=ROOT, check=True,
                       capture_output=True, timeout=180)
        if "news" in args.pages.split(","):
            for size in args.sizes.split(","):
                for lang in args.langs.split(","):
                    shot(data, out / f"news-{lang}-{size}.png", "news", lang, size, env)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
