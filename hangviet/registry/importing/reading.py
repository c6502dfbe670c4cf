"""Reading an office's list (.xlsx or .csv) into a table: the heading row found and matched, then the data rows.

The heading row need not be the first (titles, the issuing office and a date often sit above it) and may span
two rows ("Địa chỉ" above "Xã" and "Huyện"); numbering rows ("(1) (2) (3)"), group titles ("I. Huyện Châu
Thành") and total rows ("Tổng cộng") are skipped. A file is refused whole, with a Vietnamese reason, when it
cannot be read, when its headings match none of the columns the registry needs (a mislabelled file: the
message lists the columns expected and those found), when it has no data row, or when it has more rows than
``HANGVIET_REGISTRY_IMPORT_MAX_ROWS``.

Workbooks are opened read-only and without cached values, so a formula arrives as its text and is refused by
``cells.cell_text``; it is never evaluated.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from hangviet.lib.vnformat import format_number
from hangviet.registry.importing.headings import (
    KindSpec,
    Mapping,
    expected_columns_text,
    match_headings,
    missing_columns,
)
from hangviet.registry.importing.text import fold

HEADER_SEARCH_ROWS = 30  # the heading row lies within the first 30 rows
MAX_COLUMNS = 60
MAX_SHEETS = 20
EMPTY_RUN_ENDS_TABLE = 2000  # that many empty rows in a row: the list has ended (formatting below it)
DELIMITERS = ",;\t|"


class FileRefused(ValueError):
    """The whole file is refused; ``str(error)`` says why, in Vietnamese. Nothing was imported."""


@dataclass(frozen=True)
class SourceRow:
    number: int  # the row's number as the spreadsheet shows it (the record's number in a CSV file)
    cells: tuple[Any, ...]


@dataclass
class Table:
    spec: KindSpec
    mapping: Mapping
    header_row: int
    sheet: str
    rows: list[SourceRow] = field(default_factory=list)
    skipped: int = 0  # group titles and total rows

    def heading(self, name: str) -> str:
        return self.mapping.headings[self.mapping.columns[name]]


def max_rows() -> int:
    return int(getattr(settings, "HANGVIET_REGISTRY_IMPORT_MAX_ROWS", 30_000))


def read_table(content: bytes, name: str, spec: KindSpec, *, limit: int | None = None) -> Table:
    """The list in ``content`` (the file's bytes; ``name`` gives its type), or FileRefused."""
    limit = max_rows() if limit is None else limit
    if name.lower().endswith(".csv"):
        rows = _csv_rows(content)
        head = [row for _index, row in zip(range(HEADER_SEARCH_ROWS), rows, strict=False)]
        return _from_rows(head, lambda width: rows, spec, "CSV", limit)
    if name.lower().endswith(".xlsx"):
        return _read_workbook(content, spec, limit)
    raise FileRefused("Chỉ nhận danh sách Excel (.xlsx) hoặc CSV (.csv).")


# Workbooks ---------------------------------------------------------------------------------------------------


def _read_workbook(content: bytes, spec: KindSpec, limit: int) -> Table:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        raise FileRefused(_BROKEN_WORKBOOK) from error
    try:
        refusals: list[FileRefused] = []
        for sheet in workbook.worksheets[:MAX_SHEETS]:
            sheet.reset_dimensions()  # some writers store a wrong size; read what is there

            def rest(width: int, sheet: Any = sheet) -> Iterator[SourceRow]:
                values = sheet.iter_rows(min_row=HEADER_SEARCH_ROWS + 1, max_col=width, values_only=True)
                return (SourceRow(number, tuple(row)) for number, row in enumerate(values, HEADER_SEARCH_ROWS + 1))

            head = [
                SourceRow(number, tuple(values))
                for number, values in enumerate(
                    sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS, values_only=True), start=1
                )
            ]
            try:
                return _from_rows(head, rest, spec, sheet.title, limit)
            except _NoHeader as refusal:
                refusals.append(refusal)
        raise refusals[0] if refusals else FileRefused("Tệp Excel không có trang tính nào.")
    except FileRefused:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise FileRefused(_BROKEN_WORKBOOK) from error
    finally:
        workbook.close()


_BROKEN_WORKBOOK = "Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx; hãy mở bằng Excel và lưu lại."


# CSV ---------------------------------------------------------------------------------------------------------


