"""Access gates: the only way views and the API obtain registry rows for a user.

Not visible → 404; visible but not allowed for this need → 403 (``orgs/policy.registry_grant``).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Grant, Need, registry_grant
from hangviet.registry.models import (
    Club,
    Event,
    EventGroup,
    EventOrganiser,
    ModelArea,
    OcopProduct,
    OcopRecognition,
    Place,
    Producer,
    SalePoint,
)


def _check(user: User | AnonymousUser, recorder: Organisation, need: Need, participants: list[Organisation]) -> Grant:
    grant = registry_grant(user, recorder, participants)
    if grant is None:
        raise Http404
    if not grant.allows(need):
        raise PermissionDenied
    return grant


def get_record_for_user[R: (Producer, Event, EventGroup, OcopProduct, SalePoint, ModelArea, Club)](
    user: User | AnonymousUser, model: type[R], pk: int, *, need: Need
) -> tuple[R, Grant]:
    """Fetch a producer, group entry, product, sale point, model area or club by id for ``user`` with ``need``."""
    record = get_object_or_404(model.objects.select_related("recorded_by__unit"), pk=pk)
    return record, _check(user, record.recorded_by, need, [])


def get_event_for_user(user: User | AnonymousUser, pk: int, *, need: Need) -> tuple[Event, Grant]:
    """Fetch an event; its organisers in the system may read it too."""
    event = get_object_or_404(Event.objects.select_related("recorded_by__unit", "place"), pk=pk)
    participants = [o.organisation for o in event.organisers.select_related("organisation") if o.organisation]
    return event, _check(user, event.recorded_by, need, participants)


def get_recognition_for_user(user: User | AnonymousUser, pk: int, *, need: Need) -> tuple[OcopRecognition, Grant]:
    recognition = get_object_or_404(OcopRecognition.objects.select_related("product__recorded_by"), pk=pk)
    return recognition, _check(user, recognition.product.recorded_by, need, [])


def get_place_for_user(user: User | AnonymousUser, pk: int, *, need: Need) -> tuple[Place, Grant]:
    """Fetch a place through the rows that use it: visible if one of them is, editable if the user edits the
    recorder of one of them (an event's place also through its organisers, for reading)."""
    place = get_object_or_404(Place.objects.select_related("unit", "context_unit"), pk=pk)
    recorders: list[Organisation] = []
    participants: list[Organisation] = []
    for model in (Event, OcopProduct, SalePoint, ModelArea, Club, Producer):
        for row in model.objects.filter(place=place).select_related("recorded_by"):
            recorders.append(row.recorded_by)
    organisers = EventOrganiser.objects.filter(event__place=place, organisation__isnull=False)
    participants = [o.organisation for o in organisers.select_related("organisation") if o.organisation]
    grants = [grant for recorder in recorders if (grant := registry_grant(user, recorder)) is not None]
    if not grants:
        seen = [grant for o in participants if (grant := registry_grant(user, o)) is not None]
        if not seen:
            raise Http404
        grants = [
            Grant(
                organisation_id=seen[0].organisation_id,
                can_read=True,
                can_edit=False,
                can_review=False,
                role=seen[0].role,
            )
        ]
    editing = [grant for grant in grants if grant.can_edit]
    best = (editing or grants)[0]
    if not best.allows(need):
        raise PermissionDenied
    return place, best
