"""The amount grammar (written in ``console/core/money.py``'s docstring), each form through
``preview --amount`` in both languages: a welcome form is read as documented, a refused one says
why in one sentence, exit 2 (issue #13). tests/core/test_money.py tests the parser itself."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Run

WELCOME = [
    ("12.50", 1250),
    ("12", 1200),
    ("１２３", 12300),
    ("１２．５", 1250),
    ("12。5", 1250),
    ("1.", 100),
    (".5", 50),
    ("+12", 1200),
    ("¥12", 1200),
    ("￥12", 1200),
    ("RMB 12", 1200),
    ("cny12", 1200),
    ("12.50元", 1250),
    ("88圆", 8800),
    ("12 RMB", 1200),
    ("1,234.50", 123450),
    ("1 234.50", 123450),
    ("1.500", 150),
]

REFUSED = [
    ("", "Enter an amount.", "请输入金额。"),
    ("abc", '"abc" is not an amount', "“abc”不是金额"),
    ("12块", '"12块" is not an amount', "“12块”不是金额"),
    ("12元5角", "is not an amount", "不是金额"),
    ("½", "is not an amount", "不是金额"),
    ("١٢٣", '"١٢٣" is not an amount', "“١٢٣”不是金额"),
    ("1٢3", "is not an amount", "不是金额"),
    ("1,23", "thousands separator", "千位分隔符位置不对"),
    ("1.234", "at most two decimals", "最多两位小数"),
    ("-5", "cannot be negative", "不能为负数"),
    ("¥-5", "cannot be negative", "不能为负数"),
    ("0", "greater than zero", "大于零"),
    ("100000000.01", "too large", "过大"),
]


@pytest.mark.parametrize(("typed", "fen"), WELCOME)
def test_a_welcome_form_is_read_as_documented(run: Run, typed: str, fen: int) -> None:
    code, data = run.json("preview", "tb-3", "--amount", typed)
    assert code == 0 and data["amount_fen"] == fen


@pytest.mark.parametrize(("typed", "en", "zh"), REFUSED)
def test_a_refused_form_says_why_in_each_language(run: Run, typed: str, en: str, zh: str) -> None:
    assert run("--lang", "en", "preview", "tb-3", "--amount", typed) == 2
    assert en in run.err and run.err.count("\n") == 1 and "Traceback" not in run.err
    assert run("--lang", "zh_CN", "preview", "tb-3", "--amount", typed) == 2
    assert zh in run.err and run.err.count("\n") == 1
