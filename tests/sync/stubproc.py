"""The real stub platform as a child process, for sync and client tests.

Tests talk to it over loopback exactly as the app does; the admin API (``--admin``) moves its
clock, finishes reviews, injects faults and dumps a merchant's state for comparison.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from console.core.timeutil import utcnow
from console.platform.client import PlatformClient

ROOT = Path(__file__).resolve().parents[2]
READY_RE = re.compile(r"STUB READY (http://\S+)")
MERCHANT_RE = re.compile(r"STUB MERCHANT (\S+) app_key=(\S+) app_secret=(\S+)")


@dataclass(frozen=True)
class MerchantCreds:
    merchant_id: str
    app_key: str
    app_secret: str

    def __repr__(self) -> str:
        return f"MerchantCreds({self.merchant_id!r})"


class StubProcess:
    """``python -m console.platform.stub`` on a free loopback port; restarts keep the port."""

    def __init__(self, data_dir: Path, *, seed: str = "demo", review_delay: int = 120) -> None:
        self.data_dir = data_dir
        self.seed = seed
        self.review_delay = review_delay
        self.port = 0
        self.url = ""
        self.demo: MerchantCreds | None = None
        self.offset = timedelta(0)  # server clock minus real time
        self._proc: subprocess.Popen[str] | None = None
        self._lines: list[str] = []

    # -- life cycle ----------------------------------------------------------------------
    def start(self, timeout: float = 30.0) -> StubProcess:
        cmd = [
            sys.executable,
            "-m",
            "console.platform.stub",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--data",
            str(self.data_dir),
            "--seed",
            self.seed,
            "--admin",
            "--no-access-log",
            "--log-level",
            "warning",
            "--review-delay",
            str(self.review_delay),
            "--parent-pid",
            str(os.getpid()),
        ]
        deadline = time.monotonic() + timeout
        while True:  # the port of a just-stopped server may still be busy for a moment
            self._proc = subprocess.Popen(
                cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
            )
            url = self._wait_ready(deadline)
            if url:
                break
            self._proc.wait(timeout=5)
            if time.monotonic() > deadline:
                raise RuntimeError("stub did not start:\n" + "".join(self._lines[-30:]))
            time.sleep(0.2)
        self.url = url
        self.port = int(url.rsplit(":", 1)[1])
        threading.Thread(target=self._drain, args=(self._proc,), daemon=True).start()
        self.refresh_offset()
        return self

    def _wait_ready(self, deadline: float) -> str | None:
        assert self._proc is not None and self._proc.stdout is not None
        while time.monotonic() < deadline:
            line = self._proc.stdout.readline()
            if not line:
                return None  # exited
            self._lines.append(line)
            if m := MERCHANT_RE.search(line):
                self.demo = MerchantCreds(m.group(1), m.group(2), m.group(3))
            if m := READY_RE.search(line):
                return m.group(1)
        return None

    def _drain(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            self._lines.append(line)
            del self._lines[:-200]

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None

    def kill(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    # -- admin ---------------------------------------------------------------------------
    def admin(self, method: str, path: str, json: Any = None) -> Any:
        resp = httpx.request(method, self.url + path, json=json, timeout=30, trust_env=False)
        if resp.status_code >= 400:
            raise AssertionError(f"admin {method} {path}: {resp.status_code} {resp.text}")
        return resp.json() if resp.content else None

    def new_merchant(self, stores: int = 10, name: str = "Test Merchant") -> MerchantCreds:
        data = self.admin("POST", "/admin/merchants", {"name": name, "stores": stores})
        return MerchantCreds(data["merchant_id"], data["app_key"], data["app_secret"])

    def refresh_offset(self) -> None:
        data = self.admin("GET", "/admin/clock")
        self.offset = timedelta(seconds=float(data["offset_seconds"]))

    def clock(self) -> datetime:
        """Real time shifted like the server's clock: what a client with a correct clock sees."""
        return utcnow() + self.offset

    def advance(self, seconds: float) -> None:
        self.admin("POST", "/admin/clock/advance", {"seconds": seconds})
        self.refresh_offset()

    def fault(self, **rule: Any) -> None:
        self.admin("PUT", "/admin/faults", rule)

    def clear_faults(self) -> None:
        self.admin("DELETE", "/admin/faults")

    def state(self, merchant_id: str) -> dict[str, Any]:
        return dict(self.admin("GET", f"/admin/state/{merchant_id}"))

    def client(self, creds: MerchantCreds, **kwargs: Any) -> PlatformClient:
        # requests are signed with the PC clock: the platform checks them against real time,
        # never its movable business clock (issue #10)
        clock: Callable[[], datetime] = kwargs.pop("clock", utcnow)
        kwargs.setdefault("timeout", 10.0)
        kwargs.setdefault("total_timeout", 20.0)
        return PlatformClient(self.url, creds.app_key, creds.app_secret, clock=clock, **kwargs)

    def log_tail(self) -> str:
        return "".join(self._lines[-50:])
