"""The stub merchant platform: a real HTTP server (FastAPI under uvicorn) with its own SQLite
state, playing Taobao/Tmall for the console's tests and demos. Shares nothing with the app but
the wire contract (docs/platform-api.md and its /openapi.json).

Importing this package is cheap: FastAPI and uvicorn load only when a server is built.
"""

from __future__ import annotations

from pathlib import Path


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    data_dir: str | Path = ".stub-data",
    seed: str | None = None,
    admin: bool = False,
    **options: object,
) -> int:
    """Run the stub platform until interrupted; see :func:`console.platform.stub.server.serve`."""
    from .server import serve as _serve

    return _serve(host, port, data_dir, seed, admin, **options)  # type: ignore[arg-type]


__all__ = ["serve"]
