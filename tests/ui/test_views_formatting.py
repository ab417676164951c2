"""The views' helpers: amounts typed by merchants, money and rates shown back, the QR image."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.ui.money import (
    MAX_AMOUNT_FEN,
    AmountError,
    format_bps,
    format_fen,
    format_fen_input,
    parse_amount,
    split_duration,
)
from console.ui.qr import QUIET_ZONE, qr_image, qr_matrix, sample_matrix


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12.50", 12_50),
        ("12.5", 12_50),
        ("12", 12_00),
        ("¥1,234.5", 1_234_50),
        ("￥１，２３４．５", 1_234_50),  # full-width, as a Chinese input method types it
        ("１２。５", 12_50),  # the ideographic full stop read as a decimal point
        ("88元", 88_00),
        ("¥ 12 元", 12_00),
        ("RMB 3.20", 3_20),
        (" 0.01 ", 1),
        (".5", 50),
        ("12.500", 12_50),  # trailing zeros are not extra precision
        ("0", 0),
    ],
)
def test_amounts_merchants_type(text: str, fen: int) -> None:
    assert parse_amount(text) == parse_amount(text)  # no hidden state
    assert parse_amount(text).fen == fen


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", AmountError.EMPTY),
        ("   ", AmountError.EMPTY),
        ("abc", AmountError.NOT_A_NUMBER),
        ("12.3.4", AmountError.NOT_A_NUMBER),
        ("1e5", AmountError.NOT_A_NUMBER),
        ("¥", AmountError.NOT_A_NUMBER),
        ("-5", AmountError.NEGATIVE),
        ("¥-5", AmountError.NEGATIVE),
        ("1.234", AmountError.TOO_MANY_DECIMALS),
        ("1,23", AmountError.BAD_GROUPING),
        ("12,34.5", AmountError.BAD_GROUPING),
        ("1000000001", AmountError.TOO_LARGE),
    ],
)
def test_what_is_not_an_amount_says_why(text: str, error: AmountError) -> None:
    parsed = parse_amount(text)
    assert parsed.fen is None and parsed.error == error and not parsed.ok


def test_zero_is_refused_only_where_it_makes_no_sense() -> None:
    assert parse_amount("0", allow_zero=False).error == AmountError.ZERO
    assert parse_amount("0").fen == 0  # a month without sales is a fine volume


@given(st.integers(min_value=0, max_value=MAX_AMOUNT_FEN))
def test_every_amount_round_trips_exactly(fen: int) -> None:
    assert parse_amount(format_fen_input(fen)).fen == fen
    assert parse_amount(format_fen(fen, "zh_CN")).fen == fen  # what we show can be pasted back


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_money_and_rates_as_shown(qapp, lang: str) -> None:
    assert format_fen(1_234_56, lang) == "¥1,234.56"
    assert format_fen(5, lang) == "¥0.05"
    assert format_fen(-1_00, lang) == "-¥1.00"
    assert format_fen(1_00, lang, symbol=False) == "1.00"
    assert format_bps(60, lang) == "0.6%"
    assert format_bps(55, lang) == "0.55%"
    assert format_bps(100, lang) == "1%"


def test_countdown_parts_round_down() -> None:
    assert split_duration(timedelta(days=3, hours=4, minutes=59, seconds=59)) == (3, 4, 59)
    assert split_duration(timedelta(seconds=-5)) == (0, 0, 0)


@pytest.mark.parametrize("payload", ["mcpay://receive/tb-000001", "mcpay://receive/tm-123456789012"])
def test_qr_image_carries_the_payload(qapp, payload: str) -> None:
    matrix = qr_matrix(payload)
    image = qr_image(payload, module_px=3)
    assert image.width() == image.height() == (len(matrix) + 2 * QUIET_ZONE) * 3
    assert sample_matrix(image, 3) == matrix
    assert qr_matrix(payload) != qr_matrix(payload + "x")  # the picture depends on the payload
    corner = image.pixelColor(1, 1)
    assert corner.lightness() > 200  # the quiet zone is light whatever the theme


def test_qr_refuses_an_empty_payload() -> None:
    with pytest.raises(ValueError, match="empty"):
        qr_matrix("")
