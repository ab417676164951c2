"""The stores list: a table model over compact in-memory columns (Anki's browser-model idea).

Why not a QSortFilterProxyModel over a model of row objects: a merchant with 100,000 stores types
into the search box, and a Python ``filterAcceptsRow`` per row per keystroke is far too slow.
Instead ``StoreTable`` keeps one Python list or bytearray per field (ids, lower-cased names,
platform and eligibility codes, settings, deadlines), built off the GUI thread from
``ConsoleService.store_columns()``. Sorting keeps a cached order per column; filtering walks that
order with a few cheap tests, so a keystroke costs one pass over flat columns. The model exposes
only the visible row numbers; display text is made on demand for the rows the view paints.

Per method the list shows the three facts a merchant reads together (issue #12, as Stripe's
payment-method list): the platform's state, the merchant's setting and whether shoppers see it.
"Shown to shoppers" is ``console.core.rules.method_facts``' answer, never re-derived here: the few
inputs it depends on for a list row (store status, platform, eligibility, confirmed and wanted
setting, terms offered) fit in one byte, so ``rules.method_facts`` is asked once per possible
byte and each row's facts are one ``bytes.translate`` away (``_facts_table``).

Changes arrive by store id (``UiEvents.data_changed``): ``update_rows`` replaces those rows in
place and re-filters without reloading the whole list. Checked rows (the bulk selection) are kept
by store id, so they survive filtering, sorting and reloads.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): the columnar table, its
filter and its Qt model are one performance design (arrays shared without copies, measured by
make bench); the planned cut moves StoreTable and the filter into ui/models/store_table.py.
"""

from __future__ import annotations

import math
import string
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import compress, repeat
from operator import contains
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from console import words
from console.core import rules
from console.core.model import Eligibility, Method, MethodState, MethodTerms, Platform, Store, StoreStatus
from console.core.reasons import Reason, ReasonCode
from console.core.rules import Visibility
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
_STATUSES: tuple[StoreStatus, ...] = (StoreStatus.OPEN, StoreStatus.FROZEN, StoreStatus.CLOSED)
_STATUS_CODE: dict[Any, int] = {s: i for i, s in enumerate(_STATUSES)}
_DEADLINE_ELIG = (Eligibility.INVITED, Eligibility.REJECTED)  # where an application deadline matters

# A deadline is "coming soon" within this many days (summary chip and the red countdown).
SOON_DAYS = 7

IdRole = Qt.ItemDataRole.UserRole + 1  # str: the store id
EligibilityRole = Qt.ItemDataRole.UserRole + 2  # str: WeChat Pay eligibility wire value
PendingRole = Qt.ItemDataRole.UserRole + 3  # bool: something waits to sync
SoonRole = Qt.ItemDataRole.UserRole + 4  # bool: deadline within SOON_DAYS
SettingRole = Qt.ItemDataRole.UserRole + 5  # bool: the method's setting (WeChat Pay / Alipay columns)
ShownRole = Qt.ItemDataRole.UserRole + 6  # bool: shoppers can pay with the column's method now
PillRole = Qt.ItemDataRole.UserRole + 7  # str: the pill's colour key (green only when shown)


class Col:
    CHECK, STORE, PLATFORM, WECHAT, ALIPAY, SYNC, DEADLINE = range(7)
    COUNT = 7


#: The method each method column is about.
METHOD_COLUMNS: dict[int, Method] = {Col.WECHAT: Method.WECHAT_PAY, Col.ALIPAY: Method.ALIPAY}

# data() and flags() run for every cell of every paint (about 900 calls a frame): what they return
# is computed once here, since an enum "|" is a Python-level call (enum.Flag.__or__).
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_CHECK_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsUserCheckable
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
_CHECKED = Qt.CheckState.Checked
_UNCHECKED = Qt.CheckState.Unchecked
_CHECK_ROLE = int(Qt.ItemDataRole.CheckStateRole)
# Roles the item delegate asks for at every paint and this model leaves to the style.
_STYLE_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.SizeHintRole,
    )
)

# -- the three facts, one byte per row and method ------------------------------------------------

#: Bits of a facts byte (``StoreTable.facts``).
SHOWN, FROZEN, EXPIRED, WITHDRAWN = 1, 2, 4, 8
_VIS_BIT = {
    Visibility.SHOWN: SHOWN,
    Visibility.FROZEN: FROZEN,
    Visibility.EXPIRED: EXPIRED,
    Visibility.WITHDRAWN: WITHDRAWN,
}
_N_ELIG = len(ELIGIBILITY_ORDER)
#: Every Visibility the list filters and counts by, in chip order.
VISIBILITIES: tuple[Visibility, ...] = (
    Visibility.SHOWN,
    Visibility.NOT_SHOWN,
    Visibility.FROZEN,
    Visibility.EXPIRED,
    Visibility.WITHDRAWN,
)


def _facts_key(status: int, platform: int, elig: int, enabled: int, setting: int) -> int:
    """The byte that decides a row's facts (≤ 215): its inputs to ``rules.method_facts``."""
    return (((status * 2 + platform) * _N_ELIG + elig) * 2 + enabled) * 2 + setting


