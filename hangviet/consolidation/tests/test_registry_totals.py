"""The consolidated table takes the de-duplicated registry figure as the total where the registries compute
one, says so, and keeps each reporter's row as it was typed."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from hangviet.consolidation.queries import REGISTRY_NOTE, consolidate
from hangviet.consolidation.tests.conftest import accepted
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.registry import actions as registry_actions
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.catalogue import Qualifier
from hangviet.registry.models import EventOrganiser

pytestmark = pytest.mark.django_db

CONFERENCE_DAY = datetime.date(2023, 3, 10)  # inside 2023-H1 (15/12/2022–14/6/2023)


def record_2023_h1(world: World) -> Period:
    """A connection conference recorded by old Trà Vinh's committee and co-organised by Vĩnh Long's trade
    department, which both report (1 + 1); two markets of about 850 million đồng each, which Trà Vinh reported
    as 2,55 billion."""
    registry_actions.record_event(
        world.tra_vinh,
        fields={
            "name": "Hội nghị kết nối cung cầu hàng hóa",
            "kind": "trade_connection",
            "starts_on": CONFERENCE_DAY,
            "ends_on": CONFERENCE_DAY,
        },
        organisers=[OrganiserInput(EventOrganiser.Role.CO_ORGANISER, world.vl_trade)],
        acting_user=None,
    )
    for place in ("huyện Châu Thành", "huyện Càng Long"):
        registry_actions.record_event(
            world.tra_vinh,
            fields={
                "name": f"Phiên chợ hàng Việt về nông thôn tại {place}",
                "kind": "rural_market",
                "starts_on": datetime.date(2023, 1, 10),
                "ends_on": datetime.date(2023, 1, 12),
                "revenue_vnd": 850_000_000,
                "revenue_vnd_q": Qualifier.ABOUT,
            },
            place_text=place,
            acting_user=None,
        )
    accepted(world.tra_vinh, "2023-H1", trade_connection_events=1, rural_markets=2, event_revenue_vnd=2_550_000_000)
    accepted(world.vl_trade, "2023-H1", trade_connection_events=1, banners=40)
    accepted(world.vl_health, "2023-H1", banners=5)
    return Period.objects.for_code("2023-H1")


def test_a_conference_of_two_organisations_below_vinh_long_counts_once_in_its_table(world: World) -> None:
    period = record_2023_h1(world)
    table = consolidate(world.vinh_long, period)
    assert table.reported["trade_connection_events"] == 2  # what the reports add up to
    assert table.totals["trade_connection_events"] == 1  # the one conference
    assert table.registry["trade_connection_events"].words == "1"
    assert table.totals["event_revenue_vnd"] == 1_700_000_000
    assert table.registry["event_revenue_vnd"].words == "khoảng 1.700.000.000"
    assert table.totals["banners"] == 45  # no registry computes banners: the reports' sum
    assert "banners" not in table.registry
    rows = {row.name: row.values for row in table.rows}
    assert rows["Sở Công Thương"]["trade_connection_events"] == 1  # each reporter's row as typed
    assert rows["Ban Chỉ đạo tỉnh Trà Vinh"]["trade_connection_events"] == 1


def test_without_registry_rows_the_total_is_the_reports_sum(world: World) -> None:
    accepted(world.vl_trade, "2023-H1", trade_connection_events=1)
    accepted(world.tra_vinh, "2023-H1", trade_connection_events=1)
    table = consolidate(world.vinh_long, Period.objects.for_code("2023-H1"))
    assert table.totals["trade_connection_events"] == 2
    assert not table.registry


def test_the_table_page_marks_the_registry_totals_and_shows_what_the_reports_add_up_to(
    client: Client, world: World
) -> None:
    record_2023_h1(world)
    client.force_login(world.vl_office)
    page = client.get(reverse("consolidation:table", args=[world.vinh_long.pk, "2023-H1"])).content.decode()
    assert '<span data-testid="registry-total-trade_connection_events">1</span>' in page
    assert '<span data-testid="registry-total-event_revenue_vnd">khoảng 1.700.000.000</span>' in page
    assert "cộng các báo cáo: 2" in page
    assert "Theo sổ theo dõi, mỗi sự kiện tính một lần" in page
    assert 'data-testid="registry-total-banners"' not in page


def test_the_excel_export_gives_the_registry_totals_and_says_so(client: Client, world: World) -> None:
    record_2023_h1(world)
    client.force_login(world.vl_office)
    response = client.get(reverse("consolidation:table_xlsx", args=[world.vinh_long.pk, "2023-H1"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row and row[0]}
    header = next(row for row in sheet.iter_rows(min_row=3, max_row=3, values_only=True))
    column = next(i for i, title in enumerate(header) if str(title).startswith("Số hội nghị, chuyến kết nối"))
    revenue = next(i for i, title in enumerate(header) if str(title).startswith("Doanh thu tại hội chợ"))
    assert rows["Tổng cộng"][column] == 1
    assert rows["Cộng các báo cáo"][column] == 2
    assert rows["Tổng cộng theo sổ theo dõi"][column] == "* 1"
    assert rows["Tổng cộng theo sổ theo dõi"][revenue] == "* khoảng 1.700.000.000"
    assert f"* {REGISTRY_NOTE}" in rows


def test_a_stock_total_comes_from_the_registry_on_the_last_day(world: World) -> None:
    product = registry_actions.record_product(world.tv_agency, name="Mật hoa dừa", producer=None, acting_user=None)
    registry_actions.recognise_product(product, stars=4, decided_on=datetime.date(2022, 5, 1), acting_user=None)
    accepted(world.tra_vinh, "2023-H1", ocop_products=3, ocop_4_star=3)
    table = consolidate(world.vinh_long, Period.objects.for_code("2023-H1"))
    assert table.totals["ocop_products"] == Decimal(1)
    assert table.totals["ocop_4_star"] == Decimal(1)
    assert table.reported["ocop_products"] == Decimal(3)
