"""Defects found from outside: accepted and submitted reports changed under races, non-atomic changes.

Each change of a report locks its row and re-checks status and version inside the transaction; submit,
return and accept bump the version so a copy read before them cannot be saved over them.
"""

from __future__ import annotations

import datetime
import threading
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from hangviet.audit.models import AuditEvent as Event
from hangviet.consolidation.tests.conftest import accepted
from hangviet.orgs.policy import Need, grant_for
from hangviet.orgs.tests.factories import World, make_committee
from hangviet.periods.models import Period
from hangviet.reporting import actions
from hangviet.reporting.access import get_report_for_user
from hangviet.reporting.models import Attachment, Report, ReportValue

H1 = "2026-H1"


def _open(world: World) -> Report:
    return actions.open_report(world.vl_commune, Period.objects.for_code(H1), acting_user=None)


def _submitted(world: World) -> Report:
    report = _open(world)
    actions.save_report(report, values={"banners": D(5)}, expected_version=report.version, acting_user=None)
    actions.submit_report(report, acting_user=None)
    return report


@pytest.mark.django_db
def test_a_copy_read_before_acceptance_cannot_overwrite_the_accepted_report(world: World) -> None:
    report = _submitted(world)
    stale = Report.objects.get(pk=report.pk)  # a slow Excel upload read the report here, with a valid version
    actions.accept_report(Report.objects.get(pk=report.pk), acting_user=world.vl_office)
    with pytest.raises(actions.ReportStateError):
        actions.save_report(stale, values={"banners": D(999)}, expected_version=stale.version, acting_user=None)
    assert ReportValue.objects.get(report=report).value == D(5)
    assert Report.objects.get(pk=report.pk).status == Report.Status.ACCEPTED


@pytest.mark.django_db
def test_submit_return_and_accept_each_bump_the_version(world: World) -> None:
    report = _open(world)
    versions = [report.version]
    actions.save_report(report, values={"banners": D(5)}, expected_version=report.version, acting_user=None)
    versions.append(Report.objects.get(pk=report.pk).version)
    actions.submit_report(report, acting_user=None)
    versions.append(Report.objects.get(pk=report.pk).version)
    actions.return_report(report, reason="Bổ sung", acting_user=world.vl_office)
    versions.append(Report.objects.get(pk=report.pk).version)
    actions.submit_report(report, acting_user=None)
    actions.accept_report(report, acting_user=world.vl_office)
    versions.append(Report.objects.get(pk=report.pk).version)
    assert versions == sorted(set(versions)), versions
    assert report.version == versions[-1]


@pytest.mark.django_db
def test_a_stale_copy_cannot_be_submitted_after_a_return(world: World) -> None:
    report = _submitted(world)
    stale = Report.objects.get(pk=report.pk)
    actions.return_report(Report.objects.get(pk=report.pk), reason="Sửa lại", acting_user=world.vl_office)
    with pytest.raises(actions.EditConflict):
        actions.save_report(stale, values={"banners": D(6)}, expected_version=stale.version, acting_user=None)


@pytest.mark.django_db
def test_a_blocked_submission_saves_nothing_and_says_so(client: Client, world: World) -> None:
    report = _open(world)
    version = report.version
    client.force_login(world.commune_clerk)
    # Fewer participants than sessions is a warning with no explanation: the submission is blocked.
    response = client.post(
        reverse("reporting:detail", args=[report.pk]),
        {
            "version": version,
            "action": "submit",
            "value__propaganda_sessions": "57",
            "value__propaganda_participants": "12",
        },
    )
    report.refresh_from_db()
    assert response.status_code == 422
    assert report.version == version and report.status == Report.Status.DRAFT
    assert not ReportValue.objects.filter(report=report).exists()
    assert "chưa được lưu" in response.content.decode()
    assert 'value="57"' in response.content.decode()  # the typed figures are still on the page


@pytest.mark.django_db
def test_the_api_saves_and_submits_in_one_change(client: Client, world: World) -> None:
    import json

    report = _open(world)
    client.force_login(world.commune_clerk)
    body = {
        "version": report.version,
        "submit": True,
        "values": {"propaganda_sessions": 57, "propaganda_participants": 12},
    }
    response = client.put(f"/api/reports/{report.pk}/values", json.dumps(body), content_type="application/json")
    report.refresh_from_db()
    assert response.status_code == 422
    assert report.version == body["version"]
    assert not ReportValue.objects.filter(report=report).exists()


@pytest.mark.django_db
def test_bulk_acceptance_is_all_or_nothing(client: Client, world: World) -> None:
    ours = _submitted(world)
    theirs = actions.open_report(world.ag_trade, Period.objects.for_code(H1), acting_user=None)
    actions.save_report(theirs, values={"banners": D(1)}, expected_version=theirs.version, acting_user=None)
    actions.submit_report(theirs, acting_user=None)
    client.force_login(world.vl_office)
    response = client.post(
        reverse("consolidation:accept_many", args=[world.vinh_long.pk, H1]), {"report": [ours.pk, theirs.pk]}
    )
    assert response.status_code == 404
    assert Report.objects.get(pk=ours.pk).status == Report.Status.SUBMITTED
    assert Report.objects.get(pk=theirs.pk).status == Report.Status.SUBMITTED


