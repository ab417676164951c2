"""The main window: sidebar navigation, the pages, menus and shortcuts, the status bar, notices.

Pages are built on first use (only the stores page exists at first paint), so start-up does not
pay for views the merchant may not open, and a view module that fails to import shows a short
apology instead of taking the whole window down. UI state (geometry, splitter, last page) lives
in ``ctx.settings`` (``ui.ini`` in the data folder); app settings in ``console.wiring.config``.

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): the page table, the status
bar and the quit flow; the planned cut moves the status bar into ui/widgets/status_bar.py.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.ui.context import SyncStatus, UiContext
from console.ui.errors import storage_failure_text
from console.ui.i18n import fmt_duration
from console.ui.money import format_datetime
from console.ui.resources import icon
from console.ui.views.base import BaseView
from console.ui.widgets.banner import Banner
from console.words import status as status_words
from console.words import time as time_words

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon  # the app adds one after the first paint

    from console.sync.report import SyncReport
    from console.ui.views.stores import StoresView

log = logging.getLogger(__name__)


#: Headlines that already say how many changes wait (the status bar adds the count to the others):
#: ``console.core.sync_state.Headline`` values (a StrEnum member is its value), named here so the
#: window's module does not import the sync states before its first paint (issue #14).
_COUNTING_HEADLINES = frozenset({"waiting", "sending", "working_offline", "all_synced"})


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Marks a widget string for the catalogue; it is translated where it is shown."""
    return source


