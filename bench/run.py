"""``make bench``: run every benchmark, print the table, write bench-results.json.

    python -m bench.run                      # everything (about 5 minutes on 2 cores)
    python -m bench.run --only startup,toggle
    python -m bench.run --runs 3 --load-seconds 5   # a quick look while working
    python -m bench.run --only sync100k           # the 100,000-store initial sync alone (minutes)

Each case returns rows (figure, median, min, max, baseline, ratio, target, met). A case that
fails becomes a FAILED row and the exit code is 1; a target that is missed is reported (met: no),
not an error: benchmarks inform, they do not gate ``make test``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench.common import (
    ROOT,
    RUNS,
    WARMUPS,
    Context,
    Row,
    failed_row,
    rmtree,
    start_spawner,
    stop_spawner,
    stub_server,
    sync_into,
)

RESULTS = ROOT / "bench-results.json"


# -- shared preparation -------------------------------------------------------------------------------
def prepare_demo(ctx: Context) -> list[Row]:
    """A data folder holding the demo merchant, synced from the stub (not part of any figure)."""
    from bench.common import app_data_dir

    ctx.log("preparing the demo data folder (stub --seed demo, one sync)")
    demo = app_data_dir(ctx.tmp / "demo-app", None)
    with stub_server(ctx.tmp / "stub-demo", "demo") as stub:
        c = stub.credentials
        report = sync_into(demo / "console.db", stub.url, c.app_key, c.app_secret)
    if report.error:
        raise RuntimeError(f"demo sync failed: {report.error_detail}")
    ctx.facts["demo_dir"] = demo
    return []


#: (name, "module:function"), in the order they run; modules are imported when their case runs.
CASES: list[tuple[str, str]] = [
    ("prepare", "bench.run:prepare_demo"),
    ("startup", "bench.cases.startup:run"),
    ("frozen", "bench.cases.startup:run_frozen"),
    ("platform", "bench.cases.platform:run"),  # initial sync, push, load (one stub, 10,000 stores)
    ("sync100k", "bench.cases.platform:run_100k"),  # initial sync of 100,000 stores
    ("startup10k", "bench.cases.startup:run_10k"),  # first paint and stores visible, 10,000 stores
    ("toggle", "bench.cases.toggle:run"),
    ("gui", "bench.cases.gui:run"),  # 10,000 and 100,000 stores: memory scrolled, filter keystroke
    ("collation", "bench.cases.collation:run"),  # merchant sort keys for 10,000 names
    ("sales", "bench.cases.sales:run"),  # 1,000,000 payments applied, Sales page filter, reconciliation
]


def _load(spec: str) -> Callable[[Context], list[Row]]:
    module, _, fn = spec.partition(":")
    case: Callable[[Context], list[Row]] = getattr(importlib.import_module(module), fn)
    return case


# -- output ---------------------------------------------------------------------------------------------
def _fmt(v: float | None) -> str:
    if v is None:
        return "—"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def table(rows: list[Row]) -> str:
    head = ["figure", "unit", "median", "min", "max", "baseline", "ratio", "target", "met"]
    body = [
        [
            r.name,
            r.unit,
            _fmt(r.median),
            _fmt(r.min),
            _fmt(r.max),
            _fmt(r.baseline),
            "—" if r.ratio is None else f"{r.ratio:.2f}×",
            r.target,
            {True: "yes", False: "NO", None: "—"}[r.met],
        ]
        for r in rows
    ]
    widths = [max(len(x) for x in col) for col in zip(head, *body, strict=False)]
    numeric = {2, 3, 4, 5, 6}

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    out = [line(head), "  ".join("-" * w for w in widths)]
    out += [line(b) for b in body]
    notes = [f"  [{i + 1}] {r.name}: {r.note}" for i, r in enumerate(rows) if r.note]
    if notes:
        out += ["", "notes:", *notes]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--only", help="comma-separated case names (prepare is always run when needed)")
    ap.add_argument("--runs", type=int, default=RUNS, help=f"measured runs per figure (default {RUNS})")
    ap.add_argument("--warmups", type=int, default=WARMUPS, help=f"warm-up runs (default {WARMUPS})")
    ap.add_argument("--load-seconds", type=float, default=30.0, help="length of the load test (default 30)")
    ap.add_argument(
        "--out", default=str(RESULTS), help="where to write the JSON (default bench-results.json)"
    )
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (for a look afterwards)")
    args = ap.parse_args(argv)
    names = [n for n, _ in CASES]
    wanted = set(names) if not args.only else {"prepare", *args.only.split(",")}
    unknown = wanted - set(names)
    if unknown:
        ap.error(f"unknown case(s): {', '.join(sorted(unknown))}; known: {', '.join(names)}")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start_spawner()  # first, while this process is small: children's peak RSS must be their own
    tmp = Path(tempfile.mkdtemp(prefix="mc-bench-"))
    ctx = Context(
        tmp=tmp, runs=max(1, args.runs), warmups=max(0, args.warmups), load_seconds=args.load_seconds
    )
    rows: list[Row] = []
    errors = 0
    started = time.monotonic()
    print(f"bench: {ctx.runs} runs after {ctx.warmups} warm-up(s) per figure; temp {tmp}", file=sys.stderr)
    try:
        for name, spec in CASES:
            if name not in wanted:
                continue
            t0 = time.monotonic()
            print(f"[{name}]", file=sys.stderr, flush=True)
            try:
                rows.extend(_load(spec)(ctx))
            except Exception as exc:  # one broken case must not hide the others
                errors += 1
                traceback.print_exc()
                rows.append(failed_row(name, exc))
                if name == "prepare":
                    break
            print(f"[{name}] {time.monotonic() - t0:.1f} s", file=sys.stderr, flush=True)
    finally:
        stop_spawner()
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            rmtree(tmp)
    print()
    print(table(rows))
    print(f"\n{len(rows)} figures in {time.monotonic() - started:.0f} s; wrote {args.out}")
    Path(args.out).write_text(
        json.dumps([r.as_json() for r in rows], indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