@pytest.mark.django_db
def test_no_attachment_is_added_to_an_accepted_report_and_no_file_is_left(world: World, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    report = _submitted(world)
    actions.accept_report(report, acting_user=world.vl_office)
    pdf = SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    with pytest.raises(actions.ReportStateError):
        actions.add_attachment(Report.objects.get(pk=report.pk), pdf, acting_user=None)
    assert not Attachment.objects.exists()
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


@pytest.mark.django_db
def test_only_the_recipient_office_may_review(world: World) -> None:
    report = _submitted(world)  # the commune reports to Vĩnh Long's committee
    assert grant_for(world.vl_office, world.vl_commune).can_review
    central = grant_for(world.central_office, world.vl_commune)
    assert central is not None and central.can_read and not central.can_review
    with pytest.raises(PermissionDenied):
        get_report_for_user(world.central_office, report.pk, need=Need.REVIEW)


@pytest.mark.django_db
def test_a_ward_clerk_cannot_read_the_totals_of_the_old_district_its_ward_came_from(
    client: Client, world: World
) -> None:
    city = world.tra_vinh.unit.children.get(name="Thành phố Trà Vinh")
    city_committee = make_committee(city, world.tra_vinh, valid_to=datetime.date(2025, 6, 30))
    accepted(city_committee, "2023-H1", propaganda_sessions=120)
    query = {"unit": "Thành phố Trà Vinh, Tỉnh Trà Vinh", "period": "2023-H1"}
    client.force_login(world.commune_clerk)  # Phường Trà Vinh came from the old city's wards
    assert client.get("/api/aggregates", query).status_code == 404
    client.force_login(world.vl_office)  # the custodian of Trà Vinh's records reads them
    response = client.get("/api/aggregates", query)
    assert response.status_code == 200 and response.json() == {"propaganda_sessions": 120.0}


@pytest.mark.django_db
def test_a_member_agency_cannot_create_a_consolidated_report(client: Client, world: World) -> None:
    from hangviet.documents.models import Document

    client.force_login(world.vl_trade_clerk)
    response = client.post(reverse("documents:create_report", args=[world.vl_trade.pk]), {"period": H1})
    assert response.status_code == 404
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_focal_officer_cannot_reconstitute_the_committee(client: Client, world: World) -> None:
    from hangviet.orgs.models import UserRole
    from hangviet.orgs.tests.factories import make_user

    focal = make_user("dau-moi", world.vinh_long, UserRole.Role.CLERK)
    client.force_login(focal)
    events = Event.objects.count()
    response = client.post(reverse("orgs:reconstitute", args=[world.vinh_long.pk]), {"on": "01/07/2026"})
    assert response.status_code == 403
    assert Event.objects.count() == events
    client.force_login(world.vl_office)
    assert client.get(reverse("orgs:reconstitute", args=[world.vinh_long.pk])).status_code == 200


# --- Races on PostgreSQL: real threads, each with its own connection ------------------------------

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


@pytest.fixture
def reference(transactional_db: None) -> None:
    """Transactional tests flush the database afterwards: put the units and the catalogue back first."""
    from hangviet.demo.reference import load_reference_data

    load_reference_data(only_if_missing=True)


def _in_thread(target, *args):
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["result"] = target(*args)
        except Exception as error:  # noqa: BLE001 - the race's loser reports its refusal
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    return thread, outcome


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_saves_racing_submits_and_acceptances_never_change_a_locked_report(reference: None, world: World) -> None:
    for round_ in range(10):
        report = actions.open_report(
            make_committee(world.vl_commune.unit, world.vinh_long) if round_ else world.vl_commune,
            Period.objects.for_code(H1),
            acting_user=None,
        )
        actions.save_report(report, values={"banners": D(5)}, expected_version=report.version, acting_user=None)
        version = Report.objects.get(pk=report.pk).version
        actions.submit_report(Report.objects.get(pk=report.pk), acting_user=None)
        saver, saved = _in_thread(
            lambda pk=report.pk, v=version: actions.save_report(
                Report.objects.get(pk=pk), values={"banners": D(500)}, expected_version=v + 1, acting_user=None
            )
        )
        accepter, _accepted = _in_thread(
            lambda pk=report.pk: actions.accept_report(Report.objects.get(pk=pk), acting_user=world.vl_office)
        )
        saver.start(), accepter.start()
        saver.join(), accepter.join()
        final = Report.objects.get(pk=report.pk)
        assert final.status == Report.Status.ACCEPTED
        assert ReportValue.objects.get(report=report).value == D(5), f"round {round_}: a locked report changed"
        assert isinstance(saved.get("error"), actions.ReportStateError | actions.EditConflict)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_saves_with_the_same_version_lose_no_update_silently(reference: None, world: World) -> None:
    report = _open(world)
    version = report.version
    threads = []
    for value in range(1, 7):
        thread, outcome = _in_thread(
            lambda v=value: actions.save_report(
                Report.objects.get(pk=report.pk), values={"banners": D(v)}, expected_version=version, acting_user=None
            )
        )
        threads.append((thread, outcome))
    for thread, _outcome in threads:
        thread.start()
    for thread, _outcome in threads:
        thread.join()
    winners = [outcome for _thread, outcome in threads if "result" in outcome]
    losers = [outcome for _thread, outcome in threads if isinstance(outcome.get("error"), actions.EditConflict)]
    assert len(winners) == 1 and len(losers) == 5
    assert Report.objects.get(pk=report.pk).version == version + 1


@pytest.mark.django_db
def test_a_refused_appointment_leaves_no_orphan_person(world: World) -> None:
    from django.core.exceptions import ValidationError

    from hangviet.orgs import actions as org_actions
    from hangviet.orgs.models import Person

    people = Person.objects.count()
    with pytest.raises(ValidationError):
        org_actions.appoint_new_member(
            world.vl_trade,  # an agency has no members: the appointment is refused
            full_name="Nguyễn Văn A",
            position="Phó Giám đốc",
            role="member",
            start=datetime.date(2026, 1, 5),
            acting_user=None,
        )
    assert Person.objects.count() == people
