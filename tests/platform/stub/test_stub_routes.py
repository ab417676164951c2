"""Each /v1 route's happy path, request-shape errors, and the OpenAPI document itself."""

from __future__ import annotations

import json

import httpx
import pytest

from .conftest import Api, Stub


def _code(response: httpx.Response) -> str:
    return response.json()["error"]["code"]


def test_openapi_document(stub: Stub) -> None:
    doc = stub.openapi
    assert doc["info"]["title"] == "Merchant Platform (stub)"
    assert doc["info"]["version"] == "1"
    expected = {
        ("get", "/v1/health"),
        ("get", "/v1/merchant"),
        ("get", "/v1/stores/{store_id}"),
        ("get", "/v1/changes"),
        ("put", "/v1/stores/{store_id}/methods/{method}"),
        ("post", "/v1/announcements/{announcement_id}/feedback"),
        ("get", "/admin/clock"),
        ("put", "/admin/clock"),
        ("post", "/admin/clock/advance"),
        ("get", "/admin/events"),  # the demo controls (tests/demo/)
        ("post", "/admin/clock/next"),
        ("post", "/admin/merchants"),
        ("post", "/admin/phases/{n}/open"),
        ("post", "/admin/reviews/finish"),
        ("post", "/admin/invitations/{store_id}/withdraw"),
        ("post", "/admin/invitations/{store_id}/expire"),
        ("post", "/admin/stores/{store_id}/status"),
        ("post", "/admin/announcements"),
        ("put", "/admin/faults"),
        ("delete", "/admin/faults"),
        ("get", "/admin/state/{merchant_id}"),
        # the sales feeds (tests/platform/stub/test_stub_sales.py)
        ("get", "/v1/payments"),
        ("get", "/v1/settlements"),
        ("post", "/admin/sales/discrepancies"),
        ("get", "/admin/sales/discrepancies"),
        ("delete", "/admin/sales/discrepancies"),
        ("post", "/admin/sales/fee-changes"),
        ("get", "/admin/sales/fee-changes"),
    }
    actual = {(method, path) for path, ops in doc["paths"].items() for method in ops}
    assert actual == expected
    put = doc["paths"]["/v1/stores/{store_id}/methods/{method}"]["put"]
    assert {"400", "401", "404", "409", "413", "422", "429", "500", "503"} <= set(put["responses"])
    docs = stub.http.get("/docs")
    assert docs.status_code == 200
    # The interactive docs work offline: Swagger UI is served by the stub itself, not a CDN.
    assert "cdn" not in docs.text.lower()
    script = stub.http.get("/docs-static/swagger-ui-bundle.js")
    assert script.status_code == 200 and len(script.content) > 100_000


def test_merchant(api: Api) -> None:
    assert api.get("/v1/merchant").json()["merchant"]["id"] == api.merchant_id


def test_store_view(api: Api) -> None:
    store_id = api.pattern_store(0)
    body = api.get(f"/v1/stores/{store_id}").json()
    assert body["store"]["id"] == store_id
    assert body["store"]["receive_code"] == f"mcpay://receive/{store_id}"
    methods = {m["method"]: m for m in body["methods"]}
    assert methods["alipay"]["eligibility"] == "live" and methods["alipay"]["enabled"] is True
    assert methods["wechat_pay"]["eligibility"] == "invited"
    assert body["invitation"]["phase"] == 2
    assert body["invitation"]["history"][0]["to"] == "invited"
    no_phase = api.get(f"/v1/stores/{api.pattern_store(9)}").json()
    assert no_phase["invitation"] is None


@pytest.mark.parametrize("path", ["/v1/stores/tb-999999", "/v1/nowhere", "/v1/stores/x/y/z"])
def test_not_found(api: Api, path: str) -> None:
    response = api.get(path)
    assert (response.status_code, _code(response)) == (404, "NOT_FOUND")


def test_unknown_method_name(api: Api) -> None:
    response = api.put_method(api.pattern_store(0), "cash", True)
    assert (response.status_code, _code(response)) == (404, "NOT_FOUND")


def test_method_not_allowed_has_error_shape(api: Api) -> None:
    response = api.call("DELETE", "/v1/merchant")
    assert response.status_code == 405
    assert _code(response) == "METHOD_NOT_ALLOWED"


@pytest.mark.parametrize(
    "query",
    [
        "since=-1",
        "since=abc",
        "limit=0",
        "limit=1001",
        "limit=x",
        "since=1.5",
        "since=99999999999999999999999",
    ],
)
def test_bad_query_is_400(api: Api, query: str) -> None:
    response = api.get(f"/v1/changes?{query}")
    assert (response.status_code, _code(response)) == (400, "BAD_REQUEST")


def test_malformed_json_is_400(api: Api) -> None:
    for raw in (b"{", b"not json", b"\xff\xfe", b"[" * 5000 + b"]" * 5000):
        response = api.call("PUT", f"/v1/stores/{api.pattern_store(0)}/methods/wechat_pay", content=raw)
        assert (response.status_code, _code(response)) == (400, "BAD_REQUEST"), raw[:10]


def test_empty_body_is_400(api: Api) -> None:
    response = api.call("PUT", f"/v1/stores/{api.pattern_store(0)}/methods/wechat_pay")
    assert (response.status_code, _code(response)) == (400, "BAD_REQUEST")


