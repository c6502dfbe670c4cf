"""A workbook is bounded before openpyxl unpacks it: huge shared strings, entity attacks and too many rows
get a Vietnamese error, never a 500 or a server stuck inflating hundreds of MB."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from hangviet.reporting import excel
from hangviet.reporting.models import Report
from hangviet.reporting.queries import form_indicators

pytestmark = pytest.mark.django_db


def _rewritten(replace: dict[str, bytes | None], *, stream_part: tuple[str, int] | None = None) -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "x"
    source = io.BytesIO()
    workbook.save(source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as new:
        for item in original.infolist():
            if item.filename in replace:
                continue
            new.writestr(item, original.read(item))
        for name, data in replace.items():
            if data is not None:
                new.writestr(name, data)
        if stream_part:
            name, megabytes = stream_part
            with new.open(name, "w", force_zip64=True) as handle:
                handle.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
                chunk = b"A" * (1024 * 1024)
                for _ in range(megabytes):
                    handle.write(chunk)
                handle.write(b"</t></si></sst>")
    return out.getvalue()


def test_a_small_workbook_with_huge_shared_strings_is_refused(commune_report: Report) -> None:
    content = _rewritten({"xl/sharedStrings.xml": None}, stream_part=("xl/sharedStrings.xml", 170))
    assert len(content) < 500 * 1024
    with pytest.raises(excel.ExcelImportError) as refused:
        excel.read_workbook(io.BytesIO(content), commune_report, form_indicators(commune_report))
    assert "quá lớn" in refused.value.messages[0]


def test_an_entity_attack_in_a_sheet_is_a_vietnamese_error(commune_report: Report) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'
    )
    content = _rewritten({"xl/worksheets/sheet1.xml": laughs})
    with pytest.raises(excel.ExcelImportError) as refused:
        excel.read_workbook(io.BytesIO(content), commune_report, form_indicators(commune_report))
    assert "không phải là tệp Excel" in refused.value.messages[0]


def test_a_workbook_with_too_many_rows_is_refused(commune_report: Report) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.cell(row=1, column=8).value = commune_report.pk
    for row in range(excel.HEADER_ROW + 1, excel.HEADER_ROW + excel.MAX_ROWS + 3):
        sheet.cell(row=row, column=1).value = "banners"
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    with pytest.raises(excel.ExcelImportError) as refused:
        excel.read_workbook(buffer, commune_report, form_indicators(commune_report))
    assert "quá nhiều dòng" in refused.value.messages[0]
