"""Synthetic StoreRows for model tests and benchmarks (no database needed)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from console.core.model import Eligibility, Platform
from console.service import StoreRow

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
_WORDS = ["春风", "Sunrise", "小满", "Blue Fox", "茶香", "Maple", "Golden", "数码", "Panda", "Home"]


def make_rows(n: int, seed: int = 7) -> list[StoreRow]:
    rnd = random.Random(seed)
    elig = list(Eligibility)
    rows = []
    for i in range(n):
        platform = Platform.TAOBAO if i % 3 else Platform.TMALL
        e = rnd.choice(elig)
        invited = e not in (Eligibility.NOT_INVITED,)
        rows.append(
            StoreRow(
                id=f"{'tb' if platform == Platform.TAOBAO else 'tm'}-{i:06d}",
                platform=platform,
                name=f"{rnd.choice(_WORDS)} {rnd.choice(_WORDS)} {i}",
                wechat_eligibility=e,
                wechat_setting=e in (Eligibility.IN_REVIEW, Eligibility.APPROVED, Eligibility.LIVE),
                alipay_setting=rnd.random() > 0.1,
                pending=rnd.random() < 0.05,
                phase=rnd.randint(1, 4) if invited else None,
                deadline_at=NOW + timedelta(hours=rnd.randint(-200, 2000)) if invited else None,
                # the platform's confirmed value: mostly the setting, sometimes a wish waits
                wechat_enabled=e is Eligibility.LIVE and rnd.random() > 0.2,
                alipay_eligibility=Eligibility.LIVE if rnd.random() > 0.05 else Eligibility.FROZEN,
                alipay_enabled=rnd.random() > 0.15,
                status="frozen" if rnd.random() < 0.03 else "open",
            )
        )
    return rows
