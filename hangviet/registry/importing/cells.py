"""Reading one cell of an office's list: text, stars, dates, counts and amounts, choices by their words.

Every refusal is a ``CellError`` whose message says, in Vietnamese, what the cell holds and what is expected.
A cell that looks like a spreadsheet formula is refused, never evaluated: openpyxl hands over the formula text
(the workbook is opened without cached values), and a CSV cell that starts with "=" — or with "+", "-", "@"
followed by a function, a cell reference or a pipe — is treated the same, since a spreadsheet would run it
when the file is opened again.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.utils import timezone

from hangviet.lib.text import normalize_text
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.registry.catalogue import Qualifier
from hangviet.registry.importing.text import fold


class CellError(ValueError):
    """A cell that cannot be used; ``str(error)`` is the Vietnamese reason."""


_FORMULA = re.compile(
    r"""^(?:=.
    |[+\-@]\s*[A-Za-z_][\w.]*\s*\(          # +SUM(  -HYPERLINK(  @SUM(
    |[+\-@]\s*\$?[A-Za-z]{1,3}\$?\d+\b     # +A1  -$B$2
    |[+\-@]\s*\w+\s*\|                     # -cmd|' /C calc'!A0
    |[+\-]\s*\d+(?:[.,]\d+)?\s*[-+*/^&]\s*[\w($]  # -2+3
    )""",
    re.VERBOSE,
)
_EXCEL_ERROR = re.compile(r"^#(?:N/A|REF!|DIV/0!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_CELL_CHARS = 2000


def looks_like_formula(text: str) -> bool:
    return bool(_FORMULA.match(text.strip()))


def cell_text(value: Any) -> str:
    """The cell as text in NFC (numbers without a trailing ".0", dates as dd/mm/yyyy); CellError for a formula,
    an Excel error value, a NUL character or an absurdly long cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if not isinstance(value, str):  # openpyxl's ArrayFormula, DataTableFormula…
        raise CellError(
            "Ô chứa công thức Excel; hệ thống không tính công thức. Hãy dán giá trị (Paste Special → Values)."
        )
    return _clean(value)


@lru_cache(maxsize=100_000)
def _clean(value: str) -> str:
    if "\x00" in value:
        raise CellError("Ô chứa ký tự NUL (mã 0), thường do tệp bị hỏng; hãy gõ lại nội dung ô.")
    if len(value) > MAX_CELL_CHARS:
        raise CellError(f"Ô dài quá {MAX_CELL_CHARS} ký tự.")
    if looks_like_formula(value):
        shown = value.strip()[:40]
        raise CellError(
            f"Ô chứa công thức “{shown}”; hệ thống không tính công thức. Hãy dán giá trị (Paste Special → Values)."
        )
    if _EXCEL_ERROR.match(value.strip()):
        raise CellError(f"Ô có lỗi Excel “{value.strip()}”; hãy sửa ô trong tệp gốc.")
    return normalize_text(_CONTROL.sub(" ", value))


# Stars -------------------------------------------------------------------------------------------------------

_STARS = re.compile(r"^(?:hang|xep hang|dat|san pham)?\s*([0-9]+)\s*(?:sao|\*+|★+|☆+)?(?:\s*ocop)?$")
_STAR_GLYPHS = re.compile(r"^(?:\*+|★+|☆+)$")


def parse_stars(value: Any) -> int:
    """3, 4 or 5 from "3", "3 sao", "3*", "4★", "Hạng 4 sao", "★★★★" or a number cell; CellError otherwise."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if number.is_integer() and 3 <= number <= 5:
            return int(number)
        raise CellError(f"Hạng sao “{cell_text(value)}” không hợp lệ: chỉ nhận 3, 4 hoặc 5 sao.")
    text = cell_text(value)
    folded = fold(text).replace(" ", " ").strip(" .")
    if _STAR_GLYPHS.match(folded) and 3 <= len(folded) <= 5:
        return len(folded)
    match = _STARS.match(folded)
    if match and 3 <= int(match[1]) <= 5:
        return int(match[1])
    raise CellError(
        f"Hạng sao “{text}” không hợp lệ: chỉ nhận 3, 4 hoặc 5 sao, viết bằng chữ số (ví dụ “4”, “4 sao”, “4*”)."
    )


# Dates -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadDate:
    """A day, and how much the cell said: ``"day"``, ``"month"`` or ``"year"``. For a month or a year alone,
    ``day`` is the last day of it (docs/decisions.md: nothing counts before it surely happened) and ``first``
    the first day."""

    day: datetime.date
    precision: str
    first: datetime.date

    @property
    def is_exact(self) -> bool:
        return self.precision == "day"


_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4}|\d{2})(?!\d)")
_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_MONTH = re.compile(r"^(?:thang\s*)?(\d{1,2})\s*[/\-.]\s*(\d{4})$|^thang\s*(\d{1,2})\s*nam\s*(\d{4})$")
_YEAR = re.compile(r"^(?:nam\s*)?(\d{4})$")
EARLIEST_YEAR = 1990


def _checked(year: int, month: int, day: int, text: str) -> datetime.date:
    if year < 100:
        year += 2000
    try:
        found = datetime.date(year, month, day)
    except ValueError:
        raise CellError(f"Ngày “{text}” không có thật (ngày/tháng/năm sai).") from None
    _check_bounds(found, text)
    return found


def _check_bounds(day: datetime.date, text: str) -> None:
    latest = timezone.localdate() + datetime.timedelta(days=366 * 5)
    if day.year < EARLIEST_YEAR or day > latest:
        raise CellError(f"Ngày “{text}” nằm ngoài khoảng hợp lý (từ năm {EARLIEST_YEAR} đến 5 năm tới).")


def find_date(text: str) -> ReadDate | None:
    """The first full date written inside a longer text ("Số 12/QĐ-UBND ngày 15/3/2021"), if any."""
    folded = fold(text)
    for pattern, order in ((_WORDS, (3, 2, 1)), (_DMY, (3, 2, 1)), (_ISO, (1, 2, 3))):
        match = pattern.search(folded)
        if match:
            year, month, day = (int(match[index]) for index in order)
            found = _checked(year, month, day, match[0])
            return ReadDate(found, "day", found)
    return None


def parse_date(value: Any) -> ReadDate:
    """A date from a date cell, "15/03/2021", "15-3-21", "2021-03-15", "ngày 15 tháng 3 năm 2021", a month
    ("03/2021") or a year alone ("2021", "Năm 2021"); CellError for a day that does not exist (31/02/2021)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        _check_bounds(value, value.strftime("%d/%m/%Y"))
        return ReadDate(value, "day", value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and EARLIEST_YEAR <= value <= 2100:
            return _year(int(value), cell_text(value))
        raise CellError(f"“{cell_text(value)}” không phải là ngày; hãy ghi ngày dạng 15/03/2021.")
    text = cell_text(value)
    folded = fold(text).strip(" .")
    if match := _YEAR.match(folded):
        return _year(int(match[1]), text)
    if match := _MONTH.match(folded):
        month, year = (int(match[1]), int(match[2])) if match[1] else (int(match[3]), int(match[4]))
        if not 1 <= month <= 12:
            raise CellError(f"Tháng “{text}” không có thật.")
        last = calendar.monthrange(year, month)[1]
        return ReadDate(_checked(year, month, last, text), "month", datetime.date(year, month, 1))
    for pattern, order in ((_WORDS, (3, 2, 1)), (_DMY, (3, 2, 1)), (_ISO, (1, 2, 3))):
        match = pattern.fullmatch(folded)
        if match:
            year, month, day = (int(match[index]) for index in order)
            found = _checked(year, month, day, text)
            return ReadDate(found, "day", found)
    raise CellError(f"Không đọc được ngày “{text}”; hãy ghi dạng 15/03/2021 (ngày/tháng/năm).")


def _year(year: int, text: str) -> ReadDate:
    _check_bounds(datetime.date(year, 1, 1), text)
    return ReadDate(datetime.date(year, 12, 31), "year", datetime.date(year, 1, 1))


# Numbers -----------------------------------------------------------------------------------------------------

QUALIFIER_PREFIXES: tuple[tuple[str, int], ...] = (
    ("khoang", Qualifier.ABOUT),  # "khoảng 850 triệu đồng"
    ("uoc dat", Qualifier.ABOUT),  # "ước đạt 1,2 tỷ"
    ("uoc", Qualifier.ABOUT),
    ("xap xi", Qualifier.ABOUT),
    ("~", Qualifier.ABOUT),
    ("hon", Qualifier.MORE_THAN),  # "hơn 5.000 lượt"
    ("tren", Qualifier.MORE_THAN),  # "trên 35 sản phẩm"
    (">", Qualifier.MORE_THAN),
    ("gan", Qualifier.NEARLY),  # "gần 200 gian hàng"
)
_UNIT_WORDS = re.compile(
    r"\s*(?:/\s*\w+.*|luot(?: khach)?|nguoi|gian(?: hang)?|san pham|doanh nghiep|don vi|co so|tan|thanh vien)\s*$"
)


@dataclass(frozen=True)
class ReadNumber:
    value: Decimal
    qualifier: int


def parse_number(value: Any, *, multiplier: int = 1, integer: bool = True) -> ReadNumber:
    """A figure with its qualifier: 24, "hơn 5.000 lượt", "khoảng 850 triệu", "1,7 tỷ đồng"; a per-item
    figure keeps its number ("850 triệu đồng/phiên"). ``multiplier`` scales a bare number (a column headed
    "triệu đồng")."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise CellError(f"“{value}” không phải là số.") from None
        return _checked_number(number * multiplier, Qualifier.EXACT, cell_text(value), integer)
    text = cell_text(value)
    folded_words = fold(text)
    qualifier: int = Qualifier.EXACT
    rest = text
    for prefix, found in QUALIFIER_PREFIXES:
        if folded_words.startswith(prefix):
            qualifier = found
            rest = text[len(prefix) :].strip()
            break
    rest_folded = fold(rest)
    cut = _UNIT_WORDS.search(rest_folded)
    if cut:
        rest = rest[: cut.start()].strip()
    try:
        number = parse_vn_number(rest)
    except NumberFormatError as error:
        raise CellError(f"Không đọc được số “{text}”. {error}") from None
    has_multiplier = any(word in fold(rest) for word in ("nghin", "ngan", "trieu", "ty", "ti"))
    return _checked_number(number if has_multiplier else number * multiplier, qualifier, text, integer)


def _checked_number(number: Decimal, qualifier: int, text: str, integer: bool) -> ReadNumber:
    if number < 0:
        raise CellError(f"Số “{text}” âm; chỉ nhận số không âm.")
    if number > Decimal(10) ** 15:
        raise CellError(f"Số “{text}” quá lớn.")
    if integer and number != number.to_integral_value():
        raise CellError(f"“{text}” phải là số nguyên.")
    return ReadNumber(number, qualifier)


def multiplier_of(heading: str) -> int:
    """The scale a column's heading gives its numbers: "Doanh thu (triệu đồng)" → 1.000.000."""
    folded = fold(heading)
    for word, scale in (("ty dong", 10**9), ("trieu", 10**6), ("nghin", 10**3), ("ngan dong", 10**3)):
        if word in folded:
            return scale
    return 1


# Choices by their words -----------------------------------------------------------------------------------------


@lru_cache(maxsize=20_000)
def choose(text: str, table: tuple[tuple[str, str, str], ...]) -> str | None:
    """The code of the first entry whose words all appear in ``text`` (whole words, diacritics aside); entries
    are (words joined by "+", code, example) and are tried in order, the most specific first."""
    folded = fold(text)
    for words, code, _example in table:
        if all(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded) for word in words.split("+")):
            return code
    return None


_SAME_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*[-–]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})(?!\d)")
_OPEN_START = re.compile(
    r"(?<!\d)(\d{1,2})\s*[/.]\s*(\d{1,2})\s*(?:-|–|den)\s*(?:ngay\s*)?(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})(?!\d)"
)


def parse_span(value: Any) -> tuple[ReadDate, ReadDate | None]:
    """An event's dates: one day, or "10-12/01/2023", "10/01/2023 - 12/01/2023", "từ 10/01 đến 12/01/2023"."""
    if not isinstance(value, str):
        return parse_date(value), None
    text = cell_text(value)
    folded = fold(text)
    if match := _SAME_MONTH.search(folded):
        first, last, month, year = (int(match[index]) for index in (1, 2, 3, 4))
        start, end = _checked(year, month, first, text), _checked(year, month, last, text)
        return ReadDate(start, "day", start), ReadDate(end, "day", end)
    if match := _OPEN_START.search(folded):
        year = int(match[5])
        start = _checked(year, int(match[2]), int(match[1]), text)
        end = _checked(year, int(match[4]), int(match[3]), text)
        return ReadDate(start, "day", start), ReadDate(end, "day", end)
    found = [match for match in _DMY.finditer(folded)]
    if len(found) == 2:
        days = [_checked(int(m[3]), int(m[2]), int(m[1]), m[0]) for m in found]
        return ReadDate(days[0], "day", days[0]), ReadDate(days[1], "day", days[1])
    return parse_date(value), None
