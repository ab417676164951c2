"""Chinese is the merchants' first language: no string of the UI may ship untranslated.

lupdate is run over the UI sources into a scratch file, so a string added to the code but not to
the shipped .ts sources fails here, not in front of a merchant.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            found[(name, msg.findtext("source") or "")] = msg
    return found


def _shipped() -> dict[tuple[str, str], ET.Element]:
    merged: dict[tuple[str, str], ET.Element] = {}
    for ts in sorted(I18N.glob("*_zh_CN.ts")):
        merged.update(_messages(ts))
    return merged


def _finished(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if msg.get("numerus") == "yes":
        forms = [f.text for f in tr.iter("numerusform")]
        return bool(forms) and all(forms)
    return bool(tr.text and tr.text.strip())


def test_every_shipped_chinese_string_is_translated() -> None:
    shipped = _shipped()
    assert shipped, "no zh_CN .ts sources under resources/i18n"
    left = [key for key, msg in shipped.items() if not _finished(msg)]
    assert not left, f"untranslated in the Chinese UI: {left[:10]}"


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate not in this environment")
def test_every_string_in_the_code_is_in_a_shipped_ts(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in (ROOT / "console" / "ui").rglob("*.py"))
    scratch = tmp_path / "all_zh_CN.ts"
    subprocess.run([str(LUPDATE), "-silent", *sources, "-ts", str(scratch)], check=True, cwd=ROOT)
    in_code = set(_messages(scratch))
    assert len(in_code) > 300  # the scan really read the UI
    missing = sorted(in_code - set(_shipped()))
    assert not missing, (
        "strings in console/ui that no resources/i18n/*_zh_CN.ts knows (run pyside6-lupdate and "
        f"translate them): {missing[:10]}"
    )


def test_one_source_of_chinese_fills_the_catalogue_without_leftovers(tmp_path: Path) -> None:
    """tools/zh_CN.py is the only place the window's Chinese is written: it fills every string of
    the shipped catalogue, and holds nothing the code no longer says."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import zh_CN
    finally:
        sys.path.remove(str(ROOT / "tools"))
    copy = tmp_path / "console_zh_CN.ts"
    shutil.copy(I18N / "console_zh_CN.ts", copy)
    assert zh_CN.fill(copy) == []
    assert zh_CN.stale(copy) == []
    assert sorted(p.name for p in I18N.glob("*.ts")) == ["console_zh_CN.ts"]


def test_domain_words_are_not_qt_strings() -> None:
    """Names, statuses and reasons come from console.words, never from a Qt catalogue."""
    shipped = _shipped()
    for source in ("WeChat Pay", "In review", "The platform refused the change."):
        assert not [key for key in shipped if key[1] == source and key[0] == "Texts"], source


def test_built_catalogues_load_and_translate(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    qms = sorted(I18N.glob("*_zh_CN.qm"))
    if not qms:
        if shutil.which("make") is None:
            pytest.skip("no .qm built")
        subprocess.run(["make", "-s", "translations"], check=True, cwd=ROOT)
        qms = sorted(I18N.glob("*_zh_CN.qm"))
    translators = []
    for qm in qms:
        tr = QTranslator()
        assert tr.load(str(qm)), qm
        QCoreApplication.installTranslator(tr)
        translators.append(tr)
    try:
        assert QCoreApplication.translate("Texts", "Fee %1") == "费率 %1"
        context, source = next(k for k, m in _messages(I18N / "console_zh_CN.ts").items() if _finished(m))
        assert QCoreApplication.translate(context, source) != source
    finally:
        for tr in translators:
            QCoreApplication.removeTranslator(tr)
