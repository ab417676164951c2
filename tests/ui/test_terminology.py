"""Chinese terminology is the same on every page and in the terminal (merchants read Chinese first).

The glossary: one word per thing across the window's catalogue (console_zh_CN.ts, widget strings)
and the vocabulary (console/words: names, reasons, messages). An English text naming the thing
must have the word in its Chinese; words we replaced must not come back.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"

# English (a regular expression over the source) -> the one Chinese word for it
GLOSSARY: dict[str, str] = {
    r"\bstores?\b": "店铺",
    r"\bWeChat Pay\b": "微信支付",
    r"\bAlipay\b": "支付宝",
    r"\bwaiting to sync\b": "待同步",
    r"^Invited$": "已受邀",
    r"^In review$": "审核中",
    r"^Approved$": "已通过",
    r"^Rejected$": "未通过",
    r"^Live$": "已上线",
    r"\bshoppers?\b": "买家",
    r"\bfeedback\b": "反馈",
    r"^Activity$": "操作记录",
    r"^Refused\.?$": "被拒绝",
}
# words replaced by the glossary's (顾客 -> 买家, 更改 -> 修改, 动态 -> 操作记录, ...)
RETIRED = ("顾客", "更改", "动态", "已拒绝", "该店铺", "应用密钥")
# a sentence about a store that does not need the word (it is said by the context)
NOT_NAMING = {
    ("StoreDetail", "Shoppers of %1 will be able to pay with %2."),  # %1 is the store's name
    ("StoreDetail", "Shoppers of %1 will no longer be able to pay with %2."),
}


def _vocabulary() -> list[tuple[str, str, str]]:
    """(module, English, Chinese) of every pair in console/words' tables."""
    from console.words import domain, messages

    found = []
    for module in (domain, messages):
        for name, table in vars(module).items():
            if not (name.startswith("_") and isinstance(table, dict)):
                continue
            for value in table.values():
                if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
                    found.append((module.__name__, value[1], value[0]))
                elif isinstance(value, tuple):  # reason variants: (needed, zh, en)
                    found.extend((module.__name__, en, zh) for _needed, zh, en in value)
    return found


def messages() -> list[tuple[str, str, str]]:
    found = _vocabulary()
    assert len(found) > 150  # the scan really read the tables
    for ts in sorted(I18N.glob("*_zh_CN.ts")):
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                found.append((name, msg.findtext("source") or "", msg.findtext("translation") or ""))
    return found


@pytest.mark.parametrize("pattern", GLOSSARY)
def test_each_term_has_one_chinese_word(pattern: str) -> None:
    word = GLOSSARY[pattern]
    wrong = [
        (ctx, src, zh)
        for ctx, src, zh in messages()
        if re.search(pattern, src, re.IGNORECASE) and word not in zh and (ctx, src) not in NOT_NAMING
    ]
    assert not wrong, f"{pattern!r} should read {word!r}: {wrong[:5]}"


def test_retired_words_do_not_come_back() -> None:
    found = [(ctx, src, zh) for ctx, src, zh in messages() if any(w in zh for w in RETIRED)]
    assert not found, found[:5]


def test_retired_words_nowhere_in_the_vocabulary_files() -> None:
    """Every module of console/words, not only the tables the scan above reads: a new module
    (status, time, sales, bulk …) must speak the same glossary."""
    words = Path(__file__).resolve().parents[2] / "console" / "words"
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(words.glob("*.py"))
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if any(w in line for w in RETIRED) and not line.lstrip().startswith("#")
    ]
    assert not found, found[:5]
