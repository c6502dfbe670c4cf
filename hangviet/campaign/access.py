"""Access gates: the only way views obtain campaign rows for a user (``orgs/policy.campaign_grant``).

Not visible → 404; visible but not allowed → 403. ``Need.REVIEW`` here means "the committee's own office"
(set quotas, remind, run a scheme)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.campaign.models import Award, AwardScheme, MediaOutlet, Nomination
from hangviet.orgs.models import Organisation, UserRole
from hangviet.orgs.policy import Grant, Need, campaign_grant, can_read_plans, list_subtree_ids


def _check(grant: Grant | None, need: Need) -> Grant:
    if grant is None:
        raise Http404
    if not grant.allows(need):
        raise PermissionDenied
    return grant


def get_committee_for_user(user: User | AnonymousUser, committee_id: int, *, need: Need) -> tuple[Organisation, Grant]:
    """A committee (an agency's id is 404 here): read by whoever reads it; REVIEW by its own office."""
    committee = get_object_or_404(
        Organisation.objects.select_related("unit"), pk=committee_id, kind=Organisation.Kind.COMMITTEE
    )
    return committee, _check(campaign_grant(user, committee, committee), need)


def get_organisation_for_user(
    user: User | AnonymousUser, organisation_id: int, *, need: Need
) -> tuple[Organisation, Grant]:
    organisation = get_object_or_404(Organisation.objects.select_related("unit"), pk=organisation_id)
    return organisation, _check(campaign_grant(user, organisation), need)


def get_outlet_for_user(user: User | AnonymousUser, outlet_id: int, *, need: Need) -> tuple[MediaOutlet, Grant]:
    """An outlet is its owner's: the owner's editors record items, whoever reads the owner reads them."""
    outlet = get_object_or_404(MediaOutlet.objects.select_related("owner__unit"), pk=outlet_id)
    return outlet, _check(campaign_grant(user, outlet.owner), need)


def get_scheme_for_user(user: User | AnonymousUser, scheme_id: int, *, need: Need) -> tuple[AwardScheme, Grant]:
    """A scheme flows down like a plan (everything below its committee reads it and may nominate); its
    committee's office runs it (REVIEW). Nominating is checked against the proposing organisation."""
    scheme = get_object_or_404(AwardScheme.objects.select_related("owner__unit"), pk=scheme_id)
    grant = campaign_grant(user, scheme.owner, scheme.owner)
    if grant is None and can_read_plans(user, scheme.owner):
        grant = Grant(
            organisation_id=scheme.owner_id, can_read=True, can_edit=False, can_review=False, role=UserRole.Role.VIEWER
        )
    return scheme, _check(grant, need)


def get_nomination_for_user(user: User | AnonymousUser, nomination_id: int, *, need: Need) -> tuple[Nomination, Grant]:
    nomination = get_object_or_404(Nomination.objects.select_related("scheme__owner", "proposer"), pk=nomination_id)
    return nomination, _check(campaign_grant(user, nomination.proposer, nomination.scheme.owner), need)


def get_award_for_user(user: User | AnonymousUser, award_id: int, *, need: Need) -> tuple[Award, Grant]:
    award = get_object_or_404(Award.objects.select_related("nomination__scheme__owner"), pk=award_id)
    owner = award.nomination.scheme.owner
    return award, _check(campaign_grant(user, owner, owner), need)


def get_committee_for_schemes(
    user: User | AnonymousUser, committee_id: int, *, need: Need
) -> tuple[Organisation, Grant]:
    """A committee's award schemes: read by whoever reads the committee and by everything below it (they
    nominate); created by its own office (REVIEW)."""
    committee = get_object_or_404(
        Organisation.objects.select_related("unit"), pk=committee_id, kind=Organisation.Kind.COMMITTEE
    )
    grant = campaign_grant(user, committee, committee)
    if grant is None and can_read_plans(user, committee):
        grant = Grant(
            organisation_id=committee.pk, can_read=True, can_edit=False, can_review=False, role=UserRole.Role.VIEWER
        )
    return committee, _check(grant, need)


def get_quota_outlet(committee: Organisation, outlet_id: int) -> MediaOutlet:
    """An outlet of ``committee``'s board (its own or below it); 404 otherwise."""
    return get_object_or_404(
        MediaOutlet.objects.select_related("owner"), pk=outlet_id, owner_id__in=list_subtree_ids({committee.pk})
    )
