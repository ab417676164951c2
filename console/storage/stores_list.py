"""The stores list: one filtered query over stores, methods and invitations, and its count.

Kept apart from ``repo.py`` because it is the one hot read of the app (the stores list at
100,000 stores, ``make bench``), with its own rules about which joins a query may leave out.
``Repository`` inherits it; it needs nothing but the connection.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, TypeVar

from console.core.model import Eligibility, Method, Platform
from console.core.timeutil import format_ts, parse_ts

T = TypeVar("T")

_PLATFORMS = {p.value: p for p in Platform}
_ELIGIBILITIES = {e.value: e for e in Eligibility}


@dataclass(frozen=True, slots=True)
class StoreListRow:
    """A stores-list row as stored; the service turns it into its StoreRow."""

    id: str
    platform: Platform
    name: str
    status: str
    wechat_eligibility: Eligibility
    wechat_setting: bool
    alipay_setting: bool
    pending: bool
    phase: int | None
    deadline_at: datetime | None
    wechat_enabled: bool  # confirmed by the platform (the setting above may be a pending wish)
    alipay_eligibility: Eligibility
    alipay_enabled: bool


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class StoresList:
    """Reads of the stores list, mixed into ``Repository``."""

    @property
    def conn(self) -> sqlite3.Connection:
        raise NotImplementedError

    # -- reads: the stores list ----------------------------------------------------------------
    def store_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM stores").fetchone()[0])

    def store_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM stores ORDER BY id")]

    # The joins of a stores query, by alias: a store without a WeChat Pay row is not_invited, and
    # a method's setting is the merchant's (pending wish if any, else confirmed). Each joins on a
    # unique key, so leaving out one that the query does not use never changes the row count.
    _STORES_JOINS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("w", "LEFT JOIN methods w ON w.store_id = s.id AND w.method = 'wechat_pay'"),
        ("a", "LEFT JOIN methods a ON a.store_id = s.id AND a.method = 'alipay'"),
        ("i", "LEFT JOIN invitations i ON i.store_id = s.id"),
    )
    _STORES_FROM = "FROM stores s " + " ".join(join for _, join in _STORES_JOINS)

    @staticmethod
    def _store_filter(
        *,
        text: str = "",
        platform: Platform | None = None,
        wechat_eligibility: Eligibility | None = None,
        method: Method | None = None,
        method_on: bool | None = None,
        pending_only: bool = False,
        store_ids: Sequence[str] | None = None,
        deadline_from: datetime | None = None,
        deadline_to: datetime | None = None,
    ) -> tuple[str, list[Any]]:
        """The WHERE clause (with its leading " WHERE ", or "") and its parameters, over
        ``_STORES_FROM`` (aliases s, w, a, i). One place, so a list and a count of the same filter
        always agree."""
        where: list[str] = []
        params: list[Any] = []
        if text:
            pattern = f"%{_like_escape(text.strip())}%"
            where.append("(s.name LIKE ? ESCAPE '\\' OR s.id LIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
        if platform is not None:
            where.append("s.platform = ?")
            params.append(platform.value)
        if wechat_eligibility is not None:
            where.append("COALESCE(w.eligibility, 'not_invited') = ?")
            params.append(wechat_eligibility.value)
        if method is not None and method_on is not None:
            alias = "w" if method is Method.WECHAT_PAY else "a"
            where.append(f"COALESCE({alias}.wanted, {alias}.enabled, 0) = ?")
            params.append(int(method_on))
        if pending_only:
            where.append("(w.wanted IS NOT NULL OR a.wanted IS NOT NULL)")
        if store_ids is not None:
            where.append("s.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(store_ids)))
        if deadline_from is not None:
            where.append("i.deadline_at >= ?")
            params.append(format_ts(deadline_from.replace(microsecond=0)))
        if deadline_to is not None:
            where.append("i.deadline_at <= ?")
            params.append(format_ts(deadline_to))
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def count_stores(
        self,
        *,
        text: str = "",
        platform: Platform | None = None,
        wechat_eligibility: Eligibility | None = None,
        method: Method | None = None,
        method_on: bool | None = None,
        pending_only: bool = False,
    ) -> int:
        """How many stores ``list_stores`` would return for the same filter, counted in SQL."""
        where, params = self._store_filter(
            text=text,
            platform=platform,
            wechat_eligibility=wechat_eligibility,
            method=method,
            method_on=method_on,
            pending_only=pending_only,
        )
        # only the joins the filter reads: counting 100,000 stores then skips two lookups per row
        joins = "".join(f" {join}" for alias, join in self._STORES_JOINS if f"{alias}." in where)
        sql = f"SELECT count(*) FROM stores s{joins}{where}"
        return int(self.conn.execute(sql, params).fetchone()[0])

    def list_stores(
        self,
        *,
        text: str = "",
        platform: Platform | None = None,
        wechat_eligibility: Eligibility | None = None,
        method: Method | None = None,
        method_on: bool | None = None,
        pending_only: bool = False,
        store_ids: Sequence[str] | None = None,
        deadline_from: datetime | None = None,
        deadline_to: datetime | None = None,
        limit: int | None = None,
        make: Callable[..., T] = StoreListRow,  # type: ignore[assignment]
    ) -> list[T]:
        """Stores in id order with the columns of the list, filtered in SQL.

        A store without a WeChat Pay row counts as ``not_invited``; settings are the merchant's
        (pending wish if any, else confirmed). One query, joins on primary keys only. ``make``
        builds each row from StoreListRow's fields in order (the service passes its StoreRow, so
        100,000 rows are built once, not converted).
        """
        where, params = self._store_filter(
            text=text,
            platform=platform,
            wechat_eligibility=wechat_eligibility,
            method=method,
            method_on=method_on,
            pending_only=pending_only,
            store_ids=store_ids,
            deadline_from=deadline_from,
            deadline_to=deadline_to,
        )
        sql = f"""SELECT s.id, s.platform, s.name, s.status,
                        COALESCE(w.eligibility, 'not_invited'),
                        COALESCE(w.wanted, w.enabled, 0),
                        COALESCE(a.wanted, a.enabled, 0),
                        (w.wanted IS NOT NULL OR a.wanted IS NOT NULL),
                        i.phase, i.deadline_at, COALESCE(w.enabled, 0),
                        COALESCE(a.eligibility, 'not_invited'), COALESCE(a.enabled, 0)
                 {self._STORES_FROM}{where} ORDER BY s.id"""
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        platforms, eligibilities = _PLATFORMS, _ELIGIBILITIES
        # parse each distinct deadline once: at 100k stores there are only a few phases
        deadlines: dict[str, datetime] = {}
        out = []
        for r in self.conn.execute(sql, params):
            deadline = None
            if r[9] is not None:
                deadline = deadlines.get(r[9])
                if deadline is None:
                    deadline = deadlines[r[9]] = parse_ts(r[9])
            out.append(
                make(
                    r[0], platforms[r[1]], r[2], r[3], eligibilities[r[4]], bool(r[5]), bool(r[6]),
                    bool(r[7]), r[8], deadline, bool(r[10]), eligibilities[r[11]], bool(r[12]),
                )
            )
        return out

    def wechat_counts(self) -> dict[Eligibility, int]:
        """Stores per WeChat Pay eligibility (stores without a row count as not invited)."""
        counts = {e: 0 for e in Eligibility}
        for value, n in self.conn.execute(
            """SELECT COALESCE(w.eligibility, 'not_invited'), count(*) FROM stores s
               LEFT JOIN methods w ON w.store_id = s.id AND w.method = 'wechat_pay'
               GROUP BY 1"""
        ):
            if value in _ELIGIBILITIES:
                counts[_ELIGIBILITIES[value]] += n
        return counts
