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

**The whole list at once** (``chunk=None``, what the window loads): the row-wise read above hands
out one Python value per cell (1,300,000 at 100,000 stores) and makes SQLite sort every column
through its three joins; together about 950 ms of the load. ``read_store_columns`` instead reads
each table once, in storage order, each column packed by SQLite into one string
(``group_concat``), which Python splits at C speed; the method and invitation columns are put
in the stores' name order by store id. Same values (flags as 0/1), about a third of the time;
anything it cannot vouch for (a separator inside a value, an order it cannot check) falls back
to the row-wise read.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, repeat
from operator import le, lt
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
    conn: sqlite3.Connection, fields: Sequence[str], *, chunk: int | None = None
) -> Iterator[tuple[tuple[Any, ...], ...]]:
    """Every store, ordered by name then id, as chunks: one sequence of values per field.

    Name order is the list's default sort, so the GUI gets it without sorting (SQLite's BINARY
    collation orders UTF-8 like Python orders ``str``). ``chunk``: rows per chunk, read row-wise
    (one statement: its snapshot holds for all the chunks, so a sync committing meanwhile cannot
    tear the list); None: the whole list as one chunk, read column-wise (``read_store_columns``).
    """
    _check_fields(fields)
    if chunk is None:
        columns = read_store_columns(conn, fields)
        if columns[0]:
            yield tuple(map(tuple, columns))  # ~0.3 ms a column of 100,000
        return
    yield from _iter_rows(conn, fields, chunk)


def _check_fields(fields: Sequence[str]) -> None:
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise KeyError(f"unknown store column(s): {', '.join(unknown)}")


def _iter_rows(
    conn: sqlite3.Connection, fields: Sequence[str], chunk: int
) -> Iterator[tuple[tuple[Any, ...], ...]]:
    select = ", ".join(FIELDS[f] for f in fields)
    cur = conn.execute(f"SELECT {select} {StoresList._STORES_FROM} ORDER BY s.name, s.id")
    try:
        while rows := cur.fetchmany(chunk):
            yield tuple(zip(*rows, strict=True))
    finally:
        cur.close()


# -- the whole list, column-wise --------------------------------------------------------------------
_SEP = "\x1f"  # between the values of a packed column (unit separator: not in names or ids)
# A method row's three flags in one digit: setting (pending wish, else confirmed), confirmed, wish
# pending; one number per row for SQLite to turn into text instead of three.
_FLAGS = "((COALESCE(wanted, enabled, 0) != 0) + 2 * (enabled != 0) + 4 * (wanted IS NOT NULL))"
_METHOD_FIELDS = {
    "wechat_pay": ("wechat_eligibility", "wechat_setting", "wechat_enabled"),
    "alipay": ("alipay_eligibility", "alipay_setting", "alipay_enabled"),
}


class _Unpackable(Exception):
    """A packed column cannot be split back into its rows: read row-wise instead."""


def _split(packed: str | None, n: int) -> list[str]:
    parts = packed.split(_SEP) if packed is not None else []
    if len(parts) != n:  # a value holding the separator, or rows changed between statements
        raise _Unpackable
    return parts


def _shared(values: list[str], convert: Any = None) -> list[Any]:
    """``values`` with one object per distinct value (a column of a few words costs 0.8 MB per
    100,000 rows, not 6), converted by ``convert`` (e.g. ``int``) once per distinct value."""
    distinct = {v: (v if convert is None else convert(v)) for v in set(values)}
    return list(map(distinct.__getitem__, values))


def _scatter(column: list[Any], rows: Iterable[int], values: Iterable[Any]) -> None:
    deque(map(column.__setitem__, rows, values), maxlen=0)  # C speed


def _in_name_order(names: Sequence[str], ids: Sequence[str]) -> bool:
    """Names never decrease, and equal names come in id order (C-speed walks)."""
    if not all(map(le, names, names[1:])):
        return False
    ties = compress(range(len(names) - 1), map(str.__eq__, names, names[1:]))
    return all(lt(ids[i], ids[i + 1]) for i in ties)


