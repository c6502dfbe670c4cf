"""The public portal in a real browser, on a phone (390×844), as a visitor who never signs in: opens the home
page, searches "nuoc mam" (no diacritics), opens a product and finds where to buy it, as a list and on the map
(Leaflet loads only when asked; the tiles come from a local address that serves nothing, as when the tile
server cannot be reached: the markers and the list still work)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_finds_fish_sauce_and_where_to_buy_it_on_a_phone(
    page: Page, demo_server, artifacts: Path, settings
) -> None:
    settings.HANGVIET_MAP_TILES = "/khong-co-ban-do/{z}/{x}/{y}.png"
    settings.HANGVIET_PUBLIC_RATE_LIMIT = 10_000
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{demo_server.url}/")
    expect(page.get_by_role("heading", name="Tìm sản phẩm Việt")).to_be_visible()
    expect(page.get_by_test_id("login-link")).to_be_visible()  # sign-in one click away
    expect(
        page.get_by_role("link", name="Hội chợ hàng Việt Vĩnh Long mừng Xuân 2027 (dữ liệu minh họa)")
    ).to_be_visible()
    page.screenshot(path=artifacts / "portal-home-phone.png", full_page=True)

    page.get_by_role("searchbox", name="Tìm sản phẩm").fill("nuoc mam")
    page.get_by_role("button", name="Tìm", exact=True).click()
    results = page.get_by_test_id("product-results")
    expect(results).to_contain_text("Nước mắm")
    page.screenshot(path=artifacts / "portal-search-phone.png", full_page=False)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"

    results.locator("[data-product-link]").first.click()
    expect(page.get_by_test_id("product-name")).to_contain_text("Nước mắm")
    expect(page.get_by_role("heading", name="Mua ở đâu")).to_be_visible()
    stores = page.get_by_test_id("salepoint-list")
    expect(stores).to_contain_text("Cửa hàng của Liên Minh HTX tỉnh Trà Vinh")

    page.get_by_role("button", name="Xem trên bản đồ").click()
    map_box = page.locator("#points-map")
    expect(map_box).to_be_visible()
    expect(map_box).to_have_attribute("data-markers", "6")
    expect(map_box.locator(".leaflet-marker-icon").first).to_be_visible()
    page.screenshot(path=artifacts / "portal-product-phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"

    stores.get_by_role("link", name="Điểm dừng chân Sáu Dư").click()
    expect(page.get_by_role("heading", name="Điểm dừng chân Sáu Dư")).to_be_visible()
