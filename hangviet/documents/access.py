"""Access gate for documents: they belong to their committee; its users read, its editors draft and issue."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.documents.models import Document, IncomingEntry
from hangviet.orgs.access import check_access
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Grant, Need, may_keep_documents


def get_committee_for_documents(
    user: User | AnonymousUser, organisation_id: int, *, need: Need
) -> tuple[Organisation, Grant]:
    """The committee whose documents ``user`` works on; Http404 for anything that is not a committee.

    Not being a committee is checked first: an agency has no document pages at all, whoever asks."""
    organisation = get_object_or_404(Organisation.objects.select_related("unit", "parent"), pk=organisation_id)
    if not may_keep_documents(organisation):
        raise Http404
    return organisation, check_access(user, organisation, need)


def get_document_for_user(user: User | AnonymousUser, document_id: int, *, need: Need) -> tuple[Document, Grant]:
    """Fetch a document for ``user``; Http404 if its committee is not visible, PermissionDenied if read-only."""
    document = get_object_or_404(
        Document.objects.select_related("committee", "committee__unit", "period"), pk=document_id
    )
    return document, check_access(user, document.committee, need)


def get_register_for_user(
    user: User | AnonymousUser, organisation_id: int, *, need: Need
) -> tuple[Organisation, Grant]:
    """The organisation whose incoming register ``user`` opens (any organisation: agencies receive letters too);
    Http404 if not visible to them, PermissionDenied if visible but not for ``need``."""
    organisation = get_object_or_404(Organisation.objects.select_related("unit"), pk=organisation_id)
    return organisation, check_access(user, organisation, need)


def get_incoming_for_user(user: User | AnonymousUser, entry_id: int, *, need: Need) -> tuple[IncomingEntry, Grant]:
    """An entry of an incoming register, for whoever has ``need`` on the receiving organisation. Reading it gives
    the issued file of its document even to someone who cannot read the sender's documents (its drafts stay
    closed): the receiver holds its own copy."""
    entry = get_object_or_404(
        IncomingEntry.objects.select_related("organisation", "document", "document__committee"), pk=entry_id
    )
    return entry, check_access(user, entry.organisation, need)
