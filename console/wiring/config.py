"""The app's settings: ``settings.json`` in the data directory.

Why tolerant loading: a settings file damaged by a crash or a hand edit must not stop the
merchant from opening the console. A corrupt file is kept aside as ``settings.json.bad`` (so
support can see it), defaults are used, and the problem is reported to the caller to show.
Why atomic saving: write a temporary file, flush it to disk, then ``os.replace`` it over the old
one, so a crash mid-save leaves the old settings or the new ones, never half a file.

No secret is ever stored here (the app secret lives in the OS keyring: console/wiring/credentials.py).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

SETTINGS_FILE = "settings.json"
Language = Literal["system", "zh_CN", "en"]
LANGUAGES: tuple[str, ...] = ("system", "zh_CN", "en")
MIN_SYNC_INTERVAL_S = 10


@dataclass(frozen=True, slots=True)
class AppConfig:
    """``platform_url`` None means: use the embedded demo platform."""

    platform_url: str | None = None
    app_key: str | None = None
    sync_interval_s: int = 60
    language: Language = "system"
    work_offline: bool = False
    allow_file_secret: bool = False

    def with_changes(self, **changes: Any) -> AppConfig:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    config: AppConfig
    problem: str | None = None  # English, for the log and a notice; None when the file was fine


def _coerce(data: dict[str, Any]) -> tuple[AppConfig, list[str]]:
    """Take every known, well-typed field; report the others (they keep their defaults)."""
    defaults = AppConfig()
    values: dict[str, Any] = {}
    bad: list[str] = []
    for f in fields(AppConfig):
        if f.name not in data:
            continue
        value = data[f.name]
        ok = False
        if f.name in ("platform_url", "app_key"):
            ok = value is None or (isinstance(value, str) and value.strip() != "")
            if isinstance(value, str):
                value = value.strip()
        elif f.name == "sync_interval_s":
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= MIN_SYNC_INTERVAL_S
        elif f.name == "language":
            ok = value in LANGUAGES
        elif f.name in ("work_offline", "allow_file_secret"):
            ok = isinstance(value, bool)
        if ok:
            values[f.name] = value
        else:
            bad.append(f.name)
    return replace(defaults, **values), bad


def load_config(data_dir: Path) -> LoadedConfig:
    """Read settings; a missing file gives defaults, a corrupt one is kept aside and reported."""
    path = Path(data_dir) / SETTINGS_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedConfig(AppConfig())
    except OSError as exc:
        return LoadedConfig(AppConfig(), f"settings could not be read ({exc.strerror}); using defaults")
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (ValueError, UnicodeDecodeError):
        bad_copy = path.with_name(SETTINGS_FILE + ".bad")
        with contextlib.suppress(OSError):
            import shutil  # only for a damaged file: keeps it off the window's start-up

            shutil.copyfile(path, bad_copy)
        return LoadedConfig(
            AppConfig(), f"settings file was damaged; kept as {bad_copy.name}, using defaults"
        )
    config, bad = _coerce(data)
    problem = f"ignored invalid settings: {', '.join(bad)}" if bad else None
    return LoadedConfig(config, problem)


def save_config(data_dir: Path, config: AppConfig) -> Path:
    """Write settings atomically (temp file in the same directory, fsync, os.replace)."""
    import tempfile  # only when saving: keeps it off the window's start-up

    directory = Path(data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / SETTINGS_FILE
    text = json.dumps(asdict(config), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
