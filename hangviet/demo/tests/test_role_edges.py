"""Rough edges of roles (issue 13): each test failed before its fix, or pins a rule that already held."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.consolidation.tests.test_completeness import submit
from hangviet.orgs.models import UserRole
from hangviet.orgs.tests.factories import World, make_agency, make_user
from hangviet.periods.models import Period

pytestmark = pytest.mark.django_db


def test_a_focal_officer_of_a_committee_cannot_reconstitute_it_nor_is_offered_to(client: Client, world: World) -> None:
    focal = make_user("vl-daumoi", world.vinh_long, UserRole.Role.CLERK)
    client.force_login(focal)
    page = client.get(reverse("orgs:detail", args=[world.vinh_long.pk])).content.decode()
    assert 'data-testid="reconstitute"' not in page
    assert client.get(reverse("orgs:reconstitute", args=[world.vinh_long.pk])).status_code == 403
    client.force_login(world.vl_office)
    page = client.get(reverse("orgs:detail", args=[world.vinh_long.pk])).content.decode()
    assert 'data-testid="reconstitute"' in page


def test_a_viewer_sees_no_action_buttons(client: Client, world: World) -> None:
    period = Period.objects.for_code("2026-H1")
    report = submit(world.vl_trade, period, datetime.date(2026, 6, 10))
    client.force_login(world.vl_viewer)
    board = client.get(reverse("consolidation:board", args=[world.vinh_long.pk, "2026-H1"])).content.decode()
    assert "accept-form" not in board and "Tiếp nhận các báo cáo đã chọn" not in board
    assert "Nhắc" not in board.split('data-testid="summary"', 1)[1].split("completeness", 1)[0]
    organisation = client.get(reverse("orgs:detail", args=[world.vinh_long.pk])).content.decode()
    assert "Bổ sung thành viên" not in organisation and 'data-testid="reconstitute"' not in organisation
    documents = client.get(reverse("documents:committee", args=[world.vinh_long.pk])).content.decode()
    assert "Tạo báo cáo" not in documents
    report_page = client.get(reverse("reporting:detail", args=[report.pk])).content.decode()
    assert "Tiếp nhận báo cáo" not in report_page and "Lưu nháp" not in report_page
    client.force_login(world.vl_office)
    board = client.get(reverse("consolidation:board", args=[world.vinh_long.pk, "2026-H1"])).content.decode()
    assert "Tiếp nhận các báo cáo đã chọn" in board


def test_counters_do_not_count_dissolved_bodies(client: Client, world: World) -> None:
    make_agency(world.vinh_long, "Sở Kế hoạch và Đầu tư", valid_to=datetime.date(2025, 2, 28))
    client.force_login(world.vl_office)
    page = client.get(reverse("orgs:detail", args=[world.vinh_long.pk])).content.decode()
    assert "Sở Kế hoạch và Đầu tư" in page  # still listed, marked as ended
    assert 'data-testid="agency-count">2<' in page  # Sở Công Thương and Sở Y tế
