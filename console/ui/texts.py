"""Words for the domain's codes, in the merchant's language.

The core answers with codes (``console.core.reasons``) and wire values (eligibility, platform,
method ...); this module is the one place that turns them into sentences, through Qt's
translation system so that a language switch changes them live. Each sentence says what is true
and, where the merchant can act, what to do next.

Call these functions every time text is shown (never cache their results across a language
switch). ``lang`` picks the side of platform-sent bilingual text (``LocalizedText``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.core.model import Device, Eligibility, LocalizedText, Method, Platform, StoreStatus, SyncState
from console.core.reasons import Reason, ReasonCode
from console.ui.money import format_bps, format_date, format_datetime, format_fen

# -- names ------------------------------------------------------------------------------------


def platform_name(platform: Platform | str) -> str:
    return {
        "taobao": QCoreApplication.translate("Texts", "Taobao"),
        "tmall": QCoreApplication.translate("Texts", "Tmall"),
    }.get(str(platform), str(platform))


def method_name(method: Method | str) -> str:
    return {
        "alipay": QCoreApplication.translate("Texts", "Alipay"),
        "wechat_pay": QCoreApplication.translate("Texts", "WeChat Pay"),
    }.get(str(method), str(method))


def device_name(device: Device | str) -> str:
    return {
        "mobile_app": QCoreApplication.translate("Texts", "Mobile app"),
        "pc_web": QCoreApplication.translate("Texts", "PC web"),
        "wechat_mini_program": QCoreApplication.translate("Texts", "WeChat mini program"),
        "alipay_mini_program": QCoreApplication.translate("Texts", "Alipay mini program"),
    }.get(str(device), str(device))


def store_status_name(status: StoreStatus | str) -> str:
    return {
        "open": QCoreApplication.translate("Texts", "Open"),
        "frozen": QCoreApplication.translate("Texts", "Frozen"),
        "closed": QCoreApplication.translate("Texts", "Closed"),
    }.get(str(status), str(status))


def eligibility_name(eligibility: Eligibility | str) -> str:
    """Short label for a status pill."""
    return {
        "not_invited": QCoreApplication.translate("Texts", "Not invited"),
        "invited": QCoreApplication.translate("Texts", "Invited"),
        "in_review": QCoreApplication.translate("Texts", "In review"),
        "approved": QCoreApplication.translate("Texts", "Approved"),
        "live": QCoreApplication.translate("Texts", "Live"),
        "rejected": QCoreApplication.translate("Texts", "Rejected"),
        "expired": QCoreApplication.translate("Texts", "Expired"),
        "withdrawn": QCoreApplication.translate("Texts", "Withdrawn"),
        "frozen": QCoreApplication.translate("Texts", "Frozen"),
    }.get(str(eligibility), str(eligibility))


def eligibility_explained(eligibility: Eligibility | str) -> str:
    """One sentence: what this platform status means for the merchant."""
    return {
        "not_invited": QCoreApplication.translate(
            "Texts", "This store has not been invited to offer WeChat Pay yet."
        ),
        "invited": QCoreApplication.translate(
            "Texts", "This store is invited: apply before the deadline to offer WeChat Pay."
        ),
        "in_review": QCoreApplication.translate("Texts", "The platform is reviewing the application."),
        "approved": QCoreApplication.translate("Texts", "Approved: WeChat Pay goes live on the launch date."),
        "live": QCoreApplication.translate("Texts", "Live: shoppers can pay with it."),
        "rejected": QCoreApplication.translate("Texts", "The application was rejected."),
        "expired": QCoreApplication.translate(
            "Texts", "The invitation expired before an application was made."
        ),
        "withdrawn": QCoreApplication.translate("Texts", "The platform withdrew the invitation."),
        "frozen": QCoreApplication.translate(
            "Texts", "The platform froze this payment method for the store."
        ),
    }.get(str(eligibility), str(eligibility))


def sync_state_name(state: SyncState | str) -> str:
    return {
        "confirmed": QCoreApplication.translate("Texts", "Confirmed"),
        "pending": QCoreApplication.translate("Texts", "Waiting to sync"),
        "refused": QCoreApplication.translate("Texts", "Refused"),
    }.get(str(state), str(state))


def on_off(value: bool) -> str:
    return QCoreApplication.translate("Texts", "On") if value else QCoreApplication.translate("Texts", "Off")


def rejection_reason(code: str | None, text: LocalizedText | None, lang: str | None = None) -> str:
    """Why the platform rejected or froze: our words for known codes, else the platform's."""
    known = {
        "LICENSE_MISMATCH": QCoreApplication.translate(
            "Texts",
            "The business licence does not match the store's registered company. "
            "Update the licence in the store's profile, then apply again.",
        ),
        "CATEGORY_NOT_SUPPORTED": QCoreApplication.translate(
            "Texts", "WeChat Pay is not available for this store's category yet."
        ),
        "RISK_REVIEW": QCoreApplication.translate(
            "Texts", "The platform's risk review did not pass. Contact platform support for details."
        ),
        "INCOMPLETE_PROFILE": QCoreApplication.translate(
            "Texts", "The store profile is incomplete. Fill in the missing details, then apply again."
        ),
    }
    if code and code in known:
        return known[code]
    if text is not None and (text.zh or text.en):
        return text.get(lang or current_lang())
    if code:
        return QCoreApplication.translate("Texts", "The platform gave the reason code %1.").replace(
            "%1", code
        )
    return QCoreApplication.translate("Texts", "The platform gave no reason.")


