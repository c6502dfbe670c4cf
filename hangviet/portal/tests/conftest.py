"""A small public catalogue on real units: products in An Giang (Phú Quốc) and Vĩnh Long, sale points, events."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.cache import cache

from hangviet.portal.search import forget_vocabulary
from hangviet.registry import actions
from hangviet.registry.models import Event, OcopProduct, SalePoint

TODAY = datetime.date.today()
RECENT = TODAY - datetime.timedelta(days=200)


@dataclass
class Catalogue:
    phu_quoc: OcopProduct
    anchovy: OcopProduct
    nectar: OcopProduct
    soy: OcopProduct
    hidden: OcopProduct
    hostile: OcopProduct
    store: SalePoint
    closed: SalePoint
    ag_store: SalePoint
    fair: Event
    past_market: Event
    private_event: Event


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()
    forget_vocabulary()


@pytest.fixture
def catalogue(world) -> Catalogue:
    ag, vl = world.ag_trade, world.vl_trade
    fish = actions.create_producer(
        ag, name="Công ty TNHH Nước mắm Hưng Thịnh", address="Đặc khu Phú Quốc", acting_user=None
    )
    coop = actions.create_producer(vl, name="Hợp tác xã Dừa Sáp Cầu Kè", address="Phường Trà Vinh", acting_user=None)

    def product(org, name, producer, stars, **fields):
        made = actions.record_product(org, name=name, producer=producer, acting_user=None, **fields)
        if stars:
            actions.recognise_product(
                made, stars=stars, decided_on=RECENT, decision="Quyết định 12/QĐ-UBND", acting_user=None
            )
        return made

    phu_quoc = product(ag, "Nước mắm Phú Quốc 40 độ đạm", fish, 5, category="Thực phẩm")
    anchovy = product(vl, "Nước mắm cá cơm Trà Vinh", coop, 3, category="Thực phẩm")
    nectar = product(vl, "Mật hoa dừa", coop, 4, category="Đồ uống")
    soy = product(ag, "Nước tương Phú Quốc", fish, 3, category="Thực phẩm")
    hidden = product(vl, "Nước mắm chưa công bố", coop, 4, is_public=False)
    hostile = product(vl, "<script>alert(1)</script> Kẹo dừa", coop, 3)
    store = actions.record_sale_point(
        vl,
        fields={"name": "Cửa hàng OCOP Trà Vinh", "kind": "ocop_store"},
        place_text="số 40, đường Nguyễn Thái Học, Phường Trà Vinh",
        place_details={"latitude": Decimal("9.934700"), "longitude": Decimal("106.345300")},
        acting_user=None,
    )
    closed = actions.record_sale_point(
        vl,
        fields={"name": "Cửa hàng đã đóng", "kind": "ocop_store", "status": SalePoint.Status.CLOSED},
        place_text="Phường Trà Vinh",
        acting_user=None,
    )
    ag_store = actions.record_sale_point(
        ag,
        fields={"name": "Điểm bán Tự hào hàng Việt Nam Phú Quốc", "kind": "proud_viet"},
        place_text="Đặc khu Phú Quốc",
        place_details={"latitude": Decimal("10.227000"), "longitude": Decimal("103.967000")},
        acting_user=None,
    )
    fair = actions.record_event(
        vl,
        fields={
            "name": "Hội chợ hàng Việt Vĩnh Long",
            "kind": "fair",
            "starts_on": TODAY + datetime.timedelta(days=10),
            "ends_on": TODAY + datetime.timedelta(days=14),
            "status": Event.Status.PLANNED,
        },
        place_text="Phường Trà Vinh",
        organisers=[actions.OrganiserInput(role="co_organiser", name="Bộ Công Thương")],
        acting_user=None,
    )
    past_market = actions.record_event(
        vl,
        fields={
            "name": "Phiên chợ hàng Việt về nông thôn",
            "kind": "rural_market",
            "starts_on": TODAY - datetime.timedelta(days=30),
            "ends_on": TODAY - datetime.timedelta(days=29),
        },
        place_text="Phường Trà Vinh",
        acting_user=None,
    )
    private_event = actions.record_event(
        vl,
        fields={
            "name": "Họp nội bộ",
            "kind": "display",
            "starts_on": TODAY + datetime.timedelta(days=3),
            "ends_on": TODAY + datetime.timedelta(days=3),
            "is_public": False,
        },
        acting_user=None,
    )
    return Catalogue(
        phu_quoc, anchovy, nectar, soy, hidden, hostile, store, closed, ag_store, fair, past_market, private_event
    )
