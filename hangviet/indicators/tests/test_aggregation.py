"""Values combine by kind: flows sum, stocks take the latest over periods, ratios are never summed."""

from __future__ import annotations

from decimal import Decimal as D

from hangviet.indicators.aggregation import change_ratio, combine_periods, combine_units, combine_years


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


# --- over the years of a phase ---


def test_a_flow_over_a_phase_is_the_sum_of_its_years() -> None:
    result = combine_years("flow", {2019: D(10), 2020: None, 2021: D(5)})
    assert (result.value, result.year, result.per_year) == (D(15), None, False)


def test_a_stock_over_a_phase_is_the_last_year_that_has_one_and_says_which() -> None:
    result = combine_years("stock", {2019: D(100), 2020: D(184), 2021: None})
    assert (result.value, result.year) == (D(184), 2020)


def test_a_ratio_is_never_summed_nor_averaged_over_a_phase() -> None:
    result = combine_years("ratio", {2019: D(80), 2020: D(90)})
    assert (result.value, result.per_year) == (None, True)


def test_a_ratio_with_its_parts_is_the_ratio_of_their_sums() -> None:
    numerators = {2019: D(10), 2020: D(90), 2021: D(7)}
    denominators = {2019: D(100), 2020: D(100), 2021: None}  # 2021 lacks a denominator: left out
    result = combine_years("ratio", {2019: D(10), 2020: D(90)}, parts=(numerators, denominators))
    assert result.value == D(50)  # 100 of 200, not the mean of 10% and 90% with 2021's 7 added
    zero = combine_years("ratio", {}, parts=({2019: D(0)}, {2019: D(0)}))
    assert (zero.value, zero.per_year) == (None, True)


def test_nothing_reported_gives_no_phase_value() -> None:
    assert combine_years("flow", {2019: None}).value is None
    assert combine_years("stock", {}).value is None
