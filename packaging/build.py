#!/usr/bin/env python3
"""Build Merchant Console for this OS: freeze, audit, smoke-test, then package.

    .venv/bin/python packaging/build.py                 # what `make package` runs
    .venv/bin/python packaging/build.py --version-suffix +rebuild1 --reuse-bundle   # re-package only
    .venv/bin/python packaging/build.py --measure 5     # + start-up (first paint) of the frozen app
    .venv/bin/python packaging/build.py --baseline --measure 5   # the bare-QMainWindow yardstick
    .venv/bin/python packaging/build.py --baseline --reuse-bundle --no-packages   # what make bench runs

Steps (each timed):
1. freeze with PyInstaller from packaging/merchant-console.spec (one folder; a .app on macOS);
2. audit the bundle: sizes, the 15 largest files, no test/build tools inside (fails the build),
   on Linux every ELF's libraries resolved and the system packages they come from;
3. smoke-test the frozen binary (`--version`, an offscreen `--screenshot`, the `stub-server` child)
   before anything is packaged;
4. package: Linux `.tar.gz` + `.deb`; Windows `.zip` + Inno Setup installer (if ISCC is found);
   macOS `.dmg` (hdiutil).

Standard library only, plus PySide6 (icons are rendered from resources/icons/app.svg with QtSvg)
and PyInstaller (the freeze and the archive audit). Output goes to dist/, scratch to build/.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import re
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import urllib.request
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "packaging"
SPEC = PKG / "merchant-console.spec"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
ASSETS = BUILD / "assets"
OUT = DIST  # packages (build.py --out)

APP_ID = "merchant-console"
APP_NAME = "Merchant Console"
APP_NAME_ZH = "商家控制台"
IS_LINUX, IS_WIN, IS_MAC = sys.platform.startswith("linux"), sys.platform == "win32", sys.platform == "darwin"
EXE_SUFFIX = ".exe" if IS_WIN else ""

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

# Nothing of these may end up in the bundle (fails the build): test, type-check, lint and
# build tools. Matched against path components on disk and module names inside the PYZ archive.
FORBIDDEN = (
    "pytest", "_pytest", "pytestqt", "pytest_timeout", "hypothesis", "mypy", "mypyc", "ruff",
    "PyInstaller", "setuptools", "pkg_resources", "pip", "_distutils_hack", "wheel", "tests",
)

# Linux package: what the frozen bundle needs from the system (measured: FIELD-NOTES and the ldd
# audit below, which adds any other system library the bundle links to).
DEB_DEPENDS = [
    "libgl1",           # libGL.so.1, never bundled (driver-specific)
    "libegl1",          # libEGL.so.1, idem
    "libfontconfig1",   # brings fontconfig-config: /etc/fonts, where our bundled libfontconfig looks
    "fonts-wqy-microhei | fonts-noto-cjk",  # Chinese text; DejaVu alone draws boxes
]
DEB_RECOMMENDS = ["xdg-utils"]
DEB_SUGGESTS = ["gnome-keyring | kwalletmanager"]  # keyring back-end for the API secret
DEB_MAINTAINER = os.environ.get("DEB_MAINTAINER", "Merchant Console team <merchant-console@example.com>")

DESKTOP_TEMPLATE = PKG / "linux" / "merchant-console.desktop.in"


# ---- small helpers -----------------------------------------------------------------------------


def log(msg: str) -> None:
    print(msg, flush=True)


class BuildError(SystemExit):
    def __init__(self, msg: str) -> None:
        super().__init__(f"build.py: ERROR: {msg}")


TIMES: dict[str, float] = {}


@contextmanager
def step(name: str) -> Iterator[None]:
    log(f"\n== {name}")
    t0 = time.perf_counter()
    try:
        yield
    finally:
        TIMES[name] = time.perf_counter() - t0
        log(f"   ({TIMES[name]:.1f} s)")


def mb(n: float) -> str:
    return f"{n / 1_000_000:.1f} MB"


def read_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def deb_version(version: str) -> str:
    """PEP 440 → Debian: 1.2.0rc1 → 1.2.0~rc1 (sorts before 1.2.0), 1.2.0.dev3 → 1.2.0~dev3."""
    return re.sub(r"[.-]?(a|b|rc|dev)(\d*)", r"~\1\2", version, count=1)


def deb_arch() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def tree_files(root: Path) -> Iterator[Path]:
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            yield Path(dirpath) / f


def tree_size(root: Path) -> int:
    """Bytes of regular files (symlinks count as nothing, as on disk)."""
    return sum(p.stat().st_size for p in tree_files(root) if not p.is_symlink())


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    log("   $ " + " ".join(str(c) for c in cmd))
    return subprocess.run(cmd, check=True, **kw)


def newest_mtime(paths: Iterable[Path]) -> float:
    newest = 0.0
    for p in paths:
        if p.is_dir():
            for f in tree_files(p):
                # .qm files are rewritten by every `make translations`: their .ts sources count
                if "__pycache__" not in f.parts and f.suffix not in (".qm", ".pyc"):
                    newest = max(newest, f.stat().st_mtime)
        elif p.exists():
            newest = max(newest, p.stat().st_mtime)
    return newest


SOURCES = [ROOT / "main.py", ROOT / "console", ROOT / "resources", ROOT / "pyproject.toml", PKG]


def baseline_is_fresh(exe: Path) -> bool:
    """The frozen bare window depends on packaging/ only (its entry and the spec), not on the app's
    sources: editing the app must not force a slow re-freeze of the yardstick."""
    return exe.exists() and exe.stat().st_mtime > newest_mtime([PKG])


# ---- 0. pre-flight -----------------------------------------------------------------------------


def preflight(entry: Path, baseline: bool) -> None:
    if not entry.exists():
        raise BuildError(f"{entry} does not exist (the app entry point)")
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError("PyInstaller is not installed: run `make package` "
                         "(it installs requirements-package.lock)") from exc
    if IS_LINUX and not shutil.which("objdump"):
        raise BuildError("binutils (objdump, strip) is needed to freeze on Linux: apt-get install binutils")
    if baseline:
        return
    i18n = ROOT / "resources" / "i18n"
    missing = [ts.name for ts in i18n.glob("*.ts") if not ts.with_suffix(".qm").exists()]
    if missing:
        raise BuildError(f"translations not compiled: {', '.join(missing)} (run `make translations`)")
    stale = [ts.name for ts in i18n.glob("*.ts")
             if ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if stale:
        log(f"   warning: .qm older than .ts for {', '.join(stale)} (run `make translations`)")
    # The spec excludes Qt modules the app does not use; importing one would fail at run time.
    spec_text = SPEC.read_text(encoding="utf-8")
    block = spec_text.split("QT_EXCLUDED = [", 1)[1].split("]", 1)[0]
    excluded = set(re.findall(r'"(Qt\w+)"', block))
    used: dict[str, set[str]] = {}
    for py in [entry, *(ROOT / "console").rglob("*.py")]:
        for mod in re.findall(r"PySide6\.(Qt\w+)|from PySide6 import ([\w, ()\n]+)",
                              py.read_text(encoding="utf-8", errors="replace")):
            names = [mod[0]] if mod[0] else re.findall(r"Qt\w+", mod[1])
            for n in names:
                used.setdefault(n, set()).add(py.name)
    clash = {m: files for m, files in used.items() if m in excluded}
    if clash:
        raise BuildError("the app imports Qt modules the spec excludes: "
                         + "; ".join(f"{m} ({', '.join(sorted(f))})" for m, f in clash.items())
                         + " — remove them from QT_EXCLUDED in packaging/merchant-console.spec")
    log(f"   Qt modules the app imports: {', '.join(sorted(used)) or '(none found)'}")


# ---- icons -------------------------------------------------------------------------------------

PLACEHOLDER_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
<rect x="2" y="2" width="60" height="60" rx="14" fill="#3347A8"/>
<text x="32" y="42" font-family="sans-serif" font-size="26" font-weight="bold" fill="#fff"
 text-anchor="middle">MC</text></svg>
"""


