"""Reading the documents people upload, shared by the plan reader (``plans/reading.py``: lines) and the report
reader (``ingest/reading.py``: located passages).

``decode_text`` reads a text file (UTF-8 with or without BOM, UTF-16 with BOM, else the Windows Vietnamese
code page). ``read_docx`` opens a Word file only after the upload policy's checks (``lib/uploads.py``: the
file really is a .docx, its archive is sound and small, no XML declarations) and walks the body in document
order: paragraphs (Word's automatic list numbers made out, footnote references written as superscript
numbers on request), table rows, then the footnotes. Every refusal is ``UnreadableDocument`` with a
Vietnamese message.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_noop

from hangviet.lib.uploads import OLE2_MAGIC, check_content, decoded_text

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class UnreadableDocument(ValueError):
    """The file cannot be read; ``str(error)`` says why, in Vietnamese."""


def clean_text(text: str) -> str:
    """NFC, no-break spaces as spaces, runs of white space as one space, no space at either end."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def superscript(number: int) -> str:
    """A footnote marker as the readers write it into the text: 4 → "⁴", 12 → "¹²"."""
    return "".join(SUPERSCRIPT_DIGITS[int(digit)] for digit in str(number))


def decode_text(content: bytes) -> str:
    """The text of a plain-text file, or UnreadableDocument (unknown code page, or not text at all)."""
    text = decoded_text(content)
    if text is None:
        raise UnreadableDocument(gettext_noop("Không đọc được bảng mã của tệp văn bản."))
    if "\x00" in text:
        raise UnreadableDocument(gettext_noop("Tệp không phải là văn bản thuần (.txt)."))
    return text


@dataclass(frozen=True)
class DocxParagraph:
    text: str  # as Word holds it: "\n" for a line break, "\t" for a tab; footnote marks if asked for
    number: str = ""  # the automatic list number Word shows in front ("1.", "a)", "-"), when asked for


@dataclass(frozen=True)
class DocxRow:
    cells: list[str]  # each cell's text as Word holds it
    table: int  # which table of the body (0, 1, …)
    row: int  # which row of that table (1, 2, …; empty rows count)


@dataclass(frozen=True)
class DocxFootnote:
    label: str  # the number the text shows for it ("3"), else Word's id
    text: str


@dataclass(frozen=True)
class DocxBody:
    blocks: list[DocxParagraph | DocxRow]  # in document order
    footnotes: list[DocxFootnote] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)  # the font names the paragraphs' runs ask for


def read_docx(
    content: bytes, *, max_uncompressed: int, list_numbers: bool = False, footnote_marks: bool = False
) -> DocxBody:
    """The body of a .docx in document order; UnreadableDocument if the file is not a sound, harmless .docx."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    package = _open_docx(content, max_uncompressed)
    try:
        document = Document(io.BytesIO(content))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds on a damaged file
        raise UnreadableDocument(gettext_noop("Tệp Word (.docx) bị hỏng hoặc không đúng định dạng.")) from error
    numbering = _Numbering(document) if list_numbers else None
    note_numbers: dict[str, int] = {}
    blocks: list[DocxParagraph | DocxRow] = []
    fonts: set[str] = set()
    tables = 0
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            paragraph = Paragraph(child, document)
            fonts.update(run.font.name for run in paragraph.runs if run.font.name)
            text = _marked_text(paragraph, note_numbers) if footnote_marks else str(paragraph.text)
            number = ""
            if numbering is not None and (first := next(filter(None, map(clean_text, text.split("\n"))), "")):
                number = numbering.prefix(paragraph, first)
            blocks.append(DocxParagraph(text, number))
        elif child.tag.endswith("}tbl"):
            for row_number, row in enumerate(Table(child, document).rows, start=1):
                blocks.append(DocxRow([cell.text for cell in row.cells], tables, row_number))
            tables += 1
    return DocxBody(blocks, _footnotes(package.get("word/footnotes.xml", b""), note_numbers), sorted(fonts))


def _open_docx(content: bytes, max_uncompressed: int) -> dict[str, bytes]:
    """The parts the walk reads besides the body (the footnotes), after the upload policy's checks."""
    try:
        check_content(content, ".docx")
    except ValidationError as error:
        if content.startswith(OLE2_MAGIC):
            message = gettext_noop("Tệp Word được đặt mật khẩu hoặc là tệp .doc cũ; hãy lưu lại dạng .docx.")
            raise UnreadableDocument(message) from error
        raise UnreadableDocument(" ".join(error.messages)) from error
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        if sum(info.file_size for info in package.infolist()) > max_uncompressed:
            raise UnreadableDocument(gettext_noop("Tệp Word giải nén ra quá lớn; có thể là tệp độc hại, không đọc."))
        names = set(package.namelist())
        if "EncryptedPackage" in names:
            raise UnreadableDocument(gettext_noop("Tệp Word được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại."))
        return {"word/footnotes.xml": package.read("word/footnotes.xml")} if "word/footnotes.xml" in names else {}


