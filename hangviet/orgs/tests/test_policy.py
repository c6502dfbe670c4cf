"""The permission matrix: each role × own / child / sibling / parent organisation × read / write."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from hangviet.orgs.policy import Need, grant_for, visible_organisation_ids
from hangviet.orgs.tests.factories import World

pytestmark = pytest.mark.django_db

R, W = Need.READ, Need.EDIT

# (persona, target, need, allowed). Every persona is tried on its own organisation, a child, a sibling
# and its parent; each "False" is a denial the policy must make.
MATRIX = [
    # standing office of a province committee
    ("vl_office", "vinh_long", R, True),
    ("vl_office", "vinh_long", W, True),
    ("vl_office", "vl_trade", R, True),
    ("vl_office", "vl_trade", W, False),
    ("vl_office", "vl_commune", R, True),
    ("vl_office", "vl_commune", W, False),
    ("vl_office", "tra_vinh", R, True),
    ("vl_office", "tra_vinh", W, True),
    ("vl_office", "tv_district", R, True),
    ("vl_office", "tv_district", W, False),
    ("vl_office", "an_giang", R, False),
    ("vl_office", "an_giang", W, False),
    ("vl_office", "ag_trade", R, False),
    ("vl_office", "ag_trade", W, False),
    ("vl_office", "central", R, False),
    ("vl_office", "central", W, False),
    # secretariat: the same as the standing office
    ("vl_secretariat", "vinh_long", W, True),
    ("vl_secretariat", "vl_commune", R, True),
    ("vl_secretariat", "vl_commune", W, False),
    ("vl_secretariat", "an_giang", R, False),
    # read-only member of the committee
    ("vl_viewer", "vinh_long", R, True),
    ("vl_viewer", "vinh_long", W, False),
    ("vl_viewer", "vl_trade", R, False),
    ("vl_viewer", "vl_trade", W, False),
    ("vl_viewer", "central", R, False),
    # member agency clerk
    ("vl_trade_clerk", "vl_trade", R, True),
    ("vl_trade_clerk", "vl_trade", W, True),
    ("vl_trade_clerk", "vl_health", R, False),
    ("vl_trade_clerk", "vl_health", W, False),
    ("vl_trade_clerk", "ag_trade", R, False),
    ("vl_trade_clerk", "vinh_long", R, False),
    ("vl_trade_clerk", "vinh_long", W, False),
    ("vl_trade_clerk", "tv_agency", R, False),
    # commune committee clerk
    ("commune_clerk", "vl_commune", R, True),
    ("commune_clerk", "vl_commune", W, True),
    ("commune_clerk", "vl_sibling_commune", R, False),
    ("commune_clerk", "vl_sibling_commune", W, False),
    ("commune_clerk", "vinh_long", R, False),
    ("commune_clerk", "vinh_long", W, False),
    ("sibling_commune_clerk", "vl_commune", R, False),
    # central standing office reads everything, edits only its own
    ("central_office", "central", W, True),
    ("central_office", "vinh_long", R, True),
    ("central_office", "vinh_long", W, False),
    ("central_office", "vl_commune", R, True),
    ("central_office", "vl_commune", W, False),
    ("central_office", "tv_district", R, True),
    ("central_office", "ag_trade", R, True),
    # another province's standing office
    ("ag_office", "an_giang", W, True),
    ("ag_office", "ag_trade", R, True),
    ("ag_office", "vinh_long", R, False),
    ("ag_office", "vl_commune", R, False),
    ("ag_office", "tra_vinh", R, False),
    ("ag_office", "central", R, False),
]


@pytest.mark.parametrize(("persona", "target", "need", "allowed"), MATRIX)
def test_permission_matrix(world: World, persona: str, target: str, need: Need, allowed: bool) -> None:
    grant = grant_for(getattr(world, persona), getattr(world, target))
    assert (grant is not None and grant.allows(need)) is allowed


def test_anonymous_sees_nothing(world: World) -> None:
    assert grant_for(AnonymousUser(), world.central) is None
    assert visible_organisation_ids(AnonymousUser()) == set()


def test_an_inactive_user_sees_nothing(world: World) -> None:
    world.vl_office.is_active = False
    assert grant_for(world.vl_office, world.vinh_long) is None


def test_an_expired_role_grants_nothing(world: World) -> None:
    world.vl_trade_clerk.org_roles.update(valid_to="2024-12-31")
    assert grant_for(world.vl_trade_clerk, world.vl_trade) is None


def test_the_listing_agrees_with_the_single_object_answer(world: World) -> None:
    for persona in ("vl_office", "vl_trade_clerk", "commune_clerk", "central_office", "ag_office", "vl_viewer"):
        user = getattr(world, persona)
        visible = visible_organisation_ids(user)
        for name in (
            "central",
            "vinh_long",
            "vl_trade",
            "vl_health",
            "vl_commune",
            "vl_sibling_commune",
            "an_giang",
            "ag_trade",
            "tra_vinh",
            "tv_district",
            "tv_agency",
        ):
            organisation = getattr(world, name)
            assert (organisation.pk in visible) is (grant_for(user, organisation) is not None), (persona, name)


def test_a_successor_is_the_custodian_of_its_predecessors_records(world: World) -> None:
    from hangviet.orgs import actions
    from hangviet.orgs.tests.factories import make_agency

    old_trade = make_agency(world.vinh_long, "Sở Thông tin và Truyền thông")
    actions.merge_organisations(
        [old_trade], world.vl_trade, on=__import__("datetime").date(2025, 3, 1), acting_user=None
    )
    grant = grant_for(world.vl_trade_clerk, old_trade)
    assert grant is not None and grant.can_read and grant.can_edit and not grant.can_review
    viewer_grant = grant_for(world.vl_viewer, world.tra_vinh)
    assert viewer_grant is not None and not viewer_grant.can_edit
