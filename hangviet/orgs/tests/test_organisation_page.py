"""The organisation page over HTTP: who sees it, who may change members, what it shows."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.orgs import actions, queries
from hangviet.orgs.models import Membership, Person
from hangviet.orgs.tests.factories import World

pytestmark = pytest.mark.django_db

# (persona or None for anonymous, target, expected GET status, expected POST status)
HTTP_MATRIX = [
    (None, "vinh_long", 302, 302),  # anonymous: sent to the login page
    ("vl_office", "vinh_long", 200, 302),  # own committee: reads, appoints (then redirected back)
    ("vl_viewer", "vinh_long", 200, 403),  # visible but read-only
    ("vl_office", "vl_commune", 200, 403),  # child: reads, may not change
    ("vl_office", "tra_vinh", 200, 302),  # historic committee merged into its own: the custodian
    ("vl_office", "an_giang", 404, 404),  # sibling province: as if it did not exist
    ("vl_office", "central", 404, 404),  # parent: no reading upwards
    ("commune_clerk", "vl_commune", 200, 302),
    ("commune_clerk", "vl_sibling_commune", 404, 404),
    ("commune_clerk", "vinh_long", 404, 404),
    ("vl_trade_clerk", "vinh_long", 404, 404),
    ("central_office", "vinh_long", 200, 403),
    ("ag_office", "vinh_long", 404, 404),
]


@pytest.mark.parametrize(("persona", "target", "get_status", "post_status"), HTTP_MATRIX)
def test_http_permission_matrix(
    client: Client, world: World, persona: str | None, target: str, get_status: int, post_status: int
) -> None:
    if persona:
        client.force_login(getattr(world, persona))
    organisation = getattr(world, target)
    assert client.get(reverse("orgs:detail", args=[organisation.pk])).status_code == get_status
    response = client.post(
        reverse("orgs:appoint", args=[organisation.pk]),
        {"full_name": "Nguyễn Văn Mới", "role": Membership.Role.MEMBER, "start": "2026-01-05"},
    )
    assert response.status_code == post_status
    appointed = Membership.objects.filter(committee=organisation, person__full_name="Nguyễn Văn Mới").exists()
    assert appointed is (post_status == 302 and persona is not None)


def test_the_committee_page_shows_members_agencies_communes_and_the_historic_committee(
    client: Client, world: World, django_assert_max_num_queries
) -> None:
    chair = Person.objects.create(full_name="Võ Thị Hồng Nhung", position="Chủ tịch UBMTTQ tỉnh")
    seat = actions.appoint_member(
        world.vinh_long, person=chair, role=Membership.Role.CHAIR, start=datetime.date(2025, 7, 15), acting_user=None
    )
    actions.assign_area(seat, unit=world.vl_commune.unit, start=datetime.date(2025, 7, 15), acting_user=None)
    client.force_login(world.vl_office)
    with django_assert_max_num_queries(25):
        page = client.get(reverse("orgs:detail", args=[world.vinh_long.pk])).content.decode()
    assert "Võ Thị Hồng Nhung" in page and "Trưởng ban" in page
    assert "Sở Công Thương" in page and "Sở Y tế" in page
    assert world.vl_commune.name in page and world.vl_sibling_commune.name in page
    assert world.tra_vinh.name in page
    assert 'lang="vi"' in page


def test_html_typed_into_a_name_is_shown_as_text(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    client.post(
        reverse("orgs:appoint", args=[world.vinh_long.pk]),
        {"full_name": "<script>alert(1)</script> Lan", "role": Membership.Role.MEMBER, "start": "2026-01-05"},
    )
    page = client.get(reverse("orgs:detail", args=[world.vinh_long.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Lan" in page


def test_a_malformed_date_is_refused_in_vietnamese_and_nothing_is_saved(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = client.post(
        reverse("orgs:appoint", args=[world.vinh_long.pk]),
        {"full_name": "Trần Thị B", "role": Membership.Role.MEMBER, "start": "32/13/2026"},
        follow=True,
    )
    assert "Chưa bổ sung được thành viên" in response.content.decode()
    assert not Membership.objects.filter(person__full_name="Trần Thị B").exists()


def test_ending_a_seat_keeps_it_in_the_history(client: Client, world: World) -> None:
    person = Person.objects.create(full_name="Lê Minh Tâm")
    seat = actions.appoint_member(
        world.vinh_long,
        person=person,
        role=Membership.Role.VICE_CHAIR,
        start=datetime.date(2024, 1, 1),
        acting_user=None,
    )
    client.force_login(world.vl_office)
    client.post(reverse("orgs:end_membership", args=[seat.pk]), {"end": "2025-12-31"})
    seat.refresh_from_db()
    assert seat.end == datetime.date(2025, 12, 31)
    assert "Lê Minh Tâm" in client.get(reverse("orgs:detail", args=[world.vinh_long.pk])).content.decode()


def test_a_child_committee_cannot_end_a_seat_of_its_parent(client: Client, world: World) -> None:
    seat = actions.appoint_member(
        world.vinh_long,
        person=Person.objects.create(full_name="X"),
        role=Membership.Role.MEMBER,
        start=datetime.date(2024, 1, 1),
        acting_user=None,
    )
    client.force_login(world.commune_clerk)
    assert client.post(reverse("orgs:end_membership", args=[seat.pk]), {"end": "2025-12-31"}).status_code == 404
    seat.refresh_from_db()
    assert seat.end is None


def test_the_standing_office_reconstitutes_the_committee_from_the_page(client: Client, world: World) -> None:
    stays = actions.appoint_member(
        world.vinh_long,
        person=Person.objects.create(full_name="Trần Văn Phúc"),
        role=Membership.Role.VICE_CHAIR,
        start=datetime.date(2023, 3, 1),
        acting_user=None,
    )
    leaves = actions.appoint_member(
        world.vinh_long,
        person=Person.objects.create(full_name="Lê Văn Đi"),
        role=Membership.Role.MEMBER,
        start=datetime.date(2023, 3, 1),
        acting_user=None,
    )
    client.force_login(world.vl_office)
    url = reverse("orgs:reconstitute", args=[world.vinh_long.pk])
    assert "Lê Văn Đi" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "on": "2025-07-15",
            "decision": "05/QĐ-BCĐ",
            f"keep_{stays.pk}": "on",
            f"role_{stays.pk}": Membership.Role.STANDING_VICE_CHAIR,
            f"role_{leaves.pk}": Membership.Role.MEMBER,
            "new-TOTAL_FORMS": "2",
            "new-INITIAL_FORMS": "0",
            "new-0-full_name": "Thạch Thị Sa Rươne",
            "new-0-role": Membership.Role.MEMBER,
            "new-1-full_name": "",
            "new-1-role": Membership.Role.MEMBER,
        },
    )
    assert response.status_code == 302
    current = {(m.person.full_name, m.role) for m in queries.list_current_members(world.vinh_long)}
    assert current == {
        ("Trần Văn Phúc", Membership.Role.STANDING_VICE_CHAIR),
        ("Thạch Thị Sa Rươne", Membership.Role.MEMBER),
    }
    assert {m.person.full_name for m in queries.list_former_members(world.vinh_long)} == {"Trần Văn Phúc", "Lê Văn Đi"}


def test_a_viewer_cannot_reconstitute(client: Client, world: World) -> None:
    client.force_login(world.vl_viewer)
    assert client.get(reverse("orgs:reconstitute", args=[world.vinh_long.pk])).status_code == 403
    client.force_login(world.ag_office)
    assert client.post(reverse("orgs:reconstitute", args=[world.vinh_long.pk]), {}).status_code == 404


@pytest.mark.parametrize("start", ["0001-01-01", "9999-12-31", "1900-05-01"])
def test_a_membership_cannot_start_on_an_absurd_date(client: Client, world: World, start: str) -> None:
    client.force_login(world.vl_office)
    response = client.post(
        reverse("orgs:appoint", args=[world.vinh_long.pk]),
        {"full_name": "Nguyễn Văn Mới", "role": Membership.Role.MEMBER, "start": start},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Ngày phải từ 02/09/1945" in page
    assert 'value="Nguyễn Văn Mới"' in page  # what was typed is shown again
    assert not Membership.objects.filter(person__full_name="Nguyễn Văn Mới").exists()
