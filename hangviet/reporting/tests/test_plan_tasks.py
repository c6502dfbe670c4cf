"""The report page lists the reporting unit's tasks from the year's plans, so progress is reported there."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.plans import actions as plan_actions
from hangviet.reporting.actions import open_report

pytestmark = pytest.mark.django_db
PLAN = Path(__file__).resolve().parent.parent.parent / "plans" / "fixtures" / "plan_vinhlong_2026.txt"


def test_the_report_page_lists_the_units_tasks(client: Client, world: World) -> None:
    parsed, tasks = plan_actions.read_plan(PLAN.read_bytes(), "p.txt", world.vinh_long)
    plan_actions.save_plan(world.vinh_long, parsed, tasks, acting_user=None)
    report = open_report(world.vl_trade, Period.objects.for_code("2026-H1"), acting_user=None)
    client.force_login(world.vl_trade_clerk)
    page = client.get(reverse("reporting:detail", args=[report.pk])).content.decode()
    assert "Tổ chức phiên chợ hàng Việt" in page and "Chưa thực hiện" in page
