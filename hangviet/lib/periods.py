"""Reporting periods as the campaign uses them (Decree 09/2019/NĐ-CP), as pure values.

- The six-month report ``2026-H1`` ("6 tháng đầu năm 2026") covers 15/12/2025 to 14/6/2026.
- The yearly report ``2026`` ("năm 2026") covers 15/12/2025 to 14/12/2026.
There is no second-half report: the yearly report covers the whole year.
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
