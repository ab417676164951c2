"""Settings file, the app secret's home (a fake in-memory keyring, never the real one), and
choosing the platform."""

from __future__ import annotations

import json
import logging
import os
import stat

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import pytest

from console.wiring.config import AppConfig, load_config, save_config
from console.wiring.connection import Connection, MissingCredentials, resolve_connection
from console.wiring.credentials import (
    ENV_ALLOW_FILE,
    ENV_SECRET,
    SERVICE_NAME,
    NoKeyring,
    SecretStore,
    keyring_status,
    keyring_username,
)

SECRET = "secret-value-0123456789abcdef"


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


class BrokenKeyring(MemoryKeyring):
    """Like the Secret Service on a headless box: every call raises."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")


class EmptyChain(keyring.backends.chainer.ChainerBackend):
    """keyring's chainer when no backend is installed (a minimal desktop, a container)."""

    backends: list[keyring.backend.KeyringBackend] = []  # noqa: RUF012


@pytest.fixture(autouse=True)
def _no_real_keyring():
    """Whatever a test does, the process-wide keyring is an in-memory one, restored after."""
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(before)


# -- settings ---------------------------------------------------------------------------------
def test_missing_settings_give_defaults(tmp_path):
    loaded = load_config(tmp_path)
    assert loaded.config == AppConfig() and loaded.problem is None
    assert loaded.config.platform_url is None and loaded.config.sync_interval_s == 60


def test_settings_round_trip_atomically(tmp_path):
    config = AppConfig(platform_url="https://api.example", app_key="k1", language="zh_CN", work_offline=True)
    path = save_config(tmp_path, config)
    assert load_config(tmp_path).config == config
    assert json.loads(path.read_text())["app_key"] == "k1"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left
    assert SECRET not in path.read_text()


def test_corrupt_settings_are_kept_aside(tmp_path):
    (tmp_path / "settings.json").write_text('{"platform_url": "http://x", ')
    loaded = load_config(tmp_path)
    assert loaded.config == AppConfig()
    assert loaded.problem and "settings.json.bad" in loaded.problem
    assert (tmp_path / "settings.json.bad").read_text().startswith('{"platform_url"')


def test_bad_values_fall_back_one_by_one(tmp_path):
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {"language": "fr", "sync_interval_s": 1, "app_key": "k", "work_offline": "yes", "extra": 1}
        )
    )
    loaded = load_config(tmp_path)
    assert loaded.config.app_key == "k" and loaded.config.language == "system"
    assert loaded.config.sync_interval_s == 60 and loaded.config.work_offline is False
    assert loaded.problem and "language" in loaded.problem


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


# -- choosing the platform --------------------------------------------------------------------
def test_explicit_arguments_win(tmp_path):
    config = AppConfig(platform_url="https://configured", app_key="ck")
    conn = resolve_connection(
        tmp_path, platform_url="http://explicit", app_key="ek", app_secret=SECRET, config=config
    )
    assert (conn.url, conn.app_key, conn.source) == ("http://explicit", "ek", "args")
    assert SECRET not in repr(conn)
    client = conn.client()
    assert client.base_url == "http://explicit" and SECRET not in repr(client)
    client.close()


def test_config_with_secret_from_keyring(tmp_path):
    SecretStore(tmp_path, env={}).set("https://configured", "ck", SECRET)
    conn = resolve_connection(
        tmp_path,
        config=AppConfig(platform_url="https://configured", app_key="ck"),
        secrets=SecretStore(tmp_path, env={}),
    )
    assert (conn.source, conn.secret_source) == ("config", "keyring")


def test_missing_key_or_secret(tmp_path):
    with pytest.raises(MissingCredentials):
        resolve_connection(tmp_path, platform_url="http://x", secrets=SecretStore(tmp_path, env={}))
    with pytest.raises(MissingCredentials):
        resolve_connection(
            tmp_path, platform_url="http://x", app_key="k", secrets=SecretStore(tmp_path, env={})
        )
    with pytest.raises(MissingCredentials):
        resolve_connection(tmp_path, app_key="k")


def test_embedded_when_nothing_is_configured(tmp_path):
    started = []

    def fake_embedded(data_dir):
        started.append(data_dir)
        return Connection("http://127.0.0.1:1", "ak", SECRET, source="embedded", secret_source="embedded")

    conn = resolve_connection(tmp_path, embedded_factory=fake_embedded)
    assert conn.embedded and started == [tmp_path]


def test_real_embedded_platform(tmp_path):
    """The stub's EmbeddedPlatform: started, used, stopped by Connection.close()."""
    conn = resolve_connection(tmp_path)
    try:
        assert conn.embedded and conn.url.startswith("http://127.0.0.1:")
        with conn.client() as client:
            assert client.merchant()["id"] == conn.merchant_id
    finally:
        conn.close()
    assert (tmp_path / "embedded-platform").is_dir()
