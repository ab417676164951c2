"""What a method change does on the platform, and every rule refusal with details.method."""

from __future__ import annotations

from typing import Any

import httpx

from .conftest import Api, Stub


def _refused(response: httpx.Response, code: str) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    return error["details"]


def _assert_current(api: Api, details: dict[str, Any], store_id: str, method: str) -> None:
    """details.method is the platform's current state of that method (the client puts it back)."""
    assert details["method"] == api.method(store_id, method)


def test_apply_for_wechat_pay_goes_to_review(api: Api) -> None:
    store_id = api.pattern_store(0)
    response = api.put_method(store_id, "wechat_pay", True)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["method"]["eligibility"] == "in_review" and body["method"]["enabled"] is True
    assert body["invitation"]["history"][-1] == {
        "at": body["invitation"]["history"][-1]["at"],
        "from": "invited",
        "to": "in_review",
        "note": "merchant applied",
    }
    state = api.stub.state(api.merchant_id)
    assert state["entities"]["method"][f"{store_id}:wechat_pay"] == body["method"]
    assert body["version"] <= state["version"]


def test_withdraw_application_goes_back_to_invited(api: Api) -> None:
    store_id = api.pattern_store(1)
    api.put_method(store_id, "wechat_pay", True)
    response = api.put_method(store_id, "wechat_pay", False)
    assert response.status_code == 200
    assert response.json()["method"]["eligibility"] == "invited"
    assert response.json()["method"]["enabled"] is False
    assert [h["to"] for h in response.json()["invitation"]["history"]][-2:] == ["in_review", "invited"]


def test_review_pending(api: Api) -> None:
    store_id = api.pattern_store(5)
    details = _refused(api.put_method(store_id, "wechat_pay", True), "REVIEW_PENDING")
    _assert_current(api, details, store_id, "wechat_pay")
    assert details["method"]["eligibility"] == "in_review"


def test_rejected_can_reapply_while_window_open(api: Api) -> None:
    store_id = api.pattern_store(4)
    before = api.method(store_id)
    assert before["eligibility"] == "rejected" and before["reason_code"] == "LICENSE_MISMATCH"
    response = api.put_method(store_id, "wechat_pay", True)
    assert response.status_code == 200
    method = response.json()["method"]
    assert method["eligibility"] == "in_review" and method["reason_code"] is None
    assert response.json()["invitation"]["history"][-1]["note"] == "merchant re-applied"


def test_live_wechat_flips_and_alipay_can_go_off(api: Api) -> None:
    store_id = api.pattern_store(2)  # wechat live + on
    off = api.put_method(store_id, "alipay", False)
    assert off.status_code == 200 and off.json()["method"]["enabled"] is False
    assert off.json()["invitation"] is None
    details = _refused(api.put_method(store_id, "wechat_pay", False), "LAST_LIVE_METHOD")
    _assert_current(api, details, store_id, "wechat_pay")
    assert api.put_method(store_id, "alipay", True).status_code == 200
    flip = api.put_method(store_id, "wechat_pay", False)
    assert flip.status_code == 200 and flip.json()["method"]["eligibility"] == "live"
    assert flip.json()["method"]["enabled"] is False


def test_last_live_method_alipay(api: Api) -> None:
    store_id = api.pattern_store(0)  # wechat only invited
    details = _refused(api.put_method(store_id, "alipay", False), "LAST_LIVE_METHOD")
    _assert_current(api, details, store_id, "alipay")
    assert details["method"]["enabled"] is True


def test_approved_flips_without_last_live_check(api: Api) -> None:
    store_id = api.pattern_store(7)
    assert api.method(store_id)["eligibility"] == "approved"
    response = api.put_method(store_id, "wechat_pay", False)
    assert response.status_code == 200
    assert response.json()["method"] | {"enabled": True, "updated_at": ""} == api.method(store_id) | {
        "enabled": True,
        "updated_at": "",
    }
    assert response.json()["method"]["launch_at"] is not None


def test_setting_the_same_value_changes_nothing(api: Api) -> None:
    store_id = api.pattern_store(0)
    before = api.stub.state(api.merchant_id)["version"]
    response = api.put_method(store_id, "alipay", True)
    assert response.status_code == 200
    off = api.put_method(store_id, "wechat_pay", False)  # invited and already off
    assert off.status_code == 200 and off.json()["method"]["eligibility"] == "invited"
    assert api.stub.state(api.merchant_id)["version"] == before


def test_not_invited(api: Api) -> None:
    store_id = api.pattern_store(9)
    details = _refused(api.put_method(store_id, "wechat_pay", True), "NOT_INVITED")
    _assert_current(api, details, store_id, "wechat_pay")


