"""The reporting cycle in a real browser: a ward fills and submits its 2026-H1 report with the OCOP
warning explained; the province standing office returns one report, accepts the others and reads the
consolidated table with last year's figures. Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import open_my_organisation, sign_in
from hangviet.orgs.models import Organisation
from hangviet.reporting.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_ward_submits_and_the_province_reviews_and_consolidates(
    page: Page,
    demo_server,
    artifacts: Path,
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    base = demo_server.url

    # The ward clerk fills the 2026-H1 report.
    sign_in(page, base, "vinhlong.phuongtravinh")
    page.get_by_role("link", name="Báo cáo", exact=True).click()
    page.get_by_role("button", name="Lập báo cáo 6 tháng đầu năm 2026").click()
    for label, value in (
        ("Số cuộc tuyên truyền, vận động", "45"),
        ("Số lượt người dự tuyên truyền, vận động", "2.350"),
        ("Số sản phẩm OCOP 3 sao", "137"),
        ("Số sản phẩm OCOP 4 sao", "38"),
        ("Số sản phẩm OCOP 5 sao", "03"),
        ("Số sản phẩm OCOP đạt 3 sao trở lên", "184"),
    ):
        page.get_by_label(label, exact=True).fill(value)
    warning = page.get_by_test_id("violations")
    expect(warning).to_contain_text("Tổng số sản phẩm OCOP khác tổng")  # checked as the user types (htmx)
    page.get_by_label("Giải trình (bắt buộc để gửi)").fill("Số liệu theo danh sách OCOP của tỉnh, đang rà soát.")
    page.screenshot(path=artifacts / "report-entry-warning.png", full_page=True)
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Đã gửi, chờ duyệt")
    page.get_by_role("button", name="Đăng xuất").click()

    # The province standing office reviews the round.
    sign_in(page, base, "vinhlong.thuongtruc")
    open_my_organisation(page)
    page.get_by_role("link", name="Tiến độ và tổng hợp báo cáo").click()
    page.get_by_label("Kỳ báo cáo").select_option(label="6 tháng đầu năm 2026")
    page.get_by_role("button", name="Xem", exact=True).click()
    board = page.get_by_test_id("completeness")
    expect(board).to_contain_text("phường Trà Vinh")
    page.screenshot(path=artifacts / "completeness-board.png", full_page=True)

    board.get_by_role("link", name="Hội Nông dân tỉnh").click()
    page.get_by_label("Lý do trả lại").fill("Đề nghị bổ sung số lượt người dự tập huấn.")
    page.get_by_role("button", name="Trả lại báo cáo").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Bị trả lại")
    page.go_back()
    page.go_back()
    page.reload()

    for box in page.get_by_test_id("completeness").get_by_role("checkbox").all():
        box.check()
    page.get_by_role("button", name="Tiếp nhận các báo cáo đã chọn").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã tiếp nhận")

    page.get_by_role("link", name="Xem bảng tổng hợp").click()
    expect(page.get_by_test_id("total-propaganda_sessions")).not_to_have_text("—")
    expect(page.get_by_test_id("last-year-propaganda_sessions")).not_to_have_text("—")
    page.screenshot(path=artifacts / "consolidated-table.png", full_page=True)

    vinh_long = Organisation.objects.get(kind="committee", unit__code="86", unit__edition="2025")
    statuses = set(
        Report.objects.filter(organisation__parent=vinh_long, period__year=2026, period__kind="H1").values_list(
            "status", flat=True
        )
    )
    assert statuses == {"accepted", "returned", "draft"}
