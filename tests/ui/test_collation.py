"""Merchant sort order: Chinese by pinyin, numbers by value, English mixed in, ties shared."""

from __future__ import annotations

import pytest

from console.ui.collation import Collation, collation


@pytest.fixture(scope="module")
def coll() -> Collation:
    c = Collation("zh_CN")
    if not c.pinyin:
        pytest.skip("this Qt build has no ICU: pinyin order is unavailable")
    return c


def test_this_qt_wheel_orders_by_pinyin_and_value() -> None:
    # the shipped PySide6 wheel carries ICU; if that ever changes the fallback takes over
    assert Collation().pinyin


def test_chinese_names_by_pinyin(coll: Collation) -> None:
    names = ["中山路店", "北京旗舰店", "阿里小铺", "杭州西湖店", "上海南京路店", "广州天河店", "深圳湾店"]
    assert coll.sorted(names) == [
        "阿里小铺",  # a
        "北京旗舰店",  # bei
        "广州天河店",  # guang
        "杭州西湖店",  # hang
        "上海南京路店",  # shang
        "深圳湾店",  # shen
        "中山路店",  # zhong
    ]


def test_whole_word_readings_follow_the_dictionary(coll: Collation) -> None:
    # CLDR reads 重庆 as "chongqing": between 北 "bei" and 杭 "hang", not with 中 "zhong"
    assert coll.sorted(["杭州店", "中山路店", "重庆火锅", "北京店"]) == [
        "北京店",
        "重庆火锅",
        "杭州店",
        "中山路店",
    ]


def test_numbers_by_value(coll: Collation) -> None:
    names = ["店铺 100", "店铺 10", "店铺 2", "店铺 1000", "店铺 1", "店铺 20"]
    assert coll.sorted(names) == ["店铺 1", "店铺 2", "店铺 10", "店铺 20", "店铺 100", "店铺 1000"]
    assert coll.sorted(["Shop 10", "shop 9", "SHOP 100"]) == ["shop 9", "Shop 10", "SHOP 100"]


def test_english_and_chinese_mixed_case_insensitive(coll: Collation) -> None:
    names = ["zebra store", "Apple Store", "北京店", "apple store 2", "阿里店"]
    ordered = coll.sorted(names)
    assert ordered.index("Apple Store") < ordered.index("apple store 2") < ordered.index("zebra store")
    assert ordered.index("阿里店") < ordered.index("北京店")
    assert coll.compare("apple", "APPLE") == 0
    assert coll.sorted(names, reverse=True) == list(reversed(ordered))


def test_ranks_are_ints_in_collation_order_with_shared_ties(coll: Collation) -> None:
    names = ["店铺 10", "阿里", "店铺 2", "Apple", "apple", "中"]
    ranks = coll.ranks(names)
    assert all(isinstance(r, int) for r in ranks)
    by_rank = [name for _, name in sorted(zip(ranks, names, strict=True))]
    assert by_rank.index("阿里") < by_rank.index("店铺 2") < by_rank.index("店铺 10") < by_rank.index("中")
    assert ranks[3] == ranks[4]  # "Apple" and "apple" tie: the proxy keeps their current order
    assert sorted(set(ranks)) == list(range(len(set(ranks))))  # dense
    assert coll.ranks([]) == []


def test_ranks_match_one_by_one_comparisons_on_10000_names(coll: Collation) -> None:
    import functools
    import random

    rng = random.Random(7)
    parts = ["杭州", "北京", "重庆", "长沙", "银行", "Zed", "apple", "店铺", "旗舰", "12"]
    names = [f"{rng.choice(parts)}{rng.choice(parts)} {rng.randint(1, 5000)}" for _ in range(10_000)]
    ranks = coll.ranks(names)
    order = sorted(range(len(names)), key=ranks.__getitem__)
    reference = sorted(names, key=functools.cmp_to_key(coll.compare))
    assert [names[i] for i in order] == reference


def test_fallback_without_icu_still_orders_numbers_by_value() -> None:
    plain = Collation("zh_CN", use_icu=False)
    assert not plain.pinyin
    assert plain.sorted(["店铺 10", "店铺 2", "Shop 1", "shop 03", "店铺 １"]) == [
        "Shop 1",
        "shop 03",
        "店铺 １",  # full-width digits are read by value too
        "店铺 2",
        "店铺 10",
    ]
    assert plain.compare("A", "a") == 0
    assert plain.ranks(["b", "a", "B"]) == [1, 0, 1]


def test_one_collation_per_language_is_shared() -> None:
    assert collation("zh_CN") is collation("zh_CN")
    assert collation("en").sorted(["店铺 10", "店铺 2"]) == ["店铺 2", "店铺 10"]
