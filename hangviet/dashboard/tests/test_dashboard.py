"""Dashboards: reporting rate and timeliness with their denominators, this period against last year, plan
progress, the 34 provinces of the national map, Excel downloads without codes, and who may open them."""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hangviet.consolidation.tests.conftest import accepted
from hangviet.dashboard.legend import build_classes, classify
from hangviet.dashboard.queries import (
    indicator_summary,
    plan_progress,
    province_figures,
    rate_point,
    recent_keys,
    reporting_series,
)
from hangviet.dashboard.tilegrid import NO_DATA, PALETTE, TILES, tile_key
from hangviet.indicators.models import Indicator
from hangviet.lib.periods import PeriodKey
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Deadline, Period
from hangviet.plans.models import Plan, Task
from hangviet.registry import actions as registry_actions
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.models import EventOrganiser
from hangviet.reporting import actions
from hangviet.reporting.models import Report
from hangviet.units.models import Unit

pytestmark = pytest.mark.django_db
D8 = datetime.date


def submit(organisation, period: Period, on: datetime.date) -> Report:
    report = actions.open_report(organisation, period, acting_user=None)
    actions.save_report(report, values={"banners": D(1)}, expected_version=report.version, acting_user=None)
    actions.submit_report(report, acting_user=None)
    moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
    Report.objects.filter(pk=report.pk).update(submitted_at=moment)
    return report


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_periods_run_back_in_reporting_order() -> None:
    assert [key.code for key in recent_keys(PeriodKey.parse("2026-H1"), 4)] == ["2024", "2025-H1", "2025", "2026-H1"]


