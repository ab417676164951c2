"""Arguments checked at the edge: one sentence in the user's language, exit 2, nothing opened
or sent, no traceback (issue #13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run, digest

ZH = {"LANG": "zh_CN.UTF-8"}
EN = {"LANG": "en_US.UTF-8"}


def _one_sentence(run: Run) -> None:
    assert "Traceback" not in run.err + run.out
    assert run.err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "env", "words"),
    [
        (["stores", "--limit", "99999999999999999999"], EN, "too large for --limit"),
        (["stores", "--limit", "99999999999999999999"], ZH, "--limit 的值太大"),
        (["activity", "--limit", "99999999999999999999"], EN, "too large for --limit"),
        (["activity", "--limit", "0"], EN, "--limit must be at least 1"),
        (["stores", "--limit", "-3"], ZH, "--limit 必须至少为 1"),
        (["stores", "--filter", "x" * 50_000], EN, "--filter is too long (50000 characters"),
        (["stores", "--filter", "x" * 50_000], ZH, "--filter 太长"),
    ],
)
def test_out_of_range_arguments(
    run: Run, data_dir: Path, argv: list[str], env: dict[str, str], words: str
) -> None:
    before = digest(data_dir / "console.db")
    assert run(*argv, env=env) == 2
    assert words in run.err and "damaged" not in run.err and "损坏" not in run.err
    _one_sentence(run)
    assert digest(data_dir / "console.db") == before


def test_the_largest_limit_sqlite_takes_is_accepted(run: Run) -> None:
    assert run("stores", "--limit", str(2**63 - 1)) == 0
    assert run("stores", "--limit", str(2**63)) == 2


@pytest.mark.parametrize(
    ("url", "en", "zh"),
    [
        ("http://[::1", "it is not a valid address", "格式不正确"),
        ("not-a-url", "only http and https are supported", "只支持 http 和 https"),
        ("ftp://127.0.0.1/", "only http and https are supported", "只支持 http 和 https"),
        ("https://", "it has no host name", "缺少主机名"),
        ("http://127.0.0.1:99999", "it is not a valid address", "格式不正确"),
    ],
)
@pytest.mark.parametrize("command", [["sync"], ["stores"]])
def test_a_malformed_platform_address_is_refused_before_any_network(
    run: Run, monkeypatch: pytest.MonkeyPatch, url: str, en: str, zh: str, command: list[str]
) -> None:
    def no_network(*a: object, **k: object) -> None:
        raise AssertionError("the network was tried")

    monkeypatch.setattr("console.cli.sync.run_sync_command", no_network)
    assert run("--platform", url, *command, env=EN) == 2
    assert f"The platform address {url} cannot be used: {en}" in run.err and "Nothing was sent" in run.err
    _one_sentence(run)
    assert run("--platform", url, *command, env=ZH) == 2
    assert f"平台地址 {url} 无法使用：{zh}" in run.err
    code, data = run.json("--platform", url, *command)
    assert code == 2 and data["schema"] == 1 and data["error"]["code"] == "bad_address"


def test_usage_errors_under_json_are_json(run: Run) -> None:
    assert run("--json", "set-method", "tb-1") == 2
    data = json.loads(run.out)
    assert data["schema"] == 1 and data["error"]["code"] == "usage"
    assert "required" in data["error"]["message"] and run.err == ""
    assert run("bogus-verb", "--json") == 2 and json.loads(run.out)["error"]["code"] == "usage"


def test_usage_errors_in_plain_text_show_the_usage(run: Run) -> None:
    assert run("stores", "--limit", "many") == 2
    assert run.err.startswith("usage: merchant-console stores") and "invalid int value" in run.err
