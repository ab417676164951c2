"""Application start-up: ``run_gui(args) -> exit code``.

Order matters for how fast the window appears (FIELD-NOTES: PySide6 ≈ 70 ms, sqlite-utils
≈ 50 ms, the embedded platform a child process):

1. QApplication, theme, fonts, translators.
2. A cheap check of the database file with plain ``sqlite3`` (too new? not a database?) so a bad
   file gets a clear dialog before any window, and is never touched.
3. The main window is shown; the GUI thread's ConsoleService (sqlite-utils) opens lazily after
   that, and the stores list loads on the db lane.
4. As the window is shown, the first screenful of stores is read with plain sqlite3 on the db
   lane; the rows are painted with the first frame or the next (``show_stores_first``).
5. Once the stores are on screen (the list painted with its rows): the whole list loads on the
   db lane (the service, sqlite-utils), and the sync worker resolves the
   platform (maybe starting the demo server) and syncs on the net lane, and the tray icon comes.
   Starting them earlier made them compete with the list for the 2nd core (issue #14).

Start-up contract for the bench (``bench/cases/startup.py``), from outside the process:
``MERCHANT_CONSOLE_REPORT_FIRST_PAINT=1`` prints ``FIRST_PAINT <ms>`` at the window's first paint
and ``STORES_VISIBLE <ms>`` when the list has painted its rows (ms since the process started);
``MERCHANT_CONSOLE_QUIT_AFTER_PAINT=1`` / ``MERCHANT_CONSOLE_QUIT_AFTER_STORES=1`` quit there.

``--screenshot FILE`` renders the window at 1280×800 to a PNG and exits (for docs and review).

Why this file is over 500 lines (docs/ARCHITECTURE.md, "Long files"): start-up, the first
screenful read before the paint, and the screenshot mode; the planned cut moves the screenshot
mode into its own module.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from console.service import ConsoleService
    from console.ui.context import UiContext

log = logging.getLogger(__name__)

ENV_REPORT_FIRST_PAINT = "MERCHANT_CONSOLE_REPORT_FIRST_PAINT"
ENV_QUIT_AFTER_PAINT = "MERCHANT_CONSOLE_QUIT_AFTER_PAINT"
# the bench's second mark: the merchant's stores on screen (the list's first paint with its rows)
ENV_QUIT_AFTER_STORES = "MERCHANT_CONSOLE_QUIT_AFTER_STORES"
SCREENSHOT_SIZE = (1280, 800)


def choose_data_dir(cli_value: str | None) -> Path:
    """--data-dir > $MERCHANT_CONSOLE_DATA_DIR > the folder chosen in Settings > the OS default:
    the same resolution as the command line (console/wiring/paths.py)."""
    from console.wiring.paths import data_dir as resolve_data_dir

    return resolve_data_dir(cli_value)


def _arg(args: Any, name: str, default: Any = None) -> Any:
    return getattr(args, name, default) if args is not None else default


def _ms_since_process_start() -> float:
    """Milliseconds since this process started (Linux: /proc; elsewhere since import)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 overall: starttime, in clock ticks since boot
        hz = os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / hz) * 1000.0
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _IMPORTED_AT) * 1000.0


_IMPORTED_AT = time.perf_counter()


class LazyService:
    """Stands in for the GUI thread's ConsoleService until first used.

    Why: importing sqlite-utils and opening the database costs ~50 ms that the first paint does
    not need (the list loads on the db lane). The first attribute access opens it.
    """

    def __init__(self, open_service: Callable[[], ConsoleService]) -> None:
        self._open = open_service
        self._service: ConsoleService | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._service is None:
            self._service = self._open()
        return getattr(self._service, name)

    def close(self) -> None:
        if self._service is not None:
            self._service.db.conn.close()
            self._service = None


def _log_to_file(data_dir: Path) -> Path | None:
    """Keep a log where "details are in the log" can be found (console/wiring/logfile.py)."""
    from console.wiring.logfile import log_to_file

    return log_to_file(data_dir)


