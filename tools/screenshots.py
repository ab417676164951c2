"""Render the README's screenshots: every main view in Chinese and English, from demo data.

    .venv/bin/python tools/screenshots.py [OUT_DIR]      (default docs/screenshots)

Each shot is ``main.py --screenshot`` (offscreen, 1280x800) against one fresh data folder whose
first shot pulls the demo platform's data, so all views show the same merchant.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VIEWS = ("stores", "store", "checkout", "announcements", "activity", "pending", "settings")
LANGS = ("zh_CN", "en")


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="default.warning=false")
    with tempfile.TemporaryDirectory(prefix="mc-shots-") as data:
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
