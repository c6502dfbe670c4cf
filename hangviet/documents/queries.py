"""Read helpers for documents."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from hangviet.documents.models import Document, IncomingEntry
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_overseer_ids


def drafts_of(committee_ids: Iterable[int]) -> QuerySet[Document]:
    """The committees' documents still in draft, most recently changed first."""
    return (
        Document.objects.filter(committee_id__in=list(committee_ids), status=Document.Status.DRAFT)
        .select_related("committee", "period")
        .order_by("-pk")
    )


def addressable_organisations(committee: Organisation) -> QuerySet[Organisation]:
    """Whom ``committee`` may send a letter to inside hangviet: the current organisations directly below it (its
    member agencies, the departments outside it its plans address, its lower committees) and the committees above
    it. Deeper levels are reached through their own committee, as letters go."""
    above = list_overseer_ids(committee)
    return (
        Organisation.objects.filter(
            Q(parent=committee) | Q(pk__in=above, kind=Organisation.Kind.COMMITTEE), valid_to__isnull=True
        )
        .exclude(pk=committee.pk)
        .select_related("unit")
        .order_by("kind", "name")
    )


def incoming_register(organisation: Organisation, year: int | None = None) -> QuerySet[IncomingEntry]:
    """``organisation``'s register of incoming documents, newest first (one year, or all)."""
    entries = IncomingEntry.objects.filter(organisation=organisation).select_related(
        "document", "document__committee", "handled_by"
    )
    if year is not None:
        entries = entries.filter(year=year)
    return entries.order_by("-year", "-number")


def incoming_years(organisation: Organisation) -> list[int]:
    """The years ``organisation``'s incoming register has entries in, newest first."""
    return sorted(
        set(IncomingEntry.objects.filter(organisation=organisation).values_list("year", flat=True)), reverse=True
    )


def unhandled_incoming(organisation_ids: Iterable[int]) -> QuerySet[IncomingEntry]:
    """Documents received by the organisations and not yet handled, newest first."""
    return (
        IncomingEntry.objects.filter(organisation_id__in=list(organisation_ids), handled_at__isnull=True)
        .select_related("document", "document__committee", "organisation")
        .order_by("-received_at")
    )
