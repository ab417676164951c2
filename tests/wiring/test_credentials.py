"""console/wiring/credentials.py: the app secret's home (keyring, opt-in file, environment)."""

from __future__ import annotations

import logging
import os
import stat

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import pytest

from console.wiring.credentials import (
    ENV_ALLOW_FILE,
    ENV_SECRET,
    SERVICE_NAME,
    NoKeyring,
    SecretStore,
    keyring_status,
    keyring_username,
)
from tests.wiring.fakes import SECRET, BrokenKeyring, EmptyChain, MemoryKeyring


# -- secrets ----------------------------------------------------------------------------------
def test_secret_goes_to_the_keyring(tmp_path):
    store = SecretStore(tmp_path, env={})
    assert store.set("https://api.example/", "k1", SECRET) == "keyring"
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    assert backend.items[(SERVICE_NAME, "https://api.example|k1")] == SECRET
    assert store.get("https://api.example", "k1") == (SECRET, "keyring")
    assert SECRET not in repr(store)
    assert not any(tmp_path.iterdir())  # nothing on disk
    store.delete("https://api.example", "k1")
    assert store.get("https://api.example", "k1") is None


def test_environment_overrides(tmp_path):
    store = SecretStore(tmp_path, env={ENV_SECRET: "from-env"})
    assert store.get("u", "k") == ("from-env", "env")


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.fail.Keyring(), EmptyChain(), BrokenKeyring()],
    ids=["fail", "empty-chain", "dbus-error"],
)
def test_no_keyring_is_said_not_hidden(tmp_path, backend, caplog):
    keyring.set_keyring(backend)
    assert not keyring_status().available
    store = SecretStore(tmp_path, env={})
    with pytest.raises(NoKeyring) as info:
        store.set("u", "k", SECRET)
    assert ENV_ALLOW_FILE in str(info.value) and SECRET not in str(info.value)
    with pytest.raises(NoKeyring):
        store.get("u", "k")
    assert not any(tmp_path.iterdir())  # never silently in plain text


def test_file_fallback_only_with_opt_in(tmp_path, caplog):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    caplog.set_level(logging.WARNING)
    store = SecretStore(tmp_path, env={ENV_ALLOW_FILE: "1"})
    assert store.set("u", "k", SECRET) == "file"
    path = store.file_path
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert store.get("u", "k") == (SECRET, "file")
    assert "plain file" in caplog.text and SECRET not in caplog.text
    assert SecretStore(tmp_path, allow_file_secret=True, env={}).get("u", "k") == (SECRET, "file")


def test_username_format():
    assert keyring_username("https://api.example/", "key") == "https://api.example|key"
