"""A completely full disk, for real and without root: the CLI runs in a child process whose
files cannot grow at all (``RLIMIT_FSIZE`` = 0, the kernel answers EFBIG as it answers ENOSPC
on a full drive). SQLite cannot even create its shared-memory file, so reading fails too: the
merchant reads the drive's problem in one sentence, never "damaged", never a traceback (not
even the one ``logging`` prints when the log itself cannot be written), and nothing changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults.faults import snapshot

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")

CHILD = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed, like ENOSPC
resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
from console.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_on_full_disk(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "LANG": "en_US.UTF-8"}
    return subprocess.run(
        [sys.executable, "-c", CHILD, *argv], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "The drive reported an error while reading or writing"),
        ("zh_CN", "时磁盘出错"),
    ],
)
@pytest.mark.parametrize("command", [["set-method", "tb-3", "wechat_pay", "off"], ["stores"]])
def test_a_completely_full_disk(data_dir: Path, lang: str, words: str, command: list[str]) -> None:
    database = data_dir / "console.db"
    before = snapshot(database)
    done = run_on_full_disk("--data-dir", str(data_dir), "--lang", lang, *command)
    assert done.returncode == 1
    assert words in done.stderr and str(database) in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr + done.stdout
    assert "damaged" not in done.stderr and "损坏" not in done.stderr
    assert snapshot(database) == before