def render_icons() -> dict[int, Path]:
    """PNG icons in every hicolor size from resources/icons/app.svg (placeholder if absent),
    plus app.ico (Windows) and app.icns (macOS, with iconutil) in build/assets/."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    ASSETS.mkdir(parents=True, exist_ok=True)
    svg = ROOT / "resources" / "icons" / "app.svg"
    if not svg.exists():
        log("   resources/icons/app.svg not found: using a generated placeholder (not committed)")
        svg = ASSETS / "app-placeholder.svg"
        svg.write_text(PLACEHOLDER_SVG, encoding="utf-8")
    shutil.copyfile(svg, ASSETS / "app.svg")
    _app = QGuiApplication.instance() or QGuiApplication([])  # fonts/painting need it
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"{svg} is not a valid SVG")
    out: dict[int, Path] = {}
    for size in (*ICON_SIZES, 1024):
        img = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(p)
        p.end()
        path = ASSETS / f"app-{size}.png"
        if not img.save(str(path), "PNG"):
            raise BuildError(f"could not write {path}")
        out[size] = path
    if IS_WIN:
        ico = QImage(str(out[256]))
        if not ico.save(str(ASSETS / "app.ico"), "ICO"):
            log("   warning: no ICO writer (qico plugin); the .exe keeps PyInstaller's icon")
    if IS_MAC and shutil.which("iconutil"):
        iconset = ASSETS / "app.iconset"
        shutil.rmtree(iconset, ignore_errors=True)
        iconset.mkdir()
        for base in (16, 32, 128, 256, 512):
            shutil.copyfile(out[base], iconset / f"icon_{base}x{base}.png")
            shutil.copyfile(out[base * 2], iconset / f"icon_{base}x{base}@2x.png")
        run(["iconutil", "-c", "icns", str(iconset), "-o", str(ASSETS / "app.icns")])
    shown = svg.relative_to(ROOT) if svg.is_relative_to(ROOT) else svg
    log(f"   icons: {', '.join(str(s) for s in ICON_SIZES)} px from {shown}")
    return out


def windows_version_file(version: str) -> Path:
    """A PyInstaller version resource (file properties on Windows)."""
    nums = [int(n) for n in re.findall(r"\d+", version)[:4]]
    nums += [0] * (4 - len(nums))
    tup = tuple(nums)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tup}, prodvers={tup}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', '{APP_NAME}'),
      StringStruct('FileDescription', '{APP_NAME} ({APP_NAME_ZH})'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', '{APP_ID}'),
      StringStruct('OriginalFilename', '{APP_ID}.exe'),
      StringStruct('ProductName', '{APP_NAME}'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200, 1033, 1200])])]
)
"""
    path = ASSETS / "version-info.txt"
    path.write_text(text, encoding="utf-8")
    return path


