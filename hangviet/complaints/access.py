"""Access gates for consumer reports (``orgs/policy.complaint_grant``): not visible → 404, visible but not
allowed → 403. The public reaches a report only by its tracking code (``get_report_by_code``), and sees only
its public status."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.complaints.actions import normalise_code
from hangviet.complaints.models import ConsumerReport, ReportStep
from hangviet.orgs.access import check_access
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Grant, Need, complaint_grant
from hangviet.units.models import Unit


@dataclass(frozen=True)
class ReportAccess:
    grant: Grant
    shows_contact: bool  # the receiving body, or the intake organisation that wrote the contact down


def get_report_for_user(user: User | AnonymousUser, pk: int, *, need: Need) -> tuple[ConsumerReport, ReportAccess]:
    report = get_object_or_404(
        ConsumerReport.objects.select_related("receiver", "intake_organisation", "place__unit"), pk=pk
    )
    readers = {report.intake_organisation_id} if report.intake_organisation_id else set()
    readers |= set(
        ReportStep.objects.filter(report=report, kind=ReportStep.Kind.FORWARDED).values_list(
            "organisation_id", flat=True
        )
    )
    grant = complaint_grant(user, report.receiver, {r for r in readers if r is not None})
    if grant is None:
        raise Http404
    if not grant.allows(need):
        raise PermissionDenied
    shows = grant.organisation_id in {report.receiver_id, report.intake_organisation_id}
    return report, ReportAccess(grant, shows)


def get_report_by_code(code: str) -> ConsumerReport:
    """The report with this tracking code (as the visitor typed it), or 404 — the same 404 for a malformed code,
    an unknown one and one never issued, so codes cannot be probed."""
    normalised = normalise_code(code)
    if not normalised:
        raise Http404
    return get_object_or_404(ConsumerReport.objects.select_related("receiver"), code=normalised)


def get_intake_organisation_for_user(user: User | AnonymousUser, organisation_id: int) -> Organisation:
    """An organisation the user enters offline reports for: one it edits (404 unseen, 403 read-only)."""
    organisation = get_object_or_404(Organisation.objects.select_related("unit"), pk=organisation_id)
    check_access(user, organisation, Need.EDIT)
    return organisation


def get_routing_committee_for_user(user: User | AnonymousUser, organisation_id: int) -> Organisation:
    """A province's committee whose routing the user sets: its own standing office or secretariat (MANAGE)."""
    organisation = get_object_or_404(Organisation.objects.select_related("unit"), pk=organisation_id)
    check_access(user, organisation, Need.MANAGE)
    if (
        organisation.kind != Organisation.Kind.COMMITTEE
        or organisation.unit.level != Unit.Level.PROVINCE
        or organisation.valid_to is not None
    ):
        raise Http404
    return organisation
