"""A place written with an address that no longer exists shows what it is today, on the lists clerks read."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.registry import actions

pytestmark = pytest.mark.django_db


def test_a_product_recorded_under_an_old_ward_is_shown_under_todays_ward(client: Client, world) -> None:
    producer = actions.create_producer(world.tv_agency, name="Cơ sở bánh tét", acting_user=None)
    product = actions.record_product(
        world.tv_agency,
        name="Bánh tét Trà Cuôn",
        producer=producer,
        place_text="Phường 1, thành phố Trà Vinh",
        acting_user=None,
    )
    actions.recognise_product(product, stars=3, decided_on=datetime.date(2024, 5, 2), acting_user=None)
    client.force_login(world.vl_office)
    page = client.get(reverse("registry:products")).content.decode()
    assert "Phường 1, thành phố Trà Vinh" in page  # as written
    assert "nay là Phường Trà Vinh, Tỉnh Vĩnh Long" in page  # and where that is today
