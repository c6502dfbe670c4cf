"""Registry lists for the API: only the rows the user may read, built from ``policy.visible_organisation_ids``.

The same rules as the gates in ``access.py``: a row is readable through the organisation that recorded it; an
event also through any organisation that (co-)organised it. Every list is ordered, so pages (limit/offset) are
stable. ``figure_roots`` names the committees a unit's registry figures sum, for ``policy.can_read_all``.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import OuterRef, Q, QuerySet, Subquery

from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_subtree_ids, visible_organisation_ids
from hangviet.registry.models import Event, EventOrganiser, OcopProduct, OcopRecognition, SalePoint
from hangviet.units.models import Unit
from hangviet.units.queries import list_sources


def _recorders(user: User | AnonymousUser, organisation: Organisation | None) -> set[int]:
    """The organisations whose rows ``user`` sees, narrowed to ``organisation`` and everything below it."""
    visible = visible_organisation_ids(user)
    if organisation is None:
        return visible
    return visible & list_subtree_ids({organisation.pk})


def list_events(
    user: User | AnonymousUser,
    *,
    organisation: Organisation | None = None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> QuerySet[Event]:
    """Events ``user`` may read (recorded or co-organised by an organisation they read), newest first; with
    ``organisation``, those it or an organisation below it recorded or organised; with a window, those that
    started in it."""
    visible = visible_organisation_ids(user)
    organised = EventOrganiser.objects.filter(organisation_id__in=visible).values("event_id")
    events = Event.objects.filter(Q(recorded_by_id__in=visible) | Q(pk__in=organised))
    if organisation is not None:
        below = list_subtree_ids({organisation.pk})
        theirs = EventOrganiser.objects.filter(organisation_id__in=below).values("event_id")
        events = events.filter(Q(recorded_by_id__in=below) | Q(pk__in=theirs))
    if start is not None:
        events = events.filter(starts_on__gte=start)
    if end is not None:
        events = events.filter(starts_on__lte=end)
    return events.select_related("recorded_by", "place__unit").order_by("-starts_on", "-pk")


def list_products_in_force(
    user: User | AnonymousUser, day: datetime.date, *, organisation: Organisation | None = None
) -> QuerySet[OcopProduct]:
    """OCOP products ``user`` may read whose latest recognition on ``day`` is in force (decided by then, not
    expired, not revoked), annotated with that recognition: ``current_stars``, ``current_decision``,
    ``current_decided_on``, ``current_valid_to``. By name."""
    latest = OcopRecognition.objects.filter(product=OuterRef("pk"), decided_on__lte=day).order_by("-decided_on", "-pk")

    def of_latest(field: str) -> Subquery:
        return Subquery(latest.values(field)[:1])

    return (
        OcopProduct.objects.filter(recorded_by_id__in=_recorders(user, organisation))
        .annotate(
            current_stars=of_latest("stars"),
            current_decision=of_latest("decision"),
            current_decided_on=of_latest("decided_on"),
            current_valid_to=of_latest("valid_to"),
            current_revoked_on=of_latest("revoked_on"),
        )
        .filter(current_stars__isnull=False, current_valid_to__gte=day)
        .filter(Q(current_revoked_on__isnull=True) | Q(current_revoked_on__gt=day))
        .select_related("recorded_by", "producer", "place__unit")
        .order_by("name", "pk")
    )


def list_sale_points(
    user: User | AnonymousUser, *, organisation: Organisation | None = None, kind: str = ""
) -> QuerySet[SalePoint]:
    """Sale points ``user`` may read, whatever their status, by name."""
    points = SalePoint.objects.filter(recorded_by_id__in=_recorders(user, organisation))
    if kind:
        points = points.filter(kind=kind)
    return points.select_related("recorded_by", "operator", "place__unit").order_by("name", "pk")


def figure_roots(unit: Unit) -> list[Organisation]:
    """The committees whose subtrees ``figures.figures_for_unit(unit, …)`` counts events of: the unit's own
    and those of the units it was formed from (see ``figures.scope_for_unit``)."""
    units = [unit, *list_sources(unit)]
    return list(Organisation.objects.filter(unit__in=units, kind=Organisation.Kind.COMMITTEE).order_by("pk"))
