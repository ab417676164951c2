"""What every view gets: the UiContext (no global application object).

The main window builds one ``UiContext`` and passes it to each view's constructor. A view reads
short facts straight from ``ctx.service`` (the GUI thread's own connection), sends anything that
writes or may take a while through ``ctx.tasks``, and listens to ``ctx.events`` to learn that
data, the sync status or the language changed.

Contract for views (see ``console.ui.views.base.BaseView``):

- a ``QWidget`` subclass constructed as ``View(ctx, parent=None)``;
- class attribute ``view_name``: one of ``console.ui.main_window.VIEW_NAMES`` (from the window's
  one page table, ``PAGES``);
- ``refresh()`` reloads its data; ``retranslateUi()`` re-sets every visible text (called on
  ``QEvent.LanguageChange``); ``set_store(store_id)`` where a store makes sense.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QSettings, Signal

from console.core.timeutil import utcnow

if TYPE_CHECKING:
    from console.service import ConsoleService
    from console.ui.tasks import TaskRunner


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar shows about the connection to the platform.

    ``online`` is None until the first attempt; ``error`` is the sync engine's error word
    ('offline', 'auth', 'server', 'rate_limited', 'bad_response') of the last pass, or None.
    """

    online: bool | None = None
    syncing: bool = False
    work_offline: bool = False
    pending: int = 0
    last_sync_at: datetime | None = None
    error: str | None = None
    error_detail: str = ""
    retry_after: float | None = None
    # The one sync state (console.core.sync_state.SyncStatus) every surface renders: the status
    # bar, banner, pending page, tray and row badges read counts from here, never their own.
    state: Any = None
    unread_news: int = 0
    # seconds this PC's clock is behind the platform's (negative: ahead), learned by the last
    # pass from a signed skew refusal; 0.0 when the clock is right or nothing was learned yet
    clock_offset_s: float = 0.0


class UiEvents(QObject):
    """The signal hub. Emitted on the GUI thread only."""

    # set[str] of store ids whose data changed, or None for "everything may have changed"
    data_changed = Signal(object)
    # a SyncStatus
    sync_state_changed = Signal(object)
    # the new language code, e.g. "zh_CN" or "en"; translators are already installed
    language_changed = Signal(str)
    # a view asks the main window to show another view: (view_name, store_id or None)
    navigate_requested = Signal(str, object)
    # the platform in use became known: a DemoTarget on the demo platform, else None
    demo_available = Signal(object)
    # "sync now" (a button in a view); the sync worker debounces and runs one pass
    sync_requested = Signal()
    # the merchant changed something locally: the sync worker pushes it ~2 s later
    local_change = Signal()


@dataclass(frozen=True, slots=True)
class TimeFacts:
    """What the window knows about time, for the status bar (issue #10).

    ``now`` is the app's one "now" (platform business time). ``age`` is how long ago it was
    learned from the platform (None before the first contact, when "now" is this PC's clock):
    while offline the status bar says "platform time as of N minutes ago". ``clock_offset_s`` is
    this PC's clock error measured by the last sync pass (``SyncStatus.clock_offset_s``).
    Words: ``console.words.time`` keys ``time_as_of`` and ``clock_off``.
    """

    now: datetime
    age: timedelta | None
    clock_offset_s: float


@dataclass(frozen=True, slots=True)
class DemoTarget:
    """Where the demo platform's admin API is (loopback), and the merchant it plays for."""

    url: str
    merchant_id: str | None = None


@dataclass(eq=False)
class UiContext:
    """Everything a view needs, passed explicitly.

    ``service`` belongs to the GUI thread (one sqlite connection per thread): use it for short
    reads only. ``lang`` is updated in place when the merchant switches language.
    """

    data_dir: Path
    service: ConsoleService
    tasks: TaskRunner
    settings: QSettings
    lang: str
    events: UiEvents = field(default_factory=UiEvents)
    clock: Callable[[], datetime] = utcnow
    sync_status: SyncStatus = field(default_factory=SyncStatus)
    # set by the sync worker once connected, when the platform is the demo one (Demo controls)
    demo: DemoTarget | None = None

    def time_facts(self) -> TimeFacts:
        """Platform time now, how old that knowledge is, and the PC clock's measured error."""
        age_of = getattr(self.clock, "knowledge_age", None)  # a PlatformClock knows; a fixed one not
        age = age_of() if callable(age_of) else None
        return TimeFacts(self.clock(), age, self.sync_status.clock_offset_s)


@runtime_checkable
class View(Protocol):
    """The view protocol, for type checking (views subclass ``BaseView``)."""

    view_name: str

    def refresh(self) -> None: ...

    def retranslateUi(self) -> None: ...

    def set_store(self, store_id: str | None) -> None: ...
