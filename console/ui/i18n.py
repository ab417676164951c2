"""Language: choosing it, installing translators live, and locale-aware formatting.

The language setting is "system", "zh_CN" or "en". Installing translators makes Qt send
``QEvent.LanguageChange`` to every widget, which is how the open window re-translates itself.
``QLocale()`` defaults to the chosen language too; money and dates are formatted by
``console.ui.money`` with the language code, durations here (they need translated words).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from console.ui.money import locale_for
from console.ui.resources import resources_dir
from console.words import split_duration

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
TRANSLATOR_NAME = "merchant-console-translator"
SYSTEM = "system"


def system_language() -> str:
    """zh_CN for any Chinese system locale, English otherwise."""
    name = QLocale.system().name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def resolve_language(choice: str | None) -> str:
    """Map a setting or command-line value ("system", "zh", "zh_CN", "en", None) to a language."""
    if not choice or choice == SYSTEM:
        return system_language()
    if choice.lower().replace("-", "_").startswith("zh"):
        return "zh_CN"
    return "en"


class Translations:
    """The translators currently installed on the application; replaced as a set."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.lang = ""

    def apply(self, app: QCoreApplication, lang: str) -> list[str]:
        """Install the translators for ``lang`` (English needs none); return the files loaded."""
        # every translator we installed, by any Translations instance (tests build several)
        for tr in app.findChildren(QTranslator, TRANSLATOR_NAME):
            app.removeTranslator(tr)
            tr.setParent(None)
        self._installed.clear()
        self.lang = lang
        QLocale.setDefault(locale_for(lang))  # QLocale() follows the UI language
        loaded: list[str] = []
        if lang != "en":
            i18n_dir = resources_dir() / "i18n"
            for qm in sorted(i18n_dir.glob(f"*_{lang}.qm")):
                tr = QTranslator(app)
                tr.setObjectName(TRANSLATOR_NAME)
                if tr.load(str(qm)):
                    app.installTranslator(tr)
                    self._installed.append(tr)
                    loaded.append(qm.name)
                else:
                    log.warning("could not load %s", qm)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            tr = QTranslator(app)
            tr.setObjectName(TRANSLATOR_NAME)
            if tr.load(f"qtbase_{lang}", qt_dir) or tr.load(f"qtbase_{lang.split('_')[0]}", qt_dir):
                app.installTranslator(tr)
                self._installed.append(tr)
                loaded.append(f"qtbase_{lang}")
        if not self._installed:
            # removing translators alone does not post LanguageChange; views must still follow
            app.postEvent(app, _language_change_event())
            app.sendPostedEvents(app, QEvent.Type.LanguageChange)
        return loaded


def _language_change_event() -> QEvent:
    return QEvent(QEvent.Type.LanguageChange)


# -- formatting (money and dates: console.ui.money; here only what needs translated words) ----


def _count(n: int, one: str, many: str) -> str:
    """Singular/plural without an English .qm: separate source strings, %1 is the number."""
    return (one if n == 1 else many).replace("%1", str(n))


def fmt_duration(delta: timedelta) -> str:
    """A countdown in words, to the day or the hour: "3 days", "1 day 4 hours", "40 minutes"."""
    days, hours, minutes = split_duration(delta)
    d = _count(
        days, QCoreApplication.translate("Format", "1 day"), QCoreApplication.translate("Format", "%1 days")
    )
    h = _count(
        hours,
        QCoreApplication.translate("Format", "1 hour"),
        QCoreApplication.translate("Format", "%1 hours"),
    )
    if days >= 3 or (days and not hours):
        return d
    if days:
        return QCoreApplication.translate("Format", "%1 %2").replace("%1", d).replace("%2", h)
    if hours:
        return h
    return _count(
        max(minutes, 1),
        QCoreApplication.translate("Format", "1 minute"),
        QCoreApplication.translate("Format", "%1 minutes"),
    )


def fmt_countdown(deadline: datetime | None, now: datetime) -> str:
    """ "in 3 days" before a deadline, "passed" after it, "" without one."""
    if deadline is None:
        return ""
    if deadline <= now:
        return QCoreApplication.translate("Format", "passed")
    return QCoreApplication.translate("Format", "in %1").replace("%1", fmt_duration(deadline - now))
