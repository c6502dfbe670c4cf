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
    assert "ocop_3_star:" not in page and "Số sản phẩm OCOP 3 sao:" in page