def decode_text(content: bytes) -> str:
    """CSV text: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1258 (Vietnamese Windows)."""
    if content.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp1258"]
    for encoding in candidates:
        try:
            return unicodedata.normalize("NFC", content.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise FileRefused("Không đọc được bảng mã của tệp CSV; hãy lưu lại dạng “CSV UTF-8”.")


def sniff_delimiter(text: str) -> str:
    """The delimiter used most consistently over the first lines (Excel writes ";" where "," is the decimal
    mark, as on Vietnamese Windows)."""
    lines = [line for line in text.splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(next(csv.reader([line], delimiter=delimiter))) - 1 for line in lines]
        used = [count for count in counts if count > 0]
        if not used:
            continue
        # Lines that agree with the most common count, then how many columns that gives.
        common = max(set(used), key=used.count)
        score = (used.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(content: bytes) -> Iterator[SourceRow]:
    text = decode_text(content)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        for number, values in enumerate(reader, start=1):
            yield SourceRow(number, tuple(values[:MAX_COLUMNS]))
    except csv.Error as error:
        raise FileRefused(
            f"Tệp CSV sai cấu trúc ở dòng {reader.line_num}: có ô quá dài hoặc dấu ngoặc kép lệch."
        ) from error


# The table ---------------------------------------------------------------------------------------------------


class _NoHeader(FileRefused):
    pass


def _texts(cells: Sequence[Any]) -> list[str]:
    return ["" if cell is None else (" ".join(cell.split()) if isinstance(cell, str) else str(cell)) for cell in cells]


def _header_in(head: list[SourceRow], spec: KindSpec) -> tuple[Mapping, int] | None:
    """The best heading row (or pair of rows) among the first rows: all required columns, most columns."""
    best: tuple[int, int, Mapping, int] | None = None
    for index, row in enumerate(head):
        options = [(_texts(row.cells), index)]
        if index + 1 < len(head):
            lower = _texts(head[index + 1].cells)
            upper = _texts(row.cells) + [""] * max(0, len(lower) - len(row.cells))
            merged = [low or up for up, low in zip(upper, lower + [""] * (len(upper) - len(lower)), strict=True)]
            options.append((merged, index + 1))
        for texts, last in options:
            mapping = match_headings(spec, texts)
            if missing_columns(spec, mapping):
                continue
            score = (len(mapping.columns), -last)
            if best is None or score > (best[0], best[1]):
                best = (score[0], score[1], mapping, last)
    return None if best is None else (best[2], best[3])


def _refuse_headings(spec: KindSpec, head: list[SourceRow], where: str) -> _NoHeader:
    widest = max(head, key=lambda row: sum(1 for text in _texts(row.cells) if text), default=None)
    found = [text for text in _texts(widest.cells) if text][:12] if widest else []
    found_text = ", ".join(f"“{text[:40]}”" for text in found) or "không có"
    return _NoHeader(
        f"Không nhận ra dòng tiêu đề của danh sách {str(spec.label).lower()} ({where}): cần tối thiểu các cột "
        f"{expected_columns_text(spec)}. Các cột tìm thấy: {found_text}. Có thể tệp không phải danh sách này, "
        "hoặc tiêu đề cột ghi khác; hãy sửa tiêu đề cột rồi tải lên lại."
    )


_NUMBERING = re.compile(r"^\(?\s*(?:\d{1,2}|[a-z])\s*\)?$")
_SECTION = re.compile(
    r"^(?:[ivxlc]+|[a-z]|\d{1,2})[.)]\s|^(?:huyen|thanh pho|thi xa|quan|xa|phuong|thi tran|tinh|dac khu)\s"
    r"|^(?:nguoi lap|ghi chu|nguon|ky ten|xac nhan|thu truong|lanh dao)"
)
_TOTAL = re.compile(r"^(?:tong cong|tong so|tong|cong)\s*(?:$|:|\d|\()")  # not "Công ty", "Công thức"


def _is_skipped(filled: list[str]) -> bool:
    """A group title ("I. Huyện Châu Thành"), a total row ("Tổng cộng: 178 sản phẩm") or a signature line."""
    first = [fold(text) for text in filled[:2]]
    if any(_TOTAL.match(text) for text in first):
        return True
    return len(filled) == 1 and bool(_SECTION.match(first[0]))


def _from_rows(
    head: list[SourceRow], rest: Callable[[int], Iterator[SourceRow]], spec: KindSpec, where: str, limit: int
) -> Table:
    """The table from its first rows (where the headings are) and the rows after them (``rest(width)``)."""
    found = _header_in(head, spec)
    if found is None:
        raise _refuse_headings(spec, head, where)
    mapping, header_index = found
    width = max(index for index, heading in enumerate(mapping.headings) if heading) + 1
    table = Table(spec, mapping, head[header_index].number, where)
    first_data = True
    empty_run = 0

    for row in itertools.chain(head[header_index + 1 :], rest(width)):
        row = SourceRow(row.number, row.cells[:width])
        filled = [text for text in _texts(row.cells) if text]
        if not filled:
            empty_run += 1
            if empty_run >= EMPTY_RUN_ENDS_TABLE:
                break
            continue
        empty_run = 0
        if first_data and len(filled) >= 2 and all(_NUMBERING.match(fold(text)) for text in filled):
            first_data = False
            continue  # "(1) (2) (3) …" under the headings
        first_data = False
        if _is_skipped(filled):
            table.skipped += 1
            continue
        if len(table.rows) >= limit:
            raise FileRefused(
                f"Danh sách có hơn {format_number(limit)} dòng; mỗi lần nhập tối đa {format_number(limit)} dòng "
                f"(giới hạn của hệ thống). Hãy chia danh sách thành nhiều tệp nhỏ hơn rồi nhập lần lượt. "
                f"Chưa nhập dòng nào."
            )
        table.rows.append(row)
    if not table.rows:
        raise FileRefused(
            f"Không có dòng dữ liệu nào dưới dòng tiêu đề (dòng {table.header_row}) của danh sách; chưa nhập gì."
        )
    return table
