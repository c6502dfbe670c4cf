"""Input no page can take (NUL characters, bodies over the upload limit) is refused in Vietnamese, never a 500."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting import actions
from hangviet.reporting.models import Report, ReportValue

pytestmark = pytest.mark.django_db

NUL_MESSAGE = "ký tự NUL"


@pytest.fixture
def report(world: World) -> Report:
    return actions.open_report(world.vl_commune, Period.objects.for_code("2026-H1"), acting_user=None)


def test_a_nul_in_the_unit_lookup_is_refused_with_a_vietnamese_page(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = client.get(reverse("web:units"), {"q": "Phường 1\x00"})
    assert response.status_code == 400
    page = response.content.decode()
    assert NUL_MESSAGE in page and 'lang="vi"' in page


def test_a_nul_in_a_report_explanation_saves_nothing(client: Client, world: World, report: Report) -> None:
    client.force_login(world.commune_clerk)
    response = client.post(
        reverse("reporting:detail", args=[report.pk]),
        {"version": report.version, "value__propaganda_sessions": "12", "note__x": "giải trình\x00"},
    )
    assert response.status_code == 400 and NUL_MESSAGE in response.content.decode()
    assert not ReportValue.objects.filter(report=report).exists()


@pytest.mark.parametrize("url", ["/ke-hoach/ban-chi-dao/1/nhap/luu/", "/ke-hoach/nhiem-vu/1/", "/van-ban/1/"])
def test_a_nul_in_plan_fields_task_notes_or_document_text_is_refused(client: Client, world: World, url: str) -> None:
    client.force_login(world.vl_office)
    response = client.post(url, {"title": "Kế hoạch", "note": "ghi chú\x00", "text": "đoạn\x00"})
    assert response.status_code == 400 and NUL_MESSAGE in response.content.decode()


def test_a_nul_in_an_api_body_or_query_is_refused_as_json(client: Client, world: World, report: Report) -> None:
    client.force_login(world.commune_clerk)
    body = json.dumps({"version": report.version, "values": {"propaganda_sessions": "1\x002"}})
    response = client.put(f"/api/reports/{report.pk}/values", body, content_type="application/json")
    assert response.status_code == 400 and NUL_MESSAGE in response.json()["detail"]
    response = client.get("/api/units/resolve", {"q": "Trà\x00Vinh"})
    assert response.status_code == 400 and NUL_MESSAGE in response.json()["detail"]
    assert not ReportValue.objects.filter(report=report).exists()


def test_an_eleven_megabyte_json_body_gets_a_vietnamese_413(client: Client, world: World, report: Report) -> None:
    client.force_login(world.commune_clerk)
    body = json.dumps({"version": report.version, "values": {"x": "1" * (11 * 1024 * 1024)}})
    response = client.put(f"/api/reports/{report.pk}/values", body, content_type="application/json")
    assert response.status_code == 413
    assert "quá lớn" in response.json()["detail"]


def test_an_eleven_megabyte_form_gets_a_vietnamese_413_page(client: Client, world: World, report: Report) -> None:
    client.force_login(world.commune_clerk)
    response = client.post(
        reverse("reporting:detail", args=[report.pk]), {"version": report.version, "text__x": "a" * (11 * 1024 * 1024)}
    )
    assert response.status_code == 413
    assert "Dữ liệu gửi lên quá lớn" in response.content.decode()
