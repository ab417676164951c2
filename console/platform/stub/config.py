"""One stub platform instance's settings, in a module of their own so the app and its middleware
both read them without importing each other (they used to, kept apart only by TYPE_CHECKING)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .rules import DEFAULT_REVIEW_DELAY_S


@dataclass
class StubConfig:
    """Everything one stub platform instance needs; nothing is read from globals."""

    data_dir: Path
    admin: bool = False
    review_delay_s: int = DEFAULT_REVIEW_DELAY_S
    fault_seed: int = 0
    max_body_bytes: int = 64 * 1024
    extra: dict[str, Any] = field(default_factory=dict)
