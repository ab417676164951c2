"""console.core.money: what merchants type, read as fen or refused with a reason.

The one amount parser (the CLI's --amount and the window's fields): every form of the grammar
written in the module docstring is a row below.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.money import (
    MAX_AMOUNT_FEN,
    AmountParseError,
    AmountProblem,
    fee_fen,
    format_bps,
    format_fen,
    parse_fen,
)

P = AmountProblem


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12.50", 1250),
        ("12.5", 1250),
        ("12", 1200),
        ("12.", 1200),
        (".5", 50),
        ("0.01", 1),
        ("0", 0),
        ("¥1,234.5", 123450),
        ("￥1,234.50", 123450),  # full-width yen sign
        ("１２", 1200),  # full-width digits
        ("１２．５", 1250),  # full-width full stop
        ("12。5", 1250),  # ideographic full stop from an IME
        ("  12.50  ", 1250),
        ("1 234.50", 123450),  # spaces inside are dropped
        ("88元", 8800),
        ("¥ 12 元", 1200),
        ("RMB 100", 10000),
        ("100 CNY", 10000),
        ("cny5", 500),
        ("+5", 500),
        ("1,234,567.89", 123456789),
        ("1.500", 150),  # trailing zeros beyond fen are exact
        ("-0", 0),
        ("100,000,000", MAX_AMOUNT_FEN),
        ("１２３", 12300),  # full-width digits, as a Chinese IME types them
        ("￥１，２３４．５", 123450),  # everything full-width
        ("１２。５", 1250),
        ("12.50元", 1250),
        ("12.50 圆", 1250),
        ("+12", 1200),  # a plus sign changes nothing: accepted (spreadsheets export it)
        ("1.", 100),  # on the way to "1.5" while typing
        ("12.500", 1250),
        ("−0", 0),  # the typographic minus
    ],
)
def test_parse_fen_reads(text, fen) -> None:
    assert parse_fen(text) == fen


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", P.EMPTY),
        ("   ", P.EMPTY),
        ("abc", P.NOT_A_NUMBER),
        ("12.3.4", P.NOT_A_NUMBER),
        (".", P.NOT_A_NUMBER),
        ("¥", P.NOT_A_NUMBER),
        ("1e5", P.NOT_A_NUMBER),
        ("12元5角", P.NOT_A_NUMBER),
        ("-5", P.NEGATIVE),
        ("¥-5", P.NEGATIVE),
        ("-¥1,234.5", P.NEGATIVE),
        ("12.345", P.TOO_MANY_DECIMALS),
        ("0.001", P.TOO_MANY_DECIMALS),
        ("1,23", P.BAD_GROUPING),
        ("12,34.5", P.BAD_GROUPING),
        (",123", P.BAD_GROUPING),
        ("1,0000", P.BAD_GROUPING),
        ("100000000.01", P.TOO_LARGE),
        ("9" * 40, P.TOO_LARGE),
        ("9" * 100_000, P.TOO_LARGE),  # a pasted wall of digits: refused before any arithmetic
        ("1000000001", P.TOO_LARGE),
        ("١٢٣", P.NOT_A_NUMBER),  # Arabic-Indic digits: not what a merchant here types
        ("१२३", P.NOT_A_NUMBER),  # Devanagari
        ("−5", P.NEGATIVE),  # the typographic minus
        ("abc,def", P.NOT_A_NUMBER),
        ("1,2a", P.NOT_A_NUMBER),
        ("12元5角", P.NOT_A_NUMBER),
        ("1.2.3元", P.NOT_A_NUMBER),
        ("--5", P.NEGATIVE),
    ],
)
def test_parse_fen_refuses_with_a_reason(text, problem) -> None:
    with pytest.raises(AmountParseError) as err:
        parse_fen(text)
    assert err.value.problem is problem
    assert err.value.text == text
    assert isinstance(err.value, ValueError)


def test_zero_refused_for_a_payment() -> None:
    assert parse_fen("0.00") == 0
    with pytest.raises(AmountParseError) as err:
        parse_fen("0.00", allow_zero=False)
    assert err.value.problem is P.ZERO


@pytest.mark.parametrize(
    ("fen", "text"),
    [(0, "¥0.00"), (1, "¥0.01"), (1250, "¥12.50"), (123456789, "¥1,234,567.89"), (-100, "-¥1.00")],
)
def test_format_fen(fen, text) -> None:
    assert format_fen(fen) == text


def test_format_fen_options() -> None:
    assert format_fen(123456789, symbol=False) == "1,234,567.89"
    assert format_fen(123456789, grouping=False) == "¥1234567.89"


@given(st.integers(min_value=0, max_value=MAX_AMOUNT_FEN))
def test_format_then_parse_is_identity(fen) -> None:
    assert parse_fen(format_fen(fen)) == fen
    assert parse_fen(format_fen(fen, symbol=False, grouping=False)) == fen


@pytest.mark.parametrize(("amount", "bps", "fee"), [(10_000, 60, 60), (25, 200, 1), (24, 200, 0), (0, 60, 0)])
def test_fee_fen(amount, bps, fee) -> None:
    assert fee_fen(amount, bps) == fee


def test_fee_fen_refuses_negatives() -> None:
    with pytest.raises(ValueError):
        fee_fen(-1, 60)
    with pytest.raises(ValueError):
        fee_fen(1, -60)


@pytest.mark.parametrize(("bps", "text"), [(60, "0.60%"), (0, "0.00%"), (125, "1.25%"), (10_000, "100.00%")])
def test_format_bps(bps, text) -> None:
    assert format_bps(bps) == text
