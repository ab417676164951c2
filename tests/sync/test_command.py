"""``main.py sync``: one pass from a terminal, summary in the user's language, exit codes."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys

from console.cli.common import EXIT_OK, EXIT_UNREACHABLE
from console.cli.common import EXIT_SYNC_REFUSED as EXIT_REFUSED
from console.cli.common import EXIT_USAGE as EXIT_CONFIG
from console.cli.sync import run_sync_command
from console.storage.db import open_database
from tests.sync.helpers import INVITED_2, store_ids
from tests.sync.stubproc import ROOT


def run(stub, merchant, data_dir, monkeypatch, *, lang="en", as_json=False, url=None):
    monkeypatch.setenv("MERCHANT_CONSOLE_APP_SECRET", merchant.app_secret)
    args = argparse.Namespace(
        platform_url=url or stub.url,
        app_key=merchant.app_key,
        lang=lang,
        json=as_json,
        respect_backoff=False,
        timeout=5.0,
    )
    out, err = io.StringIO(), io.StringIO()
    code = run_sync_command(args, data_dir, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_sync_then_offline_then_refused(stub, merchant, tmp_path, monkeypatch):
    code, out, _ = run(stub, merchant, tmp_path, monkeypatch)
    assert code == EXIT_OK and out.startswith("Synced:")
    # a change made here, refused by the platform because the invitation expired meanwhile
    from tests.sync.helpers import queue_set_method

    db = open_database(tmp_path / "console.db")
    store = store_ids(db)[INVITED_2]
    queue_set_method(db, store, "wechat_pay", True)
    db.close()
    code, out, _ = run(stub, merchant, tmp_path, monkeypatch, url="http://127.0.0.1:9")
    assert code == EXIT_UNREACHABLE and "cannot be reached" in out and "1 wait" in out
    stub.admin("POST", f"/admin/invitations/{store}/expire")
    code, out, _ = run(stub, merchant, tmp_path, monkeypatch, lang="zh_CN")
    assert code == EXIT_REFUSED
    assert "被拒绝" in out and "INVITATION_EXPIRED" in out
    code, out, _ = run(stub, merchant, tmp_path, monkeypatch, as_json=True)
    data = json.loads(out)
    assert code == EXIT_OK and data["exit_code"] == 0 and data["pending"] == 0 and data["error"] is None


def test_no_secret_is_a_configuration_error(stub, merchant, tmp_path, monkeypatch):
    monkeypatch.delenv("MERCHANT_CONSOLE_APP_SECRET", raising=False)
    monkeypatch.setenv("MERCHANT_CONSOLE_ALLOW_FILE_SECRET", "1")  # no keyring lookups in tests
    args = argparse.Namespace(platform_url=stub.url, app_key=None, lang="en", json=False)
    err = io.StringIO()
    assert run_sync_command(args, tmp_path, out=io.StringIO(), err=err) == EXIT_CONFIG
    assert "app key" in err.getvalue()


def test_main_py_sync(stub, merchant, tmp_path):
    env = dict(os.environ, MERCHANT_CONSOLE_APP_SECRET=merchant.app_secret, LANG="en_US.UTF-8")
    proc = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--data-dir",
            str(tmp_path),
            "--platform",
            stub.url,
            "--app-key",
            merchant.app_key,
            "sync",
            "--json",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["pulled"] > 0 and report["error"] is None
    assert merchant.app_secret not in proc.stdout + proc.stderr


def test_at_a_terminal_the_secret_is_asked_once_and_kept_in_the_keyring(
    stub, merchant, tmp_path, monkeypatch
):
    """--platform and --app-key given, no secret stored: a terminal user is asked (not echoed),
    the answer goes to the OS keyring, and the next run syncs without asking."""
    import keyring

    from tests.wiring.fakes import MemoryKeyring

    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    asked: list[str] = []

    def fake_getpass(prompt: str, stream=None) -> str:
        asked.append(prompt)
        return merchant.app_secret

    try:
        monkeypatch.delenv("MERCHANT_CONSOLE_APP_SECRET", raising=False)
        monkeypatch.setattr("getpass.getpass", fake_getpass)
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
        args = argparse.Namespace(
            platform_url=stub.url, app_key=merchant.app_key, lang="en", json=False,
            respect_backoff=False, timeout=5.0,
        )
        err = io.StringIO()
        assert run_sync_command(args, tmp_path, out=io.StringIO(), err=err) == EXIT_OK
        assert len(asked) == 1 and merchant.app_key in asked[0]
        assert merchant.app_secret not in err.getvalue()  # never echoed or printed
        assert merchant.app_secret in ring.items.values()  # kept in the keyring
        assert run_sync_command(args, tmp_path, out=io.StringIO(), err=io.StringIO()) == EXIT_OK
        assert len(asked) == 1  # not asked again
    finally:
        keyring.set_keyring(before)
