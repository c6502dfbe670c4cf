"""Where a consumer report goes: the body a province's routing names, else the province's committee; a place
outside every province (or not recognised) goes to the central committee's standing office."""

from __future__ import annotations

from hangviet.complaints.models import Route
from hangviet.orgs.models import Organisation
from hangviet.registry.models import Place, PlaceArea
from hangviet.units.models import Unit


def province_of(place: Place) -> Unit | None:
    """Today's province whose area holds the place (through the 2025 lineage), or ``None``."""
    area = (
        PlaceArea.objects.filter(place=place, unit__level=Unit.Level.PROVINCE, unit__valid_to__isnull=True)
        .select_related("unit")
        .first()
    )
    return area.unit if area is not None else None


def committee_of(unit: Unit | None) -> Organisation | None:
    """The steering committee in force on ``unit`` (the country's when ``unit`` is ``None``)."""
    if unit is None:
        unit = Unit.objects.get(level=Unit.Level.COUNTRY)
    return (
        Organisation.objects.filter(unit=unit, kind=Organisation.Kind.COMMITTEE, valid_to__isnull=True)
        .order_by("pk")
        .first()
    )


def receiver_for(place: Place) -> Organisation:
    """The body that receives a report about ``place``."""
    province = province_of(place)
    if province is not None:
        route = Route.objects.filter(province=province).select_related("organisation").first()
        if route is not None and route.organisation.valid_to is None:
            return route.organisation
        committee = committee_of(province)
        if committee is not None:
            return committee
    central = committee_of(None)
    if central is None:
        raise LookupError("no steering committee to receive consumer reports")
    return central


def route_choices(committee: Organisation) -> list[Organisation]:
    """The bodies a province's reports may be routed to: the committee itself and its member agencies in force."""
    agencies = Organisation.objects.filter(
        parent=committee, kind=Organisation.Kind.AGENCY, valid_to__isnull=True
    ).order_by("name")
    return [committee, *agencies]
