"""The stores list: a table model over compact in-memory columns (Anki's browser-model idea).

Why not a QSortFilterProxyModel over a model of row objects: a merchant with 100,000 stores types
into the search box, and a Python ``filterAcceptsRow`` per row per keystroke is far too slow.
Instead ``StoreTable`` keeps one Python list or bytearray per field (ids, lower-cased names,
platform and eligibility codes, settings, deadlines), built off the GUI thread from
``ConsoleService.list_stores()``. Sorting keeps a cached order per column; filtering walks that
order with a few cheap tests, so a keystroke costs one pass over flat columns. The model exposes
only the visible row numbers; display text is made on demand for the rows the view paints.

Changes arrive by store id (``UiEvents.data_changed``): ``update_rows`` replaces those rows in
place and re-filters without reloading the whole list.
"""

from __future__ import annotations

import math
from array import array
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import compress, repeat
from operator import contains
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from console.core.model import Eligibility, Method, Platform
from console.core.reasons import Reason, ReasonCode
from console.core.timeutil import parse_ts
from console.ui import texts
from console.ui.i18n import fmt_countdown
from console.ui.resources import icon

if TYPE_CHECKING:  # console.service imports sqlite-utils: keep it off the first-paint path
    from console.service import StoreDetail, StoreFilter, StoreRow

# Eligibility codes in the order a merchant reads them (also the sort order of the column).
ELIGIBILITY_ORDER: tuple[Eligibility, ...] = (
    Eligibility.INVITED,
    Eligibility.REJECTED,
    Eligibility.IN_REVIEW,
    Eligibility.APPROVED,
    Eligibility.LIVE,
    Eligibility.NOT_INVITED,
    Eligibility.EXPIRED,
    Eligibility.WITHDRAWN,
    Eligibility.FROZEN,
)
_ELIG_CODE = {e: i for i, e in enumerate(ELIGIBILITY_ORDER)}
_PLATFORMS: tuple[Platform, ...] = (Platform.TAOBAO, Platform.TMALL)
_PLAT_CODE = {p: i for i, p in enumerate(_PLATFORMS)}

# A deadline is "coming soon" within this many days (summary chip and the red countdown).
SOON_DAYS = 7

IdRole = Qt.ItemDataRole.UserRole + 1  # str: the store id
EligibilityRole = Qt.ItemDataRole.UserRole + 2  # str: WeChat Pay eligibility wire value
PendingRole = Qt.ItemDataRole.UserRole + 3  # bool: something waits to sync
SoonRole = Qt.ItemDataRole.UserRole + 4  # bool: deadline within SOON_DAYS
SettingRole = Qt.ItemDataRole.UserRole + 5  # bool: the method's setting (WeChat Pay / Alipay columns)


class Col:
    STORE, PLATFORM, WECHAT, ALIPAY, SYNC, DEADLINE = range(6)
    COUNT = 6


# data() and flags() run for every cell of every paint (about 900 calls a frame): what they return
# is computed once here, since an enum "|" is a Python-level call (enum.Flag.__or__).
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
# Roles the item delegate asks for at every paint and this model leaves to the style.
_STYLE_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.SizeHintRole,
    )
)


@dataclass(frozen=True, slots=True)
class RowFilter:
    """The list's filter: the service's StoreFilter (None: no filter) plus "deadline soon"."""

    base: StoreFilter | None = None
    deadline_soon: bool = False

    @property
    def is_empty(self) -> bool:
        b = self.base
        base_empty = b is None or (
            not b.text.strip()
            and b.platform is None
            and b.wechat_eligibility is None
            and (b.method is None or b.method_on is None)
            and not b.pending_only
        )
        return base_empty and not self.deadline_soon


class Field(NamedTuple):
    """One column of ``StoreTable``: its attribute, its source field and how it is stored.

    ``source`` names both the ``StoreRow`` attribute and the ``console.storage.store_columns``
    field, so a new column of the list is one entry in ``FIELDS`` (plus its annotation on
    StoreTable and its SQL in store_columns). Kinds: ``text`` (list of str), ``code`` (one byte
    per row through ``codes``), ``flag`` (one byte, 0/1), ``int`` (array of int, None → 0),
    ``time`` (array of float Unix seconds, None → NaN).
    """

    attr: str
    source: str
    kind: str
    codes: dict[Any, int] | None = None
    default: int = 0


