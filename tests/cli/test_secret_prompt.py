"""The one-time secret prompt says where the secret really went, never the secret itself."""

from __future__ import annotations

import io
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from console.wiring.credentials import SECRET_FILE, ask_secret_once
from tests.wiring.fakes import MemoryKeyring

SECRET = "s3cret-value"


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def ask(tmp_path: Path, lang: str, *, allow_file: bool) -> tuple[str | None, str]:
    err = io.StringIO()
    secret = ask_secret_once(
        tmp_path,
        "https://open.example.com",
        "key-1",
        allow_file_secret=allow_file,
        lang=lang,
        err=err,
        ask=lambda prompt, stream: SECRET,
        is_terminal=lambda: True,
    )
    return secret, err.getvalue()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "No system keyring: the secret was saved in a file only you can read"),
        ("zh_CN", "仅您可读的文件"),
    ],
)
def test_the_file_fallback_is_not_called_the_keyring(
    tmp_path: Path, no_keyring: None, lang: str, words: str
) -> None:
    secret, said = ask(tmp_path, lang, allow_file=True)
    assert secret == SECRET and words in said
    assert "keyring." not in said.lower().replace("no system keyring", "") and "钥匙串。" not in said
    assert SECRET not in said
    assert stat.S_IMODE((tmp_path / SECRET_FILE).stat().st_mode) == 0o600


def test_the_keyring_is_named_when_it_was_used(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    secret, said = ask(tmp_path, "en", allow_file=False)
    assert secret == SECRET and said.strip() == "Saved in the system keyring."
    assert SECRET in memory_keyring.items.values()


def test_nowhere_to_keep_it_is_said_and_it_is_used_once(tmp_path: Path, no_keyring: None) -> None:
    secret, said = ask(tmp_path, "zh_CN", allow_file=False)
    assert secret == SECRET and "只用于本次同步" in said and SECRET not in said
    assert not (tmp_path / SECRET_FILE).exists()
