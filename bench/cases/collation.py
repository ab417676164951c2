"""Merchant sort keys for 10,000 store names, beside a plain code-point sort of the same names.

The app: ``console.ui.collation.Collation.ranks`` (ICU QCollator, zh locale, numeric mode): one
key per name, one sort, ints back for a proxy model. The baseline: ``sorted(names,
key=str.casefold)``, the order a naive list gives. Names mix Chinese, English and numbers like a
real merchant's ("杭州西湖旗舰店 12"). Figure: milliseconds per 10,000 names (done once per load,
off the GUI thread); the int sort the proxy then does is reported in the note.
"""

from __future__ import annotations

import random
import time

from bench.common import Context, Row, interleave, measured, median, ratio_row

NAMES = 10_000
_PARTS = ("杭州", "北京", "重庆", "长沙", "西湖", "旗舰店", "专营店", "Apple", "zebra", "店铺", "数码")


def run(ctx: Context) -> list[Row]:
    from PySide6.QtCore import QCoreApplication

    from console.ui.collation import Collation

    _app = QCoreApplication.instance() or QCoreApplication([])
    rng = random.Random(16)
    names = [f"{rng.choice(_PARTS)}{rng.choice(_PARTS)} {rng.randint(1, 5000)}" for _ in range(NAMES)]
    coll = Collation("zh_CN")
    n = ctx.warmups + ctx.runs
    ctx.log(f"collation: ranks of {NAMES} names vs a code-point sort, {n} runs each (pinyin={coll.pinyin})")
    int_sorts: list[float] = []

    def app() -> float:
        t0 = time.perf_counter()
        ranks = coll.ranks(names)
        dt = (time.perf_counter() - t0) * 1000
        t1 = time.perf_counter()
        sorted(range(NAMES), key=ranks.__getitem__)
        int_sorts.append((time.perf_counter() - t1) * 1000)
        return dt

    def base() -> float:
        t0 = time.perf_counter()
        sorted(names, key=str.casefold)
        return (time.perf_counter() - t0) * 1000

    apps, bases = interleave(n, app, base)
    return [
        ratio_row(
            f"merchant sort keys, {NAMES:,} names (pinyin, numbers by value)",
            "ms",
            measured(ctx, apps),
            measured(ctx, bases),
            25.0,
            note=f"then {median(measured(ctx, int_sorts)):.1f} ms per int sort; baseline: code-point sort",
        )
    ]
