"""The server as a process: CLI, seeding once per data dir, restart, parent death, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

from console.platform.stub.__main__ import main
from console.platform.stub.embedded import EmbeddedPlatform

from .conftest import Stub, poll


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    return "\nState:\tZ" in status


def test_bad_arguments_exit_2() -> None:
    for argv in (["--seed", "bogus"], ["--seed", "stores:x"], ["--port", "70000"], ["--nope"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2


def test_credentials_file_and_no_reseed_on_restart(tmp_path: Path) -> None:
    with EmbeddedPlatform(tmp_path, seed="demo", admin=True) as platform:
        first = platform.credentials
        path = tmp_path / "demo-credentials.json"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        saved = json.loads(path.read_text())
        assert saved["merchant_id"] == "m-demo" and saved["url"] == platform.url
        state = httpx.get(platform.url + "/admin/state/m-demo").json()
        stores = len(state["entities"]["store"])
        assert "STUB READY" in platform.output() and first.app_secret not in platform.output()
    with EmbeddedPlatform(tmp_path, seed="demo", admin=True) as again:
        assert again.credentials == first
        state_again = httpx.get(again.url + "/admin/state/m-demo").json()
        assert len(state_again["entities"]["store"]) == stores
        assert state_again["entities"] == state["entities"] or state_again["version"] >= state["version"]


def test_stores_seed(tmp_path: Path) -> None:
    with EmbeddedPlatform(tmp_path, seed="stores:35", admin=True) as platform:
        creds = platform.credentials
        assert creds.merchant_id == "m-stores-35"
        state = httpx.get(f"{platform.url}/admin/state/{creds.merchant_id}").json()["entities"]
        assert len(state["store"]) == 35
        assert len(state["method"]) == 70
        assert {i["phase"] for i in state["invitation"].values()} == {1, 2, 3}


def test_is_running_and_stop(tmp_path: Path) -> None:
    platform = EmbeddedPlatform(tmp_path, seed=None)
    assert not platform.is_running()
    with pytest.raises(RuntimeError):
        _ = platform.url
    platform.start()
    pid = platform.pid
    assert platform.is_running() and pid is not None
    assert httpx.get(platform.url + "/v1/health").status_code == 200
    platform.stop()
    assert not platform.is_running()
    assert _gone(pid)
    platform.stop()  # idempotent


def test_child_exits_when_parent_dies(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys, time
        from console.platform.stub.embedded import EmbeddedPlatform
        p = EmbeddedPlatform({str(tmp_path)!r}, seed=None).start()
        print(p.pid, flush=True)
        time.sleep(120)
    """)
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert parent.stdout is not None
    child_pid = int(parent.stdout.readline())
    assert not _gone(child_pid)
    parent.kill()
    parent.wait(5)
    poll(lambda: _gone(child_pid), timeout=10)


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "console.platform.stub",
            "--port",
            "0",
            "--data",
            str(tmp_path),
            "--seed",
            "demo",
            "--admin",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert proc.stdout is not None
    url = ""
    deadline = time.monotonic() + 20
    while not url and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("STUB READY "):
            url = line.split()[2]
    assert url
    assert httpx.get(url + "/v1/health").status_code == 200
    proc.send_signal(signal.SIGINT)
    assert proc.wait(10) == 0
    assert "Traceback" not in (proc.stderr.read() if proc.stderr else "")


def test_serve_in_process_factory(tmp_path: Path) -> None:
    """create_app(config) builds an app without touching globals; two apps do not share state."""
    from console.platform.stub.app import StubConfig, create_app

    one = create_app(StubConfig(tmp_path / "one", admin=True))
    two = create_app(StubConfig(tmp_path / "two"))
    assert one.platform is not two.platform
    assert "/admin/clock" in one.openapi()["paths"] and "/admin/clock" not in two.openapi()["paths"]
    one.platform.store.close()
    two.platform.store.close()


def test_shared_server_state_is_consistent(stub: Stub) -> None:
    demo = stub.demo()
    assert demo.pull_all()[0] == stub.state("m-demo")["entities"]
