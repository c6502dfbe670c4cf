"""Reporting periods as the campaign uses them (Decree 09/2019/NĐ-CP), as pure values.

- The six-month report ``2026-H1`` ("6 tháng đầu năm 2026") covers 15/12/2025 to 14/6/2026.
- The yearly report ``2026`` ("năm 2026") covers 15/12/2025 to 14/12/2026.
There is no second-half report: the yearly report covers the whole year.

Quarters (``2026-Q1``, calendar quarters: giao ban meetings, media quotas) and phases (``2019-2024``, whole reporting
years: the sơ kết/tổng kết giai đoạn) are keys with date ranges only, never reporting periods.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext

PeriodKind = Literal["H1", "Y"]
_CODE = re.compile(r"^\s*(?P<year>\d{4})(?:\s*-\s*(?P<half>H1))?\s*$", re.IGNORECASE)


class PeriodCodeError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class PeriodKey:
    year: int
    kind: PeriodKind  # "H1" sorts before "Y" within a year, as the reports come

    @classmethod
    def parse(cls, code: str) -> PeriodKey:
        """``"2026-H1"`` → six-month 2026; ``"2026"`` → yearly 2026; anything else raises PeriodCodeError."""
        match = _CODE.match(code)
        if not match or not 2000 <= int(match["year"]) <= 2100:
            raise PeriodCodeError(
                gettext("Kỳ báo cáo “%(code)s” không hợp lệ: viết 2026-H1 (6 tháng đầu năm) hoặc 2026 (cả năm).")
                % {"code": code}
            )
        return cls(int(match["year"]), "H1" if match["half"] else "Y")

    @property
    def code(self) -> str:
        return f"{self.year}-H1" if self.kind == "H1" else str(self.year)

    @property
    def label(self) -> str:
        """ "6 tháng đầu năm 2026", "năm 2026" in the active language (documents render inside
        ``lib.i18n.in_vietnamese``); the year is written without a thousands separator."""
        if self.kind == "H1":
            return gettext("6 tháng đầu năm %(year)s") % {"year": self.year}
        return gettext("năm %(year)s") % {"year": self.year}

    @property
    def short_label(self) -> str:
        """For a chart's axis: "6 tháng 2026", "Năm 2026" (never the code "2026-H1")."""
        if self.kind == "H1":
            return gettext("6 tháng %(year)s") % {"year": self.year}
        return gettext("Năm %(year)s") % {"year": self.year}

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year - 1, 12, 15)

    @property
    def end(self) -> datetime.date:
        return datetime.date(self.year, 6, 14) if self.kind == "H1" else datetime.date(self.year, 12, 14)

    @property
    def default_deadline(self) -> datetime.date:
        """When the committee sets none: 20 June for the six-month report, 20 December for the year."""
        return datetime.date(self.year, 6, 20) if self.kind == "H1" else datetime.date(self.year, 12, 20)

    def same_period_last_year(self) -> PeriodKey:
        return PeriodKey(self.year - 1, self.kind)

    def previous(self) -> PeriodKey:
        """The report before this one: the year before a six-month report, the six months before a year."""
        return PeriodKey(self.year - 1, "Y") if self.kind == "H1" else PeriodKey(self.year, "H1")

    def __str__(self) -> str:
        return self.code


def period_of_day(day: datetime.date) -> PeriodKey:
    """The six-month or yearly period whose reporting window is open on ``day`` (the one being reported on)."""
    year = day.year + 1 if (day.month, day.day) >= (12, 15) else day.year
    return PeriodKey(year, "H1") if (day.month, day.day) <= (6, 14) or year > day.year else PeriodKey(year, "Y")


def newest_first(keys: Iterable[PeriodKey]) -> list[PeriodKey]:
    """Periods as every list shows them: the newest year first, and in a year the six-month report before the
    year's (the order the offices work in: the June report, then the December one)."""
    return sorted(set(keys), key=lambda key: (-key.year, 0 if key.kind == "H1" else 1))


# Quarters and phases are keys with date ranges only, not reporting periods: no form, deadline or total is kept
# for them (docs/decisions.md, 2026-12-06).

