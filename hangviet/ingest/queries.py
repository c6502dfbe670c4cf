"""What the reading pages list: a user's own uploads (nobody else's), and which proposed registry rows the
registry already holds."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Model

from hangviet.ingest.list_rules import GROUP, SALE_POINT, window_for
from hangviet.ingest.models import IngestDocument
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.registry import matching
from hangviet.registry.models import Event


def recent_uploads(user: User | AnonymousUser, *, limit: int = 20) -> list[IngestDocument]:
    return list(IngestDocument.objects.filter(uploaded_by=user.pk).select_related("organisation", "period")[:limit])


def batch_of(user: User | AnonymousUser, batch_id: str) -> list[IngestDocument]:
    """The documents of one upload batch, if ``user`` uploaded them; empty otherwise (the page answers 404)."""
    return list(IngestDocument.objects.filter(batch=batch_id, uploaded_by=user.pk).order_by("id"))


def proposal_window(proposal: dict[str, Any], period: Period) -> tuple[datetime.date, datetime.date]:
    """The days a proposed event is recorded for: its time as written, inside the report's period window."""
    return window_for(proposal.get("when_text", ""), period.start, period.end)


def find_existing(proposal: dict[str, Any], organisation: Organisation, period: Period) -> Model | None:
    """The registry row this proposal names, or ``None``: one ``organisation`` recorded (same kind, folded name
    and, for events, window), or an event another organisation recorded with ``organisation`` among its
    organisers (overlapping window, a name alike: ``registry.matching``). A proposal already in the registry
    is not recorded twice."""
    registry, kind, name = proposal["registry"], proposal["kind"], proposal["name"]
    if registry == SALE_POINT:
        return matching.find_sale_point(organisation, kind=kind, name=name)
    start, end = proposal_window(proposal, period)
    if registry == GROUP:
        return matching.find_event_group(organisation, kind=kind, description=name, starts_on=start, ends_on=end)
    own = matching.find_event(organisation, kind=kind, name=name, starts_on=start, ends_on=end)
    if own is not None:
        return own
    return matching.find_co_organised_event(
        organisation, kind=kind, name=name, starts_on=start, ends_on=end, place_text=proposal.get("place", "")
    )


def recorded_elsewhere(row: Model | None, organisation: Organisation) -> Organisation | None:
    """The organisation that recorded ``row`` when it is not ``organisation`` (an event it co-organised)."""
    if isinstance(row, Event) and row.recorded_by_id != organisation.pk:
        return row.recorded_by
    return None


def mark_existing(
    proposals: list[dict[str, Any]], organisation: Organisation | None, period: Period | None
) -> list[Model | None]:
    """For each proposal, the registry row that already holds it (nothing is known without both choices)."""
    if organisation is None or period is None:
        return [None] * len(proposals)
    return [find_existing(proposal, organisation, period) for proposal in proposals]
