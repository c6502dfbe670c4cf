"""Data entry over HTTP: Vietnamese numbers, nothing lost on errors, live checks, conflicts, history."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting import actions
from hangviet.reporting.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(client: Client, world: World) -> Client:
    client.force_login(world.commune_clerk)
    return client


def post(client: Client, report: Report, action: str = "save", **fields: str):
    data = {"version": report.version, "action": action, **{f"value__{k}": v for k, v in fields.items()}}
    return client.post(reverse("reporting:detail", args=[report.pk]), data)


def test_vietnamese_numbers_are_saved_as_numbers(clerk: Client, commune_report: Report) -> None:
    response = post(
        clerk,
        commune_report,
        propaganda_sessions="3.904",
        propaganda_participants="267.083",
        goods_delivered_tonnes="36,9",
        training_participants="1.147",
    )
    assert response.status_code == 302
    values = dict(commune_report.values.values_list("indicator__code", "value"))
    assert values == {
        "propaganda_sessions": D(3904),
        "propaganda_participants": D(267083),
        "goods_delivered_tonnes": D("36.9"),
        "training_participants": D(1147),
    }
    page = clerk.get(reverse("reporting:detail", args=[commune_report.pk])).content.decode()
    assert 'value="3.904"' in page and 'value="36,9"' in page


def test_a_malformed_number_is_explained_and_everything_typed_stays(clerk: Client, commune_report: Report) -> None:
    response = post(clerk, commune_report, propaganda_sessions="3.9", banners="60")
    page = response.content.decode()
    assert response.status_code == 422
    assert "dấu chấm phân cách hàng nghìn" in page
    assert 'value="3.9"' in page and 'value="60"' in page
    assert not commune_report.values.exists()


def test_the_page_shows_last_period_and_last_year_beside_each_field(
    clerk: Client, world: World, commune_report: Report
) -> None:
    for code, figure in (("2025", 777), ("2025-H1", 555)):
        old = actions.open_report(world.vl_commune, Period.objects.for_code(code), acting_user=None)
        actions.save_report(old, values={"banners": D(figure)}, expected_version=old.version, acting_user=None)
    page = clerk.get(reverse("reporting:detail", args=[commune_report.pk])).content.decode()
    assert ">777<" in page and ">555<" in page


def test_rules_run_as_the_user_types(clerk: Client, commune_report: Report) -> None:
    response = clerk.post(
        reverse("reporting:check", args=[commune_report.pk]),
        {
            "value__ocop_products": "184",
            "value__ocop_3_star": "137",
            "value__ocop_4_star": "38",
            "value__ocop_5_star": "03",
            "value__banners": "abc",
        },
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert "Tổng số sản phẩm OCOP khác tổng" in page and "<html" not in page
    assert 'name="note__ocop_stars_add_up"' in page


def test_submitting_with_an_unexplained_warning_is_refused_then_accepted_with_a_note(
    clerk: Client, commune_report: Report
) -> None:
    ocop = {"ocop_products": "184", "ocop_3_star": "137", "ocop_4_star": "38", "ocop_5_star": "3"}
    response = post(clerk, commune_report, action="submit", **ocop)
    assert response.status_code == 422 and "cảnh báo cần giải trình" in response.content.decode()
    commune_report.refresh_from_db()
    data = {
        "version": commune_report.version,
        "action": "submit",
        "note__ocop_stars_add_up": "Theo báo cáo gốc",
        **{f"value__{k}": v for k, v in ocop.items()},
    }
    assert clerk.post(reverse("reporting:detail", args=[commune_report.pk]), data).status_code == 302
    commune_report.refresh_from_db()
    assert commune_report.status == Report.Status.SUBMITTED


def test_a_stale_form_gets_a_conflict_message_and_keeps_the_typing(
    clerk: Client, world: World, commune_report: Report
) -> None:
    stale_version = commune_report.version
    actions.save_report(
        commune_report, values={"banners": D(10)}, expected_version=stale_version, acting_user=world.vl_secretariat
    )
    response = clerk.post(
        reverse("reporting:detail", args=[commune_report.pk]),
        {"version": stale_version, "action": "save", "value__banners": "99"},
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "vừa được vl-tgv lưu" in page and 'value="99"' in page
    assert commune_report.values.get().value == D(10)


def test_html_in_a_narrative_is_stored_as_text_and_shown_escaped(
    clerk: Client, world: World, commune_report: Report
) -> None:
    clerk.post(
        reverse("reporting:detail", args=[commune_report.pk]),
        {"version": commune_report.version, "action": "save", "text__strengths": "<b>Tốt</b><script>x()</script>"},
    )
    actions.save_report(
        commune_report,
        values={"propaganda_sessions": D(1), "propaganda_participants": D(5)},
        expected_version=commune_report.version + 1,
        acting_user=world.commune_clerk,
    )
    actions.submit_report(commune_report, acting_user=world.commune_clerk)
    page = clerk.get(reverse("reporting:detail", args=[commune_report.pk])).content.decode()
    assert "&lt;script&gt;x()&lt;/script&gt;" in page and "<script>x()" not in page


def test_my_reports_offers_the_open_periods_and_opens_a_draft(clerk: Client, world: World) -> None:
    page = clerk.get(reverse("reporting:mine")).content.decode()
    assert "Lập báo cáo" in page
    response = clerk.post(reverse("reporting:open", args=[world.vl_commune.pk]), {"period": "2026-H1"})
    report = Report.objects.get(organisation=world.vl_commune)
    assert response.url == reverse("reporting:detail", args=[report.pk])
    assert (
        clerk.post(reverse("reporting:open", args=[world.vl_sibling_commune.pk]), {"period": "2026-H1"}).status_code
        == 404
    )