FIELDS: tuple[Field, ...] = (
    Field("ids", "id", "text"),
    Field("names", "name", "text"),
    Field("platform", "platform", "code", _PLAT_CODE),
    Field("elig", "wechat_eligibility", "code", _ELIG_CODE, _ELIG_CODE[Eligibility.NOT_INVITED]),
    Field("wechat", "wechat_setting", "flag"),
    Field("alipay", "alipay_setting", "flag"),
    Field("pending", "pending", "flag"),
    Field("phase", "phase", "int"),
    Field("deadline", "deadline_at", "time"),
)
#: The store_columns fields StoreTable.from_chunks expects, in FIELDS order.
SOURCES: tuple[str, ...] = tuple(f.source for f in FIELDS)


def _seconds(value: datetime | str | None) -> float:
    if value is None:
        return math.nan
    if isinstance(value, str):
        value = parse_ts(value)
    return value.timestamp()


def _cells(field: Field, values: Sequence[Any]) -> Iterable[Any]:
    """``values`` as the column stores them. Every branch runs at C speed (map over a dict's or
    a type's method): at 100,000 stores a Python call per cell would cost ~10 ms per column."""
    if field.kind == "code":
        assert field.codes is not None
        return map(field.codes.get, values, repeat(field.default))
    if field.kind == "flag":
        return map(bool, values)
    if field.kind == "int":
        return [v or 0 for v in values]
    if field.kind == "time":  # a few distinct deadlines (one per phase): parse each once
        seconds = {v: _seconds(v) for v in set(values)}
        return map(seconds.__getitem__, values)
    return values


def _empty(field: Field) -> Any:
    if field.kind == "text":
        return []
    if field.kind == "int":
        return array("i")
    if field.kind == "time":
        return array("d")
    return bytearray()


def _haystack(names: Iterable[str], ids: Iterable[str]) -> list[str]:
    """What the search box matches: "name\tid", case-folded."""
    return list(map(str.casefold, map("{}\t{}".format, names, ids)))


