"""In-memory keyrings for tests: the machine's real keyring is never touched."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.backends.chainer

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
