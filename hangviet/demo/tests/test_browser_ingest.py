"""Reading an old report in a real browser: Vĩnh Long's standing office uploads a Trà Vinh report, corrects a
figure beside the highlighted text and imports it; the OCOP warning appears on the report. (The demo already
holds Trà Vinh's accepted H1-2023 report, so this copy is filed as the H1-2022 report it stands in for.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = Path(__file__).resolve().parent.parent.parent / "ingest" / "tests" / "data" / "report_travinh_2023_h1.txt"


def test_upload_review_correct_and_import(page: Page, demo_server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    page.goto(f"{demo_server.url}/doc-bao-cao/")
    page.get_by_label("Tệp báo cáo (có thể chọn nhiều tệp, tối đa 15 MB mỗi tệp)").set_input_files(str(SEED))
    page.get_by_role("button", name="Tải lên và đọc").click()
    expect(page.get_by_test_id("document-text").locator("mark").first).to_have_text("3.904")
    facts = page.get_by_test_id("facts")
    banners = facts.locator("tr[data-indicator='banners']").filter(has_text="Treo").locator("input[name^='value_']")
    banners.fill("65")
    page.get_by_label("Kỳ báo cáo").select_option(label="6 tháng đầu năm 2022")
    page.get_by_test_id("confirm-period").get_by_role("checkbox").check()  # the document says 2023 (issue 13)
    for box in page.get_by_test_id("several").get_by_role("checkbox").all():
        box.check()  # the clerk says the figures of one indicator add up: nothing is summed unasked
    page.screenshot(path=artifacts / "ingest-review.png", full_page=False)
    page.get_by_role("button", name="Nhập vào báo cáo").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Đang soạn")
    expect(page.get_by_test_id("violations")).to_contain_text("Tổng số sản phẩm OCOP khác tổng")
    expect(page.get_by_label("Số băng rôn, pano, áp phích tuyên truyền", exact=True)).to_have_value("70")
