"""Access gate for documents: they belong to their committee; its users read, its editors draft and issue."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.shortcuts import get_object_or_404

from hangviet.documents.models import Document
from hangviet.orgs.access import check_access
from hangviet.orgs.policy import Grant, Need


def get_document_for_user(
    user: AbstractBaseUser | AnonymousUser, document_id: int, *, need: Need
) -> tuple[Document, Grant]:
    """Fetch a document for ``user``; Http404 if its committee is not visible, PermissionDenied if read-only."""
    document = get_object_or_404(
        Document.objects.select_related("committee", "committee__unit", "period"), pk=document_id
    )
    return document, check_access(user, document.committee, need)
