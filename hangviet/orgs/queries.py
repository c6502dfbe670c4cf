"""Read helpers for organisations, returning querysets with their joins baked in."""

from __future__ import annotations

import datetime

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from hangviet.orgs.models import AreaAssignment, Membership, Organisation
from hangviet.units.models import Unit
from hangviet.units.queries import list_current_units
from hangviet.units.resolve import UnitNotFound, resolve_unit

# Organisations still at work (no end date) first, then the historic ones, latest ended first.
CURRENT_FIRST = F("valid_to").desc(nulls_first=True)

ROLE_ORDER: list[str] = [
    Membership.Role.CHAIR,
    Membership.Role.STANDING_VICE_CHAIR,
    Membership.Role.VICE_CHAIR,
    Membership.Role.MEMBER,
    Membership.Role.SECRETARIAT,
]


def _sorted_by_role(memberships: list[Membership]) -> list[Membership]:
    return sorted(memberships, key=lambda seat: (ROLE_ORDER.index(seat.role), seat.person.full_name))


def list_current_members(committee: Organisation, on: datetime.date | None = None) -> list[Membership]:
    """Seats on ``committee`` in force on ``on`` (default today), chair first, with their areas."""
    day = on or timezone.localdate()
    seats = (
        Membership.objects.filter(committee=committee, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .select_related("person", "agency")
        .prefetch_related(
            Prefetch(
                "area_assignments",
                queryset=AreaAssignment.objects.filter(end__isnull=True).select_related("unit"),
                to_attr="current_areas",
            )
        )
    )
    return _sorted_by_role(list(seats))


def list_former_members(committee: Organisation, on: datetime.date | None = None) -> list[Membership]:
    """Seats on ``committee`` that had ended by ``on`` (default today), most recent first."""
    day = on or timezone.localdate()
    return list(
        Membership.objects.filter(committee=committee, end__lt=day)
        .select_related("person", "agency")
        .order_by("-end", "person__full_name")
    )


def list_agencies(committee: Organisation) -> QuerySet[Organisation]:
    """Member agencies of ``committee``, current first, with their former names and predecessors."""
    return (
        Organisation.objects.filter(parent=committee, kind=Organisation.Kind.AGENCY)
        .prefetch_related("former_names", "successions_in__predecessor__unit")
        .order_by(CURRENT_FIRST, "name")
    )


def list_departments(committee: Organisation) -> QuerySet[Organisation]:
    """Departments outside ``committee`` (no seat on it) that its plans and letters address."""
    return Organisation.objects.filter(parent=committee, kind=Organisation.Kind.DEPARTMENT).order_by(
        CURRENT_FIRST, "name"
    )


def list_lower_committees(committee: Organisation) -> QuerySet[Organisation]:
    """Committees directly below ``committee`` (communes; districts before 1/7/2025)."""
    return (
        Organisation.objects.filter(parent=committee, kind=Organisation.Kind.COMMITTEE)
        .select_related("unit")
        .order_by(CURRENT_FIRST, "unit__level", "name")
    )


def list_predecessor_committees(organisation: Organisation) -> QuerySet[Organisation]:
    """Organisations whose work passed to ``organisation`` (Trà Vinh's committee under Vĩnh Long's)."""
    return Organisation.objects.filter(successions_out__successor=organisation).select_related("unit").order_by("name")


def list_successors(organisation: Organisation) -> QuerySet[Organisation]:
    return Organisation.objects.filter(successions_in__predecessor=organisation).order_by("name")


def name_on(organisation: Organisation, day: datetime.date) -> str:
    """The name ``organisation`` bore on ``day``: old records show the name they were made under."""
    for former in organisation.former_names.all():
        if (former.valid_from is None or former.valid_from <= day) and day <= former.valid_to:
            return former.name
    return organisation.name


def committee_for_unit(unit: Unit) -> Organisation | None:
    """The steering committee of ``unit`` itself, else of the current unit it became (Trà Vinh → Vĩnh Long)."""
    own = Organisation.objects.filter(kind=Organisation.Kind.COMMITTEE, unit=unit).first()
    if own is not None:
        return own
    return Organisation.objects.filter(kind=Organisation.Kind.COMMITTEE, unit__in=list_current_units(unit)).first()


def committee_named(text: str) -> Organisation:
    """The committee of the unit named in ``text``; LookupError with a Vietnamese message otherwise."""
    try:
        unit = resolve_unit(text).unit
    except UnitNotFound as error:
        raise LookupError(f"Không tìm thấy đơn vị hành chính “{error}”.") from error
    committee = committee_for_unit(unit)
    if committee is None:
        raise LookupError(f"{unit.name} chưa có Ban Chỉ đạo trên hệ thống.")
    return committee
