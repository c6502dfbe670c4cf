"""The work home of each demo role and a notification round trip, in a real browser. Screenshots go to
``test-artifacts/``: home-<role>.png, home-ward-phone.png, notifications-*.png."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hangviet.demo.tests.conftest import sign_in
from hangviet.notifications.models import Notification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page: Page) -> None:
    if page.get_by_role("button", name="Mở menu").is_visible():
        page.get_by_role("button", name="Mở menu").click()
    page.get_by_role("button", name="Đăng xuất").click()


def test_each_role_lands_on_what_to_do(page: Page, demo_server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    base = demo_server.url

    # The ward that has not started its 2026-H1 report: the late report comes first.
    sign_in(page, base, "vinhlong.phuongtravinh")
    expect(page.get_by_role("heading", name="Việc cần làm", level=1)).to_be_visible()
    reports = page.get_by_test_id("home-section-reports")
    expect(reports).to_contain_text("Báo cáo 6 tháng đầu năm 2026")
    expect(reports).to_contain_text("Quá hạn")
    first_section = page.locator("section[data-testid^='home-section-']").first
    expect(first_section).to_have_attribute("data-testid", "home-section-reports")
    page.screenshot(path=artifacts / "home-ward.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "home-ward-phone.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_out(page)

    # The province standing office: the reports waiting for its review, with their number.
    sign_in(page, base, "vinhlong.thuongtruc")
    review = page.get_by_test_id("home-section-review")
    expect(review).to_contain_text("chờ duyệt")
    expect(page.get_by_test_id("home-count-review")).to_have_text(re.compile(r"^\d+$"))
    page.screenshot(path=artifacts / "home-province-office.png", full_page=True)
    sign_out(page)

    # The central committee: the national picture of the round.
    sign_in(page, base, "tw.thuongtruc")
    expect(page.get_by_test_id("home-section-progress")).to_contain_text("đơn vị đã gửi")
    page.screenshot(path=artifacts / "home-central.png", full_page=True)
    sign_out(page)

    # A member agency: its own report and its plan tasks.
    sign_in(page, base, "vinhlong.congthuong")
    expect(page.get_by_role("heading", name="Việc cần làm", level=1)).to_be_visible()
    page.screenshot(path=artifacts / "home-agency.png", full_page=True)
    sign_out(page)

    # A viewer: nothing to act on, said plainly.
    sign_in(page, base, "vinhlong.xem")
    expect(page.get_by_test_id("home-empty")).to_contain_text("chỉ xem")
    page.screenshot(path=artifacts / "home-viewer.png", full_page=True)
    sign_out(page)

    # The administrator: the queue and the mail.
    sign_in(page, base, "quantri")
    expect(page.get_by_test_id("home-section-admin")).to_contain_text("Hàng đợi tác vụ nền")
    page.screenshot(path=artifacts / "home-admin.png", full_page=True)


def test_the_office_returns_a_report_and_the_ward_is_told(page: Page, demo_server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    base = demo_server.url

    # The office opens the reports waiting from its home and returns the ward's.
    sign_in(page, base, "vinhlong.thuongtruc")
    page.get_by_test_id("home-section-review").get_by_role("link").first.click()
    page.get_by_test_id("completeness").get_by_role("link", name=re.compile("Long Châu")).click()
    page.get_by_label("Lý do trả lại").fill("Đề nghị bổ sung số phiên chợ hàng Việt tổ chức trong tháng 5.")
    page.get_by_role("button", name="Trả lại báo cáo").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Bị trả lại")
    sign_out(page)

    # The ward sees the bell count, reads the notification and lands on the report.
    sign_in(page, base, "vinhlong.longchau")
    bell = page.get_by_test_id("bell")
    expect(page.get_by_test_id("bell-count")).to_have_text("1")
    expect(bell).to_have_attribute("aria-label", "Thông báo: 1 chưa đọc")
    expect(page.get_by_test_id("home-section-reports")).to_contain_text("Bị trả lại")
    page.screenshot(path=artifacts / "notifications-bell.png", full_page=True)
    bell.click()
    notices = page.get_by_test_id("notifications")
    expect(notices).to_contain_text("bị trả lại")
    expect(notices).to_contain_text("Đề nghị bổ sung số phiên chợ hàng Việt tổ chức trong tháng 5.")
    page.screenshot(path=artifacts / "notifications-page.png", full_page=True)
    notices.get_by_role("button", name=re.compile("^Mở")).first.click()
    expect(page.get_by_test_id("report-status")).to_have_text("Bị trả lại")
    expect(page.get_by_role("alert").first).to_contain_text("Đề nghị bổ sung số phiên chợ")
    expect(page.get_by_test_id("bell-count")).to_have_count(0)  # read: the bell is quiet again

    # The ward fixes it and says what it corrected; the office is told and reads the explanation.
    page.get_by_label("Giải trình việc đã sửa (gửi kèm khi gửi lại báo cáo)").fill(
        "Đã bổ sung 02 phiên chợ hàng Việt tổ chức ngày 10/5 và 24/5."
    )
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Đã gửi, chờ duyệt")
    page.screenshot(path=artifacts / "notifications-resubmitted.png", full_page=True)
    sign_out(page)
    sign_in(page, base, "vinhlong.thuongtruc")
    page.get_by_test_id("bell").click()
    latest = page.get_by_test_id("notifications").get_by_role("listitem").first
    expect(latest).to_contain_text("đã gửi lại báo cáo")
    expect(latest).to_contain_text("Đã bổ sung 02 phiên chợ hàng Việt tổ chức ngày 10/5 và 24/5.")
    latest.get_by_role("button", name=re.compile("^Mở")).click()
    expect(page.get_by_test_id("resubmit-note")).to_contain_text("Đã bổ sung 02 phiên chợ hàng Việt")
    page.screenshot(path=artifacts / "notifications-office-reads-explanation.png", full_page=True)

    returned = Notification.objects.get(kind=Notification.Kind.RETURNED)
    assert returned.recipient.username == "vinhlong.longchau"
    assert returned.email_status == Notification.EmailStatus.SENT  # the e-mail went out (console backend in the demo)