def install_excepthook(
    data_dir: Path, lang: Callable[[], str], show: Callable[[str], None] | None = None
) -> None:
    """The window's last resort: an uncaught error is logged with its traceback and the
    merchant reads one sentence naming the log file, never a traceback (issue #13)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        # imported here, not at start-up: they are needed only when something went wrong
        from console.ui.errors import storage_failure_text
        from console.wiring.logfile import record_crash
        from console.words.errors import unexpected_text

        exc.__traceback__ = tb
        text = storage_failure_text(exc, lang())  # a full disk is named, not logged as a bug
        if text is None:
            text = unexpected_text(lang(), record_crash(exc, data_dir))
        print(text, file=sys.stderr)
        if show is not None:
            try:
                show(text)
            except Exception:  # the hook itself must never raise
                log.exception("could not show the error dialog")

    sys.excepthook = hook


def precheck_database(path: Path) -> Exception | None:
    """``console.storage.db.precheck``; a file in use right now is left to open_database to wait for."""
    from console.storage.db import StorageProblem, precheck

    problem = precheck(path)
    return None if problem is None or problem.problem is StorageProblem.BUSY else problem


def _tell_unexpected(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from console import APP_NAME

    QMessageBox.warning(None, APP_NAME, text)


def storage_error_text(exc: BaseException, lang: str) -> tuple[str, str]:
    """(message, detail) for a data file the app cannot use, worded once for both faces
    (console/words/errors.py); the detail is the file's path."""
    from console.storage.errors import StorageProblem, classify
    from console.words.errors import storage_text

    problem = classify(exc)
    kind = problem.problem if problem is not None else StorageProblem.CANNOT_OPEN
    path = str(getattr(problem, "path", None) or getattr(exc, "path", "") or "")
    return storage_text(kind, lang, path=path), path


def _ensure_display(screenshot: bool) -> None:
    if "QT_QPA_PLATFORM" in os.environ:
        return
    if screenshot or not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform != "linux"
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")


def _make_app(argv: list[str]) -> QApplication:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from console import APP_NAME, __version__

    existing = QApplication.instance()
    if existing is not None:
        return cast(QApplication, existing)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName("MerchantConsole")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    # Fusion chosen on the command line Qt reads: setStyle() hands a QStyle back to Python, whose
    # first wrapper builds every QStyle enum (~15 ms before the first paint, issue #14)
    app = QApplication([*argv, "-style", "Fusion"])
    app.setProperty("mc_style", "Fusion")  # apply_theme: already in place
    QGuiApplication.setDesktopFileName("merchant-console")
    return app


def build_context(
    app: QApplication,
    data_dir: Path,
    lang: str,
    *,
    open_service: Callable[[], ConsoleService] | None = None,
    clock: Callable[[], Any] | None = None,
) -> UiContext:
    """The UiContext for ``data_dir`` (also used by tests with their own clock).

    Without ``clock`` the window runs on the app's one clock, as the CLI does: the platform's
    business time as last learned (kept in ``meta`` across restarts), carried forward by the
    monotonic clock; the sync worker teaches it after every pass (issue #10)."""
    from PySide6.QtCore import QSettings

    from console.storage.files import create_private_file
    from console.ui.context import UiContext, UiEvents
    from console.ui.tasks import TaskRunner
    from console.wiring.paths import database_path

    db_path = database_path(data_dir)
    if clock is None:
        from console.core.clock import PlatformClock
        from console.storage.meta import MetaFile

        clock = PlatformClock(meta=MetaFile(db_path))

    def open_db() -> Any:
        from console.storage.db import open_database

        return open_database(db_path)

    def make_service(db: Any) -> ConsoleService:
        from console.service import ConsoleService

        return ConsoleService(db, clock=clock)

    if open_service is None:

        def open_service() -> ConsoleService:
            return make_service(open_db())

    data_dir.mkdir(parents=True, exist_ok=True)
    ui_ini = data_dir / "ui.ini"
    with contextlib.suppress(OSError):  # created 0600 so QSettings (umask-bound) rewrites it in place
        os.close(create_private_file(ui_ini))
    settings = QSettings(str(ui_ini), QSettings.Format.IniFormat)
    tasks = TaskRunner(open_db, make_service, parent=app)
    return UiContext(
        data_dir=data_dir,
        service=cast("ConsoleService", LazyService(open_service)),
        tasks=tasks,
        settings=settings,
        lang=lang,
        events=UiEvents(app),
        clock=clock,
    )


