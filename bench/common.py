"""Shared pieces: result rows, statistics, spawning GUI children, the stub server, signing.

Conventions:

* ``RUNS`` measured runs after ``WARMUPS`` warm-up runs; a figure is the median of the runs, and
  its min/max are shown so the spread is visible.
* Figures beside a baseline are interleaved with it (app, baseline, app, baseline …) so the
  machine's noise hits both alike, and the ratio of the two medians is what is judged.
* Everything that is started (children, the stub server) listens on 127.0.0.1 only, is bounded
  by a timeout, and is stopped before the case returns.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
RUNS = 5
WARMUPS = 1
FRAME_MS = 16.0  # one frame at 60 Hz
CHILD_TIMEOUT_S = 120.0

#: Environment of every GUI child: offscreen, quiet, and the app's start-up contract.
GUI_ENV = {
    "QT_QPA_PLATFORM": "offscreen",
    "QT_LOGGING_RULES": "default.warning=false",
    "MERCHANT_CONSOLE_REPORT_FIRST_PAINT": "1",
    "PYTHONDONTWRITEBYTECODE": "",  # .pyc files are written (by the warm-up) like on any install
}


# -- rows ----------------------------------------------------------------------------------------
@dataclass
class Row:
    """One line of the table and one object of bench-results.json."""

    name: str
    unit: str
    median: float | None
    min: float | None
    max: float | None
    baseline: float | None
    ratio: float | None
    target: str
    met: bool | None
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        def r(v: float | None) -> float | None:
            return None if v is None else round(v, 3)

        out: dict[str, Any] = {
            "name": self.name,
            "unit": self.unit,
            "median": r(self.median),
            "min": r(self.min),
            "max": r(self.max),
            "baseline": r(self.baseline),
            "ratio": r(self.ratio),
            "target": self.target,
            "met": self.met,
        }
        if self.note:
            out["note"] = self.note
        return out


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def ratio_row(
    name: str,
    unit: str,
    values: Sequence[float],
    base_values: Sequence[float],
    max_ratio: float,
    note: str = "",
) -> Row:
    """figure / baseline medians; met when the ratio is at most ``max_ratio``."""
    m, b = median(values), median(base_values)
    ratio = m / b if b else None
    return Row(
        name,
        unit,
        m,
        min(values),
        max(values),
        b,
        ratio,
        f"ratio ≤ {max_ratio:g}",
        None if ratio is None else ratio <= max_ratio,
        note,
    )


def plus_row(
    name: str,
    unit: str,
    values: Sequence[float],
    base_values: Sequence[float],
    allowance: float,
    note: str = "",
) -> Row:
    """figure ≤ baseline + allowance (memory)."""
    m, b = median(values), median(base_values)
    return Row(
        name,
        unit,
        m,
        min(values),
        max(values),
        b,
        m / b if b else None,
        f"≤ baseline + {allowance:g} {unit}",
        m <= b + allowance,
        note,
    )


def absolute_row(
    name: str, unit: str, values: Sequence[float], baseline: float, limit: float, note: str = ""
) -> Row:
    """median ≤ limit, shown against a fixed yardstick (one frame)."""
    m = median(values)
    return Row(
        name,
        unit,
        m,
        min(values),
        max(values),
        baseline,
        m / baseline,
        f"median ≤ {limit:g} {unit}",
        m <= limit,
        note,
    )


def info_row(name: str, unit: str, values: Sequence[float], note: str = "", target: str = "report") -> Row:
    return Row(name, unit, median(values), min(values), max(values), None, None, target, None, note)


def skip_row(name: str, unit: str, target: str, why: str) -> Row:
    return Row(name, unit, None, None, None, None, None, target, None, why)


def failed_row(name: str, exc: BaseException) -> Row:
    return Row(
        name, "", None, None, None, None, None, "—", False, f"FAILED: {type(exc).__name__}: {exc}"[:300]
    )


# -- context shared by the cases -------------------------------------------------------------------
@dataclass
class Context:
    tmp: Path
    runs: int = RUNS
    warmups: int = WARMUPS
    load_seconds: float = 30.0
    facts: dict[str, Any] = field(default_factory=dict)  # what one case measured for another

    def log(self, msg: str) -> None:
        print(f"  · {msg}", file=sys.stderr, flush=True)


# -- children -------------------------------------------------------------------------------------
#: Start-up marks a child may print as ``KEY <ms since its process started>``; the parent notes
#: when it read each (the app's contract, console/ui/app.py).
MARKS = ("FIRST_PAINT", "STORES_VISIBLE")


@dataclass
class ChildRun:
    wall_ms: float | None  # spawn → the FIRST_PAINT line read by the parent
    self_ms: float | None  # what the child printed (ms since its process started)
    maxrss_kb: int  # peak RSS of the child and its waited-for descendants (wait4)
    lines: list[str]
    returncode: int
    stderr: str
    marks: dict[str, float] = field(default_factory=dict)  # MARKS key → spawn → line read, ms


def run_child(
    cmd: Sequence[str], env: dict[str, str] | None = None, *, timeout: float = CHILD_TIMEOUT_S
) -> ChildRun:
    """Spawn ``cmd``; time spawn → ``FIRST_PAINT`` on its stdout; peak RSS from wait4.

    A watchdog kills the child after ``timeout`` seconds, so a hung window cannot hang the run.
    A child killed by SIGBUS is run once more (said on stderr): on this shared machine that has
    only been seen while another process was replacing files the child had mapped (pip).
    """
    run = _spawn(cmd, env, timeout)
    if run.returncode == -7:
        print(f"  ! {Path(cmd[-1]).name}: killed by SIGBUS, running it once more", file=sys.stderr)
        run = _spawn(cmd, env, timeout)
    return run


_spawner: subprocess.Popen[str] | None = None


def start_spawner() -> None:
    """Start bench/spawner.py now, while this process is small (see that module for why)."""
    global _spawner
    if _spawner is None:
        _spawner = subprocess.Popen(
            [PY, "-m", "bench.spawner"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
        )


def stop_spawner() -> None:
    global _spawner
    proc, _spawner = _spawner, None
    if proc is None:
        return
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.close()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    proc.stdout.close()


def _spawn(cmd: Sequence[str], env: dict[str, str] | None, timeout: float) -> ChildRun:
    proc = _spawner
    if proc is None or proc.poll() is not None:
        return _run_child_once(cmd, env, timeout)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps({"cmd": list(cmd), "env": env or {}, "timeout": timeout}) + "\n")
    proc.stdin.flush()
    line = proc.stdout.readline()
    if not line:
        raise RuntimeError("the spawner process died")
    answer = json.loads(line)
    if not answer.get("ok"):
        raise RuntimeError(f"spawner: {answer.get('error')}")
    return ChildRun(**answer["run"])


def _run_child_once(cmd: Sequence[str], env: dict[str, str] | None, timeout: float) -> ChildRun:
    full_env = dict(os.environ)
    full_env.update(env or {})
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=err,
            stdin=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.daemon = True
        watchdog.start()
        wall = own = None
        lines: list[str] = []
        marks: dict[str, float] = {}
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                key = line.split(" ", 1)[0]
                if key in MARKS and key not in marks:
                    marks[key] = (time.perf_counter() - t0) * 1000.0
                if wall is None and line.startswith("FIRST_PAINT"):
                    wall = (time.perf_counter() - t0) * 1000.0
                    try:
                        own = float(line.split()[1])
                    except (IndexError, ValueError):
                        own = None
                lines.append(line.rstrip("\n"))
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            watchdog.cancel()
            if proc.returncode is None:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return ChildRun(wall, own, int(usage.ru_maxrss), lines, proc.returncode, stderr[-4000:], marks)


def child_value(run: ChildRun, key: str) -> str | None:
    """The value of a ``KEY value`` line printed by a bench child."""
    for line in run.lines:
        if line.startswith(key + " "):
            return line[len(key) + 1 :]
    return None


def must(run: ChildRun, what: str) -> ChildRun:
    if run.returncode != 0 or run.wall_ms is None:
        tail = "\n".join(run.stderr.strip().splitlines()[-12:])
        raise RuntimeError(f"{what}: exit {run.returncode}, no FIRST_PAINT line\n{tail}")
    return run


def interleave(n: int, *fns: Callable[[], Any]) -> list[list[Any]]:
    """Call fns in turn n times (a, b, a, b …); the results of each fn in a list."""
    out: list[list[Any]] = [[] for _ in fns]
    for _ in range(n):
        for i, fn in enumerate(fns):
            out[i].append(fn())
    return out


def measured(ctx: Context, results: list[Any]) -> list[Any]:
    """Drop the warm-up runs."""
    return results[ctx.warmups :]


# -- the stub platform -----------------------------------------------------------------------------
@contextmanager
def stub_server(
    data_dir: Path, seed: str, *, admin: bool = False, review_delay_s: int | None = None
) -> Iterator[Any]:
    """The real stub platform in a child process on 127.0.0.1 (stopped on exit, and by itself when
    this process dies: --watch-stdin / --parent-pid). ``review_delay_s``: the stub's review time
    (reviews finishing add entries to the change feed while a long case runs)."""
    from console.platform.stub.embedded import EmbeddedPlatform

    platform = EmbeddedPlatform(
        data_dir, seed=seed, admin=admin, startup_timeout=180.0, review_delay_s=review_delay_s
    )
    platform.start()
    try:
        yield platform
    finally:
        platform.stop()


def sign_headers(key: str, secret: str, method: str, path_qs: str, body: bytes = b"") -> dict[str, str]:
    """The contract's request signature (docs/platform-api.md), written out for the bare loops."""
    ts = str(int(time.time()))
    nonce = secrets.token_urlsafe(24)
    msg = "\n".join([method, path_qs, ts, nonce, hashlib.sha256(body).hexdigest()])
    sig = hmac.new(secret.encode(), msg.encode(), hashlib.sha256).hexdigest()
    return {"X-App-Key": key, "X-Timestamp": ts, "X-Nonce": nonce, "X-Signature": sig}


# -- local data -------------------------------------------------------------------------------------
def copy_database(src: Path, dst: Path) -> Path:
    """A consistent copy of a SQLite file (backup API: safe with WAL)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    s = sqlite3.connect(str(src))
    d = sqlite3.connect(str(dst))
    try:
        s.backup(d)
    finally:
        d.close()
        s.close()
    return dst


def app_data_dir(path: Path, db: Path | None) -> Path:
    """A data folder for the GUI: the database, and the welcome dialog already seen."""
    path.mkdir(parents=True, exist_ok=True)
    if db is not None:
        copy_database(db, path / "console.db")
    (path / "ui.ini").write_text("[welcome]\nseen=true\n", encoding="utf-8")
    return path


def sync_into(db_path: Path, url: str, app_key: str, app_secret: str) -> Any:
    """One full sync pass of the real engine into a fresh database (returns its SyncReport)."""
    from console.platform.client import PlatformClient
    from console.storage.db import open_database
    from console.sync.engine import SyncEngine

    db = open_database(db_path)
    try:
        with PlatformClient(url, app_key, app_secret) as client:
            return SyncEngine(db, client).run_once(force=True)
    finally:
        db.conn.close()


def rmtree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
