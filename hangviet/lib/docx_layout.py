"""The official document layout of Decree 30/2020/NĐ-CP, as a Word (.docx) file. Built once, used by every
document type (Báo cáo, Kế hoạch, Thông báo ...).

A4; margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman (LibreOffice renders it with the
metric-compatible Liberation Serif); the two-column header with the issuing body left and the national title
right, each with a short rule under it; number and symbol; place and date in italics; the document type and
summary centred in bold; the body justified with first-line indents and real Word footnotes; then "Nơi
nhận" bottom-left and the signature block bottom-right; annexes on their own landscape pages.

A letter (công văn) is the same layout with two options of the data (Appendix I of the decree): no centred type
title, its "V/v …" summary under the number in the left column (``summary_under_number``), and a "Kính gửi:"
block above the body (``addressees``); "Nơi nhận" then opens with "Như trên;".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from hangviet.lib.i18n import in_vietnamese

FONT = "Times New Roman"
TEXT_WIDTH_CM = 16.5  # 210 mm − 30 mm − 15 mm
HEADER_COLUMNS_CM = (6.5, 10.0)
NBSP = "\u00a0"
TEXT_COLUMNS = (1, 2)  # an annex's indicator name and unit wrap; every other column holds a number
FOOTNOTE_MARK = re.compile(r"\^\[(?P<note>[^\[\]]+)\]")


@dataclass(frozen=True)
class Block:
    """A heading (``level`` 1 = "I. ...", 2 = "1. ...") or a body paragraph (``level`` 0).

    Body text may carry footnotes inline, written ``^[text of the note]`` right after the word they
    belong to; they become real Word footnotes.
    """

    text: str
    level: int = 0


@dataclass(frozen=True)
class Annex:
    title: str
    columns: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class OfficialDocument:
    parent_body: str  # "ỦY BAN MTTQ VIỆT NAM TỈNH VĨNH LONG" (may be empty)
    issuing_body: str  # "BAN CHỈ ĐẠO CUỘC VẬN ĐỘNG ..."
    number: str  # "154/BC-BCĐ", or "   /BC-BCĐ" for a draft
    place_and_date: str  # "Vĩnh Long, ngày 23 tháng 6 năm 2023"
    kind_title: str  # "BÁO CÁO", "KẾ HOẠCH", "THÔNG BÁO"
    summary: str
    blocks: list[Block]
    recipients: list[str]
    signing_authority: str  # "TM. BAN CHỈ ĐẠO"
    signer_position: str  # "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"
    signer_name: str
    annexes: list[Annex] = field(default_factory=list)
    draft_watermark: bool = False
    signing_for: str = ""  # "KT. TRƯỞNG BAN" when a deputy signs for the head; empty when the head signs
    # A letter (công văn): "V/v …" under the number instead of a centred title, and whom it is addressed to.
    summary_under_number: bool = False
    addressees: list[str] = field(default_factory=list)  # "Kính gửi:" lines, as named ("Sở Tư pháp")


AS_ABOVE = "Như trên"
KINH_GUI = "Kính gửi:"
KINH_GUI_INDENT_CM = 3.0  # where "Kính gửi:" starts; the addressees' dashes line up under its colon
KINH_GUI_WIDTH_CM = 2.35  # the width of "Kính gửi: " at 14 pt Times New Roman


class _Footnotes:
    """Collects footnotes while the body is written, then adds the footnotes part to the package."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def reference(self, paragraph: Paragraph, text: str) -> None:
        self.notes.append(text)
        run = paragraph.add_run()
        run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{len(self.notes)}"/>'))
        run.font.superscript = True

    def attach(self, document: Document) -> None:
        if not self.notes:
            return
        body = "".join(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:jc w:val="both"/><w:spacing w:after="0"/></w:pPr>'
            f'<w:r><w:rPr>{_fonts_xml(10)}<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr>{_fonts_xml(10)}</w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
            "</w:p></w:footnote>"
            for number, text in enumerate(self.notes, start=1)
        )
        xml = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {nsdecls("w")}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
            f"</w:p></w:footnote>{body}</w:footnotes>"
        )
        part = Part(
            PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"), document.part.package
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        settings = document.settings.element
        settings.append(
            parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        )


def _fonts_xml(size_pt: float) -> str:
    return (
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
        f'<w:sz w:val="{int(size_pt * 2)}"/><w:szCs w:val="{int(size_pt * 2)}"/>'
    )


def _set_run_font(run: Run, size: float, *, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _line(
    container: Document | _Cell,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    after: float = 0,
) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.first_line_indent = Cm(0)
    if text:
        _set_run_font(paragraph.add_run(text), size, bold=bold, italic=italic)
    return paragraph


def _rule(cell: _Cell, column_cm: float, length_cm: float) -> None:
    """A short horizontal rule centred in the column (a bottom border on an indented empty paragraph)."""
    paragraph = _line(cell, "", 2)
    indent = max(0.0, (column_cm - length_cm) / 2)
    paragraph.paragraph_format.left_indent = Cm(indent)
    paragraph.paragraph_format.right_indent = Cm(indent)
    borders = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    )
    paragraph._p.get_or_add_pPr().append(borders)


def _borderless_table(document: Document, widths_cm: tuple[float, ...]) -> Table:
    table: Table = document.add_table(rows=1, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # LibreOffice reads the column (grid) widths, not the cells'
    for cell, width in zip(table.rows[0].cells, widths_cm, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


def _header(document: Document, spec: OfficialDocument) -> None:
    table = _borderless_table(document, HEADER_COLUMNS_CM)
    left, right = table.rows[0].cells
    if spec.parent_body:
        _line(left, spec.parent_body.upper(), 12.5)
    _line(left, spec.issuing_body.upper(), 12.5, bold=True)
    _rule(left, HEADER_COLUMNS_CM[0], 2.2)
    _line(left, f"Số: {spec.number}", 13, after=0).paragraph_format.space_before = Pt(6)
    if spec.summary_under_number:
        # Decree 30, Appendix I (ô 5b): a letter's summary follows "V/v", lower case, 12–13 pt, upright, centred
        # under the number, 6 pt below it.
        summary = spec.summary if spec.summary.startswith("V/v") else f"V/v {spec.summary}"
        _line(left, summary, 12).paragraph_format.space_before = Pt(6)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12.5, bold=True)
    _line(right, "Độc lập - Tự do - Hạnh phúc", 13.5, bold=True)
    _rule(right, HEADER_COLUMNS_CM[1], 5.6)
    date_line = _line(right, spec.place_and_date, 13.5, italic=True)
    date_line.paragraph_format.space_before = Pt(6)


def _body_paragraph(document: Document, text: str, footnotes: _Footnotes) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1.27)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = 1.15
    position = 0
    for match in FOOTNOTE_MARK.finditer(text):
        if match.start() > position:
            _set_run_font(paragraph.add_run(text[position : match.start()]), 14)
        footnotes.reference(paragraph, match["note"].strip())
        position = match.end()
    if position < len(text):
        _set_run_font(paragraph.add_run(text[position:]), 14)


def _heading(document: Document, text: str, level: int) -> None:
    paragraph = _line(document, text, 14, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    paragraph.paragraph_format.first_line_indent = Cm(1.27)
    paragraph.paragraph_format.keep_with_next = True
    if level == 1:
        paragraph.paragraph_format.space_before = Pt(6)


def _terminated(text: str, mark: str) -> str:
    return text.rstrip(" ;.,") + mark


def _addressees(document: Document, addressees: list[str]) -> None:
    """Decree 30, Appendix I (ô 9a): "Kính gửi:" and the addressees in 14 pt upright; one addressee on the same line;
    several each on a line of its own, starting with a dash, ending with ";" and the last with ".", the dashes
    aligned under the colon."""
    names = [name.strip().lstrip("-–• ").strip() for name in addressees if name.strip().lstrip("-–• ").strip()]
    if not names:
        return
    if len(names) == 1:
        paragraph = _line(document, f"{KINH_GUI} {_terminated(names[0], '.')}", 14, after=6)
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.left_indent = Cm(KINH_GUI_INDENT_CM)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        return
    first = _line(document, KINH_GUI, 14, align=WD_ALIGN_PARAGRAPH.LEFT)
    first.paragraph_format.space_before = Pt(12)
    first.paragraph_format.left_indent = Cm(KINH_GUI_INDENT_CM)
    first.paragraph_format.keep_with_next = True
    for index, name in enumerate(names):
        last = index == len(names) - 1
        line = _line(
            document,
            f"- {_terminated(name, '.' if last else ';')}",
            14,
            align=WD_ALIGN_PARAGRAPH.LEFT,
            after=6 if last else 0,
        )
        line.paragraph_format.left_indent = Cm(KINH_GUI_INDENT_CM + KINH_GUI_WIDTH_CM)
        line.paragraph_format.keep_with_next = True


def _recipient_lines(spec: OfficialDocument) -> list[str]:
    """The "Nơi nhận" lines; a letter's open with "Như trên;" (its addressees, named in "Kính gửi")."""
    lines = list(spec.recipients)
    if spec.addressees and not any(line.strip(" -;.").casefold() == AS_ABOVE.casefold() for line in lines):
        lines.insert(0, f"{AS_ABOVE};")
    return lines


def _signature(document: Document, spec: OfficialDocument) -> None:
    _line(document, "", 8)
    table = _borderless_table(document, (8.0, 8.5))
    left, right = table.rows[0].cells
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for recipient in _recipient_lines(spec):
        _line(left, f"- {recipient}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(right, spec.signing_authority.upper(), 13.5, bold=True)
    if spec.signing_for:
        _line(right, spec.signing_for.upper(), 13.5, bold=True)
    _line(right, spec.signer_position.upper(), 13.5, bold=True)
    for _blank in range(4):
        _line(right, "", 13)
    _line(right, spec.signer_name, 14, bold=True)


def _annex(document: Document, annex: Annex) -> None:
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    _line(document, "PHỤ LỤC", 13, bold=True)
    _line(document, annex.title, 13, bold=True, after=6)
    if annex.note:
        _line(document, annex.note, 11, italic=True, after=6)
    fixed = [1.0, 6.5, 1.8]
    rest = len(annex.columns) - len(fixed)
    widths = fixed + [max(1.6, (25.2 - sum(fixed)) / max(1, rest))] * rest
    table = document.add_table(rows=1 + len(annex.rows), cols=len(annex.columns))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    rows = table.rows
    header_cells = rows[0].cells  # python-docx recomputes a row's cells on each access: read them once
    for index, title in enumerate(annex.columns):
        cell = header_cells[index]
        cell.width = Cm(widths[index])
        _set_run_font(cell.paragraphs[0].add_run(title), 9, bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _repeat_header(rows[0])
    for row_index, row in enumerate(annex.rows, start=1):
        cells = rows[row_index].cells
        for index, value in enumerate(row):
            cell = cells[index]
            cell.width = Cm(widths[index])
            paragraph = cell.paragraphs[0]
            if index in TEXT_COLUMNS:
                _set_run_font(paragraph.add_run(value), 9)
            else:
                # A figure is never broken across lines: no wrap in its cell, and its spaces ("1.234 (ước)")
                # are non-breaking.
                _set_run_font(paragraph.add_run(value.replace(" ", NBSP)), 9)
                cell._tc.get_or_add_tcPr().append(parse_xml(f"<w:noWrap {nsdecls('w')}/>"))
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if index == 1 else WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(row: _Row) -> None:
    row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")} w:val="true"/>'))


@in_vietnamese()
def build_docx(spec: OfficialDocument) -> bytes:
    """Render ``spec`` as a .docx file in the Decree 30/2020 layout and return its bytes."""
    document = new_document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    footnotes = _Footnotes()
    _header(document, spec)
    if spec.summary_under_number:
        if spec.draft_watermark:
            _line(document, "(DỰ THẢO)", 12, italic=True).paragraph_format.space_before = Pt(12)
    else:
        title = _line(document, spec.kind_title.upper(), 14, bold=True)
        title.paragraph_format.space_before = Pt(18)
        if spec.draft_watermark:
            _line(document, "(DỰ THẢO)", 12, italic=True)
        _line(document, spec.summary, 14, bold=True, after=12)
    _addressees(document, spec.addressees)
    for block in spec.blocks:
        if block.level:
            _heading(document, block.text, block.level)
        else:
            _body_paragraph(document, block.text, footnotes)
    _signature(document, spec)
    for annex in spec.annexes:
        _annex(document, annex)
    footnotes.attach(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