#: Rows read for the first screenful (a tall window shows about 40); the whole list follows.
FIRST_SCREENFUL = 200


def read_first_screenful(db_path: Path) -> Any:
    """The first rows of the stores list, read with plain ``sqlite3`` (read-only).

    Why not the service: importing sqlite-utils and the service costs more than everything else
    between the first paint and the stores on screen (~150 ms of CPU on the bench machine). This
    is the same query as the full load (``console.storage.store_columns``), cut after the first
    chunk, so what the merchant sees first is what the full load will show.
    """
    import sqlite3

    from console.storage.store_columns import iter_store_columns
    from console.ui.models.stores_model import SOURCES, StoreTable

    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        first = next(iter_store_columns(conn, SOURCES, chunk=FIRST_SCREENFUL), None)
    finally:
        conn.close()
    return StoreTable.from_chunks([first] if first is not None else [], name_ordered=True)


def show_stores_first(window: Any, db_path: Path, then: Callable[[], None]) -> None:
    """Put the first screenful of stores on screen, then call ``then`` (once, after that paint).

    After the window's first paint, two things at once: the stores page is built on the GUI
    thread (the window builds it then, or the first ask for ``window.stores`` here does) and the
    first screenful is read by ``read_first_screenful`` on the db lane (sqlite releases the GIL).
    Started before the first paint, the read's imports held the GIL that the paint needed (first
    paint 2.11x → 1.93x the bare window, stores visible 2.78x → 2.70x, medians of 11). The rows
    go into the page and, once its list has painted them, the whole list, the chips, the
    selection and the detail come with the page's normal ``refresh()``. If the quick read fails
    (no database yet, an older schema), the normal load does it all.
    """

    window.stores_filled_elsewhere = True  # built after the first paint, it waits for the rows
    done: list[bool] = []

    def finish(load_all: bool) -> None:
        if done:
            return
        done.append(True)
        if load_all:
            # the full load imports sqlite-utils and the service on the db lane: started
            # before this paint, it held the GIL while the rows waited to be painted
            window.stores.refresh()
        then()

    def came_back(quick: bool, result: Any) -> None:
        """The quick read is back (it starts after the first paint): its rows, or the normal load."""
        stores = window.stores  # built here unless the window built it already
        if quick and stores.model.rowCount() == 0:
            stores.model.set_table(result)  # the list repaints with its rows
            after_next_paint(stores.table, lambda: finish(True))
        elif quick:  # the page was built, and loaded its list, before the quick read came back
            after_next_paint(stores.table, lambda: finish(False))
            stores.table.viewport().update()
        else:
            log.info("the quick first read of the stores list failed (%s); loading it normally", result)
            stores.loaded.connect(lambda: after_next_paint(stores.table, lambda: finish(False)))
            stores.refresh()

    def start_read() -> None:
        window.ctx.tasks.run(
            lambda _task: read_first_screenful(db_path),
            on_done=lambda table: came_back(True, table),
            on_error=lambda exc: came_back(False, exc),
        )

    if window.has_painted:
        start_read()
    else:
        window.first_painted.connect(start_read)


def after_next_paint(table: Any, then: Callable[[], None]) -> None:
    """Call ``then`` once the stores list (``StoresTable``) has painted, when that paint has
    returned."""
    from PySide6.QtCore import QTimer

    def painted() -> None:
        table.painted.disconnect(painted)
        QTimer.singleShot(0, then)

    table.painted.connect(painted)


