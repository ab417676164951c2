"""The Linux package end to end: build (or reuse a fresh build), install, run, upgrade, remove.

Slow (a freeze takes a minute on two cores) and it installs a system package, so it runs only
with ``make package-test`` (``pytest -m slow tests/packaging``), as root, where dpkg exists.

What it proves:
* the .deb's metadata: dependencies, the command on PATH, the bilingual menu entry, icons;
* the INSTALLED app starts (offscreen), draws its window and creates its database in the user's
  data directory ($HOME/.local/share/merchant-console), never under /opt, and leaves no child
  process behind;
* an old database (schema v1, as an earlier release left it) is migrated when the app opens it;
* upgrading to a newer package keeps the user's data and the database still opens;
* ``dpkg -r`` and ``dpkg -P`` remove the program and leave the user's data alone.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD_PY = ROOT / "packaging" / "build.py"
PKG = "merchant-console"
SUFFIX = "+pkgtest1"  # the "newer release" for the upgrade; sorts after the plain version
INSTALL_DIR = Path("/opt") / PKG


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def sh(*cmd: str, check: bool = True, **kw) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(list(cmd), capture_output=True, text=True, **kw)
    if check and res.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} exited {res.returncode}:\n{res.stdout}\n{res.stderr}")
    return res


def build_deb(out: Path, suffix: str = "") -> Path:
    """packaging/build.py re-freezes only when a source is newer than dist/merchant-console;
    it always audits and smoke-tests the bundle before packaging it."""
    cmd = [sys.executable, str(BUILD_PY), "--reuse-bundle", "--no-tar", "--out", str(out)]
    if suffix:
        cmd += ["--version-suffix", suffix]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if res.returncode != 0:
        pytest.fail(f"build.py failed ({res.returncode}):\n{res.stdout[-6000:]}\n{res.stderr[-4000:]}")
    debs = sorted(out.glob(f"{PKG}_*.deb"))
    assert len(debs) == 1, debs
    return debs[0]


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> tuple[Path, Path]:
    if not shutil.which("dpkg-deb"):
        pytest.skip("dpkg-deb not found: the .deb is built on Debian/Ubuntu only")
    first = build_deb(tmp_path_factory.mktemp("deb1"))
    second = build_deb(tmp_path_factory.mktemp("deb2"), SUFFIX)
    return first, second


def field(deb: Path, name: str) -> str:
    return sh("dpkg-deb", "-f", str(deb), name).stdout.strip()


def test_package_metadata_and_layout(packages, tmp_path):
    deb, newer = packages
    assert field(deb, "Package") == PKG
    assert field(deb, "Version") == version()
    assert field(newer, "Version") == version() + SUFFIX
    assert sh("dpkg", "--compare-versions", field(newer, "Version"), "gt", field(deb, "Version"),
              check=False).returncode == 0
    depends = [d.strip() for d in field(deb, "Depends").split(",")]
    for needed in ("libgl1", "libegl1", "libfontconfig1", "fonts-wqy-microhei | fonts-noto-cjk"):
        assert needed in depends, depends

    listing = sh("dpkg-deb", "-c", str(deb)).stdout.splitlines()
    paths = {line.split()[5].lstrip(".") for line in listing}
    assert f"/opt/{PKG}/{PKG}" in paths
    link = next(line for line in listing if line.split()[5] == f"./usr/bin/{PKG}")
    assert link.startswith("l") and link.endswith(f"-> /opt/{PKG}/{PKG}")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/{PKG}.png" in paths
    outside = [p for p in paths if p.rstrip("/") and not p.startswith(("/opt/", "/usr/"))]
    assert outside == [], outside
    assert not any(p.startswith(("/usr/lib", "/usr/local", "/etc", "/var", "/home")) for p in paths)

    sh("dpkg-deb", "-x", str(deb), str(tmp_path / "x"))
    desktop = (tmp_path / "x" / "usr/share/applications" / f"{PKG}.desktop").read_text(encoding="utf-8")
    for line in ("Name=Merchant Console", "Name[zh_CN]=商家控制台", "Categories=Office;Finance;",
                 f"Exec={PKG}", f"Icon={PKG}", "Type=Application"):
        assert line in desktop.splitlines(), line
    assert any(line.startswith("Comment=") for line in desktop.splitlines())
    assert any(line.startswith("Comment[zh_CN]=") for line in desktop.splitlines())
    if shutil.which("desktop-file-validate"):
        sh("desktop-file-validate", str(tmp_path / "x" / "usr/share/applications" / f"{PKG}.desktop"))


# -- installing for real -------------------------------------------------------------------------


def installed_version() -> str | None:
    res = sh("dpkg-query", "-W", "-f", "${Status}|${Version}", PKG, check=False)
    if res.returncode != 0 or "|" not in res.stdout:
        return None
    status, ver = res.stdout.split("|", 1)
    return ver if status.endswith(("installed", "config-files", "unpacked", "half-configured")) else None


@pytest.fixture
def clean_system():
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root (run make package-test as root, or in CI)")
    if not shutil.which("dpkg"):
        pytest.skip("dpkg not found: not a Debian/Ubuntu system")
    found = installed_version()
    if found is not None:
        if found not in (version(), version() + SUFFIX):
            pytest.skip(f"{PKG} {found} is installed on this machine: not touching it")
        sh("dpkg", "-P", PKG)  # left over from an interrupted run of this test
    yield
    if installed_version() is not None:
        sh("dpkg", "-P", PKG, check=False)


def user_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "MERCHANT_CONSOLE_", "PYTHON", "VIRTUAL_ENV", "QT_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="default.warning=false",
               LANG="C.UTF-8")
    return env


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


def opt_snapshot() -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in INSTALL_DIR.rglob("*") if not p.is_symlink()}


def our_processes() -> list[str]:
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if cmd.startswith(str(INSTALL_DIR)):
            found.append(f"{proc.name}: {cmd}")
    return found


def run_installed(home: Path, shot: Path) -> None:
    exe = shutil.which(PKG, path="/usr/bin")
    assert exe == f"/usr/bin/{PKG}", "the command is not on PATH"
    before = opt_snapshot()
    res = subprocess.run([exe, "--screenshot", str(shot), "--view", "stores"], env=user_env(home),
                         cwd=home, capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, f"exit {res.returncode}\n{res.stdout}\n{res.stderr}"
    from console.ui.app import SCREENSHOT_SIZE

    assert shot.stat().st_size > 10_000
    assert png_size(shot) == SCREENSHOT_SIZE
    assert opt_snapshot() == before, "the app wrote under /opt"
    deadline = time.monotonic() + 10
    while our_processes() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert our_processes() == [], "a child process (the embedded platform?) outlived the app"


def db_facts(db: Path) -> tuple[int, dict[str, str], int]:
    conn = sqlite3.connect(db)
    try:
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        stores = conn.execute("SELECT count(*) FROM stores").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return user_version, meta, stores


def write_v1_database(db: Path) -> None:
    """A database as an earlier release (schema v1) left it, with something of the merchant's."""
    from console.storage.migrations import V1

    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    for statement in V1:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO meta (key, value) VALUES ('pkgtest', 'written by schema v1')")
    conn.commit()
    conn.close()