def read_store_columns(conn: sqlite3.Connection, fields: Sequence[str]) -> tuple[list[Any], ...]:
    """Every store's ``fields`` as whole columns (lists), in name order: the rows of
    ``iter_store_columns`` with their flags as 0/1. See the module docstring for why."""
    _check_fields(fields)
    try:
        columns = _read_packed(conn)
    except _Unpackable:
        rows = [row for c in _iter_rows(conn, fields, CHUNK) for row in zip(*c, strict=True)]
        return tuple(list(col) for col in zip(*rows, strict=True)) if rows else tuple([] for _ in fields)
    return tuple(columns[f] for f in fields)


def _read_packed(conn: sqlite3.Connection) -> dict[str, list[Any]]:
    # one read transaction: the statements see the same snapshot (a sync may commit meanwhile)
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        return _read_packed_in(conn)
    finally:
        if own:
            conn.execute("COMMIT")


def _read_packed_in(conn: sqlite3.Connection) -> dict[str, list[Any]]:
    n, ids, names, platforms, statuses = conn.execute(
        f"""SELECT count(*), group_concat(id, '{_SEP}'), group_concat(name, '{_SEP}'),
                   group_concat(platform, '{_SEP}'), group_concat(status, '{_SEP}')
            FROM (SELECT id, name, platform, status FROM stores ORDER BY name, id)"""
    ).fetchone()
    out: dict[str, list[Any]] = {"id": _split(ids, n), "name": _split(names, n)}
    # the aggregate reads its ordered subquery in order; checked, not assumed (a few ms)
    if not _in_name_order(out["name"], out["id"]):
        raise _Unpackable
    out["platform"] = _shared(_split(platforms, n))
    out["status"] = _shared(_split(statuses, n))
    row_of = dict(zip(out["id"], range(n), strict=True))

    def rows_of(store_ids: list[str]) -> list[int]:
        rows = list(map(row_of.get, store_ids))
        if None in rows:  # a row for a store that is gone (no join would show it)
            raise _Unpackable
        return rows  # type: ignore[return-value]

    pending = [0] * n
    for method, (elig_f, setting_f, enabled_f) in _METHOD_FIELDS.items():
        # "+method": a scan of the table, not the (method, eligibility) index and a lookup per row
        m, m_ids, m_elig, m_flags = conn.execute(
            f"""SELECT count(*), group_concat(store_id, '{_SEP}'), group_concat(eligibility, '{_SEP}'),
                       group_concat({_FLAGS}, '')
                FROM methods WHERE +method = ?""",
            (method,),
        ).fetchone()
        rows = rows_of(_split(m_ids, m))
        flags = (m_flags or "").encode("ascii")
        if len(flags) != m:
            raise _Unpackable
        elig = ["not_invited"] * n
        _scatter(elig, rows, _shared(_split(m_elig, m)))
        out[elig_f] = elig
        for field, bit in ((setting_f, 1), (enabled_f, 2)):
            column = [0] * n
            _scatter(column, rows, flags.translate(bytes((b - 48) >> (bit - 1) & 1 for b in range(256))))
            out[field] = column
        wished = flags.translate(bytes((b - 48) >> 2 & 1 for b in range(256)))
        _scatter(pending, list(compress(rows, wished)), repeat(1))
    out["pending"] = pending
    k, i_ids, i_phase, i_deadline = conn.execute(
        f"""SELECT count(*), group_concat(store_id, '{_SEP}'), group_concat(phase, '{_SEP}'),
                   group_concat(deadline_at, '{_SEP}')
            FROM invitations"""
    ).fetchone()
    rows = rows_of(_split(i_ids, k))
    phase: list[int | None] = [None] * n
    deadline: list[str | None] = [None] * n
    _scatter(phase, rows, _shared(_split(i_phase, k), int))
    _scatter(deadline, rows, _shared(_split(i_deadline, k)))
    out["phase"], out["deadline_at"] = phase, deadline
    return out
