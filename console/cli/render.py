"""The one renderer of the command line: aligned tables for people, JSON for scripts.

JSON always carries ``"schema": SCHEMA`` at the top level (bumped when a field changes meaning
or disappears; new fields do not bump it) and every timestamp is ISO 8601 UTC with ``Z``
(``core.timeutil.format_ts``). Errors under ``--json`` are ``{"schema": N, "error": {"code":
..., "message": ...}}`` on **stdout** (a script reads one stream), the exit code says it failed.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from enum import Enum
from typing import Any, TextIO

#: Version of the JSON shapes (see the module docstring).
SCHEMA = 1


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns that stay aligned with Chinese text."""
    widths = [_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], _width(cell))

    def line(cells: Sequence[str]) -> str:
        parts = [c + " " * (widths[i] - _width(c)) for i, c in enumerate(cells)]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in rows)
    return "\n".join(out)


def fields_of(obj: Any) -> dict[str, Any]:
    """A result dataclass as a flat dict for --json (to_jsonable words the values)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def to_jsonable(value: Any, lang: str) -> Any:
    """Model values as JSON: datetimes ISO 'Z', enums by wire value, reasons with a sentence."""
    from console.core.model import LocalizedText
    from console.core.reasons import Reason
    from console.core.timeutil import format_ts
    from console.words import reason_text

    if isinstance(value, Reason):
        return {
            "code": value.code.value,
            "params": to_jsonable(value.params, lang),
            "message": reason_text(value, lang),
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return format_ts(value)
    if isinstance(value, LocalizedText):
        return {"zh": value.zh, "en": value.en}
    if isinstance(value, Mapping):
        return {str(to_jsonable(k, lang)): to_jsonable(v, lang) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v, lang) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(to_jsonable(v, lang) for v in value)
    return value


def state_json(state: Any) -> dict[str, Any]:
    """A method's state (eligibility, setting, sync) for ``show`` and ``set-method``."""
    return {
        "eligibility": state.eligibility,
        "enabled": state.enabled,
        "wanted": state.wanted,
        "setting": state.setting,
        "sync_state": state.sync_state,
        "reason_code": state.reason_code,
        "reason_text": state.reason_text,
        "launch_at": state.launch_at,
        "refused_code": state.refused_code,
        "refused_message": state.refused_message,
    }


def terms_json(terms: Any) -> dict[str, Any] | None:
    if terms is None:
        return None
    return {
        "fee_bps": terms.fee_bps,
        "max_amount_fen": terms.max_amount_fen,
        "devices": sorted(d.value for d in terms.devices),
        "display_order": terms.display_order,
    }


@dataclass
class Out:
    """Where a command writes: stdout/stderr, the language and the format."""

    lang: str
    as_json: bool
    stdout: TextIO | None = None
    stderr: TextIO | None = None

    def print(self, text: str = "") -> None:
        print(text, file=self.stdout or sys.stdout)

    def error(self, text: str) -> None:
        print(text, file=self.stderr or sys.stderr)

    def json(self, value: Mapping[str, Any]) -> None:
        """One JSON document, with the schema version first."""
        document = {"schema": SCHEMA, **to_jsonable(value, self.lang)}
        print(json.dumps(document, ensure_ascii=False, indent=2), file=self.stdout or sys.stdout)

    def fail(self, code: str, message: str, exit_code: int, **extra: Any) -> int:
        """An error as one line on stderr, or as {"error": ...} on stdout with --json."""
        if self.as_json:
            self.json({"error": {"code": code, "message": message, **extra}})
        else:
            self.error(message)
        return exit_code
