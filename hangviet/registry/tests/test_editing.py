"""Editing what was recorded: a product, a sale point (with its place's kind and coordinates), a model area, a
club, a producer and a group entry, by the recorder's editors only; one audit event naming what changed; the
place re-resolved only when its text changed; an event's organisers added and removed; a co-organiser sees its
role and finds the events it co-organised."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.audit.models import AuditEvent
from hangviet.registry import actions
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.models import Event, EventGroup, EventOrganiser, ModelArea, Place, ProducerAlias, SalePoint
from hangviet.registry.tests.test_pages import event_form, recorded_event

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def audit_fields(action: str) -> list[list[str]]:
    return [event.data["fields"] for event in AuditEvent.objects.filter(action=action).order_by("pk")]


def point_form(**overrides: str) -> dict[str, str]:
    data = {
        "name": "Cửa hàng OCOP Trà Vinh",
        "kind": "ocop_store",
        "operator_name": "",
        "place_text": "số 40, đường Nguyễn Thái Học, Phường Trà Vinh",
        "status": "active",
        "site_kind": "",
        "latitude": "",
        "longitude": "",
        "is_public": "on",
    }
    return data | overrides


# Products, sale points, producers -----------------------------------------------------------------------------


def test_a_product_is_edited_with_a_new_producer_and_one_audit_event_names_what_changed(world):
    producer = actions.create_producer(world.vl_trade, name="HTX Mật hoa dừa", acting_user=None)
    product = actions.record_product(
        world.vl_trade, name="Mật hoa dừa", producer=producer, place_text="Phường Trà Vinh", acting_user=None
    )
    place = product.place
    clerk = client_for(world.vl_trade_clerk)
    url = reverse("registry:product_edit", args=[product.pk])
    form = clerk.get(url).content.decode()
    assert 'value="Mật hoa dừa"' in form and 'value="HTX Mật hoa dừa"' in form and 'value="Phường Trà Vinh"' in form
    assert url in clerk.get(reverse("registry:product_detail", args=[product.pk])).content.decode()

    data = {
        "name": "Mật hoa dừa sấy",
        "producer_name": "Hộ kinh doanh Sáu Dư",
        "producer_legal_form": "household",
        "place_text": "Phường Trà Vinh",
        "category": "Thực phẩm",
        "description": "",
    }
    response = clerk.post(url, data)
    assert response.status_code == 302 and response["Location"] == reverse("registry:product_detail", args=[product.pk])
    product.refresh_from_db()
    assert (product.name, product.folded_name, product.category) == ("Mật hoa dừa sấy", "mat hoa dua say", "Thực phẩm")
    assert product.producer.name == "Hộ kinh doanh Sáu Dư" and product.producer.legal_form == "household"
    assert product.producer.recorded_by == world.vl_trade and product.is_public is False
    assert product.place == place  # same text: not re-resolved
    assert audit_fields("registry.ocop.product.updated") == [["category", "is_public", "name", "producer"]]

    again = clerk.post(url, data | {"producer_name": "hộ kinh doanh sáu dư"})
    assert again.status_code == 302
    assert len(audit_fields("registry.ocop.product.updated")) == 1  # nothing changed, nothing written


def test_only_the_recorders_editors_edit_readers_get_403_and_others_404(world):
    product = actions.record_product(world.vl_trade, name="Mật hoa dừa", producer=None, acting_user=None)
    url = reverse("registry:product_edit", args=[product.pk])
    data = {"name": "Đổi tên", "producer_name": "", "producer_legal_form": "other"}
    assert client_for(world.vl_office).get(url).status_code == 403
    assert client_for(world.vl_office).post(url, data).status_code == 403
    committee_product = actions.record_product(world.vinh_long, name="Bánh tét", producer=None, acting_user=None)
    viewer_url = reverse("registry:product_edit", args=[committee_product.pk])
    assert client_for(world.vl_viewer).post(viewer_url, data).status_code == 403  # reads the committee's rows
    assert client_for(world.vl_viewer).post(url, data).status_code == 404  # not the agency's
    assert client_for(world.ag_office).get(url).status_code == 404
    assert client_for(world.ag_office).post(url, data).status_code == 404
    product.refresh_from_db()
    assert product.name == "Mật hoa dừa" and not AuditEvent.objects.filter(action__endswith=".updated").exists()
    page = client_for(world.vl_office).get(reverse("registry:product_detail", args=[product.pk])).content.decode()
    assert url not in page


def test_a_sale_point_takes_its_site_kind_and_coordinates_with_a_decimal_comma(world):
    clerk = client_for(world.vl_trade_clerk)
    created = clerk.post(
        reverse("registry:salepoint_create"),
        point_form(recorded_by=str(world.vl_trade.pk), site_kind="market", latitude="9,934712", longitude="106.34"),
    )
    assert created.status_code == 302
    point = SalePoint.objects.get()
    assert (point.place.site_kind, point.place.latitude, point.place.longitude) == (
        "market",
        Decimal("9.934712"),
        Decimal("106.340000"),
    )
    detail = clerk.get(reverse("registry:salepoint_detail", args=[point.pk])).content.decode()
    assert "vĩ độ 9,934712, kinh độ 106,34" in detail and "Chợ" in detail
    assert reverse("registry:salepoint_edit", args=[point.pk]) in detail


@pytest.mark.parametrize(
    ("latitude", "longitude", "message"),
    [
        ("91", "106", "Tọa độ phải trong khoảng từ -90 đến 90."),
        ("9,5", "181", "Tọa độ phải trong khoảng từ -180 đến 180."),
        ("9°56′N", "106", "không dùng độ, phút, giây"),
        ("9.934.712", "106", "không dùng độ, phút, giây"),
        ("9,93", "", "Hãy nhập cả vĩ độ và kinh độ"),
    ],
)
def test_bad_coordinates_are_refused_in_vietnamese(world, latitude, longitude, message):
    clerk = client_for(world.vl_trade_clerk)
    response = clerk.post(
        reverse("registry:salepoint_create"),
        point_form(recorded_by=str(world.vl_trade.pk), latitude=latitude, longitude=longitude),
    )
    assert response.status_code == 422 and message in response.content.decode()
    assert not SalePoint.objects.exists()


def test_editing_a_sale_point_re_resolves_its_place_only_when_the_text_changed(world):
    point = actions.record_sale_point(
        world.vl_trade,
        fields={"name": "Cửa hàng ngang nhà thi đấu", "kind": "ocop_store"},
        place_text="ngang nhà thi đấu (đường 19/5)",
        acting_user=None,
    )
    ward = world.vl_commune.unit
    actions.resolve_place(point.place, ward, acting_user=None)  # settled by a clerk
    clerk = client_for(world.vl_trade_clerk)
    url = reverse("registry:salepoint_edit", args=[point.pk])
    same_text = point_form(
        name="Cửa hàng OCOP ngang nhà thi đấu", place_text="ngang nhà thi đấu (đường 19/5)", latitude="9,93"
    )
    assert clerk.post(url, same_text | {"longitude": "106,34"}).status_code == 302
    point.refresh_from_db()
    assert point.place.unit == ward and point.place.latitude == Decimal("9.93")  # kept as settled
    assert point.place.areas.filter(unit=ward).exists()

    moved = same_text | {"place_text": "Xã Hòa Minh, Tỉnh Vĩnh Long", "longitude": "106,34"}
    assert clerk.post(url, moved).status_code == 302
    point.refresh_from_db()
    assert point.place.unit.name == "Xã Hòa Minh" and point.place.text == "Xã Hòa Minh, Tỉnh Vĩnh Long"
    assert point.place.latitude == Decimal("9.93")
    assert audit_fields("registry.sale_point.updated") == [["name", "place"], ["place"]]


def test_a_shared_place_is_not_changed_under_the_other_row(world):
    producer = actions.create_producer(world.vl_trade, name="HTX A", address="Phường Trà Vinh", acting_user=None)
    product = actions.record_product(world.vl_trade, name="Bánh tét", producer=producer, acting_user=None)
    assert product.place_id == producer.place_id
    actions.update_record(
        product, fields={}, place_text="Phường Trà Vinh", place_details={"site_kind": "market"}, acting_user=None
    )
    product.refresh_from_db()
    producer.refresh_from_db()
    assert product.place.site_kind == "market" and producer.place.site_kind == ""
    assert product.place.unit == producer.place.unit


def test_a_producer_is_renamed_and_keeps_its_old_name_as_an_alias(world):
    producer = actions.create_producer(world.vl_trade, name="HTX Mật hoa dừa", acting_user=None)
    clerk = client_for(world.vl_trade_clerk)
    url = reverse("registry:producer_edit", args=[producer.pk])
    assert url in clerk.get(reverse("registry:producer_detail", args=[producer.pk])).content.decode()
    data = {
        "name": "Hợp tác xã Mật hoa dừa Phú Cần",
        "legal_form": "cooperative",
        "is_sme": "on",
        "tax_code": "2100123456",
        "address": "Xã Hòa Minh, Tỉnh Vĩnh Long",
    }
    assert clerk.post(url, data).status_code == 302
    producer.refresh_from_db()
    assert (producer.legal_form, producer.is_sme, producer.tax_code) == ("cooperative", True, "2100123456")
    assert producer.place.unit.name == "Xã Hòa Minh"
    assert ProducerAlias.objects.filter(producer=producer, name="HTX Mật hoa dừa").exists()
    assert actions.find_producer("htx mat hoa dua") == producer
    too_long = clerk.post(url, data | {"tax_code": "1" * 21})
    assert too_long.status_code == 422 and "Tối đa 20 ký tự" in too_long.content.decode()


# Model areas and clubs ----------------------------------------------------------------------------------------


def test_a_model_area_and_a_club_are_edited_from_their_lists(world):
    area = actions.record_model_area(
        world.vinh_long, fields={"name": "Khu dân cư ấp Cồn Chim", "status": "registered"}, acting_user=None
    )
    club = actions.record_club(
        world.vinh_long, fields={"name": "CLB Người tiêu dùng", "kind": "consumer", "members": 20}, acting_user=None
    )
    office = client_for(world.vl_office)
    assert reverse("registry:area_edit", args=[area.pk]) in office.get(reverse("registry:areas")).content.decode()
    assert reverse("registry:club_edit", args=[club.pk]) in office.get(reverse("registry:clubs")).content.decode()

    area_data = {"name": "Khu dân cư ấp Cồn Chim", "status": "recognised", "recognised_on": "2024-05-02"}
    assert office.post(reverse("registry:area_edit", args=[area.pk]), area_data).status_code == 302
    area.refresh_from_db()
    assert (area.status, area.recognised_on) == (ModelArea.Status.RECOGNISED, datetime.date(2024, 5, 2))
    bad = office.post(reverse("registry:area_edit", args=[area.pk]), area_data | {"registered_on": "2024-06-01"})
    assert bad.status_code == 422 and "Ngày công nhận không thể trước ngày đăng ký." in bad.content.decode()

    club_data = {"name": "CLB Người tiêu dùng", "kind": "consumer", "members": "1.250"}
    assert office.post(reverse("registry:club_edit", args=[club.pk]), club_data).status_code == 302
    club.refresh_from_db()
    assert club.members == 1250
    assert audit_fields("registry.club.updated") == [["members"]]

    ward = client_for(world.commune_clerk)
    assert reverse("registry:club_edit", args=[club.pk]) not in ward.get(reverse("registry:clubs")).content.decode()
    assert ward.post(reverse("registry:club_edit", args=[club.pk]), club_data).status_code == 404


# Group entries ------------------------------------------------------------------------------------------------


def test_a_group_entry_is_edited_relinked_and_deleted_keeping_the_group_rule(world):
    first, second, third = (recorded_event(world, name=f"Hội chợ {n}", kind="fair") for n in (1, 2, 3))
    actions.update_event(third, fields={"booths": 12}, acting_user=None)
    group = actions.record_event_group(
        world.vl_trade,
        fields={"description": "04 cuộc hội chợ", "kind": "fair", "declared_count": 4, "booths": 10}
        | {"starts_on": first.starts_on, "ends_on": first.ends_on},
        events=[first],
        acting_user=None,
    )
    clerk = client_for(world.vl_trade_clerk)
    url = reverse("registry:event_group_edit", args=[group.pk])
    listing = clerk.get(reverse("registry:events")).content.decode()
    assert url in listing and reverse("registry:event_group_delete", args=[group.pk]) in listing
    page = clerk.get(url).content.decode()
    assert f'value="{first.pk}" id="event-{first.pk}" checked' in page

    data = {
        "description": "04 cuộc hội chợ ngoài tỉnh",
        "kind": "fair",
        "starts_on": "2023-01-01",
        "ends_on": "2023-06-14",
        "declared_count": "4",
        "booths": "10",
        "events": [str(second.pk), str(third.pk)],
    }
    refused = clerk.post(url, data)  # the third carries its own booths: the group's would count them twice
    assert refused.status_code == 422 and "không nhập lại cho từng sự kiện" in refused.content.decode()
    assert set(group.events.values_list("pk", flat=True)) == {first.pk}

    assert clerk.post(url, data | {"events": [str(second.pk)]}).status_code == 302
    group.refresh_from_db()
    assert group.description == "04 cuộc hội chợ ngoài tỉnh"
    assert set(group.events.values_list("pk", flat=True)) == {second.pk}
    assert audit_fields("registry.event_group.updated") == [["description", "ends_on", "events", "starts_on"]]

    assert client_for(world.vl_office).post(url, data).status_code == 403
    assert client_for(world.ag_office).get(url).status_code == 404
    delete = reverse("registry:event_group_delete", args=[group.pk])
    assert client_for(world.vl_office).post(delete).status_code == 403
    assert "Hội chợ 2" in clerk.get(delete).content.decode()
    assert clerk.post(delete).status_code == 302
    assert not EventGroup.objects.exists() and Event.objects.filter(pk=second.pk, group__isnull=True).exists()
    assert AuditEvent.objects.filter(action="registry.event_group.deleted").exists()


# Events: place details, organisers, co-organisers -------------------------------------------------------------


def test_an_event_takes_coordinates_and_the_lead_adds_and_removes_organisers(world):
    clerk = client_for(world.vl_trade_clerk)
    created = clerk.post(
        reverse("registry:event_create"),
        event_form(world.vl_trade, site_kind="tourist_site", latitude="9,6427", longitude="106,5603"),
    )
    assert created.status_code == 302
    event = Event.objects.get()
    assert (event.place.site_kind, event.place.latitude) == ("tourist_site", Decimal("9.642700"))
    detail = clerk.get(created["Location"]).content.decode()
    assert "Khu du lịch" in detail and "vĩ độ 9,6427, kinh độ 106,5603" in detail

    url = reverse("registry:event_edit", args=[event.pk])
    assert 'value="9,6427"' in clerk.get(url).content.decode()
    added = event_form(
        world.vl_trade,
        site_kind="tourist_site",
        latitude="9,6427",
        longitude="106,5603",
        **{"org-0-organisation": str(world.vl_commune.pk), "org-0-role": "co_organiser"},
    )
    assert clerk.post(url, added).status_code == 302
    assert set(event.organisers.values_list("organisation_id", "role")) == {
        (world.vl_trade.pk, "lead"),
        (world.vl_commune.pk, "co_organiser"),
    }
    assert audit_fields("registry.event.updated") == [["organisers"]]
    removed = event_form(world.vl_trade, site_kind="tourist_site", latitude="9,6427", longitude="106,5603")
    assert clerk.post(url, removed).status_code == 302
    assert list(event.organisers.values_list("organisation_id", flat=True)) == [world.vl_trade.pk]
    assert client_for(world.commune_clerk).get(reverse("registry:event_detail", args=[event.pk])).status_code == 404


def test_a_co_organiser_sees_its_role_and_filters_the_events_it_co_organised(world):
    theirs = recorded_event(world)  # recorded by the trade agency, the ward co-organising
    own = actions.record_event(
        world.vl_commune,
        fields={"name": "Phiên chợ của phường", "kind": "rural_market"}
        | {"starts_on": datetime.date(2023, 4, 1), "ends_on": datetime.date(2023, 4, 1)},
        organisers=[OrganiserInput(EventOrganiser.Role.CO_ORGANISER, world.vl_trade)],
        acting_user=None,
    )
    ward = client_for(world.commune_clerk)
    detail = ward.get(reverse("registry:event_detail", args=[theirs.pk])).content.decode()
    assert 'data-testid="my-roles"' in detail and "Ban Chỉ đạo Phường Trà Vinh" in detail
    assert "phối hợp tổ chức" in detail and "không cần ghi lại" in detail
    assert 'data-testid="my-roles"' not in ward.get(reverse("registry:event_detail", args=[own.pk])).content.decode()

    everything = ward.get(reverse("registry:events")).content.decode()
    assert theirs.name in everything and own.name in everything
    filtered = ward.get(reverse("registry:events"), {"co_organised": "on"}).content.decode()
    assert theirs.name in filtered and own.name not in filtered
    trade = client_for(world.vl_trade_clerk).get(reverse("registry:events"), {"co_organised": "on"}).content.decode()
    assert own.name in trade and theirs.name not in trade


def test_an_edit_that_breaks_the_models_rules_saves_nothing(world):
    event = recorded_event(world)
    place_count = Place.objects.count()
    clerk = client_for(world.vl_trade_clerk)
    bad = event_form(world.vl_trade, starts_on="2023-03-10", ends_on="2023-03-01", place_text="Xã Hòa Minh")
    response = clerk.post(reverse("registry:event_edit", args=[event.pk]), bad)
    assert response.status_code == 422
    event.refresh_from_db()
    assert event.name == "Hội nghị kết nối cung cầu" and Place.objects.count() == place_count
