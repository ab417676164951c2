"""console/wiring/config.py: the settings file, tolerant loading, atomic saving."""

from __future__ import annotations

import json

from console.wiring.config import AppConfig, load_config, save_config
from tests.wiring.fakes import SECRET


# -- settings ---------------------------------------------------------------------------------
def test_missing_settings_give_defaults(tmp_path):
    loaded = load_config(tmp_path)
    assert loaded.config == AppConfig() and loaded.problem is None
    assert loaded.config.platform_url is None and loaded.config.sync_interval_s == 60


def test_settings_round_trip_atomically(tmp_path):
    config = AppConfig(platform_url="https://api.example", app_key="k1", language="zh_CN", work_offline=True)
    path = save_config(tmp_path, config)
    assert load_config(tmp_path).config == config
    assert json.loads(path.read_text())["app_key"] == "k1"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left
    assert SECRET not in path.read_text()


def test_corrupt_settings_are_kept_aside(tmp_path):
    (tmp_path / "settings.json").write_text('{"platform_url": "http://x", ')
    loaded = load_config(tmp_path)
    assert loaded.config == AppConfig()
    assert loaded.problem and "settings.json.bad" in loaded.problem
    assert (tmp_path / "settings.json.bad").read_text().startswith('{"platform_url"')


def test_bad_values_fall_back_one_by_one(tmp_path):
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {"language": "fr", "sync_interval_s": 1, "app_key": "k", "work_offline": "yes", "extra": 1}
        )
    )
    loaded = load_config(tmp_path)
    assert loaded.config.app_key == "k" and loaded.config.language == "system"
    assert loaded.config.sync_interval_s == 60 and loaded.config.work_offline is False
    assert loaded.problem and "language" in loaded.problem
