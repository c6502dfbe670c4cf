"""Reading a plan document into lines: .txt (UTF-8, or the Windows Vietnamese code page) and .docx
(paragraphs, with Word's automatic list numbers written back, and table rows in document order). The reading
itself, and the limits that keep hostile files from costing much, are ``lib/documents.py``."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext

from hangviet.lib.documents import DocxParagraph, UnreadableDocument, clean_text, decode_text, read_docx

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
        raise DocumentReadError(gettext("Tệp quá lớn (tối đa 10 MB)."))
    name = filename.lower()
    try:
        if name.endswith(".docx"):
            return _docx_lines(content)
        if name.endswith(".txt"):
            return [Line(clean) for raw in decode_text(content).splitlines() if (clean := clean_text(raw))]
    except UnreadableDocument as error:
        raise DocumentReadError(gettext(str(error))) from error
    raise DocumentReadError(gettext("Chỉ nhập được tệp .docx hoặc .txt."))


def _docx_lines(content: bytes) -> list[Line]:
    lines: list[Line] = []
    for block in read_docx(content, max_uncompressed=MAX_UNCOMPRESSED, list_numbers=True).blocks:
        if isinstance(block, DocxParagraph):  # a line break inside a paragraph starts a line, as in a .txt
            texts = [text for part in block.text.split("\n") if (text := clean_text(part))]
            if texts and block.number:
                texts[0] = f"{block.number} {texts[0]}"
            lines += [Line(text) for text in texts]
        elif any(cells := [clean_text(cell) for cell in block.cells]):
            lines.append(Line(" | ".join(cells), cells, block.table))
    return lines
