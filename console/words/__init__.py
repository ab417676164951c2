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
"""

from __future__ import annotations

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
