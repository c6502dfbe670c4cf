"""Access gates for oversight: programmes and visits are the inspecting committee's (a visit is also read by
whoever reads its subject); cases and totals are the enforcing agency's, read by the offices above it; meetings
are the organising committee's, read also by whoever reads one of the invited organisations.
Not visible → 404; visible but not allowed → 403 (``orgs/policy.oversight_grant``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Grant, Need, may_enforce, oversight_grant
from hangviet.oversight.models import MarketCase, Meeting, MeetingDocument, Programme, Visit


def _check(user: User | AnonymousUser, owner: Organisation, need: Need, subjects: list[Organisation]) -> Grant:
    grant = oversight_grant(user, owner, subjects)
    if grant is None:
        raise Http404
    if not grant.allows(need):
        raise PermissionDenied
    return grant


def get_committee_for_programmes(user: User | AnonymousUser, organisation_id: int, *, need: Need) -> Organisation:
    committee = get_object_or_404(Organisation.objects.select_related("unit"), pk=organisation_id)
    if not committee.is_committee:
        raise Http404  # programmes belong to committees only
    _check(user, committee, need, [])
    return committee


def get_committee_for_meetings(
    user: User | AnonymousUser, organisation_id: int, *, need: Need
) -> tuple[Organisation, Grant]:
    """A committee whose meetings the user reads or organises (its office); 404 for an agency."""
    committee = get_object_or_404(Organisation.objects.select_related("unit"), pk=organisation_id)
    if not committee.is_committee:
        raise Http404  # meetings belong to committees only
    return committee, _check(user, committee, need, [])


def get_programme_for_user(user: User | AnonymousUser, pk: int, *, need: Need) -> tuple[Programme, Grant]:
    programme = get_object_or_404(Programme.objects.select_related("committee__unit"), pk=pk)
    return programme, _check(user, programme.committee, need, [])


def get_visit_for_user(user: User | AnonymousUser, pk: int, *, need: Need) -> tuple[Visit, Grant]:
    visit = get_object_or_404(Visit.objects.select_related("programme__committee__unit", "subject"), pk=pk)
    return visit, _check(user, visit.programme.committee, need, [visit.subject])


def get_enforcer_for_user(user: User | AnonymousUser, organisation_id: int, *, need: Need) -> Organisation:
    """An agency the user records cases for: 404 if unseen, 403 if not an editor or not an enforcing agency."""
    agency = get_object_or_404(Organisation.objects.select_related("unit"), pk=organisation_id)
    grant = _check(user, agency, need, [])
    if need is not Need.READ and not (grant.can_edit and may_enforce(agency)):
        raise PermissionDenied
    return agency


def get_case_for_user(user: User | AnonymousUser, pk: int, *, need: Need) -> tuple[MarketCase, Grant]:
    case = get_object_or_404(MarketCase.objects.select_related("agency__unit", "place", "producer"), pk=pk)
    return case, _check(user, case.agency, need, [])


def get_meeting_for_user(user: User | AnonymousUser, pk: int, *, need: Need) -> tuple[Meeting, Grant]:
    """A meeting: its committee's grant; read-only for whoever reads one of the invited organisations."""
    meeting = get_object_or_404(Meeting.objects.select_related("committee__unit", "chair__person", "task__plan"), pk=pk)
    return meeting, _check(user, meeting.committee, need, list(meeting.participants.all()))


def get_meeting_document_for_user(user: User | AnonymousUser, pk: int) -> MeetingDocument:
    """A meeting's file, for whoever may read the meeting."""
    document = get_object_or_404(MeetingDocument.objects.select_related("meeting__committee"), pk=pk)
    _check(user, document.meeting.committee, Need.READ, list(document.meeting.participants.all()))
    return document
