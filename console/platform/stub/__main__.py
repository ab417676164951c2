"""Command line: ``python -m console.platform.stub --port N --data DIR [--seed demo|stores:N] [--admin]``."""

from __future__ import annotations

import argparse
import sys

from .seed import parse_seed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stub-server", description="Run the stub merchant platform (docs/platform-api.md) over HTTP."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port; 0 picks a free one (default 8765)")
    parser.add_argument("--data", default=".stub-data", help="state directory (created if missing)")
    parser.add_argument("--seed", help="demo | stores:N — applied once per data directory")
    parser.add_argument("--admin", action="store_true", help="enable /admin routes (loopback clients only)")
    parser.add_argument(
        "--review-delay",
        type=int,
        default=120,
        metavar="SECONDS",
        help="server-clock seconds a WeChat Pay review takes (default 120)",
    )
    parser.add_argument("--fault-seed", type=int, default=0, help="RNG seed for injected random errors")
    parser.add_argument("--no-access-log", action="store_true", help="do not log each request")
    parser.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    parser.add_argument("--watch-stdin", action="store_true", help="exit when stdin closes (embedded use)")
    parser.add_argument("--parent-pid", type=int, help="exit when this parent process goes away")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.seed is not None:
        try:
            parse_seed(args.seed)
        except ValueError as exc:
            parser.error(str(exc))
    if not 0 <= args.port <= 65535:
        parser.error("--port must be 0–65535")
    if args.review_delay < 0:
        parser.error("--review-delay must be >= 0")
    from .server import serve  # uvicorn/FastAPI load only when serving

    try:
        return serve(
            args.host,
            args.port,
            args.data,
            args.seed,
            args.admin,
            review_delay_s=args.review_delay,
            fault_seed=args.fault_seed,
            access_log=not args.no_access_log,
            log_level=args.log_level,
            watch_stdin=args.watch_stdin,
            parent_pid=args.parent_pid,
        )
    except OSError as exc:
        print(f"stub-server: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
