"""Registries in a real browser, on a phone: Vĩnh Long's Sở Công Thương records a rural market of "Tết Quân –
Dân" with its figures and two co-organisers (the ward's committee found by searching its name, and the
Ministry written as an outside body), then reads it back with the figures in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_records_an_event_on_a_phone(page: Page, demo_server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, demo_server.url, "vinhlong.congthuong")
    page.get_by_role("button", name="Mở menu").click()
    page.get_by_test_id("nav-more").click()  # the registries sit in the "Nghiệp vụ" menu
    page.get_by_role("link", name="Sổ theo dõi").click()
    expect(page.get_by_role("heading", name="Sổ theo dõi", level=1)).to_be_visible()
    page.get_by_role("link", name="Thêm sự kiện xúc tiến thương mại").click()

    page.get_by_label("Tên sự kiện").fill("Phiên chợ hàng Việt về nông thôn tại huyện Châu Thành")
    page.get_by_label("Loại sự kiện").select_option(label="Phiên chợ hàng Việt về nông thôn")
    page.get_by_label("Từ ngày").fill("2023-01-10")
    page.get_by_label("Đến ngày").fill("2023-01-12")
    page.get_by_label("Thuộc chương trình").fill("Tết Quân – Dân năm 2023")
    page.get_by_label("Địa điểm", exact=True).fill("huyện Châu Thành")
    page.get_by_label("Số doanh nghiệp, cơ sở tham gia", exact=True).fill("24")
    page.get_by_label("Số gian hàng", exact=True).fill("60")
    page.get_by_label("Doanh thu (đồng)", exact=True).fill("850.000.000")
    page.get_by_label("Mức chính xác của Doanh thu (đồng)").select_option(label="khoảng")
    page.get_by_label("Lượt khách", exact=True).fill("5.000")
    page.get_by_label("Mức chính xác của Lượt khách").select_option(label="hơn, trên")

    search = page.get_by_label("Tìm đơn vị 1 theo tên địa phương")
    search.fill("Phường Trà Vinh")
    organiser = page.locator("#id_org-0-organisation")
    expect(organiser.locator("option:checked")).to_contain_text("Ban Chỉ đạo Phường Trà Vinh")
    page.locator("#id_org-1-name").fill("Bộ Công Thương")
    page.locator("#id_org-1-role").select_option(label="Tham gia")
    page.screenshot(path=artifacts / "registry-event-form-phone.png", full_page=True)

    page.get_by_role("button", name="Ghi sự kiện").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã ghi sự kiện")
    figures = page.get_by_test_id("event-figures")
    expect(figures).to_contain_text("khoảng 850.000.000 đồng")
    expect(figures).to_contain_text("hơn 5.000")
    organisers = page.get_by_test_id("event-organisers")
    expect(organisers).to_contain_text("Ban Chỉ đạo Phường Trà Vinh")
    expect(organisers).to_contain_text("Bộ Công Thương")
    page.screenshot(path=artifacts / "registry-event-phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"


def test_the_office_corrects_a_sale_point_and_reads_the_ocop_list_on_a_phone(
    page: Page, demo_server, artifacts: Path
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    page.goto(f"{demo_server.url}/so-theo-doi/diem-ban/")
    page.get_by_role("link", name="Cửa hàng của Liên Minh HTX tỉnh Trà Vinh").click()
    page.get_by_role("link", name="Sửa").click()
    page.get_by_label("Loại địa điểm").select_option(label="Siêu thị")
    page.get_by_label("Vĩ độ").fill("9,934712")
    page.get_by_label("Kinh độ").fill("106,345678")
    page.get_by_role("button", name="Lưu thay đổi").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lưu thay đổi")
    expect(page.get_by_test_id("coordinates")).to_contain_text("vĩ độ 9,934712, kinh độ 106,345678")
    expect(page.get_by_test_id("site-kind")).to_have_text("Siêu thị")

    page.goto(f"{demo_server.url}/so-theo-doi/ocop/")
    table = page.get_by_test_id("products")
    expect(table.locator("thead")).not_to_be_in_viewport()  # a card per product on a phone
    label = table.locator("tbody td[data-label]").first.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Hạng sao hiện nay: "', label  # each value says which column it is
    page.screenshot(path=artifacts / "registry-ocop-phone.png", full_page=False)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the OCOP list scrolls sideways on a phone ({width} px)"
