"""Reading the time windows plans set for tasks: what each phrasing means, round trips, robustness."""

from __future__ import annotations

import datetime
import time
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hangviet.lib.timewindows import Window, format_windows, parse_windows, windows_end

D = datetime.date
ROMAN = ["I", "II", "III", "IV"]
QUARTERS_2024 = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]


def isos(text: str, default_year: int | None = None) -> list[str]:
    return [window.iso for window in parse_windows(text, default_year=default_year)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quý II/2024", ["2024-Q2"]),
        ("quý IV/2024", ["2024-Q4"]),
        ("Dự kiến trong quý IV/2024", ["2024-Q4"]),
        ("Quý 2/2024", ["2024-Q2"]),
        ("Quý I và Quý II/2024", ["2024-Q1", "2024-Q2"]),
        ("quý I, II/2024", ["2024-Q1", "2024-Q2"]),
        ("Tháng 12/2024", ["2024-12"]),
        ("tháng 6, tháng 11 năm 2022", ["2022-06", "2022-11"]),
        ("Tháng 3 và tháng 9/2024", ["2024-03", "2024-09"]),
        ("Trong năm 2024", ["2024"]),
        ("Năm 2025", ["2025"]),
        ("ngày 20/4/2024", ["2024-04-20"]),
        ("từ tháng 7/2022 đến tháng 3/2023", ["2022-07-01..2023-03-31"]),
        ("Từ ngày 01/7/2022 đến ngày 31/3/2023", ["2022-07-01..2023-03-31"]),
        ("6 tháng đầu năm 2024", ["2024-01-01..2024-06-30"]),
        ("6 tháng cuối năm 2024", ["2024-07-01..2024-12-31"]),
        ("Trước ngày 10/12/2024", ["2024-01-01..2024-12-10"]),
        ("trước 30/6/2024", ["2024-01-01..2024-06-30"]),
        ("Quý II - Quý III/2026", ["2026-04-01..2026-09-30"]),  # one span, not two quarters
        ("tháng 01 - tháng 02/2026", ["2026-01-01..2026-02-28"]),
        ("tháng 5-6/2025", ["2025-05-01..2025-06-30"]),
        ("Quý IV/2025 - Quý I/2026", ["2025-10-01..2026-03-31"]),
        ("tháng 12/2025 – tháng 2/2026", ["2025-12-01..2026-02-28"]),
        ("Tháng 6/2025 - 15 doanh nghiệp", ["2025-06"]),  # a count after a dash is no month
    ],
)
def test_each_way_plans_write_a_timeframe_reads_as_its_windows(text: str, expected: list[str]) -> None:
    assert isos(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trong năm", ["2024"]),
        ("thường xuyên", ["2024"]),
        ("Thường xuyên, liên tục", ["2024"]),
        ("hằng quý", QUARTERS_2024),
        ("định kỳ 6 tháng", ["2024-01-01..2024-06-30", "2024-07-01..2024-12-31"]),
        ("hằng năm", ["2024"]),
        ("Quý I hằng năm", ["2024-Q1"]),  # "hằng năm" says the quarter recurs; it adds no window
        ("tháng 12 hàng năm", ["2024-12"]),
        ("trước 30/6", ["2024-01-01..2024-06-30"]),  # a bare day after "trước" is a day, not a fraction
        ("tháng 11 - tháng 2", ["2023-11-01..2024-02-29"]),
    ],
)
def test_timeframes_without_a_year_take_the_plan_year(text: str, expected: list[str]) -> None:
    assert isos(text, default_year=2024) == expected


@pytest.mark.parametrize("text", ["trong năm", "thường xuyên", "hằng quý", "tháng 6", "Quý III"])
def test_items_without_any_year_are_skipped_when_the_plan_has_none(text: str) -> None:
    assert parse_windows(text) == []


def test_a_sentence_without_time_names_no_window() -> None:
    assert parse_windows("Tổ chức hội nghị tuyên truyền về hàng Việt Nam", default_year=2024) == []


def test_a_year_written_later_in_the_phrase_wins_over_the_plan_year() -> None:
    assert isos("tháng 6 và quý IV/2023", default_year=2024) == ["2023-06", "2023-Q4"]
    assert isos("tháng 6; quý IV/2023", default_year=2024) == ["2024-06", "2023-Q4"]


def test_a_range_starting_in_a_month_without_year_starts_the_year_before_when_needed() -> None:
    assert isos("từ tháng 7 đến tháng 3/2023") == ["2022-07-01..2023-03-31"]
    assert isos("từ tháng 3 đến tháng 9/2023") == ["2023-03-01..2023-09-30"]


def test_case_spacing_decomposed_accents_and_a_trailing_full_stop_are_tolerated() -> None:
    assert isos("  QUÝ   iv /  2024 . ") == ["2024-Q4"]
    assert isos(unicodedata.normalize("NFD", "Tháng 12/2024.")) == ["2024-12"]


