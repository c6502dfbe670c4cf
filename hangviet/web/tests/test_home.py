"""The work home: each role lands on what to do next, most urgent first, and doing it clears the item."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from hangviet.documents import actions as document_actions
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.plans.models import Plan, Task
from hangviet.reporting import actions
from hangviet.web.home import HOME_SECTIONS, HomeContext, HomeSection, build_home, register_home_section

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 12, 6)  # 2026-H1 was due on 20/6/2026; the year's report is due on 20/12/2026


def home_of(user, day: datetime.date = DAY) -> dict[str, HomeSection]:
    return {section.key: section for section in build_home(HomeContext.for_user(user, day))}


def order_of(user, day: datetime.date = DAY) -> list[str]:
    return [section.key for section in build_home(HomeContext.for_user(user, day))]


def submitted(organisation, period: Period):
    report = actions.open_report(organisation, period, acting_user=None)
    actions.save_report(report, values={"banners": Decimal(1)}, expected_version=report.version, acting_user=None)
    return actions.submit_report(report, acting_user=None)


def test_a_ward_with_a_late_report_sees_it_first(world: World) -> None:
    Period.objects.for_code("2026-H1")
    sections = home_of(world.commune_clerk)
    assert order_of(world.commune_clerk)[0] == "reports"
    first = sections["reports"].items[0]
    assert "6 tháng đầu năm 2026" in first.label and first.badge.startswith("Quá hạn") and first.tone == "danger"
    assert first.url == reverse("reporting:mine")  # not started: the page where it opens its report
    # The year's report, due in 14 days, comes after the late one.
    assert any("Năm 2026" in item.label or "năm 2026" in item.label for item in sections["reports"].items[1:])


def test_submitting_clears_the_late_report_and_a_return_brings_it_back_with_the_reason(world: World) -> None:
    period = Period.objects.for_code("2026-H1")
    report = submitted(world.vl_commune, period)
    assert not any(
        "6 tháng" in item.label for item in home_of(world.commune_clerk).get("reports", HomeSection("", "", [])).items
    )
    actions.return_report(report, reason="Thiếu số liệu phiên chợ.", acting_user=world.vl_office)
    item = home_of(world.commune_clerk)["reports"].items[0]
    assert item.badge == "Bị trả lại" and "Thiếu số liệu phiên chợ." in item.detail
    assert item.url == reverse("reporting:detail", args=[report.pk])


def test_the_standing_office_sees_the_reports_waiting_and_accepting_clears_them(world: World) -> None:
    period = Period.objects.for_code("2026-H1")
    reports = [submitted(org, period) for org in (world.vl_trade, world.vl_health, world.vl_commune)]
    review = home_of(world.vl_office, DAY)["review"]
    assert review.total == 3
    assert review.items[0].url == reverse("consolidation:board", args=[world.vinh_long.pk, "2026-H1"])
    assert order_of(world.vl_office)[0] in ("reports", "review")  # its own report to the centre is late too
    actions.accept_report(reports[0], acting_user=world.vl_office)
    assert home_of(world.vl_office)["review"].total == 2
    assert "review" not in home_of(world.ag_office)  # another province's office has nothing to review here
    assert "review" not in home_of(world.vl_viewer)


def test_the_central_committee_sees_the_provinces_waiting_and_the_national_picture(world: World) -> None:
    period = Period.objects.for_code("2026-H1")
    submitted(world.vinh_long, period)
    sections = home_of(world.central_office)
    assert sections["review"].total == 1
    progress = sections["progress"]
    assert not progress.actionable
    h1 = next(item for item in progress.items if "6 tháng đầu năm 2026" in item.label)
    assert "1/2 đơn vị đã gửi" in h1.label  # Vĩnh Long sent, An Giang not (Trà Vinh ended before the period)


def test_a_viewer_sees_no_actions(client: Client, world: World) -> None:
    period = Period.objects.for_code("2026-H1")
    submitted(world.vl_trade, period)
    sections = home_of(world.vl_viewer)
    assert not any(section.actionable for section in sections.values())
    client.force_login(world.vl_viewer)
    page = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="home-empty"' in page and "chỉ xem" in page


def test_tasks_led_and_coordinated_that_are_due_or_overdue(world: World) -> None:
    plan = Plan.objects.create(committee=world.vinh_long, year=2026, title="Kế hoạch năm 2026")
    overdue = Task.objects.create(
        plan=plan, ref="1", content="Tổ chức phiên chợ", lead=world.vl_trade, windows=["2026-Q3"]
    )
    soon = Task.objects.create(
        plan=plan, ref="2", content="Hội nghị tổng kết", lead=world.vl_health, windows=["2026-12"]
    )
    soon.coordinating.add(world.vl_trade)
    Task.objects.create(plan=plan, ref="3", content="Việc năm sau", lead=world.vl_trade, windows=["2027-Q2"])
    Task.objects.create(plan=plan, ref="4", content="Đã xong", lead=world.vl_trade, windows=["2026-Q1"], status="done")
    items = home_of(world.vl_trade_clerk, datetime.date(2026, 12, 20))["tasks"].items
    assert [item.url for item in items] == [
        reverse("plans:task", args=[overdue.pk]),
        reverse("plans:task", args=[soon.pk]),
    ]
    assert items[0].badge.startswith("Quá hạn") and "Phối hợp" in items[1].detail


def test_documents_in_draft_for_the_committee(world: World) -> None:
    period = Period.objects.for_code("2026-H1")
    draft = document_actions.create_report_draft(world.vinh_long, period, acting_user=None)
    items = home_of(world.vl_office)["drafts"].items
    assert items[0].url == reverse("documents:edit", args=[draft.pk])
    assert "drafts" not in home_of(world.vl_trade_clerk)


def test_an_administrator_gets_the_queue_and_the_mail(client: Client, db: None) -> None:
    admin = get_user_model().objects.create_user("quantri", password="x", is_staff=True)
    client.force_login(admin)
    page = client.get(reverse("web:home")).content.decode()
    assert "Quản trị hệ thống" in page and "Hàng đợi tác vụ nền" in page and "Thư thông báo" in page


def test_another_app_adds_a_section_through_the_hook(client: Client, world: World) -> None:
    def complaints(context: HomeContext) -> HomeSection | None:
        from hangviet.web.home import HomeItem

        return HomeSection("complaints", "Phản ánh chờ xử lý", [HomeItem("Phản ánh số 1", "/", urgency=5)])

    register_home_section(complaints)
    try:
        assert order_of(world.vl_trade_clerk)[:2] == ["reports", "complaints"]  # by urgency: late first
    finally:
        HOME_SECTIONS.remove(complaints)


def test_the_home_page_of_each_persona_renders_in_a_few_queries(
    client: Client, world: World, django_assert_max_num_queries
) -> None:
    Period.objects.for_code("2026-H1")
    for user in (world.commune_clerk, world.vl_office, world.central_office, world.vl_viewer):
        client.force_login(user)
        with django_assert_max_num_queries(60):
            response = client.get(reverse("web:home"))
        assert response.status_code == 200
        assert "Việc cần làm" in response.content.decode()


def test_ocop_recognitions_expiring_for_the_organisation_that_keeps_them(world: World) -> None:
    from hangviet.registry import actions as registry_actions

    product = registry_actions.record_product(world.vl_trade, name="Mật hoa dừa", producer=None, acting_user=None)
    registry_actions.recognise_product(
        product, stars=4, decided_on=datetime.date(2023, 12, 1), valid_to=datetime.date(2026, 12, 31), acting_user=None
    )
    section = home_of(world.vl_trade_clerk)["expiring"]
    assert section.total == 1 and section.items[0].label == "Mật hoa dừa"
    assert section.more_url == reverse("registry:ocop_expiring")
    assert "expiring" not in home_of(world.commune_clerk)  # not its product


def test_a_consumer_report_routed_to_the_office_waits_on_its_home_until_answered(world: World) -> None:
    from hangviet.complaints import actions as complaint_actions

    report = complaint_actions.submit_report(description="Nước mắm nghi giả", place_text="Phường Long Châu, Vĩnh Long")
    assert report.receiver == world.vinh_long  # no route set: the province's committee
    section = home_of(world.vl_office)["complaints"]
    assert section.total == 1 and section.items[0].url == reverse("complaints:detail", args=[report.pk])
    assert report.code in section.items[0].detail
    assert "complaints" not in home_of(world.ag_office)  # another province's office has nothing to answer
    complaint_actions.close_report(report, outcome="resolved", public_answer="Đã kiểm tra.", acting_user=None)
    assert "complaints" not in home_of(world.vl_office)


def test_a_meeting_in_the_next_two_weeks_shows_to_the_invited(world: World) -> None:
    from hangviet.oversight import actions as oversight_actions

    def schedule(title: str, day: datetime.date, invited: list) -> object:
        return oversight_actions.schedule_meeting(
            world.vinh_long, kind="quarterly", title=title, held_on=day, participants=invited, acting_user=None
        )

    meeting = schedule("Sơ kết 6 tháng", DAY + datetime.timedelta(days=10), [world.vl_commune])
    schedule("Tổng kết năm", DAY + datetime.timedelta(days=40), [world.vl_commune])
    items = home_of(world.commune_clerk)["meetings"].items
    assert [item.url for item in items] == [reverse("oversight:meeting", args=[meeting.pk])]
    assert items[0].badge == "Còn 10 ngày" and not home_of(world.commune_clerk)["meetings"].actionable
    assert "meetings" not in home_of(world.sibling_commune_clerk)
