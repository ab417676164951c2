"""Which language to speak, and picking one side of a (Chinese, English) pair.

Two languages ship: zh_CN (the merchants' first language) and en. Anything that is not Chinese
is answered in English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

ZH = "zh_CN"
EN = "en"
LANGS = (ZH, EN)


def normalize(value: str | None) -> str:
    """ "zh", "zh-CN", "zh_TW.UTF-8" -> zh_CN; anything else (including None) -> en."""
    return ZH if value and value.lower().replace("-", "_").startswith("zh") else EN


def detect_lang(cli_lang: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """zh_CN or en: --lang wins, then the POSIX locale variables in their order of precedence."""
    env = os.environ if environ is None else environ
    for value in (cli_lang, env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG")):
        if value:
            return normalize(value)
    return EN


def pick(lang: str, zh: str, en: str) -> str:
    """The Chinese text for zh_CN, the English for anything else."""
    return zh if lang == ZH else en