@pytest.mark.parametrize(
    "body", [{}, {"enabled": "yes"}, {"enabled": 1}, [], 42, "x", {"enabled": None}, {"on": True}]
)
def test_wrong_shape_is_422(api: Api, body: object) -> None:
    response = api.call("PUT", f"/v1/stores/{api.pattern_store(0)}/methods/wechat_pay", body)
    assert (response.status_code, _code(response)) == (422, "VALIDATION_ERROR")
    assert api.method(api.pattern_store(0))["eligibility"] == "invited"  # nothing applied


@pytest.mark.parametrize("text", ["", "x" * 2001])
def test_feedback_text_bounds(api: Api, text: str) -> None:
    response = api.call("POST", "/v1/announcements/a-wechat-rules/feedback", {"text": text})
    assert (response.status_code, _code(response)) == (422, "VALIDATION_ERROR")


def test_feedback(api: Api) -> None:
    response = api.call(
        "POST", "/v1/announcements/a-wechat-rules/feedback", {"text": "请延长截止日期 Please extend"}
    )
    assert response.status_code == 201, response.text
    feedback = response.json()["feedback"]
    assert feedback["announcement_id"] == "a-wechat-rules"
    assert feedback["text"] == "请延长截止日期 Please extend"
    state = api.stub.state(api.merchant_id)
    assert state["entities"]["feedback"][feedback["id"]] == feedback
    missing = api.call("POST", "/v1/announcements/a-none/feedback", {"text": "hi"})
    assert (missing.status_code, _code(missing)) == (404, "NOT_FOUND")


def test_body_too_large_by_content_length(api: Api) -> None:
    big = json.dumps({"text": "x" * (64 * 1024)}).encode()
    response = api.call("POST", "/v1/announcements/a-wechat-rules/feedback", content=big)
    assert (response.status_code, _code(response)) == (413, "BODY_TOO_LARGE")


def test_body_too_large_chunked(api: Api) -> None:
    """No Content-Length (chunked): the server counts the bytes it actually receives."""

    def chunks():
        for _ in range(80):
            yield b"x" * 1024

    response = httpx.put(
        api.stub.url + f"/v1/stores/{api.pattern_store(0)}/methods/wechat_pay",
        content=chunks(),
        headers={"X-App-Key": api.key},
    )
    assert "content-length" not in response.request.headers
    assert (response.status_code, _code(response)) == (413, "BODY_TOO_LARGE")


def test_body_just_under_the_limit_is_read(api: Api) -> None:
    text = "y" * 2000
    raw = json.dumps({"text": text, "padding": "p" * (64 * 1024 - 2100)}).encode()
    assert len(raw) <= 64 * 1024
    response = api.call("POST", "/v1/announcements/a-wechat-rules/feedback", content=raw)
    assert response.status_code == 201, response.text


def test_changes_defaults(api: Api) -> None:
    page = api.get("/v1/changes").json()
    assert len(page["changes"]) <= 500
    assert page["changes"][0]["version"] == 1
    versions = [c["version"] for c in page["changes"]]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    empty = api.get(f"/v1/changes?since={page['next_since'] + 10_000}").json()
    assert empty == {
        "changes": [],
        "next_since": page["next_since"] + 10_000,
        "has_more": False,
        "server_time": empty["server_time"],
    }


def test_demo_seed(fresh_stub: Stub) -> None:
    # a server of its own: on the session's server the seeded review (120 s of platform time)
    # may already have finished when a long or loaded run reaches this test
    stub = fresh_stub
    demo = stub.demo()
    state = stub.state(demo.merchant_id)["entities"]
    assert state["merchant"]["m-demo"]["name"] == "鲜果时光 Fresh Fruit Co."
    assert len(state["store"]) == 12
    assert {s["platform"] for s in state["store"].values()} == {"taobao", "tmall"}
    statuses = {s["status"] for s in state["store"].values()}
    assert "frozen" in statuses
    wechat = [m for m in state["method"].values() if m["method"] == "wechat_pay"]
    eligibilities = {m["eligibility"] for m in wechat}
    assert {
        "live",
        "rejected",
        "in_review",
        "approved",
        "invited",
        "not_invited",
        "expired",
        "frozen",
    } <= eligibilities
    rejected = next(m for m in wechat if m["eligibility"] == "rejected")
    assert rejected["reason_code"] == "LICENSE_MISMATCH" and rejected["reason_text"]["zh"]
    assert any(m["enabled"] for m in wechat if m["eligibility"] == "live")
    assert len(state["announcement"]) == 3
    terms = state["method_terms"]
    assert terms["taobao:alipay"]["fee_bps"] == 60 and terms["tmall:alipay"]["fee_bps"] == 55
    assert terms["tmall:wechat_pay"]["fee_bps"] == 60
    assert terms["taobao:wechat_pay"]["devices"] == ["mobile_app", "pc_web", "wechat_mini_program"]
    assert terms["tmall:alipay"]["devices"] == ["mobile_app", "pc_web", "alipay_mini_program"]
    expired = next(m for m in wechat if m["eligibility"] == "expired")
    history = state["invitation"][expired["store_id"]]["history"]
    assert history[-1]["from"] == "invited" and history[-1]["to"] == "expired"
    phase_3 = [i for i in state["invitation"].values() if i["phase"] == 3]
    assert phase_3 and all(i["history"] == [] for i in phase_3)
