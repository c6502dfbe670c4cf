"""Writing a plan on the page from scratch (issue 13): header, tasks with lead, coordinating units, times,
outputs, indicators; who may; what a mistake looks like."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.audit.models import AuditEvent
from hangviet.indicators.models import Indicator
from hangviet.lib.timewindows import Window
from hangviet.orgs.tests.factories import World
from hangviet.plans.models import Plan

pytestmark = pytest.mark.django_db


def _row(index: int, **fields: Any) -> dict[str, Any]:
    return {f"task-{index}-{name}": value for name, value in fields.items()}


def _post(world: World, **extra: Any) -> dict[str, Any]:
    indicators = list(Indicator.objects.order_by("order")[:2])
    return {
        "title": "Kế hoạch thực hiện Cuộc vận động năm 2026",
        "number_symbol": "15/KH-BCĐ",
        "year": "2026",
        "legal_basis": "Căn cứ Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư",
        "purpose": "Nâng cao nhận thức",
        "task-TOTAL_FORMS": "3",
        "task-INITIAL_FORMS": "0",
        **_row(
            0,
            ref="II.1",
            content="Tổ chức phiên chợ hàng Việt",
            lead=str(world.vl_trade.pk),
            coordinating=[str(world.vl_health.pk), str(world.vinh_long.pk)],
            when="Quý II/2026",
            output="03 phiên chợ",
            indicators=[str(indicators[0].pk), str(indicators[1].pk)],
        ),
        **_row(
            1,
            ref="II.1.a",
            parent="II.1",
            content="Phiên chợ tại Phường Trà Vinh",
            lead=str(world.vl_health.pk),
            when="tháng 3 và tháng 9",
            output="",
        ),
        **_row(2, ref="", content="", lead="", when="", output=""),  # the spare row, left blank
        **extra,
    }


def test_the_office_writes_a_plan_with_a_task_and_its_sub_task(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    page = client.get(reverse("plans:committee", args=[world.vinh_long.pk])).content.decode()
    assert reverse("plans:write", args=[world.vinh_long.pk]) in page
    form = client.get(reverse("plans:write", args=[world.vinh_long.pk]))
    assert form.status_code == 200 and "Thêm nhiệm vụ" in form.content.decode()
    response = client.post(reverse("plans:write", args=[world.vinh_long.pk]), _post(world))
    plan = Plan.objects.get(committee=world.vinh_long)
    assert response.status_code == 302 and response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert (plan.source, plan.year, plan.number_symbol) == (Plan.Source.MANUAL, 2026, "15/KH-BCĐ")
    assert [basis.number_symbol for basis in plan.legal_bases.all()] == ["03-CT/TW"]
    first, second = plan.tasks.order_by("order")
    assert (first.lead, first.expected_output, first.parent) == (world.vl_trade, "03 phiên chợ", None)
    assert set(first.coordinating.all()) == {world.vl_health, world.vinh_long}
    assert first.parsed_windows == [Window.from_iso("2026-Q2")]
    assert first.indicators.count() == 2
    assert (second.parent, second.lead) == (first, world.vl_health)
    assert second.windows == ["2026-03", "2026-09"]  # the plan's year fills in the month without one
    assert AuditEvent.objects.filter(action="plan.saved").count() == 1
    detail = client.get(response["Location"]).content.decode()
    assert "Tổ chức phiên chợ hàng Việt" in detail and "Phiên chợ tại Phường Trà Vinh" in detail
    shown = client.get(reverse("plans:task", args=[second.pk])).content.decode()
    assert "II.1" in shown and "Tháng 3/2026" in shown
    shown = client.get(reverse("plans:task", args=[first.pk])).content.decode()
    assert "03 phiên chợ" in shown and first.indicators.first().name in shown and "Sở Y tế" in shown


@pytest.mark.parametrize(("persona", "status"), [("vl_trade_clerk", 404), ("ag_office", 404), ("vl_viewer", 403)])
def test_others_may_not_write_the_committees_plan(client: Client, world: World, persona: str, status: int) -> None:
    client.force_login(getattr(world, persona))
    url = reverse("plans:write", args=[world.vinh_long.pk])
    assert client.get(url).status_code == status
    assert client.post(url, _post(world)).status_code == status
    assert not Plan.objects.exists()


def test_an_unreadable_time_and_an_unknown_lead_are_shown_with_what_was_typed(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    data = _post(world, **_row(0, when="khi nào xong thì thôi"), **_row(1, lead=str(world.ag_trade.pk)))
    response = client.post(reverse("plans:write", args=[world.vinh_long.pk]), data)
    page = response.content.decode()
    assert response.status_code == 422 and not Plan.objects.exists()
    assert "Không đọc được thời gian “khi nào xong thì thôi”" in page
    assert "Đơn vị chủ trì không thuộc Ban Chỉ đạo này." in page
    assert 'value="khi nào xong thì thôi"' in page and "Phiên chợ tại Phường Trà Vinh" in page
    assert 'value="15/KH-BCĐ"' in page


def test_a_parent_that_is_not_above_and_a_duplicate_plan_are_refused(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    url = reverse("plans:write", args=[world.vinh_long.pk])
    response = client.post(url, _post(world, **_row(1, parent="IV.9")))
    assert response.status_code == 422 and "Mục “IV.9” không có ở các nhiệm vụ phía trên." in response.content.decode()
    assert client.post(url, _post(world)).status_code == 302
    again = client.post(url, _post(world))
    assert again.status_code == 422 and "Ban Chỉ đạo đã có kế hoạch này" in again.content.decode()
    assert "Tổ chức phiên chợ hàng Việt" in again.content.decode()
    assert Plan.objects.count() == 1
