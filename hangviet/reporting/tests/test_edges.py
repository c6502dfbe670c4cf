"""Rough edges a new user met on the first day (issue 13): each test failed before its fix."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.audit.log import list_events_for
from hangviet.orgs.tests.factories import World
from hangviet.reporting import actions
from hangviet.reporting.models import Report

pytestmark = pytest.mark.django_db

OCOP = {"ocop_products": D(184), "ocop_3_star": D(137), "ocop_4_star": D(38), "ocop_5_star": D(3)}


def _submit_with_note(world: World, report: Report, note: str) -> None:
    actions.save_report(
        report,
        values=OCOP,
        notes={"ocop_stars_add_up": note},
        expected_version=report.version,
        acting_user=world.commune_clerk,
        submit=True,
    )


def test_the_reviewer_sees_the_warning_explanation_beside_the_warning(world: World, commune_report: Report) -> None:
    _submit_with_note(world, commune_report, "Có 6 sản phẩm đang chờ xếp hạng lại.")
    client = Client()
    client.force_login(world.vl_office)
    page = client.get(reverse("reporting:detail", args=[commune_report.pk])).content.decode()
    assert 'data-testid="note-ocop_stars_add_up"' in page
    assert "Có 6 sản phẩm đang chờ xếp hạng lại." in page
    assert "Giải trình của đơn vị báo cáo" in page


def test_a_rewritten_explanation_stays_in_the_reports_history(world: World, commune_report: Report) -> None:
    actions.save_report(
        commune_report,
        values=OCOP,
        notes={"ocop_stars_add_up": "Lần đầu giải trình"},
        expected_version=commune_report.version,
        acting_user=world.commune_clerk,
    )
    actions.save_report(
        commune_report,
        values={},
        notes={"ocop_stars_add_up": "Giải trình đã sửa"},
        expected_version=commune_report.version,
        acting_user=world.commune_clerk,
        submit=True,
    )
    events = [e.data for e in list_events_for(commune_report).filter(action="report.note_saved")]
    assert [(e["old"], e["new"]) for e in events] == [
        ("Lần đầu giải trình", "Giải trình đã sửa"),
        ("", "Lần đầu giải trình"),
    ]
    client = Client()
    client.force_login(world.vl_office)
    page = client.get(reverse("reporting:detail", args=[commune_report.pk])).content.decode()
    assert "Lịch sử giải trình cảnh báo" in page and "«Lần đầu giải trình»" in page
    # The value history names indicators in words, never by code.
    assert "· ocop_3_star:" not in page and "· Số sản phẩm OCOP 3 sao:" in page


def _check(client: Client, report: Report, **fields: str) -> str:
    response = client.post(
        reverse("reporting:check", args=[report.pk]),
        {f"value__{code}": value for code, value in fields.items()},
        headers={"HX-Request": "true"},
    )
    return response.content.decode()


def test_a_warning_spells_out_the_arithmetic_in_figures_never_in_codes(world: World, commune_report: Report) -> None:
    client = Client()
    client.force_login(world.commune_clerk)
    panel = _check(client, commune_report, ocop_products="184", ocop_3_star="137", ocop_4_star="38", ocop_5_star="3")
    assert "184 khác 137 + 38 + 3 = 178, chênh 6" in panel
    assert "ocop_3_star" not in panel.replace('data-flagged="', "").split('">', 1)[1]
    assert "Số sản phẩm OCOP 3 sao: 137" in panel


def test_the_fields_a_check_points_at_are_marked(world: World, commune_report: Report) -> None:
    actions.save_report(
        commune_report, values=OCOP, expected_version=commune_report.version, acting_user=world.commune_clerk
    )
    client = Client()
    client.force_login(world.commune_clerk)
    page = client.get(reverse("reporting:detail", args=[commune_report.pk])).content.decode()
    field = page[page.index('name="value__ocop_3_star"') - 300 : page.index('name="value__ocop_3_star"')]
    assert "hv-flag-warning" in field and 'aria-invalid="true"' in field
    untouched = page[page.index('name="value__banners"') - 300 : page.index('name="value__banners"')]
    assert "aria-invalid" not in untouched.rsplit("<input", 1)[1]
    panel = _check(client, commune_report, ocop_products="184", ocop_3_star="137", ocop_4_star="38", ocop_5_star="3")
    assert "ocop_3_star:warning" in panel  # for report-entry.js to mark the fields as the user types


def test_the_live_check_reports_an_unreadable_figure_as_saving_does(world: World, commune_report: Report) -> None:
    client = Client()
    client.force_login(world.commune_clerk)
    panel = _check(client, commune_report, banners="abc")
    assert 'data-testid="unreadable"' in panel and "không đọc được “abc” thành số" in panel
    assert "Số liệu hợp lệ" not in panel and "banners:error" in panel


def test_the_excel_form_shows_no_codes(world: World, commune_report: Report) -> None:
    import io

    from openpyxl import load_workbook

    client = Client()
    client.force_login(world.commune_clerk)
    content = client.get(reverse("reporting:excel", args=[commune_report.pk])).content
    sheet = load_workbook(io.BytesIO(content)).active
    visible = [
        str(cell.value)
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None and not sheet.column_dimensions[cell.column_letter].hidden
    ]
    assert not any("propaganda_sessions" in text or "2026-H1" in text for text in visible)
    assert "Mã chỉ tiêu" not in visible


def test_my_reports_list_the_six_month_report_before_the_year(world: World) -> None:
    from hangviet.periods.models import Period

    for code in ("2025", "2025-H1", "2026-H1"):
        actions.open_report(world.vl_commune, Period.objects.for_code(code), acting_user=None)
    from hangviet.reporting.queries import list_reports_of

    assert [r.period.code for r in list_reports_of(world.vl_commune)] == ["2026-H1", "2025-H1", "2025"]


def test_on_a_phone_the_count_of_checks_sits_beside_the_buttons_and_follows_the_typing(
    world: World, commune_report: Report
) -> None:
    client = Client()
    client.force_login(world.commune_clerk)
    page = client.get(reverse("reporting:detail", args=[commune_report.pk])).content.decode()
    buttons = page.split('value="submit"', 1)[1].split("</div>", 1)[0]
    assert 'data-testid="checks-count"' in buttons and 'href="#checks"' in buttons
    ocop = {"ocop_products": "184", "ocop_3_star": "137", "ocop_4_star": "38", "ocop_5_star": "3"}
    panel = _check(client, commune_report, banners="abc", **ocop)
    count = panel.split('id="checks-count"', 1)[1].split("</a>", 1)[0]
    assert 'hx-swap-oob="true"' in count and "1 lỗi · 1 cảnh báo" in count
    assert 'class="fw-normal hv-sticky-col"' in page  # the indicator column stays while the figures scroll
