"""A tiny HTTP server on loopback that answers whatever a test scripts: forged, unsigned,
stale, malformed, truncated. The real stub never misbehaves in these ways on purpose."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    sign: bool = True  # sign with the server's secret for the request's nonce
    nonce: str | None = None  # sign for another nonce than the request's
    ts_offset: int = 0  # response X-Timestamp shift, seconds
    secret: str | None = None  # sign with another secret
    drop: bool = False  # close the connection without an answer
    delay: float = 0.0  # before the headers
    trickle: float = 0.0  # between body bytes


def sig(secret: str, *parts: str) -> str:
    return hmac.new(secret.encode(), "\n".join(parts).encode(), hashlib.sha256).hexdigest()


class FakePlatform:
    def __init__(self, secret: str) -> None:
        self.secret = secret
        self.seen: list[Seen] = []
        self.script: Callable[[Seen], Reply] = lambda s: Reply(body=json.dumps({"status": "ok"}).encode())
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                fake.seen.append(seen)
                reply = fake.script(seen)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self.send_response(reply.status)
                ts = str(int(time.time()) + reply.ts_offset)
                if reply.sign:
                    nonce = reply.nonce if reply.nonce is not None else seen.headers.get("x-nonce", "")
                    secret = reply.secret or fake.secret
                    self.send_header("X-Timestamp", ts)
                    self.send_header(
                        "X-Signature",
                        sig(secret, str(reply.status), nonce, ts, hashlib.sha256(reply.body).hexdigest()),
                    )
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.trickle:
                    for i in range(len(reply.body)):
                        self.wfile.write(reply.body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(reply.trickle)
                else:
                    self.wfile.write(reply.body)

            do_GET = do_PUT = do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> FakePlatform:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
