"""Oversight in a real browser (issue 12's done-when): the Vĩnh Long standing office makes a June supervision
programme over two ward committees, opens a visit, finds the checklist filled with links to the evidence,
records a finding and a recommendation; the ward sees it among its tasks and closes it with a file; the
conclusion notice downloads as Word; Sở Công Thương records a market case and the province's H1 table shows
the cases "theo sổ theo dõi"."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document as WordDocument
from playwright.sync_api import Page, expect

from hangviet.demo.builder import CAMPAIGN
from hangviet.demo.tests.conftest import sign_in
from hangviet.orgs.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WARD = f"Ban Chỉ đạo {CAMPAIGN} phường Long Châu"
RECOMMENDATION = "Phân công thành viên Ban Chỉ đạo theo dõi từng khu phố."


def test_a_june_supervision_from_programme_to_closed_recommendation(
    page: Page, demo_server, artifacts: Path, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    page.goto(f"{demo_server.url}/giam-sat/")
    page.get_by_role("link", name=re.compile("^Lập chương trình")).click()
    page.get_by_label("Hình thức").select_option(label="Giám sát")
    page.get_by_label("Tên chương trình").fill("Giám sát tháng 6 năm 2026 tại hai phường")
    page.get_by_label("Thời gian").fill("tháng 6")
    page.get_by_label(re.compile("phường Trà Vinh$")).check()
    page.get_by_label(re.compile("phường Long Châu$")).check()
    page.get_by_role("button", name="Lập chương trình").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lập chương trình")

    page.get_by_label("Đơn vị", exact=True).select_option(label=WARD)
    page.get_by_label("Ngày làm việc").fill("2026-06-12")
    page.get_by_label("Kỳ đánh giá").select_option(label="6 tháng đầu năm 2026")
    page.get_by_role("button", name="Mở cuộc làm việc").click()
    checklist = page.get_by_test_id("checklist")
    expect(checklist).to_contain_text("3 thành viên tại ngày 14/6/2026")
    expect(checklist).to_contain_text("đúng hạn")  # Long Châu sent its six-month report the day before the deadline
    expect(checklist.get_by_role("link", name="Danh sách thành viên Ban Chỉ đạo")).to_be_visible()
    page.screenshot(path=artifacts / "oversight-visit-checklist-phone.png", full_page=True)

    page.get_by_label("Loại", exact=True).select_option(label="Hạn chế")
    page.get_by_label("Nội dung", exact=True).fill("Chưa phân công thành viên theo dõi các khu phố.")
    page.get_by_role("button", name="Ghi kết quả").click()
    expect(page.get_by_test_id("findings")).to_contain_text("Chưa phân công thành viên")
    page.get_by_label("Kiến nghị", exact=True).fill(RECOMMENDATION)
    page.get_by_label("Thời hạn thực hiện").fill("2026-09-30")
    page.get_by_role("button", name="Ghi kiến nghị").click()
    expect(page.get_by_test_id("recommendations")).to_contain_text(RECOMMENDATION)
    with page.expect_download() as download_info:
        page.get_by_test_id("conclusion").click()
    word = WordDocument(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    assert RECOMMENDATION in "\n".join(paragraph.text for paragraph in word.paragraphs)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"
    page.get_by_role("button", name="Mở menu").click()
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, demo_server.url, "vinhlong.longchau")
    page.goto(f"{demo_server.url}/ke-hoach/nhiem-vu/")
    page.get_by_test_id("my-tasks").get_by_role("link", name=RECOMMENDATION).click()
    page.get_by_label("Trạng thái").select_option(label="Đã hoàn thành")
    evidence = tmp_path / "phan-cong.txt"
    evidence.write_text("Quyết định phân công thành viên theo dõi khu phố", encoding="utf-8")
    page.get_by_label("Minh chứng (không bắt buộc)").set_input_files(str(evidence))
    page.get_by_role("button", name="Lưu tiến độ").click()
    expect(page.get_by_test_id("task-status")).to_have_text("Đã hoàn thành")
    page.screenshot(path=artifacts / "oversight-recommendation-closed-phone.png", full_page=True)
    page.get_by_role("button", name="Mở menu").click()
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, demo_server.url, "vinhlong.congthuong")
    page.goto(f"{demo_server.url}/giam-sat/vu-viec/")
    page.get_by_role("link", name=re.compile("^Ghi vụ việc")).click()
    page.get_by_label("Ngày kiểm tra").fill("2026-04-02")
    page.get_by_label("Địa điểm (ghi như văn bản)").fill("chợ Long Châu")
    page.get_by_label("Loại vi phạm").select_option(label="Vi phạm nhãn hàng hóa")
    page.get_by_label("Kết quả xử lý").select_option(label="Xử phạt vi phạm hành chính")
    page.get_by_label("Số tiền phạt (đồng)").fill("-3.000.000")
    page.get_by_role("button", name="Ghi vụ việc").click()
    expect(page.get_by_role("alert")).to_contain_text("Số tiền phạt không được âm.")
    page.get_by_label("Số tiền phạt (đồng)").fill("3 triệu")
    page.get_by_role("button", name="Ghi vụ việc").click()
    expect(page.get_by_test_id("case")).to_contain_text("3.000.000 đồng")
    page.get_by_role("button", name="Mở menu").click()
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    page.goto(f"{demo_server.url}/giam-sat/vu-viec/")
    expect(page.get_by_test_id("by-type")).to_contain_text("Vi phạm nhãn hàng hóa")
    province = Organisation.objects.get(
        unit__code="86", unit__level="province", kind=Organisation.Kind.COMMITTEE, valid_to__isnull=True
    )
    page.goto(f"{demo_server.url}/ban-chi-dao/{province.pk}/2026-H1/tong-hop/")
    expect(page.get_by_test_id("registry-total-inspections")).to_have_text("3")
    expect(page.get_by_test_id("registry-total-fines_vnd")).to_have_text("25.500.000")
    page.screenshot(path=artifacts / "oversight-province-table.png", full_page=False)
