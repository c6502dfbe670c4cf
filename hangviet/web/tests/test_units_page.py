"""The unit lookup page, with and without htmx."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.orgs.tests.factories import World

pytestmark = pytest.mark.django_db


def test_it_shows_what_an_old_ward_became(client: Client, world: World) -> None:
    client.force_login(world.commune_clerk)
    page = client.get(reverse("web:units"), {"q": "Phường 1, Thành phố Trà Vinh, Tỉnh Trà Vinh"}).content.decode()
    assert "Đơn vị cũ" in page and "Phường Trà Vinh, Tỉnh Vĩnh Long" in page


def test_htmx_gets_only_the_result_fragment(client: Client, world: World) -> None:
    client.force_login(world.commune_clerk)
    page = client.get(reverse("web:units"), {"q": "Tỉnh Kiên Giang"}, headers={"HX-Request": "true"}).content.decode()
    assert "Tỉnh An Giang" in page and "<html" not in page


def test_an_unknown_or_oversized_name_gets_a_clear_message(client: Client, world: World) -> None:
    client.force_login(world.commune_clerk)
    assert "Không tìm thấy đơn vị" in client.get(reverse("web:units"), {"q": "Xã Không Có"}).content.decode()
    assert "quá dài" in client.get(reverse("web:units"), {"q": "x" * 400}).content.decode()


def test_it_needs_a_signed_in_user(client: Client, db: None) -> None:
    assert client.get(reverse("web:units"), {"q": "Tỉnh Kiên Giang"}).status_code == 302
