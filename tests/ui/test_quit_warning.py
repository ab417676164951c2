"""Quitting with changes that have not reached the platform asks first.

The issue: quitting with unsent changes said nothing, and a merchant who closed the laptop
believed WeChat Pay was on. Now File > Quit and the close button ask: "Sync now" (the default:
quit once the pass sent everything), "Quit anyway" (the changes stay and go with the next sync),
or Cancel. A close by the program itself never waits on a question.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtGui import QCloseEvent

from console.ui.widgets import dialogs


class UserClose(QCloseEvent):
    """A close the merchant made (the title bar's button): Qt marks those spontaneous."""

    def spontaneous(self) -> bool:
        return True


def set_status(window: Any, **changes: Any) -> None:
    status = replace(window.ctx.sync_status, **changes)
    window.ctx.sync_status = status
    window.ctx.events.sync_state_changed.emit(status)


def answer_with(monkeypatch: pytest.MonkeyPatch, answer: str | None) -> list[dict[str, Any]]:
    questions: list[dict[str, Any]] = []

    def choose(
        parent: Any, title: str, text: str, choices: list[tuple[str, str]], detail: str = ""
    ) -> str | None:
        questions.append({"title": title, "text": text, "choices": choices})
        return answer

    monkeypatch.setattr(dialogs, "choose", choose)
    return questions


def test_nothing_waiting_quits_without_a_question(qtbot, window, monkeypatch) -> None:
    questions = answer_with(monkeypatch, None)
    set_status(window, pending=0)
    window.act_quit.trigger()
    assert questions == [] and not window.isVisible()


def test_cancel_keeps_the_window_open(qtbot, window, monkeypatch) -> None:
    questions = answer_with(monkeypatch, None)
    set_status(window, pending=2, online=True)
    event = UserClose()
    window.closeEvent(event)
    assert not event.isAccepted() and window.isVisible()
    (q,) = questions
    assert q["title"] == "2 changes have not reached the platform yet"
    assert [key for key, _ in q["choices"]] == ["sync", "quit"]  # "Sync now" first: the default
    assert [label for _, label in q["choices"]] == ["Sync now", "Quit anyway"]


def test_quit_anyway_quits(qtbot, window, monkeypatch) -> None:
    answer_with(monkeypatch, "quit")
    set_status(window, pending=1)
    window.act_quit.trigger()
    assert not window.isVisible()


def test_sync_now_quits_once_everything_is_sent(qtbot, window, monkeypatch) -> None:
    answer_with(monkeypatch, "sync")
    set_status(window, pending=1, online=True)
    with qtbot.waitSignal(window.ctx.events.sync_requested):
        window.act_quit.trigger()
    assert window.isVisible()  # still open while the pass runs
    set_status(window, syncing=True)
    set_status(window, syncing=False, pending=0, error=None)
    assert not window.isVisible()


def test_sync_now_that_cannot_send_stays_open(qtbot, window, monkeypatch) -> None:
    answer_with(monkeypatch, "sync")
    set_status(window, pending=1, online=True)
    window.act_quit.trigger()
    set_status(window, syncing=True)
    set_status(window, syncing=False, online=False, error="offline", pending=1)
    assert window.isVisible()
    set_status(window, syncing=False, pending=0, error=None)  # a later pass does not close it
    assert window.isVisible()


def test_working_offline_offers_no_sync(qtbot, window, monkeypatch) -> None:
    questions = answer_with(monkeypatch, None)
    set_status(window, pending=1, work_offline=True)
    window.closeEvent(UserClose())
    assert [key for key, _ in questions[0]["choices"]] == ["quit"]
    assert questions[0]["title"] == "1 change has not reached the platform yet"


def test_a_close_by_the_program_never_asks(qtbot, window, monkeypatch) -> None:
    questions = answer_with(monkeypatch, None)
    set_status(window, pending=3)
    window.close()  # the app shutting down, a test's teardown
    assert questions == [] and not window.isVisible()


def test_the_question_in_chinese(qtbot, window, monkeypatch) -> None:
    from tests.ui.views_support import chinese

    questions = answer_with(monkeypatch, None)
    set_status(window, pending=2, online=True)
    with chinese(window.ctx):
        window.closeEvent(UserClose())
    assert questions[0]["title"] == "有 2 项修改尚未送达平台"
    assert [label for _, label in questions[0]["choices"]] == ["立即同步", "仍然退出"]

