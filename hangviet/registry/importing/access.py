"""Gates and lists for imports: whom a user may import for, and the imports a user may follow.

An import is recorded by an organisation the user edits (``orgs/policy.grant_for(...).can_edit``). An uploaded
list is seen by the person who uploaded it, while they still read the recording organisation (404 otherwise:
another clerk's file does not leak); confirming it needs the edit right still (403).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Need, grant_for, importable_ids
from hangviet.registry.models import ImportJob

RECENT = 10


def editable_organisations(user: User | AnonymousUser) -> list[Organisation]:
    """The organisations ``user`` may record registry rows for (its own, and merged committees it completes)."""
    candidates = Organisation.objects.filter(pk__in=importable_ids(user)).select_related("unit").order_by("name")
    found = [org for org in candidates if (grant := grant_for(user, org)) is not None and grant.can_edit]
    # today's organisations first (the one a clerk means), committees before agencies; merged ones last
    found.sort(key=lambda o: (o.valid_to is not None, o.kind != Organisation.Kind.COMMITTEE, o.name))
    return found


def get_import_job_for_user(user: User | AnonymousUser, job_id: int, *, need: Need) -> ImportJob:
    job = get_object_or_404(ImportJob.objects.select_related("recorded_by__unit", "created_by"), pk=job_id)
    if not user.is_authenticated or job.created_by_id != user.pk:
        raise Http404
    grant = grant_for(user, job.recorded_by)
    if grant is None:
        raise Http404
    if not grant.allows(need):
        raise PermissionDenied
    return job


def recent_jobs(user: User | AnonymousUser) -> list[ImportJob]:
    if not user.is_authenticated:
        return []
    jobs = ImportJob.objects.filter(created_by_id=user.pk).select_related("recorded_by").order_by("-created_at")
    return list(jobs[:RECENT])
