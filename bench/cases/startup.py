"""Cold start and memory after first paint, measured from outside, beside a bare window.

The app: ``python main.py --data-dir D`` where D already holds the demo merchant (synced from
the stub before the runs, so no first sync is measured), offscreen, with the app's start-up
contract (MERCHANT_CONSOLE_REPORT_FIRST_PAINT / _QUIT_AFTER_PAINT / _QUIT_AFTER_STORES). The
baseline: packaging/baseline/baseline_window.py, spawned and read the same way. Figures: wall time
from spawn until the parent reads the ``FIRST_PAINT`` line (the real window, in Chinese), and
until it reads ``STORES_VISIBLE`` (the stores list painted with its first screenful of rows),
each against the bare window's first paint; peak RSS from wait4 (the child only: with
quit-after-paint the app starts no sync and no embedded platform). ``run_10k`` does the same
with 10,000 stores (after the platform case, whose database it reuses).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from bench.common import (
    GUI_ENV,
    PY,
    ROOT,
    ChildRun,
    Context,
    Row,
    app_data_dir,
    child_value,
    info_row,
    interleave,
    measured,
    median,
    must,
    plus_row,
    ratio_row,
    run_child,
    skip_row,
)

# the same file is frozen as the packaged baseline, so both ratios use one yardstick
BARE_WINDOW = ROOT / "packaging" / "baseline" / "baseline_window.py"
# the window's Qt parts without the app's code: how much of the ratio is Qt's own (a report)
FLOOR_WINDOW = ROOT / "bench" / "floor_window.py"
QUIT_ENV = dict(GUI_ENV, MERCHANT_CONSOLE_QUIT_AFTER_PAINT="1")
QUIT_STORES_ENV = dict(GUI_ENV, MERCHANT_CONSOLE_QUIT_AFTER_STORES="1")


#: Modules that must not load before the first paint (each costs milliseconds and megabytes the
#: window does not need): the storage library, the network stack, the embedded platform's server
#: stack, OpenSSL, QtNetwork, our own layers below the UI, and the stores page with the domain
#: core it needs (built right after the paint). tests/ui/test_startup_imports.py checks the same.
HEAVY_PREFIXES = (
    "console.ui.views.stores",
    "console.ui.views.store_detail",
    "console.ui.models.stores_model",
    "console.core.model",
    "console.core.rules",
    "console.core.sync_state",
    "console.core.news",
    "console.words.domain",
    "logging.handlers",
    "sqlite_utils",
    "httpx",
    "httpcore",
    "fastapi",
    "starlette",
    "uvicorn",
    "pydantic",
    "anyio",
    "keyring",
    "segno",
    "_hashlib",
    "ssl",
    "PySide6.QtNetwork",
    "console.service",
    "console.sync",
    "console.platform",
    "console.wiring.connection",
)


def app_command(data_dir: Path) -> list[str]:
    return [PY, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--lang", "zh_CN"]


def heavy_imports_before_paint(data_dir: Path) -> list[str]:
    """The HEAVY_PREFIXES modules that ``python -X importtime main.py`` loads before FIRST_PAINT
    (stdout and stderr share one pipe, so the order of the lines is the order of events)."""
    env = dict(os.environ, **QUIT_ENV)
    cmd = [PY, "-X", "importtime", str(ROOT / "main.py"), "--data-dir", str(data_dir), "--lang", "zh_CN"]
    out = subprocess.run(
        cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120
    ).stdout
    found: list[str] = []
    for line in out.splitlines():
        if line.startswith("FIRST_PAINT"):
            return found
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name.startswith(HEAVY_PREFIXES) and name not in found:
                found.append(name)
    raise RuntimeError("main.py printed no FIRST_PAINT line under -X importtime")


def stores_visible(run: ChildRun, what: str) -> ChildRun:
    """A run that quit after the stores were on screen must have said so."""
    if "STORES_VISIBLE" not in run.marks:
        tail = "\n".join(run.stderr.strip().splitlines()[-12:])
        raise RuntimeError(f"{what}: no STORES_VISIBLE line\n{tail}")
    return run


def stores_row(name: str, runs: list[ChildRun], base_ms: list[float], max_ratio: float) -> Row:
    own = [float(v) for r in runs if (v := child_value(r, "STORES_VISIBLE")) is not None]
    return ratio_row(
        name,
        "ms",
        [r.marks["STORES_VISIBLE"] for r in runs],
        base_ms,
        max_ratio,
        note=f"against the bare window's first paint; app's own STORES_VISIBLE median {median(own):.0f} ms"
        if own
        else "against the bare window's first paint",
    )


def floor_row(floor_ms: list[float], base_ms: list[float]) -> Row:
    """The same widgets with none of the app's code, against the bare window: a report."""
    m, b = median(floor_ms), median(base_ms)
    return Row(
        "first paint of the same Qt widgets, no app code (floor)",
        "ms",
        m,
        min(floor_ms),
        max(floor_ms),
        b,
        m / b if b else None,
        "report",
        None,
        "bench/floor_window.py: menus, sidebar, table, style sheet, translator; what is Qt's own",
    )