class Shell:
    """Owns the window, translators, sync worker; switches language; shuts down in order."""

    def __init__(
        self, app: QApplication, ctx: UiContext, language_choice: str, translations: Any = None
    ) -> None:
        from console.ui.i18n import Translations
        from console.ui.main_window import MainWindow

        self.app = app
        self.ctx = ctx
        if translations is None:
            translations = Translations()
            translations.apply(app, ctx.lang)
        self.translations = translations
        self.language_choice = language_choice
        self.window = MainWindow(ctx)
        self.window.language_requested.connect(self.set_language)
        self.sync_worker: Any = None

    def set_language(self, choice: str) -> None:
        """Install the translators for ``choice``; Qt re-translates every open widget."""
        from console.ui.i18n import resolve_language

        self.language_choice = choice
        lang = resolve_language(choice)
        if lang == self.ctx.lang:
            return
        self.ctx.lang = lang
        self.translations.apply(self.app, lang)
        self.ctx.events.language_changed.emit(lang)

    def start_sync(self, *, interval_s: int, work_offline: bool, choice: Any) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon

        from console.ui.resources import icon
        from console.ui.sync_worker import SyncWorker

        worker = SyncWorker(self.ctx, interval_s=interval_s, work_offline=work_offline, choice=choice)
        worker.report_ready.connect(self.window.show_report)
        worker.connection_failed.connect(self._connection_failed)
        self.sync_worker = worker
        self.window.sync_worker = worker
        if QSystemTrayIcon.isSystemTrayAvailable():
            tray = QSystemTrayIcon(icon("app"), self.window)
            tray.show()
            self.window.tray = tray
        worker.refresh_pending()
        worker.start()

    def _connection_failed(self, message: str) -> None:
        from PySide6.QtCore import QCoreApplication

        self.window.banner.show_message(
            QCoreApplication.translate(
                "App",
                "Cannot connect to the platform. Your changes are kept here. Check the platform "
                "settings, or work offline.",
            ),
            "warn",
        )

    def shutdown(self) -> None:
        if self.sync_worker is not None:
            self.sync_worker.shutdown()
        self.ctx.tasks.shutdown()
        if self.sync_worker is not None:
            self.sync_worker.close()
        service = self.ctx.service
        if isinstance(service, LazyService):
            service.close()


