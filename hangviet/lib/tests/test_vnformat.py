"""Numbers and dates written the Vietnamese way."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from hangviet.lib.text import fold_diacritics, normalize_text
from hangviet.lib.vnformat import format_date_long, format_date_short, format_number


def test_thousands_are_grouped_with_dots_and_decimals_use_a_comma() -> None:
    assert format_number(3904) == "3.904"
    assert format_number(267083) == "267.083"
    assert format_number(36.9) == "36,9"
    assert format_number(Decimal("1147")) == "1.147"
    assert format_number(1234567.5, decimals=2) == "1.234.567,50"
    assert format_number(0) == "0"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_a_formatted_whole_number_reads_back_to_itself(number: int) -> None:
    assert int(format_number(number).replace(".", "")) == number


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_a_formatted_decimal_reads_back_to_itself(number: Decimal) -> None:
    text = format_number(number, decimals=2)
    assert Decimal(text.replace(".", "").replace(",", ".")) == number


def test_dates_follow_decree_30() -> None:
    assert format_date_long(datetime.date(2023, 6, 23)) == "ngày 23 tháng 6 năm 2023"
    assert format_date_long(datetime.date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"
    assert format_date_short(datetime.date(2022, 1, 28)) == "28/01/2022"
    assert format_date_short(datetime.date(2021, 5, 19)) == "19/5/2021"


def test_text_is_composed_and_folded_for_matching() -> None:
    assert normalize_text("  Tỉnh\u0303   Trà  Vinh ") == normalize_text("Tỉnh\u0303 Trà Vinh")
    assert fold_diacritics("Thành phố Đà Nẵng") == "thanh pho da nang"
    assert normalize_text("e\u0302\u0301") == "ế"
