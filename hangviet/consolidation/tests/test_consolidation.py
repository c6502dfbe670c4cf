"""Consolidation: totals by kind, live on acceptance, historic committees rolled into today's."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from hangviet.consolidation.queries import aggregate_for_unit, consolidate, rollup_by_province
from hangviet.consolidation.tests.conftest import accepted
from hangviet.orgs.tests.factories import World, make_agency
from hangviet.periods.models import Period
from hangviet.reporting import actions
from hangviet.reporting.models import Report

pytestmark = pytest.mark.django_db


def test_flows_and_stocks_sum_and_ratios_are_not_summed(world: World) -> None:
    accepted(world.vl_trade, "2026-H1", banners=60, viet_goods_share_pct="90.5")
    accepted(world.vl_sibling_commune, "2026-H1", ocop_stores=6)  # a stock the wards report adds up
    accepted(world.vl_commune, "2026-H1", banners=5, ocop_stores=2, viet_goods_share_pct="80")
    table = consolidate(world.vinh_long, Period.objects.for_code("2026-H1"))
    assert table.totals["banners"] == D(65)
    assert table.totals["ocop_stores"] == D(8)
    assert table.totals["viet_goods_share_pct"] is None
    trade_row = next(row for row in table.rows if row.organisation == world.vl_trade)
    assert trade_row.values["viet_goods_share_pct"] == D("90.5")


def test_a_lower_committee_row_holds_everything_below_it(world: World) -> None:
    ward_agency = make_agency(world.vl_commune, "Hội Nông dân phường")
    accepted(world.vl_commune, "2026-H1", banners=3)
    accepted(ward_agency, "2026-H1", banners=4)
    table = consolidate(world.vinh_long, Period.objects.for_code("2026-H1"))
    row = next(row for row in table.rows if row.organisation == world.vl_commune)
    assert (row.values["banners"], row.accepted_reports) == (D(7), 2)


def test_a_value_counts_the_moment_its_report_is_accepted(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    report = actions.open_report(world.vl_trade, h1, acting_user=None)
    actions.save_report(report, values={"banners": D(60)}, expected_version=report.version, acting_user=None)
    actions.submit_report(report, acting_user=world.vl_trade_clerk)
    assert consolidate(world.vinh_long, h1).totals["banners"] is None
    actions.accept_report(report, acting_user=world.vl_office)
    assert consolidate(world.vinh_long, h1).totals["banners"] == D(60)


def test_tra_vinh_2023_counts_in_vinh_long_and_stays_visible_under_its_own_name(world: World) -> None:
    accepted(world.tra_vinh, "2023-H1", propaganda_sessions=3904, ocop_products=184)
    accepted(world.tv_district, "2023-H1", propaganda_sessions=96)
    accepted(world.vl_trade, "2023-H1", propaganda_sessions=100)
    table = consolidate(world.vinh_long, Period.objects.for_code("2023-H1"))
    historic = next(row for row in table.rows if row.kind == "historic")
    assert historic.name == "Ban Chỉ đạo tỉnh Trà Vinh" and historic.values["propaganda_sessions"] == D(4000)
    assert table.totals["propaganda_sessions"] == D(4100)
    assert aggregate_for_unit(world.vinh_long.unit, Period.objects.for_code("2023-H1"))["propaganda_sessions"] == D(
        4100
    )
    # The historic committee no longer appears once it has ended.
    assert not [
        row for row in consolidate(world.vinh_long, Period.objects.for_code("2026-H1")).rows if row.kind == "historic"
    ]


def test_the_same_period_last_year_is_beside_each_total(world: World) -> None:
    accepted(world.vl_trade, "2025-H1", banners=50)
    accepted(world.vl_trade, "2026-H1", banners=60)
    table = consolidate(world.vinh_long, Period.objects.for_code("2026-H1"))
    assert (table.totals["banners"], table.last_year["banners"], table.change("banners")) == (D(60), D(50), D("0.2"))


def test_the_national_rollup_groups_by_todays_province(world: World) -> None:
    accepted(world.tra_vinh, "2023-H1", banners=10)
    accepted(world.vl_trade, "2023-H1", banners=5)
    accepted(world.ag_trade, "2023-H1", banners=7, viet_goods_share_pct=90)
    rollup = rollup_by_province(Period.objects.for_code("2023-H1"))
    assert rollup[world.vinh_long.unit_id]["banners"] == D(15)
    assert rollup[world.an_giang.unit_id] == {"banners": D(7)}


def test_the_table_page_and_its_excel_export_agree(client: Client, world: World) -> None:
    accepted(world.vl_trade, "2026-H1", banners=60, event_revenue_vnd=1_700_000_000)
    client.force_login(world.vl_office)
    page = client.get(reverse("consolidation:table", args=[world.vinh_long.pk, "2026-H1"])).content.decode()
    assert "1.700.000.000" in page
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("consolidation:table_xlsx", args=[world.vinh_long.pk, "2026-H1"])).content)
    )
    sheet = workbook.active
    header = [cell.value for cell in sheet[3]]
    total_row = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Tổng cộng")
    assert total_row[header.index("Số băng rôn, pano, áp phích tuyên truyền (cái)")] == 60


@pytest.mark.parametrize(
    ("persona", "status"),
    [("vl_office", 200), ("central_office", 200), ("ag_office", 404), ("vl_trade_clerk", 404), ("commune_clerk", 404)],
)
def test_who_may_read_the_table(client: Client, world: World, persona: str, status: int) -> None:
    client.force_login(getattr(world, persona))
    assert client.get(reverse("consolidation:table", args=[world.vinh_long.pk, "2026-H1"])).status_code == status
    assert client.get(reverse("consolidation:table_xlsx", args=[world.vinh_long.pk, "2026-H1"])).status_code == status


def test_an_unknown_period_is_a_404(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    assert client.get(reverse("consolidation:table", args=[world.vinh_long.pk, "2026-H2"])).status_code == 404


def test_unaccepted_reports_never_count(world: World) -> None:
    report = actions.open_report(world.vl_trade, Period.objects.for_code("2026-H1"), acting_user=None)
    actions.save_report(report, values={"banners": D(60)}, expected_version=report.version, acting_user=None)
    assert Report.objects.get(pk=report.pk).status == "draft"
    assert consolidate(world.vinh_long, Period.objects.for_code("2026-H1")).totals["banners"] is None
