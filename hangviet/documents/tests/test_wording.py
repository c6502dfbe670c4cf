"""Sentences written from the figures, the Vietnamese way."""

from __future__ import annotations

from decimal import Decimal as D

from hangviet.lib.vnformat import format_change, format_count, format_money


def test_counts_below_ten_take_a_leading_zero() -> None:
    assert (format_count(2), format_count(10), format_count(3904)) == ("02", "10", "3.904")


def test_money_is_written_in_millions_and_billions() -> None:
    assert format_money(850_000_000) == "850 triệu đồng"
    assert format_money(36_900_000) == "36,9 triệu đồng"
    assert format_money(1_700_000_000) == "1,7 tỷ đồng"
    assert format_money(3_000_000) == "3 triệu đồng"


def test_the_change_against_last_year() -> None:
    assert format_change(D("0.12")) == ", tăng 12% so với cùng kỳ"
    assert format_change(D("-0.035")) == ", giảm 3,5% so với cùng kỳ"
    assert format_change(None) == ""