def run_gui(args: argparse.Namespace) -> int:
    """Run the desktop app with the options the one command-line tree parsed (console/cli/gui.py);
    returns the process exit code. The window never parses argv itself: the face that owns the
    command line hands it over, so ui/ does not import cli/."""
    screenshot = _arg(args, "screenshot")
    _ensure_display(bool(screenshot))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # one line per HTTP request every minute would bury what matters; sync logs its own outcome
    logging.getLogger("httpx").setLevel(logging.WARNING)

    from PySide6.QtCore import QTimer

    from console.ui.i18n import resolve_language
    from console.ui.theme import apply_fonts, apply_theme
    from console.wiring.config import load_config
    from console.wiring.paths import database_path

    app = _make_app(sys.argv[:1])
    data_dir = choose_data_dir(_arg(args, "data_dir"))
    # One window per data folder: a second start asks the first to come forward and leaves, so
    # the database never has two GUI writers. --screenshot only reads and may run beside it.
    from console.ui.single_instance import SingleInstance, raise_window

    instance = SingleInstance("merchant-console", data_dir, parent=app)
    if not screenshot and not instance.try_become_primary(listen=False):
        log.info("another window owns %s: asked it to come forward", data_dir)
        return 0
    # the log file is opened once the stores are on screen (logging.handlers and its imports cost
    # ~20 ms of start-up); the refusals below open it themselves, and the excepthook records a
    # crash in it whenever it happens
    loaded = load_config(data_dir)
    config = loaded.config
    language_choice = _arg(args, "lang") or config.language
    lang = resolve_language(language_choice)
    live: dict[str, Any] = {}  # the context once built: the hook speaks its current language
    if not screenshot:
        install_excepthook(
            data_dir, lambda: live["ctx"].lang if "ctx" in live else lang, show=_tell_unexpected
        )
    # light/dark follows the system; MERCHANT_CONSOLE_THEME=dark|light forces one (screenshots, support)
    apply_theme(app, {"dark": True, "light": False}.get(os.environ.get("MERCHANT_CONSOLE_THEME", "")))
    apply_fonts(app)

    from console.ui.i18n import Translations

    translations = Translations()
    translations.apply(app, lang)
    problem = precheck_database(database_path(data_dir))
    if problem is not None:
        from console.ui.widgets import dialogs

        message, detail = storage_error_text(problem, lang)
        if not screenshot:
            _log_to_file(data_dir)
        log.error("database refused: %s", problem)
        if screenshot:
            print(message, file=sys.stderr)
            return 2
        dialogs.tell(None, message, message, detail, warning=True)
        return 2

    ctx = build_context(app, data_dir, lang)
    live["ctx"] = ctx
    shell = Shell(app, ctx, language_choice, translations)
    window = shell.window

    def platform_choice() -> Any:
        # the sync worker's module (and what it imports) loads after the first paint
        from console.ui.sync_worker import PlatformChoice

        return PlatformChoice(
            _arg(args, "platform_url"), _arg(args, "app_key"), os.environ.get("MERCHANT_CONSOLE_APP_SECRET")
        )

    if screenshot:
        return _screenshot(
            shell, Path(screenshot), _arg(args, "view") or "stores", _arg(args, "store"), platform_choice()
        )

    instance.activated_by_second_instance.connect(lambda: raise_window(window))
    report = os.environ.get(ENV_REPORT_FIRST_PAINT) == "1"
    quit_after = os.environ.get(ENV_QUIT_AFTER_PAINT) == "1"
    quit_after_stores = os.environ.get(ENV_QUIT_AFTER_STORES) == "1"

    def painted() -> None:
        if report:
            print(f"FIRST_PAINT {_ms_since_process_start():.1f}", flush=True)
        if quit_after:
            QTimer.singleShot(0, app.quit)

    def stores_visible() -> None:
        if report:
            print(f"STORES_VISIBLE {_ms_since_process_start():.1f}", flush=True)
        if quit_after_stores:
            QTimer.singleShot(0, app.quit)
            return
        _log_to_file(data_dir)  # logging.handlers and its imports: ~20 ms the stores need not wait
        instance.listen()  # after the stores: QtNetwork costs ~6 MB and ~7 ms
        choice = platform_choice()
        shell.start_sync(interval_s=config.sync_interval_s, work_offline=config.work_offline, choice=choice)
        if loaded.problem:
            log.warning("settings: %s", loaded.problem)
        # the welcome explains the demo platform: only when that is what the merchant sees
        on_demo = config.platform_url is None and choice.url is None
        if on_demo and not ctx.settings.value("welcome/seen", False, type=bool):
            from console.ui.views.welcome import WelcomeDialog

            dlg = WelcomeDialog(ctx, window)
            dlg.finished.connect(lambda _r: ctx.settings.setValue("welcome/seen", True))
            dlg.open()

    window.first_painted.connect(painted)
    window.resize(*SCREENSHOT_SIZE)
    window.restore_state()
    window.show()
    # read the first screenful now, on the db lane (sqlite releases the GIL), while the event
    # loop paints the window: the rows join the first frame or the one after it
    show_stores_first(window, database_path(data_dir), stores_visible)
    if _arg(args, "view"):
        window.show_view(_arg(args, "view"), _arg(args, "store"))
    try:
        code = app.exec()
    finally:
        shell.shutdown()
    return int(code)


# -- screenshots --------------------------------------------------------------------------------