# -- reasons ------------------------------------------------------------------------------------


def _when(value: Any, lang: str) -> str:
    if isinstance(value, datetime):
        return format_datetime(value, lang)
    return str(value) if value is not None else ""


def _day(value: Any, lang: str) -> str:
    if isinstance(value, datetime):
        return format_date(value, lang)
    return str(value) if value is not None else ""


def _sub(text: str, *values: str) -> str:
    for i, v in enumerate(values, start=1):
        text = text.replace(f"%{i}", v)
    return text


def current_lang() -> str:
    """The UI language, as i18n set QLocale's default ("zh_CN" or "en")."""
    from PySide6.QtCore import QLocale

    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def reason_text(reason: Reason | None, lang: str | None = None) -> str:
    """A full sentence for a reason code with its facts, in the UI language.

    ``lang`` (default: the current UI language) picks dates' format and the side of
    platform-sent bilingual text.

    Known params (all optional): ``method``, ``window_opens_at``, ``deadline_at``,
    ``launch_at``, ``reason_code`` + ``reason_text`` (a rejection), ``max_amount_fen``,
    ``device``, ``message`` (an unknown platform refusal), ``max_length``, ``opinion_closes_at``.
    """
    if reason is None:
        return ""
    lang = lang or current_lang()
    p: Mapping[str, Any] = reason.params or {}
    method = (
        method_name(p["method"])
        if p.get("method")
        else QCoreApplication.translate("Texts", "this payment method")
    )
    method_cap = method[:1].upper() + method[1:]
    code = reason.code
    builders: dict[str, Callable[[], str]] = {
        ReasonCode.STORE_FROZEN: lambda: QCoreApplication.translate(
            "Texts", "The store is frozen by the platform, so its payment methods cannot be changed."
        ),
        ReasonCode.STORE_CLOSED: lambda: QCoreApplication.translate(
            "Texts", "The store is closed, so nothing can be changed."
        ),
        ReasonCode.NOT_INVITED: lambda: QCoreApplication.translate(
            "Texts",
            "This store has not been invited to WeChat Pay yet. Invitations open in phases; "
            "you will be told when this store's phase opens.",
        ),
        ReasonCode.WINDOW_NOT_OPEN: lambda: (
            _sub(
                QCoreApplication.translate("Texts", "This store's application window opens on %1."),
                _when(p.get("window_opens_at"), lang),
            )
            if p.get("window_opens_at")
            else QCoreApplication.translate("Texts", "This store's application window has not opened yet.")
        ),
        ReasonCode.INVITATION_NOT_ACCEPTED: lambda: (
            _sub(
                QCoreApplication.translate(
                    "Texts",
                    "The store is invited but has not applied yet. Turn WeChat Pay on before %1 to apply.",
                ),
                _when(p.get("deadline_at"), lang),
            )
            if p.get("deadline_at")
            else QCoreApplication.translate(
                "Texts", "The store is invited but has not applied yet. Turn WeChat Pay on to apply."
            )
        ),
        ReasonCode.INVITATION_EXPIRED: lambda: QCoreApplication.translate(
            "Texts",
            "The invitation expired before an application was made. A later phase may invite "
            "this store again.",
        ),
        ReasonCode.INVITATION_WITHDRAWN: lambda: QCoreApplication.translate(
            "Texts", "The platform withdrew this store's invitation. Contact platform support to ask why."
        ),
        ReasonCode.REVIEW_PENDING: lambda: QCoreApplication.translate(
            "Texts", "The application is being reviewed by the platform. This usually takes a few days."
        ),
        ReasonCode.AWAITING_LAUNCH: lambda: (
            _sub(
                QCoreApplication.translate("Texts", "Approved. WeChat Pay goes live for shoppers on %1."),
                _day(p.get("launch_at"), lang),
            )
            if p.get("launch_at")
            else QCoreApplication.translate(
                "Texts", "Approved. WeChat Pay goes live for shoppers on the launch date."
            )
        ),
        ReasonCode.REJECTED: lambda: _sub(
            QCoreApplication.translate("Texts", "The application was rejected: %1"),
            rejection_reason(p.get("reason_code"), _localized(p.get("reason_text")), lang),
        ),
        ReasonCode.METHOD_FROZEN: lambda: _sub(
            QCoreApplication.translate(
                "Texts", "The platform froze %1 for this store. Contact platform support to lift it."
            ),
            method,
        ),
        ReasonCode.TURNED_OFF: lambda: _sub(
            QCoreApplication.translate("Texts", "%1 is turned off in your settings."), method_cap
        ),
        ReasonCode.LAST_LIVE_METHOD: lambda: QCoreApplication.translate(
            "Texts",
            "This is the store's last live payment method. Turn another one on first, or "
            "shoppers could not pay at all.",
        ),
        ReasonCode.PENDING_SYNC: lambda: QCoreApplication.translate(
            "Texts",
            "Your change is saved here and waits to be sent to the platform. It is sent "
            "automatically when the connection is back.",
        ),
        ReasonCode.NO_CHANGE: lambda: QCoreApplication.translate(
            "Texts", "Nothing to change: it already has this setting."
        ),
        ReasonCode.DEVICE_UNSUPPORTED: lambda: (
            _sub(
                QCoreApplication.translate("Texts", "%1 is not offered on %2."),
                method_cap,
                device_name(p["device"]),
            )
            if p.get("device")
            else _sub(QCoreApplication.translate("Texts", "%1 is not offered on this device."), method_cap)
        ),
        ReasonCode.AMOUNT_OVER_LIMIT: lambda: (
            _sub(
                QCoreApplication.translate("Texts", "The amount is above the %1 limit for %2."),
                format_fen(int(p["max_amount_fen"]), lang),
                method,
            )
            if p.get("max_amount_fen") is not None
            else _sub(QCoreApplication.translate("Texts", "The amount is above the limit for %1."), method)
        ),
        ReasonCode.AMOUNT_INVALID: lambda: QCoreApplication.translate(
            "Texts", "Enter an amount greater than zero."
        ),
        ReasonCode.NO_TERMS: lambda: _sub(
            QCoreApplication.translate(
                "Texts", "The platform has not published terms for %1 yet; sync to fetch them."
            ),
            method,
        ),
        ReasonCode.OPINION_NOT_OPEN: lambda: QCoreApplication.translate(
            "Texts", "The opinion period has not started yet."
        ),
        ReasonCode.OPINION_PERIOD_CLOSED: lambda: QCoreApplication.translate(
            "Texts", "The opinion period is over, so feedback can no longer be sent."
        ),
        ReasonCode.FEEDBACK_EMPTY: lambda: QCoreApplication.translate("Texts", "Write your feedback first."),
        ReasonCode.FEEDBACK_TOO_LONG: lambda: _sub(
            QCoreApplication.translate("Texts", "Feedback can be at most %1 characters."),
            str(p.get("max_length", 2000)),
        ),
        ReasonCode.UNKNOWN_STORE: lambda: QCoreApplication.translate(
            "Texts", "This store is not in your list any more."
        ),
        ReasonCode.UNKNOWN_ANNOUNCEMENT: lambda: QCoreApplication.translate(
            "Texts", "This announcement is not available any more."
        ),
        ReasonCode.PLATFORM_REFUSED: lambda: (
            _sub(
                QCoreApplication.translate("Texts", "The platform refused the change: %1"), str(p["message"])
            )
            if p.get("message")
            else QCoreApplication.translate("Texts", "The platform refused the change.")
        ),
    }
    build = builders.get(code)
    if build is None:
        return str(p.get("message") or code)
    return build()


