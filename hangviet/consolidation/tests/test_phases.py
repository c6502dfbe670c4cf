"""A committee's figures over a phase (giai đoạn): one column per yearly report, flows summed, stocks as of the
last year that has one, ratios year by year; the page, its form and its export, and who may read them."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from hangviet.consolidation.queries import phase_table
from hangviet.consolidation.tests.conftest import accepted
from hangviet.lib.periods import PhaseKey
from hangviet.orgs.tests.factories import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def years(world: World) -> World:
    accepted(world.vl_trade, "2024", banners=60, ocop_stores=6, viet_goods_share_pct="90.5")
    accepted(world.vl_commune, "2024", banners=5)
    accepted(world.vl_trade, "2025", banners=40, ocop_stores=8, viet_goods_share_pct="92")
    accepted(world.vl_trade, "2025-H1", banners=1000)  # a six-month report is no part of a phase
    return world


def _line(table, code: str):  # type: ignore[no-untyped-def]
    return next(line for line in table.lines if line.indicator.code == code)


def test_flows_sum_over_the_years_stocks_stand_at_their_last_year_ratios_read_per_year(years: World) -> None:
    table = phase_table(years.vinh_long, PhaseKey(2024, 2026))
    banners = _line(table, "banners")
    assert banners.by_year == {2024: D(65), 2025: D(40), 2026: None}
    assert banners.phase.value == D(105)
    stores = _line(table, "ocop_stores")
    assert (stores.phase.value, stores.phase.year) == (D(8), 2025)
    share = _line(table, "viet_goods_share_pct")
    assert share.by_year[2024] == D("90.5") and share.phase.value is None and share.phase.per_year
    assert table.accepted == {2024: 2, 2025: 1, 2026: 0}
    assert table.years_without_data == [2026]


def test_tra_vinh_yearly_reports_count_in_vinh_long_phase(world: World) -> None:
    accepted(world.tra_vinh, "2023", propaganda_sessions=3904)
    accepted(world.vl_trade, "2024", propaganda_sessions=100)
    table = phase_table(world.vinh_long, PhaseKey(2023, 2024))
    assert _line(table, "propaganda_sessions").phase.value == D(4004)


def test_the_phase_reads_all_its_years_in_a_few_queries(years: World, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(4):
        phase_table(years.vinh_long, PhaseKey(2012, 2026))


def test_the_page_and_its_excel_export_agree(client: Client, years: World) -> None:
    client.force_login(years.vl_office)
    page = client.get(reverse("consolidation:phase", args=[years.vinh_long.pk, "2024-2026"]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-testid="phase-banners">105<' in html
    assert "(năm 2025)" in html and "tỷ lệ theo từng năm" in html
    assert 'data-testid="years-without-data"' in html and "2026" in html
    assert 'data-testid="phase-draft"' in html  # the standing office may draft the review
    response = client.get(reverse("consolidation:phase_xlsx", args=[years.vinh_long.pk, "2024-2026"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["Số băng rôn, pano, áp phích tuyên truyền"][2:6] == (65, 40, None, 105)
    assert rows["Số cửa hàng, điểm giới thiệu và bán sản phẩm OCOP"][-1] == "số năm 2025"


def test_a_viewer_reads_the_phase_but_is_not_offered_the_draft(client: Client, years: World) -> None:
    client.force_login(years.vl_viewer)
    page = client.get(reverse("consolidation:phase", args=[years.vinh_long.pk, "2024-2025"]))
    assert page.status_code == 200 and 'data-testid="phase-draft"' not in page.content.decode()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("vl_office", 200), ("central_office", 200), ("ag_office", 404), ("vl_trade_clerk", 404), ("commune_clerk", 404)],
)
def test_who_may_read_the_province_phase(client: Client, world: World, persona: str, status: int) -> None:
    client.force_login(getattr(world, persona))
    for name in ("consolidation:phase", "consolidation:phase_xlsx"):
        assert client.get(reverse(name, args=[world.vinh_long.pk, "2024-2025"])).status_code == status


def test_a_ward_reads_its_own_phase(client: Client, world: World) -> None:
    client.force_login(world.commune_clerk)
    assert client.get(reverse("consolidation:phase", args=[world.vl_commune.pk, "2024-2025"])).status_code == 200


@pytest.mark.parametrize("key", ["2025-2024", "2000-2020", "2024", "abc", "2024-Q1"])
def test_a_bad_phase_in_the_address_is_not_found(client: Client, world: World, key: str) -> None:
    client.force_login(world.vl_office)
    assert client.get(reverse("consolidation:phase", args=[world.vinh_long.pk, key])).status_code == 404


def test_an_agency_has_no_phase_page(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    assert client.get(reverse("consolidation:phase", args=[world.vl_trade.pk, "2024-2025"])).status_code == 404


def test_the_form_moves_to_the_chosen_years(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    url = reverse("consolidation:phase", args=[world.vinh_long.pk, "2024-2025"])
    response = client.get(url, {"first_year": "2019", "last_year": "2024"})
    assert response.status_code == 302
    assert response["Location"] == reverse("consolidation:phase", args=[world.vinh_long.pk, "2019-2024"])


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2024", "2019", "phải trước hoặc bằng năm cuối"),
        ("2000", "2020", "tối đa 15 năm"),
        ("abc", "2024", "Nhập một số"),
        ("1800", "2024", "Năm phải từ 2000 đến 2100"),
    ],
)
def test_bad_years_are_refused_on_the_form(client: Client, world: World, first: str, last: str, message: str) -> None:
    client.force_login(world.vl_office)
    url = reverse("consolidation:phase", args=[world.vinh_long.pk, "2024-2025"])
    response = client.get(url, {"first_year": first, "last_year": last})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "invalid-feedback" in response.content.decode() or 'data-testid="phase-errors"' in response.content.decode()


def test_a_nul_byte_in_a_year_is_refused_not_a_server_error(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    url = reverse("consolidation:phase", args=[world.vinh_long.pk, "2024-2025"])
    assert client.get(url, {"first_year": "2019\x00", "last_year": "2024"}).status_code in (200, 400)


def test_the_default_phase_is_the_five_years_before_the_current_one(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = client.get(reverse("consolidation:phase_today", args=[world.vinh_long.pk]))
    assert response.status_code == 302 and "/giai-doan/" in response["Location"]
    client.force_login(world.ag_office)
    assert client.get(reverse("consolidation:phase_today", args=[world.vinh_long.pk])).status_code == 404