def _sales_page(key: str) -> Callable[[str], str]:
    """The sales pages' names come from the Qt-free vocabulary (console.words.sales)."""

    def title(lang: str) -> str:
        from console.words.sales import page_text

        return page_text(key, lang)

    return title


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the window. Adding a page is one line in ``PAGES``; nothing else to edit.

    ``view`` is ``"module:Class"`` in ``console.ui.views``, imported when the page is first shown
    (only the stores page is built before the first paint). ``title`` names it in the sidebar, the
    View menu and its shortcut's tool tip: a source text marked ``QT_TRANSLATE_NOOP("MainWindow",
    …)``, translated when shown, or ``title(lang)`` for a name from ``console.words``.
    ``sidebar=False`` for a page reached only by shortcut or link.
    """

    name: str
    view: str
    title: str | Callable[[str], str]
    sidebar: bool = True

    def title_in(self, lang: str) -> str:
        if isinstance(self.title, str):
            return QCoreApplication.translate("MainWindow", self.title)
        return self.title(lang)


# The window's pages, in sidebar order; Ctrl+1 … Ctrl+9 follow this order.
PAGES: tuple[Page, ...] = (
    Page("stores", "stores:StoresView", QT_TRANSLATE_NOOP("MainWindow", "Stores")),
    Page("store", "stores:StoresView", QT_TRANSLATE_NOOP("MainWindow", "Store details"), sidebar=False),
    Page("news", "news:NewsView", lambda lang: status_words.label("news_sidebar", lang)),
    Page("checkout", "checkout:CheckoutView", QT_TRANSLATE_NOOP("MainWindow", "Checkout preview")),
    Page("announcements", "announcements:AnnouncementsView",
         QT_TRANSLATE_NOOP("MainWindow", "Announcements")),
    Page("activity", "activity:ActivityView", QT_TRANSLATE_NOOP("MainWindow", "Activity")),
    Page("pending", "pending:PendingView", QT_TRANSLATE_NOOP("MainWindow", "Waiting to sync")),
    Page("sales", "sales:SalesView", _sales_page("sales_title")),
    Page("reconciliation", "reconciliation:ReconciliationView", _sales_page("recon_title")),
    Page("settings", "settings:SettingsView", QT_TRANSLATE_NOOP("MainWindow", "Settings")),
    # in the sidebar only once the demo platform answers (set_demo_available)
    Page("demo", "demo:DemoView", QT_TRANSLATE_NOOP("MainWindow", "Demo controls")),
)  # fmt: skip
PAGE_BY_NAME: dict[str, Page] = {p.name: p for p in PAGES}
# Every page name, in order (the "store" page is the stores page with its detail focused).
VIEW_NAMES: tuple[str, ...] = tuple(p.name for p in PAGES)
# The sidebar's entries.
NAV: tuple[str, ...] = tuple(p.name for p in PAGES if p.sidebar)


class _Unavailable(BaseView):
    """Shown in place of a view that failed to build (a bug: logged with detail)."""

    def __init__(self, ctx: UiContext, name: str, parent: QWidget | None = None) -> None:
        self.view_name = name
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        lay.addWidget(self.label)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.label.setText(
            QCoreApplication.translate("MainWindow", "This page could not be opened. Details are in the log.")
        )


class _StoresFrame(QWidget):
    """The stores page's frame (its title, where the list arrives), in the first paint.

    The stores page itself (``StoresView``: the list, its filters, the store detail) is built on
    the first ask for ``MainWindow.stores``, which the window makes right after its first paint.
    Its modules and widgets cost ~120 ms before that paint on the bench machine (issue #14); the
    frame holds the title where the page has it, so nothing moves when the list arrives.
    """

    def __init__(self) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 8, 12)  # as the stores page's list column (views/stores.py)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        lay.addWidget(self.title)
        lay.addStretch(1)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.title.setText(QCoreApplication.translate("StoresView", "Stores"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """The console's one window. ``first_painted`` fires once, after the first paint."""

    first_painted = Signal()
    view_changed = Signal(str)
    # settings chose a new language ("system", "zh_CN", "en"); the app installs translators
    language_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        # the icons are set after the first paint (see _after_first_paint)
        self.setMinimumSize(QSize(960, 600))
        self._painted = False
        self._state_icon = "sync-syncing"
        self._views: dict[str, BaseView] = {}
        self._current = "stores"
        self._quitting = False  # the merchant already answered the quit question
        self._quit_after_sync = False  # "Sync now" in the quit question: close when it is done
        self._saw_sync_start = False
        self.sync_worker: Any = None  # set by the app once started (SyncWorker)
        self.tray: QSystemTrayIcon | None = None

        central = QWidget()
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        side = QWidget()
        side.setObjectName("sidebarBox")
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.setSpacing(0)
        self.brand = QLabel()
        self.brand.setObjectName("brand")
        side_lay.addWidget(self.brand)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(176)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for name in NAV:
            item = QListWidgetItem("")  # its icon comes after the first paint (_after_first_paint)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(lambda row: self.show_view(NAV[row]) if row >= 0 else None)
        self.sidebar.item(NAV.index("demo")).setHidden(True)  # until the demo platform answers
        side_lay.addWidget(self.sidebar, 1)
        side.setFixedWidth(176)
        root.addWidget(side)

        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.setSpacing(0)
        self._banner_store: str | None = None
        self.stack = QStackedWidget()
        right_lay.addWidget(self.stack, 1)
        # over the page, not in the layout: a notice appearing never moves the page (issue #12)
        self.banner = Banner()
        self.banner.action_clicked.connect(self._banner_action)
        self.banner.float_over(right)
        root.addWidget(right, 1)
        self.setCentralWidget(central)

        self._stores: StoresView | None = None  # built on first use (see ``stores``)
        # set by the app's start-up, which fills the list itself (app.show_stores_first)
        self.stores_filled_elsewhere = False
        self._stores_frame: _StoresFrame | None = _StoresFrame()
        self.stack.addWidget(self._stores_frame)

        self._build_status_bar()
        self._build_actions()
        ctx.events.sync_state_changed.connect(self.show_sync_status)
        ctx.events.sync_state_changed.connect(self._maybe_quit_after_sync)
        ctx.events.navigate_requested.connect(self._navigate)
        ctx.events.demo_available.connect(self.set_demo_available)
        ctx.tasks.failed.connect(self._task_failed)
        self.retranslateUi()
        self.show_sync_status(ctx.sync_status)

    # -- pages ----------------------------------------------------------------------------
    @property
    def stores(self) -> StoresView:
        """The stores page, built on first use: the window asks right after its first paint,
        so that paint shows the page's frame without waiting for the page's modules."""
        if self._stores is None:
            self._build_stores()
        assert self._stores is not None
        return self._stores

    def _build_stores(self) -> None:
        from console.ui.views.stores import StoresView

        view = StoresView(self.ctx)
        self._stores = view
        self._views["stores"] = view
        self._views["store"] = view.detail
        frame, self._stores_frame = self._stores_frame, None
        self.stack.insertWidget(0, view)
        if frame is not None:
            if self.stack.currentWidget() is frame:
                self.stack.setCurrentWidget(view)
            self.stack.removeWidget(frame)
            frame.deleteLater()
        view.bulk_requested.connect(self.open_bulk)
        view.table.addAction(self.act_toggle)  # Ctrl+T in the list only: text fields keep it
        split = self.ctx.settings.value("window/stores_splitter")
        if isinstance(split, QByteArray) and not split.isEmpty():
            view.splitter.restoreState(split)
        if not self.stores_filled_elsewhere:
            view.refresh()  # what changed before it existed (a sync, a test's data) is in it

    def _add_view(self, view: BaseView) -> None:
        self._views[view.view_name] = view
        self.stack.addWidget(view)

    def view(self, name: str) -> BaseView:
        """The page for ``name``, built on first use."""
        if name == "store":
            return self.stores.detail
        if name == "stores":
            return self.stores
        existing = self._views.get(name)
        if existing is not None:
            return existing
        module_name, _, class_name = PAGE_BY_NAME[name].view.partition(":")
        module_name = f"console.ui.views.{module_name}"
        view: BaseView
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
            view = cls(self.ctx)
        except Exception:
            log.exception("could not build the %s view", name)
            view = _Unavailable(self.ctx, name)
        self._add_view(view)
        self._connect_view(view)
        return view

    def _connect_view(self, view: BaseView) -> None:
        if view.view_name == "settings":
            sig = getattr(view, "language_chosen", None)
            if sig is not None:
                sig.connect(self.language_requested)
            sig = getattr(view, "interval_changed", None)
            if sig is not None and self.sync_worker is not None:
                sig.connect(self.sync_worker.set_interval)
            sig = getattr(view, "work_offline_changed", None)
            if sig is not None:
                sig.connect(self.set_work_offline)

    def current_view_name(self) -> str:
        return self._current

    def show_view(self, name: str, store_id: str | None = None) -> BaseView:
        """Switch page (``store`` = the stores page with the detail focused)."""
        if name not in VIEW_NAMES:
            name = "stores"
        page_name = "stores" if name == "store" else name
        if name == "stores" and store_id is None and self._stores_frame is not None:
            # not built yet: its frame stands until the window builds it after the first paint
            self.stack.setCurrentWidget(self._stores_frame)
            self._current = name
            self._select_sidebar(page_name)
            self.view_changed.emit(name)
            return self._stores_frame  # type: ignore[return-value]
        page = self.view(page_name)
        if store_id is not None:
            page.set_store(store_id)
        elif page_name != "stores" and self._stores is not None and self._stores.current_store_id():
            page.set_store(self._stores.current_store_id())
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
            if page_name != "stores":
                page.refresh()
        self._current = name
        self._select_sidebar(page_name)
        if name == "store":
            self.stores.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view_changed.emit(name)
        return page

    def _select_sidebar(self, page_name: str) -> None:
        row = NAV.index(page_name)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)

    def set_demo_available(self, target: object) -> None:
        """Demo controls exist only on the demo platform (see SyncWorker._announce_demo)."""
        self.sidebar.item(NAV.index("demo")).setHidden(target is None)
        self.act_views["demo"].setVisible(target is not None)

    def _navigate(self, name: str, store_id: object) -> None:
        self.show_view(name, store_id if isinstance(store_id, str) else None)

    # -- actions and shortcuts ------------------------------------------------------------
    def _action(
        self, menu: QMenu, shortcut: Any, slot: Callable[..., Any], *, checkable: bool = False
    ) -> QAction:
        act = QAction(self)
        if shortcut:
            if isinstance(shortcut, list):
                act.setShortcuts(shortcut)
            else:
                act.setShortcut(shortcut)
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        menu.addAction(act)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        self.act_sync = self._action(
            self.menu_file, [QKeySequence(Qt.Key.Key_F5), QKeySequence("Ctrl+R")], self.sync_now
        )
        self.act_offline = self._action(self.menu_file, None, self.set_work_offline, checkable=True)
        self.menu_file.addSeparator()
        self.act_quit = self._action(self.menu_file, QKeySequence.StandardKey.Quit, self.request_quit)

        self.menu_store = mb.addMenu("")
        self.act_find = self._action(self.menu_store, QKeySequence.StandardKey.Find, self.find_store)
        self.act_toggle = QAction(self)
        self.act_toggle.setShortcut(QKeySequence("Ctrl+T"))  # Space checks the row (issue #16)
        self.act_toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_toggle.triggered.connect(self.toggle_method)  # the list takes it (_build_stores)
        self.menu_store.addAction(self.act_toggle)
        self.act_next = self._action(
            self.menu_store, QKeySequence("Ctrl+Down"), lambda: self.stores.move_current(1)
        )
        self.act_prev = self._action(
            self.menu_store, QKeySequence("Ctrl+Up"), lambda: self.stores.move_current(-1)
        )
        self.menu_store.addSeparator()
        self.act_bulk = self._action(self.menu_store, QKeySequence("Ctrl+B"), self.open_bulk)

        self.menu_view = mb.addMenu("")
        self.act_views: dict[str, QAction] = {}
        for i, name in enumerate(VIEW_NAMES, start=1):
            keys = QKeySequence(f"Ctrl+{i}") if i <= 9 else None
            self.act_views[name] = self._action(
                self.menu_view, keys, lambda _=False, n=name: self.show_view(n)
            )
        self.act_views["demo"].setVisible(False)

        self.menu_help = mb.addMenu("")
        self.act_about = self._action(self.menu_help, None, self._about)

    def retranslateUi(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Merchant Console"))
        self.brand.setText(QCoreApplication.translate("MainWindow", "Merchant Console"))
        names = self.view_titles()
        for i, name in enumerate(NAV):
            item = self.sidebar.item(i)
            item.setText(names[name])
            shortcut = self.act_views[name].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{names[name]} ({shortcut})" if shortcut else names[name])
        self.sidebar.setAccessibleName(QCoreApplication.translate("MainWindow", "Pages"))
        self.menu_file.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.act_sync.setText(QCoreApplication.translate("MainWindow", "&Sync now"))
        self.act_offline.setText(QCoreApplication.translate("MainWindow", "Work &offline"))
        self.act_quit.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.menu_store.setTitle(QCoreApplication.translate("MainWindow", "&Store"))
        self.act_find.setText(QCoreApplication.translate("MainWindow", "&Find a store"))
        self.act_toggle.setText(
            QCoreApplication.translate("MainWindow", "&Turn the chosen payment method on or off")
        )
        self.act_next.setText(QCoreApplication.translate("MainWindow", "&Next store"))
        self.act_prev.setText(QCoreApplication.translate("MainWindow", "&Previous store"))
        self.act_bulk.setText(QCoreApplication.translate("MainWindow", "Change in &bulk…"))
        self.menu_view.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        for name, act in self.act_views.items():
            act.setText(names[name])
        self.menu_help.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.act_about.setText(QCoreApplication.translate("MainWindow", "&About Merchant Console"))
        self.offline_box.setText(QCoreApplication.translate("MainWindow", "Work offline"))
        self.offline_box.setToolTip(
            QCoreApplication.translate("MainWindow", "Keep changes here and do not contact the platform")
        )
        self.sync_button.setText(QCoreApplication.translate("MainWindow", "Sync now"))
        self.sync_button.setToolTip(
            QCoreApplication.translate("MainWindow", "Send waiting changes and fetch news (F5)")
        )
        self.banner.set_close_text(QCoreApplication.translate("MainWindow", "Dismiss"))
        # Qt's "»" button when the menus do not fit: named like everything else
        more = self.menuBar().findChild(QToolButton, "qt_menubar_ext_button")
        if more is not None:
            more.setAccessibleName(QCoreApplication.translate("MainWindow", "More menus"))
        self.show_sync_status(self.ctx.sync_status)

    def view_titles(self) -> dict[str, str]:
        """Every page's name in the current language (read again on each language change)."""
        return {p.name: p.title_in(self.ctx.lang) for p in PAGES}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- commands -------------------------------------------------------------------------
    def find_store(self) -> None:
        self.show_view("stores")
        self.stores.focus_search()

    def toggle_method(self) -> None:
        if self._current in ("stores", "store"):
            self.stores.detail.toggle_focused_method()

    def sync_now(self) -> None:
        self.ctx.events.sync_requested.emit()

    def set_work_offline(self, offline: bool) -> None:
        offline = bool(offline)
        for w in (self.act_offline, self.offline_box):
            if w.isChecked() != offline:
                w.blockSignals(True)
                w.setChecked(offline)
                w.blockSignals(False)
        if self.sync_worker is not None:
            self.sync_worker.set_work_offline(offline)
        try:
            from console.wiring.config import load_config, save_config

            cfg = load_config(self.ctx.data_dir).config
            if cfg.work_offline != offline:
                save_config(self.ctx.data_dir, cfg.with_changes(work_offline=offline))
        except OSError:
            log.exception("saving the work-offline setting")

    def open_bulk(self, scope: object = None) -> None:
        """The bulk page, about what the stores list hands over (its ``BulkScope``: the checked
        stores, or "all N matching the filter"), with the list's filter also on offer."""
        from console.ui.models.stores_model import BulkScope
        from console.ui.views.bulk import BulkDialog

        self.show_view("stores")
        dlg = BulkDialog(self.ctx, (), self)
        if not (flt := self.stores.current_filter()).is_empty:
            dlg.set_scope(flt)  # "all N matching the list's filter" on offer
        chosen = scope if isinstance(scope, BulkScope) else self.stores.bulk_scope()
        if chosen.matching and chosen.store_filter is not None:
            dlg.set_scope(chosen.store_filter)
        else:  # the checked stores, or a filter only the list knows (shown to shoppers): its ids
            dlg.set_scope(tuple(chosen.store_ids))
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def _about(self) -> None:
        from console import __version__
        from console.ui.widgets import dialogs

        dialogs.tell(
            self,
            QCoreApplication.translate("MainWindow", "About Merchant Console"),
            QCoreApplication.translate("MainWindow", "Merchant Console %1").replace("%1", __version__),
            QCoreApplication.translate(
                "MainWindow", "WeChat Pay and Alipay for your Taobao and Tmall stores, even offline."
            ),
        )

    def _task_failed(self, exc: object, tb: str) -> None:
        said = storage_failure_text(exc, self.ctx.lang) if isinstance(exc, BaseException) else None
        self.banner.show_message(
            said  # a sync pass on a full disk is named as such, not as our bug
            or QCoreApplication.translate(
                "MainWindow", "Something went wrong on our side. Your data is safe; details are in the log."
            ),
            "error",
        )

    # -- status bar -----------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        sb.setSizeGripEnabled(False)
        self.state_icon = QLabel()
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingCount")
        self.last_sync_label = QLabel()
        # what the window knows of time (issue #10): the platform's time while offline, a PC clock
        # that is off (the client corrects it, but the merchant's own clock misleads them)
        self.platform_time_label = QLabel()
        self.platform_time_label.setObjectName("platformTimeAge")
        self.platform_time_label.hide()
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clockOff")
        self.clock_label.setProperty("severity", "warning")  # a Severity's name, as the style sheet has it
        self.clock_label.hide()
        # "as of N minutes ago" grows while offline: re-said each half minute (a driven timer)
        self.time_timer = QTimer(self)
        self.time_timer.setInterval(30_000)
        self.time_timer.timeout.connect(lambda: self._show_time_facts(self.ctx.sync_status))
        self.time_timer.start()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("syncProblem")
        self.problem_label.setWordWrap(False)
        self.offline_box = QCheckBox()
        self.offline_box.toggled.connect(self.set_work_offline)
        self.sync_button = QToolButton()
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sync_button.setAutoRaise(True)
        self.sync_button.clicked.connect(self.sync_now)
        # the way forward for the state's headline (open Settings, review refused changes ...)
        self.forward_button = QToolButton()
        self.forward_button.setObjectName("syncForward")
        self.forward_button.setAutoRaise(True)
        self.forward_button.clicked.connect(self._forward)
        self.forward_button.hide()
        self._forward_for: Any = None
        self._unread_notified = -1
        sb.addWidget(self.state_icon)
        sb.addWidget(self.state_label)
        sb.addWidget(self.pending_label)
        sb.addWidget(self.last_sync_label)
        sb.addWidget(self.platform_time_label)
        sb.addWidget(self.clock_label)
        sb.addWidget(self.problem_label, 1)
        sb.addPermanentWidget(self.forward_button)
        sb.addPermanentWidget(self.sync_button)
        sb.addPermanentWidget(self.offline_box)
        edge = QWidget()  # the check box's text must not touch the window's edge
        edge.setFixedWidth(6)
        sb.addPermanentWidget(edge)

    def show_sync_status(self, status: SyncStatus) -> None:
        """Render the one state (``status.state``): the status bar, the tray text, the sidebar
        badge. No count here is kept apart from the outbox (console/core/sync_state.py)."""
        lang = self.ctx.lang
        state = status.state
        if state is not None:  # none before the first pass: the sync states load with the first
            from console.core.sync_state import Connection
        if status.syncing and not status.work_offline:
            label, ic = QCoreApplication.translate("MainWindow", "Syncing…"), "sync-syncing"
        elif state is None or state.connection is Connection.UNKNOWN:
            label, ic = QCoreApplication.translate("MainWindow", "Connecting…"), "sync-syncing"
        elif state.connection is Connection.ONLINE:
            label, ic = QCoreApplication.translate("MainWindow", "Online"), "sync-online"
        elif state.connection is Connection.WORKING_OFFLINE:
            label, ic = QCoreApplication.translate("MainWindow", "Working offline"), "sync-offline"
        else:
            label, ic = QCoreApplication.translate("MainWindow", "Offline"), "sync-offline"
        if state is not None and state.refused:
            ic = "sync-refused"
        self.state_label.setText(label)
        self._state_icon = ic
        if self._painted:  # before it, the SVG renderer is not loaded yet (_after_first_paint)
            self.state_icon.setPixmap(icon(ic).pixmap(16, 16))
        self.state_icon.setAccessibleName(label)  # a picture of the state: named like its words
        headline = status_words.headline_text(state, lang) if state is not None else ""
        shown = headline
        if state is not None and state.headline not in _COUNTING_HEADLINES:
            waiting = state.waiting + state.sending  # offline since T, and what waits meanwhile
            if waiting == 1:
                shown += " · " + QCoreApplication.translate("MainWindow", "1 change waiting")
            elif waiting > 1:
                shown += " · " + QCoreApplication.translate("MainWindow", "%1 changes waiting").replace(
                    "%1", str(waiting)
                )
        self.pending_label.setText(shown)
        severity = state.severity.name.lower() if state is not None else "info"
        self.pending_label.setProperty("severity", severity)
        if self._painted:  # before, the first polish reads the property (and no QStyle is made)
            self.pending_label.style().unpolish(self.pending_label)
            self.pending_label.style().polish(self.pending_label)
        last = state.last_success_at if state is not None else None
        self.last_sync_label.setText(
            QCoreApplication.translate("MainWindow", "Last synced %1").replace(
                "%1", format_datetime(last, lang)
            )
            if last
            else QCoreApplication.translate("MainWindow", "Not synced yet")
        )
        problem = ""
        if status.error == "bug":
            problem = QCoreApplication.translate(
                "MainWindow", "Sync stopped because of a problem on our side; details are in the log."
            )
        elif status.retry_after and status.error in ("rate_limited", "server") and not status.work_offline:
            from datetime import timedelta

            problem = QCoreApplication.translate("MainWindow", "Next try in %1.").replace(
                "%1", fmt_duration(timedelta(seconds=status.retry_after))
            )
        self.problem_label.setText(problem)
        self.problem_label.setToolTip(problem)
        self._show_time_facts(status)
        forward = status_words.forward_button(state, lang) if state is not None else ""
        self._forward_for = state.headline if state is not None and forward else None
        self.forward_button.setText(forward)
        self.forward_button.setToolTip(status_words.forward_text(state, lang) if state is not None else "")
        self.forward_button.setVisible(bool(forward))
        self.sync_button.setEnabled(not status.work_offline and not status.syncing)
        if self.offline_box.isChecked() != status.work_offline:
            self.offline_box.blockSignals(True)
            self.offline_box.setChecked(status.work_offline)
            self.offline_box.blockSignals(False)
            self.act_offline.setChecked(status.work_offline)
        self.banner.show_sync_state(state, lang)
        self._show_unread(status.unread_news)
        if self.tray is not None:
            tip = QCoreApplication.translate("MainWindow", "Merchant Console")
            if headline:
                tip += "\n" + headline
            if status.unread_news:
                tip += "\n" + status_words.label("tray_unread", lang, count=status.unread_news)
            self.tray.setToolTip(tip)

    def _show_time_facts(self, status: SyncStatus) -> None:
        """The time truths of ``ctx.time_facts()`` (issue #10), in the current language.

        Offline (no answer, or working offline), "now" is carried forward from the platform's
        time learned N minutes ago: the status bar says so. A PC clock off by a minute or more is
        a warning even while sync works (the client corrected it): the merchant's own clock,
        taskbar and receipts disagree with the platform's deadlines.
        """
        facts = self.ctx.time_facts()
        state = status.state
        offline = status.work_offline
        if state is not None:  # none before the first pass (see show_sync_status)
            from console.core.sync_state import Connection

            offline = offline or state.connection not in (Connection.ONLINE, Connection.UNKNOWN)
        as_of = ""
        if offline and facts.age is not None:
            as_of = time_words.time_text("time_as_of", self.ctx.lang, age=fmt_duration(facts.age))
        self.platform_time_label.setText(as_of)
        self.platform_time_label.setVisible(bool(as_of))
        minutes = round(abs(status.clock_offset_s) / 60)
        key = "clock_off_one" if minutes == 1 else "clock_off"
        off = time_words.time_text(key, self.ctx.lang, minutes=minutes) if minutes >= 1 else ""
        self.clock_label.setText(off)
        self.clock_label.setToolTip(off)
        self.clock_label.setVisible(bool(off))

    def _show_unread(self, unread: int) -> None:
        """The sidebar's badge, and a desktop notification when new news arrived."""
        lang = self.ctx.lang
        item = self.sidebar.item(NAV.index("news"))
        if item is not None:
            text = (
                status_words.label("news_sidebar_unread", lang, count=unread)
                if unread
                else status_words.label("news_sidebar", lang)
            )
            item.setText(text)
            font = item.font()
            font.setBold(bool(unread))
            item.setFont(font)
        if self._unread_notified >= 0 and unread > self._unread_notified:
            self._notify_news(unread - self._unread_notified)
        self._unread_notified = unread

    def _notify_news(self, new: int) -> None:
        """New stored news: the newest sentence in the tray's bubble where the system has one."""
        if self.tray is None or not QSystemTrayIcon.supportsMessages():
            return
        try:
            newest = self.ctx.service.news(unread_only=True, limit=1)
        except Exception:  # a notification is a courtesy: never let it break the status bar
            log.exception("reading the newest news")
            return
        if not newest:
            return
        n = newest[0]
        text = status_words.stored_news_text(n.kind, n.params, self.ctx.lang)
        if n.store_ids:
            text = f"{', '.join(n.store_ids)}: {text}"
        if new > 1:
            text += "\n" + status_words.label("tray_unread", self.ctx.lang, count=new)
        title = QCoreApplication.translate("MainWindow", "Merchant Console")
        self.tray.showMessage(title, text, icon("app"), 8000)

    def _forward(self) -> None:
        """The status bar's way forward for the current headline."""
        from console.core.sync_state import Headline

        headline = self._forward_for
        if headline in (Headline.REFUSED, Headline.OTHER_ACCOUNT):
            self.show_view("pending")
        elif headline is Headline.AUTH_REFUSED:
            self.show_view("settings")
        elif headline is Headline.WORKING_OFFLINE:
            self.set_work_offline(False)
        else:  # offline, platform error, clock, demo stopped: one more try now (restarts the demo)
            self.sync_now()

    # -- news -----------------------------------------------------------------------------
    def show_report(self, report: SyncReport) -> None:
        """A pass brought news: an in-window banner, and a desktop notification if possible."""
        if not report.news:
            return
        text, store_id = news_summary(report.news, self.ctx.lang)
        if not text or (self.banner.topic == "sync" and self.banner.isVisible()):
            return  # a sync problem that needs the merchant stays in front of news
        self._banner_store = store_id
        kind = "warn" if any(n.kind == "review_rejected" for n in report.news) else "info"
        self.banner.show_message(
            text, kind, QCoreApplication.translate("MainWindow", "Show") if store_id else None
        )
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(
                QCoreApplication.translate("MainWindow", "Merchant Console"), text, icon("app"), 8000
            )

    def _banner_action(self) -> None:
        if self.banner.topic == "sync":
            self._forward_for = self.banner.headline
            self._forward()
            return
        if self._banner_store:
            self.show_view("stores", self._banner_store)
        self.banner.dismiss()

    # -- persistence ----------------------------------------------------------------------
    def restore_state(self) -> None:
        s = self.ctx.settings
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        last = s.value("window/last_view", "stores")
        self.show_view(str(last) if str(last) in VIEW_NAMES else "stores")

    def save_state(self) -> None:
        s = self.ctx.settings
        s.setValue("window/geometry", self.saveGeometry())
        if self._stores is not None:
            s.setValue("window/stores_splitter", self._stores.splitter.saveState())
        s.setValue("window/last_view", self._current)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The title bar's close button asks first when changes have not reached the platform.

        Only a close the merchant made (``spontaneous``: the window manager's button, Alt+F4)
        asks; File > Quit asks in :meth:`request_quit`; a close by the program (the app shutting
        down, a test) never blocks on a question.
        """
        if event.spontaneous() and not self._quitting and not self.may_quit():
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

    def request_quit(self) -> None:
        """File > Quit (Ctrl+Q): the same question as the close button, then close."""
        if self.may_quit():
            self._quitting = True
            self.close()

    def may_quit(self) -> bool:
        """True to quit now. With changes waiting, ask: sync now (and quit once they are sent),
        quit anyway (they stay here and go with the next sync), or stay."""
        status = self.ctx.sync_status
        n = status.pending
        if n <= 0:
            return True
        from console.ui.widgets import dialogs

        title = (
            QCoreApplication.translate("MainWindow", "1 change has not reached the platform yet")
            if n == 1
            else QCoreApplication.translate(
                "MainWindow", "%1 changes have not reached the platform yet"
            ).replace("%1", str(n))
        )
        text = QCoreApplication.translate(
            "MainWindow",
            "They are kept on this computer and sent with the next sync, the next time you open "
            "Merchant Console. Until then shoppers see your previous settings.",
        )
        choices = [("quit", QCoreApplication.translate("MainWindow", "Quit anyway"))]
        if not status.work_offline:
            choices.insert(0, ("sync", QCoreApplication.translate("MainWindow", "Sync now")))
        answer = dialogs.choose(self, title, text, choices)
        if answer == "sync":
            self._quit_after_sync = True
            self._saw_sync_start = False
            self.sync_now()
        return answer == "quit"

    def _maybe_quit_after_sync(self, status: SyncStatus) -> None:
        """After "Sync now" in the quit question: close once the pass sent everything; if it
        could not (offline, refused), stay open so the status bar can say why."""
        if not self._quit_after_sync:
            return
        if status.syncing:
            self._saw_sync_start = True
            return
        if not self._saw_sync_start:
            return
        self._quit_after_sync = False
        if status.pending == 0 and status.error is None:
            self._quitting = True
            self.close()

    # -- first paint ----------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not getattr(self, "_painted", True):
            self._painted = True
            self.first_painted.emit()
            QTimer.singleShot(0, self._after_first_paint)
        return result

    @property
    def has_painted(self) -> bool:
        """Has the window painted once (``first_painted`` was emitted)?"""
        return self._painted

    def _after_first_paint(self) -> None:
        """Right after the first paint: the stores page, then the icons."""
        if self._stores is None:
            self._build_stores()
        QTimer.singleShot(0, self._paint_icons)

    def _paint_icons(self) -> None:
        """The icons: SVG artwork rendered after the first paint. Loading Qt's SVG renderer and
        rendering the window, sidebar and status icons before it cost ~15 ms of start-up for
        pictures that arrive one frame later."""
        self.setWindowIcon(icon("app"))
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            item.setIcon(icon(f"view-{item.data(Qt.ItemDataRole.UserRole)}"))
        self.sync_button.setIcon(icon("sync-syncing"))
        self.state_icon.setPixmap(icon(self._state_icon).pixmap(16, 16))


def news_summary(news: list[Any], lang: str) -> tuple[str, str | None]:
    """One sentence for a pass's news, and the store to show when there is exactly one store."""
    counts: dict[str, int] = {}
    for n in news:
        counts[n.kind] = counts.get(n.kind, 0) + 1
    stores = {n.store_id for n in news if n.store_id}
    sentences = (  # in the order a merchant should read them
        ("phase_opened", QCoreApplication.translate("MainWindow", "Stores newly invited to WeChat Pay: %1.")),
        ("review_approved", QCoreApplication.translate("MainWindow", "Reviews approved: %1.")),
        (
            "review_rejected",
            QCoreApplication.translate("MainWindow", "Reviews rejected: %1 (open the store to see why)."),
        ),
        ("went_live", QCoreApplication.translate("MainWindow", "Stores where WeChat Pay went live: %1.")),
        ("announcement", QCoreApplication.translate("MainWindow", "New announcements: %1.")),
    )
    parts = [text.replace("%1", str(counts[kind])) for kind, text in sentences if counts.get(kind)]
    return " ".join(parts), (next(iter(stores)) if len(stores) == 1 else None)
