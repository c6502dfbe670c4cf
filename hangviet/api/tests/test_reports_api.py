"""The reporting API: submit values, read aggregates, under the same policy."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from hangviet.consolidation.tests.conftest import accepted
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting import actions
from hangviet.reporting.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world: World) -> Report:
    return actions.open_report(world.vl_commune, Period.objects.for_code("2026-H1"), acting_user=None)


def put(client: Client, report: Report, body: dict):
    return client.put(f"/api/reports/{report.pk}/values", json.dumps(body), content_type="application/json")


def test_a_clerk_submits_values_in_vietnamese_or_as_numbers(client: Client, world: World, report: Report) -> None:
    client.force_login(world.commune_clerk)
    response = put(
        client,
        report,
        {
            "version": report.version,
            "submit": True,
            "values": {"propaganda_sessions": "3.904", "propaganda_participants": 267083},
        },
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted"
    assert response.json()["values"] == {"propaganda_sessions": 3904.0, "propaganda_participants": 267083.0}


def test_a_warning_without_explanation_blocks_submission_but_keeps_the_values(
    client: Client, world: World, report: Report
) -> None:
    client.force_login(world.commune_clerk)
    response = put(
        client,
        report,
        {
            "version": report.version,
            "submit": True,
            "values": {"ocop_products": 184, "ocop_3_star": 137, "ocop_4_star": 38, "ocop_5_star": 3},
        },
    )
    assert response.status_code == 422
    assert "Tổng số sản phẩm OCOP" in response.json()["problems"][0]
    assert Report.objects.get(pk=report.pk).status == "draft"


def test_bad_numbers_and_stale_versions_are_refused(client: Client, world: World, report: Report) -> None:
    client.force_login(world.commune_clerk)
    bad = put(client, report, {"version": report.version, "values": {"banners": "3.9"}})
    assert bad.status_code == 422 and "dấu chấm" in bad.json()["problems"][0]
    assert put(client, report, {"version": report.version, "values": {"banners": 1}}).status_code == 200
    assert put(client, report, {"version": report.version, "values": {"banners": 2}}).status_code == 409


@pytest.mark.parametrize(
    ("persona", "status"),
    [(None, 401), ("vl_office", 403), ("sibling_commune_clerk", 404), ("ag_office", 404), ("commune_clerk", 200)],
)
def test_who_may_submit(client: Client, world: World, report: Report, persona: str | None, status: int) -> None:
    if persona:
        client.force_login(getattr(world, persona))
    assert put(client, report, {"version": report.version, "values": {"banners": 1}}).status_code == status


def test_csrf_is_enforced_for_session_callers(world: World, report: Report) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.commune_clerk)
    assert put(client, report, {"version": report.version, "values": {"banners": 1}}).status_code == 403


@pytest.mark.parametrize(
    ("persona", "status"), [("vl_office", 200), ("central_office", 200), ("ag_office", 404), ("commune_clerk", 404)]
)
def test_aggregates_of_a_unit_with_its_historic_parts(client: Client, world: World, persona: str, status: int) -> None:
    accepted(world.tra_vinh, "2023-H1", propaganda_sessions=3904)
    accepted(world.vl_trade, "2023-H1", propaganda_sessions=96)
    client.force_login(getattr(world, persona))
    response = client.get("/api/aggregates", {"unit": "Tỉnh Vĩnh Long", "period": "2023-H1"})
    assert response.status_code == status
    if status == 200:
        assert response.json() == {"propaganda_sessions": 4000.0}


@pytest.mark.parametrize(
    "body",
    [
        '{"version": 1, "values": {"propaganda_sessions": NaN}}',
        '{"version": 1, "values": {"propaganda_sessions": Infinity}}',
        '{"version": 1, "values": {"propaganda_sessions": -Infinity}}',
        '{"version": 1, "values": {"propaganda_sessions": true}}',
        '{"version": 1, "values": {}, "submit": "yes"}',
        '{"version": true, "values": {}}',
        '{"version": 1, "values": {"propaganda_sessions": "' + "1" * 200 + '"}}',
    ],
)
def test_values_that_are_not_numbers_are_refused_and_nothing_is_saved(
    client: Client, world: World, report: Report, body: str
) -> None:
    client.force_login(world.commune_clerk)
    response = client.put(f"/api/reports/{report.pk}/values", body, content_type="application/json")
    assert response.status_code == 422, response.content
    report.refresh_from_db()
    assert report.status == "draft" and not report.values.exists()


def test_an_id_beyond_the_database_range_is_refused_not_a_server_error(client: Client, world: World) -> None:
    client.force_login(world.commune_clerk)
    assert client.get(f"/api/reports/{2**70}").status_code == 422
    assert client.get(f"/api/organisations/{2**70}/members").status_code == 422


def test_an_anonymous_call_is_a_declared_401(client: Client) -> None:
    from hangviet.api.main import api

    assert client.get("/api/me").status_code == 401
    schema = api.get_openapi_schema()
    assert 401 in schema["paths"]["/api/me"]["get"]["responses"]
