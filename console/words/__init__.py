"""The app's one vocabulary: every domain word and message, in Chinese (zh_CN) and English.

Qt-free, so the command line and the window say the same thing in the same words. Every function
takes the language (``"zh_CN"`` or ``"en"``) and returns text; nothing is cached, so the window
re-translates live by calling again with the new language. Qt's catalogues keep only widget
strings (menus, buttons, labels); the domain (names, statuses, reasons, next steps, messages)
lives here and nowhere else.

- ``lang``: which language (``detect_lang``) and how to pick a side (``pick``).
- ``domain``: names of platforms, methods, devices, statuses; reasons and next steps.
- ``messages``: the command line's messages and table headings (``msg``), amount problems.
- ``dates``: dates and times as each language writes them.

Chinese terms follow one glossary (``tests/words/test_vocabulary.py``): 店铺, 买家, 修改, 反馈,
操作记录, 待同步, 被拒绝.

Importing the package costs nothing: each name is imported from its module on first use
(PEP 562), so ``console.words.lang`` alone, which the start-up path needs, does not pull the
domain vocabulary and its dataclasses in (~20 ms before the window's first paint; issue #14).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from console.words.dates import (
        format_date,
        format_datetime,
        format_duration,
        format_short_date,
        format_when,
        split_duration,
    )
    from console.words.domain import (
        activity_words,
        device_name,
        eligibility_explained,
        eligibility_name,
        label,
        method_name,
        next_step_text,
        on_off,
        outbox_status_name,
        platform_name,
        reason_text,
        refusal_code_text,
        rejection_reason,
        store_status_name,
        sync_error_text,
        sync_state_name,
    )
    from console.words.lang import EN, LANGS, ZH, detect_lang, pick
    from console.words.messages import NO_DISPLAY, amount_problem_text, msg

#: Where each name of the vocabulary lives.
_HOME: dict[str, str] = {
    "format_date": "console.words.dates",
    "format_datetime": "console.words.dates",
    "format_duration": "console.words.dates",
    "format_short_date": "console.words.dates",
    "format_when": "console.words.dates",
    "split_duration": "console.words.dates",
    "activity_words": "console.words.domain",
    "device_name": "console.words.domain",
    "eligibility_explained": "console.words.domain",
    "eligibility_name": "console.words.domain",
    "label": "console.words.domain",
    "method_name": "console.words.domain",
    "next_step_text": "console.words.domain",
    "on_off": "console.words.domain",
    "outbox_status_name": "console.words.domain",
    "platform_name": "console.words.domain",
    "reason_text": "console.words.domain",
    "refusal_code_text": "console.words.domain",
    "rejection_reason": "console.words.domain",
    "store_status_name": "console.words.domain",
    "sync_error_text": "console.words.domain",
    "sync_state_name": "console.words.domain",
    "EN": "console.words.lang",
    "LANGS": "console.words.lang",
    "ZH": "console.words.lang",
    "detect_lang": "console.words.lang",
    "pick": "console.words.lang",
    "NO_DISPLAY": "console.words.messages",
    "amount_problem_text": "console.words.messages",
    "msg": "console.words.messages",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next lookup is a plain one
    return value


__all__ = [
    "EN",
    "LANGS",
    "NO_DISPLAY",
    "ZH",
    "activity_words",
    "amount_problem_text",
    "detect_lang",
    "device_name",
    "eligibility_explained",
    "eligibility_name",
    "format_date",
    "format_datetime",
    "format_duration",
    "format_short_date",
    "format_when",
    "label",
    "method_name",
    "msg",
    "next_step_text",
    "on_off",
    "outbox_status_name",
    "pick",
    "platform_name",
    "reason_text",
    "refusal_code_text",
    "rejection_reason",
    "split_duration",
    "store_status_name",
    "sync_error_text",
    "sync_state_name",
]
