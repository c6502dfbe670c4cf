"""The registries' read API: only rows the caller may read, a page at a time, and figures for a unit only for
whoever may read every committee they sum."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from hangviet.orgs.tests.factories import World
from hangviet.registry import actions
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.catalogue import Qualifier
from hangviet.registry.models import Event, EventOrganiser

pytestmark = pytest.mark.django_db

DAY = datetime.date(2023, 3, 10)


def _event(recorder, name: str, day: datetime.date = DAY, organisers=(), **figures) -> Event:
    return actions.record_event(
        recorder,
        fields={"name": name, "kind": "trade_connection", "starts_on": day, "ends_on": day, **figures},
        organisers=organisers,
        acting_user=None,
    )


@pytest.fixture
def events(world: World) -> dict[str, Event]:
    return {
        "conference": _event(
            world.tra_vinh,
            "Hội nghị kết nối cung cầu tại Phú Quốc",
            organisers=[OrganiserInput(EventOrganiser.Role.CO_ORGANISER, world.vl_trade)],
            businesses=40,
            products=30,
            products_q=Qualifier.MORE_THAN,
        ),
        "trade": _event(world.vl_trade, "Chuyến kết nối tại Bến Tre", day=datetime.date(2023, 7, 2)),
        "an_giang": _event(world.ag_trade, "Hội nghị giao thương An Giang"),
    }


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


def test_the_event_list_shows_only_what_the_caller_may_read(client: Client, world: World, events: dict) -> None:
    client.force_login(world.vl_office)
    assert names(client.get("/api/registry/events")) == [
        "Chuyến kết nối tại Bến Tre",
        "Hội nghị kết nối cung cầu tại Phú Quốc",
    ]
    client.force_login(world.ag_office)
    assert names(client.get("/api/registry/events")) == ["Hội nghị giao thương An Giang"]
    client.force_login(world.commune_clerk)
    assert names(client.get("/api/registry/events")) == []


def test_a_co_organiser_reads_the_event_it_did_not_record(client: Client, world: World, events: dict) -> None:
    client.force_login(world.vl_trade_clerk)
    assert "Hội nghị kết nối cung cầu tại Phú Quốc" in names(client.get("/api/registry/events"))
    detail = client.get(f"/api/registry/events/{events['conference'].pk}")
    assert detail.status_code == 200
    body = detail.json()
    assert body["recorded_by_id"] == world.tra_vinh.pk
    assert body["figures"]["products"] == {"value": 30, "qualifier": "more_than"}
    assert [(o["organisation_id"], o["role"]) for o in body["organisers"]] == [
        (world.tra_vinh.pk, "lead"),
        (world.vl_trade.pk, "co_organiser"),
    ]


@pytest.mark.parametrize(
    ("persona", "status"),
    [(None, 401), ("ag_office", 404), ("sibling_commune_clerk", 404), ("vl_office", 200), ("vl_viewer", 200)],
)
def test_who_reads_one_event(client: Client, world: World, events: dict, persona: str | None, status: int) -> None:
    if persona:
        client.force_login(getattr(world, persona))
    response = client.get(f"/api/registry/events/{events['conference'].pk}")
    assert response.status_code == status
    if status == 404:
        assert response.json() == {"detail": "Không tìm thấy."}


def test_lists_filter_by_period_and_organisation_and_come_a_page_at_a_time(
    client: Client, world: World, events: dict
) -> None:
    client.force_login(world.vl_office)
    assert names(client.get("/api/registry/events", {"period": "2023-H1"})) == [
        "Hội nghị kết nối cung cầu tại Phú Quốc"
    ]
    by_trade = client.get("/api/registry/events", {"organisation": world.vl_trade.pk})
    assert names(by_trade) == ["Chuyến kết nối tại Bến Tre", "Hội nghị kết nối cung cầu tại Phú Quốc"]
    page = client.get("/api/registry/events", {"limit": 1, "offset": 1}).json()
    assert (page["count"], page["limit"], page["offset"]) == (2, 1, 1)
    assert [item["name"] for item in page["items"]] == ["Hội nghị kết nối cung cầu tại Phú Quốc"]
    assert client.get("/api/registry/events", {"limit": 101}).status_code == 422
    assert client.get("/api/registry/events", {"period": "2023-H3"}).status_code == 422
    assert client.get("/api/registry/events", {"organisation": world.an_giang.pk}).status_code == 404


def test_the_ocop_list_holds_the_products_with_stars_in_force_today(client: Client, world: World) -> None:
    today = timezone.localdate()
    in_force = actions.record_product(world.vl_trade, name="Mật hoa dừa", producer=None, acting_user=None)
    actions.recognise_product(in_force, stars=3, decided_on=today - datetime.timedelta(days=400), acting_user=None)
    actions.recognise_product(
        in_force, stars=4, decided_on=today - datetime.timedelta(days=30), decision="QĐ 12/QĐ-UBND", acting_user=None
    )
    expired = actions.record_product(world.vl_trade, name="Kẹo dừa", producer=None, acting_user=None)
    actions.recognise_product(
        expired,
        stars=3,
        decided_on=today - datetime.timedelta(days=900),
        valid_to=today - datetime.timedelta(days=1),
        acting_user=None,
    )
    revoked = actions.record_product(world.vl_trade, name="Bánh tét", producer=None, acting_user=None)
    recognition = actions.recognise_product(
        revoked, stars=3, decided_on=today - datetime.timedelta(days=60), acting_user=None
    )
    actions.revoke_recognition(recognition, on=today, reason="Vi phạm", acting_user=None)
    elsewhere = actions.record_product(world.ag_trade, name="Khô cá lóc", producer=None, acting_user=None)
    actions.recognise_product(elsewhere, stars=3, decided_on=today - datetime.timedelta(days=10), acting_user=None)

    client.force_login(world.vl_office)
    body = client.get("/api/registry/ocop").json()
    assert body["on"] == today.isoformat()
    assert [(p["name"], p["stars"], p["decision"]) for p in body["items"]] == [("Mật hoa dừa", 4, "QĐ 12/QĐ-UBND")]
    client.force_login(world.ag_office)
    assert names(client.get("/api/registry/ocop")) == ["Khô cá lóc"]


def test_the_sale_point_list_shows_only_what_the_caller_may_read(client: Client, world: World) -> None:
    for recorder, name, kind in (
        (world.vl_trade, "Cửa hàng đặc sản quê Hai Ứng", "ocop_store"),
        (world.vl_trade, "Điểm bán Tự hào hàng Việt Nam Co.opmart", "proud_viet"),
        (world.ag_trade, "Cửa hàng OCOP Long Xuyên", "ocop_store"),
    ):
        actions.record_sale_point(recorder, fields={"name": name, "kind": kind}, acting_user=None)
    client.force_login(world.vl_trade_clerk)
    assert names(client.get("/api/registry/salepoints")) == [
        "Cửa hàng đặc sản quê Hai Ứng",
        "Điểm bán Tự hào hàng Việt Nam Co.opmart",
    ]
    assert names(client.get("/api/registry/salepoints", {"kind": "ocop_store"})) == ["Cửa hàng đặc sản quê Hai Ứng"]
    assert client.get("/api/registry/salepoints", {"kind": "sieu_thi"}).status_code == 422


def test_figures_for_a_unit_count_the_co_organised_event_once(client: Client, world: World, events: dict) -> None:
    client.force_login(world.vl_office)
    response = client.get("/api/registry/figures", {"unit": "Tỉnh Vĩnh Long", "period": "2023-H1"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["trade_connection_events"] == {
        "value": 1,
        "qualifier": "exact",
        "words": "1",
        "records": 1,
        "registry": "events",
    }
    assert body["products_displayed"]["words"] == "hơn 30"
    old = client.get("/api/registry/figures", {"unit": "Tỉnh Trà Vinh", "period": "2023-H1"}).json()
    assert old["trade_connection_events"]["value"] == 1


@pytest.mark.parametrize(
    ("persona", "unit", "status"),
    [
        (None, "Tỉnh Vĩnh Long", 401),
        ("ag_office", "Tỉnh Vĩnh Long", 404),
        ("vl_trade_clerk", "Tỉnh Vĩnh Long", 404),  # an agency does not read its committee's whole scope
        ("commune_clerk", "Tỉnh Vĩnh Long", 404),
        ("vl_office", "Tỉnh Không Có", 404),
        ("central_office", "Tỉnh Vĩnh Long", 200),
    ],
)
def test_who_reads_the_figures_of_a_unit(
    client: Client, world: World, events: dict, persona: str | None, unit: str, status: int
) -> None:
    if persona:
        client.force_login(getattr(world, persona))
    assert client.get("/api/registry/figures", {"unit": unit, "period": "2023-H1"}).status_code == status


def test_a_malformed_period_for_figures_is_explained(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = client.get("/api/registry/figures", {"unit": "Tỉnh Vĩnh Long", "period": "2023-Q9"})
    assert response.status_code == 422
    assert response.json()["detail"]