def _localized(value: Any) -> LocalizedText | None:
    if isinstance(value, LocalizedText) or value is None:
        return value
    if isinstance(value, Mapping):
        return LocalizedText(zh=str(value.get("zh", "")), en=str(value.get("en", "")))
    return LocalizedText(zh=str(value), en=str(value))


def next_step_text(reason: Reason | None, lang: str | None = None) -> str:
    """The store's next step, phrased as advice (falls back to the reason sentence)."""
    if reason is None:
        return QCoreApplication.translate("Texts", "Nothing to do, everything is set up.")
    return reason_text(reason, lang)


def refusal_code_text(code: str | None, message: str | None, lang: str | None = None) -> str:
    """A platform refusal code from the outbox (wire spelling) as a sentence."""
    if not code:
        return message or ""
    try:
        rc = ReasonCode(code)
    except ValueError:
        return reason_text(Reason(ReasonCode.PLATFORM_REFUSED, {"message": message or code}), lang)
    return reason_text(Reason(rc, {"message": message} if message else {}), lang)


def sync_error_text(error: str | None, detail: str | None = None) -> str:
    """The sync engine's error word as plain words for the status bar.

    ``detail`` is the engine's English detail; it is only searched for the one auth code the
    merchant can fix on their own computer (a wrong clock), never shown.
    """
    if error is None:
        return ""
    if error == "auth" and detail and "AUTH_TIMESTAMP_SKEW" in detail:
        return QCoreApplication.translate(
            "Texts",
            "The platform says this computer's clock is wrong. Set the date and time correctly; "
            "changes are kept until then.",
        )
    return {
        "offline": QCoreApplication.translate(
            "Texts", "Cannot reach the platform. Changes are kept and sent when it is back."
        ),
        "auth": QCoreApplication.translate(
            "Texts", "The platform did not accept the app key or secret. Check them in Settings."
        ),
        "server": QCoreApplication.translate("Texts", "The platform had a problem. Trying again shortly."),
        "rate_limited": QCoreApplication.translate(
            "Texts", "The platform asked us to slow down. Trying again shortly."
        ),
        "bad_response": QCoreApplication.translate(
            "Texts", "The platform sent an answer we could not check. Trying again shortly."
        ),
        "other_account": QCoreApplication.translate(
            "Texts",
            "You switched platform accounts, but changes made for the previous one are still waiting "
            "or refused. Discard them under Waiting to sync to finish the switch.",
        ),
        "busy": QCoreApplication.translate(
            "Texts",
            "Another sync of this data is running (perhaps from the command line). Trying again shortly.",
        ),
    }.get(error, error)


def fee_text(fee_bps: int, lang: str | None = None) -> str:
    return _sub(QCoreApplication.translate("Texts", "Fee %1"), format_bps(fee_bps, lang or current_lang()))
