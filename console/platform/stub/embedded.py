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
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

READY_PREFIX = "STUB READY "  # printed by console.platform.stub.server once listening
CREDENTIALS_FILE = "demo-credentials.json"


@dataclass(frozen=True)
class StubCredentials:
    merchant_id: str
    app_key: str
    app_secret: str


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
    ) -> None:
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

    def start(self) -> EmbeddedPlatform:
        """Spawn the child, wait for its READY line and a healthy /v1/health, read credentials."""
        if self.is_running():
            return self
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
            self.stop()
            raise
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close the child's stdin (it shuts down cleanly), then terminate, then kill."""
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
        while not self._ready.wait(0.05):
            if proc.poll() is not None:
                raise EmbeddedPlatformError(f"stub platform exited with {proc.returncode}:\n{self.output()}")
            if time.monotonic() > deadline:
                raise EmbeddedPlatformError(f"stub platform did not start in time:\n{self.output()}")

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
