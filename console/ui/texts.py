"""The window's side of the vocabulary: ``console.words`` spoken in the current UI language.

The words themselves (names, statuses, reasons, next steps) live in ``console.words``, shared with
the command line; the window calls them again with the new language on every
``LanguageChange``, so nothing here is cached. What stays here is only what needs Qt: the current
language (``current_lang``), how the window writes a reason's dates (``when``), and the one
widget label built around a domain value (``fee_text``).

The short wrappers at the end bind the current language for the three files that have not
switched to ``console.words`` yet (views/stores.py, models/stores_model.py, main_window.py); new
code calls ``console.words`` with ``ctx.lang`` directly.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QLocale

from console import words
from console.core.model import Eligibility, Platform
from console.core.reasons import Reason
from console.ui.money import format_bps
from console.words.domain import WhenFormat


def current_lang() -> str:
    """The UI language, as i18n set QLocale's default ("zh_CN" or "en")."""
    return words.ZH if QLocale().language() == QLocale.Language.Chinese else words.EN


def when(lang: str) -> WhenFormat:
    """How the window writes a date inside a sentence: the locale's short date and time."""
    return partial(words.format_datetime, lang=lang)


def reason(reason: Reason | None, lang: str) -> str:
    """A reason as a sentence, dates written the window's way."""
    return words.reason_text(reason, lang, when=when(lang))


def next_step(reason: Reason | None, lang: str) -> str:
    """The store's next step as advice, dates written the window's way."""
    return words.next_step_text(reason, lang, when=when(lang))


def status_label(eligibility: Eligibility | str, lang: str) -> str:
    """An eligibility as a pill or table-cell label: "In review", not "in review"."""
    return words.label(words.eligibility_name(eligibility, lang))


def fee_text(fee_bps: int, lang: str) -> str:
    return QCoreApplication.translate("Texts", "Fee %1").replace("%1", format_bps(fee_bps, lang))


# -- bound to the current language, until stores.py / stores_model.py / main_window.py switch -----


def platform_name(platform: Platform | str) -> str:
    return words.platform_name(platform, current_lang())


def eligibility_name(eligibility: Eligibility | str) -> str:
    return status_label(eligibility, current_lang())


def eligibility_explained(eligibility: Eligibility | str) -> str:
    return words.eligibility_explained(eligibility, current_lang())


def on_off(value: bool) -> str:
    return words.label(words.on_off(value, current_lang()))


def sync_state_name(state: str) -> str:
    return words.label(words.sync_state_name(state, current_lang()))


def reason_text(reason_: Reason | None, lang: str | None = None) -> str:
    return reason(reason_, lang or current_lang())


def sync_error_text(error: str | None, detail: str | None = None) -> str:
    return words.sync_error_text(error, current_lang(), detail)