def test_duplicates_are_merged_keeping_the_order_written() -> None:
    assert isos("Quý II/2024, tháng 1/2024 và quý II/2024") == ["2024-Q2", "2024-01"]


def test_days_that_do_not_exist_are_skipped() -> None:
    assert parse_windows("ngày 31/2/2024") == []
    assert parse_windows("ngày 29/2/2023") == []
    assert isos("ngày 29/2/2024") == ["2024-02-29"]
    assert isos("ngày 31/2/2024 và tháng 3/2024") == ["2024-03"]


def test_month_ends_follow_the_calendar_including_leap_years() -> None:
    assert parse_windows("Tháng 2/2024") == [Window(D(2024, 2, 1), D(2024, 2, 29))]
    assert parse_windows("Tháng 2/2023") == [Window(D(2023, 2, 1), D(2023, 2, 28))]
    assert [w.end for w in parse_windows("hằng quý", default_year=2024)] == [
        D(2024, 3, 31),
        D(2024, 6, 30),
        D(2024, 9, 30),
        D(2024, 12, 31),
    ]


def test_fractions_and_document_numbers_are_not_dates() -> None:
    assert parse_windows("giảm 1/3 số vụ vi phạm", default_year=2024) == []
    assert parse_windows("theo Nghị định 09/2019/NĐ-CP", default_year=2024) == []


def test_the_latest_end_closes_the_windows() -> None:
    assert windows_end(parse_windows("Quý I và tháng 8/2024")) == D(2024, 8, 31)
    assert windows_end([]) is None


def test_windows_are_displayed_the_vietnamese_way() -> None:
    text = "Quý II/2024; Tháng 12/2024; Năm 2024; ngày 20/4/2024; từ tháng 7/2022 đến tháng 3/2023"
    assert format_windows(parse_windows(text)) == (
        "Quý II/2024; Tháng 12/2024; Năm 2024; Ngày 20/4/2024; Từ 01/7/2022 đến 31/3/2023"
    )
    assert format_windows([]) == ""


@pytest.mark.parametrize("text", ["", "2024-Q5", "2024-13", "2024-02-30", "24", "2024-12-01..2024-11-01", "2024.."])
def test_text_that_is_not_a_window_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Window.from_iso(text)


def test_a_window_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Window(D(2024, 2, 1), D(2024, 1, 1))


years = st.integers(1000, 9999)
dates = st.dates(min_value=D(1000, 1, 1))
quarter_texts = st.builds(lambda q, y: f"Quý {ROMAN[q - 1]}/{y}", st.integers(1, 4), years)
month_texts = st.builds(lambda m, y: f"Tháng {m}/{y}", st.integers(1, 12), years)
year_texts = st.builds(lambda y: f"Trong năm {y}", years)


def written(day: datetime.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


day_texts = st.builds(lambda d: f"ngày {written(d)}", dates)
range_texts = st.builds(lambda a, b: f"Từ ngày {written(min(a, b))} đến ngày {written(max(a, b))}", dates, dates)
plan_texts = st.one_of(quarter_texts, month_texts, year_texts, day_texts, range_texts)


@given(plan_texts)
def test_every_parsed_window_survives_a_round_trip_through_iso(text: str) -> None:
    windows = parse_windows(text)
    assert len(windows) == 1
    assert all(Window.from_iso(window.iso) == window for window in windows)


@given(dates, dates)
def test_any_window_survives_a_round_trip_through_iso(a: datetime.date, b: datetime.date) -> None:
    window = Window(min(a, b), max(a, b))
    assert Window.from_iso(window.iso) == window


@given(st.integers(1, 4), years)
def test_a_quarter_runs_from_its_first_to_its_last_day(quarter: int, year: int) -> None:
    ends = {1: D(year, 3, 31), 2: D(year, 6, 30), 3: D(year, 9, 30), 4: D(year, 12, 31)}
    assert parse_windows(f"quý {ROMAN[quarter - 1]}/{year}") == [Window(D(year, 3 * quarter - 2, 1), ends[quarter])]


@given(st.text(), st.none() | st.integers(-10, 10_000))
def test_parsing_never_raises(text: str, default_year: int | None) -> None:
    assert isinstance(parse_windows(text, default_year=default_year), list)


@given(st.lists(st.sampled_from(["quý ", "i", ", ", "tháng ", "1", "/", "từ ", "đến ", "ngày ", " ", "năm "])))
def test_parsing_never_raises_on_near_misses(parts: list[str]) -> None:
    assert isinstance(parse_windows("".join(parts), default_year=2024), list)


def test_parsing_a_long_adversarial_text_is_fast() -> None:
    text = "quý i, " * 500 + "tháng 1 và " * 500 + " " * 3000 + "từ ngày 1/" * 500 + "1/" * 2000 + "trước " * 500
    started = time.perf_counter()
    parse_windows(text, default_year=2024)
    assert time.perf_counter() - started < 1.0
