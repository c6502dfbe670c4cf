"""What the reading pages list: a user's own uploads (nobody else's)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from hangviet.ingest.models import IngestDocument


def recent_uploads(user: User | AnonymousUser, *, limit: int = 20) -> list[IngestDocument]:
    return list(IngestDocument.objects.filter(uploaded_by=user.pk).select_related("organisation", "period")[:limit])


def batch_of(user: User | AnonymousUser, batch_id: str) -> list[IngestDocument]:
    """The documents of one upload batch, if ``user`` uploaded them; empty otherwise (the page answers 404)."""
    return list(IngestDocument.objects.filter(batch=batch_id, uploaded_by=user.pk).order_by("id"))
