"""The consolidated report in a real browser: the Vĩnh Long standing office drafts the 2026-H1 report
from the data, edits a paragraph, issues it and downloads the Word file, which LibreOffice renders."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pdfplumber
import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in
from hangviet.documents.compose import PLACEHOLDER
from hangviet.lib.rendering import docx_to_pdf, pdf_page_to_png, soffice_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_standing_office_drafts_edits_issues_and_downloads_the_report(
    page: Page,
    demo_server,
    artifacts: Path,
    tmp_path: Path,
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    page.get_by_test_id("nav-documents").click()  # the top bar leads to the committee's documents (issue 13)
    page.get_by_label("Kỳ báo cáo").select_option(label="6 tháng đầu năm 2026")
    page.get_by_role("button", name="Tạo báo cáo").click()
    opening = page.get_by_label("Mở đầu")
    expect(opening).to_contain_text("6 tháng đầu năm 2026")
    opening.fill("Ban Chỉ đạo Cuộc vận động tỉnh Vĩnh Long báo cáo kết quả 6 tháng đầu năm 2026 như sau:")
    # Sections no accepted report wrote about hold a placeholder; issuing waits until the clerk writes them.
    expect(page.get_by_test_id("unfinished")).to_be_visible()
    for area in page.locator("textarea[name$='-text']").all():
        if PLACEHOLDER in area.input_value():
            area.fill(area.input_value().replace(PLACEHOLDER, "Trong kỳ chưa phát sinh nội dung này."))
    page.get_by_label("Ghi chú phiên bản").fill("Sửa đoạn mở đầu")
    page.get_by_role("button", name="Lưu phiên bản").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã lưu phiên bản mới")
    page.get_by_role("link", name="so với bản trước").first.click()
    expect(page.get_by_test_id("diff")).to_contain_text("báo cáo kết quả 6 tháng đầu năm 2026 như sau:")
    page.go_back()
    page.get_by_label("Ngày ban hành").fill("2026-06-23")
    page.get_by_label("Tôi đã đọc lại văn bản", exact=False).check()  # issuing asks for a confirmation
    page.screenshot(path=artifacts / "document-edit.png", full_page=True)
    page.get_by_role("button", name="Ban hành", exact=True).click()
    expect(page.get_by_test_id("document-status")).to_have_text("Đã ban hành")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải văn bản (.docx)").click()
    download = download_info.value
    assert re.fullmatch(r"\d{2}-BC-BCĐ\.docx", download.suggested_filename)
    content = Path(download.path()).read_bytes()
    if soffice_path() is None and not os.environ.get("HANGVIET_REQUIRE_RENDERING"):
        pytest.skip("LibreOffice is not installed here; CI renders the file")
    pdf = docx_to_pdf(content, tmp_path)
    pdf_page_to_png(pdf, artifacts / "issued-report-page-1.png")
    with pdfplumber.open(pdf) as rendered:
        text = re.sub(r"\s+", " ", rendered.pages[0].extract_text())
    assert "Vĩnh Long, ngày 23 tháng 6 năm 2026" in text
    assert "báo cáo kết quả 6 tháng đầu năm 2026 như sau" in text
