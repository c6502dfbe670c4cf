"""Writing a plan in a real browser, on a phone (issue 13): Vĩnh Long's office opens "Soạn kế hoạch mới", adds
a second task with "Thêm nhiệm vụ" (the script clones the empty row), makes it a sub-task, and saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in
from hangviet.orgs.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_office_writes_a_plan_with_a_sub_task_on_a_phone(page: Page, demo_server, artifacts: Path) -> None:
    committee = Organisation.objects.get(kind=Organisation.Kind.COMMITTEE, unit__code="86", valid_to=None)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, demo_server.url, "vinhlong.thuongtruc")
    page.goto(f"{demo_server.url}/ke-hoach/ban-chi-dao/{committee.pk}/")
    page.get_by_role("link", name="Soạn kế hoạch mới").click()
    page.get_by_label("Trích yếu").fill("Kế hoạch phiên chợ hàng Việt quý II năm 2026")
    page.get_by_label("Năm").fill("2026")
    page.locator("#id_task-0-ref").fill("1")
    page.locator("#id_task-0-content").fill("Tổ chức phiên chợ hàng Việt về nông thôn")
    page.locator("#id_task-0-lead").select_option(index=1)
    page.locator("#id_task-0-when").fill("Quý II/2026")
    page.get_by_role("button", name="Thêm nhiệm vụ").click()
    page.locator("#id_task-2-ref").fill("1.1")
    page.locator("#id_task-2-parent").fill("1")
    page.locator("#id_task-2-content").fill("Tuyên truyền phiên chợ trên đài tỉnh")
    page.locator("#id_task-2-lead").select_option(index=1)
    page.locator("#id_task-2-when").fill("tháng 4 và tháng 5")
    page.screenshot(path=artifacts / "plan-write-phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"
    page.get_by_role("button", name="Lưu kế hoạch").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lưu kế hoạch với 2 nhiệm vụ")
    expect(page.get_by_text("Tuyên truyền phiên chợ trên đài tỉnh")).to_be_visible()
