"""The demo's registry: old Trà Vinh's 2023-H1 report entered as registry rows gives the figures the report's
reconciliation warnings compare with (184 typed vs 178, 2 vs 3), once, however often the demo is built."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from hangviet.demo.builder import build_demo
from hangviet.demo.registry import DOCUMENT
from hangviet.ingest.proposals import propose
from hangviet.ingest.queries import mark_existing
from hangviet.ingest.reading import read_document
from hangviet.lib.periods import PeriodKey
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.registry.figures import figures_for_unit
from hangviet.registry.models import (
    Event,
    EventGroup,
    EventOrganiser,
    OcopProduct,
    OcopRecognition,
    Producer,
    SalePoint,
)
from hangviet.units.models import Unit

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parents[2] / "ingest" / "tests" / "data" / "report_travinh_2023_h1.txt"
H1_2023 = (datetime.date(2022, 12, 15), datetime.date(2023, 6, 14))


def registry_counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (Event, EventGroup, EventOrganiser, SalePoint, Producer, OcopProduct, OcopRecognition)
    )


def test_the_demo_registry_holds_tra_vinhs_2023_h1_report_once(db: None) -> None:
    build_demo()
    old_tra_vinh = Unit.objects.get(edition=Unit.Edition.PRE_2025, level=Unit.Level.PROVINCE, code="84")
    found = figures_for_unit(old_tra_vinh, *H1_2023)
    assert found["ocop_products"].value == 178
    assert (found["ocop_3_star"].value, found["ocop_4_star"].value, found["ocop_5_star"].value) == (137, 38, 3)
    assert found["ocop_producers"].value == 118
    assert found["trade_connection_events"].value == 3
    assert (found["rural_markets"].value, found["fairs"].value) == (2, 4)
    assert found["booths"].value == 120 + 10
    assert found["participating_businesses"].value == 24 * 2 + 12 + 15
    assert found["event_revenue_vnd"].words == "khoảng 1.700.000.000"
    assert found["event_visitors"].words == "hơn 10.000"
    assert found["ocop_stores"].value == 6

    committee = Organisation.objects.get(unit=old_tra_vinh, kind=Organisation.Kind.COMMITTEE)
    producers = Producer.objects.filter(recorded_by__parent=committee)
    assert set(producers.values_list("legal_form", flat=True)) == {"company", "cooperative", "coop_group", "household"}
    honey = OcopProduct.objects.get(name="Mật Hoa dừa")
    assert honey.place is not None and honey.place.unit is not None and honey.place.unit.name == "Xã Phú Cần"
    assert OcopProduct.objects.filter(name__endswith="(dữ liệu minh họa)").count() == 177
    phu_quoc = Event.objects.get(place__text="Thành phố Phú Quốc")
    co_organisers = {o.organisation.unit.name if o.organisation else o.name for o in phu_quoc.organisers.all()}
    assert co_organisers == {"Tỉnh Trà Vinh", "Tỉnh Kiên Giang", "Tỉnh Hậu Giang", "Tỉnh Bến Tre"}
    assert DOCUMENT in phu_quoc.note

    # Importing the report again proposes exactly these rows: all are already in the registry.
    proposals = [p.as_dict() for p in propose(read_document(SEED.read_bytes(), SEED.name).passages)]
    period = Period.objects.for_key(PeriodKey(2023, "H1"))
    assert len(proposals) == 16 and all(mark_existing(proposals, committee, period))

    # Illustrative renewals keep most products in force after their first recognition lapses.
    on_1_1_2025 = figures_for_unit(old_tra_vinh, datetime.date(2024, 12, 15), datetime.date(2025, 1, 1))
    assert 140 <= on_1_1_2025["ocop_products"].value < 178

    # The public portal: a visitor searching "nuoc mam" finds sample fish sauces; the stores are on the map.
    from hangviet.portal.search import ProductQuery, search_products

    fish_sauce = search_products(ProductQuery(text="nuoc mam"))
    assert fish_sauce.count >= 20 and all("Nước mắm" in hit.product.name for hit in fish_sauce.items)
    stores = SalePoint.objects.filter(recorded_by=committee).select_related("place")
    assert stores.count() == 6 and all(store.place and store.place.has_coordinates for store in stores)
    from hangviet.demo.registry import UPCOMING_FAIR
    from hangviet.portal.queries import list_events

    upcoming = list_events(upcoming=True, day=datetime.date(2026, 12, 1))
    assert [event.name for event in upcoming] == [UPCOMING_FAIR]

    counts = registry_counts()
    build_demo()
    assert registry_counts() == counts