def test_install_run_upgrade_remove_purge(packages, clean_system, tmp_path):
    from console.storage.migrations import SCHEMA_VERSION

    deb, newer = packages
    home = tmp_path / "home"
    home.mkdir()
    data = home / ".local" / "share" / PKG
    db = data / "console.db"

    # install and run as a fresh user
    sh("dpkg", "-i", str(deb))
    assert installed_version() == version()
    assert (INSTALL_DIR / PKG).is_file() and os.access(INSTALL_DIR / PKG, os.X_OK)
    run_installed(home, tmp_path / "first.png")
    assert db.is_file(), f"no database in the user's data directory; home has: {sorted(home.rglob('*'))}"
    found, _meta, stores = db_facts(db)
    assert found == SCHEMA_VERSION
    assert stores > 0, "the demo platform's stores were not synced"
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO meta (key, value) VALUES ('pkgtest', 'the merchant''s data')")
    conn.commit()
    conn.close()

    # an old (v1) database is migrated on open, its contents kept
    if SCHEMA_VERSION > 1:
        old_home = tmp_path / "old-home"
        write_v1_database(old_home / ".local" / "share" / PKG / "console.db")
        run_installed(old_home, tmp_path / "old.png")
        found, meta, _ = db_facts(old_home / ".local" / "share" / PKG / "console.db")
        assert found == SCHEMA_VERSION
        assert meta.get("pkgtest") == "written by schema v1"

    # upgrade: data kept, database still opens
    sh("dpkg", "-i", str(newer))
    assert installed_version() == version() + SUFFIX
    assert db_facts(db)[1].get("pkgtest") == "the merchant's data"
    run_installed(home, tmp_path / "upgraded.png")
    found, meta, stores = db_facts(db)
    assert found == SCHEMA_VERSION and stores > 0
    assert meta.get("pkgtest") == "the merchant's data"

    # remove: the program goes, the data stays
    sh("dpkg", "-r", PKG)
    assert not INSTALL_DIR.exists()
    assert not Path(f"/usr/bin/{PKG}").exists()
    assert not Path(f"/usr/share/applications/{PKG}.desktop").exists()
    assert db_facts(db)[1].get("pkgtest") == "the merchant's data"

    # purge: still the user's data stays
    sh("dpkg", "-P", PKG)
    assert installed_version() is None
    assert db_facts(db)[1].get("pkgtest") == "the merchant's data"
