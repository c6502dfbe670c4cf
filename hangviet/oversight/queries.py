"""Lists of the oversight pages, limited to what the user may read (``policy.visible_organisation_ids``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q, QuerySet, Sum

from hangviet.orgs.models import Organisation, UserRole
from hangviet.orgs.policy import active_roles, list_subtree_ids, may_enforce, visible_organisation_ids
from hangviet.oversight.catalogue import HANDLED_OUTCOMES, VIOLATION_TYPES
from hangviet.oversight.models import CaseTotal, MarketCase, Programme, Recommendation


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