def run(ctx: Context) -> list[Row]:
    demo: Path = ctx.facts["demo_dir"]
    n = ctx.warmups + ctx.runs
    ctx.log(f"start-up: main.py (first paint; stores visible) vs bare window, {n} runs each, interleaved")
    app_runs, stores_runs, base_runs, floor_runs = interleave(
        n,
        lambda: must(run_child(app_command(demo), QUIT_ENV), "main.py"),
        lambda: stores_visible(must(run_child(app_command(demo), QUIT_STORES_ENV), "main.py"), "main.py"),
        lambda: must(run_child([PY, str(BARE_WINDOW)], QUIT_ENV), "bare window"),
        lambda: must(run_child([PY, str(FLOOR_WINDOW)], QUIT_ENV), "floor window"),
    )
    app_runs, base_runs = measured(ctx, app_runs), measured(ctx, base_runs)
    stores_runs, floor_runs = measured(ctx, stores_runs), measured(ctx, floor_runs)
    app_ms = [r.wall_ms for r in app_runs]
    base_ms = [r.wall_ms for r in base_runs]
    app_mb = [r.maxrss_kb / 1024 for r in app_runs]
    base_mb = [r.maxrss_kb / 1024 for r in base_runs]
    ctx.facts["bare_rss_mb"] = base_mb
    ctx.facts["bare_paint_ms"] = base_ms
    own = [r.self_ms for r in app_runs if r.self_ms is not None]
    heavy = heavy_imports_before_paint(demo)
    return [
        ratio_row(
            "cold start → first paint (demo data)",
            "ms",
            app_ms,
            base_ms,
            1.3,
            note=f"app's own FIRST_PAINT median {median(own):.0f} ms" if own else "",
        ),
        stores_row("cold start → stores visible (demo data)", stores_runs, base_ms, 1.6),
        floor_row([r.wall_ms for r in floor_runs], base_ms),
        plus_row("peak memory after first paint (demo data)", "MB", app_mb, base_mb, 30),
        Row(
            "heavy modules imported before first paint",
            "modules",
            float(len(heavy)),
            float(len(heavy)),
            float(len(heavy)),
            None,
            None,
            "none",
            not heavy,
            ", ".join(heavy) if heavy else "checked: " + ", ".join(HEAVY_PREFIXES),
        ),
    ]


def run_10k(ctx: Context) -> list[Row]:
    """Start-up with 10,000 stores: the first paint must not grow with the list, and the first
    screenful must not wait for the whole list."""
    from bench.cases.platform import ensure_db10k

    data = app_data_dir(ctx.tmp / "start-10k", ensure_db10k(ctx))
    n = ctx.warmups + ctx.runs
    ctx.log(f"start-up with 10,000 stores: main.py vs bare window, {n} runs each, interleaved")
    app_runs, base_runs = interleave(
        n,
        lambda: stores_visible(must(run_child(app_command(data), QUIT_STORES_ENV), "main.py"), "main.py"),
        lambda: must(run_child([PY, str(BARE_WINDOW)], QUIT_ENV), "bare window"),
    )
    app_runs, base_runs = measured(ctx, app_runs), measured(ctx, base_runs)
    base_ms = [r.wall_ms for r in base_runs]
    return [
        ratio_row(
            "cold start → first paint (10,000 stores)", "ms", [r.wall_ms for r in app_runs], base_ms, 1.3
        ),
        stores_row("cold start → stores visible (10,000 stores)", app_runs, base_ms, 2.0),
    ]


def frozen_executable(name: str) -> Path | None:
    for p in (ROOT / "dist" / name / name, ROOT / "dist" / name / f"{name}.exe"):
        if p.is_file():
            return p
    return None


