"""Reading a plan document into lines: .txt (UTF-8, or the Windows Vietnamese code page) and .docx
(paragraphs and table rows in document order). Limits keep hostile files from costing much."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

MAX_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED = 60 * 1024 * 1024


class DocumentReadError(ValueError):
    """The file cannot be read; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Line:
    text: str
    cells: list[str] = field(default_factory=list)  # set when the line is a table row
    table: int = -1  # which table of the document the row belongs to (0, 1, …)

    @property
    def is_row(self) -> bool:
        return bool(self.cells)


def read_lines(content: bytes, filename: str) -> list[Line]:
    """The non-empty lines of a .txt or .docx plan, in NFC; raises DocumentReadError on anything else."""
    if len(content) > MAX_BYTES:
        raise DocumentReadError("Tệp quá lớn (tối đa 10 MB).")
    name = filename.lower()
    if name.endswith(".docx"):
        return _docx_lines(content)
    if name.endswith(".txt"):
        return _text_lines(content)
    raise DocumentReadError("Chỉ nhập được tệp .docx hoặc .txt.")


def _text_lines(content: bytes) -> list[Line]:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1258 decodes almost anything
        raise DocumentReadError("Không đọc được bảng mã của tệp văn bản.")
    if "\x00" in text:
        raise DocumentReadError("Tệp không phải là văn bản thuần (.txt).")
    return [Line(clean) for raw in text.splitlines() if (clean := _clean(raw))]


def _docx_lines(content: bytes) -> list[Line]:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            if sum(info.file_size for info in package.infolist()) > MAX_UNCOMPRESSED:
                raise DocumentReadError("Tệp Word giải nén ra quá lớn; có thể là tệp độc hại.")
        document = Document(io.BytesIO(content))
    except DocumentReadError:
        raise
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds on a damaged file
        raise DocumentReadError("Tệp Word (.docx) bị hỏng hoặc không đúng định dạng.") from error
    lines: list[Line] = []
    tables = 0
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):  # a line break inside a paragraph starts a line, as in a .txt
            lines += [Line(text) for part in Paragraph(child, document).text.split("\n") if (text := _clean(part))]
        elif child.tag.endswith("}tbl"):
            for row in Table(child, document).rows:
                cells = [_clean(cell.text) for cell in row.cells]
                if any(cells):
                    lines.append(Line(" | ".join(cells), cells, tables))
            tables += 1
    return lines


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())
