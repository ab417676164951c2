"""Pull: apply the platform's change feed since our cursor, page by page.

Each page is applied together with its new cursor in one transaction, so a crash (or a lost
connection) between pages resumes at the first page not yet applied, and a page is never half
applied. The cursor never goes backwards: a ``next_since`` below the stored cursor is ignored.

The feed is in version order, and an entity that changed later comes later: a method can arrive
before its store (the store was frozen after the method last changed). The local schema insists
on the store first (foreign key), so such a store is fetched directly (``GET /v1/stores/{id}``)
and applied in the same transaction. Feedback for an announcement we do not have yet is parked
in ``meta`` (same transaction) until the announcement arrives.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlite_utils

from console.core.timeutil import format_ts
from console.platform.client import PlatformClient, StoreSnapshot
from console.platform.errors import BadResponse, NotFound
from console.storage import audit, meta, snapshots
from console.storage.db import write_transaction
from console.sync.apply import Batch, apply_batch, feedback_row
from console.sync.report import News

log = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 500


@dataclass
class PullOutcome:
    pulled: int = 0
    pages: int = 0
    news: list[News] = field(default_factory=list)
    cursor: int = 0


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    """A meta value (kept for callers of the engine; ``console.storage.meta`` owns the table)."""
    return meta.get(db.conn, key)


def get_cursor(db: sqlite_utils.Database) -> int:
    return meta.cursor(db.conn)


class Puller:
    def __init__(
        self,
        db: sqlite_utils.Database,
        client: PlatformClient,
        *,
        clock: Callable[[], datetime],
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> None:
        self.db, self.client, self.clock, self.page_size = db, client, clock, page_size

    def run(self, out: PullOutcome) -> PullOutcome:
        """Pull until the feed has no more. ``out`` is filled as pages land, so a caller that
        catches an error midway still knows what was applied before it."""
        cursor = get_cursor(self.db)
        detect_news = cursor > 0  # the first full sync is not news
        out.cursor = cursor
        while True:
            page = self.client.changes(since=cursor, limit=self.page_size)
            batch = Batch()
            batch.add_changes(page.changes)  # validates every entity before anything is written
            snapshots = self._fetch_missing_stores(batch)
            new_cursor = max(cursor, page.next_since)
            with write_transaction(self.db):
                if get_cursor(self.db) != cursor:
                    # Another engine moved the cursor while we fetched: start again from there.
                    cursor = get_cursor(self.db)
                    continue
                for snap in snapshots:
                    batch.add_snapshot(snap)
                self._take_parked_feedback(batch)
                out.news.extend(apply_batch(self.db, batch, detect_news=detect_news))
                meta.put(self.db.conn, meta.CURSOR, str(new_cursor))
            out.pulled += len(page.changes)
            out.pages += 1
            out.cursor = new_cursor
            if not page.has_more:
                break
            if new_cursor == cursor:
                raise BadResponse("the change feed says it has more but does not move on")
            cursor = new_cursor
        self._finish(out)
        return out

    def _fetch_missing_stores(self, batch: Batch) -> list[StoreSnapshot]:
        missing = batch.referenced_store_ids() - set(batch.stores)
        if not missing:
            return []
        missing -= snapshots.existing_store_ids(self.db.conn, missing)
        fetched: list[StoreSnapshot] = []
        for store_id in sorted(missing):
            try:
                fetched.append(self.client.store(store_id))
            except NotFound:
                log.warning("store %s is in the feed but not found; its entities are skipped", store_id)
                batch.methods = {k: v for k, v in batch.methods.items() if k[0] != store_id}
                batch.invitations.pop(store_id, None)
        return fetched

    def _take_parked_feedback(self, batch: Batch) -> None:
        """Feedback whose announcement is unknown waits in meta; the rest is applied now."""
        parked: list[dict[str, Any]] = json.loads(meta.get(self.db.conn, meta.PARKED_FEEDBACK) or "[]")
        candidates = {fid: row for fid, row in batch.feedback.items()}
        for data in parked:
            row = feedback_row(data)
            candidates.setdefault(row[0], row)
        if not candidates:
            return
        known = snapshots.announcement_ids(self.db.conn) | set(batch.announcements)
        batch.feedback = {fid: row for fid, row in candidates.items() if row[1] in known}
        still = [
            {"id": r[0], "announcement_id": r[1], "text": r[2], "created_at": r[3]}
            for fid, r in candidates.items()
            if r[1] not in known
        ]
        if still or parked:
            meta.put(self.db.conn, meta.PARKED_FEEDBACK, json.dumps(still, ensure_ascii=False))

    def _finish(self, out: PullOutcome) -> None:
        """last_sync_at, the stale-wish safety net and one compact audit row for the pass."""
        at = self.clock()
        with write_transaction(self.db):
            meta.put(self.db.conn, meta.LAST_SYNC_AT, format_ts(at))
            cleared = snapshots.clear_stale_wanted(self.db.conn)
            if out.pulled or cleared:
                kinds: dict[str, int] = {}
                for n in out.news:
                    kinds[n.kind] = kinds.get(n.kind, 0) + 1
                audit.record(
                    self.db.conn,
                    at=at,
                    actor="sync",
                    action="sync_pull",
                    result="ok",
                    detail={
                        "pulled": out.pulled,
                        "pages": out.pages,
                        "cursor": out.cursor,
                        "news": kinds,
                        "stale_wishes_cleared": cleared,
                    },
                )