class StoreTable:
    """Column store of the stores list. Pure Python (no Qt): built in a worker thread."""

    __slots__ = (*(f.attr for f in FIELDS), "_last_text", "haystack", "index_of", "name_ordered")

    ids: list[str]
    names: list[str]
    platform: bytearray
    elig: bytearray
    wechat: bytearray  # the WeChat Pay setting, 0/1
    alipay: bytearray
    pending: bytearray
    phase: array[int]  # 0 = no phase
    deadline: array[float]  # Unix seconds, NaN = none
    haystack: list[str]  # "name\tid", lower-cased: what the search box matches
    index_of: dict[str, int]

    def __init__(self) -> None:
        for f in FIELDS:
            setattr(self, f.attr, _empty(f))
        self.haystack = []
        self.index_of = {}
        self._last_text: tuple[str, bytes] | None = None  # the search box's previous match
        # rows are in name order (then id): the store column needs no sort (~20 ms at 100,000)
        self.name_ordered = True

    @classmethod
    def from_chunks(
        cls, chunks: Iterable[Sequence[Sequence[Any]]], *, name_ordered: bool = False
    ) -> StoreTable:
        """Build from chunks of columns (one sequence per field of ``SOURCES``), e.g.
        ``console.storage.store_columns.iter_store_columns(conn, SOURCES)``; ``name_ordered``:
        the caller vouches that rows come ordered by name, then id (as that query does)."""
        t = cls()
        for chunk in chunks:
            t.extend(chunk)
        t.name_ordered = name_ordered
        return t

    @classmethod
    def from_rows(cls, rows: Iterable[StoreRow]) -> StoreTable:
        rows = list(rows)
        return cls.from_chunks([[[getattr(r, f.source) for r in rows] for f in FIELDS]])

    def __len__(self) -> int:
        return len(self.ids)

    def extend(self, chunk: Sequence[Sequence[Any]]) -> None:
        """Append rows given column-wise (one sequence per field, in FIELDS order)."""
        start = len(self.ids)
        for f, values in zip(FIELDS, chunk, strict=True):
            getattr(self, f.attr).extend(_cells(f, values))
        ids, names = chunk[0], chunk[1]
        self.haystack.extend(_haystack(names, ids))
        self.index_of.update(zip(ids, range(start, start + len(ids)), strict=True))
        self._last_text = None

    def append(self, r: StoreRow) -> None:
        self.extend([[getattr(r, f.source)] for f in FIELDS])
        self.name_ordered = False

    def replace(self, i: int, r: StoreRow) -> None:
        if r.name != self.names[i]:
            self.name_ordered = False
        for f in FIELDS:
            getattr(self, f.attr)[i] = next(iter(_cells(f, [getattr(r, f.source)])))
        self.haystack[i] = _haystack([r.name], [r.id])[0]
        self._last_text = None

    def eligibility(self, i: int) -> Eligibility:
        return ELIGIBILITY_ORDER[self.elig[i]]

    def platform_of(self, i: int) -> Platform:
        return _PLATFORMS[self.platform[i]]

    def deadline_of(self, i: int) -> datetime | None:
        d = self.deadline[i]
        return None if math.isnan(d) else datetime.fromtimestamp(d, UTC)

    # -- summary --------------------------------------------------------------------------
    def counts(self) -> dict[Eligibility, int]:
        """Stores per WeChat Pay eligibility (bytes.count is C speed)."""
        raw = bytes(self.elig)
        return {e: raw.count(code) for e, code in _ELIG_CODE.items()}

    def soon_mask(self, now: float) -> bytes:
        """0/1 per row: invited (or rejected) stores whose deadline falls within SOON_DAYS."""
        limit = now + SOON_DAYS * 86400
        actionable = bytearray(256)
        actionable[_ELIG_CODE[Eligibility.INVITED]] = actionable[_ELIG_CODE[Eligibility.REJECTED]] = 1
        n = len(self.ids)
        deadline = self.deadline
        # only the invited/rejected rows are looked at (picked at C speed) and the hits are
        # scattered at C speed: one Python pass over all 100,000 rows cost 13 ms
        candidates = compress(range(n), bytes(self.elig).translate(actionable))
        hits = [i for i in candidates if now <= deadline[i] <= limit]
        out = bytearray(n)
        deque(map(out.__setitem__, hits, repeat(1)), maxlen=0)
        return bytes(out)

    def pending_count(self) -> int:
        return bytes(self.pending).count(1)

    # -- sorting and filtering ------------------------------------------------------------
    def sort_order(self, column: int, descending: bool) -> Sequence[int]:
        """Row numbers in the column's order (ties broken by name, then id: stable lists).

        When the rows are in name order (``name_ordered``) the store column's order is a
        ``range``: no sort, and ``select`` picks rows from it at C speed.
        """
        n = len(self.ids)
        by_name: Sequence[int] = (
            range(n) if self.name_ordered else sorted(range(n), key=self.names.__getitem__)
        )
        keys: Sequence[Any]
        if column == Col.STORE:
            return by_name[::-1] if descending else by_name
        if column == Col.PLATFORM:
            keys = self.platform
        elif column == Col.WECHAT:
            keys = self.elig
        elif column == Col.ALIPAY:
            keys = self.alipay
        elif column == Col.SYNC:
            keys = self.pending
        else:  # deadline: stores without one go last
            keys = [math.inf if math.isnan(d) else d for d in self.deadline]
        return sorted(by_name, key=keys.__getitem__, reverse=descending)

    def text_mask(self, text: str) -> bytes:
        """0/1 per row: ``text`` (case-folded) occurs in the row's name or id.

        ``map(contains, …)`` keeps the loop in C (100,000 rows ≈ 7 ms, half a Python
        comprehension's time). When the text grows ("pa" → "pan") only the previous matches can
        still match, so only they are tested: typing on costs a fraction of the first letter.
        """
        n = len(self.ids)
        last = self._last_text
        if last is not None and last[0] and last[0] in text:
            previous = last[1]
            still = map(contains, compress(self.haystack, previous), repeat(text))
            rows = compress(compress(range(n), previous), still)
            out = bytearray(n)
            deque(map(out.__setitem__, rows, repeat(1)), maxlen=0)  # scatter at C speed
            mask = bytes(out)
        else:
            mask = bytes(map(contains, self.haystack, repeat(text)))
        self._last_text = (text, mask)
        return mask

    def select(self, order: Sequence[int], flt: RowFilter, now: float) -> Sequence[int]:
        """The rows of ``order`` that pass ``flt``, keeping the order.

        Each test makes a 0/1 byte mask in storage order (``bytes.translate`` for code columns,
        one sequential pass for text: walking strings in sorted order instead costs 6x more in
        cache misses at 100,000 rows); masks are ANDed as big integers, then ``order`` is walked
        once (at C speed with ``compress`` when it is a ``range``: 100,000 rows 1 ms instead of 5).
        """
        n = len(self.ids)
        masks: list[bytes] = []
        b = flt.base
        if b is not None:
            if b.platform is not None:
                masks.append(_equals(self.platform, _PLAT_CODE[b.platform]))
            if b.wechat_eligibility is not None:
                masks.append(_equals(self.elig, _ELIG_CODE[b.wechat_eligibility]))
            if b.method is not None and b.method_on is not None:
                col = self.wechat if b.method == Method.WECHAT_PAY else self.alipay
                masks.append(bytes(col) if b.method_on else _equals(col, 0))
            if b.pending_only:
                masks.append(bytes(self.pending))
            text = b.text.strip().casefold()
            if text:
                masks.append(self.text_mask(text))
        if flt.deadline_soon:
            masks.append(self.soon_mask(now))
        if not masks:
            return order
        mask = masks[0]
        if len(masks) > 1:
            acc = int.from_bytes(mask, "little")
            for m in masks[1:]:
                acc &= int.from_bytes(m, "little")
            mask = acc.to_bytes(n, "little")
        if mask.count(0) == 0:  # everything matches (a common first letter): the order itself
            return order
        if isinstance(order, range):
            return list(compress(order, mask if order.step > 0 else mask[::-1]))
        return [i for i in order if mask[i]]


