"""Reading report files into located text: .docx (body, tables, footnotes), .pdf with a text layer, .txt.

Legacy Vietnamese encodings still found in old files (TCVN3/ABC ".VnTime" fonts, VNI fonts) are detected —
by the fonts a .docx names, else by the text itself — and converted with ``viparse``; everything comes out
in NFC. A scanned PDF, an encrypted or corrupt file, a zip bomb or a file over the limit raises
``ReadError`` with a Vietnamese message, before anything is stored.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Any

MAX_BYTES = 15 * 1024 * 1024
MAX_UNCOMPRESSED = 80 * 1024 * 1024
MAX_PDF_PAGES = 200
# TCVN3 (ABC) fonts are named ".VnTime", ".VnArial"...; VNI fonts "VNI-Times", "VNI-Helve"...
LEGACY_FONTS = {"vni": re.compile(r"^vni[-\s]", re.IGNORECASE), "tcvn3": re.compile(r"^\.vn", re.IGNORECASE)}
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def superscript(number: int) -> str:
    """A footnote marker as the reader writes it into the text: 4 → "⁴", 12 → "¹²"."""
    return "".join(SUPERSCRIPT_DIGITS[int(digit)] for digit in str(number))


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
        raise ReadError("Tệp quá lớn (tối đa 15 MB).")
    if not content:
        raise ReadError("Tệp rỗng.")
    name = filename.lower()
    if name.endswith(".docx"):
        passages, fonts = _docx(content)
    elif name.endswith(".pdf"):
        passages, fonts = _pdf(content), []
    elif name.endswith(".txt"):
        passages, fonts = _txt(content), []
    else:
        raise ReadError("Chỉ đọc được tệp .docx, .pdf hoặc .txt.")
    return _unlegacy(passages, fonts)


def _unlegacy(passages: list[Passage], fonts: list[str]) -> ReadDocument:
    import viparse

    encoding = next((name for name, pattern in LEGACY_FONTS.items() if any(pattern.match(f) for f in fonts)), None)
    if encoding is None:
        encoding = viparse.detect_text_encoding("\n".join(p.text for p in passages[:200]))
    if encoding not in ("tcvn3", "vni"):
        return ReadDocument([Passage(_nfc(p.text), p.location) for p in passages], "unicode")
    converted = [Passage(_nfc(viparse.fix(p.text, encoding=encoding)), p.location) for p in passages]
    return ReadDocument(converted, encoding)


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def _txt(content: bytes) -> list[Passage]:
    for encoding in ("utf-8-sig", "utf-16") if content[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "cp1258"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ReadError("Không đọc được bảng mã của tệp văn bản.")
    if "\x00" in text:
        raise ReadError("Tệp không phải là văn bản thuần (.txt).")
    paragraphs = [line for line in text.splitlines() if line.strip()]
    return [Passage(line, f"đoạn {number}") for number, line in enumerate(paragraphs, start=1)]


def _docx(content: bytes) -> tuple[list[Passage], list[str]]:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            if sum(info.file_size for info in package.infolist()) > MAX_UNCOMPRESSED:
                raise ReadError("Tệp Word giải nén ra quá lớn; có thể là tệp độc hại, không đọc.")
            names = set(package.namelist())
            if "EncryptedPackage" in names:
                raise ReadError("Tệp Word được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.")
            footnotes_xml = package.read("word/footnotes.xml") if "word/footnotes.xml" in names else b""
        document = Document(io.BytesIO(content))
    except ReadError:
        raise
    except zipfile.BadZipFile as error:
        if content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise ReadError("Tệp Word được đặt mật khẩu hoặc là tệp .doc cũ; hãy lưu lại dạng .docx.") from error
        raise ReadError("Tệp Word (.docx) bị hỏng hoặc không đúng định dạng.") from error
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds on a damaged file
        raise ReadError("Tệp Word (.docx) bị hỏng hoặc không đúng định dạng.") from error
    passages: list[Passage] = []
    fonts: set[str] = set()
    note_numbers: dict[str, int] = {}
    paragraph_number = table_number = 0
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            paragraph = Paragraph(child, document)
            fonts.update(run.font.name for run in paragraph.runs if run.font.name)
            text = _paragraph_text(paragraph, note_numbers)
            if text.strip():
                paragraph_number += 1
                passages.append(Passage(text, f"đoạn {paragraph_number}"))
        elif child.tag.endswith("}tbl"):
            table_number += 1
            for row_number, row in enumerate(Table(child, document).rows, start=1):
                cells = [cell.text.strip() for cell in row.cells]
                if any(cells):
                    passages.append(Passage(" | ".join(cells), f"bảng {table_number}, dòng {row_number}"))
    passages.extend(_footnotes(footnotes_xml, note_numbers))
    return passages, sorted(fonts)


def _paragraph_text(paragraph: Any, note_numbers: dict[str, int]) -> str:
    """The paragraph's text with each footnote reference written as its number in superscript ("ngoài
    tỉnh⁴"), as Word shows it, so that a footnote can be read with the clause it belongs to. Footnotes are
    numbered in the order they are referenced (Word's ids need not be the numbers it displays)."""
    element = paragraph._p
    if element.find(f".//{_W}footnoteReference") is None:
        return str(paragraph.text)
    parts = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}footnoteReference"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}br":
            parts.append("\n")
        else:
            number = note_numbers.setdefault(node.get(f"{_W}id") or "", len(note_numbers) + 1)
            parts.append(superscript(number))
    return "".join(parts)


def _footnotes(xml: bytes, note_numbers: dict[str, int]) -> list[Passage]:
    if not xml:
        return []
    from lxml import etree

    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    passages = []
    for note in root.iter(f"{namespace}footnote"):
        if note.get(f"{namespace}type") in ("separator", "continuationSeparator"):
            continue
        text = "".join(node.text or "" for node in note.iter(f"{namespace}t")).strip()
        if text:
            note_id = note.get(f"{namespace}id") or ""
            passages.append(Passage(text, f"chú thích {note_numbers.get(note_id, note_id)}"))
    return passages


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
        raise ReadError("Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.") from error
    except (PDFSyntaxError, Exception) as error:  # noqa: BLE001 - pdfminer raises many kinds on a damaged file
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise ReadError("Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.") from error
        raise ReadError("Tệp PDF bị hỏng hoặc không đúng định dạng.") from error
    if sum(len(p.text) for p in passages) < 40:
        raise ReadError("Tệp PDF không có lớp chữ (bản chụp, bản quét): hãy tải lên tệp Word hoặc PDF có chữ.")
    return passages
