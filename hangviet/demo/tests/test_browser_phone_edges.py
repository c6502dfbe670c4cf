"""Issue 13, phones: the report form, the board and the consolidated table at 390 px wide. No page scrolls
sideways (wide tables scroll in their own box, first column fixed) and the checks are reachable while typing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in
from hangviet.orgs.models import Organisation
from hangviet.reporting.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _organisation_of(username: str) -> Organisation:
    return get_user_model().objects.get(username=username).org_roles.first().organisation


def _page_width(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_report_form_board_and_table_fit_a_phone(page: Page, demo_server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    base = demo_server.url
    sign_in(page, base, "vinhlong.phuongtravinh")
    ward = _organisation_of("vinhlong.phuongtravinh")
    report = Report.objects.filter(organisation=ward, status__in=["draft", "returned"]).first()
    if report is None:
        page.goto(base + reverse("reporting:mine"))
        page.get_by_role("button", name="Lập báo cáo 6 tháng đầu năm 2026").click()
    else:
        page.goto(base + reverse("reporting:detail", args=[report.pk]))
    page.get_by_label("Số sản phẩm OCOP 3 sao", exact=True).fill("137")
    page.get_by_label("Số sản phẩm OCOP 4 sao", exact=True).fill("38")
    page.get_by_label("Số sản phẩm OCOP 5 sao", exact=True).fill("03")
    page.get_by_label("Số sản phẩm OCOP đạt 3 sao trở lên", exact=True).fill("184")
    count = page.get_by_test_id("checks-count")
    expect(count).to_contain_text("1 cảnh báo")  # beside the buttons, updated as the user types
    expect(count).to_be_in_viewport()
    expect(page.get_by_label("Số sản phẩm OCOP 3 sao", exact=True)).to_have_attribute("aria-invalid", "true")
    page.screenshot(path=artifacts / "phone-report-entry.png", full_page=True)
    assert _page_width(page) <= 390, f"the report form scrolls sideways on a phone ({_page_width(page)} px)"

    page.context.clear_cookies()
    sign_in(page, base, "vinhlong.thuongtruc")
    province = _organisation_of("vinhlong.thuongtruc")
    page.goto(base + reverse("consolidation:board", args=[province.pk, "2026-H1"]))
    expect(page.get_by_test_id("completeness")).to_be_visible()
    page.screenshot(path=artifacts / "phone-board.png", full_page=True)
    assert _page_width(page) <= 390, f"the board scrolls sideways on a phone ({_page_width(page)} px)"
    page.goto(base + reverse("consolidation:table", args=[province.pk, "2026-H1"]))
    table = page.get_by_test_id("consolidated")
    expect(table).to_be_visible()
    page.screenshot(path=artifacts / "phone-consolidated.png", full_page=True)
    assert _page_width(page) <= 390, f"the consolidated table scrolls sideways ({_page_width(page)} px)"
