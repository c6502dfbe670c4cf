"""Reading the time windows Vietnamese plans ("Kế hoạch") set for tasks, as pure values.

A plan writes when a task is due in a handful of ways: "Quý II/2024", "Tháng 12/2024", "tháng 6, tháng 11
năm 2022", "Trong năm 2024", "thường xuyên", "từ tháng 7/2022 đến tháng 3/2023", "6 tháng đầu năm 2024",
"Trước ngày 10/12/2024", "hằng quý", "định kỳ 6 tháng", "Quý II - Quý III/2026" (one span), "Quý I hằng
năm" (the first quarter)… ``parse_windows`` turns such text into ``Window`` values (inclusive day spans);
``Window.iso`` stores them compactly ("2024-Q2", "2024-12", "2024", "2024-04-20", "2022-07-01..2023-03-31")
and ``format_windows`` writes them back the Vietnamese way.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from hangviet.lib.vnformat import format_date_short

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_OF = {number: roman.upper() for roman, number in _ROMAN.items()}
_ISO_PART = re.compile(r"(\d{4})(?:-Q([1-4])|-(\d{2})(?:-(\d{2}))?)?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, order=True)
class Window:
    """The days from ``start`` to ``end``, both included; ``end`` is never before ``start``."""

    start: datetime.date
    end: datetime.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"Window ends ({self.end}) before it starts ({self.start}).")

    @property
    def iso(self) -> str:
        """ISO-like text: "2024" (year), "2024-Q2" (quarter), "2024-12" (month), "2024-04-20" (day), else "a..b"."""
        start, end = self.start, self.end
        if start == end:
            return start.isoformat()
        if start.day == 1 and start.year == end.year and end == _span(end.year, end.month, end.month).end:
            months = end.month - start.month
            if months == 11:
                return f"{start.year:04d}"
            if months == 2 and start.month % 3 == 1:
                return f"{start.year:04d}-Q{end.month // 3}"
            if months == 0:
                return f"{start.year:04d}-{start.month:02d}"
        return f"{start.isoformat()}..{end.isoformat()}"

    @classmethod
    def from_iso(cls, text: str) -> Window:
        """The window ``iso`` wrote as ``text``; raises ValueError for any other text."""
        first, dots, second = text.partition("..")
        if dots:
            if not (_ISO_DAY.fullmatch(first) and _ISO_DAY.fullmatch(second)):
                raise ValueError(f"Not a window: {text!r}")
            return cls(datetime.date.fromisoformat(first), datetime.date.fromisoformat(second))
        match = _ISO_PART.fullmatch(text)
        if not match:
            raise ValueError(f"Not a window: {text!r}")
        year, quarter, month, day = match.groups()
        if quarter:
            return _span(int(year), 3 * int(quarter) - 2, 3 * int(quarter))
        if day:
            single = datetime.date(int(year), int(month), int(day))
            return cls(single, single)
        return _span(int(year), int(month), int(month)) if month else _span(int(year), 1, 12)


def _span(year: int, first_month: int, last_month: int) -> Window:
    """Whole months ``first_month`` to ``last_month`` of ``year``; raises ValueError if they do not exist."""
    last_day = calendar.monthrange(year, last_month)[1]
    return Window(datetime.date(year, first_month, 1), datetime.date(year, last_month, last_day))


Build = Callable[[int], list[Window]]  # the windows of an item once its year is known
Pending = tuple[int | None, Build]  # the year the item writes (None: inherited), and how to build it

_R = r"(?:iv|iii|ii|i|[1-4])(?!\w)"
_M = r"(?:1[0-2]|0?[1-9])(?!\d)"
_AND = r"\s*(?:,|và|&)\s*"
_YEAR = r"(?:\s*/\s*|\s+năm\s+)(\d{4})(?!\d)"
_YR = r"(?:\s*/\s*|\s+năm\s+)\d{4}(?!\d)"
_ITEM = (
    rf"(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?(?!\d)|tháng\s+\d{{1,2}}(?!\d)(?:{_YR})?"
    rf"|qu[ýí]\s+{_R}(?:{_YR})?|năm\s+\d{{4}}(?!\d)"
)
_KINDS = {  # tried in this order where two start at the same place
    "range": rf"từ\s+({_ITEM})\s*(?:đến|tới|-)\s*(?:hết\s+)?({_ITEM})",
    # one span: "Quý II - Quý III/2026", "Quý IV/2025 - Quý I/2026", "tháng 01 - 02/2026"
    "quarter_span": rf"qu[ýí]\s+({_R})(?:{_YEAR})?\s*[-–]\s*(?:qu[ýí]\s+)?({_R})(?:{_YEAR})?",
    "month_span": rf"tháng\s+({_M})(?:{_YEAR})?\s*[-–]\s*(?:tháng\s+)?({_M})(?:{_YEAR})?",
    "before": rf"(?:trước|chậm\s+nhất)\s+({_ITEM})",
    "periodic": r"định\s+kỳ\s+(?:6|sáu)\s+tháng",
    "half": r"(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4})(?!\d))?",
    "quarterly": r"(?:hằng|hàng|mỗi)\s+qu[ýí]",
    "monthly": r"(?:hằng|hàng|mỗi)\s+tháng",
    "year": r"năm\s+(\d{4})(?!\d)",
    "yearly": r"(?:hằng|hàng)\s+năm(?!\s*\d)",  # the whole year, unless it qualifies a time: "Quý I hằng năm"
    "always": r"thường\s+xuyên|liên\s+tục|(?:trong|cả)\s+năm(?!\s*\d)",
    "quarters": rf"qu[ýí]\s+({_R}(?:{_AND}(?:qu[ýí]\s+)?{_R})*)(?:{_YEAR})?",
    "months": rf"tháng\s+(\d{{1,2}}(?!\d)(?:{_AND}(?:tháng\s+)?\d{{1,2}}(?!\d)(?!\s*/\s*\d))*)(?:{_YEAR})?",
    "date": r"(ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?!\d)",
}
_SCAN = re.compile("|".join(rf"(?P<{kind}>(?<![\w/]){pattern})" for kind, pattern in _KINDS.items()))
_PHRASES = re.compile(r"[;\n\r]|\.(?!\d)")
_GROUPS = {kind: re.compile(pattern).groups for kind, pattern in _KINDS.items()}
_ROMAN_OR_DIGIT = re.compile(_R)
_NUMBER = re.compile(r"\d+")
_BARE_DAY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})")


def _year_of(text: str | None) -> int | None:
    return None if text is None else int(text)


def _range(first: list[Pending], last: list[Pending]) -> list[Pending]:
    """From the start of the first item to the end of the last; a start without a year may fall a year earlier."""
    if not first or not last:
        return []
    (start_year, start_build), (end_year, end_build) = first[0], last[-1]

    def build(year: int) -> list[Window]:
        end_at = year if end_year is None else end_year
        opening, closing = start_build(end_at if start_year is None else start_year), end_build(end_at)
        if opening and closing and opening[0].start > closing[-1].end:
            if start_year is None:
                opening = start_build(end_at - 1)
            elif end_year is None:
                closing = end_build(start_year + 1)
        if opening and closing and opening[0].start <= closing[-1].end:
            return [Window(opening[0].start, closing[-1].end)]
        return []

    return [(end_year if end_year is not None else start_year, build)]


def _before(windows: list[Window]) -> list[Window]:
    """From 1 January up to a day (included) or up to the day before a longer window."""
    if not windows:
        return []
    window = windows[0]
    new_year = datetime.date(window.start.year, 1, 1)
    if window.start == window.end:
        return [Window(new_year, window.end)]
    return [Window(new_year, window.start - datetime.timedelta(days=1))] if window.start > new_year else [window]


def _before_built(build: Build) -> Build:
    return lambda y: _before(build(y))


def _quarter(q: int) -> Build:
    return lambda y: [_span(y, 3 * q - 2, 3 * q)]


def _month(m: int) -> Build:
    return lambda y: [_span(y, m, m)]


def _span_between(kind: str, groups: tuple[str | None, ...]) -> Pending:
    """ "Quý II - Quý III/2026" → 1/4–30/9/2026; "tháng 12/2025 - tháng 2/2026" → 1/12/2025–28/2/2026."""
    first, last = (_ROMAN.get(n or "") or int(n or 0) for n in (groups[0], groups[2]))
    if kind == "quarter_span":
        first, last = 3 * first - 2, 3 * last
    first_year, last_year = _year_of(groups[1]), _year_of(groups[3])

    def build(year: int) -> list[Window]:
        end_year = last_year if last_year is not None else year
        start_year = first_year if first_year is not None else end_year
        start, end = _span(start_year, first, first).start, _span(end_year, last, last).end
        if start > end and first_year is None:
            start = _span(end_year - 1, first, first).start  # "tháng 11 - tháng 2/2026" starts in 2025
        return [Window(start, end)] if start <= end else []

    return (last_year if last_year is not None else first_year, build)


def _pendings(kind: str, groups: tuple[str | None, ...]) -> list[Pending]:
    """The items one match of ``kind`` names, in the order written."""
    if kind == "range":
        return _range(_scan(groups[0] or ""), _scan(groups[1] or ""))
    if kind == "before":
        found = _scan(groups[0] or "")
        if not found and (bare := _BARE_DAY.fullmatch((groups[0] or "").strip())):  # "trước 30/6": a day
            found = _pendings("date", ("ngày ", bare[1], bare[2], None))
        return [(year, _before_built(build)) for year, build in found[:1]]
    if kind in ("quarter_span", "month_span"):
        return [_span_between(kind, groups)]
    if kind == "periodic":
        return [(None, lambda y: [_span(y, 1, 6), _span(y, 7, 12)])]
    if kind == "half":
        first = 1 if groups[0] == "đầu" else 7
        return [(_year_of(groups[1]), lambda y: [_span(y, first, first + 5)])]
    if kind == "quarterly":
        return [(None, lambda y: [_span(y, 3 * q - 2, 3 * q) for q in range(1, 5)])]
    if kind == "monthly":
        return [(None, lambda y: [_span(y, m, m) for m in range(1, 13)])]
    if kind in ("year", "always", "yearly"):
        return [(_year_of(groups[0]) if groups else None, lambda y: [_span(y, 1, 12)])]
    if kind == "quarters":
        numbers = [_ROMAN.get(n) or int(n) for n in _ROMAN_OR_DIGIT.findall(groups[0] or "")]
        return [(_year_of(groups[1]), _quarter(q)) for q in numbers]
    if kind == "months":
        numbers = [int(n) for n in _NUMBER.findall(groups[0] or "")]
        return [(_year_of(groups[1]), _month(m)) for m in numbers]
    said_day, day, month, year = groups
    if not said_day and year is None:
        return []  # "1/3" alone is more often a fraction than a date
    on = (int(month or 0), int(day or 0))
    return [(_year_of(year), lambda y: [Window(datetime.date(y, *on), datetime.date(y, *on))])]


def _scan(phrase: str) -> list[Pending]:
    matches = [(match.lastgroup or "", match) for match in _SCAN.finditer(phrase)]
    if any(kind != "yearly" for kind, _match in matches):
        matches = [(kind, match) for kind, match in matches if kind != "yearly"]
    pendings: list[Pending] = []
    for kind, match in matches:
        index = _SCAN.groupindex[kind]
        pendings += _pendings(kind, match.groups()[index : index + _GROUPS[kind]])
    return pendings


def parse_windows(text: str, *, default_year: int | None = None) -> list[Window]:
    """All windows ``text`` names, in the order written, duplicates merged; [] if it names no time at all.

    An item without a year takes the next year written later in the same phrase (phrases end at ";", a
    line break or a full stop), else ``default_year``; with neither it is skipped, as are days that do not
    exist (31/2/2024). Never raises.
    """
    windows: list[Window] = []
    for phrase in _PHRASES.split(unicodedata.normalize("NFC", text).lower()):
        resolved: list[tuple[int, Build]] = []
        later = None
        for year, build in reversed(_scan(phrase)):
            later = year if year is not None else later
            chosen = later if later is not None else default_year
            if chosen is not None:
                resolved.append((chosen, build))
        for year, build in reversed(resolved):
            try:
                windows += build(year)
            except (ValueError, OverflowError):
                continue
    return list(dict.fromkeys(windows))


def windows_end(windows: list[Window]) -> datetime.date | None:
    """The latest day any of ``windows`` covers; None when there are none."""
    return max((window.end for window in windows), default=None)


def _label(window: Window) -> str:
    iso = window.iso
    if ".." in iso:
        return f"Từ {format_date_short(window.start)} đến {format_date_short(window.end)}"
    if "-Q" in iso:
        return f"Quý {_ROMAN_OF[window.end.month // 3]}/{window.start.year}"
    kind = iso.count("-")
    if kind == 0:
        return f"Năm {window.start.year}"
    return f"Tháng {window.start.month}/{window.start.year}" if kind == 1 else f"Ngày {format_date_short(window.start)}"


def format_windows(windows: list[Window]) -> str:
    """The windows as plans write them: "Quý II/2024; Tháng 12/2024; Từ 01/7/2022 đến 31/3/2023"."""
    return "; ".join(_label(window) for window in windows)
