"""The status bar tells the time truth, and a notice never moves the page (issues #10, #12).

The window runs on a real ``PlatformClock`` whose PC and monotonic clocks are the test's: time
passes because the test moves it, never by sleeping.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from console.core.clock import PlatformClock
from console.core.sync_state import PassOutcome, PassRecord, PassResult, Severity, summarise
from console.ui.context import SyncStatus
from tests.ui.conftest import FIXED_NOW


class Ticks:
    """A monotonic clock the test advances."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def _on_platform_clock(window: Any) -> Ticks:
    ticks = Ticks()
    clock = PlatformClock(wall=lambda: FIXED_NOW, monotonic=ticks)
    clock.learn(FIXED_NOW)  # a signed answer told the platform's time
    window.ctx.clock = clock
    return ticks


def _status(result: PassResult, **kw: Any) -> SyncStatus:
    state = summarise([], PassRecord(PassOutcome(FIXED_NOW, result)))
    return SyncStatus(online=result is PassResult.OK, state=state, **kw)


def _show(window: Any, status: SyncStatus) -> None:
    window.ctx.sync_status = status
    window.show_sync_status(status)


def _settle(qtbot: Any) -> None:
    """Let pending layout requests run (no sleeping: only posted events)."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def _speak(window: Any, qapp: Any, lang: str) -> None:
    from console.ui.i18n import Translations

    Translations().apply(qapp, lang)
    window.ctx.lang = lang
    window.retranslateUi()


def test_offline_the_status_bar_says_how_old_the_platform_time_is(qtbot: Any, window: Any, qapp: Any) -> None:
    ticks = _on_platform_clock(window)
    _show(window, _status(PassResult.OK))
    assert window.platform_time_label.isHidden()  # online: "now" is fresh, nothing to say
    ticks.seconds += 5 * 60
    _show(window, _status(PassResult.OFFLINE))
    label = window.platform_time_label
    assert label.isVisible() and label.text() == "platform time as of 5 minutes ago"
    ticks.seconds += 20 * 60
    window.time_timer.timeout.emit()  # the half-minute timer, driven
    assert label.text() == "platform time as of 25 minutes ago"
    _speak(window, qapp, "zh_CN")  # retranslated live
    assert label.text().startswith("平台时间（") and "25" in label.text()
    _speak(window, qapp, "en")
    _show(window, _status(PassResult.OK))  # back online: the sentence goes
    assert label.isHidden()


def test_before_the_first_contact_there_is_no_age_to_tell(qtbot: Any, window: Any) -> None:
    window.ctx.clock = PlatformClock(wall=lambda: FIXED_NOW, monotonic=Ticks())  # never learned
    _show(window, _status(PassResult.OFFLINE))
    assert window.platform_time_label.isHidden()


def test_a_pc_clock_off_by_minutes_is_a_warning_even_while_sync_works(
    qtbot: Any, window: Any, qapp: Any
) -> None:
    _on_platform_clock(window)
    online = _status(PassResult.OK)
    _show(window, replace(online, clock_offset_s=20.0))  # under a minute: not worth a word
    assert window.clock_label.isHidden()
    _show(window, replace(online, clock_offset_s=-7 * 60 - 10))  # this PC runs 7 minutes ahead
    label = window.clock_label
    assert label.isVisible() and label.text() == "This PC's clock is off by 7 minutes."
    assert label.property("severity") == Severity.WARNING.name.lower()
    assert window.state_label.text() == "Online"  # a warning, not a sync error
    assert window.pending_label.text() == "All changes synced" and window.banner.isHidden()
    _show(window, replace(online, clock_offset_s=61.0))
    assert label.text() == "This PC's clock is off by 1 minute."
    _speak(window, qapp, "zh_CN")
    assert label.text() == "本机时钟偏差 1 分钟。"
    _speak(window, qapp, "en")
    _show(window, online)
    assert label.isHidden()


def test_the_banner_appearing_does_not_move_the_stores_list(qtbot: Any, window: Any) -> None:
    table = window.stores.table
    before = table.mapToGlobal(table.rect().topLeft()).y()
    window.banner.show_message("A long notice " * 20, "error", "Show")
    qtbot.waitUntil(window.banner.isVisible)
    _settle(qtbot)
    assert table.mapToGlobal(table.rect().topLeft()).y() == before
    assert window.banner.geometry().height() > 0 and window.banner.width() > 200
    window.resize(1024, 700)  # the banner follows the window; the list still does not move
    _settle(qtbot)
    assert table.mapToGlobal(table.rect().topLeft()).y() == before
    assert window.banner.width() == window.stack.width() - 24
    window.banner.dismiss()
    _settle(qtbot)
    assert table.mapToGlobal(table.rect().topLeft()).y() == before
