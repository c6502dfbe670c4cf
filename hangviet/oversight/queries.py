"""Lists of the oversight pages, limited to what the user may read (``policy.visible_organisation_ids``)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Case, Count, Q, QuerySet, Sum, Value, When
from django.utils import timezone

from hangviet.orgs.models import Membership, Organisation, UserRole
from hangviet.orgs.policy import active_roles, list_subtree_ids, may_enforce, visible_organisation_ids
from hangviet.orgs.queries import ROLE_ORDER
from hangviet.oversight.catalogue import HANDLED_OUTCOMES, VIOLATION_TYPES, meeting_kind_of
from hangviet.oversight.models import CaseTotal, MarketCase, Meeting, Programme, Recommendation
from hangviet.plans.models import Plan, Task


def programmes_for(user: User | AnonymousUser) -> QuerySet[Programme]:
    ids = visible_organisation_ids(user)
    return Programme.objects.filter(committee_id__in=ids).select_related("committee").annotate(n_visits=Count("visits"))


def recommendations_to(user: User | AnonymousUser) -> QuerySet[Recommendation]:
    """Recommendations addressed to the user's own organisations (the inspected body's view)."""
    own = {role.organisation_id for role in active_roles(user)}
    return Recommendation.objects.filter(addressee_id__in=own).select_related("task", "visit__programme__committee")


def cases_for(user: User | AnonymousUser) -> QuerySet[MarketCase]:
    ids = visible_organisation_ids(user)
    return MarketCase.objects.filter(agency_id__in=ids).select_related("agency", "place", "producer")


def totals_for(user: User | AnonymousUser) -> QuerySet[CaseTotal]:
    return CaseTotal.objects.filter(agency_id__in=visible_organisation_ids(user)).select_related("agency", "period")


def by_violation_type(cases: QuerySet[MarketCase]) -> list[dict[str, Any]]:
    """Cases, handled violations and fines per violation type (the dimension of ``inspections`` and
    ``fines_vnd``); types without a case are left out."""
    rows = (
        cases.order_by()
        .values("violation_type")
        .annotate(
            n=Count("pk"),
            handled=Count("pk", filter=Q(outcome__in=HANDLED_OUTCOMES)),
            fines=Sum("fine_vnd"),
        )
    )
    found: dict[str, dict[str, Any]] = defaultdict(dict)
    for row in rows:
        found[row["violation_type"]] = dict(row)
    return [{"label": str(item.label), **found[item.code]} for item in VIOLATION_TYPES if item.code in found]


def committees_editable_by(user: User | AnonymousUser) -> list[Organisation]:
    """Committees whose programmes the user writes (its own, as an editor)."""
    return [
        role.organisation
        for role in active_roles(user)
        if role.role != UserRole.Role.VIEWER and role.organisation.is_committee
    ]


def enforcers_of(user: User | AnonymousUser) -> list[Organisation]:
    """Enforcing agencies the user records cases for."""
    return [
        role.organisation
        for role in active_roles(user)
        if role.role != UserRole.Role.VIEWER and may_enforce(role.organisation)
    ]


def subject_candidates(committee: Organisation) -> QuerySet[Organisation]:
    """Organisations in force below the committee: its agencies, lower committees and theirs."""
    below = list_subtree_ids({committee.pk}) - {committee.pk}
    return Organisation.objects.filter(pk__in=below, valid_to__isnull=True).order_by("kind", "name")


# Meetings ------------------------------------------------------------------------------------------------------


def meetings_of(committee: Organisation, day: datetime.date | None = None) -> tuple[list[Meeting], list[Meeting]]:
    """A committee's meetings: (upcoming — scheduled from ``day`` on, soonest first; the others, latest first)."""
    today = day or timezone.localdate()
    rows: list[Meeting] = list(
        Meeting.objects.filter(committee=committee)
        .select_related("task")
        .annotate(n_documents=Count("documents"))
        .order_by("held_on", "pk")
    )
    upcoming = [row for row in rows if row.status == Meeting.Status.SCHEDULED and row.held_on >= today]
    shown = {row.pk for row in upcoming}
    others = [row for row in reversed(rows) if row.pk not in shown]
    return upcoming, others


def meetings_for(user: User | AnonymousUser, day: datetime.date | None = None) -> QuerySet[Meeting]:
    """Meetings still to come the user may read: of the committees it reads, or inviting its organisations."""
    today = day or timezone.localdate()
    own = {role.organisation_id for role in active_roles(user)}
    return (
        Meeting.objects.filter(Q(committee_id__in=visible_organisation_ids(user)) | Q(participants__in=own))
        .filter(status=Meeting.Status.SCHEDULED, held_on__gte=today)
        .select_related("committee")
        .distinct()
        .order_by("held_on", "pk")
    )


def committee_tasks(committee: Organisation) -> QuerySet[Task]:
    """The tasks of the committee's own plans (follow-up lists aside) a meeting may carry out."""
    return (
        Task.objects.filter(plan__committee=committee)
        .exclude(plan__source=Plan.Source.FOLLOW_UP)
        .select_related("plan")
        .order_by("-plan__year", "plan_id", "order", "pk")
    )


def tasks_to_schedule(committee: Organisation, day: datetime.date | None = None) -> list[tuple[Task, str]]:
    """Plan tasks of this year and the next that announce a meeting (hội nghị, giao ban, sơ kết, tổng kết …)
    and have none scheduled yet, with the kind they suggest."""
    year = (day or timezone.localdate()).year
    tasks = committee_tasks(committee).filter(plan__year__in=(year, year + 1), meetings__isnull=True)
    found = []
    for task in tasks[:500]:
        kind = meeting_kind_of(task.content)
        if kind is not None:
            found.append((task, kind))
    return found[:50]


def chair_candidates(committee: Organisation, day: datetime.date | None = None) -> QuerySet[Membership]:
    """The committee's seats in force, chair first (who may chair a meeting)."""
    today = day or timezone.localdate()
    rank = Case(*(When(role=role, then=Value(index)) for index, role in enumerate(ROLE_ORDER)), default=Value(99))
    return (
        Membership.objects.filter(committee=committee, start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .select_related("person")
        .order_by(rank, "person__full_name")
    )