@lru_cache(maxsize=16)
def _facts_table(method: Method, offered: frozenset[tuple[Platform, Method]]) -> bytes:
    """Facts byte for every key byte, by asking ``rules.method_facts`` (the one owner of "shown").

    A list row has no invitation: only the time-bound "invited but past the deadline is expired"
    needs one, and ``StoreTable.visibility_mask`` adds it from the deadline column at filter time.
    """
    out = bytearray(256)
    now = datetime(2000, 1, 1, tzinfo=UTC)  # unused without an invitation
    for s, status in enumerate(_STATUSES):
        for p, platform in enumerate(_PLATFORMS):
            store = Store(id="s", platform=platform, name="", category="", status=status)
            terms = None
            if (platform, method) in offered:
                terms = MethodTerms(platform, method, 0, None, frozenset(), 0)
            for e, elig in enumerate(ELIGIBILITY_ORDER):
                for enabled in (0, 1):
                    for setting in (0, 1):
                        wanted = bool(setting) if setting != enabled else None
                        state = MethodState("s", method, elig, bool(enabled), wanted)
                        f = rules.method_facts(store, state, terms, None, now)
                        bits = sum(bit for vis, bit in _VIS_BIT.items() if vis in f.visibility)
                        out[_facts_key(s, p, e, enabled, setting)] = bits
    return bytes(out)


#: Characters whose rows ``StoreTable.index_letters`` notes: the first letter of a search typed
#: with a Latin keyboard (Chinese arrives through an input method, a few rows per character).
LETTERS = string.ascii_lowercase + string.digits + " -_."

#: Every (platform, method) pair: what a table assumes until told which terms the platform offers.
ALL_OFFERED: frozenset[tuple[Platform, Method]] = frozenset((p, m) for p in Platform for m in Method)


@dataclass(frozen=True, slots=True)
class RowFilter:
    """The list's filter: the service's StoreFilter (None: no filter) plus what only the list
    knows: "deadline soon", a WeChat Pay visibility chip, and "method shown / not shown"."""

    base: StoreFilter | None = None
    deadline_soon: bool = False
    visibility: Visibility | None = None  # about WeChat Pay (the chips)
    shown: tuple[Method, bool] | None = None  # (method, shown to shoppers?)

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
        return base_empty and not self.deadline_soon and self.visibility is None and self.shown is None

    @property
    def store_filter(self) -> StoreFilter | None:
        """The same stores as a service ``StoreFilter`` (what the terminal and SQL understand), or
        None when a part of this filter exists only in the list (deadline soon, visibility)."""
        if self.deadline_soon or self.visibility is not None or self.shown is not None:
            return None
        if self.base is None:
            from console.service import StoreFilter

            return StoreFilter()
        return self.base


@dataclass(frozen=True, slots=True)
class BulkScope:
    """The stores a bulk change is about, as the stores page hands them to the bulk page.

    ``store_ids`` is always resolved (in the list's order at the moment of the request), so the
    bulk page can use it as is. ``matching`` is True when the merchant chose "all N stores matching
    the current filter"; then ``store_filter`` is that filter as the service understands it (None
    when it has list-only parts, e.g. "shown to shoppers"), so a dry run can say what it was.
    ``method`` is the method the list was filtered on, if any (a hint for the bulk page's default).
    """

    store_ids: tuple[str, ...]
    matching: bool = False
    store_filter: StoreFilter | None = None
    method: Method | None = None

    def __len__(self) -> int:
        return len(self.store_ids)


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
    Field("status", "status", "code", _STATUS_CODE),
    Field("elig", "wechat_eligibility", "code", _ELIG_CODE, _ELIG_CODE[Eligibility.NOT_INVITED]),
    Field("wechat", "wechat_setting", "flag"),
    Field("wechat_on", "wechat_enabled", "flag"),
    Field("alipay_elig", "alipay_eligibility", "code", _ELIG_CODE, _ELIG_CODE[Eligibility.NOT_INVITED]),
    Field("alipay", "alipay_setting", "flag"),
    Field("alipay_on", "alipay_enabled", "flag"),
    Field("pending", "pending", "flag"),
    Field("phase", "phase", "int"),
    Field("deadline", "deadline_at", "time"),
)
#: The store_columns fields StoreTable.from_chunks expects, in FIELDS order.
SOURCES: tuple[str, ...] = tuple(f.source for f in FIELDS)
# per method: (eligibility, setting, confirmed setting) attributes of StoreTable
_METHOD_ATTRS: dict[Method, tuple[str, str, str]] = {
    Method.WECHAT_PAY: ("elig", "wechat", "wechat_on"),
    Method.ALIPAY: ("alipay_elig", "alipay", "alipay_on"),
}


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


