"""Plans in a real browser: Cần Thơ's standing office imports its plan document, reviews and corrects the
tasks and saves them; Vĩnh Long's Sở Công Thương records progress on its task."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PLAN = Path(__file__).resolve().parent.parent.parent / "plans" / "fixtures" / "plan_cantho_2024.txt"


def test_import_review_save_and_progress(page: Page, demo_server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, demo_server.url, "cantho.thuongtruc")
    page.get_by_test_id("nav-plans").click()  # the top bar leads to the committee's plans (issue 13)
    page.get_by_label("Tệp kế hoạch (.docx hoặc .txt, tối đa 10 MB)").set_input_files(str(PLAN))
    page.get_by_role("button", name="Đọc và xem lại nhiệm vụ").click()
    review = page.get_by_test_id("proposed-tasks")
    expect(review.locator("tr[data-ref='IV.1'] input[name$='-when']")).to_have_value(
        "Quý II/2024; Quý III/2024; Tháng 12/2024"
    )
    expect(review.locator("tr[data-ref='IV.2'] input[name$='-when']")).to_have_value("Quý IV/2024")
    for unresolved in review.locator("select[name$='-lead'].is-invalid").all():
        unresolved.select_option("none")  # leads the plan does not name are left open on purpose (issue 13)
    page.get_by_label("Đơn vị chủ trì nhiệm vụ III.5").select_option(label="Sở Tài chính")  # "Sở Ngoại vụ" is gone
    page.get_by_label("Lưu nhiệm vụ III.15").uncheck()
    page.screenshot(path=artifacts / "plan-import-review.png", full_page=True)
    page.get_by_role("button", name="Lưu kế hoạch").click()
    # The demo holds this plan already: the page offers to replace it or cancel (issue 13).
    expect(page.get_by_test_id("duplicate-plan")).to_be_visible()
    page.get_by_role("button", name="Thay kế hoạch đã có").click()
    tasks = page.get_by_test_id("tasks")
    expect(tasks).to_contain_text("Sở Tài chính")
    expect(tasks.locator("tbody tr")).to_have_count(20)  # 21 read, one left out
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, demo_server.url, "vinhlong.congthuong")
    page.get_by_role("link", name="Nhiệm vụ", exact=True).click()
    page.get_by_test_id("my-tasks").get_by_role("link").first.click()
    page.get_by_label("Trạng thái").select_option(label="Đã hoàn thành")
    page.get_by_label("Ghi chú kết quả").fill("Đã tổ chức 04 phiên chợ tại các xã vùng đồng bào Khmer.")
    page.get_by_role("button", name="Lưu tiến độ").click()
    expect(page.get_by_test_id("task-status")).to_have_text("Đã hoàn thành")
    page.screenshot(path=artifacts / "task-progress.png", full_page=True)
