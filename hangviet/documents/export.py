"""An organisation's register of incoming documents (sổ văn bản đến) of one year, as .xlsx."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from hangviet.documents.queries import incoming_register
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.vnformat import format_date_short
from hangviet.orgs.models import Organisation

COLUMNS = ["Số đến", "Ngày đến", "Số, ký hiệu", "Ngày văn bản", "Nơi gửi", "Trích yếu", "Tình trạng", "Ghi chú xử lý"]
WIDTHS = (8, 12, 16, 12, 40, 60, 12, 30)


def _safe(value: object) -> object:
    """Text a spreadsheet would run as a formula is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


@in_vietnamese()
def incoming_workbook(organisation: Organisation, year: int) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Sổ đến {year}"
    sheet.append([_safe(f"SỔ VĂN BẢN ĐẾN NĂM {year} – {organisation.name}")])
    sheet["A1"].font = Font(bold=True)
    sheet.append(COLUMNS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for entry in incoming_register(organisation, year):
        document = entry.document
        state = _("Đã xử lý") if entry.handled_at else (_("Đã đọc") if entry.read_at else _("Chưa đọc"))
        summary = f"V/v {document.summary}" if document.doc_type == "CV" else document.summary
        sheet.append(
            [
                entry.number,
                format_date_short(entry.received_on),
                _safe(document.number_symbol),
                format_date_short(document.issued_on) if document.issued_on else "",
                _safe(document.committee.name),
                _safe(summary),
                state,
                _safe(entry.handling_note),
            ]
        )
    for column, width in zip("ABCDEFGH", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
