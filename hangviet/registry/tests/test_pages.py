"""The registry pages as a clerk uses them: recording an event with its organisers, who reads and who edits it,
bad input refused with the form kept, OCOP stars and the expiry board, sale points, clubs, merging producers,
resolving places, and the lists' organisation and period filters."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hangviet.audit.models import AuditEvent
from hangviet.registry import actions
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.catalogue import Qualifier
from hangviet.registry.models import Event, EventGroup, EventOrganiser, OcopProduct, Producer, ProducerAlias, SalePoint

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def event_form(recorder: Any, **overrides: Any) -> dict[str, Any]:
    data = {
        "recorded_by": str(recorder.pk),
        "name": "Phiên chợ hàng Việt về nông thôn tại huyện Châu Thành",
        "kind": "rural_market",
        "programme": "Tết Quân – Dân năm 2023",
        "starts_on": "2023-01-10",
        "ends_on": "2023-01-12",
        "status": "done",
        "place_text": "huyện Châu Thành",
        "businesses": "24",
        "businesses_q": "0",
        "booths": "60",
        "booths_q": "0",
        "revenue_vnd": "850.000.000",
        "revenue_vnd_q": str(Qualifier.ABOUT),
        "visitors": "5.000",
        "visitors_q": str(Qualifier.MORE_THAN),
        "tonnes": "",
        "tonnes_q": "0",
        "products": "",
        "products_q": "0",
        "is_public": "on",
        "org-TOTAL_FORMS": "3",
        "org-INITIAL_FORMS": "0",
        "org-MIN_NUM_FORMS": "0",
        "org-MAX_NUM_FORMS": "30",
    }
    return data | overrides


def recorded_event(world: Any, **fields: Any) -> Event:
    day = fields.pop("day", datetime.date(2023, 3, 10))
    return actions.record_event(
        world.vl_trade,
        fields={"name": "Hội nghị kết nối cung cầu", "kind": "trade_connection", "starts_on": day, "ends_on": day}
        | fields,
        organisers=[
            OrganiserInput(EventOrganiser.Role.CO_ORGANISER, world.vl_commune),
            OrganiserInput(EventOrganiser.Role.CO_ORGANISER, name="Bộ Công Thương"),
        ],
        acting_user=None,
    )


# Events ----------------------------------------------------------------------------------------------------


def test_a_clerk_records_an_event_with_two_organisers_and_sees_it_with_its_figures_in_words(world):
    clerk = client_for(world.vl_trade_clerk)
    data = event_form(
        world.vl_trade,
        **{
            "org-0-organisation": str(world.vl_commune.pk),
            "org-0-role": "co_organiser",
            "org-1-name": "Bộ Công Thương",
            "org-1-role": "participant",
            "org-2-role": "co_organiser",
        },
    )
    response = clerk.post(reverse("registry:event_create"), data)

    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("registry:event_detail", args=[event.pk])
    assert event.recorded_by == world.vl_trade and event.revenue_vnd == 850_000_000
    roles = {(o.organisation_id, o.name, o.role) for o in event.organisers.all()}
    assert roles == {
        (world.vl_trade.pk, "", "lead"),
        (world.vl_commune.pk, "", "co_organiser"),
        (None, "Bộ Công Thương", "participant"),
    }
    page = clerk.get(response["Location"]).content.decode()
    assert "khoảng 850.000.000 đồng" in page and "hơn 5.000" in page
    assert "Ban Chỉ đạo Phường Trà Vinh" in page and "Bộ Công Thương" in page
    listing = clerk.get(reverse("registry:events")).content.decode()
    assert "Phiên chợ hàng Việt về nông thôn tại huyện Châu Thành" in listing
    assert "khoảng 850.000.000 đồng" in listing


def test_a_co_organiser_reads_the_event_but_cannot_edit_or_delete_it(world):
    event = recorded_event(world)
    ward = client_for(world.commune_clerk)

    assert ward.get(reverse("registry:event_detail", args=[event.pk])).status_code == 200
    assert event.name in ward.get(reverse("registry:events")).content.decode()
    assert ward.get(reverse("registry:event_edit", args=[event.pk])).status_code == 403
    refused = ward.post(reverse("registry:event_edit", args=[event.pk]), event_form(world.vl_trade, name="Đổi tên"))
    assert refused.status_code == 403
    assert ward.post(reverse("registry:event_delete", args=[event.pk])).status_code == 403
    event.refresh_from_db()
    assert event.name == "Hội nghị kết nối cung cầu"


def test_the_provinces_office_reads_the_event_and_another_province_gets_404(world):
    event = recorded_event(world)
    assert client_for(world.vl_office).get(reverse("registry:event_detail", args=[event.pk])).status_code == 200
    other = client_for(world.ag_office)
    assert other.get(reverse("registry:event_detail", args=[event.pk])).status_code == 404
    assert other.get(reverse("registry:event_edit", args=[event.pk])).status_code == 404
    assert event.name not in other.get(reverse("registry:events")).content.decode()
    assert other.get(reverse("registry:events"), {"organisation": world.vl_trade.pk}).status_code == 404


def test_a_viewer_cannot_record(world):
    viewer = client_for(world.vl_viewer)
    assert viewer.get(reverse("registry:event_create")).status_code == 403
    assert viewer.post(reverse("registry:event_create"), event_form(world.vinh_long)).status_code == 403
    assert viewer.post(reverse("registry:event_create"), event_form(world.vl_trade)).status_code == 404
    assert viewer.get(reverse("registry:product_create")).status_code == 403
    assert not Event.objects.exists()
    home = viewer.get(reverse("registry:home")).content.decode()
    assert reverse("registry:event_create") not in home


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("revenue_vnd", "-850.000", "không được âm"),
        ("revenue_vnd", "tám trăm triệu", "Không đọc được"),
        ("visitors", "1,234.5", "không đúng cách viết số"),
        ("booths", "12,5", "Chỉ nhập số nguyên"),
        ("starts_on", "2023-02-30", "Ngày không có thật"),
    ],
)
def test_bad_input_answers_422_in_vietnamese_and_keeps_what_was_typed(world, field, typed, message):
    clerk = client_for(world.vl_trade_clerk)
    response = clerk.post(reverse("registry:event_create"), event_form(world.vl_trade, **{field: typed}))
    page = response.content.decode()
    assert response.status_code == 422
    assert message in page
    assert f'value="{typed}"' in page
    assert 'value="Phiên chợ hàng Việt về nông thôn tại huyện Châu Thành"' in page
    assert not Event.objects.exists()


def test_an_end_before_the_start_is_refused_and_html_stays_text(world):
    clerk = client_for(world.vl_trade_clerk)
    response = clerk.post(
        reverse("registry:event_create"), event_form(world.vl_trade, ends_on="2023-01-01", name="<b>Hội chợ</b>")
    )
    assert response.status_code == 422
    assert "Ngày kết thúc không thể trước ngày bắt đầu." in response.content.decode()
    response = clerk.post(reverse("registry:event_create"), event_form(world.vl_trade, name="<b>Hội chợ</b>"))
    page = clerk.get(response["Location"]).content.decode()
    assert "&lt;b&gt;Hội chợ&lt;/b&gt;" in page and "<b>Hội chợ</b>" not in page


def test_vietnamese_numbers_with_decimals_are_read(world):
    clerk = client_for(world.vl_trade_clerk)
    data = event_form(world.vl_trade, kind="delivery", revenue_vnd="1.700.000.000", tonnes="36,9")
    clerk.post(reverse("registry:event_create"), data)
    event = Event.objects.get()
    assert event.revenue_vnd == 1_700_000_000 and str(event.tonnes) == "36.90"


def test_an_organiser_outside_the_system_list_is_refused(world):
    clerk = client_for(world.vl_trade_clerk)
    data = event_form(world.vl_trade, **{"org-0-organisation": "999999", "org-0-role": "co_organiser"})
    response = clerk.post(reverse("registry:event_create"), data)
    assert response.status_code == 422
    assert "Đơn vị này không có trên hệ thống." in response.content.decode()


def test_the_lead_edits_and_deletes_its_event(world):
    event = recorded_event(world)
    clerk = client_for(world.vl_trade_clerk)
    form = clerk.get(reverse("registry:event_edit", args=[event.pk])).content.decode()
    assert 'value="Hội nghị kết nối cung cầu"' in form
    data = event_form(
        world.vl_trade,
        name="Hội nghị kết nối cung cầu tại Phú Quốc",
        kind="trade_connection",
        **{"org-0-organisation": str(world.vl_commune.pk), "org-0-role": "co_organiser"},
    )
    assert clerk.post(reverse("registry:event_edit", args=[event.pk]), data).status_code == 302
    event.refresh_from_db()
    assert event.name == "Hội nghị kết nối cung cầu tại Phú Quốc"
    assert "Bộ Công Thương" not in {o.name for o in event.organisers.all()}

    assert clerk.get(reverse("registry:event_delete", args=[event.pk])).status_code == 200
    assert clerk.post(reverse("registry:event_delete", args=[event.pk])).status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()
    assert AuditEvent.objects.filter(action="registry.event.deleted").exists()


def test_a_group_entry_links_events_of_the_same_recorder_only(world):
    mine = [recorded_event(world, name=f"Hội chợ {n}", kind="fair") for n in (1, 2)]
    theirs = actions.record_event(
        world.vl_health,
        fields={"name": "Hội chợ khác", "kind": "fair", "starts_on": mine[0].starts_on, "ends_on": mine[0].ends_on},
        acting_user=None,
    )
    clerk = client_for(world.vl_trade_clerk)
    data = {
        "recorded_by": str(world.vl_trade.pk),
        "description": "tham gia 04 cuộc hội chợ ngoài tỉnh, 10 gian hàng",
        "kind": "fair",
        "starts_on": "2022-12-15",
        "ends_on": "2023-06-14",
        "declared_count": "04",
        "booths": "10",
        "events": [str(mine[0].pk), str(theirs.pk)],
    }
    refused = clerk.post(reverse("registry:event_group_create"), data)
    assert refused.status_code == 422
    assert "Chỉ liên kết được các sự kiện do chính đơn vị ghi nhận đã ghi." in refused.content.decode()
    data["events"] = [str(event.pk) for event in mine]
    assert clerk.post(reverse("registry:event_group_create"), data).status_code == 302
    group = EventGroup.objects.get()
    assert group.booths == 10 and group.declared_count == 4
    assert set(group.events.values_list("pk", flat=True)) == {event.pk for event in mine}


def test_lists_honour_the_organisation_and_period_of_a_report_link(world):
    old = actions.record_event(
        world.tra_vinh,
        fields={
            "name": "Phiên chợ tại thành phố Trà Vinh",
            "kind": "rural_market",
            "starts_on": datetime.date(2023, 1, 10),
            "ends_on": datetime.date(2023, 1, 10),
        },
        acting_user=None,
    )
    later = recorded_event(world, name="Hội chợ năm 2024", day=datetime.date(2024, 3, 1))
    office = client_for(world.vl_office)
    url = reverse("registry:events")
    page = office.get(url, {"organisation": world.vinh_long.pk, "period": "2023-H1"}).content.decode()
    assert old.name in page and later.name not in page
    assert "6 tháng đầu năm 2023" in page
    page = office.get(url, {"organisation": world.vl_trade.pk}).content.decode()
    assert later.name in page and old.name not in page
    bad = office.get(url, {"period": "2023-H2"})
    assert bad.status_code == 200 and "không hợp lệ" in bad.content.decode()


def test_the_events_list_keeps_a_query_budget(world, django_assert_max_num_queries):
    for n in range(15):
        recorded_event(world, name=f"Hội chợ {n}", revenue_vnd=1000 * n)
    office = client_for(world.vl_office)
    office.get(reverse("registry:events"))  # warm the session
    with django_assert_max_num_queries(25):
        response = office.get(reverse("registry:events"))
    assert response.content.decode().count('class="card mb-2"') == 15


def test_the_organiser_search_finds_another_provinces_agencies(world):
    clerk = client_for(world.vl_trade_clerk)
    page = clerk.get(reverse("registry:organisation_options"), {"q": "an giang"}).content.decode()
    assert "Ban Chỉ đạo Tỉnh An Giang" in page and "Sở Công Thương (Tỉnh An Giang)" in page


# OCOP ------------------------------------------------------------------------------------------------------


def product_with_recognition(
    world: Any, name: str, *, decided_on: datetime.date, valid_to: datetime.date
) -> OcopProduct:
    product = actions.record_product(world.vl_trade, name=name, producer=None, acting_user=None)
    actions.recognise_product(product, stars=4, decided_on=decided_on, valid_to=valid_to, acting_user=None)
    return product


def test_the_expiry_board_lists_what_lapses_within_90_days(world):
    today = timezone.localdate()
    soon = product_with_recognition(
        world, "Mật hoa dừa", decided_on=today - datetime.timedelta(days=900), valid_to=today + datetime.timedelta(60)
    )
    later = product_with_recognition(
        world, "Bánh tét", decided_on=today - datetime.timedelta(days=900), valid_to=today + datetime.timedelta(120)
    )
    renewed = product_with_recognition(
        world, "Kẹo dừa", decided_on=today - datetime.timedelta(days=900), valid_to=today + datetime.timedelta(30)
    )
    actions.recognise_product(renewed, stars=5, decided_on=today - datetime.timedelta(days=5), acting_user=None)

    page = client_for(world.vl_trade_clerk).get(reverse("registry:ocop_expiring")).content.decode()
    assert soon.name in page and later.name not in page and renewed.name not in page
    assert soon.name not in client_for(world.ag_office).get(reverse("registry:ocop_expiring")).content.decode()


def test_a_product_is_recorded_with_a_new_producer_recognised_and_revoked(world, settings):
    settings.HANGVIET_OCOP_VALIDITY_MONTHS = 36
    clerk = client_for(world.vl_trade_clerk)
    response = clerk.post(
        reverse("registry:product_create"),
        {
            "recorded_by": str(world.vl_trade.pk),
            "name": "Mật hoa dừa Sokfarm",
            "producer_name": "Hợp tác xã Mật Hoa dừa",
            "producer_legal_form": "cooperative",
            "place_text": "",
            "is_public": "on",
        },
    )
    product = OcopProduct.objects.get()
    assert response.status_code == 302 and product.producer.legal_form == "cooperative"

    url = reverse("registry:product_recognise", args=[product.pk])
    refused = clerk.post(url, {"stars": "6", "decided_on": "2023-03-01"})
    assert refused.status_code == 422 and "Hạng sao chỉ là 3, 4 hoặc 5." in refused.content.decode()
    assert clerk.post(url, {"stars": "4", "decided_on": "2023-03-01", "decision": "123/QĐ-UBND"}).status_code == 302
    recognition = product.recognitions.get()
    assert recognition.valid_to == datetime.date(2026, 2, 28)

    revoke = reverse("registry:recognition_revoke", args=[recognition.pk])
    early = clerk.post(revoke, {"revoked_on": "2023-01-01", "reason": "Vi phạm"})
    assert early.status_code == 422 and "trước ngày quyết định" in early.content.decode()
    assert clerk.post(revoke, {"revoked_on": "2024-01-01", "reason": "Vi phạm"}).status_code == 302
    page = clerk.get(reverse("registry:product_detail", args=[product.pk])).content.decode()
    assert "Đã thu hồi" in page and "123/QĐ-UBND" in page

    register = reverse("registry:product_register", args=[product.pk])
    assert clerk.post(register, {"year": "2025", "registered_on": "2025-03-01"}).status_code == 302
    assert product.registrations.get().year == 2025


def test_products_are_found_by_name_without_diacritics_and_by_stars_today(world):
    today = timezone.localdate()
    product_with_recognition(world, "Mật hoa dừa", decided_on=today, valid_to=today + datetime.timedelta(400))
    actions.record_product(world.vl_trade, name="Bánh pía", producer=None, acting_user=None)
    clerk = client_for(world.vl_trade_clerk)
    page = clerk.get(reverse("registry:products"), {"q": "mat hoa dua"}).content.decode()
    assert "Mật hoa dừa" in page and "Bánh pía" not in page
    page = clerk.get(reverse("registry:products"), {"stars": "4"}).content.decode()
    assert "Mật hoa dừa" in page and "Bánh pía" not in page


# Sale points, clubs, producers, places ---------------------------------------------------------------------


def test_a_sale_point_is_recorded_and_verified(world):
    clerk = client_for(world.vl_trade_clerk)
    response = clerk.post(
        reverse("registry:salepoint_create"),
        {
            "recorded_by": str(world.vl_trade.pk),
            "name": "Cửa hàng tại Khu Du lịch biển Ba Động",
            "kind": "ocop_store",
            "place_text": "Khu Du lịch biển Ba Động",
            "status": "active",
        },
    )
    point = SalePoint.objects.get()
    assert response.status_code == 302
    verify = reverse("registry:salepoint_verify", args=[point.pk])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert clerk.post(verify, {"on": tomorrow.isoformat(), "status": "closed"}).status_code == 422
    assert clerk.post(verify, {"on": "2025-01-10", "status": "closed"}).status_code == 302
    point.refresh_from_db()
    assert (point.status, point.last_verified_on) == ("closed", datetime.date(2025, 1, 10))
    assert client_for(world.commune_clerk).post(verify, {"on": "2025-01-10", "status": "active"}).status_code == 404


def test_clubs_are_shown_by_kind_and_only_consumer_clubs_count(world):
    for name, kind, members in (("CLB Người tiêu dùng", "consumer", 30), ("CLB mua sắm", "household_shopping", 40)):
        actions.record_club(world.vl_trade, fields={"name": name, "kind": kind, "members": members}, acting_user=None)
    page = client_for(world.vl_office).get(reverse("registry:clubs")).content.decode()
    assert "CLB Người tiêu dùng" in page and "CLB mua sắm" in page
    assert "không cộng" in page and "Chỉ các loại sau được cộng" in page


def test_merging_a_duplicate_producer_moves_its_products(world):
    keep = actions.create_producer(world.vl_trade, name="Hợp tác xã Mật Hoa dừa", acting_user=None)
    duplicate = actions.create_producer(world.vl_trade, name="HTX Mật hoa dừa Phú Cần", acting_user=None)
    product = actions.record_product(world.vl_trade, name="Mật hoa dừa", producer=duplicate, acting_user=None)
    foreign = actions.create_producer(world.ag_trade, name="HTX An Giang", acting_user=None)
    clerk = client_for(world.vl_trade_clerk)
    url = reverse("registry:producer_merge", args=[keep.pk])

    assert duplicate.name in clerk.get(url).content.decode()
    confirm = clerk.get(url, {"duplicate": duplicate.pk})
    assert confirm.status_code == 200 and "Mật hoa dừa" in confirm.content.decode()
    assert clerk.post(url, {"duplicate": foreign.pk}).status_code == 404
    assert client_for(world.vl_office).post(url, {"duplicate": duplicate.pk}).status_code == 403
    assert clerk.post(url, {"duplicate": duplicate.pk}).status_code == 302

    product.refresh_from_db()
    duplicate.refresh_from_db()
    assert product.producer == keep and duplicate.merged_into == keep
    assert ProducerAlias.objects.filter(producer=keep, name="HTX Mật hoa dừa Phú Cần").exists()
    listing = clerk.get(reverse("registry:producers")).content.decode()
    assert "HTX Mật hoa dừa Phú Cần" in listing  # as an alias of the one kept
    assert list(Producer.objects.filter(merged_into__isnull=True, recorded_by=world.vl_trade)) == [keep]


def test_an_unresolved_place_is_listed_and_resolved_by_a_typed_unit_name(world):
    point = actions.record_sale_point(
        world.vl_trade,
        fields={"name": "Cửa hàng ngang nhà thi đấu", "kind": "ocop_store"},
        place_text="ngang nhà thi đấu (đường 19/5)",
        acting_user=None,
    )
    clerk = client_for(world.vl_trade_clerk)
    home = clerk.get(reverse("registry:home")).content.decode()
    assert "chưa xác định được địa điểm" in home
    assert "ngang nhà thi đấu (đường 19/5)" in clerk.get(reverse("registry:places")).content.decode()
    url = reverse("registry:place_resolve", args=[point.place_id])
    assert client_for(world.ag_office).get(url).status_code == 404
    assert client_for(world.vl_office).post(url, {"q": "Phường Trà Vinh, Tỉnh Vĩnh Long"}).status_code == 403
    missing = clerk.post(url, {"q": "Xã Không Có, Tỉnh Không Có"})
    assert missing.status_code == 422 and "Không tìm thấy đơn vị" in missing.content.decode()
    assert clerk.post(url, {"q": "Phường Trà Vinh, Tỉnh Vĩnh Long"}).status_code == 302
    point.place.refresh_from_db()
    assert point.place.unit.name == "Phường Trà Vinh" and point.place.text == "ngang nhà thi đấu (đường 19/5)"
    assert 'data-testid="empty"' in clerk.get(reverse("registry:places")).content.decode()


def test_the_home_counts_what_each_user_sees(world):
    recorded_event(world)
    actions.record_club(world.ag_trade, fields={"name": "CLB An Giang", "kind": "consumer"}, acting_user=None)
    page = client_for(world.vl_trade_clerk).get(reverse("registry:home")).content.decode()
    assert 'data-testid="count-events">1<' in page and 'data-testid="count-clubs">0<' in page
    assert reverse("registry:event_create") in page
    page = client_for(world.ag_office).get(reverse("registry:home")).content.decode()
    assert 'data-testid="count-events">0<' in page and 'data-testid="count-clubs">1<' in page


def test_hostile_input_is_refused_in_vietnamese_never_with_a_500(world):
    clerk = client_for(world.vl_trade_clerk)
    response = clerk.post(reverse("registry:event_create"), event_form(world.vl_trade, name="Hội chợ\x00"))
    assert response.status_code == 400 and "ký tự NUL" in response.content.decode()  # the NUL guard, before the view
    assert not Event.objects.exists()
    huge = clerk.post(reverse("registry:event_create"), event_form(world.vl_trade, visitors="99.999.999.999"))
    assert huge.status_code == 422 and "Số quá lớn" in huge.content.decode()
    tampered = event_form(world.vl_trade, **{"org-TOTAL_FORMS": "5000"})
    assert clerk.post(reverse("registry:event_create"), tampered).status_code == 422
    for url, query in (
        ("registry:events", {"page": "abc", "organisation": "-1", "start": "2023-13-01", "kind": "x"}),
        ("registry:products", {"stars": "9", "page": "0", "place": "<script>"}),
        ("registry:salepoints", {"verified": "maybe", "period": "2023-H9"}),
        ("registry:places", {"registry": "reports"}),
        ("registry:organisation_options", {"q": "x" * 500}),
    ):
        assert clerk.get(reverse(url), query).status_code == 200, url
    assert clerk.get(reverse("registry:events"), {"organisation": "99999999"}).status_code == 404
