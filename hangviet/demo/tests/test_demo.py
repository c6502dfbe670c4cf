"""The demo data: what a new user sees after ``make run``."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from hangviet.demo.builder import DEMO_PASSWORD, build_demo
from hangviet.orgs.models import Membership, Organisation, UserRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: None) -> None:
    build_demo()


def test_building_the_demo_twice_changes_nothing(demo: None) -> None:
    counts = (Organisation.objects.count(), Membership.objects.count(), UserRole.objects.count())
    build_demo()
    assert (Organisation.objects.count(), Membership.objects.count(), UserRole.objects.count()) == counts


def test_every_role_has_a_demo_user(demo: None) -> None:
    assert set(UserRole.objects.values_list("role", flat=True)) == set(UserRole.Role.values)


def test_the_vinh_long_standing_office_sees_its_committee_and_the_historic_tra_vinh(client: Client, demo: None) -> None:
    response = client.post(
        reverse("web:login"), {"username": "vinhlong.thuongtruc", "password": DEMO_PASSWORD}, follow=True
    )
    home = response.content.decode()
    assert "Việc cần làm" in home and "Báo cáo chờ tôi duyệt" in home  # the work home; the committee one click away
    vinh_long = Organisation.objects.get(unit__code="86", unit__edition="2025", kind=Organisation.Kind.COMMITTEE)
    assert reverse("orgs:detail", args=[vinh_long.pk]) in home
    page = client.get(reverse("orgs:detail", args=[vinh_long.pk])).content.decode()
    assert "tỉnh Vĩnh Long" in page
    assert "Trưởng ban" in page and "Phó Trưởng ban Thường trực" in page and "Tổ giúp việc" in page
    assert "Sở Công Thương" in page and "Sở Nông nghiệp và Môi trường" in page
    assert "Trước đây: Sở Nông nghiệp và Phát triển nông thôn" in page
    assert "phường Trà Vinh" in page
    assert "tỉnh Trà Vinh" in page and "Lịch sử thành viên" in page


def test_the_historic_tra_vinh_committee_keeps_its_district_committees(client: Client, demo: None) -> None:
    tra_vinh = Organisation.objects.get(unit__code="84", unit__edition="pre2025", kind=Organisation.Kind.COMMITTEE)
    client.post(reverse("web:login"), {"username": "vinhlong.thuongtruc", "password": DEMO_PASSWORD})
    page = client.get(reverse("orgs:detail", args=[tra_vinh.pk])).content.decode()
    assert "huyện Châu Thành" in page and "Đã kết thúc hoạt động ngày 30/6/2025" in page


def test_the_demos_totals_agree_with_its_values_and_an_acceptance_shows_at_once_nationally(demo: None) -> None:
    from hangviet.consolidation.queries import consolidate
    from hangviet.periods.models import Period
    from hangviet.reporting.actions import accept_report
    from hangviet.reporting.models import Report

    call_command("totals", "check", stdout=io.StringIO())  # exits 1 on any difference
    central = Organisation.objects.get(unit__level="country", kind=Organisation.Kind.COMMITTEE)
    period = Period.objects.for_code("2026-H1")
    waiting = Report.objects.filter(period=period, status=Report.Status.SUBMITTED).order_by("pk").first()
    assert waiting is not None
    value = waiting.values.filter(indicator__kind="flow").select_related("indicator").first()
    assert value is not None
    before = consolidate(central, period).reported[value.indicator.code] or Decimal(0)
    accept_report(waiting, acting_user=None)
    assert consolidate(central, period).reported[value.indicator.code] == before + value.value
    call_command("totals", "check", stdout=io.StringIO())


def test_the_demo_has_vinh_longs_quarterly_giao_ban_held_with_its_conclusions(client: Client, demo: None) -> None:
    from hangviet.oversight.models import Meeting

    build_demo()
    meeting = Meeting.objects.get(kind="quarterly")
    assert meeting.committee.unit.name == "Tỉnh Vĩnh Long" and meeting.status == Meeting.Status.HELD
    assert meeting.chair is not None and meeting.participants.count() == 3
    assert meeting.follow_up_tasks.get().lead.short_name == "SCT"
    office = UserRole.objects.filter(organisation=meeting.committee, role=UserRole.Role.STANDING_OFFICE).first()
    assert office is not None
    client.force_login(office.user)
    page = client.get(reverse("oversight:meetings", args=[meeting.committee_id])).content.decode()
    assert "Hội nghị giao ban quý I/2026" in page
