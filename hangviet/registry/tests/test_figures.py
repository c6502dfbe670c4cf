"""The registries compute the report's figures: events once across co-organisers and the merger, flows in the
window, stocks on the last day, group entries, qualifiers."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from hangviet.orgs.tests.factories import make_agency, make_committee, old_province
from hangviet.registry import actions, figures
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.catalogue import Qualifier
from hangviet.registry.figures import figures_for_organisation, figures_for_unit
from hangviet.registry.models import EventOrganiser, SalePoint
from hangviet.units.models import Unit

H1_2023 = (datetime.date(2022, 12, 15), datetime.date(2023, 6, 14))
H2_WINDOW = (datetime.date(2023, 6, 15), datetime.date(2023, 12, 14))
pytestmark = pytest.mark.django_db


def _event(recorder, name, kind="trade_connection", day=datetime.date(2023, 3, 10), organisers=(), **figures):
    return actions.record_event(
        recorder,
        fields={"name": name, "kind": kind, "starts_on": day, "ends_on": day, **figures},
        organisers=organisers,
        acting_user=None,
    )


def test_an_event_co_organised_by_merged_provinces_counts_once_for_their_successor_and_the_country(world):
    kien_giang = make_committee(old_province("91"), world.central, valid_to=datetime.date(2025, 6, 30))
    _event(
        world.tra_vinh,
        "Hội nghị kết nối cung cầu tại Phú Quốc",
        organisers=[
            OrganiserInput(EventOrganiser.Role.CO_ORGANISER, kien_giang),
            OrganiserInput(EventOrganiser.Role.CO_ORGANISER, name="Tỉnh Bến Tre"),
            OrganiserInput(EventOrganiser.Role.CO_ORGANISER, world.tv_district),
        ],
    )
    _event(world.tv_agency, "Chuyến kết nối tại Bến Tre", businesses=12, products=30, products_q=Qualifier.MORE_THAN)
    country = Unit.objects.get(level=Unit.Level.COUNTRY)

    assert figures_for_unit(world.vinh_long.unit, *H1_2023)["trade_connection_events"].value == 2
    assert figures_for_unit(world.tra_vinh.unit, *H1_2023)["trade_connection_events"].value == 2
    assert figures_for_unit(kien_giang.unit, *H1_2023)["trade_connection_events"].value == 1
    assert figures_for_unit(country, *H1_2023)["trade_connection_events"].value == 2
    assert figures_for_organisation(world.vinh_long, *H1_2023)["trade_connection_events"].value == 2
    products = figures_for_unit(country, *H1_2023)["products_displayed"]
    assert (products.value, products.qualifier, products.words) == (30, Qualifier.MORE_THAN, "hơn 30")


def test_per_market_figures_add_up_with_the_weakest_qualifier(world):
    for place in ("huyện Châu Thành", "thành phố Trà Vinh"):
        actions.record_event(
            world.tra_vinh,
            fields={
                "name": f"Phiên chợ hàng Việt về nông thôn tại {place}",
                "kind": "rural_market",
                "programme": "Tết Quân – Dân năm 2023",
                "starts_on": datetime.date(2023, 1, 10),
                "ends_on": datetime.date(2023, 1, 12),
                "businesses": 24,
                "booths": 60,
                "revenue_vnd": 850_000_000,
                "revenue_vnd_q": Qualifier.ABOUT,
                "visitors": 5000,
                "visitors_q": Qualifier.MORE_THAN,
            },
            place_text=place,
            acting_user=None,
        )
    found = figures_for_unit(world.vinh_long.unit, *H1_2023)
    assert found["rural_markets"].value == 2
    assert found["participating_businesses"].value == 48
    assert found["booths"].value == 120
    assert found["event_revenue_vnd"].words == "khoảng 1.700.000.000"
    assert found["event_visitors"].words == "hơn 10.000"


def test_flows_count_in_the_window_of_their_start_and_only_when_held(world):
    _event(world.vl_trade, "Hội chợ tháng 7", kind="fair", day=datetime.date(2023, 7, 1))
    _event(world.vl_trade, "Hội chợ dự kiến", kind="fair", status="planned")
    assert "fairs" not in figures_for_unit(world.vinh_long.unit, *H1_2023)
    assert figures_for_unit(world.vinh_long.unit, *H2_WINDOW)["fairs"].value == 1


def test_a_group_entry_carries_one_figure_for_its_listed_and_unlisted_events(world):
    fairs = [
        _event(world.tra_vinh, name, kind="fair")
        for name in ("Lễ hội bánh dân gian Nam bộ lần thứ X", "Hội chợ tại Việt Trì")
    ]
    actions.record_event_group(
        world.tra_vinh,
        fields={
            "description": "tham gia 04 cuộc hội chợ ngoài tỉnh và vận động doanh nghiệp trưng bày 10 gian hàng",
            "kind": "fair",
            "starts_on": H1_2023[0],
            "ends_on": H1_2023[1],
            "declared_count": 4,
            "booths": 10,
        },
        events=fairs,
        acting_user=None,
    )
    found = figures_for_organisation(world.tra_vinh, *H1_2023)
    assert found["fairs"].value == 4  # two listed, two more the document counts without naming
    assert found["booths"].value == 10


def test_ocop_stock_is_the_recognitions_in_force_on_the_last_day(world, settings):
    settings.HANGVIET_OCOP_VALIDITY_MONTHS = 36
    sct = world.tv_agency
    producer = actions.create_producer(
        sct, name="Hợp tác xã Mật Hoa dừa", address="xã Phú Cần, huyện Tiểu Cần", acting_user=None
    )
    upgraded = actions.record_product(sct, name="Mật hoa dừa", producer=producer, acting_user=None)
    actions.recognise_product(upgraded, stars=3, decided_on=datetime.date(2021, 5, 1), acting_user=None)
    actions.recognise_product(upgraded, stars=4, decided_on=datetime.date(2023, 2, 1), acting_user=None)
    expired = actions.record_product(sct, name="Sản phẩm hết hạn", producer=producer, acting_user=None)
    actions.recognise_product(expired, stars=3, decided_on=datetime.date(2020, 1, 1), acting_user=None)
    later = actions.record_product(sct, name="Sản phẩm công nhận sau kỳ", producer=None, acting_user=None)
    actions.recognise_product(later, stars=5, decided_on=datetime.date(2023, 6, 20), acting_user=None)
    revoked = actions.record_product(sct, name="Sản phẩm bị thu hồi", producer=None, acting_user=None)
    recognition = actions.recognise_product(revoked, stars=3, decided_on=datetime.date(2022, 1, 1), acting_user=None)
    actions.revoke_recognition(recognition, on=datetime.date(2023, 3, 1), reason="Vi phạm", acting_user=None)

    found = figures_for_unit(world.tra_vinh.unit, *H1_2023)
    assert (found["ocop_products"].value, found["ocop_3_star"].value, found["ocop_4_star"].value) == (1, 0, 1)
    assert found["ocop_producers"].value == 1
    on_2022 = figures_for_unit(world.vinh_long.unit, datetime.date(2022, 6, 15), datetime.date(2022, 12, 14))
    assert (on_2022["ocop_products"].value, on_2022["ocop_3_star"].value) == (3, 3)
    assert figures_for_unit(world.vinh_long.unit, *H2_WINDOW)["ocop_5_star"].value == 1


def test_sale_points_count_while_open_and_are_placed_through_the_lineage(world):
    point = actions.record_sale_point(
        world.tra_vinh,
        fields={"name": "Cửa hàng của Liên Minh HTX tỉnh Trà Vinh", "kind": "ocop_store"},
        place_text="số 40, đường Nguyễn Thái Học, phường 1, thành phố Trà Vinh",
        acting_user=None,
    )
    assert point.place.street_address == "số 40, đường Nguyễn Thái Học"
    unresolved = actions.record_sale_point(
        world.tra_vinh,
        fields={"name": "Cửa hàng tại Khu Du lịch biển Ba Động", "kind": "ocop_store"},
        place_text="Khu Du lịch biển Ba Động",
        acting_user=None,
    )
    assert unresolved.place.text == "Khu Du lịch biển Ba Động" and not unresolved.place.is_resolved
    ward = Unit.objects.get(edition=Unit.Edition.CURRENT, level=Unit.Level.COMMUNE, name="Phường Trà Vinh")
    assert figures_for_unit(world.tra_vinh.unit, *H1_2023)["ocop_stores"].value == 2
    assert figures_for_unit(world.vinh_long.unit, *H1_2023)["ocop_stores"].value == 2
    assert figures_for_unit(ward, *H1_2023)["ocop_stores"].value == 1  # the unresolved one is only in the province
    actions.verify_sale_point(point, on=datetime.date(2023, 5, 1), status=SalePoint.Status.CLOSED, acting_user=None)
    assert figures_for_unit(world.vinh_long.unit, *H1_2023)["ocop_stores"].value == 1


def test_only_consumer_clubs_are_summed_and_an_agency_sees_what_it_recorded(world):
    union = make_agency(world.vinh_long, "Hội Liên hiệp Phụ nữ tỉnh")
    actions.record_club(
        union, fields={"name": "CLB Người tiêu dùng phường", "kind": "consumer", "members": 30}, acting_user=None
    )
    actions.record_club(
        union,
        fields={"name": "CLB gia đình 5 không 3 sạch", "kind": "family_movement", "members": 40},
        acting_user=None,
    )
    found = figures_for_organisation(union, *H1_2023)
    assert (found["clubs"].value, found["club_members"].value) == (1, 30)
    assert "clubs" not in figures_for_organisation(world.vl_trade, *H1_2023)


def test_an_empty_registry_says_nothing(world):
    assert figures_for_unit(world.vinh_long.unit, *H1_2023) == {}


def test_merging_producers_moves_products_and_keeps_the_name_as_alias(world):
    keep = actions.create_producer(world.vl_trade, name="Công ty TNHH Bánh pía Sóc Trăng", acting_user=None)
    duplicate = actions.create_producer(world.vl_trade, name="Cty TNHH Banh pia Soc Trang", acting_user=None)
    product = actions.record_product(world.vl_trade, name="Bánh pía", producer=duplicate, acting_user=None)
    actions.merge_producers(keep, duplicate, acting_user=None)
    product.refresh_from_db()
    assert product.producer == keep
    assert actions.find_producer("cty tnhh banh pia soc trang") == keep
    with pytest.raises(actions.MergeError):
        actions.merge_producers(keep, keep, acting_user=None)


def test_totals_are_decimal(world):
    _event(world.vl_trade, "Chuyến đưa hàng ra đảo", kind="delivery", tonnes=Decimal("12.5"))
    assert figures_for_organisation(world.vl_trade, *H1_2023)["goods_delivered_tonnes"].value == Decimal("12.5")


def test_a_province_named_without_its_word_resolves_to_the_one_in_force_on_the_day():
    from hangviet.registry.places import resolve_text

    old = resolve_text("tại Cần Thơ", on_date=datetime.date(2023, 3, 1))
    assert (old.name, old.edition) == ("Thành phố Cần Thơ", Unit.Edition.PRE_2025)
    assert resolve_text("Cần Thơ").edition == Unit.Edition.CURRENT
    assert resolve_text("Khu Du lịch biển Ba Động") is None


def test_a_registered_source_feeds_the_bridge_and_an_empty_one_says_nothing():
    """Higher apps (complaints, oversight) feed indicators through ``register_source``: a figure with rows behind
    it appears with its registry; a source with no rows adds nothing (never a 0)."""
    from hangviet.registry.figures import _SOURCES, SourceFigure, register_source

    day = datetime.date(2026, 6, 14)

    def source(scope, start, end):
        yield SourceFigure("consumer_reports_received", 3, 3, "complaints")
        yield SourceFigure("inspections", 0, 0, "market_cases")

    register_source("test-source", source)
    try:
        result = figures.compute(figures.NATIONAL, datetime.date(2025, 12, 15), day)
    finally:
        _SOURCES.pop("test-source")
    assert result["consumer_reports_received"].value == 3
    assert result["consumer_reports_received"].registry == "complaints"
    assert "inspections" not in result
