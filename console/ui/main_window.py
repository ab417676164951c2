"""The main window: sidebar navigation, the pages, menus and shortcuts, the status bar, notices.

Pages are built on first use (only the stores page exists at first paint), so start-up does not
pay for views the merchant may not open, and a view module that fails to import shows a short
apology instead of taking the whole window down. UI state (geometry, splitter, last page) lives
in ``ctx.settings`` (``ui.ini`` in the data folder); app settings in ``console.wiring.config``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt, Signal
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

from console.ui import texts
from console.ui.context import VIEW_NAMES, SyncStatus, UiContext
from console.ui.errors import storage_failure_text
from console.ui.i18n import fmt_duration
from console.ui.money import format_datetime
from console.ui.resources import icon
from console.ui.views.base import BaseView
from console.ui.views.stores import StoresView
from console.ui.widgets.banner import Banner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon  # the app adds one after the first paint

    from console.sync.report import SyncReport

log = logging.getLogger(__name__)

# Sidebar entries (the "store" view is the stores page with the detail focused).
NAV: tuple[str, ...] = (
    "stores", "checkout", "announcements", "activity", "pending", "sales", "reconciliation", "settings",
    "demo",
)
# view name -> (module, class) of views built on first use.
LAZY_VIEWS: dict[str, tuple[str, str]] = {
    "checkout": ("console.ui.views.checkout", "CheckoutView"),
    "sales": ("console.ui.views.sales", "SalesView"),
    "reconciliation": ("console.ui.views.reconciliation", "ReconciliationView"),
    "announcements": ("console.ui.views.announcements", "AnnouncementsView"),
    "activity": ("console.ui.views.activity", "ActivityView"),
    "pending": ("console.ui.views.pending", "PendingView"),
    "settings": ("console.ui.views.settings", "SettingsView"),
    "demo": ("console.ui.views.demo", "DemoView"),  # shown only on the demo platform
}


def sales_titles() -> dict[str, str]:
    """The sales pages' names come from the Qt-free vocabulary (console.words.sales)."""
    from console.ui.texts import current_lang
    from console.words.sales import page_text

    lang = current_lang()
    return {"sales": page_text("sales_title", lang), "reconciliation": page_text("recon_title", lang)}


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
        # the window icon is set after the first paint (see event()): rendering app.svg for the
        # platform window cost ~10 ms of start-up, for a title-bar icon that may arrive a frame later
        self.setMinimumSize(QSize(960, 600))
        self._painted = False
        self._views: dict[str, BaseView] = {}
        self._current = "stores"
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
            item = QListWidgetItem(icon(f"view-{name}"), "")
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
        self.banner = Banner()
        self.banner.action_clicked.connect(self._banner_action)
        banner_box = QWidget()
        bl = QVBoxLayout(banner_box)
        bl.setContentsMargins(12, 8, 12, 0)
        bl.addWidget(self.banner)
        right_lay.addWidget(banner_box)
        self._banner_store: str | None = None
        self.stack = QStackedWidget()
        right_lay.addWidget(self.stack, 1)
        root.addWidget(right, 1)
        self.setCentralWidget(central)

        self.stores = StoresView(ctx)
        self._add_view(self.stores)
        self.stores.bulk_requested.connect(self.open_bulk)

        self._build_status_bar()
        self._build_actions()
        ctx.events.sync_state_changed.connect(self.show_sync_status)
        ctx.events.navigate_requested.connect(self._navigate)
        ctx.events.demo_available.connect(self.set_demo_available)
        ctx.tasks.failed.connect(self._task_failed)
        self.retranslateUi()
        self.show_sync_status(ctx.sync_status)

    # -- pages ----------------------------------------------------------------------------
    def _add_view(self, view: BaseView) -> None:
        self._views[view.view_name] = view
        if view.view_name == "stores":
            self._views["store"] = view.detail  # type: ignore[attr-defined]
        self.stack.addWidget(view)

    def view(self, name: str) -> BaseView:
        """The page for ``name``, built on first use."""
        if name == "store":
            return self.stores.detail
        existing = self._views.get(name)
        if existing is not None:
            return existing
        module_name, class_name = LAZY_VIEWS[name]
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
        page = self.view(page_name)
        if store_id is not None:
            page.set_store(store_id)
        elif page_name != "stores" and self.stores.current_store_id():
            page.set_store(self.stores.current_store_id())
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
            if page_name != "stores":
                page.refresh()
        self._current = name
        row = NAV.index(page_name)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
        if name == "store":
            self.stores.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view_changed.emit(name)
        return page

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
        self.act_quit = self._action(self.menu_file, QKeySequence.StandardKey.Quit, self.close)

        self.menu_store = mb.addMenu("")
        self.act_find = self._action(self.menu_store, QKeySequence.StandardKey.Find, self.find_store)
        self.act_toggle = QAction(self)
        self.act_toggle.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.act_toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_toggle.triggered.connect(self.toggle_method)
        self.stores.table.addAction(self.act_toggle)  # Space in the list only: text fields keep it
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
            self.act_views[name] = self._action(
                self.menu_view,
                QKeySequence(f"Ctrl+{i}") if i <= 9 else None,
                lambda _=False, n=name: self.show_view(n),
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
            key = VIEW_NAMES.index(name) + 1
            item.setToolTip(f"{names[name]} (Ctrl+{key})" if key <= 9 else names[name])
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

    @staticmethod
    def view_titles() -> dict[str, str]:
        return {
            "stores": QCoreApplication.translate("MainWindow", "Stores"),
            "store": QCoreApplication.translate("MainWindow", "Store details"),
            "checkout": QCoreApplication.translate("MainWindow", "Checkout preview"),
            "announcements": QCoreApplication.translate("MainWindow", "Announcements"),
            "activity": QCoreApplication.translate("MainWindow", "Activity"),
            "pending": QCoreApplication.translate("MainWindow", "Waiting to sync"),
            "settings": QCoreApplication.translate("MainWindow", "Settings"),
            "demo": QCoreApplication.translate("MainWindow", "Demo controls"),
            **sales_titles(),
        }

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

    def open_bulk(self) -> None:
        from console.ui.views.bulk import BulkDialog

        self.show_view("stores")
        dlg = BulkDialog(self.ctx, self.stores.selected_store_ids(), self)
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
        self.problem_label = QLabel()
        self.problem_label.setObjectName("syncProblem")
        self.problem_label.setWordWrap(False)
        self.offline_box = QCheckBox()
        self.offline_box.toggled.connect(self.set_work_offline)
        self.sync_button = QToolButton()
        self.sync_button.setIcon(icon("sync-syncing"))
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sync_button.setAutoRaise(True)
        self.sync_button.clicked.connect(self.sync_now)
        sb.addWidget(self.state_icon)
        sb.addWidget(self.state_label)
        sb.addWidget(self.pending_label)
        sb.addWidget(self.last_sync_label)
        sb.addWidget(self.problem_label, 1)
        sb.addPermanentWidget(self.sync_button)
        sb.addPermanentWidget(self.offline_box)
        edge = QWidget()  # the check box's text must not touch the window's edge
        edge.setFixedWidth(6)
        sb.addPermanentWidget(edge)

    def show_sync_status(self, status: SyncStatus) -> None:
        if status.work_offline:
            state, ic = QCoreApplication.translate("MainWindow", "Working offline"), "sync-offline"
        elif status.syncing:
            state, ic = QCoreApplication.translate("MainWindow", "Syncing…"), "sync-syncing"
        elif status.online is None:
            state, ic = QCoreApplication.translate("MainWindow", "Connecting…"), "sync-syncing"
        elif status.online:
            state, ic = QCoreApplication.translate("MainWindow", "Online"), "sync-online"
        else:
            state, ic = QCoreApplication.translate("MainWindow", "Offline"), "sync-offline"
        self.state_label.setText(state)
        self.state_icon.setPixmap(icon(ic).pixmap(16, 16))
        n = status.pending
        if n == 0:
            self.pending_label.setText(QCoreApplication.translate("MainWindow", "All changes synced"))
        elif n == 1:
            self.pending_label.setText(QCoreApplication.translate("MainWindow", "1 change waiting"))
        else:
            self.pending_label.setText(
                QCoreApplication.translate("MainWindow", "%1 changes waiting").replace("%1", str(n))
            )
        self.last_sync_label.setText(
            QCoreApplication.translate("MainWindow", "Last synced %1").replace(
                "%1", format_datetime(status.last_sync_at, self.ctx.lang)
            )
            if status.last_sync_at
            else QCoreApplication.translate("MainWindow", "Not synced yet")
        )
        problem = ""
        if status.error == "bug":
            problem = QCoreApplication.translate(
                "MainWindow", "Sync stopped because of a problem on our side; details are in the log."
            )
        elif status.error and not status.work_offline:
            problem = texts.sync_error_text(status.error, status.error_detail)
            if status.retry_after and status.error in ("rate_limited", "server"):
                from datetime import timedelta

                problem += " " + QCoreApplication.translate("MainWindow", "Next try in %1.").replace(
                    "%1", fmt_duration(timedelta(seconds=status.retry_after))
                )
        self.problem_label.setText(problem)
        self.problem_label.setToolTip(problem)
        self.sync_button.setEnabled(not status.work_offline and not status.syncing)
        if self.offline_box.isChecked() != status.work_offline:
            self.offline_box.blockSignals(True)
            self.offline_box.setChecked(status.work_offline)
            self.offline_box.blockSignals(False)
            self.act_offline.setChecked(status.work_offline)

    # -- news -----------------------------------------------------------------------------
    def show_report(self, report: SyncReport) -> None:
        """A pass brought news: an in-window banner, and a desktop notification if possible."""
        if not report.news:
            return
        text, store_id = news_summary(report.news, self.ctx.lang)
        if not text:
            return
        self._banner_store = store_id
        kind = "warn" if any(n.kind in ("review_rejected", "refused") for n in report.news) else "info"
        self.banner.show_message(
            text, kind, QCoreApplication.translate("MainWindow", "Show") if store_id else None
        )
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(
                QCoreApplication.translate("MainWindow", "Merchant Console"), text, icon("app"), 8000
            )

    def _banner_action(self) -> None:
        if self._banner_store:
            self.show_view("stores", self._banner_store)
        self.banner.dismiss()

    # -- persistence ----------------------------------------------------------------------
    def restore_state(self) -> None:
        s = self.ctx.settings
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        split = s.value("window/stores_splitter")
        if isinstance(split, QByteArray) and not split.isEmpty():
            self.stores.splitter.restoreState(split)
        last = s.value("window/last_view", "stores")
        self.show_view(str(last) if str(last) in VIEW_NAMES else "stores")

    def save_state(self) -> None:
        s = self.ctx.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/stores_splitter", self.stores.splitter.saveState())
        s.setValue("window/last_view", self._current)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    # -- first paint ----------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not getattr(self, "_painted", True):
            self._painted = True
            self.first_painted.emit()
            self.setWindowIcon(icon("app"))
        return result


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
        (
            "refused",
            QCoreApplication.translate(
                "MainWindow", "Changes refused by the platform: %1 (see Waiting to sync)."
            ),
        ),
        ("announcement", QCoreApplication.translate("MainWindow", "New announcements: %1.")),
    )
    parts = [text.replace("%1", str(counts[kind])) for kind, text in sentences if counts.get(kind)]
    return " ".join(parts), (next(iter(stores)) if len(stores) == 1 else None)
