"""Lists of consumer reports for a user: only reports routed to organisations the user acts for."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from hangviet.complaints.models import ConsumerReport
from hangviet.orgs.models import Organisation, UserRole
from hangviet.orgs.policy import OVERSEEING_ROLES, acting_for_ids, active_roles


def queue_for(user: User | AnonymousUser, *, status: str = "") -> QuerySet[ConsumerReport]:
    """Reports whose current receiver the user acts for, newest first; open ones unless ``status`` says."""
    rows = ConsumerReport.objects.filter(receiver_id__in=acting_for_ids(user)).select_related("receiver", "place__unit")
    if status == "open":
        rows = rows.exclude(status=ConsumerReport.Status.HANDLED)
    elif status:
        rows = rows.filter(status=status)
    return rows


def entered_by(user: User | AnonymousUser) -> QuerySet[ConsumerReport]:
    """Reports the user's organisations wrote down (offline intake)."""
    return ConsumerReport.objects.filter(intake_organisation_id__in=acting_for_ids(user)).select_related("receiver")


def intake_organisations(user: User | AnonymousUser) -> list[Organisation]:
    """Organisations the user may enter offline reports for (its own, not as a viewer)."""
    ids = {role.organisation_id for role in active_roles(user) if role.role != UserRole.Role.VIEWER}
    return list(Organisation.objects.filter(pk__in=ids, valid_to__isnull=True).order_by("name"))


def routing_committees(user: User | AnonymousUser) -> list[Organisation]:
    """Province committees whose routing the user sets (its own standing office or secretariat)."""
    ids = {role.organisation_id for role in active_roles(user) if role.role in OVERSEEING_ROLES}
    return list(
        Organisation.objects.filter(
            pk__in=ids, kind=Organisation.Kind.COMMITTEE, unit__level="province", valid_to__isnull=True
        ).select_related("unit")
    )


def forward_targets(report: ConsumerReport) -> QuerySet[Organisation]:
    """Organisations a report may be forwarded to: any organisation in force but its current receiver."""
    return Organisation.objects.filter(valid_to__isnull=True).exclude(pk=report.receiver_id).order_by("name")


def route_of(committee: Organisation) -> Organisation:
    """Who receives the reports of the committee's province now (the committee itself without a route)."""
    from hangviet.complaints.models import Route

    route = Route.objects.filter(province=committee.unit).select_related("organisation").first()
    return route.organisation if route is not None and route.organisation.valid_to is None else committee


def was_forwarded(report: ConsumerReport) -> bool:
    from hangviet.complaints.models import ReportStep

    return (
        report.status == ConsumerReport.Status.FORWARDED or report.steps.filter(kind=ReportStep.Kind.FORWARDED).exists()
    )