BUILD_PY = ROOT / "packaging" / "build.py"
BASELINE_BUILD_TIMEOUT_S = 1800.0  # PyInstaller over PySide6 on 2 busy cores: minutes


def ensure_frozen_baseline(ctx: Context) -> tuple[Path | None, str]:
    """dist/baseline-window, frozen now if missing or older than packaging/ (else reused).

    ``packaging/build.py --baseline --reuse-bundle`` owns the freshness rule and the freeze; a
    reused bundle costs its smoke test (a second). Returns (executable or None, why not).
    """
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        exe = frozen_executable("baseline-window")
        if exe is not None:
            return exe, "PyInstaller not installed: reusing dist/baseline-window as it is"
        return None, "PyInstaller not installed (make package installs it)"
    ctx.log("frozen baseline: packaging/build.py --baseline --reuse-bundle --no-packages")
    cmd = [PY, str(BUILD_PY), "--baseline", "--reuse-bundle", "--no-packages"]
    try:
        res = subprocess.run(
            cmd, cwd=ROOT, capture_output=True, text=True, timeout=BASELINE_BUILD_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return None, f"building it took over {BASELINE_BUILD_TIMEOUT_S:.0f} s"
    exe = frozen_executable("baseline-window")
    if res.returncode != 0 or exe is None:
        tail = " / ".join((res.stderr or res.stdout).strip().splitlines()[-3:])
        return None, f"build.py --baseline failed ({res.returncode}): {tail}"
    reused = "reusing" in res.stdout
    ctx.log(f"frozen baseline: {'reused' if reused else 'built'} {exe.relative_to(ROOT)}")
    return exe, ""


def _stale_note(app: Path) -> str:
    """A frozen app older than the sources measures yesterday's code: say so in the table."""
    sources = [ROOT / "main.py", ROOT / "console", ROOT / "resources"]
    newest = max(
        (f.stat().st_mtime for s in sources for f in ([s] if s.is_file() else s.rglob("*.py"))),
        default=0.0,
    )
    if app.stat().st_mtime < newest:
        return " (dist/merchant-console is older than the sources: make package)"
    return ""


def run_frozen(ctx: Context) -> list[Row]:
    name = "frozen app start → first paint (demo data)"
    target = "ratio ≤ 1.3"
    app = frozen_executable("merchant-console")
    if app is None:
        return [skip_row(name, "ms", target, "no frozen app in dist/: run make package")]
    base, why = ensure_frozen_baseline(ctx)
    demo: Path = ctx.facts["demo_dir"]
    n = ctx.warmups + ctx.runs
    ctx.log(f"frozen start-up: {app.relative_to(ROOT)} vs {base.relative_to(ROOT) if base else '—'}")
    frozen_cmd = [str(app), "--data-dir", str(demo), "--lang", "zh_CN"]
    fns = [
        lambda: must(run_child(frozen_cmd, QUIT_ENV), "frozen"),
        lambda: stores_visible(must(run_child(frozen_cmd, QUIT_STORES_ENV), "frozen"), "frozen"),
    ]
    if base is not None:
        fns.append(lambda: must(run_child([str(base)], QUIT_ENV), "frozen baseline"))
    results = interleave(n, *fns)
    app_runs = measured(ctx, results[0])
    stores_runs = measured(ctx, results[1])
    app_ms = [r.wall_ms for r in app_runs]
    stale = _stale_note(app)
    rows: list[Row]
    stores_name = "frozen app start → stores visible (demo data)"
    stores_ms = [r.marks["STORES_VISIBLE"] for r in stores_runs]
    if base is None:
        why_not = f"no ratio: frozen baseline: {why}{stale}"
        rows = [
            info_row(name, "ms", app_ms, target=target, note=why_not),
            info_row(stores_name, "ms", stores_ms, target="ratio ≤ 1.6", note=why_not),
        ]
    else:
        note = "baseline: dist/baseline-window" + (f"; {why}" if why else "") + stale
        base_ms = [r.wall_ms for r in measured(ctx, results[2])]
        rows = [
            ratio_row(name, "ms", app_ms, base_ms, 1.3, note=note),
            ratio_row(stores_name, "ms", stores_ms, base_ms, 1.6, note=note),
        ]
    rows.append(
        info_row("frozen app peak memory after first paint", "MB", [r.maxrss_kb / 1024 for r in app_runs])
    )
    return rows
