"""Every wiring test runs against an in-memory keyring, restored afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.wiring.fakes import MemoryKeyring


@pytest.fixture(autouse=True)
def _no_real_keyring() -> Iterator[None]:
    """Whatever a test does, the process-wide keyring is an in-memory one, restored after."""
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(before)