def test_window_not_open(api: Api) -> None:
    store_id = api.pattern_store(6)
    details = _refused(api.put_method(store_id, "wechat_pay", True), "WINDOW_NOT_OPEN")
    _assert_current(api, details, store_id, "wechat_pay")
    invitation = api.get(f"/v1/stores/{store_id}").json()["invitation"]
    assert details["window_opens_at"] == invitation["window_opens_at"]


def test_method_frozen(api: Api) -> None:
    store_id = api.pattern_store(8)
    details = _refused(api.put_method(store_id, "wechat_pay", True), "METHOD_FROZEN")
    _assert_current(api, details, store_id, "wechat_pay")
    assert details["method"]["reason_code"] == "RISK_REVIEW"


def test_store_frozen_and_closed(stub: Stub, api: Api) -> None:
    store_id = api.pattern_store(2)
    stub.admin("POST", f"/admin/stores/{store_id}/status", {"status": "frozen"})
    details = _refused(api.put_method(store_id, "alipay", False), "STORE_FROZEN")
    _assert_current(api, details, store_id, "alipay")
    stub.admin("POST", f"/admin/stores/{store_id}/status", {"status": "closed"})
    _refused(api.put_method(store_id, "wechat_pay", False), "STORE_CLOSED")
    reopened = stub.admin("POST", f"/admin/stores/{store_id}/status", {"status": "open"})
    assert reopened["store"]["status"] == "open"
    assert api.put_method(store_id, "wechat_pay", False).status_code == 200
    stub.admin("POST", f"/admin/stores/{store_id}/status", {"status": "paused"}, expect=422)
    stub.admin("POST", "/admin/stores/tb-999999/status", {"status": "open"}, expect=404)


def test_invitation_expired_and_withdrawn(stub: Stub, api: Api) -> None:
    expired_store, withdrawn_store = api.pattern_store(0), api.pattern_store(1)
    expired = stub.admin("POST", f"/admin/invitations/{expired_store}/expire")
    assert expired["method"]["eligibility"] == "expired"
    assert expired["invitation"]["history"][-1]["to"] == "expired"
    details = _refused(api.put_method(expired_store, "wechat_pay", True), "INVITATION_EXPIRED")
    _assert_current(api, details, expired_store, "wechat_pay")
    withdrawn = stub.admin("POST", f"/admin/invitations/{withdrawn_store}/withdraw")
    assert withdrawn["method"]["reason_code"] == "PLATFORM_WITHDRAWN"
    assert withdrawn["method"]["reason_text"]["en"]
    details = _refused(api.put_method(withdrawn_store, "wechat_pay", True), "INVITATION_WITHDRAWN")
    _assert_current(api, details, withdrawn_store, "wechat_pay")
    stub.admin("POST", f"/admin/invitations/{api.pattern_store(9)}/withdraw", expect=404)
    custom = stub.admin(
        "POST", f"/admin/invitations/{api.pattern_store(4)}/withdraw", {"reason_code": "RISK_REVIEW"}
    )
    assert custom["method"]["reason_code"] == "RISK_REVIEW"


def test_opinion_period_closed(api: Api) -> None:
    for announcement in ("a-qr-interop", "a-tmall-fees"):  # closed, and not yet open
        response = api.call("POST", f"/v1/announcements/{announcement}/feedback", {"text": "意见"})
        details = _refused(response, "OPINION_PERIOD_CLOSED")
        assert set(details) == {"opinion_opens_at", "opinion_closes_at"}


def test_history_records_every_transition(stub: Stub, api: Api) -> None:
    store_id = api.pattern_store(0)
    api.put_method(store_id, "wechat_pay", True)
    stub.admin(
        "POST",
        "/admin/reviews/finish",
        {"store_id": store_id, "outcome": "reject", "reason_code": "INCOMPLETE_PROFILE"},
    )
    api.put_method(store_id, "wechat_pay", True)
    stub.admin("POST", "/admin/reviews/finish", {"store_id": store_id, "outcome": "approve"})
    history = api.get(f"/v1/stores/{store_id}").json()["invitation"]["history"]
    assert [(h["from"], h["to"]) for h in history] == [
        ("not_invited", "invited"),
        ("invited", "in_review"),
        ("in_review", "rejected"),
        ("rejected", "in_review"),
        ("in_review", "approved"),
    ]
    assert all(h["note"] and h["at"].endswith("Z") for h in history)
    method = api.method(store_id)
    assert method["eligibility"] == "approved" and method["enabled"] is True
    assert method["launch_at"] == api.get(f"/v1/stores/{store_id}").json()["invitation"]["launch_at"]
