"""Rough edges of the reviewer's way round (issue 13): each test failed before its fix."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.consolidation.tests.test_completeness import submit
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting.models import Report

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2026, 6, 10)


def test_the_top_bar_leads_to_the_committees_progress_documents_and_plans(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    page = client.get(reverse("reporting:mine")).content.decode()
    for name, url in (
        ("nav-progress", reverse("consolidation:board_today", args=[world.vinh_long.pk])),
        ("nav-documents", reverse("documents:committee", args=[world.vinh_long.pk])),
        ("nav-plans", reverse("plans:committee", args=[world.vinh_long.pk])),
    ):
        assert f'href="{url}" data-testid="{name}"' in page
    client.force_login(world.vl_trade_clerk)  # an agency's clerk has no committee to lead to
    assert "nav-progress" not in client.get(reverse("reporting:mine")).content.decode()


def test_the_review_page_leads_back_to_the_board_and_on_to_the_next_report(client: Client, world: World) -> None:
    period = Period.objects.for_code("2026-H1")
    first = submit(world.vl_trade, period, JUNE)
    second = submit(world.vl_health, period, JUNE + datetime.timedelta(days=1))
    client.force_login(world.vl_office)
    page = client.get(reverse("reporting:detail", args=[first.pk])).content.decode()
    board = reverse("consolidation:board", args=[world.vinh_long.pk, "2026-H1"])
    assert f'href="{board}" data-testid="back-to-board"' in page
    assert f'href="{reverse("reporting:detail", args=[second.pk])}" data-testid="next-report"' in page
    client.force_login(world.vl_trade_clerk)  # the reporter keeps its own way back, and no "next"
    own = client.get(reverse("reporting:detail", args=[first.pk])).content.decode()
    assert "back-to-board" not in own and "next-report" not in own


def test_ticked_reports_are_returned_with_one_reason(client: Client, world: World) -> None:
    period = Period.objects.for_code("2026-H1")
    reports = [submit(world.vl_trade, period, JUNE), submit(world.vl_health, period, JUNE)]
    client.force_login(world.vl_office)
    url = reverse("consolidation:accept_many", args=[world.vinh_long.pk, "2026-H1"])
    page = client.get(reverse("consolidation:board", args=[world.vinh_long.pk, "2026-H1"])).content.decode()
    assert 'data-select-all="report"' in page and 'data-testid="bulk-return"' in page
    refused = client.post(url, {"report": [r.pk for r in reports], "action": "return", "reason": " "}, follow=True)
    assert "Vui lòng ghi lý do trả lại" in refused.content.decode()
    assert {r.status for r in Report.objects.filter(pk__in=[r.pk for r in reports])} == {Report.Status.SUBMITTED}
    client.post(url, {"report": [r.pk for r in reports], "action": "return", "reason": "Thiếu số liệu tập huấn"})
    assert set(Report.objects.filter(pk__in=[r.pk for r in reports]).values_list("status", "return_reason")) == {
        (Report.Status.RETURNED, "Thiếu số liệu tập huấn")
    }


def test_select_all_is_a_static_script_not_an_inline_one() -> None:
    script = Path(__file__).resolve().parents[2] / "static" / "js" / "hangviet.js"
    assert "data-select-all" in script.read_text() or "selectAll" in script.read_text()


def test_codes_never_reach_the_chart_and_periods_list_six_months_before_the_year(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    page = client.get(reverse("consolidation:table", args=[world.vinh_long.pk, "2026-H1"])).content.decode()
    chart = json.loads(page.split('id="trend-data" type="application/json">', 1)[1].split("</script>", 1)[0])
    assert "6 tháng 2025" in chart["labels"] and not any("H1" in label for label in chart["labels"])
    options = page.split('id="period-select"', 1)[1].split("</select>", 1)[0]
    assert options.index("6 tháng đầu năm 2025") < options.index("năm 2025<")


def test_one_date_style_on_the_board(client: Client, world: World) -> None:
    submit(world.vl_trade, Period.objects.for_code("2026-H1"), datetime.date(2026, 6, 5))
    client.force_login(world.vl_office)
    page = client.get(reverse("consolidation:board", args=[world.vinh_long.pk, "2026-H1"])).content.decode()
    assert "10:00 05/6/2026" in page and "05/06/2026" not in page


def test_central_figures_leave_out_reports_not_yet_accepted_and_say_so(client: Client, world: World) -> None:
    from hangviet.consolidation.tests.conftest import accepted

    accepted(world.vl_trade, "2026-H1", banners=60)
    submit(world.vl_health, Period.objects.for_code("2026-H1"), JUNE)  # banners=1, sent, not accepted
    client.force_login(world.central_office)
    page = client.get(reverse("consolidation:table", args=[world.central.pk, "2026-H1"])).content.decode()
    banners = page.split('data-code="banners"', 1)[1].split("</tr>", 1)[0]
    assert ">60<" in banners and ">61<" not in banners
    included = page.split('data-testid="included"', 1)[1].split("</p>", 1)[0]
    assert "1 báo cáo đã tiếp nhận" in included and "1 báo cáo đã gửi, đang chờ duyệt, chưa được tính" in included
