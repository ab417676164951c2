"""storage/ owns every table: no SQL that changes data or schema anywhere else in console/.

Why: when the outbox state machine or the meta keys were written in three packages, a change
to one had to be found and made in all of them. The stub platform keeps its own database (it
stands for the remote platform and shares nothing with the app but the wire contract).
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = ROOT / "console"
ALLOWED = (CONSOLE / "storage", CONSOLE / "platform" / "stub")

# A statement keyword followed by what only SQL puts after it.
WRITE_SQL = re.compile(
    r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|REPLACE\s+INTO"
    r"|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX|VIEW|TRIGGER)|ALTER\s+TABLE|DROP\s+(TABLE|INDEX))\b",
    re.IGNORECASE,
)


_QUOTES = re.compile(r"""^[rRbBfFuU]*(\"\"\"|'''|"|')|(\"\"\"|'''|"|')$""")


def _string_literals(path: Path) -> list[tuple[int, str]]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline)
    kinds = {tokenize.STRING}
    for name in ("FSTRING_MIDDLE",):  # Python 3.12+ splits f-strings into parts
        if hasattr(tokenize, name):
            kinds.add(getattr(tokenize, name))
    return [(t.start[0], _QUOTES.sub("", t.string)) for t in tokens if t.type in kinds]


def _writes(path: Path) -> list[str]:
    """SQL writes in a file's string literals; adjacent literals ("UPDATE outbox " "SET ...")
    are read as one statement."""
    joined = " ".join(text for _, text in _string_literals(path))
    return [m.group(0) for m in WRITE_SQL.finditer(joined)]


def _offenders(files: list[Path]) -> list[str]:
    return [f"{path.relative_to(ROOT)}: {found!r}" for path in files for found in _writes(path)]


def test_only_storage_writes_to_the_database() -> None:
    files = [
        p
        for p in sorted(CONSOLE.rglob("*.py"))
        if "__pycache__" not in p.parts and not any(p.is_relative_to(a) for a in ALLOWED)
    ]
    assert files, "no files scanned"
    assert not _offenders(files), _offenders(files)


def test_the_check_sees_a_write_split_over_adjacent_literals(tmp_path: Path) -> None:
    """The detector itself: a write hidden the way the old sync code spelled them is found."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'conn.execute("UPDATE outbox " "SET status = ?", [s])\n'
        "conn.execute(f'DELETE FROM {table}')\n"
        'text = "Update the app"  # prose, not SQL\n',
        "utf-8",
    )
    assert [" ".join(w.split()) for w in _writes(sample)] == ["UPDATE outbox SET", "DELETE FROM"]
