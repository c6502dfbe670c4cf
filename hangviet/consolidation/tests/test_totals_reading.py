"""The reading side of the live totals: ratios, the trend in one query, historic committees counted once."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hangviet.consolidation.queries import aggregate_for_unit, consolidate, trend
from hangviet.consolidation.tests.conftest import accepted
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period

pytestmark = pytest.mark.django_db


def test_a_ratio_total_stands_only_where_one_value_does(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    accepted(world.vl_trade, "2026-H1", viet_goods_share_pct=90)
    assert consolidate(world.vinh_long, h1).totals["viet_goods_share_pct"] == D(90)
    accepted(world.vl_commune, "2026-H1", viet_goods_share_pct=80)
    assert consolidate(world.vinh_long, h1).totals["viet_goods_share_pct"] is None


def test_the_trend_reads_every_period_in_one_query_of_the_totals(world: World) -> None:
    for year in (2022, 2023, 2024, 2025, 2026):
        accepted(world.vl_trade, f"{year}-H1", banners=year - 2020)
    h1 = Period.objects.for_code("2026-H1")
    with CaptureQueriesContext(connection) as captured:
        series = trend(world.vinh_long, h1, known={})
    assert [totals.get("banners") for _period, totals in series] == [None, D(2), D(3), D(4), D(5), D(6)]
    assert sum("reporting_total" in query["sql"] for query in captured.captured_queries) == 1


def test_a_unit_with_a_historic_committee_counts_its_reports_once(world: World) -> None:
    accepted(world.tv_district, "2023-H1", banners=7)
    accepted(world.vl_trade, "2023-H1", banners=1)
    # Tỉnh Vĩnh Long's unit sums its own committee and old Trà Vinh's, which is already inside it.
    assert aggregate_for_unit(world.vinh_long.unit, Period.objects.for_code("2023-H1"))["banners"] == D(8)


def test_the_table_says_which_figure_a_stock_kept_by_the_province_used(world: World, client: Client) -> None:
    """Sở Công Thương's province-wide count stands for the province; the wards' columns keep theirs."""
    accepted(world.vl_commune, "2026-H1", ocop_stores=12)
    accepted(world.vl_sibling_commune, "2026-H1", ocop_stores=9)
    h1 = Period.objects.for_code("2026-H1")
    assert consolidate(world.vinh_long, h1).totals["ocop_stores"] == D(21)
    assert "ocop_stores" not in consolidate(world.vinh_long, h1).kept  # a plain sum needs no note
    accepted(world.vl_trade, "2026-H1", ocop_stores=40)
    table = consolidate(world.vinh_long, h1)
    assert table.totals["ocop_stores"] == D(40)
    assert table.kept["ocop_stores"].startswith("Số liệu của cấp tỉnh")
    assert consolidate(world.central, h1).totals["ocop_stores"] == D(40)
    client.force_login(world.vl_office)
    page = client.get(reverse("consolidation:table", args=[world.vinh_long.pk, "2026-H1"])).content.decode()
    assert 'data-testid="kept-ocop_stores"' in page and "không cộng thêm" in page
    assert ">40<" in page.replace(" ", "")


def test_reports_waiting_for_review_are_counted_below_the_committee_only(world: World) -> None:
    """The table says how many sent reports its totals still leave out: the whole country's for the centre
    (one root: every report is below it), the province's own subtree for a province."""
    from hangviet.consolidation.queries import count_waiting_review
    from hangviet.reporting import actions

    h1 = Period.objects.for_code("2026-H1")
    for organisation in (world.vl_commune, world.ag_trade):
        report = actions.open_report(organisation, h1, acting_user=None)
        actions.save_report(
            report, values={"banners": D(1)}, expected_version=report.version, acting_user=None, submit=True
        )
    assert count_waiting_review(world.central, h1) == 2
    assert count_waiting_review(world.vinh_long, h1) == 1
    assert count_waiting_review(world.vinh_long, h1, subtree=frozenset({world.vinh_long.pk})) == 0
    assert count_waiting_review(world.vl_commune, h1) == 0  # its own report is not below it
