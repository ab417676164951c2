"""console/wiring/connection.py: arguments > settings > the embedded demo platform."""

from __future__ import annotations

import pytest

from console.wiring.config import AppConfig
from console.wiring.connection import Connection, MissingCredentials, resolve_connection
from console.wiring.credentials import (
    SecretStore,
)
from tests.wiring.fakes import SECRET


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
