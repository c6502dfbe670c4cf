"""The media board on a phone: Vĩnh Long's standing office opens quarter 1 of 2026, sees the newspaper short of
1 tin and 1 bài, and reminds it (the demo outlet has no e-mail address: the page says so)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in
from hangviet.orgs.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_office_reads_the_media_board_and_reminds_the_short_outlet_on_a_phone(
    page: Page, demo_server, artifacts: Path
) -> None:
    committee = Organisation.objects.get(
        kind="committee", unit__code="86", unit__level="province", unit__edition="2025"
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    page.goto(f"{demo_server.url}/cuoc-van-dong/truyen-thong/{committee.pk}/?year=2026&quarter=1")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chỉ tiêu tuyên truyền quý 1/2026")
    row = page.get_by_test_id("outlet-row").filter(has_text="Báo Vĩnh Long")
    expect(row.get_by_test_id("shortfall")).to_have_text("thiếu 1 tin, 1 bài")
    expect(page.get_by_test_id("shortfall")).to_have_count(1)
    page.screenshot(path=artifacts / "campaign-media-board-phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"
    row.get_by_role("button", name="Nhắc").click()
    # the outlet's own user is told (bell, and e-mail as it chose); the message names whom it reached
    expect(page.get_by_role("alert")).to_contain_text("Đã nhắc Báo Vĩnh Long (còn thiếu 1 tin, 1 bài)")
    expect(page.get_by_test_id("outlet-row").filter(has_text="Báo Vĩnh Long")).to_contain_text("đã nhắc ngày")
