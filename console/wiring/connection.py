"""Which platform to talk to, and with which credentials.

Precedence: explicit arguments (``--platform``/``--app-key``, a secret passed in) > the settings
(``platform_url``/``app_key`` with the secret from ``console.wiring.credentials``) > the embedded demo
platform, started on loopback from ``<data_dir>/embedded-platform`` with its own credentials.

Starting the embedded platform takes a moment (a child process): call ``resolve_connection``
off the GUI thread. ``Connection.close()`` stops the embedded server if we started it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from console.core.timeutil import utcnow
from console.platform.client import PlatformClient
from console.wiring.config import AppConfig
from console.wiring.credentials import CredentialError, SecretSource, SecretStore

log = logging.getLogger(__name__)

EMBEDDED_DIR = "embedded-platform"
ConnectionSource = Literal["args", "config", "embedded"]


class MissingCredentials(CredentialError):
    """A platform is configured but its app key or secret is not known."""


@dataclass(frozen=True, slots=True)
class EmbeddedCredentials:
    app_key: str
    app_secret: str
    merchant_id: str | None

    def __repr__(self) -> str:
        return f"EmbeddedCredentials(app_key={self.app_key!r}, merchant_id={self.merchant_id!r})"


class Connection:
    """A resolved platform: URL, app key, the secret (kept private) and what to stop on close."""

    def __init__(
        self,
        url: str,
        app_key: str,
        app_secret: str,
        *,
        source: ConnectionSource,
        secret_source: SecretSource | Literal["args", "embedded"],
        merchant_id: str | None = None,
        embedded: Any = None,
    ) -> None:
        self.url = url
        self.app_key = app_key
        self._secret = app_secret
        self.source = source
        self.secret_source = secret_source
        self.merchant_id = merchant_id
        self._embedded = embedded

    def __repr__(self) -> str:
        return f"Connection(url={self.url!r}, app_key={self.app_key!r}, source={self.source!r})"

    @property
    def embedded(self) -> bool:
        return self.source == "embedded"

    @property
    def demo_platform(self) -> Any:
        """The embedded demo platform we started (its ``keep_alive`` restarts it), else None."""
        return self._embedded

    def client(self, *, clock: Callable[[], datetime] = utcnow, **kwargs: Any) -> PlatformClient:
        """A new client (one per thread: httpx clients are not shared)."""
        return PlatformClient(self.url, self.app_key, self._secret, clock=clock, **kwargs)

    def close(self) -> None:
        if self._embedded is not None:
            embedded, self._embedded = self._embedded, None
            try:
                embedded.stop()
            except Exception:  # stopping is best effort; the child dies with us anyway
                log.exception("the embedded platform did not stop cleanly")

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _embedded_credentials(creds: Any) -> EmbeddedCredentials:
    """Accept the stub's credentials as an object with attributes, a mapping or a tuple."""
    if isinstance(creds, Mapping):
        return EmbeddedCredentials(creds["app_key"], creds["app_secret"], creds.get("merchant_id"))
    if hasattr(creds, "app_key"):
        return EmbeddedCredentials(creds.app_key, creds.app_secret, getattr(creds, "merchant_id", None))
    app_key, app_secret, merchant_id = creds
    return EmbeddedCredentials(app_key, app_secret, merchant_id)


def start_embedded(data_dir: Path) -> Connection:
    """Start the demo platform in a child process (imported here: the client never needs it)."""
    from console.platform.stub.embedded import EmbeddedPlatform

    started = EmbeddedPlatform(Path(data_dir) / EMBEDDED_DIR, admin=True).start()  # demo controls
    try:
        creds = _embedded_credentials(started.credentials)
        url = str(started.url)
    except BaseException:
        started.stop()
        raise
    return Connection(
        url,
        creds.app_key,
        creds.app_secret,
        source="embedded",
        secret_source="embedded",
        merchant_id=creds.merchant_id,
        embedded=started,
    )


def resolve_connection(
    data_dir: Path,
    *,
    platform_url: str | None = None,
    app_key: str | None = None,
    app_secret: str | None = None,
    config: AppConfig | None = None,
    secrets: SecretStore | None = None,
    embedded_factory: Callable[[Path], Connection] = start_embedded,
) -> Connection:
    """Decide the platform (see the module docstring). Raises MissingCredentials / NoKeyring."""
    config = config or AppConfig()
    if platform_url is None and app_key is not None and config.platform_url is None:
        raise MissingCredentials("an app key was given without a platform URL (--platform)")
    url = platform_url or config.platform_url
    if url is None:
        return embedded_factory(Path(data_dir))
    source: ConnectionSource = "args" if platform_url else "config"
    key = app_key or config.app_key
    if not key:
        raise MissingCredentials(f"no app key for {url}: pass --app-key or set it in the settings")
    if app_secret:
        return Connection(url, key, app_secret, source=source, secret_source="args")
    store = secrets or SecretStore(Path(data_dir), allow_file_secret=config.allow_file_secret)
    found = store.get(url, key)
    if found is None:
        raise MissingCredentials(
            f"no app secret stored for {url} and key {key}: enter it in the settings, "
            "or set MERCHANT_CONSOLE_APP_SECRET"
        )
    secret, where = found
    return Connection(url, key, secret, source=source, secret_source=where)
