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
from datetime import datetime
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
    # "sync now" (a button in a view); the sync worker debounces and runs one pass
    sync_requested = Signal()
    # the merchant changed something locally: the sync worker pushes it ~2 s later
    local_change = Signal()


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


@runtime_checkable
class View(Protocol):
    """The view protocol, for type checking (views subclass ``BaseView``)."""

    view_name: str

    def refresh(self) -> None: ...

    def retranslateUi(self) -> None: ...

    def set_store(self, store_id: str | None) -> None: ...
