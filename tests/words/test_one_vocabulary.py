"""One vocabulary: console/words is Qt-free and the only place domain words are written.

The command line and the window both call it; a second copy of a domain table elsewhere is what
this module exists to prevent.
"""

from __future__ import annotations

import ast
from pathlib import Path

from console import words
from console.core.model import Device, Eligibility, Method, Platform
from console.core.reasons import ReasonCode

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = ROOT / "console"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_words_need_no_qt_and_sit_on_the_core() -> None:
    for path in (CONSOLE / "words").glob("*.py"):
        ours = {m for m in _imports(path) if m.startswith("console")}
        assert all(m.startswith(("console.core", "console.words")) for m in ours), (path, ours)
        assert not any(m.startswith(("PySide6", "shiboken6")) for m in _imports(path)), path


def test_no_second_table_of_domain_names() -> None:
    """The Chinese names of the domain appear in console/words only (the stub has its own)."""
    names = ["微信支付", "支付宝", "审核中", "已受邀", "未受邀", "小程序", "电脑网页"]
    # sync/command.py's own table is being moved into console/words by the CLI rework (issue #11)
    moving = {CONSOLE / "sync" / "command.py"}
    offenders = [
        (str(path.relative_to(ROOT)), name)
        for path in CONSOLE.rglob("*.py")
        if "words" not in path.relative_to(CONSOLE).parts[:1]
        and "stub" not in path.relative_to(CONSOLE).parts
        and path not in moving
        for name in names
        if name in path.read_text(encoding="utf-8")
    ]
    assert not offenders, offenders


def test_every_name_in_both_languages() -> None:
    for lang in words.LANGS:
        for enum, name in (
            (Platform, words.platform_name),
            (Method, words.method_name),
            (Device, words.device_name),
            (Eligibility, words.eligibility_name),
            (Eligibility, words.eligibility_explained),
        ):
            for value in enum:
                text = name(value, lang)
                assert text and "_" not in text, (enum, value, lang)
                if lang == words.ZH:
                    assert any("\u4e00" <= c <= "\u9fff" for c in text), (enum, value)
    assert words.platform_name("douyin", words.EN) == "douyin"  # a newer platform's value shows as is


def test_labels_capitalise_english_only() -> None:
    assert words.label(words.eligibility_name("in_review", words.EN)) == "In review"
    assert words.label(words.eligibility_name("in_review", words.ZH)) == "审核中"


def test_the_window_and_the_terminal_say_the_same_sentence() -> None:
    """The window passes its date style; everything else is the same words."""
    from console.core.reasons import Reason

    reason = Reason(ReasonCode.TURNED_OFF, {"method": Method.ALIPAY})
    assert words.reason_text(reason, words.ZH) == "您在设置中关闭了支付宝。"
    assert words.reason_text(reason, words.ZH, when=lambda _d: "x") == "您在设置中关闭了支付宝。"
    assert words.sync_error_text("auth", words.EN, "AUTH_TIMESTAMP_SKEW").startswith("The platform says this")
