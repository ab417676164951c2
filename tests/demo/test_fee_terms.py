"""An announced fee change takes effect on the platform at its date (issue #10): before it the
published method terms keep the old fee; once the business clock reaches it every merchant's
terms carry the new one (a merchant added later too), and nothing else changes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from console.core.timeutil import format_ts
from tests.sync.stubproc import StubProcess


def _terms(stub: StubProcess, merchant_id: str) -> dict[str, Any]:
    return dict(stub.state(merchant_id)["entities"]["method_terms"])


def _announce(stub: StubProcess, fee_bps: Any, *, effective_days: int = 10) -> httpx.Response:
    now = stub.clock()
    return httpx.post(
        stub.url + "/admin/announcements",
        json={
            "title": {"zh": "费率调整 0.4%", "en": "Fee change to 0.4%"},
            "body": {"zh": "微信支付费率调整。", "en": "The WeChat Pay fee changes."},
            "published_at": format_ts(now.replace(microsecond=0)),
            "opinion_opens_at": format_ts(now.replace(microsecond=0)),
            "opinion_closes_at": format_ts((now + timedelta(days=5)).replace(microsecond=0)),
            "effective_at": format_ts((now + timedelta(days=effective_days)).replace(microsecond=0)),
            "affects": {"platforms": ["taobao"], "methods": ["wechat_pay"]},
            "fee_bps": fee_bps,
        },
        timeout=30,
        trust_env=False,
    )


def test_the_terms_change_on_the_effective_date(demo_stub: StubProcess) -> None:
    demo = demo_stub.demo
    assert demo is not None
    before = _terms(demo_stub, demo.merchant_id)
    assert before["taobao:wechat_pay"]["fee_bps"] == 60

    made = _announce(demo_stub, 40)
    assert made.status_code == 201, made.text
    demo_stub.advance(9 * 86400)
    assert _terms(demo_stub, demo.merchant_id) == before  # announced, not in effect yet

    demo_stub.advance(2 * 86400)
    after = _terms(demo_stub, demo.merchant_id)
    assert after["taobao:wechat_pay"] == {**before["taobao:wechat_pay"], "fee_bps": 40}
    assert {k: v for k, v in after.items() if k != "taobao:wechat_pay"} == {
        k: v for k, v in before.items() if k != "taobao:wechat_pay"
    }  # only the announced platform and method
    later = demo_stub.new_merchant(stores=1)
    demo_stub.admin("GET", "/admin/clock")  # any request applies what is due
    assert _terms(demo_stub, later.merchant_id)["taobao:wechat_pay"]["fee_bps"] == 40


def test_a_fee_out_of_range_is_refused_and_nothing_is_published(demo_stub: StubProcess) -> None:
    demo = demo_stub.demo
    assert demo is not None
    count = len(demo_stub.state(demo.merchant_id)["entities"].get("announcement", {}))
    for bad in (0, -5, 5000, "40"):
        answer = _announce(demo_stub, bad)
        assert answer.status_code == 422, (bad, answer.text)
    assert len(demo_stub.state(demo.merchant_id)["entities"].get("announcement", {})) == count
