"""Export → import: every registry's .xlsx is read back by the importer; what is unchanged is matched, and a list
imported into an empty registry comes back the same."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from hangviet.registry import actions
from hangviet.registry.catalogue import Qualifier
from hangviet.registry.exporting import export_workbook
from hangviet.registry.importing.engine import import_file
from hangviet.registry.models import Club, Event, ModelArea, OcopProduct, OcopRecognition, Place, Producer, SalePoint

pytestmark = pytest.mark.django_db


def _fill(world) -> None:
    recorder = world.tra_vinh
    producer = actions.create_producer(
        recorder,
        name="Hợp tác xã Mật hoa dừa",
        address="xã Phú Cần, huyện Tiểu Cần",
        acting_user=None,
        legal_form="cooperative",
        contact="0294 3 123 456",
    )
    honey = actions.record_product(
        recorder, name="Mật hoa dừa", producer=producer, category="Thực phẩm", acting_user=None
    )
    actions.recognise_product(
        honey, stars=3, decided_on=datetime.date(2021, 5, 4), decision="12/QĐ-UBND", acting_user=None
    )
    actions.recognise_product(
        honey, stars=4, decided_on=datetime.date(2023, 2, 1), issuer="UBND tỉnh", acting_user=None
    )
    revoked = actions.record_product(
        recorder, name="Trà sen", producer=None, place_text="Khu Di tích Ao Bà Om", acting_user=None
    )
    recognition = actions.recognise_product(revoked, stars=3, decided_on=datetime.date(2022, 1, 1), acting_user=None)
    actions.revoke_recognition(recognition, on=datetime.date(2023, 3, 1), reason="Vi phạm", acting_user=None)
    actions.record_sale_point(
        recorder,
        fields={"name": "Điểm dừng chân Sáu Dư", "kind": "ocop_stop", "opened_on": datetime.date(2021, 7, 1)},
        place_text="ấp Rạch Dừa, xã Đại Phước, huyện Càng Long",
        acting_user=None,
    )
    actions.record_event(
        recorder,
        fields={
            "name": "Phiên chợ hàng Việt về nông thôn",
            "kind": "rural_market",
            "programme": "Tết Quân – Dân năm 2023",
            "starts_on": datetime.date(2023, 1, 10),
            "ends_on": datetime.date(2023, 1, 12),
            "businesses": 24,
            "revenue_vnd": 850_000_000,
            "revenue_vnd_q": Qualifier.ABOUT,
            "visitors": 5000,
            "visitors_q": Qualifier.MORE_THAN,
            "tonnes": Decimal("2.5"),
        },
        place_text="huyện Châu Thành",
        organisers=[actions.OrganiserInput("co_organiser", name="Bộ Chỉ huy Quân sự tỉnh")],
        acting_user=None,
    )
    actions.record_model_area(
        recorder,
        fields={"name": "Khu dân cư ấp Cồn Chim", "status": "recognised", "recognised_on": datetime.date(2022, 9, 2)},
        place_text="ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành",
        acting_user=None,
    )
    actions.record_club(
        recorder,
        fields={"name": "CLB Người tiêu dùng phường 1", "kind": "consumer", "members": 35},
        place_text="phường 1, thành phố Trà Vinh",
        acting_user=None,
    )


@pytest.mark.parametrize("kind", ["ocop", "salepoints", "events", "areas", "clubs"])
def test_an_exported_registry_is_read_back_and_matched_row_for_row(world, kind):
    _fill(world)
    content = export_workbook(kind, {world.tra_vinh.pk})
    result = import_file(content, f"{kind}.xlsx", kind, world.tra_vinh, dry_run=True, acting_user=None)
    assert result.summary()["refused"] == [] and result.created == 0
    assert result.matched == {"ocop": 3, "salepoints": 1, "events": 1, "areas": 1, "clubs": 1}[kind]


def _snapshot() -> dict[str, list[tuple]]:
    return {
        "products": sorted(
            OcopProduct.objects.values_list(
                "name", "category", "producer__name", "producer__legal_form", "place__text", "place__unit"
            )
        ),
        "recognitions": sorted(
            OcopRecognition.objects.values_list(
                "product__name", "stars", "decided_on", "decision", "issuer", "valid_to", "revoked_on", "revoked_reason"
            )
        ),
        "points": sorted(
            SalePoint.objects.values_list("name", "kind", "status", "opened_on", "place__text", "place__unit")
        ),
        "events": sorted(
            Event.objects.values_list(
                "name",
                "kind",
                "programme",
                "starts_on",
                "ends_on",
                "businesses",
                "revenue_vnd",
                "revenue_vnd_q",
                "visitors",
                "visitors_q",
                "tonnes",
                "place__unit",
            )
        ),
        "areas": sorted(ModelArea.objects.values_list("name", "status", "recognised_on", "place__unit")),
        "clubs": sorted(Club.objects.values_list("name", "kind", "members", "place__unit")),
    }


def test_a_registry_imported_from_its_export_comes_back_the_same(world):
    _fill(world)
    before = _snapshot()
    exported = {kind: export_workbook(kind, None) for kind in ("ocop", "salepoints", "events", "areas", "clubs")}
    for model in (OcopRecognition, OcopProduct, Producer, SalePoint, Event, ModelArea, Club, Place):
        model.objects.all().delete()
    for kind, content in exported.items():
        result = import_file(content, f"{kind}.xlsx", kind, world.tra_vinh, dry_run=False, acting_user=None)
        assert result.summary()["refused"] == []
    assert _snapshot() == before