# ---- 1. freeze ---------------------------------------------------------------------------------


def freeze(version: str, baseline: bool, entry: Path | None, clean: bool, strip: bool) -> Path:
    env = dict(os.environ, MC_VERSION=version, MC_ASSETS=str(ASSETS), MC_STRIP="1" if strip else "0")
    if baseline:
        env["MC_APP"] = "baseline"
    if entry is not None:
        env["MC_ENTRY"] = str(entry)
    if IS_WIN and not baseline:
        env["MC_WIN_VERSION_FILE"] = str(windows_version_file(version))
    name = "baseline-window" if baseline else APP_ID
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(BUILD / f"pyinstaller-{name}"), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    run(cmd, env=env, cwd=ROOT)
    bundle = DIST / name
    if not bundle.is_dir():
        raise BuildError(f"PyInstaller produced no {bundle}")
    return bundle


def bundle_executable(bundle: Path) -> Path:
    if IS_MAC:
        apps = sorted(DIST.glob("*.app"))
        for app in apps:
            exe = app / "Contents" / "MacOS" / bundle.name
            if exe.exists():
                return exe
    return bundle / (bundle.name + EXE_SUFFIX)


# ---- 2. audit ----------------------------------------------------------------------------------


def audit(bundle: Path, exe: Path) -> dict[str, object]:
    files = [p for p in tree_files(bundle) if not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    log(f"   bundle: {bundle.relative_to(ROOT)}  {mb(total)} in {len(files)} files")
    log("   15 largest files:")
    for p in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:15]:
        log(f"     {mb(p.stat().st_size):>9}  {p.relative_to(bundle)}")

    found: list[str] = []
    forbidden = {f.lower() for f in FORBIDDEN}
    for p in bundle.rglob("*"):
        rel = p.relative_to(bundle)
        # directories (packages, *.dist-info) and extension modules (name.cpython-311-….so, .pyd)
        names = list(rel.parts[:-1])
        if p.is_dir() or p.suffix in (".so", ".pyd"):
            names.append(rel.parts[-1])
        for part in names:
            stem = re.split(r"[-.]", part.lower(), maxsplit=1)[0]
            if stem in forbidden:
                found.append(str(rel))
                break
    try:
        from PyInstaller.archive.readers import pkg_archive_contents

        modules = pkg_archive_contents(str(exe))
        for m in modules:
            if m.split(".")[0].lower() in forbidden:
                found.append(f"(module in the executable's archive) {m}")
        log(f"   {len(modules)} entries in the executable's archive")
    except Exception as exc:  # macOS/Windows layouts differ between versions: disk check only
        log(f"   note: could not list the executable's archive ({exc.__class__.__name__}: {exc})")
    if found:
        raise BuildError("test/build tools inside the bundle:\n  " + "\n  ".join(sorted(set(found))[:40]))
    log(f"   no test/build tools inside ({', '.join(FORBIDDEN)}): ok")

    system: dict[str, str] = {}
    if IS_LINUX:
        system = linux_library_audit(bundle)
    return {"bundle_bytes": total, "files": len(files), "system_libs": system}


