"""Reporting periods: codes, windows and neighbours."""

from __future__ import annotations

import datetime

import pytest

from hangviet.lib.periods import PeriodCodeError, PeriodKey, period_of_day

D = datetime.date


def test_a_six_month_report_covers_15_december_to_14_june() -> None:
    key = PeriodKey.parse("2026-H1")
    assert (key.start, key.end, key.label) == (D(2025, 12, 15), D(2026, 6, 14), "6 tháng đầu năm 2026")


def test_a_yearly_report_covers_15_december_to_14_december() -> None:
    key = PeriodKey.parse("2026")
    assert (key.start, key.end, key.code) == (D(2025, 12, 15), D(2026, 12, 14), "2026")


@pytest.mark.parametrize("code", ["2026-H2", "26-H1", "năm 2026", "", "2026-Q1", "1999"])
def test_there_is_no_second_half_report_and_other_codes_are_refused(code: str) -> None:
    with pytest.raises(PeriodCodeError, match="không hợp lệ"):
        PeriodKey.parse(code)


def test_neighbours() -> None:
    assert PeriodKey.parse("2026-H1").previous().code == "2025"
    assert PeriodKey.parse("2026").previous().code == "2026-H1"
    assert PeriodKey.parse("2026-H1").same_period_last_year().code == "2025-H1"


def test_the_period_in_progress_on_a_day() -> None:
    assert period_of_day(D(2026, 3, 1)).code == "2026-H1"
    assert period_of_day(D(2026, 11, 23)).code == "2026"
    assert period_of_day(D(2025, 12, 20)).code == "2026-H1"
