"""What the window's first paint does not wait for (issue #14), checked from outside the process.

The first paint shows the menus, the sidebar, the status bar and the stores page's frame; the
stores page itself, the domain model, the service and the network come after it. ``python -X
importtime`` lists every import in order on stderr and the app prints ``FIRST_PAINT`` on stdout
(one pipe for both, so the order is the order of events): anything below imported before that
line is a module a merchant waits for before seeing the window. Timing is never asserted here
(``make bench`` measures it); which modules load is the same on any machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.cases.startup import HEAVY_PREFIXES
from tests.helpers.factories import make_db

ROOT = Path(__file__).resolve().parents[2]

#: Not before the first paint: the stores page and what only it needs, the domain core, the
#: service and storage library, the network, the embedded platform's server stack (the list
#: ``make bench`` also reports on).
AFTER_THE_FIRST_PAINT = HEAVY_PREFIXES


def modules_before_first_paint(data_dir: Path) -> list[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        MERCHANT_CONSOLE_REPORT_FIRST_PAINT="1",
        MERCHANT_CONSOLE_QUIT_AFTER_PAINT="1",
    )
    cmd = [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--data-dir", str(data_dir)]
    out = subprocess.run(
        cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120
    ).stdout
    names: list[str] = []
    for line in out.splitlines():
        if line.startswith("FIRST_PAINT"):
            return names
        if line.startswith("import time:") and "|" in line:
            names.append(line.rsplit("|", 1)[1].strip())
    raise AssertionError(f"the window never reported its first paint:\n{out[-2000:]}")


def test_the_first_paint_waits_for_no_page_core_or_network(tmp_path: Path) -> None:
    make_db(tmp_path, stores=12)
    before = modules_before_first_paint(tmp_path)
    assert "console.ui.main_window" in before  # the window itself is there: the check is live
    early = [m for m in before if m.startswith(AFTER_THE_FIRST_PAINT)]
    assert early == [], f"imported before the window's first paint: {early}"
