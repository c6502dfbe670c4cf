"""Reading a plan document into lines: .txt (UTF-8, or the Windows Vietnamese code page) and .docx
(paragraphs, with Word's automatic list numbers written back, and table rows in document order). Limits keep
hostile files from costing much."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any

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
    numbering = _Numbering(document)
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):  # a line break inside a paragraph starts a line, as in a .txt
            paragraph = Paragraph(child, document)
            texts = [text for part in paragraph.text.split("\n") if (text := _clean(part))]
            if texts and (number := numbering.prefix(paragraph, texts[0])):
                texts[0] = f"{number} {texts[0]}"
            lines += [Line(text) for text in texts]
        elif child.tag.endswith("}tbl"):
            for row in Table(child, document).rows:
                cells = [_clean(cell.text) for cell in row.cells]
                if any(cells):
                    lines.append(Line(" | ".join(cells), cells, tables))
            tables += 1
    return lines


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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
    """Word's automatic list numbers ("1.", "1.1.", "a)", bullets), which a paragraph's text leaves out: written
    back in front of the text, as a .txt of the same plan would have them (bullets as "-", deeper ones "+")."""

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


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())
