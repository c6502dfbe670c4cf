"""The consolidated report as a Word file, rendered by LibreOffice and read back."""

from __future__ import annotations

import datetime
import io
import os
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from docx import Document as read_docx

from hangviet.consolidation.queries import consolidate
from hangviet.consolidation.tests.conftest import accepted
from hangviet.documents import actions
from hangviet.documents.compose import compose_report
from hangviet.documents.tests.helpers import finish
from hangviet.lib.rendering import docx_to_pdf, pdf_page_to_png, soffice_path
from hangviet.lib.vnformat import format_number
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting.models import ReportText, Section

pytestmark = pytest.mark.django_db

needs_libreoffice = pytest.mark.skipif(
    soffice_path() is None and not os.environ.get("HANGVIET_REQUIRE_RENDERING"),
    reason="LibreOffice is not installed (CI installs it and sets HANGVIET_REQUIRE_RENDERING)",
)


@pytest.fixture
def h1_figures(world: World) -> Period:
    accepted(world.vl_trade, "2025-H1", propaganda_sessions=3000, propaganda_participants=200000)
    report = accepted(
        world.vl_trade,
        "2026-H1",
        propaganda_sessions=3360,
        propaganda_participants=240000,
        rural_markets=2,
        event_revenue_vnd=1_700_000_000,
        banners=60,
    )
    ReportText.objects.create(report=report, section=Section.LIMITATIONS, text="Thông tin, báo cáo chưa kịp thời.")
    accepted(world.vl_health, "2026-H1", propaganda_sessions=544, propaganda_participants=27083, banners=5)
    accepted(world.vl_commune, "2026-H1", ocop_products=184, ocop_3_star=137, ocop_4_star=38, ocop_5_star=3)
    return Period.objects.for_code("2026-H1")


def test_the_draft_says_what_the_data_says(world: World, h1_figures: Period) -> None:
    text = " ".join(block.text for block in compose_report(world.vinh_long, h1_figures).blocks)
    assert "tuyên truyền, vận động được 3.904 cuộc cho 267.083 lượt" in text
    assert "tăng 30,1% so với cùng kỳ" in text
    assert "02 phiên chợ" in text and "khoảng 1,7 tỷ đồng" in text
    assert "184 sản phẩm được công nhận OCOP đạt hạng 3 sao trở lên, trong đó 137 sản phẩm đạt hạng 3 sao" in text
    assert "03 sản phẩm đạt hạng 5 sao" in text
    assert "^[Gồm: Sở Công Thương 60 cái; Sở Y tế 5 cái.]" in text
    assert "- Sở Công Thương: Thông tin, báo cáo chưa kịp thời." in text


@needs_libreoffice
def test_the_issued_report_renders_in_the_decree_30_layout(
    world: World, h1_figures: Period, tmp_path: Path, artifacts: Path
) -> None:
    document = actions.create_report_draft(world.vinh_long, h1_figures, acting_user=world.vl_office)
    document = actions.issue_document(
        finish(document),
        issued_on=datetime.date(2026, 6, 23),
        signer_name="Trần Văn Phúc",
        recipients=["BCĐ Trung ương (Mặt trận Trung ương);", "Lưu: VT, BCĐ."],
        acting_user=world.vl_office,
    )
    content = document.file.open("rb").read()
    pdf_path = docx_to_pdf(content, tmp_path)
    pdf_page_to_png(pdf_path, artifacts / "report-page-1.png")
    with pdfplumber.open(pdf_path) as pdf:
        first = pdf.pages[0]
        assert (round(first.width), round(first.height)) == (595, 842)  # A4 portrait, in points
        text = "\n".join(page.extract_text() for page in pdf.pages)
        words = first.extract_words(extra_attrs=["fontname"])
        day = next(w for i, w in enumerate(words) if w["text"] == "ngày" and words[i + 1]["text"] == "23")
        date_line = [w for w in words if abs(w["top"] - day["top"]) < 2]
        assert [w["text"] for w in date_line][-6:] == ["ngày", "23", "tháng", "6", "năm", "2026"]
        assert all("Italic" in w["fontname"] for w in date_line)
    flat = re.sub(r"\s+", " ", text)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/BC-BCĐ",
        "ngày 23 tháng 6 năm 2026",
        "BÁO CÁO",
        "ưu tiên dùng hàng Việt Nam",
        "TM. BAN CHỈ ĐẠO",
        "PHÓ TRƯỞNG BAN",
        "Trần Văn Phúc",
        "Nơi nhận:",
        "Gồm: Sở Công Thương 60 cái",
        "PHỤ LỤC",
    ):
        assert expected in flat, expected
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        footnotes = package.read("word/footnotes.xml").decode()
    assert footnotes.count("<w:footnote ") >= 4  # two separators and the notes


def test_the_annex_totals_equal_the_consolidation(world: World, h1_figures: Period) -> None:
    document = actions.create_report_draft(world.vinh_long, h1_figures, acting_user=world.vl_office)
    tables = read_docx(io.BytesIO(actions.render_draft(document))).tables
    annex = next(table for table in tables if table.rows[0].cells[0].text == "STT")
    header = [cell.text for cell in annex.rows[0].cells]
    totals = consolidate(world.vinh_long, h1_figures).totals
    by_name = {row.cells[1].text: row.cells[header.index("Tổng cộng")].text for row in annex.rows[1:]}
    assert by_name["Số cuộc tuyên truyền, vận động"] == format_number(totals["propaganda_sessions"]) == "3.904"
    assert by_name["Doanh thu tại hội chợ, phiên chợ"] == "1.700.000.000"
    assert by_name["Số sản phẩm OCOP đạt 3 sao trở lên"] == "184"