def test_rate_and_timeliness_per_period_with_their_denominators(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    Deadline.objects.create(committee=world.vinh_long, period=h1, due_on=D8(2026, 6, 20))
    submit(world.vl_trade, h1, D8(2026, 6, 19))  # on time
    submit(world.vl_health, h1, D8(2026, 6, 25))  # late
    actions.open_report(world.vl_commune, h1, acting_user=None)  # a draft is not sent
    point = rate_point(world.vinh_long, h1.key)
    assert (point.expected, point.submitted, point.on_time, point.late) == (4, 2, 1, 1)
    assert (point.rate, point.on_time_rate) == (D("0.5"), D("0.25"))
    series = reporting_series(world.vinh_long, h1.key, length=3)
    assert [point.key.code for point in series] == ["2025-H1", "2025", "2026-H1"]
    # A period nobody used: the same reporters expected, none sent, and nothing created by reading.
    assert Period.objects.find(PeriodKey.parse("2025")) is None
    assert (series[1].expected, series[1].submitted, series[1].rate) == (4, 0, D(0))
    assert Period.objects.find(PeriodKey.parse("2025")) is None


def test_key_indicators_this_period_against_last_year_and_their_trend(world: World) -> None:
    accepted(world.vl_commune, "2024-H1", fairs=2)
    accepted(world.vl_commune, "2025-H1", fairs=4, ocop_products=10)
    accepted(world.vl_commune, "2026-H1", fairs=5, ocop_products=12)
    summary = indicator_summary(world.vinh_long, Period.objects.for_code("2026-H1"), length=3)
    assert summary.labels == ["6 tháng đầu năm 2024", "6 tháng đầu năm 2025", "6 tháng đầu năm 2026"]
    fairs = next(row for row in summary.rows if row.indicator.code == "fairs")
    assert (fairs.total, fairs.last_year, fairs.change) == (D(5), D(4), D("0.25"))
    assert fairs.series == [D(2), D(4), D(5)]


def test_plan_progress_by_lead_unit(world: World) -> None:
    plan = Plan.objects.create(committee=world.vinh_long, year=2026, title="Kế hoạch năm 2026")
    heading = Task.objects.create(plan=plan, ref="III", content="Nhiệm vụ", lead=world.vl_trade)
    Task.objects.create(plan=plan, parent=heading, ref="1", content="a", lead=world.vl_trade, windows=["2026-Q1"])
    Task.objects.create(
        plan=plan, parent=heading, ref="2", content="b", lead=world.vl_trade, windows=["2026-Q1"], status="done"
    )
    Task.objects.create(plan=plan, parent=heading, ref="3", content="c", lead=world.vl_trade, windows=["2026-Q4"])
    Task.objects.create(plan=plan, parent=heading, ref="4", content="d", lead_name="Hội Phụ nữ tỉnh")
    rows = {row.name: row for row in plan_progress(world.vinh_long, 2026, D8(2026, 7, 1))}
    trade = rows["Sở Công Thương"]
    assert (trade.total, trade.done, trade.in_time, trade.overdue) == (3, 1, 1, 1)  # the heading is not counted
    assert rows["Hội Phụ nữ tỉnh"].total == 1


def test_the_map_has_the_34_provinces_with_historic_ones_in_their_successors(world: World) -> None:
    accepted(world.tra_vinh, "2024", ocop_products=184)
    accepted(world.vl_commune, "2024", ocop_products=16)
    accepted(world.an_giang, "2024", ocop_products=30)
    old = Period.objects.for_code("2024")
    figures = province_figures(old)
    assert len(figures) == 34 and {tile_key(figure.unit.code) for figure in figures} == set(TILES)
    by_name = {figure.name: figure for figure in figures}
    assert by_name["Vĩnh Long"].values["ocop_products"] == D(200)  # Trà Vinh's 184 counted in Vĩnh Long
    assert by_name["An Giang"].measure("ocop_products") == D(30)
    assert not by_name["Hà Nội"].has_committee and by_name["Hà Nội"].measure("reporting_rate") is None
    # 2024: Vĩnh Long's committee (2 agencies, 2 wards) and Trà Vinh's (1 agency, 1 district) were both expected.
    assert by_name["Vĩnh Long"].expected == 6


def test_the_map_colours_by_class_and_the_legend_covers_every_value() -> None:
    classes = build_classes([D(0), D(7), D(200), None], rate=False)
    assert classes[0].low == 0 and classes[-1].high >= 200
    assert classify(D(200), classes) is classes[-1] and classify(D(0), classes) is classes[0]
    assert classify(None, classes) is None
    rates = build_classes([], rate=True)
    assert [colour.label for colour in rates][0] == "0% – 20%" and classify(D(1), rates) is rates[-1]


def test_the_central_office_reads_the_national_dashboard_with_the_map(world: World) -> None:
    accepted(world.vl_commune, "2026-H1", ocop_products=12)
    client = client_for(world.central_office)
    response = client.get(reverse("dashboard:national"))
    assert response.status_code == 302 and response["Location"] == reverse(
        "dashboard:committee", args=[world.central.pk]
    )
    page = client.get(response["Location"], {"period": "2026-H1", "measure": "ocop_products"})
    html = page.content.decode()
    assert page.status_code == 200 and 'data-testid="province-map"' in html
    shown = re.sub(r"<[^>]+>", " ", html)  # what a reader sees: no tags, attributes or link addresses
    assert "6 tháng đầu năm 2026" in shown and "2026-H1" not in shown and "ocop_products" not in shown
    assert html.count('<tr>\n              <th scope="row"') == 34


def test_a_province_office_cannot_open_the_national_dashboard(world: World) -> None:
    assert client_for(world.vl_office).get(reverse("dashboard:national")).status_code == 404
    committee = reverse("dashboard:committee", args=[world.central.pk])
    assert client_for(world.vl_office).get(committee).status_code == 404
    # Its own dashboard it reads, without the national map; another province's it does not see.
    own = client_for(world.vl_office).get(reverse("dashboard:committee", args=[world.vinh_long.pk]))
    assert own.status_code == 200 and b'data-testid="province-map"' not in own.content
    assert client_for(world.vl_office).get(reverse("dashboard:committee", args=[world.an_giang.pk])).status_code == 404
    # An agency is no committee: no dashboard, even for its own clerk.
    agency = reverse("dashboard:committee", args=[world.vl_trade.pk])
    assert client_for(world.vl_trade_clerk).get(agency).status_code == 404
    assert Client().get(committee).status_code == 302  # anonymous: sign in


def test_excel_downloads_open_and_show_no_codes(world: World) -> None:
    accepted(world.vl_commune, "2026-H1", ocop_products=12, fairs=3)
    client = client_for(world.central_office)
    codes = set(Indicator.objects.values_list("code", flat=True)) | {"2026-H1", "reporting_rate", "on_time_rate"}
    for part in ("tinh-thanh", "bao-cao", "chi-tieu", "ke-hoach"):
        url = reverse("dashboard:download", args=[world.central.pk, part])
        response = client.get(url, {"period": "2026-H1", "measure": "ocop_products"})
        assert response.status_code == 200, part
        workbook = load_workbook(io.BytesIO(response.content))
        cells = [str(cell) for row in workbook.active.iter_rows(values_only=True) for cell in row if cell is not None]
        assert not codes & set(cells), part
        assert not [cell for cell in cells if any(code in cell for code in codes)], part
    provinces = load_workbook(
        io.BytesIO(
            client.get(
                reverse("dashboard:download", args=[world.central.pk, "tinh-thanh"]), {"measure": "ocop_products"}
            ).content
        )
    ).active
    assert provinces.cell(3, 1).value == "Tỉnh, thành phố" and provinces.max_row == 3 + 34
    # Gated as the page: another committee's workbook is not found; a province has no province sheet.
    assert (
        client_for(world.ag_office).get(reverse("dashboard:download", args=[world.vinh_long.pk, "bao-cao"])).status_code
        == 404
    )
    own = client_for(world.vl_office)
    assert own.get(reverse("dashboard:download", args=[world.vinh_long.pk, "tinh-thanh"])).status_code == 404
    assert own.get(reverse("dashboard:download", args=[world.vinh_long.pk, "khac"])).status_code == 404


def test_a_bad_filter_falls_back_to_the_defaults_without_an_error_page(world: World) -> None:
    client = client_for(world.vl_office)
    response = client.get(
        reverse("dashboard:committee", args=[world.vinh_long.pk]), {"period": "2026-X\x00", "measure": "<b>"}
    )
    assert response.status_code in (200, 400)


def test_the_top_bar_links_committee_users_to_their_dashboard(world: World) -> None:
    home = reverse("dashboard:committee", args=[world.vinh_long.pk])
    assert f'href="{home}"' in client_for(world.vl_office).get(reverse("web:units")).content.decode()
    assert reverse("dashboard:home") not in client_for(world.vl_trade_clerk).get(reverse("web:units")).content.decode()
    assert client_for(world.vl_office).get(reverse("dashboard:home"))["Location"] == home
    assert client_for(world.vl_trade_clerk).get(reverse("dashboard:home")).status_code == 404


def test_every_province_of_today_has_a_tile() -> None:
    codes = {
        tile_key(code)
        for code in Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE).values_list(
            "code", flat=True
        )
    }
    assert codes == set(TILES)


def test_an_event_co_organised_by_two_reporters_counts_once_on_the_map(world: World) -> None:
    day = D8(2023, 3, 10)
    registry_actions.record_event(
        world.tra_vinh,
        fields={"name": "Hội nghị kết nối cung cầu", "kind": "trade_connection", "starts_on": day, "ends_on": day},
        organisers=[OrganiserInput(EventOrganiser.Role.CO_ORGANISER, world.vl_trade)],
        acting_user=None,
    )
    accepted(world.tra_vinh, "2023-H1", trade_connection_events=1)
    accepted(world.vl_trade, "2023-H1", trade_connection_events=1)
    figures = {figure.name: figure for figure in province_figures(Period.objects.for_code("2023-H1"))}
    assert figures["Vĩnh Long"].measure("trade_connection_events") == D(1)  # the reports add up to 2


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("fill,text", [*PALETTE, NO_DATA])
def test_every_map_colour_keeps_its_text_readable(fill: str, text: str) -> None:
    light, dark = sorted((_luminance(fill), _luminance(text)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5  # WCAG AA for normal text
