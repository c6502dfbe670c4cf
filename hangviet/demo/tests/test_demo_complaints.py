"""The demo's consumer reports: Vĩnh Long's reports go to its market-control office, whose login sees them; the
answered one is followed by its code; building the demo again adds nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from hangviet.complaints import actions
from hangviet.complaints.models import ConsumerReport, Route
from hangviet.demo.builder import build_demo
from hangviet.demo.complaints import ANSWERED_CODE, QLTT_LOGIN
from hangviet.orgs.models import UserRole

pytestmark = pytest.mark.django_db


def test_vinh_long_reports_reach_its_market_control_login() -> None:
    logins = build_demo()
    assert QLTT_LOGIN in {login.username for login in logins}
    route = Route.objects.get(province__code="86", province__valid_to__isnull=True)
    assert route.organisation.short_name == "QLTT"
    counts = (ConsumerReport.objects.count(), Route.objects.count(), UserRole.objects.count())
    build_demo()
    assert (ConsumerReport.objects.count(), Route.objects.count(), UserRole.objects.count()) == counts

    report = actions.submit_report(description="Sữa bột nghi giả", place_text="Phường Trà Vinh, tỉnh Vĩnh Long")
    assert report.receiver == route.organisation
    client = Client()
    client.force_login(UserRole.objects.get(user__username=QLTT_LOGIN).user)
    page = client.get("/xu-ly-phan-anh/").content.decode()
    assert report.code in page
    answered = Client().get("/phan-anh/tra-cuu/", {"code": ANSWERED_CODE}).content.decode()
    assert "Đã xử lý" in answered and "Chi cục Quản lý thị trường đã kiểm tra" in answered


def test_the_demo_survey_is_open_with_answers() -> None:
    from hangviet.surveys.models import Survey

    build_demo()
    build_demo()
    survey = Survey.objects.get()
    assert survey.responses.count() == 4
    page = Client().get(f"/khao-sat/{survey.slug}/")
    assert page.status_code == 200 and "ưu tiên chọn hàng Việt Nam" in page.content.decode()