ELF_MAGIC = b"\x7fELF"


def is_elf(p: Path) -> bool:
    try:
        with open(p, "rb") as fh:
            return fh.read(4) == ELF_MAGIC
    except OSError:
        return False


def linux_library_audit(bundle: Path) -> dict[str, str]:
    """ldd every ELF with the bundle's library path: nothing 'not found' for what the app needs;
    list what comes from the system and which Debian package provides it."""
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    missing: dict[str, set[str]] = {}
    system: dict[str, str] = {}
    for p in tree_files(bundle):
        if p.is_symlink() or not is_elf(p):
            continue
        res = subprocess.run(["ldd", str(p)], capture_output=True, text=True, env=env)
        for line in res.stdout.splitlines():
            line = line.strip()
            m = re.match(r"(\S+) => (not found|(\S+) \(0x)", line)
            if not m:
                continue
            lib, target = m.group(1), m.group(3)
            if m.group(2) == "not found":
                missing.setdefault(lib, set()).add(str(p.relative_to(bundle)))
            elif target and not Path(target).resolve().is_relative_to(bundle.resolve()):
                system[lib] = target
    # Optional Qt plugins may link to libraries only a desktop of that kind has (Wayland
    # compositors' libs ...): those plugins are skipped by Qt at run time. The xcb and offscreen
    # platforms, the Python extensions and the Qt libraries must resolve completely.
    fatal = {lib: users for lib, users in missing.items()
             if any(not re.search(r"plugins/(wayland|platformthemes|platforminputcontexts|"
                                  r"networkinformation|generic|xcbglintegrations)", u) for u in users)}
    for lib, users in sorted(missing.items()):
        kind = "ERROR" if lib in fatal else "note"
        log(f"   {kind}: {lib} not found (needed by {', '.join(sorted(users)[:3])})")
    if fatal:
        raise BuildError("libraries the app needs are neither bundled nor on this system: "
                         + ", ".join(sorted(fatal)))
    pkgs: dict[str, str] = {}
    for lib, target in sorted(system.items()):
        pkgs[lib] = dpkg_owner(target)
    log("   system libraries the bundle links to (not bundled, by design):")
    for lib, pkg in pkgs.items():
        log(f"     {lib:28} {pkg}")
    return pkgs


def dpkg_owner(path: str) -> str:
    if not shutil.which("dpkg-query"):
        return "?"
    for candidate in dict.fromkeys([path, str(Path(path).resolve()), path.replace("/usr/lib/", "/lib/"),
                                    str(Path(path).resolve()).replace("/usr/lib/", "/lib/")]):
        res = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if res.returncode == 0 and res.stdout:
            return res.stdout.split(":")[0].strip()
    return "?"


# ---- 3. smoke test -----------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:32]
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise BuildError(f"{path} is not a PNG")
    return struct.unpack(">II", data[16:24])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def app_env(home: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="default.warning=false")
    for k in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(k, None)
    if home is not None:
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
                   XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"))
    return env


def app_views() -> list[str]:
    """The sidebar's pages (console/ui/main_window.py PAGES, minus sidebar=False), read without
    importing the app."""
    src = ROOT / "console" / "ui" / "main_window.py"
    text = src.read_text(encoding="utf-8") if src.exists() else ""
    views = [m.group(1) for m in re.finditer(r'^\s+Page\("(\w+)",([^\n]*)$', text, re.M)
             if "sidebar=False" not in m.group(2)]
    return views or ["stores"]


LOG_PROBLEMS = re.compile(r"Traceback \(most recent call last\)|ModuleNotFoundError|ImportError|"
                          r"No such file or directory|could not build")


def check_log(what: str, output: str) -> None:
    """A frozen app that 'works' but logged an import or file error has a hole in the bundle."""
    bad = [line for line in output.splitlines() if LOG_PROBLEMS.search(line)]
    if bad:
        raise BuildError(f"{what}: the frozen app logged errors:\n" + output[-4000:])


