"""Excel round trip: download a report's form pre-filled as .xlsx, fill it offline, upload it back.

The sheet carries the report's id and version in hidden cells; an upload goes through the same parsing,
validation and optimistic locking as the web form.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import IO

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from hangviet.indicators.models import Indicator
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.reporting.forms import check_stored_number
from hangviet.reporting.models import Report

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 500
MAX_MEMBERS = 200
MAX_PART_BYTES = 10 * 1024 * 1024  # one sheet or sharedStrings.xml, unpacked
MAX_UNPACKED_BYTES = 25 * 1024 * 1024
HEADER_ROW = 6
CODE_COLUMN = 7  # G, hidden; workbooks downloaded before it held the code in column A
HEADERS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu kỳ này", "Kỳ trước", "Cùng kỳ năm trước"]
NUMBER_FORMAT = "#,##0.##"


class ExcelImportError(ValueError):
    """The file cannot be used; ``messages`` says why, in Vietnamese. Nothing was saved."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@in_vietnamese()
def build_workbook(
    report: Report,
    indicators: list[Indicator],
    values: dict[str, Decimal],
    previous: dict[str, Decimal],
    last_year: dict[str, Decimal],
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook has one worksheet, the active one
    sheet.title = "Báo cáo"
    sheet["A1"] = "BÁO CÁO KẾT QUẢ THỰC HIỆN CUỘC VẬN ĐỘNG “NGƯỜI VIỆT NAM ƯU TIÊN DÙNG HÀNG VIỆT NAM”"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = f"Đơn vị báo cáo: {report.organisation.name}"
    sheet["A3"] = f"Kỳ báo cáo: {report.period.key.label}"
    sheet["A4"] = "Nhập số liệu vào cột D (chỉ sửa cột D), rồi tải tệp lên trang báo cáo trên hangviet."
    sheet["A4"].font = Font(italic=True)
    sheet["H1"], sheet["H2"] = report.pk, report.version  # read back on upload
    sheet.column_dimensions["H"].hidden = True
    sheet.column_dimensions["G"].hidden = True
    for column, title in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for offset, indicator in enumerate(indicators, start=1):
        row = HEADER_ROW + offset
        sheet.cell(row=row, column=1, value=offset)
        # The indicator's code, read back on upload, sits in hidden column G: nobody reads a code on the sheet.
        sheet.cell(row=row, column=CODE_COLUMN, value=indicator.code)
        sheet.cell(row=row, column=2, value=indicator.name).alignment = Alignment(wrap_text=True)
        sheet.cell(row=row, column=3, value=indicator.unit)
        for column, source in ((4, values), (5, previous), (6, last_year)):
            cell = sheet.cell(row=row, column=column, value=_as_number(source.get(indicator.code)))
            cell.number_format = NUMBER_FORMAT
        sheet.cell(row=row, column=4).protection = Protection(locked=False)
        sheet.cell(row=row, column=4).fill = PatternFill("solid", fgColor="FFF9DB")
    for letter, width in zip("ABCDEF", (6, 70, 14, 18, 14, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.protection.sheet = True  # only column D is editable; no password, it guards against slips
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _as_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def read_workbook(
    stream: IO[bytes], report: Report, indicators: list[Indicator]
) -> tuple[dict[str, Decimal | None], int]:
    """Return ``({code: value}, version)`` from an uploaded workbook, or raise ExcelImportError."""
    _check_unpacked_sizes(stream)
    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ExcelImportError([_("Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.")]) from error
    try:
        sheet = workbook.worksheets[0]
        rows = list(sheet.iter_rows(min_row=1, max_row=HEADER_ROW + MAX_ROWS + 1, max_col=8, values_only=True))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError) as error:  # ParseError, EntitiesForbidden
        raise ExcelImportError([_("Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.")]) from error
    finally:
        workbook.close()
    if len(rows) > HEADER_ROW + MAX_ROWS and any(cell is not None for cell in rows[-1]):
        raise ExcelImportError(
            [_("Tệp Excel có quá nhiều dòng (tối đa %(limit)s dòng chỉ tiêu).") % {"limit": MAX_ROWS}]
        )
    rows = rows[: HEADER_ROW + MAX_ROWS]
    if len(rows) < HEADER_ROW or rows[0][7] != report.pk:
        raise ExcelImportError([_("Tệp này không phải mẫu Excel của báo cáo này. Hãy tải mẫu từ trang báo cáo.")])
    version = rows[1][7] if isinstance(rows[1][7], int) else 0
    names = {indicator.code: indicator.name for indicator in indicators}
    values: dict[str, Decimal | None] = {}
    problems: list[str] = []
    for number, row in enumerate(rows[HEADER_ROW:], start=HEADER_ROW + 1):
        code = row[CODE_COLUMN - 1] if row[CODE_COLUMN - 1] is not None else row[0]
        raw = row[3]
        if code is None:
            continue
        if code not in names:
            problems.append(
                _("Dòng %(row)s: chỉ tiêu “%(name)s” không có trong mẫu báo cáo này.")
                % {"row": number, "name": row[1] or code}
            )
            continue
        try:
            values[str(code)] = _read_cell(raw)
        except NumberFormatError as error:
            problems.append(
                _("Dòng %(row)s (%(name)s): %(error)s") % {"row": number, "name": names[str(code)], "error": error}
            )
    if problems:
        raise ExcelImportError(problems)
    return values, version


def _check_unpacked_sizes(stream: IO[bytes]) -> None:
    """Refuse, from the zip directory alone, a workbook whose parts would unpack too large (a few hundred KB
    of upload can hold hundreds of MB of shared strings) before openpyxl inflates anything."""
    try:
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ExcelImportError([_("Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.")]) from error
    finally:
        stream.seek(0)
    total = sum(member.file_size for member in members)
    if (
        len(members) > MAX_MEMBERS
        or total > MAX_UNPACKED_BYTES
        or any(member.file_size > MAX_PART_BYTES for member in members)
    ):
        raise ExcelImportError(
            [
                _("Tệp Excel khi giải nén quá lớn (tối đa %(limit)s MB); hãy dùng mẫu tải từ trang báo cáo.")
                % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)}
            ]
        )


def _read_cell(raw: object) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise NumberFormatError(_("Ô số liệu chứa giá trị đúng/sai, không phải số."))
    if isinstance(raw, int | float):
        return check_stored_number(Decimal(str(raw)))
    return check_stored_number(parse_vn_number(str(raw)))
