"""Quarters (calendar, for giao ban and media quotas) and phases (whole reporting years): codes and windows."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hangviet.lib.periods import MAX_PHASE_YEARS, PeriodCodeError, PeriodKey, PhaseKey, QuarterKey

D = datetime.date
years = st.integers(min_value=2000, max_value=2100)


def test_quarters_are_calendar_quarters_written_in_roman_numerals() -> None:
    key = QuarterKey.parse("2024-Q3")
    assert (key.start, key.end, key.label, key.code) == (D(2024, 7, 1), D(2024, 9, 30), "quý III/2024", "2024-Q3")
    assert (QuarterKey.parse("2024-q1").end, QuarterKey.parse("2024-Q4").end) == (D(2024, 3, 31), D(2024, 12, 31))


@given(years, st.integers(min_value=1, max_value=4))
def test_a_quarter_code_reads_back_as_itself(year: int, quarter: int) -> None:
    key = QuarterKey(year, quarter)
    assert QuarterKey.parse(key.code) == key
    assert QuarterKey.of_day(key.start) == key == QuarterKey.of_day(key.end)
    assert (key.end + datetime.timedelta(days=1)).day == 1


@pytest.mark.parametrize("code", ["2024-Q5", "2024-Q0", "2024Q1", "Q1-2024", "1999-Q1", "2024", "2024-H1", ""])
def test_other_quarter_codes_are_refused(code: str) -> None:
    with pytest.raises(PeriodCodeError, match="không hợp lệ"):
        QuarterKey.parse(code)


def test_a_phase_covers_its_yearly_reports_both_ends_included() -> None:
    phase = PhaseKey.parse("2019-2024")
    assert phase.years == [2019, 2020, 2021, 2022, 2023, 2024]
    assert phase.yearly_periods[0] == PeriodKey(2019, "Y")
    assert (phase.start, phase.end) == (D(2018, 12, 15), D(2024, 12, 14))
    assert (phase.label, phase.code) == ("giai đoạn 2019–2024", "2019-2024")
    assert PhaseKey.parse("2021 – 2025") == PhaseKey(2021, 2025)  # as the documents write it, with an en dash


@given(years, st.integers(min_value=0, max_value=MAX_PHASE_YEARS - 1))
def test_a_phase_code_reads_back_as_itself(first: int, length: int) -> None:
    if first + length > 2100:
        return
    phase = PhaseKey(first, first + length)
    assert PhaseKey.parse(phase.code) == phase
    assert len(phase.years) == length + 1


@given(st.text(max_size=12))
def test_any_text_is_a_phase_or_a_clear_refusal(text: str) -> None:
    try:
        phase = PhaseKey.parse(text)
    except PeriodCodeError as error:
        assert "giai đoạn" in str(error).lower() or "năm" in str(error).lower()
    else:
        assert PhaseKey.parse(phase.code) == phase


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("2024-2019", "phải trước hoặc bằng năm cuối"),
        ("2000-2020", "tối đa 15 năm"),
        ("1999-2004", "từ 2000 đến 2100"),
        ("2019", "không hợp lệ"),
        ("2019-H1", "không hợp lệ"),
    ],
)
def test_a_backwards_too_long_or_malformed_phase_is_refused(code: str, message: str) -> None:
    with pytest.raises(PeriodCodeError, match=message):
        PhaseKey.parse(code)


def test_phases_and_quarters_are_not_reporting_periods() -> None:
    for code in ("2019-2024", "2024-Q1"):
        with pytest.raises(PeriodCodeError):
            PeriodKey.parse(code)
