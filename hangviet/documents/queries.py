"""Read helpers for documents."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from hangviet.documents.models import Document


def drafts_of(committee_ids: Iterable[int]) -> QuerySet[Document]:
    """The committees' documents still in draft, most recently changed first."""
    return (
        Document.objects.filter(committee_id__in=list(committee_ids), status=Document.Status.DRAFT)
        .select_related("committee", "period")
        .order_by("-pk")
    )
