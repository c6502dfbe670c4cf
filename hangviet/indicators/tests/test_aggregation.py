"""Values combine by kind: flows sum, stocks take the latest over periods, ratios are never summed."""

from __future__ import annotations

from decimal import Decimal as D

from hangviet.indicators.aggregation import change_ratio, combine_periods, combine_units


def test_flows_and_stocks_sum_over_units() -> None:
    assert combine_units("flow", [D(3904), D(96), None]) == D(4000)
    assert combine_units("stock", [D(184), D(16)]) == D(200)


def test_a_ratio_is_never_summed_over_units() -> None:
    assert combine_units("ratio", [D("90.5"), D("80")]) is None
    assert combine_units("ratio", [D("90.5"), None]) == D("90.5")


def test_over_periods_flows_sum_and_stocks_take_the_latest() -> None:
    assert combine_periods("flow", [D(10), D(20), None]) == D(30)
    assert combine_periods("stock", [D(150), D(184), None]) == D(184)
    assert combine_periods("ratio", [D(80), D(85)]) == D(85)


def test_nothing_to_combine_gives_no_figure() -> None:
    assert combine_units("flow", [None, None]) is None
    assert combine_periods("stock", []) is None


def test_change_against_last_year() -> None:
    assert change_ratio(D(112), D(100)) == D("0.12")
    assert change_ratio(D(5), D(0)) is None
    assert change_ratio(None, D(3)) is None
