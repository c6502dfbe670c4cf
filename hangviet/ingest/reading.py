"""Reading report files into located text: .docx (body, tables, footnotes), .pdf with a text layer, .txt.

Legacy Vietnamese encodings still found in old files (TCVN3/ABC ".VnTime" fonts, VNI fonts) are detected —
by the fonts a .docx names, else by the text itself — and converted with ``viparse``; everything comes out
in NFC. A scanned PDF, an encrypted or corrupt file, a zip bomb or a file over the limit raises
``ReadError`` with a Vietnamese message, before anything is stored.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from hangviet.lib.documents import (
    SUPERSCRIPT_DIGITS,
    DocxParagraph,
    UnreadableDocument,
    clean_text,
    decode_text,
    read_docx,
    superscript,
)

MAX_BYTES = 15 * 1024 * 1024
MAX_UNCOMPRESSED = 80 * 1024 * 1024
MAX_PDF_PAGES = 200
# TCVN3 (ABC) fonts are named ".VnTime", ".VnArial"...; VNI fonts "VNI-Times", "VNI-Helve"...
LEGACY_FONTS = {"vni": re.compile(r"^vni[-\s]", re.IGNORECASE), "tcvn3": re.compile(r"^\.vn", re.IGNORECASE)}
__all__ = ["SUPERSCRIPT_DIGITS", "Passage", "ReadDocument", "ReadError", "read_document", "superscript"]


class ReadError(ValueError):
    """The file cannot be read; ``str(error)`` says why in Vietnamese."""


@dataclass(frozen=True)
class Passage:
    """A paragraph, table row or footnote, with where it is in the document."""

    text: str
    location: str  # "đoạn 12", "bảng 1, dòng 3", "chú thích 3", "trang 2"


@dataclass(frozen=True)
class ReadDocument:
    passages: list[Passage]
    encoding: str  # "unicode", "tcvn3" or "vni"

    @property
    def text(self) -> str:
        return "\n".join(passage.text for passage in self.passages)


def read_document(content: bytes, filename: str) -> ReadDocument:
    if len(content) > MAX_BYTES:
        raise ReadError(gettext_noop("Tệp quá lớn (tối đa 15 MB)."))
    if not content:
        raise ReadError(gettext_noop("Tệp rỗng."))
    name = filename.lower()
    try:
        if name.endswith(".docx"):
            passages, fonts = _docx(content)
        elif name.endswith(".pdf"):
            passages, fonts = _pdf(content), []
        elif name.endswith(".txt"):
            passages, fonts = _txt(content), []
        else:
            raise ReadError(gettext_noop("Chỉ đọc được tệp .docx, .pdf hoặc .txt."))
    except UnreadableDocument as error:
        raise ReadError(str(error)) from error
    return _unlegacy(passages, fonts)


def _unlegacy(passages: list[Passage], fonts: list[str]) -> ReadDocument:
    import viparse

    encoding = next((name for name, pattern in LEGACY_FONTS.items() if any(pattern.match(f) for f in fonts)), None)
    if encoding is None:
        encoding = viparse.detect_text_encoding("\n".join(p.text for p in passages[:200]))
    if encoding not in ("tcvn3", "vni"):
        return ReadDocument([Passage(clean_text(p.text), p.location) for p in passages], "unicode")
    converted = [Passage(clean_text(viparse.fix(p.text, encoding=encoding)), p.location) for p in passages]
    return ReadDocument(converted, encoding)


def _txt(content: bytes) -> list[Passage]:
    paragraphs = [line for line in decode_text(content).splitlines() if line.strip()]
    return [Passage(line, f"đoạn {number}") for number, line in enumerate(paragraphs, start=1)]


def _docx(content: bytes) -> tuple[list[Passage], list[str]]:
    body = read_docx(content, max_uncompressed=MAX_UNCOMPRESSED, footnote_marks=True)
    passages: list[Passage] = []
    paragraph_number = 0
    for block in body.blocks:
        if isinstance(block, DocxParagraph):
            if block.text.strip():
                paragraph_number += 1
                passages.append(Passage(block.text, f"đoạn {paragraph_number}"))
        elif any(cells := [cell.strip() for cell in block.cells]):
            passages.append(Passage(" | ".join(cells), f"bảng {block.table + 1}, dòng {block.row}"))
    passages += [Passage(note.text, f"chú thích {note.label}") for note in body.footnotes]
    return passages, body.fonts


def _pdf(content: bytes) -> list[Passage]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise ReadError(f"Tệp PDF quá nhiều trang (tối đa {MAX_PDF_PAGES}).")
            passages: list[Passage] = []
            for number, page in enumerate(pdf.pages, start=1):
                text = page.extract_text() or ""
                passages.extend(Passage(line, f"trang {number}") for line in text.splitlines() if line.strip())
    except ReadError:
        raise
    except PDFPasswordIncorrect as error:
        raise ReadError(gettext_noop("Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.")) from error
    except (PDFSyntaxError, Exception) as error:  # noqa: BLE001 - pdfminer raises many kinds on a damaged file
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise ReadError(gettext_noop("Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.")) from error
        raise ReadError(gettext_noop("Tệp PDF bị hỏng hoặc không đúng định dạng.")) from error
    if sum(len(p.text) for p in passages) < 40:
        raise ReadError(
            gettext_noop("Tệp PDF không có lớp chữ (bản chụp, bản quét): hãy tải lên tệp Word hoặc PDF có chữ.")
        )
    return passages
