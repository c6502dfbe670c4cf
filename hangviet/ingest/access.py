"""Who may import figures for an organisation, and the gate for uploaded documents.

A reporter imports into its own reports; the standing office of a committee also imports the old reports of
the committees merged into it (Trà Vinh's, for Vĩnh Long), which nobody else can still write."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.ingest.models import IngestDocument
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Need, grant_for, importable_ids, registry_grant
from hangviet.orgs.queries import CURRENT_FIRST


def importable_organisations(user: User | AnonymousUser) -> list[Organisation]:
    """Organisations ``user`` may import figures for: own editable ones and their merged predecessors."""
    return list(
        Organisation.objects.filter(pk__in=importable_ids(user)).select_related("unit").order_by(CURRENT_FIRST, "name")
    )


def can_import_for(user: User | AnonymousUser, organisation: Organisation) -> bool:
    grant = grant_for(user, organisation)
    return (grant is not None and grant.can_edit) or organisation.pk in importable_ids(user)


def can_record_registry_for(user: User | AnonymousUser, organisation: Organisation) -> bool:
    """Whether ``user`` may record registry rows as ``organisation`` (the rows a document's lists propose)."""
    grant = registry_grant(user, organisation)
    return grant is not None and grant.allows(Need.EDIT)


def get_document_for_user(user: User | AnonymousUser, document_id: int) -> IngestDocument:
    """The uploader, and whoever may import for its organisation, see an uploaded document; nobody else."""
    document = get_object_or_404(IngestDocument.objects.select_related("organisation", "period"), pk=document_id)
    if document.uploaded_by_id == getattr(user, "pk", None):
        return document
    if document.organisation is not None and can_import_for(user, document.organisation):
        return document
    raise Http404
