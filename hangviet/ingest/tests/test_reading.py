"""Reading files: Word with tables and footnotes, PDF, text, legacy fonts, and hostile files."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from docx import Document as new_docx

from hangviet.ingest.reading import ReadError, read_document
from hangviet.lib.docx_layout import Block, OfficialDocument, build_docx
from hangviet.lib.rendering import docx_to_pdf, soffice_path

SENTENCE = "Ban Chỉ đạo tỉnh Trà Vinh tuyên truyền được 3.904 cuộc cho 267.083 lượt người."


def legacy(text: str, name: str) -> str:
    """Write ``text`` as a legacy font would store it (the inverse of viparse's table)."""
    from viparse.normalize.encodings import CHARMAPS

    inverse = {unicode: code for code, unicode in CHARMAPS[name].pairs}
    return "".join(inverse.get(char, char) for char in text)


def docx_bytes(paragraphs: list[str], *, font: str | None = None, table: list[list[str]] | None = None) -> bytes:
    document = new_docx()
    for text in paragraphs:
        run = document.add_paragraph().add_run(text)
        if font:
            run.font.name = font
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.rows[r].cells[c].text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_file_gives_paragraphs_tables_and_footnotes() -> None:
    content = build_docx(
        OfficialDocument(
            parent_body="",
            issuing_body="Ban Chỉ đạo",
            number="1/BC",
            place_and_date="Trà Vinh, ngày 1 tháng 6 năm 2023",
            kind_title="Báo cáo",
            summary="Tóm tắt",
            blocks=[Block("Tổ chức 02 phiên chợ^[mỗi phiên chợ có 24 doanh nghiệp.].")],
            recipients=["Lưu"],
            signing_authority="TM",
            signer_position="PTB",
            signer_name="A",
        )
    )
    read = read_document(content, "bao-cao.docx")
    texts = {passage.location.split()[0]: passage.text for passage in read.passages}
    assert "Tổ chức 02 phiên chợ¹." in read.text  # the footnote marker, as Word shows it
    assert any(p.location == "chú thích 1" and "24 doanh nghiệp" in p.text for p in read.passages)
    assert "bảng" in texts


@pytest.mark.parametrize(("encoding", "font"), [("tcvn3", ".VnTime"), ("vni", "VNI-Times")])
def test_legacy_fonts_are_converted_to_unicode(encoding: str, font: str) -> None:
    read = read_document(docx_bytes([legacy(SENTENCE, encoding)], font=font), "cu.docx")
    assert (read.encoding, read.text) == (encoding, SENTENCE)


def test_legacy_text_without_a_font_is_detected_by_its_content() -> None:
    read = read_document(legacy(SENTENCE * 3, "tcvn3").encode("utf-8"), "cu.txt")
    assert read.encoding == "tcvn3" and SENTENCE in read.text


def test_unicode_text_is_left_alone_and_made_nfc() -> None:
    import unicodedata

    read = read_document(unicodedata.normalize("NFD", SENTENCE).encode("utf-8"), "a.txt")
    assert (read.encoding, read.text) == ("unicode", SENTENCE)


@pytest.mark.skipif(
    soffice_path() is None and not os.environ.get("HANGVIET_REQUIRE_RENDERING"), reason="LibreOffice is not installed"
)
def test_a_pdf_with_a_text_layer_is_read(tmp_path: Path) -> None:
    pdf = docx_to_pdf(docx_bytes([SENTENCE]), tmp_path)
    assert "3.904 cuộc" in read_document(pdf.read_bytes(), "bao-cao.pdf").text


MINIMAL_PDF_WITHOUT_TEXT = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (100 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (MINIMAL_PDF_WITHOUT_TEXT, "scan.pdf", "không có lớp chữ"),
        (b"%PDF-1.4 garbage", "hong.pdf", "bị hỏng"),
        (b"PK\x03\x04 not really", "hong.docx", "bị hỏng"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "matkhau.docx", "mật khẩu"),
        (b"x" * (15 * 1024 * 1024 + 1), "to.txt", "quá lớn"),
        (b"", "rong.txt", "rỗng"),
        (b"MZ\x90\x00", "virus.exe", "Chỉ đọc được"),
    ],
)
def test_files_that_cannot_be_read_get_a_vietnamese_reason(content: bytes, name: str, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        read_document(content, name)


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    bomb = zip_bomb()
    assert len(bomb) < 1024 * 1024
    with pytest.raises(ReadError, match="quá lớn"):
        read_document(bomb, "bom.docx")
