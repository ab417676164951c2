"""Run the stub platform in a child process on loopback, for the app's start-up and for tests.

A child process (not a thread) keeps the server's event loop, SQLite writes and any fault
injection out of the GUI process. The child is told to exit when our stdin pipe closes and
when our pid goes away, so it never outlives a crashed parent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

READY_PREFIX = "STUB READY "  # printed by console.platform.stub.server once listening
CREDENTIALS_FILE = "demo-credentials.json"


@dataclass(frozen=True)
class StubCredentials:
    merchant_id: str
    app_key: str
    app_secret: str


#: Seconds to wait before each restart attempt after the demo platform died (the last repeats).
RESTART_BACKOFF_S: tuple[float, ...] = (0.0, 2.0, 5.0, 15.0, 30.0)
#: Failed restarts in a row after which we stop trying and the merchant is told.
MAX_RESTARTS = 5


class Health(StrEnum):
    """What ``EmbeddedPlatform.keep_alive`` found."""

    RUNNING = "running"  # it was alive
    RESTARTED = "restarted"  # it had died and is back, at the same address
    WAITING = "waiting"  # dead; the next attempt is not due yet (backoff)
    GAVE_UP = "gave_up"  # dead; MAX_RESTARTS attempts failed: only a restart of the app helps
    STOPPED = "stopped"  # stopped on purpose (the app is closing): never restarted


class EmbeddedPlatformError(RuntimeError):
    """The child did not come up (or died); the message carries its last output."""


def _default_command() -> list[str]:
    if getattr(sys, "frozen", False):  # a PyInstaller build: main.py's stub-server sub-command
        return [sys.executable, "stub-server"]
    return [sys.executable, "-m", "console.platform.stub"]


class EmbeddedPlatform:
    """A stub platform server in a child process; use as a context manager or start()/stop()."""

    def __init__(
        self,
        data_dir: str | Path,
        *,
        seed: str | None = "demo",
        admin: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
        review_delay_s: int | None = None,
        startup_timeout: float = 30.0,
        extra_args: list[str] | None = None,
        command: list[str] | None = None,
        restart_backoff_s: tuple[float, ...] = RESTART_BACKOFF_S,
        max_restarts: int = MAX_RESTARTS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """``restart_backoff_s``, ``max_restarts`` and ``monotonic`` drive ``keep_alive``; tests
        inject their own so no test waits on the real backoff."""
        self.data_dir = Path(data_dir).resolve()  # the child runs with another cwd
        self.seed = seed
        self.admin = admin
        self.host = host
        self.port = port
        self.review_delay_s = review_delay_s
        self.startup_timeout = startup_timeout
        self.extra_args = list(extra_args or [])
        self.command = command or _default_command()
        self._proc: subprocess.Popen[str] | None = None
        self._url: str | None = None
        self._credentials: StubCredentials | None = None
        self._ready = threading.Event()
        self._output: deque[str] = deque(maxlen=200)
        self._restart_backoff_s = tuple(restart_backoff_s) or (0.0,)
        self._max_restarts = max_restarts
        self._monotonic = monotonic
        self._failed_restarts = 0
        self._next_restart_at: float | None = None
        self._wanted = False  # started and not stopped on purpose: keep_alive may restart it
        self.last_error: str | None = None  # why the last restart failed (English, for the log)

    # -- public -----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._url is None:
            raise EmbeddedPlatformError("the stub platform is not running")
        return self._url

    @property
    def credentials(self) -> StubCredentials:
        if self._credentials is None:
            raise EmbeddedPlatformError("no seeded merchant: start with a seed")
        return self._credentials

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def is_running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def gave_up(self) -> bool:
        return self._failed_restarts >= self._max_restarts

    def reset_restarts(self) -> None:
        """Try again now, as if no restart had failed (the merchant pressed the button)."""
        self._failed_restarts = 0
        self._next_restart_at = None

    def keep_alive(self) -> Health:
        """Restart the demo platform if it died, with backoff; call it from the net lane.

        It comes back on the same port (the app's client keeps its address) with the same data
        folder, so the merchant's demo stores and the cursor stay valid. After ``max_restarts``
        failures in a row it stops trying: the status bar says the demo platform stopped and
        that restarting the app is the way forward.
        """
        if self.is_running():
            return Health.RUNNING
        if not self._wanted:
            return Health.STOPPED
        if self.gave_up:
            return Health.GAVE_UP
        now = self._monotonic()
        if self._next_restart_at is None:
            self._next_restart_at = now + self._restart_backoff_s[0]
        if now < self._next_restart_at:
            return Health.WAITING
        self._shutdown()  # reap the dead child and close its pipe
        try:
            self.start()
        except (EmbeddedPlatformError, OSError) as exc:
            self._failed_restarts += 1
            self.last_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            step = min(self._failed_restarts, len(self._restart_backoff_s) - 1)
            self._next_restart_at = self._monotonic() + self._restart_backoff_s[step]
            return Health.GAVE_UP if self.gave_up else Health.WAITING
        self._failed_restarts = 0
        self._next_restart_at = None
        self.last_error = None
        return Health.RESTARTED

    def start(self) -> EmbeddedPlatform:
        """Spawn the child, wait for its READY line and a healthy /v1/health, read credentials."""
        if self.is_running():
            return self
        self._wanted = True
        self.data_dir.mkdir(parents=True, exist_ok=True)
        args = [
            *self.command,
            "--host",
            self.host,
            "--port",
            str(self.port),
            "--data",
            str(self.data_dir),
            "--watch-stdin",
            "--parent-pid",
            str(os.getpid()),
            "--no-access-log",
            "--log-level",
            "warning",
        ]
        if self.seed:
            args += ["--seed", self.seed]
        if self.admin:
            args.append("--admin")
        if self.review_delay_s is not None:
            args += ["--review-delay", str(self.review_delay_s)]
        args += self.extra_args
        env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
        root = str(Path(__file__).resolve().parents[3])  # the directory holding the console package
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self._ready.clear()
        self._url = None
        self._proc = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            cwd=root,
        )
        threading.Thread(target=self._pump, args=(self._proc,), name="stub-output", daemon=True).start()
        deadline = time.monotonic() + self.startup_timeout
        try:
            self._wait_ready(deadline)
            self._wait_healthy(deadline)
            if self.seed:
                self._credentials = self._read_credentials()
        except BaseException:
            self._shutdown()
            raise
        # a restart comes back at the same address: the app's client keeps working
        self.port = urlsplit(self.url).port or self.port
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close the child's stdin (it shuts down cleanly), then terminate, then kill. On purpose:
        ``keep_alive`` will not bring it back."""
        self._wanted = False
        self._shutdown(timeout)

    def _shutdown(self, timeout: float = 5.0) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin is not None:
                proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout)
        if proc.stdout is not None:
            proc.stdout.close()

    def output(self) -> str:
        """The child's recent output lines (for diagnostics)."""
        return "\n".join(self._output)

    def __enter__(self) -> EmbeddedPlatform:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- internals --------------------------------------------------------------------------

    def _pump(self, proc: subprocess.Popen[str]) -> None:
        """Read the child's output for its whole life (a full pipe would block it)."""
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                line = line.rstrip("\n")
                if line.startswith("STUB MERCHANT"):
                    line = line.split(" app_secret=")[0] + " app_secret=***"  # keep secrets out of logs
                self._output.append(line)
                if line.startswith(READY_PREFIX) and not self._ready.is_set():
                    self._url = line[len(READY_PREFIX) :].strip()
                    self._ready.set()
        except (OSError, ValueError):
            pass

    def _wait_ready(self, deadline: float) -> None:
        proc = self._proc
        assert proc is not None
        # polled with sleeps, not ``Event.wait(timeout)``: a timed wait on a lock never times out
        # when the clock is moved by libfaketime (as CI does), so a child that died before its
        # READY line hung here instead of being reported
        while not self._ready.is_set():
            if proc.poll() is not None:
                if self._ready.is_set():
                    break
                raise EmbeddedPlatformError(f"stub platform exited with {proc.returncode}:\n{self.output()}")
            if time.monotonic() > deadline:
                raise EmbeddedPlatformError(f"stub platform did not start in time:\n{self.output()}")
            time.sleep(0.05)

    def _wait_healthy(self, deadline: float) -> None:
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/v1/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise EmbeddedPlatformError(f"stub platform never answered /v1/health:\n{self.output()}")
            time.sleep(0.05)

    def _read_credentials(self) -> StubCredentials:
        data = json.loads((self.data_dir / CREDENTIALS_FILE).read_text(encoding="utf-8"))
        return StubCredentials(str(data["merchant_id"]), str(data["app_key"]), str(data["app_secret"]))
