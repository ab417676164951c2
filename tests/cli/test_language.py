"""The language: --lang, then the locale variables, in that order."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Run


# -- language ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "argv", "chinese"),
    [
        ({"LANG": "zh_CN.UTF-8"}, [], True),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, [], True),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, [], False),
        ({"LANG": "zh_CN.UTF-8"}, ["--lang", "en"], False),
        ({}, ["--lang", "zh"], True),
        ({}, [], False),
    ],
)
def test_language_from_flag_then_locale(
    run: Run, env: dict[str, str], argv: list[str], chinese: bool
) -> None:
    assert run(*argv, "set-method", "tb-1", "alipay", "off", env=env) == 3
    assert ("不能修改" in run.err) is chinese
