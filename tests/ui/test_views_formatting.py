"""The views' helpers: money and rates shown back (typed amounts: tests/core/test_money.py), the QR image."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.money import MAX_AMOUNT_FEN, parse_fen
from console.ui.money import format_bps, format_fen, format_fen_input
from console.ui.qr import QUIET_ZONE, qr_image, qr_matrix, sample_matrix
from console.words import split_duration


@given(st.integers(min_value=0, max_value=MAX_AMOUNT_FEN))
def test_every_amount_round_trips_exactly(fen: int) -> None:
    # what a field is filled with, and what the window shows, read back through the one parser
    assert parse_fen(format_fen_input(fen)) == fen
    assert parse_fen(format_fen(fen, "zh_CN")) == fen


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
