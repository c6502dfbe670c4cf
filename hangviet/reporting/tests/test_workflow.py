"""The workflow: draft → submitted → accepted, or returned with a reason → resubmitted; who may do what."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from hangviet.audit.log import list_events_for
from hangviet.orgs.tests.factories import World
from hangviet.reporting import actions
from hangviet.reporting.models import Report, ValueChange

pytestmark = pytest.mark.django_db


def fill(report: Report, user, **values) -> Report:
    return actions.save_report(
        report, values={k: D(v) for k, v in values.items()}, expected_version=report.version, acting_user=user
    )


def test_a_report_opens_as_a_draft_with_its_form_and_current_province(commune_report: Report) -> None:
    assert commune_report.status == Report.Status.DRAFT
    assert commune_report.form.code == "committee"
    assert commune_report.province.name == "Tỉnh Vĩnh Long"


def test_submit_accept_and_the_report_is_locked(world: World, commune_report: Report) -> None:
    fill(commune_report, world.commune_clerk, propaganda_sessions=12, propaganda_participants=600)
    actions.submit_report(commune_report, acting_user=world.commune_clerk)
    actions.accept_report(commune_report, acting_user=world.vl_office)
    assert commune_report.status == Report.Status.ACCEPTED
    with pytest.raises(actions.ReportStateError):
        fill(commune_report, world.commune_clerk, propaganda_sessions=13)
    assert [e.action for e in list_events_for(commune_report)][:3] == [
        "report.accepted",
        "report.submitted",
        "report.saved",
    ]


def test_a_returned_report_carries_its_reason_and_can_be_resubmitted(world: World, commune_report: Report) -> None:
    fill(commune_report, world.commune_clerk, propaganda_sessions=12, propaganda_participants=600)
    actions.submit_report(commune_report, acting_user=world.commune_clerk)
    with pytest.raises(ValidationError):
        actions.return_report(commune_report, reason="  ", acting_user=world.vl_office)
    actions.return_report(commune_report, reason="Thiếu số lượt người dự tập huấn", acting_user=world.vl_office)
    assert (commune_report.status, commune_report.return_reason) == ("returned", "Thiếu số lượt người dự tập huấn")
    fill(commune_report, world.commune_clerk, training_courses=2, training_participants=80)
    actions.submit_report(commune_report, acting_user=world.commune_clerk)
    assert commune_report.status == Report.Status.SUBMITTED


def test_only_submitted_reports_are_accepted_or_returned(world: World, commune_report: Report) -> None:
    with pytest.raises(actions.ReportStateError):
        actions.accept_report(commune_report, acting_user=world.vl_office)
    with pytest.raises(actions.ReportStateError):
        actions.return_report(commune_report, reason="x", acting_user=world.vl_office)


def test_an_error_blocks_submission_and_a_warning_needs_an_explanation(world: World, commune_report: Report) -> None:
    fill(commune_report, world.commune_clerk, viet_goods_share_pct=120)
    with pytest.raises(actions.SubmissionBlocked) as blocked:
        actions.submit_report(commune_report, acting_user=world.commune_clerk)
    assert [v.rule_code for v in blocked.value.errors] == ["share_within_0_100"]
    actions.save_report(
        commune_report,
        values={
            "viet_goods_share_pct": D(90),
            "ocop_products": D(184),
            "ocop_3_star": D(137),
            "ocop_4_star": D(38),
            "ocop_5_star": D(3),
        },
        expected_version=commune_report.version,
        acting_user=world.commune_clerk,
    )
    with pytest.raises(actions.SubmissionBlocked) as blocked:
        actions.submit_report(commune_report, acting_user=world.commune_clerk)
    assert [v.rule_code for v in blocked.value.unexplained] == ["ocop_stars_add_up"]
    actions.save_report(
        commune_report,
        values={},
        notes={"ocop_stars_add_up": "Số liệu theo báo cáo gốc."},
        expected_version=commune_report.version,
        acting_user=world.commune_clerk,
    )
    actions.submit_report(commune_report, acting_user=world.commune_clerk)
    assert commune_report.status == Report.Status.SUBMITTED


def test_every_value_change_is_recorded(world: World, commune_report: Report) -> None:
    fill(commune_report, world.commune_clerk, banners=10)
    fill(commune_report, world.commune_clerk, banners=12)
    actions.save_report(
        commune_report,
        values={"banners": None},
        expected_version=commune_report.version,
        acting_user=world.commune_clerk,
    )
    changes = [(c.old_value, c.new_value, c.changed_by) for c in ValueChange.objects.filter(report=commune_report)]
    assert changes == [
        (D(12), None, world.commune_clerk),
        (D(10), D(12), world.commune_clerk),
        (None, D(10), world.commune_clerk),
    ]


def test_two_people_saving_the_same_version_conflict_instead_of_overwriting(
    world: World, commune_report: Report
) -> None:
    read_by_both = commune_report.version
    actions.save_report(
        commune_report, values={"banners": D(10)}, expected_version=read_by_both, acting_user=world.commune_clerk
    )
    stale = Report.objects.get(pk=commune_report.pk)
    with pytest.raises(actions.EditConflict, match="vừa được"):
        actions.save_report(
            stale, values={"banners": D(99)}, expected_version=read_by_both, acting_user=world.vl_office
        )
    assert commune_report.values.get().value == D(10)


# (persona, action, expected status) for a submitted commune report; the report's own clerk, the province
# standing office above it, a viewer, a sibling commune and another province.
MATRIX = [
    ("commune_clerk", "view", 200),
    ("commune_clerk", "save", 422),
    ("commune_clerk", "accept", 403),
    ("vl_office", "view", 200),
    ("vl_office", "save", 403),
    ("vl_office", "accept", 302),
    ("vl_secretariat", "return", 302),
    ("vl_viewer", "view", 404),
    ("vl_viewer", "accept", 404),
    ("sibling_commune_clerk", "view", 404),
    ("sibling_commune_clerk", "save", 404),
    ("sibling_commune_clerk", "accept", 404),
    ("ag_office", "view", 404),
    ("ag_office", "accept", 404),
    ("central_office", "view", 200),
    ("central_office", "save", 403),
    ("central_office", "accept", 403),
]


@pytest.mark.parametrize(("persona", "action", "status"), MATRIX)
def test_workflow_permission_matrix(
    client: Client, world: World, commune_report: Report, persona: str, action: str, status: int
) -> None:
    fill(commune_report, world.commune_clerk, propaganda_sessions=12, propaganda_participants=600)
    actions.submit_report(commune_report, acting_user=world.commune_clerk)
    client.force_login(getattr(world, persona))
    url = reverse("reporting:detail", args=[commune_report.pk])
    if action == "view":
        response = client.get(url)
    elif action == "save":
        response = client.post(url, {"version": commune_report.version, "value__banners": "5", "action": "save"})
    else:
        response = client.post(
            reverse("reporting:review", args=[commune_report.pk]), {"action": action, "reason": "Bổ sung số liệu"}
        )
    assert response.status_code == status
    commune_report.refresh_from_db()
    expected = {"accept": "accepted", "return": "returned"}.get(action) if status == 302 else "submitted"
    assert commune_report.status == expected


def test_anonymous_is_sent_to_the_login_page(client: Client, commune_report: Report) -> None:
    assert client.get(reverse("reporting:detail", args=[commune_report.pk])).status_code == 302


@pytest.mark.parametrize(("persona", "status"), [("vl_office", 302), ("commune_clerk", 403), ("ag_office", 404)])
def test_the_reviewing_office_reopens_an_accepted_report_and_nobody_else_can(
    client: Client, world: World, commune_report: Report, persona: str, status: int
) -> None:
    fill(commune_report, world.commune_clerk, propaganda_sessions=12, propaganda_participants=600)
    actions.submit_report(commune_report, acting_user=world.commune_clerk)
    actions.accept_report(commune_report, acting_user=world.vl_office)
    client.force_login(getattr(world, persona))
    if persona == "vl_office":
        assert "Mở lại báo cáo" in client.get(reverse("reporting:detail", args=[commune_report.pk])).content.decode()
    response = client.post(
        reverse("reporting:review", args=[commune_report.pk]), {"action": "reopen", "reason": "Sai số cuộc"}
    )
    assert response.status_code == status
    commune_report.refresh_from_db()
    expected = Report.Status.RETURNED if status == 302 else Report.Status.ACCEPTED
    assert (commune_report.status, commune_report.return_reason if status == 302 else "") == (
        expected,
        "Sai số cuộc" if status == 302 else "",
    )