def smoke_test(exe: Path, version: str, baseline: bool) -> dict[str, object]:
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="mc-smoke-") as tmp:
        t = Path(tmp)
        if baseline:
            res = subprocess.run([str(exe)], env=dict(app_env(t), MERCHANT_CONSOLE_QUIT_AFTER_PAINT="1",
                                                      MERCHANT_CONSOLE_REPORT_FIRST_PAINT="1"),
                                 capture_output=True, text=True, timeout=60)
            if res.returncode != 0 or "FIRST_PAINT" not in res.stdout:
                raise BuildError(f"baseline window failed ({res.returncode}): {res.stdout}{res.stderr}")
            log("   baseline window painted and quit: ok")
            return result

        res = subprocess.run([str(exe), "--version"], env=app_env(t), capture_output=True, text=True,
                             timeout=60)
        out = (res.stdout + res.stderr).strip()
        if res.returncode != 0:
            raise BuildError(f"--version exited {res.returncode}: {out}")
        if out and version not in out:
            raise BuildError(f"--version says {out!r}, pyproject.toml says {version}")
        if not out and not IS_WIN:  # a windowed .exe has no stdout
            raise BuildError("--version printed nothing")
        log(f"   --version: {out or '(windowed: no output)'}")
        result["version_output"] = out

        shot = t / "shot.png"
        data = t / "data"
        t0 = time.perf_counter()
        res = subprocess.run([str(exe), "--screenshot", str(shot), "--lang", "zh_CN", "--view", "stores",
                              "--data-dir", str(data)], env=app_env(t), capture_output=True, text=True,
                             timeout=120)
        dt = time.perf_counter() - t0
        if res.returncode != 0 or not shot.exists() or shot.stat().st_size == 0:
            raise BuildError(f"--screenshot failed (exit {res.returncode}):\n{res.stdout}{res.stderr}")
        w, h = png_size(shot)
        if w < 200 or h < 150:
            raise BuildError(f"screenshot is only {w}x{h}")
        check_log("--screenshot --view stores", res.stdout + res.stderr)
        kept = DIST / "smoke-screenshot.png"
        shutil.copyfile(shot, kept)
        log(f"   --screenshot --view stores: {w}x{h} PNG, {shot.stat().st_size} bytes in {dt:.2f} s "
            f"(kept as {kept.relative_to(ROOT)})")
        # Every other page once: views are imported by name when first shown, and a module the
        # freeze missed only shows up as "this page cannot be opened" + a logged traceback.
        for view in app_views():
            if view == "stores":
                continue
            vshot = t / f"shot-{view}.png"
            res = subprocess.run([str(exe), "--screenshot", str(vshot), "--view", view, "--data-dir",
                                  str(data)], env=app_env(t), capture_output=True, text=True, timeout=120)
            if res.returncode != 0 or not vshot.exists():
                raise BuildError(f"--screenshot --view {view} failed ({res.returncode}):\n"
                                 f"{res.stdout}{res.stderr}")
            check_log(f"--view {view}", res.stdout + res.stderr)
        log(f"   every page renders without a logged error: {', '.join(app_views())}")
        dbs = sorted(p.name for p in data.glob("*.db")) if data.exists() else []
        log(f"   data dir after the run: {', '.join(dbs) or '(no database)'}")
        result.update(screenshot=[w, h], screenshot_s=round(dt, 2))

        # The embedded demo platform: the same executable, `stub-server` sub-command.
        port = free_port()
        stub = subprocess.Popen([str(exe), "stub-server", "--host", "127.0.0.1", "--port", str(port),
                                 "--data", str(t / "stub"), "--seed", "demo"],
                                env=app_env(t), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + 60
            body = ""
            while time.monotonic() < deadline and stub.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as r:
                        body = r.read().decode()
                        break
                except OSError:
                    time.sleep(0.2)
            if '"ok"' not in body:
                stub.kill()
                out = stub.communicate(timeout=10)[0]
                raise BuildError(f"frozen `stub-server` did not answer /v1/health:\n{out[-3000:]}")
            log("   stub-server (embedded demo platform) answers /v1/health: ok")
        finally:
            if stub.poll() is None:
                stub.terminate()
                try:
                    stub.wait(10)
                except subprocess.TimeoutExpired:
                    stub.kill()
                    stub.wait(10)
    return result


# ---- start-up measurement ----------------------------------------------------------------------


def measure_first_paint(targets: dict[str, Path], runs: int) -> dict[str, dict[str, float]]:
    """First paint of each frozen target, `runs` starts each after one warm-up, interleaved
    (app, baseline, app, baseline …) so that the machine's noise hits both alike. Per target: the
    median of its own FIRST_PAINT figure (ms since the process started, bootloader included) and
    of the wall time from spawn until that line arrives."""
    own: dict[str, list[float]] = {k: [] for k in targets}
    wall: dict[str, list[float]] = {k: [] for k in targets}
    with tempfile.TemporaryDirectory(prefix="mc-paint-") as tmp:
        env = dict(app_env(Path(tmp)), MERCHANT_CONSOLE_REPORT_FIRST_PAINT="1",
                   MERCHANT_CONSOLE_QUIT_AFTER_PAINT="1")
        for i in range(runs + 1):
            for name, exe in targets.items():
                t0 = time.perf_counter()
                proc = subprocess.Popen([str(exe)], env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
                assert proc.stdout is not None
                seen = own_ms = None
                for line in proc.stdout:
                    if line.startswith("FIRST_PAINT"):
                        seen = (time.perf_counter() - t0) * 1000
                        own_ms = float(line.split()[1])
                        break
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                if seen is None or own_ms is None:
                    raise BuildError(f"{exe.name} printed no FIRST_PAINT line "
                                     "(MERCHANT_CONSOLE_REPORT_FIRST_PAINT=1)")
                if i:  # the first round warms the page cache
                    wall[name].append(seen)
                    own[name].append(own_ms)
    return {name: {"first_paint_ms": round(statistics.median(own[name]), 1),
                   "spawn_to_paint_ms": round(statistics.median(wall[name]), 1),
                   "min_ms": round(min(own[name]), 1), "max_ms": round(max(own[name]), 1), "runs": runs}
            for name in targets}


# ---- 4. packages -------------------------------------------------------------------------------


def make_tarball(bundle: Path, version: str) -> Path:
    arch = platform.machine().lower()
    out = OUT / f"{APP_ID}-{version}-linux-{arch}.tar.gz"
    top = f"{APP_ID}-{version}"

    def norm(ti: tarfile.TarInfo) -> tarfile.TarInfo:
        ti.uid = ti.gid = 0
        ti.uname = ti.gname = "root"
        ti.mode = (0o755 if ti.isdir() or ti.mode & 0o111 else 0o644) if not ti.issym() else ti.mode
        return ti

    # gzip level 6: within 3% of level 9 for these binaries, in half the time
    with gzip.open(out, "wb", compresslevel=6) as gz, tarfile.open(fileobj=gz, mode="w") as tar:
        tar.add(bundle, arcname=top, filter=norm)
    return out


def desktop_entry() -> str:
    return DESKTOP_TEMPLATE.read_text(encoding="utf-8").replace("@APP_ID@", APP_ID)


def make_deb(bundle: Path, version: str, icons: dict[int, Path], system_pkgs: dict[str, str]) -> Path:
    if not shutil.which("dpkg-deb"):
        log("   dpkg-deb not found: no .deb on this system")
        return Path()
    dv = deb_version(version)
    arch = deb_arch()
    root = BUILD / "deb" / f"{APP_ID}_{dv}_{arch}"
    shutil.rmtree(root, ignore_errors=True)
    opt = root / "opt" / APP_ID
    shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{APP_ID}/{APP_ID}", root / "usr" / "bin" / APP_ID)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{APP_ID}.desktop").write_text(desktop_entry(), encoding="utf-8")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        d = hicolor / f"{size}x{size}" / "apps"
        d.mkdir(parents=True)
        shutil.copyfile(icons[size], d / f"{APP_ID}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ASSETS / "app.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    doc = root / "usr" / "share" / "doc" / APP_ID
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        f"{APP_NAME} ({APP_NAME_ZH})\nLicense: Proprietary\n\nThe bundled Qt 6 libraries (PySide6) are "
        "used under the LGPL-3.0; their licence texts are in /opt/merchant-console/_internal/PySide6.\n",
        encoding="utf-8")

    depends = list(DEB_DEPENDS)
    glibc = platform.libc_ver()[1]
    if glibc:
        depends.insert(0, f"libc6 (>= {glibc})")  # the bundled libpython was linked against it
    declared = {alt.split()[0] for d in depends for alt in d.split("|")}
    for lib, pkg in sorted(system_pkgs.items()):
        if pkg not in ("?", "libc6") and pkg not in declared:
            log(f"   adding Depends: {pkg} (for {lib})")
            depends.append(pkg)
            declared.add(pkg)

    debian = root / "DEBIAN"
    debian.mkdir()
    installed_kib = (tree_size(root) + 1023) // 1024
    control = f"""Package: {APP_ID}
Version: {dv}
Section: misc
Priority: optional
Architecture: {arch}
Maintainer: {DEB_MAINTAINER}
Installed-Size: {installed_kib}
Depends: {", ".join(depends)}
Recommends: {", ".join(DEB_RECOMMENDS)}
Suggests: {", ".join(DEB_SUGGESTS)}
Description: {APP_NAME} ({APP_NAME_ZH}) for Taobao and Tmall merchants
 Turn WeChat Pay and Alipay on or off per store, follow WeChat Pay invitations
 and reviews, preview the shopper's checkout and read rule-change announcements.
 Works offline: changes wait and are sent when the platform is reachable.
 .
 Installs a self-contained build under /opt/{APP_ID} and a `{APP_ID}` command.
 Each user's data lives in ~/.local/share/{APP_ID} and is never removed by this
 package (not even by purge).
"""
    (debian / "control").write_text(control, encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copyfile(PKG / "linux" / script, debian / script)
    normalise_modes(root)
    for script in ("postinst", "postrm"):
        (debian / script).chmod(0o755)
    out = OUT / f"{APP_ID}_{dv}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(root), str(out)],
        stdout=subprocess.DEVNULL)
    log(f"   Depends: {', '.join(depends)}")
    return out


def normalise_modes(root: Path) -> None:
    """Directories 0755, executables 0755, everything else 0644 (dpkg-deb wants sane modes)."""
    for dirpath, _dirs, files in os.walk(root):
        os.chmod(dirpath, 0o755)
        for f in files:
            p = Path(dirpath) / f
            if p.is_symlink():
                continue
            p.chmod(0o755 if p.stat().st_mode & 0o111 else 0o644)


def make_zip(bundle: Path, version: str) -> Path:
    out = OUT / f"{APP_ID}-{version}-windows-x64.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for p in tree_files(bundle):
            z.write(p, Path(APP_ID) / p.relative_to(bundle))
    return out


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").exists():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def make_inno_installer(bundle: Path, version: str) -> Path:
    iscc = find_iscc()
    if not iscc:
        log("   Inno Setup (ISCC.exe) not found: no installer (choco install innosetup)")
        return Path()
    run([iscc, "/Qp", f"/DAppVersion={version}", f"/DSourceDir={bundle}", f"/DOutputDir={OUT}",
         f"/DIconFile={ASSETS / 'app.ico'}", str(PKG / "windows" / "merchant-console.iss")])
    out = OUT / f"{APP_ID}-{version}-setup.exe"
    if not out.exists():
        raise BuildError(f"ISCC ran but {out.name} is missing")
    return out


def make_dmg(version: str) -> Path:
    apps = sorted(DIST.glob(f"{APP_NAME}.app"))
    if not apps:
        raise BuildError(f"no dist/{APP_NAME}.app")
    stage = BUILD / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(apps[0], stage / apps[0].name, symlinks=True)
    os.symlink("/Applications", stage / "Applications")
    out = OUT / f"Merchant-Console-{version}-macos-{platform.machine()}.dmg"
    out.unlink(missing_ok=True)
    run(["hdiutil", "create", "-volname", APP_NAME, "-srcfolder", str(stage), "-ov", "-format", "UDZO",
         str(out)])
    return out


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ---- main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version-suffix", default=os.environ.get("VERSION_SUFFIX", ""),
                    help="appended to the package version, e.g. +rebuild1 (env VERSION_SUFFIX)")
    ap.add_argument("--reuse-bundle", action="store_true",
                    help="skip the freeze if dist/merchant-console is newer than the sources")
    ap.add_argument("--no-packages", action="store_true", help="freeze, audit and smoke-test only")
    ap.add_argument("--no-tar", action="store_true", help="no .tar.gz/.zip, only the installer")
    ap.add_argument("--out", type=Path, default=None, help="where packages go (default: dist/)")
    ap.add_argument("--measure", type=int, default=0, metavar="N",
                    help="also measure first paint of the frozen app (median of N runs)")
    ap.add_argument("--compare-baseline", action="store_true",
                    help="with --measure: also freeze the baseline window and interleave its runs")
    ap.add_argument("--baseline", action="store_true",
                    help="freeze packaging/baseline/baseline_window.py (bare QMainWindow) instead")
    ap.add_argument("--entry", type=Path, help="another entry script (development stand-in)")
    ap.add_argument("--clean", action="store_true", help="PyInstaller --clean (no cache)")
    ap.add_argument("--no-strip", action="store_true", help="do not strip binaries")
    args = ap.parse_args(argv)

    t_start = time.perf_counter()
    global OUT
    if args.out is not None:
        OUT = args.out.resolve()
    OUT.mkdir(parents=True, exist_ok=True)
    base_version = read_version()
    version = base_version + args.version_suffix
    entry = args.entry or (PKG / "baseline" / "baseline_window.py" if args.baseline else ROOT / "main.py")
    log(f"{APP_NAME} {version} for {sys.platform} ({platform.machine()}), Python {platform.python_version()}")
    summary: dict[str, object] = {"version": version, "platform": sys.platform}

    with step("pre-flight"):
        preflight(entry, args.baseline)
    name = "baseline-window" if args.baseline else APP_ID
    bundle = DIST / name
    exe = bundle_executable(bundle)
    if args.baseline and args.entry is None:
        fresh = baseline_is_fresh(exe)
    else:
        fresh = exe.exists() and exe.stat().st_mtime > newest_mtime([*SOURCES, entry])
    icons: dict[int, Path] = {}
    if not args.baseline:
        with step("icons"):
            icons = render_icons()
    if args.reuse_bundle and fresh:
        log(f"\n== freeze: reusing {bundle.relative_to(ROOT)} (newer than every source file)")
    else:
        with step("freeze (PyInstaller)"):
            bundle = freeze(version, args.baseline, args.entry, args.clean, not args.no_strip)
            exe = bundle_executable(bundle)
    with step("audit"):
        summary.update(audit(bundle, exe))
    with step("smoke test of the frozen app"):
        summary.update(smoke_test(exe, base_version, args.baseline))
    if args.measure:
        targets = {name: exe}
        if args.compare_baseline and not args.baseline:
            base_exe = bundle_executable(DIST / "baseline-window")
            if not baseline_is_fresh(base_exe):
                with step("freeze the baseline window (same spec)"):
                    base_exe = bundle_executable(freeze(version, True, None, False, not args.no_strip))
            targets["baseline-window"] = base_exe
        with step(f"first paint, {args.measure} runs each, interleaved"):
            fp = measure_first_paint(targets, args.measure)
            for target, r in fp.items():
                log(f"   {target:16} FIRST_PAINT median {r['first_paint_ms']:.0f} ms "
                    f"(min {r['min_ms']:.0f}, max {r['max_ms']:.0f}); spawn → paint line "
                    f"{r['spawn_to_paint_ms']:.0f} ms")
            if len(fp) == 2:
                a, b = fp[name]["first_paint_ms"], fp["baseline-window"]["first_paint_ms"]
                log(f"   the app costs {a - b:+.0f} ms over a bare frozen QMainWindow ({a / b:.2f}×)")
            summary["first_paint"] = fp

    outputs: list[Path] = []
    if not args.no_packages and not args.baseline:
        with step("packages"):
            if IS_LINUX:
                if not args.no_tar:
                    outputs.append(make_tarball(bundle, version))
                deb = make_deb(bundle, version, icons, summary.get("system_libs", {}))  # type: ignore[arg-type]
                if deb.name:
                    outputs.append(deb)
            elif IS_WIN:
                if not args.no_tar:
                    outputs.append(make_zip(bundle, version))
                inst = make_inno_installer(bundle, version)
                if inst.name:
                    outputs.append(inst)
            elif IS_MAC:
                outputs.append(make_dmg(version))

    total = time.perf_counter() - t_start
    log("\n== summary")
    log(f"   version {version}; bundle {mb(float(summary['bundle_bytes']))} "  # type: ignore[arg-type]
        f"({summary['files']} files)")
    for o in outputs:
        shown = o.relative_to(ROOT) if o.is_relative_to(ROOT) else o
        log(f"   {shown}: {mb(o.stat().st_size)}  sha256 {sha256(o)[:16]}…")
    for k, v in TIMES.items():
        log(f"   {k:34} {v:6.1f} s")
    log(f"   {'total build time':34} {total:6.1f} s")
    summary.update(outputs={o.name: o.stat().st_size for o in outputs}, times=TIMES, total_s=round(total, 1))
    DIST.mkdir(exist_ok=True)
    (DIST / f"build-summary{'-baseline' if args.baseline else ''}.json").write_text(
        json.dumps(summary, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
