"""The API answers under the same permission policy as the pages."""

from __future__ import annotations

import pytest
from django.test import Client

from hangviet.orgs.tests.factories import World

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "target", "status"),
    [
        (None, "vinh_long", 401),
        ("vl_office", "vinh_long", 200),
        ("vl_office", "vl_commune", 200),
        ("vl_office", "an_giang", 404),
        ("vl_office", "central", 404),
        ("commune_clerk", "vl_sibling_commune", 404),
        ("vl_trade_clerk", "vinh_long", 404),
        ("central_office", "vl_commune", 200),
    ],
)
def test_reading_an_organisation(client: Client, world: World, persona: str | None, target: str, status: int) -> None:
    if persona:
        client.force_login(getattr(world, persona))
    organisation = getattr(world, target)
    response = client.get(f"/api/organisations/{organisation.pk}")
    assert response.status_code == status
    if status == 200:
        assert response.json()["name"] == organisation.name
    for sub in ("members", "children"):
        assert client.get(f"/api/organisations/{organisation.pk}/{sub}").status_code == status


def test_vietnamese_comes_back_unescaped(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = client.get("/api/units/resolve", {"q": "Tỉnh Kiên Giang"})
    assert "Tỉnh An Giang" in response.content.decode()
    assert response.json()["current"][0]["code"] == "91"


def test_me_lists_the_roles(client: Client, world: World) -> None:
    client.force_login(world.vl_trade_clerk)
    assert client.get("/api/me").json()["roles"] == [
        {"organisation_id": world.vl_trade.pk, "organisation": "Sở Công Thương", "role": "clerk"}
    ]


def test_an_unknown_unit_is_a_vietnamese_404(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = client.get("/api/units/resolve", {"q": "Xã Không Có Thật"})
    assert response.status_code == 404 and "Không tìm thấy" in response.json()["detail"]


def test_the_documentation_is_served(client: Client, world: World) -> None:
    assert client.get("/api/docs").status_code == 200
    assert "/api/organisations/{organisation_id}" in client.get("/api/openapi.json").content.decode()