def _marked_text(paragraph: Any, note_numbers: dict[str, int]) -> str:
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


def _footnotes(xml: bytes, note_numbers: dict[str, int]) -> list[DocxFootnote]:
    if not xml:
        return []
    from lxml import etree

    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    notes = []
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator"):
            continue
        text = "".join(node.text or "" for node in note.iter(f"{_W}t")).strip()
        if text:
            note_id = note.get(f"{_W}id") or ""
            notes.append(DocxFootnote(str(note_numbers.get(note_id, note_id)), text))
    return notes


_TYPED_NUMBER = re.compile(r"^(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)/:-]|^[-–+•*]")


def _roman(number: int) -> str:
    letters = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, text in letters:
        while number >= value:
            out, number = out + text, number - value
    return out


def _formatted(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return "abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26]
    if fmt == "upperLetter":
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(number - 1) % 26]
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(min(number, 39))
        return roman if fmt == "upperRoman" else roman.lower()
    return str(number)


class _Numbering:
    """Word's automatic list numbers ("1.", "1.1.", "a)", bullets), which a paragraph's text leaves out, as a
    .txt of the same document would have them (bullets as "-", deeper ones "+")."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[str, dict[str, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[str, tuple[str, str, int]]] = {}
        for definition in root.iterfind(f"{_W}abstractNum"):
            levels = {}
            for level in definition.iterfind(f"{_W}lvl"):
                fmt, text, start = level.find(f"{_W}numFmt"), level.find(f"{_W}lvlText"), level.find(f"{_W}start")
                levels[level.get(f"{_W}ilvl", "0")] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None and start.get(f"{_W}val", "").isdigit() else 1,
                )
            abstract[definition.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iterfind(f"{_W}num"):
            reference = num.find(f"{_W}abstractNumId")
            if reference is not None:
                self.formats[num.get(f"{_W}numId", "")] = abstract.get(reference.get(f"{_W}val", ""), {})

    def prefix(self, paragraph: Any, text: str) -> str:
        """The number Word shows before ``paragraph``, or "" (also when its numbering cannot be made out)."""
        try:
            return self._prefix(paragraph, text)
        except (AttributeError, KeyError, ValueError, TypeError, IndexError):
            return ""

    def _prefix(self, paragraph: Any, text: str) -> str:
        numbered = None
        for properties in (paragraph._p.pPr, paragraph.style.element.pPr if paragraph.style is not None else None):
            if properties is not None and properties.numPr is not None:
                numbered = properties.numPr
                break
        if numbered is None or numbered.numId is None or _TYPED_NUMBER.match(text):
            return ""
        num_id, level = str(numbered.numId.val), int(numbered.ilvl.val) if numbered.ilvl is not None else 0
        levels = self.formats.get(num_id, {})
        fmt, pattern, start = levels.get(str(level), ("decimal", f"%{level + 1}.", 1))
        if fmt == "bullet":
            return "-" if level == 0 else "+"
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]

        def value(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            at_fmt = levels.get(str(at), ("decimal", "", 1))[0]
            return _formatted(counters.get(at, levels.get(str(at), ("", "", 1))[2]), at_fmt)

        return re.sub(r"%(\d)", value, pattern).strip()
