"""Access gates: the only way views and the API obtain organisations and their people for a user.

Not visible → 404 (never reveal that it exists); visible but not allowed for this need → 403.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.orgs.models import Membership, Organisation
from hangviet.orgs.policy import Grant, Need, grant_for


def check_access(user: User | AnonymousUser, organisation: Organisation, need: Need) -> Grant:
    """Return the user's grant on ``organisation``; raise Http404 if unseen, PermissionDenied if not allowed."""
    grant = grant_for(user, organisation)
    if grant is None:
        raise Http404
    if not grant.allows(need):
        raise PermissionDenied
    return grant


def get_organisation_for_user(
    user: User | AnonymousUser, organisation_id: int, *, need: Need
) -> tuple[Organisation, Grant]:
    """Fetch an organisation by id for ``user`` with the given need (see the module's contract)."""
    organisation = get_object_or_404(Organisation.objects.select_related("unit", "parent"), pk=organisation_id)
    return organisation, check_access(user, organisation, need)


def get_membership_for_user(user: User | AnonymousUser, membership_id: int, *, need: Need) -> Membership:
    """Fetch a committee seat; access follows the committee it belongs to."""
    membership = get_object_or_404(Membership.objects.select_related("committee", "person", "agency"), pk=membership_id)
    check_access(user, membership.committee, need)
    return membership
