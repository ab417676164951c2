"""Where the app secret lives: the OS keyring, never the database or the settings file.

Order of lookup: the ``MERCHANT_CONSOLE_APP_SECRET`` environment variable (scripts, CI), then the
OS keyring (service ``merchant-console``, user ``"<platform_url>|<app_key>"``), then, only when the
merchant explicitly allowed it, a 0600 file in the data directory.

Why so strict: on a headless Linux box or a minimal desktop there may be no keyring at all
(``keyring`` then picks its "fail" backend, or the Secret Service raises over D-Bus). Silently
writing the secret in plain text there would be a leak nobody chose; so we say ``NoKeyring``
and let the caller offer the opt-in (``MERCHANT_CONSOLE_ALLOW_FILE_SECRET=1`` or the
``allow_file_secret`` setting), which logs a warning every time the file is used.
The secret itself never reaches a log, a repr or an exception message.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.errors

log = logging.getLogger(__name__)

SERVICE_NAME = "merchant-console"
ENV_SECRET = "MERCHANT_CONSOLE_APP_SECRET"
ENV_ALLOW_FILE = "MERCHANT_CONSOLE_ALLOW_FILE_SECRET"
SECRET_FILE = "app-secret.json"

SecretSource = Literal["env", "keyring", "file"]


class CredentialError(Exception):
    """The secret cannot be stored or read; the message says what the merchant can do."""


class NoKeyring(CredentialError):
    """No usable OS keyring, and storing the secret in a file was not allowed."""


def keyring_username(platform_url: str, app_key: str) -> str:
    return f"{platform_url.rstrip('/')}|{app_key}"


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    available: bool
    backend: str  # class name, for the log and the settings dialog
    detail: str | None = None  # why not, in English


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_status(backend: keyring.backend.KeyringBackend | None = None) -> KeyringStatus:
    """Is there a keyring we can really use? Probes it once (a read of a name that is not there)."""
    try:
        kr = backend if backend is not None else keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration
        return KeyringStatus(False, "?", f"keyring could not be loaded: {type(exc).__name__}")
    name = _backend_name(kr)
    if isinstance(kr, keyring.backends.fail.Keyring):
        return KeyringStatus(False, name, "no keyring backend is available on this system")
    if isinstance(kr, keyring.backends.chainer.ChainerBackend) and not kr.backends:
        return KeyringStatus(False, name, "the keyring chain has no backends")
    if type(kr).__module__ == "keyring.backends.null":
        return KeyringStatus(False, name, "the keyring is disabled (null backend)")
    try:
        kr.get_password(SERVICE_NAME, "__probe__")
    except Exception as exc:  # e.g. Secret Service without a D-Bus session on a headless box
        return KeyringStatus(False, name, f"the keyring does not answer: {type(exc).__name__}")
    return KeyringStatus(True, name)


class SecretStore:
    """Read and write the app secret for one data directory.

    ``backend`` is for tests (an in-memory KeyringBackend); by default the one ``keyring`` picks.
    ``env`` defaults to ``os.environ``.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        allow_file_secret: bool = False,
        env: Mapping[str, str] | None = None,
        backend: keyring.backend.KeyringBackend | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self._env = env if env is not None else os.environ
        self.allow_file_secret = allow_file_secret or self._env.get(ENV_ALLOW_FILE, "") == "1"
        self._backend = backend

    def __repr__(self) -> str:
        return f"SecretStore(data_dir={str(self.data_dir)!r}, allow_file_secret={self.allow_file_secret})"

    @property
    def file_path(self) -> Path:
        return self.data_dir / SECRET_FILE

    def status(self) -> KeyringStatus:
        return keyring_status(self._keyring())

    def get(self, platform_url: str, app_key: str) -> tuple[str, SecretSource] | None:
        """The secret and where it came from, or None when none is stored.

        Raises NoKeyring when there is no keyring to ask and the file fallback is not allowed
        (so "no secret" is never confused with "could not look")."""
        env_secret = self._env.get(ENV_SECRET)
        if env_secret:
            return env_secret, "env"
        user = keyring_username(platform_url, app_key)
        status = self.status()
        if status.available:
            try:
                secret = self._keyring().get_password(SERVICE_NAME, user)
            except Exception as exc:
                raise NoKeyring(f"the keyring failed: {type(exc).__name__}") from None
            if secret:
                return secret, "keyring"
        if self.allow_file_secret:
            secret = self._read_file().get(user)
            if secret:
                log.warning("app secret read from a plain file (%s): no OS keyring in use", self.file_path)
                return secret, "file"
            return None
        if not status.available:
            raise NoKeyring(self._no_keyring_message(status))
        return None

    def set(self, platform_url: str, app_key: str, secret: str) -> SecretSource:
        """Store the secret; returns where. Raises NoKeyring when it has nowhere safe to go."""
        if not secret:
            raise ValueError("empty secret")
        user = keyring_username(platform_url, app_key)
        status = self.status()
        if status.available:
            try:
                self._keyring().set_password(SERVICE_NAME, user, secret)
            except Exception as exc:
                if not self.allow_file_secret:
                    raise NoKeyring(
                        f"the keyring refused to store the secret: {type(exc).__name__}"
                    ) from None
            else:
                return "keyring"
        if not self.allow_file_secret:
            raise NoKeyring(self._no_keyring_message(status))
        secrets = self._read_file()
        secrets[user] = secret
        self._write_file(secrets)
        log.warning(
            "app secret stored in a plain file (%s, mode 0600) because no OS keyring is usable; "
            "anyone with access to this account can read it",
            self.file_path,
        )
        return "file"

    def delete(self, platform_url: str, app_key: str) -> None:
        user = keyring_username(platform_url, app_key)
        if self.status().available:
            with contextlib.suppress(keyring.errors.PasswordDeleteError, keyring.errors.KeyringError):
                self._keyring().delete_password(SERVICE_NAME, user)
        if self.file_path.exists():
            secrets = self._read_file()
            if secrets.pop(user, None) is not None:
                self._write_file(secrets)

    # -- internals -----------------------------------------------------------------------
    def _keyring(self) -> keyring.backend.KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    @staticmethod
    def _no_keyring_message(status: KeyringStatus) -> str:
        return (
            f"no usable OS keyring ({status.detail}); set {ENV_SECRET} for this run, or allow "
            f"storing the secret in a file with {ENV_ALLOW_FILE}=1 (or allow_file_secret in settings)"
        )

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.file_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("the secret file %s cannot be read; ignoring it", self.file_path)
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}

    def _write_file(self, secrets: dict[str, str]) -> None:
        """0600 from the first byte (created with that mode, never chmod-ed afterwards), atomic."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.file_path.with_name(f".{SECRET_FILE}.{os.getpid()}.tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(secrets, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.file_path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise


def ask_secret_once(
    data_dir: Path,
    url: str | None,
    app_key: str | None,
    *,
    allow_file_secret: bool,
    lang: str,
    err: TextIO,
    ask: Callable[[str, TextIO], str] | None = None,
    is_terminal: Callable[[], bool] | None = None,
) -> str | None:
    """At a terminal, with a known platform and key but no stored secret: ask once, not echoed,
    and keep it (keyring, or the opt-in file), so the next run does not ask. None: cannot ask.

    What is said afterwards names where the secret really went; the secret is never printed.
    """
    from console.words.cli import cli_text

    tty = is_terminal or sys.stdin.isatty
    if not (url and app_key) or not tty():
        return None
    if ask is None:
        import getpass

        def ask(prompt: str, stream: TextIO) -> str:
            return getpass.getpass(prompt, stream=stream)

    secret = ask(cli_text("ask_secret", lang, url=url, app_key=app_key), err).strip()
    if not secret:
        return None
    store = SecretStore(Path(data_dir), allow_file_secret=allow_file_secret)
    try:
        where = store.set(url, app_key, secret)
    except NoKeyring as exc:
        print(cli_text("secret_not_saved", lang, error=exc), file=err)
        return secret
    if where == "file":
        print(cli_text("secret_saved_file", lang, path=store.file_path), file=err)
    else:
        print(cli_text("secret_saved_keyring", lang), file=err)
    return secret
