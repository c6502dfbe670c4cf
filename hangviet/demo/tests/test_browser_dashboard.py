"""The national dashboard in a real browser: the central standing office opens it from the top bar, reads the
reporting rate and the OCOP products of each province on the map and in the table beside it, on a desktop and on a
phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_national_dashboard(page: Page, base_url: str) -> None:
    sign_in(page, base_url, "tw.thuongtruc")
    menu = page.get_by_role("button", name="Mở menu")
    if menu.is_visible():
        menu.click()
    page.get_by_role("link", name="Tổng quan").click()
    expect(page.get_by_role("heading", name="Tổng quan cả nước", level=1)).to_be_visible()


def test_the_centre_reads_the_reporting_rate_and_ocop_per_province_on_the_map(
    page: Page, demo_server, artifacts: Path
) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    _open_national_dashboard(page, demo_server.url)
    page.get_by_label("Kỳ báo cáo").select_option(label="Năm 2025")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_test_id("province-map")).to_be_visible()
    table = page.get_by_test_id("province-table")
    expect(table.locator("tbody tr")).to_have_count(34)
    expect(page.get_by_test_id("map-legend")).to_contain_text("Không có số liệu")
    vinh_long = table.locator("tbody tr", has_text="Vĩnh Long")
    expect(vinh_long).to_contain_text("%")  # the reporting rate with its denominator
    page.screenshot(path=artifacts / "dashboard-national-rate-desktop.png", full_page=True)

    page.get_by_label("Tô màu bản đồ theo").select_option(label="Số sản phẩm OCOP đạt 3 sao trở lên")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("heading", name="34 tỉnh, thành phố: Số sản phẩm OCOP đạt 3 sao trở lên")).to_be_visible()
    expect(table.locator("thead")).to_contain_text("Số sản phẩm OCOP đạt 3 sao trở lên")
    # The tile and the table beside the map say the same number of OCOP products for Vĩnh Long.
    shown = vinh_long.locator("td").first.inner_text().strip()
    assert re.fullmatch(r"[0-9.]+", shown), f"Vĩnh Long has OCOP products in 2025 in the demo, got {shown!r}"
    expect(page.locator("[data-province='Vĩnh Long'] title")).to_have_text(f"Vĩnh Long: {shown}")
    expect(page.get_by_test_id("rates-table")).to_contain_text("Năm 2025")
    page.screenshot(path=artifacts / "dashboard-national-ocop-desktop.png", full_page=True)


def test_the_national_dashboard_on_a_phone(page: Page, demo_server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    _open_national_dashboard(page, demo_server.url)
    expect(page.get_by_test_id("province-map")).to_be_visible()
    expect(page.get_by_test_id("province-table").locator("tbody tr")).to_have_count(34)
    map_box = page.get_by_test_id("province-map").bounding_box()
    table_box = page.get_by_test_id("province-table").bounding_box()
    assert map_box and table_box and map_box["y"] + map_box["height"] <= table_box["y"], "the map is above the table"
    page.screenshot(path=artifacts / "dashboard-national-phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"


def test_a_province_office_reads_its_own_dashboard_on_a_phone(page: Page, demo_server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    page.get_by_role("button", name="Mở menu").click()
    page.get_by_role("link", name="Tổng quan").click()
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    expect(page.get_by_test_id("province-map")).to_have_count(0)  # the provinces' map is the centre's
    page.get_by_label("Kỳ báo cáo").select_option(label="6 tháng đầu năm 2026")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_test_id("rates-table")).to_contain_text("6 tháng đầu năm 2026")
    expect(page.get_by_test_id("plans-table")).to_contain_text("Số nhiệm vụ")  # the demo's 2026 plan
    page.screenshot(path=artifacts / "dashboard-province-phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"
