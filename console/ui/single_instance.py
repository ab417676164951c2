"""One running app per data directory: a second start brings the first window forward.

Two processes that wrote the same database and both ran a sync worker would push the same outbox
twice and fight over the cursor, so only one app may own a data directory at a time:

* a ``QLockFile`` inside the data directory decides who owns it. Qt writes the owner's PID,
  host and program name into it, so a lock left behind by a crash (kill -9, power cut) is seen
  as stale and taken over, and the lock cannot be held by two processes, even if they start in
  the same millisecond;
* the owner listens on a ``QLocalServer`` (a Unix socket in the temp directory, a named pipe on
  Windows) whose name is derived from the data directory and the user, so two different data
  directories run side by side. A socket file left behind by a crash is removed before listening;
* a second start connects, sends ``activate``, waits for the owner's ``ok`` and tells its caller
  to exit with status 0. The owner emits ``activated_by_second_instance``; the GUI raises its
  window (see :func:`raise_window`).

Usage (in the GUI start-up, before the database is opened)::

    instance = SingleInstance(APP_ID, data_dir, parent=app)
    if not instance.try_become_primary():
        return 0
    instance.activated_by_second_instance.connect(lambda: raise_window(window))
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # QtNetwork is imported when first used: ~6 MB and ~7 ms before the first paint
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
ACK = b"ok\n"
LOCK_FILE_NAME = ".merchant-console.lock"


def server_name(app_id: str, data_dir: Path | str) -> str:
    """The local socket / pipe name for one data directory and one user (short: Unix sockets
    allow about 100 bytes for the whole path). hashlib (OpenSSL's libcrypto, ~3 MB) and getpass
    are imported here, not at start-up: the GUI needs the name only after its first paint."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (containers)
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = f"{user}\0{os.path.normcase(os.path.abspath(os.fspath(data_dir)))}"
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{app_id}-{digest}"


def raise_window(window: QWidget) -> None:
    """Bring a (possibly minimised or hidden) window to the front."""
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """Decides whether this process owns ``data_dir``; the owner hears of later starts."""

    activated_by_second_instance = Signal()

    def __init__(
        self,
        app_id: str,
        data_dir: Path | str,
        parent: QObject | None = None,
        *,
        connect_timeout_ms: int = 3000,
    ) -> None:
        super().__init__(parent)
        self.app_id = app_id
        self.data_dir = Path(data_dir)
        self._name: str | None = None
        self.connect_timeout_ms = connect_timeout_ms
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []
        self.is_primary = False

    @property
    def name(self) -> str:
        """The local socket name (computed when first needed: see ``server_name``)."""
        if self._name is None:
            self._name = server_name(self.app_id, self.data_dir)
        return self._name

    # -- start-up -------------------------------------------------------------------------------

    def try_become_primary(self, *, listen: bool = True) -> bool:
        """True: this process owns the data directory (keep this object alive until exit).

        False: another process owns it; it has been asked to come forward (if it answered) and
        this process should exit with status 0 without touching the data directory.

        ``listen=False`` only takes the lock; call :meth:`listen` later (the GUI does once its
        window has painted, so QtNetwork stays off the start-up path). A second start meanwhile
        keeps retrying for ``connect_timeout_ms`` (see ``_notify_primary``).
        """
        if self.is_primary:
            return True
        self.data_dir.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.data_dir / LOCK_FILE_NAME))
        lock.setStaleLockTime(0)  # stale only when the owner process is gone, never by age
        if not lock.tryLock(0):
            if lock.error() == QLockFile.LockError.LockFailedError:
                self._notify_primary()
                return False
            # Permission or unknown error: we cannot prove we are alone. Refuse rather than
            # risk two writers; say why on stderr (the GUI may show a dialog instead).
            print(f"merchant-console: cannot lock {self.data_dir}: {lock.error()}", file=sys.stderr)
            return False
        self._lock = lock
        self.is_primary = True
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Start answering later starts (the owner only; once)."""
        if self.is_primary and self._server is None:
            self._listen()

    def release(self) -> None:
        """Stop listening and unlock (also done when the process exits)."""
        for sock in self._clients:
            sock.abort()
        self._clients.clear()
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self.is_primary = False

    # -- owner side -----------------------------------------------------------------------------

    def _listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so any socket file of that name is left over from a crash.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            # Still the owner (the lock is what matters); later starts just cannot reach us.
            print(
                f"merchant-console: cannot listen on {self.name}: {server.errorString()}",
                file=sys.stderr,
            )
            return
        server.newConnection.connect(self._on_new_connection)
        self._server = server

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            if sock is None:
                break
            self._clients.append(sock)
            sock.readyRead.connect(lambda s=sock: self._on_ready_read(s))
            sock.disconnected.connect(lambda s=sock: self._forget(s))
            if sock.bytesAvailable():
                self._on_ready_read(sock)

    def _on_ready_read(self, sock: QLocalSocket) -> None:
        while sock.canReadLine():
            line = bytes(sock.readLine().data())
            if line.strip() == ACTIVATE.strip():
                sock.write(ACK)
                sock.flush()
                self.activated_by_second_instance.emit()

    def _forget(self, sock: QLocalSocket) -> None:
        if sock in self._clients:
            self._clients.remove(sock)
        sock.deleteLater()

    # -- second start ---------------------------------------------------------------------------

    def _notify_primary(self) -> bool:
        """Ask the owner to come forward; True when it acknowledged. The owner may still be
        starting (it holds the lock but is not listening yet), so retry until the timeout."""
        from PySide6.QtCore import QDeadlineTimer, QThread
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(self.connect_timeout_ms)
        while True:
            sock = QLocalSocket()
            sock.connectToServer(self.name)
            if sock.waitForConnected(max(1, min(500, deadline.remainingTime()))):
                sock.write(ACTIVATE)
                sock.waitForBytesWritten(1000)
                acked = False
                while not acked and sock.waitForReadyRead(max(1, min(1000, deadline.remainingTime()))):
                    acked = ACK.strip() in bytes(sock.readAll().data())
                sock.disconnectFromServer()
                return acked
            sock.abort()
            if deadline.hasExpired():
                return False
            QThread.msleep(50)