def _ensure_demo_data(ctx: UiContext, choice: Any) -> None:
    """On an empty data folder, one synchronous sync against the platform (the demo by default)."""
    if ctx.service.store_count() > 0:
        return
    from console.storage.db import open_database
    from console.sync.engine import SyncEngine
    from console.wiring.config import load_config
    from console.wiring.connection import resolve_connection
    from console.wiring.paths import database_path

    conn = resolve_connection(
        ctx.data_dir,
        platform_url=choice.url,
        app_key=choice.app_key,
        app_secret=choice.app_secret,
        config=load_config(ctx.data_dir).config,
    )
    try:
        db = open_database(database_path(ctx.data_dir))
        with conn.client() as client:
            report = SyncEngine(db, client, sales=True).run_once(force=True)
        db.conn.close()
        log.info("screenshot data: pulled %d entities (error: %s)", report.pulled, report.error)
    finally:
        conn.close()


def pick_store(ctx: UiContext, view: str) -> str | None:
    """A store worth showing: invited with the soonest deadline, else one with a rejection, else any."""
    from console.core.model import Eligibility

    soon = ctx.service.deadlines_soon(within_days=30)
    if soon and view != "checkout":
        return soon[0].id
    rows = ctx.service.list_stores()
    for wanted in (Eligibility.INVITED, Eligibility.REJECTED, Eligibility.LIVE):
        for r in rows:
            if r.wechat_eligibility == wanted:
                return r.id
    return rows[0].id if rows else None


def screenshot_size() -> tuple[int, int]:
    """The screenshot's window size: MERCHANT_CONSOLE_SCREENSHOT_SIZE=WxH (tools/screenshots.py
    renders 1024x700 and 1920x1080), else SCREENSHOT_SIZE."""
    import os

    w, _, h = os.environ.get("MERCHANT_CONSOLE_SCREENSHOT_SIZE", "").partition("x")
    return (int(w), int(h)) if w.isdigit() and h.isdigit() else SCREENSHOT_SIZE


def _wait_for_demo(shell: Shell, page: Any, choice: Any, timeout_ms: int = 60000) -> None:
    """Start the sync worker (it starts the embedded platform) and wait for the page's calendar."""
    from PySide6.QtCore import QEventLoop, QTimer

    shell.start_sync(interval_s=3600, work_offline=False, choice=choice)
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if getattr(page, "events", None) else None)
    poll.start(100)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    poll.stop()


def _screenshot(shell: Shell, path: Path, view: str, store_id: str | None, choice: Any) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    ctx, window, app = shell.ctx, shell.window, shell.app
    try:
        _ensure_demo_data(ctx, choice)
        store_id = store_id or pick_store(ctx, view)
        loop = QEventLoop()
        window.stores.loaded.connect(loop.quit)
        QTimer.singleShot(15000, loop.quit)
        window.resize(*screenshot_size())
        window.show()
        window.stores.refresh()
        loop.exec()
        if store_id:
            window.stores.select_store(store_id)
            window.stores.detail.set_store(store_id)
        page = window.show_view(view, store_id)
        if view == "demo":  # Demo controls need the demo platform itself: connect as the app does
            _wait_for_demo(shell, page, choice)
        from console.core.sync_state import PassOutcome, PassRecord, PassResult, summarise
        from console.ui.context import SyncStatus

        now = ctx.clock()  # the picture shows a window that has just synced
        state = ctx.service.sync_status()
        if state.last_pass_at is None:  # never synced here: show it as just synced
            synced = PassRecord(PassOutcome(now, PassResult.OK), None, now)
            state = summarise(ctx.service.repo.outbox_rows(), synced)
        status = SyncStatus(
            online=True,
            pending=state.waiting + state.sending,
            last_sync_at=state.last_success_at or now,
            state=state,
            unread_news=ctx.service.unread_news_count(),
        )
        ctx.sync_status = status
        window.show_sync_status(status)
        for _ in range(5):
            app.processEvents()
        settle = QEventLoop()
        QTimer.singleShot(300, settle.quit)  # lazy views load on the db lane
        settle.exec()
        app.processEvents()
        path.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(path), "PNG")
        print(f"screenshot: {path} ({'ok' if ok else 'FAILED'})")
        return 0 if ok else 1
    finally:
        shell.shutdown()