_QUARTER = re.compile(r"^\s*(?P<year>\d{4})\s*-\s*Q(?P<quarter>[1-4])\s*$", re.IGNORECASE)
_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True, order=True)
class QuarterKey:
    """A calendar quarter as plans, giao ban meetings and media quotas write it: ``2026-Q3`` = "quý III/2026" =
    1/7/2026–30/9/2026. Calendar quarters do not follow the reporting year's 15 December cut-off: the last
    days of quý IV (15–31/12) fall in the next reporting year."""

    year: int
    quarter: int

    def __post_init__(self) -> None:
        if not 1 <= self.quarter <= 4 or not 2000 <= self.year <= 2100:
            raise PeriodCodeError(f"Quý “{self.quarter}/{self.year}” không hợp lệ.")

    @classmethod
    def parse(cls, code: str) -> QuarterKey:
        """``"2026-Q1"`` → quý I/2026; anything else raises PeriodCodeError."""
        match = _QUARTER.match(code)
        if not match or not 2000 <= int(match["year"]) <= 2100:
            raise PeriodCodeError(f"Quý “{code}” không hợp lệ: viết 2026-Q1 … 2026-Q4.")
        return cls(int(match["year"]), int(match["quarter"]))

    @classmethod
    def of_day(cls, day: datetime.date) -> QuarterKey:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def code(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @property
    def label(self) -> str:
        return f"quý {_ROMAN[self.quarter - 1]}/{self.year}"

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> datetime.date:
        """The quarter's last day (31/3, 30/6, 30/9, 31/12)."""
        following = (
            datetime.date(self.year + 1, 1, 1)
            if self.quarter == 4
            else datetime.date(self.year, 3 * self.quarter + 1, 1)
        )
        return following - datetime.timedelta(days=1)

    def __str__(self) -> str:
        return self.code


_PHASE = re.compile(r"^\s*(?P<first>\d{4})\s*[-–]\s*(?P<last>\d{4})\s*$")
MAX_PHASE_YEARS = 15


@dataclass(frozen=True, order=True)
class PhaseKey:
    """A phase (giai đoạn) of whole reporting years, both ends included: ``2019-2024`` = "giai đoạn 2019–2024",
    read from the yearly reports 2019 … 2024 (15/12/2018–14/12/2024)."""

    first_year: int
    last_year: int

    def __post_init__(self) -> None:
        problem = phase_problem(self.first_year, self.last_year)
        if problem:
            raise PeriodCodeError(problem)

    @classmethod
    def parse(cls, code: str) -> PhaseKey:
        """``"2019-2024"`` (or with an en dash) → giai đoạn 2019–2024; anything else raises PeriodCodeError."""
        match = _PHASE.match(code)
        if not match:
            raise PeriodCodeError(f"Giai đoạn “{code}” không hợp lệ: viết năm đầu và năm cuối, ví dụ 2019-2024.")
        return cls(int(match["first"]), int(match["last"]))

    @property
    def code(self) -> str:
        return f"{self.first_year}-{self.last_year}"

    @property
    def label(self) -> str:
        return f"giai đoạn {self.first_year}–{self.last_year}"

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def yearly_periods(self) -> list[PeriodKey]:
        """The yearly reports the phase is read from, oldest first."""
        return [PeriodKey(year, "Y") for year in self.years]

    @property
    def start(self) -> datetime.date:
        return PeriodKey(self.first_year, "Y").start

    @property
    def end(self) -> datetime.date:
        return PeriodKey(self.last_year, "Y").end

    def __str__(self) -> str:
        return self.code


def phase_problem(first_year: int, last_year: int) -> str:
    """Why ``first_year``–``last_year`` is no phase ("" when it is one): years 2000–2100, the first not after the
    last, at most MAX_PHASE_YEARS years."""
    if not (2000 <= first_year <= 2100 and 2000 <= last_year <= 2100):
        return "Năm của giai đoạn phải từ 2000 đến 2100."
    if first_year > last_year:
        return f"Năm đầu ({first_year}) phải trước hoặc bằng năm cuối ({last_year})."
    if last_year - first_year + 1 > MAX_PHASE_YEARS:
        return f"Một giai đoạn dài tối đa {MAX_PHASE_YEARS} năm."
    return ""
