"""Lists as offices keep them, built in memory for the import tests: .xlsx with titles above the headings, CSV
in the encodings Vietnamese Windows and Excel write."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook


def xlsx(rows: Sequence[Sequence[Any]], *, titles: Sequence[str] = (), formulas: bool = False) -> bytes:
    """A workbook whose first sheet holds ``titles`` (one per row, then a blank row) above ``rows``. Cells whose
    text starts with "=" are written as formulas when ``formulas`` is set."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Danh sách"
    for title in titles:
        sheet.append([title])
    if titles:
        sheet.append([])
    for row in rows:
        sheet.append(list(row))
    if not formulas:
        for line in sheet.iter_rows():
            for cell in line:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: Sequence[Sequence[Any]], *, delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    text = buffer.getvalue()
    return "".join(_cp1258(char) for char in text).encode(encoding) if encoding == "cp1258" else text.encode(encoding)


def _cp1258(char: str) -> str:
    """Windows-1258 writes a vowel with its tone mark as two characters ("ậ" = "â" + combining dot below)."""
    try:
        char.encode("cp1258")
        return char
    except UnicodeEncodeError:
        decomposed = unicodedata.normalize("NFD", char)
        vowel_marks = "".join(mark for mark in decomposed[1:] if mark in "\u0302\u0306\u031b")
        tones = "".join(mark for mark in decomposed[1:] if mark not in vowel_marks)
        return unicodedata.normalize("NFC", decomposed[0] + vowel_marks) + tones


OCOP_HEADINGS = ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao", "Số QĐ", "Ngày quyết định"]
