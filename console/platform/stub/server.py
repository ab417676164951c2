"""Running the stub platform: open state, seed, bind, serve under uvicorn until told to stop.

Prints ``STUB READY http://HOST:PORT`` once listening, so a parent that asked for ``--port 0``
learns the port. Stops cleanly on Ctrl-C/SIGTERM, and — when asked — when its parent goes away
(stdin closes or the parent pid changes), so an embedded server never outlives the app.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import threading
from pathlib import Path
from typing import TextIO

import uvicorn

from .app import StubConfig, create_app, open_platform
from .rules import DEFAULT_REVIEW_DELAY_S
from .seed import apply_seed, write_credentials

READY_PREFIX = "STUB READY"


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind and listen before uvicorn starts, so port 0 resolves to a real port we can print."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio only disables Nagle on sockets that say they are TCP,
    # and with Nagle on every small response waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if os.name != "nt":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_for(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    data_dir: str | Path = ".stub-data",
    seed: str | None = None,
    admin: bool = False,
    *,
    review_delay_s: int = DEFAULT_REVIEW_DELAY_S,
    fault_seed: int = 0,
    access_log: bool = True,
    log_level: str = "info",
    watch_stdin: bool = False,
    parent_pid: int | None = None,
    out: TextIO | None = None,
) -> int:
    """Serve until interrupted; returns the process exit code."""
    out = out or sys.stdout
    data = Path(data_dir)
    config = StubConfig(data_dir=data, admin=admin, review_delay_s=review_delay_s, fault_seed=fault_seed)
    platform = open_platform(config)
    try:
        merchant = apply_seed(platform, seed) if seed else None
        sock = bind_socket(host, port)
        url = url_for(host, sock.getsockname()[1])
        if merchant is not None:
            write_credentials(data, merchant, url)
            print(
                f"STUB MERCHANT {merchant.id} app_key={merchant.app_key} app_secret={merchant.app_secret}",
                file=out,
                flush=True,
            )
        app = create_app(config, platform)
        server = uvicorn.Server(
            uvicorn.Config(
                app,
                log_level=log_level,
                access_log=access_log,
                lifespan="off",
                timeout_graceful_shutdown=3,
            )
        )
        _start_watchers(server, watch_stdin, parent_pid)
        asyncio.run(_run(server, sock, url, out))
        return 0
    finally:
        platform.store.close()


async def _run(server: uvicorn.Server, sock: socket.socket, url: str, out: TextIO) -> None:
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started and not task.done():
        await asyncio.sleep(0.01)
    if server.started:
        print(f"{READY_PREFIX} {url}", file=out, flush=True)
    await task


def _start_watchers(server: uvicorn.Server, watch_stdin: bool, parent_pid: int | None) -> None:
    """Daemon threads that ask the server to exit when the parent is gone."""

    def stop() -> None:
        server.should_exit = True

    if watch_stdin:

        def read_until_eof() -> None:
            try:
                while sys.stdin.buffer.read(4096):
                    pass
            except (OSError, ValueError):
                pass
            stop()

        threading.Thread(target=read_until_eof, name="stub-stdin-watch", daemon=True).start()
    if parent_pid is not None:

        def poll_parent() -> None:
            event = threading.Event()
            while not event.wait(1.0):
                if os.getppid() != parent_pid:
                    stop()
                    return

        threading.Thread(target=poll_parent, name="stub-parent-watch", daemon=True).start()
