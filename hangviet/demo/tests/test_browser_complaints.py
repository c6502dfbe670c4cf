"""Consumer reports in a real browser, on a phone (issue 11's walk): a visitor reports a suspicious product seen in
a ward of Vĩnh Long and gets a code; Vĩnh Long's market-control office finds it in its queue and answers it; the
visitor reads the answer by the code, and nothing about who reported it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_reports_and_reads_the_answer_by_code(page: Page, demo_server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{demo_server.url}/")  # the portal's home, as a visitor finds it
    page.get_by_role("link", name=re.compile("^Phản ánh hàng giả, hàng kém chất lượng")).click()
    expect(page.get_by_role("heading", name="Phản ánh hàng giả, hàng kém chất lượng", level=1)).to_be_visible()
    page.get_by_label("Loại phản ánh").select_option(label="Hàng giả, hàng nhái")
    page.get_by_label("Bạn thấy gì?").fill("Sữa bột trẻ em nghi giả: hộp móp, tem chống giả bong, giá rẻ bất thường.")
    page.get_by_label("Ở đâu?").fill("Phường Trà Vinh, tỉnh Vĩnh Long")
    page.get_by_label("Sản phẩm, nhãn hiệu (nếu biết)").fill("Sữa bột trẻ em")
    page.get_by_label("Điện thoại hoặc thư điện tử (không bắt buộc)").fill("0909 555 777")
    page.screenshot(path=artifacts / "complaints-form-phone.png", full_page=True)
    page.get_by_role("button", name="Gửi phản ánh").click()
    code = page.get_by_test_id("tracking-code").inner_text().strip()
    assert re.fullmatch(r"PA-[2-9A-HJKMNP-Z]{10}", code), code
    page.screenshot(path=artifacts / "complaints-code-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    sign_in(page, demo_server.url, "vinhlong.qltt")  # lands on its work home, where the report waits
    expect(page.locator("main")).to_contain_text("Phản ánh của người tiêu dùng chờ xử lý")
    expect(page.locator("main")).to_contain_text(code)
    page.screenshot(path=artifacts / "complaints-home-phone.png", full_page=True)
    page.goto(f"{demo_server.url}/xu-ly-phan-anh/")
    queue = page.get_by_test_id("queue")
    expect(queue).to_contain_text(code)
    queue.get_by_role("link").filter(has_text=code).click()
    expect(page.get_by_test_id("contact")).to_contain_text("0909 555 777")
    page.get_by_label("Kết quả").select_option(label="Đã xử lý")
    page.get_by_label("Trả lời công khai").fill("Đã kiểm tra cửa hàng, tạm giữ 24 hộp sữa để giám định.")
    page.get_by_label("Số hồ sơ vụ việc kiểm tra (nếu có)").fill("QLTT-VL-2026-015")
    page.get_by_role("button", name="Gửi trả lời").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lưu")
    expect(page.get_by_test_id("report-status")).to_have_text("Đã xử lý")
    page.screenshot(path=artifacts / "complaints-answer-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.context.clear_cookies()
    page.goto(f"{demo_server.url}/phan-anh/tra-cuu/")
    page.get_by_label("Mã theo dõi").fill(code.lower())
    page.get_by_role("button", name="Tra cứu", exact=True).click()
    expect(page.get_by_test_id("report-status")).to_have_text("Đã xử lý")
    expect(page.get_by_test_id("public-answer")).to_contain_text("tạm giữ 24 hộp sữa")
    body = page.locator("main").inner_text()
    for private in ("0909 555 777", "QLTT-VL-2026-015", "Chi cục"):
        assert private not in body
    page.screenshot(path=artifacts / "complaints-track-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_resident_answers_the_demo_survey_and_the_office_reads_the_results(
    page: Page, demo_server, artifacts: Path
) -> None:
    from hangviet.surveys.models import Survey

    survey = Survey.objects.get()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{demo_server.url}/khao-sat/{survey.slug}/")
    page.get_by_label("Bạn sống (hoặc cửa hàng ở) xã, phường nào?").select_option(label="Phường Trà Vinh")
    page.get_by_label("Luôn luôn").check()
    page.get_by_label("Điểm bán OCOP").check()
    page.get_by_role("group", name=re.compile("Bạn tin tưởng chất lượng")).get_by_label("5").check()
    page.screenshot(path=artifacts / "survey-answer-phone.png", full_page=True)
    page.get_by_role("button", name="Gửi phiếu").click()
    expect(page.get_by_test_id("survey-thanks")).to_contain_text("Đã nhận phiếu")
    page.goto(f"{demo_server.url}/khao-sat/{survey.slug}/")
    expect(page.get_by_test_id("survey-thanks")).to_contain_text("đã gửi phiếu")  # once per device
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    page.goto(f"{demo_server.url}/quan-ly-khao-sat/{survey.pk}/")
    expect(page.get_by_test_id("response-count")).to_contain_text("trực tuyến 3")
    expect(page.locator("main")).to_contain_text("3/5")  # "Luôn luôn": 3 of the 5 who answered
    page.screenshot(path=artifacts / "survey-results-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