def _equals(column: bytearray, code: int) -> bytes:
    """0/1 mask of ``column == code`` at C speed."""
    table = bytearray(256)
    table[code] = 1
    return bytes(column).translate(table)


def row_from_detail(detail: StoreDetail) -> StoreRow:
    """A StoreRow from a ``StoreDetail`` (used to refresh single rows after a change)."""
    from console.service import StoreRow

    wechat = detail.methods.get(Method.WECHAT_PAY)
    alipay = detail.methods.get(Method.ALIPAY)
    inv = detail.invitation
    pending = any(mv.state.wanted is not None for mv in detail.methods.values())
    return StoreRow(
        id=detail.store.id,
        platform=detail.store.platform,
        name=detail.store.name,
        status=str(detail.store.status),
        wechat_eligibility=wechat.state.eligibility if wechat else Eligibility.NOT_INVITED,
        wechat_setting=wechat.state.setting if wechat else False,
        alipay_setting=alipay.state.setting if alipay else False,
        pending=pending,
        phase=inv.phase if inv else None,
        deadline_at=inv.deadline_at if inv else None,
    )


class StoresModel(QAbstractTableModel):
    """Visible rows of a StoreTable, sorted and filtered in memory."""

    def __init__(self, parent: Any = None, *, clock: Any = None) -> None:
        super().__init__(parent)
        self._table = StoreTable()
        # row -> table row; may be the cached sort order itself (a list or range, never mutated)
        self._visible: Sequence[int] = []
        self._filter = RowFilter()
        self._sort = (Col.STORE, False)
        self._order_cache: dict[tuple[int, bool], Sequence[int]] = {}
        from console.core.timeutil import utcnow  # the app's one clock (console/core/clock.py)

        self._clock = clock or utcnow
        self._icons: dict[str, QIcon] = {}

    # -- loading --------------------------------------------------------------------------
    @property
    def table(self) -> StoreTable:
        return self._table

    def set_table(self, table: StoreTable) -> None:
        """Swap in a freshly loaded table (built off the GUI thread)."""
        self.beginResetModel()
        self._table = table
        self._order_cache.clear()
        self._visible = self._compute_visible()
        self.endResetModel()

    def update_rows(self, rows: Iterable[StoreRow]) -> None:
        """Replace the given stores' rows in place (new stores are appended); re-filter."""
        changed = False
        for r in rows:
            i = self._table.index_of.get(r.id)
            if i is None:
                self._table.append(r)
            else:
                self._table.replace(i, r)
            changed = True
        if not changed:
            return
        self._order_cache.clear()
        visible = self._compute_visible()
        if list(visible) == list(self._visible):
            if self._visible:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, Col.COUNT - 1))
        else:
            self._relayout(visible)

    def _relayout(self, visible: Sequence[int]) -> None:
        """Switch to new visible rows keeping selections and the current index on their stores."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._visible[p.row()] if p.isValid() else -1 for p in old]
        self._visible = visible
        pos = {row: n for n, row in enumerate(visible)}
        new = []
        for p, row in zip(old, old_rows, strict=True):
            n = pos.get(row)
            new.append(self.index(n, p.column()) if n is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- filter and sort ------------------------------------------------------------------
    @property
    def row_filter(self) -> RowFilter:
        return self._filter

    def set_filter(self, flt: RowFilter) -> None:
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._visible = self._compute_visible()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = (column, order == Qt.SortOrder.DescendingOrder)
        if key == self._sort and self._visible:
            return
        self._sort = key
        self._relayout(self._compute_visible())

    def _order(self) -> Sequence[int]:
        order = self._order_cache.get(self._sort)
        if order is None:
            order = self._table.sort_order(*self._sort)
            self._order_cache[self._sort] = order
        return order

    def _compute_visible(self) -> Sequence[int]:
        order = self._order()
        if self._filter.is_empty:
            return order
        return self._table.select(order, self._filter, self._clock().timestamp())

    # -- lookups --------------------------------------------------------------------------
    def store_id(self, row: int) -> str | None:
        if 0 <= row < len(self._visible):
            return self._table.ids[self._visible[row]]
        return None

    def row_of(self, store_id: str) -> int | None:
        i = self._table.index_of.get(store_id)
        if i is None:
            return None
        try:
            return self._visible.index(i)
        except ValueError:
            return None

    def visible_ids(self) -> list[str]:
        ids = self._table.ids
        return [ids[i] for i in self._visible]

    def total_count(self) -> int:
        return len(self._table)

    def retranslate(self) -> None:
        """Texts come from translate() at paint time: ask the views to repaint in the new language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, Col.COUNT - 1)
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, Col.COUNT - 1))

    # -- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else Col.COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Col.STORE: QCoreApplication.translate("StoresModel", "Store"),
            Col.PLATFORM: QCoreApplication.translate("StoresModel", "Platform"),
            Col.WECHAT: QCoreApplication.translate("StoresModel", "WeChat Pay"),
            Col.ALIPAY: QCoreApplication.translate("StoresModel", "Alipay"),
            Col.SYNC: QCoreApplication.translate("StoresModel", "Sync"),
            Col.DEADLINE: QCoreApplication.translate("StoresModel", "Deadline"),
        }.get(section)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS

    def _icon(self, name: str) -> QIcon:
        ic = self._icons.get(name)
        if ic is None:
            ic = icon(name)
            self._icons[name] = ic
        return ic

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role in _STYLE_ROLES or not index.isValid() or not (0 <= index.row() < len(self._visible)):
            return None
        t = self._table
        i = self._visible[index.row()]
        col = index.column()
        if role == IdRole:
            return t.ids[i]
        if role == EligibilityRole:
            return str(t.eligibility(i))
        if role == PendingRole:
            return bool(t.pending[i])
        if role == SettingRole:
            if col == Col.WECHAT:
                return bool(t.wechat[i])
            if col == Col.ALIPAY:
                return bool(t.alipay[i])
            return None
        if role == SoonRole:
            d = t.deadline_of(i)
            now = self._clock()
            return bool(
                d is not None
                and t.eligibility(i) in (Eligibility.INVITED, Eligibility.REJECTED)
                and now <= d <= now + timedelta(days=SOON_DAYS)
            )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(i, col, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(i, col)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == Col.STORE:
                return self._icon(f"platform-{t.platform_of(i)}")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_CENTER if col in (Col.SYNC, Col.ALIPAY) else _ALIGN_LEFT
        return None

    def _display(self, i: int, col: int, accessible: bool) -> str:
        t = self._table
        if col == Col.STORE:
            return t.names[i]
        if col == Col.PLATFORM:
            return texts.platform_name(t.platform_of(i))
        if col == Col.WECHAT:
            label = texts.eligibility_name(t.eligibility(i))
            phase = t.phase[i]
            if phase:
                return (
                    QCoreApplication.translate("StoresModel", "%1 · phase %2")
                    .replace("%1", label)
                    .replace("%2", str(phase))
                )
            return label
        if col == Col.ALIPAY:
            return texts.on_off(bool(t.alipay[i]))
        if col == Col.SYNC:
            if t.pending[i]:
                return (
                    QCoreApplication.translate("StoresModel", "Waiting")
                    if not accessible
                    else texts.sync_state_name("pending")
                )
            return "" if not accessible else texts.sync_state_name("confirmed")
        if col == Col.DEADLINE:
            d = t.deadline_of(i)
            if d is None or t.eligibility(i) not in (Eligibility.INVITED, Eligibility.REJECTED):
                return ""
            return fmt_countdown(d, self._clock())
        return ""

    def _tooltip(self, i: int, col: int) -> str | None:
        t = self._table
        if col == Col.STORE:
            return f"{t.names[i]} ({t.ids[i]})"
        if col == Col.WECHAT:
            return texts.eligibility_explained(t.eligibility(i))
        if col == Col.SYNC and t.pending[i]:
            return texts.reason_text(Reason(ReasonCode.PENDING_SYNC), "")
        return None
