"""Browser tests: Playwright drives Debian's Chromium against a live server. Screenshots go to
``test-artifacts/`` for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import open_my_organisation, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_vinh_long_standing_office_signs_in_and_sees_its_committee(
    page: Page,
    demo_server,
    artifacts: Path,
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{demo_server.url}/")  # visitors get the public portal; sign-in is one click away
    page.get_by_test_id("login-link").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    page.screenshot(path=artifacts / "login.png", full_page=True)

    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    open_my_organisation(page)  # from the work home
    expect(page.get_by_role("heading", level=1)).to_contain_text("tỉnh Vĩnh Long")
    expect(page.get_by_test_id("members")).to_contain_text("Phó Trưởng ban Thường trực")
    expect(page.get_by_test_id("agencies")).to_contain_text("Sở Nông nghiệp và Môi trường")
    expect(page.get_by_test_id("lower-committees")).to_contain_text("phường Trà Vinh")
    expect(page.get_by_test_id("historic-committees")).to_contain_text("tỉnh Trà Vinh")
    page.screenshot(path=artifacts / "committee-vinh-long.png", full_page=True)

    page.get_by_test_id("historic-committees").get_by_role("link").first.click()
    expect(page.get_by_role("status")).to_contain_text("Đã kết thúc hoạt động ngày 30/6/2025")
    expect(page.get_by_test_id("lower-committees")).to_contain_text("huyện Càng Long")
    page.screenshot(path=artifacts / "committee-tra-vinh-historic.png", full_page=True)


def test_a_clerk_looks_up_an_old_ward_with_the_keyboard_on_a_phone(
    page: Page,
    demo_server,
    artifacts: Path,
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, demo_server.url, "vinhlong.phuongtravinh")
    page.goto(f"{demo_server.url}/don-vi-hanh-chinh/")
    page.keyboard.press("Tab")
    expect(page.get_by_text("Chuyển đến nội dung chính")).to_be_focused()
    field = page.get_by_label("Tên đơn vị")
    field.fill("Phường 1, Thành phố Trà Vinh, Tỉnh Trà Vinh")
    field.press("Enter")
    expect(page.get_by_test_id("current-units")).to_contain_text("Phường Trà Vinh, Tỉnh Vĩnh Long")
    page.screenshot(path=artifacts / "unit-lookup-phone.png", full_page=True)