def _fresh_copies(texts: list[str]) -> list[str]:
    """The same strings as new objects, allocated one after the other in list order.

    ``text_mask`` walks the haystack at every keystroke; after the pinyin reorder its strings
    lay in memory in the old order, and walking them in the new one missed the CPU caches:
    a letter at 100,000 stores took 29 ms instead of 6. One join and split (≈ 50 ms, on the db
    lane) lays them out in order again."""
    sep = "\n"
    joined = sep.join(texts)
    if joined.count(sep) != max(len(texts) - 1, 0):  # a name with a line break: one by one
        return [f"{t}{sep}"[:-1] for t in texts]
    return joined.split(sep) if texts else []


def _bits(column: bytes | bytearray, bit: int) -> bytes:
    """0/1 mask of ``column & bit`` at C speed."""
    return bytes(column).translate(bytes(1 if b & bit else 0 for b in range(256)))


def _scatter(n: int, rows: Iterable[int]) -> bytes:
    """A 0/1 mask of ``n`` rows with ``rows`` set, at C speed."""
    out = bytearray(n)
    deque(map(out.__setitem__, rows, repeat(1)), maxlen=0)
    return bytes(out)


class StoreTable:
    """Column store of the stores list. Pure Python (no Qt): built in a worker thread."""

    __slots__ = (
        *(f.attr for f in FIELDS),
        "_last_text",
        "version",
        "facts",
        "haystack",
        "index_of",
        "letters",
        "name_ordered",
        "offered",
    )

    ids: list[str]
    names: list[str]
    platform: bytearray
    status: bytearray  # store status code (open, frozen, closed)
    elig: bytearray  # WeChat Pay eligibility code
    wechat: bytearray  # the WeChat Pay setting (pending wish, else confirmed), 0/1
    wechat_on: bytearray  # WeChat Pay as the platform confirmed it, 0/1
    alipay_elig: bytearray
    alipay: bytearray
    alipay_on: bytearray
    pending: bytearray
    phase: array[int]  # 0 = no phase
    deadline: array[float]  # Unix seconds, NaN = none
    haystack: list[str]  # "name\tid", lower-cased: what the search box matches
    letters: dict[str, bytearray]  # per LETTERS character, the 0/1 mask of the rows holding it
    index_of: dict[str, int]
    facts: dict[Method, bytearray]  # per method, one facts byte per row (SHOWN | FROZEN | ...)
    offered: frozenset[tuple[Platform, Method]]  # (platform, method) pairs the platform has terms for

    def __init__(self, offered: frozenset[tuple[Platform, Method]] = ALL_OFFERED) -> None:
        for f in FIELDS:
            setattr(self, f.attr, _empty(f))
        self.haystack = []
        self.index_of = {}
        self.letters = {}  # built by index_letters (after a load, off the GUI thread)
        self.version = 0  # counts changes to the rows (a job's result about older rows is dropped)
        self.facts = {m: bytearray() for m in Method}
        self.offered = offered
        self._last_text: tuple[str, bytes] | None = None  # the search box's previous match
        # rows are in the list's name order (then id): the store column needs no sort
        self.name_ordered = True

    @classmethod
    def from_chunks(
        cls,
        chunks: Iterable[Sequence[Sequence[Any]]],
        *,
        name_ordered: bool = False,
        offered: frozenset[tuple[Platform, Method]] = ALL_OFFERED,
    ) -> StoreTable:
        """Build from chunks of columns (one sequence per field of ``SOURCES``), e.g.
        ``console.storage.store_columns.iter_store_columns(conn, SOURCES)``; ``name_ordered``:
        the caller vouches that rows come in the list's name order (as ``in_name_order`` makes
        them); ``offered``: the (platform, method) pairs with terms (no terms: never shown)."""
        t = cls(offered)
        for chunk in chunks:
            t.extend(chunk)
        t.name_ordered = name_ordered
        return t

    @classmethod
    def from_rows(
        cls, rows: Iterable[StoreRow], offered: frozenset[tuple[Platform, Method]] = ALL_OFFERED
    ) -> StoreTable:
        rows = list(rows)
        return cls.from_chunks([[[getattr(r, f.source) for r in rows] for f in FIELDS]], offered=offered)

    def __len__(self) -> int:
        return len(self.ids)

    def extend(self, chunk: Sequence[Sequence[Any]]) -> None:
        """Append rows given column-wise (one sequence per field, in FIELDS order)."""
        start = len(self.ids)
        for f, values in zip(FIELDS, chunk, strict=True):
            getattr(self, f.attr).extend(_cells(f, values))
        ids, names = chunk[0], chunk[1]
        added = _haystack(names, ids)
        self.haystack.extend(added)
        self.index_of.update(zip(ids, range(start, start + len(ids)), strict=True))
        self._last_text = None
        self.version += 1
        for c, mask in self.letters.items():
            mask.extend(map(contains, added, repeat(c)))
        for m in Method:
            self.facts[m].extend(self._facts(m, start, len(self.ids)))

    def _facts(self, method: Method, start: int, stop: int) -> bytes:
        """Facts bytes of rows ``start:stop``: the key byte is built with big-integer arithmetic
        on whole columns (each byte stays < 256, so no carry crosses rows: C speed, ~1 ms at
        100,000 rows), then translated through ``_facts_table``."""
        n = stop - start
        if n <= 0:
            return b""
        elig, setting, enabled = (getattr(self, a)[start:stop] for a in _METHOD_ATTRS[method])

        def big(col: bytes | bytearray) -> int:
            return int.from_bytes(col, "little")

        key = big(self.status[start:stop]) * 2 + big(self.platform[start:stop])
        key = ((key * _N_ELIG + big(elig)) * 2 + big(enabled)) * 2 + big(setting)
        return key.to_bytes(n, "little").translate(_facts_table(method, self.offered))

    def set_offered(self, offered: frozenset[tuple[Platform, Method]]) -> None:
        """The platform's terms changed: every row's facts again."""
        self.offered = offered
        for m in Method:
            self.facts[m] = bytearray(self._facts(m, 0, len(self.ids)))

    def append(self, r: StoreRow) -> None:
        self.extend([[getattr(r, f.source)] for f in FIELDS])
        self.name_ordered = False

    def replace(self, i: int, r: StoreRow) -> None:
        if r.name != self.names[i]:
            self.name_ordered = False
        for f in FIELDS:
            getattr(self, f.attr)[i] = next(iter(_cells(f, [getattr(r, f.source)])))
        hay = self.haystack[i] = _haystack([r.name], [r.id])[0]
        self._last_text = None
        self.version += 1
        for c, mask in self.letters.items():
            mask[i] = c in hay
        for m in Method:
            self.facts[m][i] = self._facts(m, i, i + 1)[0]

    def permuted(self, order: Sequence[int]) -> StoreTable:
        """A copy with the rows in ``order`` (a permutation of all rows), marked name-ordered:
        the list's pinyin order becomes storage order, so filtering keeps its C-speed path.
        Columns are copied as stored (codes stay codes)."""
        t = StoreTable(self.offered)
        for f in FIELDS:
            col = getattr(self, f.attr)
            picked = map(col.__getitem__, order)
            if isinstance(col, list):
                setattr(t, f.attr, list(picked))
            elif isinstance(col, array):
                setattr(t, f.attr, array(col.typecode, picked))
            else:
                setattr(t, f.attr, bytearray(picked))
        t.haystack = _fresh_copies(list(map(self.haystack.__getitem__, order)))
        t.index_of = dict(zip(t.ids, range(len(t.ids)), strict=True))
        t.facts = {m: bytearray(map(self.facts[m].__getitem__, order)) for m in Method}
        # the letter masks follow the rows (≈ 3 ms a letter; building them anew costs 9)
        t.letters = {c: bytearray(map(mask.__getitem__, order)) for c, mask in self.letters.items()}
        t.name_ordered = True
        return t

    def index_letters(self) -> None:
        """Note, for each character of ``LETTERS``, which rows hold it (≈ 6 ms a character at
        100,000 rows: run off the GUI thread). A first letter typed into an empty search box is
        then a lookup instead of a scan of every row: at 100,000 stores the scan costs 5-9 ms of
        a 16 ms frame, and the letters that follow narrow the first one's rows."""
        self.letters = self.letter_masks()

    def letter_masks(self) -> dict[str, bytearray]:
        """The masks ``index_letters`` installs; safe to run beside the GUI thread if the caller
        drops them when ``version`` changed meanwhile."""
        return {c: bytearray(map(contains, self.haystack, repeat(c))) for c in LETTERS}

    def store_status(self, i: int) -> StoreStatus:
        return _STATUSES[self.status[i]]

    def eligibility(self, i: int, method: Method = Method.WECHAT_PAY) -> Eligibility:
        return ELIGIBILITY_ORDER[(self.elig if method is Method.WECHAT_PAY else self.alipay_elig)[i]]

    def setting(self, i: int, method: Method) -> bool:
        return bool((self.wechat if method is Method.WECHAT_PAY else self.alipay)[i])

    def shown(self, i: int, method: Method) -> bool:
        """Shoppers can pay with ``method`` at this store now (``rules.method_facts``)."""
        return bool(self.facts[method][i] & SHOWN)

    def platform_of(self, i: int) -> Platform:
        return _PLATFORMS[self.platform[i]]

    def deadline_of(self, i: int) -> datetime | None:
        d = self.deadline[i]
        return None if math.isnan(d) else datetime.fromtimestamp(d, UTC)

    def deadline_shown(self, i: int, now: float) -> float | None:
        """The deadline as the list shows it (``rules.deadline_that_matters``): an open store,
        invited or rejected, deadline ahead; None elsewhere."""
        d = self.deadline[i]
        if math.isnan(d) or d <= now or self.status[i] != 0 or self.eligibility(i) not in _DEADLINE_ELIG:
            return None
        return d

    # -- summary --------------------------------------------------------------------------
    def counts(self) -> dict[Eligibility, int]:
        """Stores per WeChat Pay eligibility (bytes.count is C speed)."""
        raw = bytes(self.elig)
        return {e: raw.count(code) for e, code in _ELIG_CODE.items()}

    def visibility_mask(self, method: Method, visibility: Visibility, now: float) -> bytes:
        """0/1 per row: ``method``'s facts include ``visibility`` (``rules.Visibility``).

        "Expired" also takes the stores still invited whose deadline has passed (the platform
        has not said so yet; ``rules.method_facts`` calls them expired from the invitation)."""
        facts = self.facts[method]
        if visibility is Visibility.NOT_SHOWN:
            return _bits(facts, SHOWN).translate(b"\x01\x00" + bytes(254))
        mask = _bits(facts, _VIS_BIT[visibility])
        if visibility is Visibility.EXPIRED:
            elig = self.elig if method is Method.WECHAT_PAY else self.alipay_elig
            deadline = self.deadline
            candidates = compress(range(len(self.ids)), _equals(elig, _ELIG_CODE[Eligibility.INVITED]))
            late = _scatter(len(self.ids), (i for i in candidates if deadline[i] <= now))
            either = int.from_bytes(mask, "little") | int.from_bytes(late, "little")
            mask = either.to_bytes(len(mask), "little")
        return mask

    def visibility_counts(self, method: Method, now: float) -> dict[Visibility, int]:
        """Stores per visibility of ``method`` (a store may count under several: not shown and
        frozen). C-speed counts, recounted when the data changes, never per keystroke."""
        return {v: self.visibility_mask(method, v, now).count(1) for v in VISIBILITIES}

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
        return _scatter(n, (i for i in candidates if now <= deadline[i] <= limit))

    def pending_count(self) -> int:
        return bytes(self.pending).count(1)

    # -- sorting and filtering ------------------------------------------------------------
    def sort_order(self, column: int, descending: bool, now: float = 0.0) -> Sequence[int]:
        """Row numbers in the column's order (ties broken by name, then id: stable lists).

        Each column sorts by what it shows: WeChat Pay by platform state, shown first within
        it; Alipay shown, then on but not shown, then off; the deadline by the countdown shown
        (stores showing none go last). When the rows are in name order (``name_ordered``) the
        store column's order is a ``range``: no sort, and ``select`` picks rows from it at C speed.
        """
        n = len(self.ids)
        by_name: Sequence[int] = (
            range(n) if self.name_ordered else sorted(range(n), key=self.names.__getitem__)
        )
        keys: Sequence[Any]
        if column in (Col.STORE, Col.CHECK):
            return by_name[::-1] if descending else by_name
        if column == Col.PLATFORM:
            keys = self.platform
        elif column == Col.WECHAT:
            hidden = _bits(self.facts[Method.WECHAT_PAY], SHOWN).translate(b"\x01\x00" + bytes(254))
            keys = list(map(int.__add__, map((2).__mul__, self.elig), hidden))
        elif column == Col.ALIPAY:
            f, s = self.facts[Method.ALIPAY], self.alipay
            keys = [0 if f[i] & SHOWN else 2 - s[i] for i in range(n)]
        elif column == Col.SYNC:
            keys = self.pending
        else:  # deadline, as shown: stores without one go last
            keys = [math.inf if (d := self.deadline_shown(i, now)) is None else d for i in range(n)]
        return sorted(by_name, key=keys.__getitem__, reverse=descending)

    def text_mask(self, text: str) -> bytes:
        """0/1 per row: ``text`` (case-folded) occurs in the row's name or id.

        ``map(contains, …)`` keeps the loop in C (100,000 rows ≈ 7 ms, half a Python
        comprehension's time). A single character of ``LETTERS`` is looked up once the table is
        indexed (``index_letters``). When the text grows ("pa" → "pan") only the previous
        matches can still match, so only they are tested: typing on costs a fraction of the
        first letter.
        """
        n = len(self.ids)
        last = self._last_text
        letter = self.letters.get(text)
        if letter is not None:
            mask = bytes(letter)
        elif last is not None and last[0] and last[0] in text:
            previous = last[1]
            still = map(contains, compress(self.haystack, previous), repeat(text))
            mask = _scatter(n, compress(compress(range(n), previous), still))
        else:
            mask = bytes(map(contains, self.haystack, repeat(text)))
        self._last_text = (text, mask)
        return mask

    def filter_mask(self, flt: RowFilter, now: float) -> bytes | None:
        """0/1 per row (storage order) of the rows passing ``flt``; None when all pass.

        Each test makes a 0/1 byte mask (``bytes.translate`` for code columns, one sequential
        pass for text: walking strings in sorted order instead costs 6x more in cache misses at
        100,000 rows); masks are ANDed as big integers.
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
        if flt.visibility is not None:
            masks.append(self.visibility_mask(Method.WECHAT_PAY, flt.visibility, now))
        if flt.shown is not None:
            method, shown = flt.shown
            vis = Visibility.SHOWN if shown else Visibility.NOT_SHOWN
            masks.append(self.visibility_mask(method, vis, now))
        if not masks:
            return None
        mask = masks[0]
        if len(masks) > 1:
            acc = int.from_bytes(mask, "little")
            for m in masks[1:]:
                acc &= int.from_bytes(m, "little")
            mask = acc.to_bytes(n, "little")
        if mask.count(0) == 0:  # everything matches (a common first letter)
            return None
        return mask

    def select(self, order: Sequence[int], flt: RowFilter, now: float) -> Sequence[int]:
        """The rows of ``order`` that pass ``flt``, keeping the order (``order`` itself when all
        pass; at C speed with ``compress`` when it is a ``range``: 100,000 rows 1 ms, not 5)."""
        mask = self.filter_mask(flt, now)
        if mask is None:
            return order
        if isinstance(order, range):
            if order == range(len(mask)):  # compress over a list: no int made per row, 3.4 → 1.3 ms
                return list(compress(_row_numbers(len(mask)), mask)) if mask.count(1) else []
            return list(compress(order, mask if order.step > 0 else mask[::-1]))
        return [i for i in order if mask[i]]


@lru_cache(maxsize=2)
def _row_numbers(n: int) -> list[int]:
    """``list(range(n))``, kept: ``compress`` over it hands out the row numbers without making
    one int object per row as a range does (about 2 ms a keystroke at 100,000 stores)."""
    return list(range(n))


def _same_rows(a: Sequence[int], b: Sequence[int]) -> bool:
    """``a`` and ``b`` list the same rows in the same order (C-speed compares: a range is
    compared as a range, a list of 100,000 rows is about 1 ms)."""
    if a is b:
        return True
    if len(a) != len(b):
        return False
    if isinstance(a, range) and isinstance(b, range):
        return a == b
    return list(a) == list(b)


def _equals(column: bytes | bytearray, code: int) -> bytes:
    """0/1 mask of ``column == code`` at C speed."""
    table = bytearray(256)
    table[code] = 1
    return bytes(column).translate(table)


def in_name_order(table: StoreTable, ranks: Sequence[int]) -> StoreTable:
    """``table`` reordered by ``ranks`` (``console.ui.collation.Collation.ranks`` of its names:
    pinyin, numbers by value), ties by id. Run off the GUI thread, once per load."""
    # by rank, ties by id: a stable sort by rank of the rows in id order (two C-speed key
    # sorts, 18 ms at 100,000 rows; a (rank, id) tuple per row took 86)
    order = sorted(sorted(range(len(table)), key=table.ids.__getitem__), key=ranks.__getitem__)
    ordered = table.permuted(order)
    if not ordered.letters:  # the load's letter job had not finished
        ordered.index_letters()
    return ordered


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
        wechat_enabled=wechat.state.enabled if wechat else False,
        alipay_eligibility=alipay.state.eligibility if alipay else Eligibility.NOT_INVITED,
        alipay_enabled=alipay.state.enabled if alipay else False,
    )


class StoresModel(QAbstractTableModel):
    """Visible rows of a StoreTable, sorted and filtered in memory; rows can be checked."""

    #: the checked stores changed (count, or the set): the page's banner and bulk button follow
    checks_changed = Signal()

    def __init__(
        self, parent: Any = None, *, clock: Any = None, lang: Callable[[], str] | None = None
    ) -> None:
        super().__init__(parent)
        self._table = StoreTable()
        # row -> table row; may be the cached sort order itself (a list or range, never mutated)
        self._visible: Sequence[int] = []
        self._filter = RowFilter()
        self._sort = (Col.STORE, False)
        self._order_cache: dict[tuple[int, bool], Sequence[int]] = {}
        from console.core.timeutil import utcnow  # the app's one clock (console/core/clock.py)

        self._clock = clock or utcnow
        self._lang = lang or texts.current_lang
        self._icons: dict[str, QIcon] = {}
        self._checked: set[str] = set()  # store ids: survive filtering, sorting and reloads

    # -- loading --------------------------------------------------------------------------
    @property
    def table(self) -> StoreTable:
        return self._table

    def set_table(self, table: StoreTable) -> None:
        """Swap in a freshly loaded table (built off the GUI thread); checks stay on their stores
        (those gone from the list are dropped)."""
        self.beginResetModel()
        self._table = table
        self._order_cache.clear()
        self._visible = self._compute_visible()
        self.endResetModel()
        self._drop_missing_checks()

    def reorder_table(self, table: StoreTable) -> None:
        """Swap in the same stores in another storage order (``in_name_order``): a layout change,
        so the selection, the current store and the scroll position stay on their stores."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self.store_id(p.row()) if p.isValid() else None for p in old]
        self._table = table
        self._order_cache.clear()
        self._visible = self._compute_visible()
        new = []
        for p, sid in zip(old, old_ids, strict=True):
            row = self.row_of(sid) if sid is not None else None
            new.append(self.index(row, p.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
        self._drop_missing_checks()

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

    def set_filter(self, flt: RowFilter) -> bool:
        """Show the rows passing ``flt``; True when the model was reset.

        When they are the rows already shown (a first letter every store matches, a chip that
        hides nothing) the model is not reset: a reset would only make the views lay out and
        repaint the same rows again (a keystroke matching all 100,000 stores: see the commit)."""
        if flt == self._filter:
            return False
        visible = self._select(flt)
        self._filter = flt
        if _same_rows(visible, self._visible):
            return False
        self.beginResetModel()
        self._visible = visible
        self.endResetModel()
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = (column, order == Qt.SortOrder.DescendingOrder)
        if key == self._sort and self._visible:
            return
        self._sort = key
        self._relayout(self._compute_visible())

    def _order(self) -> Sequence[int]:
        order = self._order_cache.get(self._sort)
        if order is None:
            order = self._table.sort_order(*self._sort, self._clock().timestamp())
            self._order_cache[self._sort] = order
        return order

    def _compute_visible(self) -> Sequence[int]:
        return self._select(self._filter)

    def _select(self, flt: RowFilter) -> Sequence[int]:
        order = self._order()
        if flt.is_empty:
            return order
        return self._table.select(order, flt, self._clock().timestamp())

    # -- checked rows (the bulk selection) ------------------------------------------------
    def is_checked(self, row: int) -> bool:
        sid = self.store_id(row)
        return sid is not None and sid in self._checked

    def checked_count(self) -> int:
        return len(self._checked)

    def checked_ids(self) -> list[str]:
        """The checked stores, in the list's current order (hidden ones after, by id)."""
        if not self._checked:
            return []
        ids = self._table.ids
        checked = self._checked
        shown = [ids[i] for i in self._order() if ids[i] in checked]
        return shown + sorted(checked.difference(shown)) if len(shown) < len(checked) else shown

    def visible_checked_count(self) -> int:
        """How many checked stores the current filter shows (0 at once when nothing is checked)."""
        if not self._checked:
            return 0
        index_of = self._table.index_of
        mask = None
        if not self._filter.is_empty:
            mask = self._table.filter_mask(self._filter, self._clock().timestamp())
        rows = [index_of[sid] for sid in self._checked if sid in index_of]
        return len(rows) if mask is None else sum(mask[i] for i in rows)

    def all_visible_checked(self) -> bool:
        n = len(self._visible)
        return n > 0 and len(self._checked) >= n and self.visible_checked_count() == n

    def set_checked(self, rows: Iterable[int], checked: bool) -> None:
        """Check or uncheck visible ``rows`` (a click, a Shift+click range, Space)."""
        ids = self._table.ids
        visible = self._visible
        changed = [r for r in rows if 0 <= r < len(visible)]
        sids = {ids[visible[r]] for r in changed}
        if checked:
            self._checked |= sids
        else:
            self._checked -= sids
        if changed:
            top, bottom = min(changed), max(changed)
            self.dataChanged.emit(self.index(top, Col.CHECK), self.index(bottom, Col.CHECK), [_CHECK_ROLE])
            self.checks_changed.emit()

    def check_all_visible(self) -> None:
        """Check every store the current filter shows ("select all N matching")."""
        ids = self._table.ids
        self._checked.update(ids[i] for i in self._visible)
        self._checks_repaint()

    def clear_checks(self) -> None:
        if self._checked:
            self._checked.clear()
            self._checks_repaint()

    def _checks_repaint(self) -> None:
        if self._visible:
            self.dataChanged.emit(
                self.index(0, Col.CHECK), self.index(len(self._visible) - 1, Col.CHECK), [_CHECK_ROLE]
            )
        self.checks_changed.emit()

    def _drop_missing_checks(self) -> None:
        gone = {sid for sid in self._checked if sid not in self._table.index_of}
        if gone:
            self._checked -= gone
            self.checks_changed.emit()

    # -- lookups --------------------------------------------------------------------------
    def store_id(self, row: int) -> str | None:
        if 0 <= row < len(self._visible):
            return self._table.ids[self._visible[row]]
        return None

    def row_of(self, store_id: str) -> int | None:
        i = self._table.index_of.get(store_id)
        if i is None:
            return None
        if isinstance(self._visible, range):
            return self._visible.index(i) if i in self._visible else None
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
        """Texts come from the vocabulary at paint time: ask the views to repaint in the new language."""
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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == Col.CHECK:
            return QCoreApplication.translate("StoresModel", "Check stores to change them in bulk")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if section == Col.CHECK:  # a narrow column: no visible title, a name for screen readers
            if role == Qt.ItemDataRole.DisplayRole:
                return ""
            return QCoreApplication.translate("StoresModel", "Checked")
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
        return _CHECK_FLAGS if index.column() == Col.CHECK else _CELL_FLAGS

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != _CHECK_ROLE or not index.isValid() or index.column() != Col.CHECK:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        self.set_checked([index.row()], state == _CHECKED)
        return True

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
        if role == _CHECK_ROLE:
            if col != Col.CHECK:
                return None
            return _CHECKED if t.ids[i] in self._checked else _UNCHECKED
        if role == IdRole:
            return t.ids[i]
        if role == EligibilityRole:
            return str(t.eligibility(i))
        if role == PendingRole:
            return bool(t.pending[i])
        method = METHOD_COLUMNS.get(col)
        if role == SettingRole:
            return None if method is None else t.setting(i, method)
        if role == ShownRole:
            return None if method is None else t.shown(i, method)
        if role == PillRole:
            return None if method is None else self._pill(i, method)
        if role == SoonRole:
            d = t.deadline_of(i)
            now = self._clock()
            return bool(
                d is not None
                and t.eligibility(i) in _DEADLINE_ELIG
                and now <= d <= now + timedelta(days=SOON_DAYS)
            )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(i, col, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(i, col)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == Col.STORE:
                return self._icon(f"platform-{t.platform_of(i)}")
            if col == Col.SYNC and t.pending[i]:
                return self._icon("sync-pending")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_CENTER if col in (Col.SYNC, Col.CHECK) else _ALIGN_LEFT
        return None

    def _pill(self, i: int, method: Method) -> str:
        """The pill's colour: the platform state's, except that green means shown to shoppers.
        A live method the merchant turned off (or that shoppers cannot see) is grey."""
        t = self._table
        if t.shown(i, method):
            return str(Eligibility.LIVE)
        e = t.eligibility(i, method)
        return "off" if e is Eligibility.LIVE else str(e)

    def _method_text(self, i: int, method: Method) -> str:
        """The cell: the platform state (WeChat Pay with its phase), plus the merchant's setting
        or "not shown" when a live method is not in front of shoppers."""
        t = self._table
        lang = self._lang()
        e = t.eligibility(i, method)
        if method is Method.ALIPAY and e is Eligibility.LIVE:
            label = words.label(words.on_off(t.setting(i, method), lang))
        else:
            label = words.label(words.eligibility_name(e, lang))
            phase = t.phase[i] if method is Method.WECHAT_PAY else 0
            if phase:
                label = (
                    QCoreApplication.translate("StoresModel", "%1 · phase %2")
                    .replace("%1", label)
                    .replace("%2", str(phase))
                )
        if e is not Eligibility.LIVE or t.shown(i, method):
            return label
        if not t.setting(i, method) and method is Method.WECHAT_PAY:
            extra = words.on_off(False, lang)
        elif not t.setting(i, method):
            return label  # Alipay "Off" says it already
        else:
            extra = QCoreApplication.translate("StoresModel", "not shown")
        return QCoreApplication.translate("StoresModel", "%1 · %2").replace("%1", label).replace("%2", extra)

    def _facts_text(self, i: int, method: Method, sep: str) -> str:
        """The three facts in words (tooltip and screen readers): platform state, the merchant's
        setting, shown to shoppers; the CLI's own headings, so both faces say the same."""
        t = self._table
        lang = self._lang()
        yes_no = words.msg("yes" if t.shown(i, method) else "no", lang)
        facts = [
            f"{words.method_name(method, lang)}",
            f"{words.msg('eligibility', lang)}: {words.eligibility_name(t.eligibility(i, method), lang)}",
            f"{words.msg('setting', lang)}: {words.on_off(t.setting(i, method), lang)}",
            f"{words.msg('shown', lang)}: {yes_no}",
        ]
        return sep.join(facts)

    def _display(self, i: int, col: int, accessible: bool) -> str:
        t = self._table
        if col == Col.CHECK:
            if not accessible:
                return ""
            if t.ids[i] in self._checked:
                return QCoreApplication.translate("StoresModel", "Checked")
            return QCoreApplication.translate("StoresModel", "Not checked")
        if col == Col.STORE:
            return t.names[i]
        if col == Col.PLATFORM:
            return words.platform_name(t.platform_of(i), self._lang())
        method = METHOD_COLUMNS.get(col)
        if method is not None:
            return self._facts_text(i, method, "; ") if accessible else self._method_text(i, method)
        if col == Col.SYNC:
            if t.pending[i]:
                return (
                    QCoreApplication.translate("StoresModel", "Waiting")
                    if not accessible
                    else words.label(words.sync_state_name("pending", self._lang()))
                )
            return "" if not accessible else words.label(words.sync_state_name("confirmed", self._lang()))
        if col == Col.DEADLINE:
            now = self._clock()
            d = t.deadline_shown(i, now.timestamp())
            return "" if d is None else fmt_countdown(datetime.fromtimestamp(d, UTC), now)
        return ""

    def _tooltip(self, i: int, col: int) -> str | None:
        t = self._table
        if col == Col.STORE:  # the platform too: the Platform column goes at narrow widths
            return f"{t.names[i]} ({t.ids[i]})\n{words.platform_name(t.platform_of(i), self._lang())}"
        method = METHOD_COLUMNS.get(col)
        if method is not None:
            head = self._facts_text(i, method, "\n")
            if method is Method.WECHAT_PAY:
                return f"{head}\n\n{words.eligibility_explained(t.eligibility(i), self._lang())}"
            return head
        if col == Col.SYNC and t.pending[i]:
            return texts.reason(Reason(ReasonCode.PENDING_SYNC), self._lang())
        return None
