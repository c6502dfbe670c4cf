"""The review page proposes the rows the report's lists name; confirming the import records the ticked ones in
the registry, once, as the report's organisation, inside the period; bad rows import nothing."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hangviet.ingest.models import IngestDocument
from hangviet.orgs.tests.factories import World, make_committee, old_province
from hangviet.registry.figures import figures_for_organisation, figures_for_unit
from hangviet.registry.models import Event, EventGroup, EventOrganiser, SalePoint, Source
from hangviet.reporting.models import Report
from hangviet.units.models import Unit

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parent / "data" / "report_travinh_2023_h1.txt"
H1_2023 = (datetime.date(2022, 12, 15), datetime.date(2023, 6, 14))


def upload(client: Client, name: str = "bao-cao-154.txt") -> IngestDocument:
    client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile(name, SEED.read_bytes())]})
    return IngestDocument.objects.get(original_name=name)


def confirm(document: IngestDocument, *, untick: tuple[int, ...] = (), **changes: str) -> dict[str, str]:
    """The review form as a browser sends it, every figure and proposal ticked unless ``untick`` says."""
    data = {"organisation": str(document.organisation_id), "period": "2023-H1"}
    for index, fact in enumerate(document.facts):
        data[f"indicator_{index}"] = fact["indicator"]
        data[f"value_{index}"] = str(fact["value"])
    for index, proposal in enumerate(document.proposals):
        if index not in untick:
            data[f"proposal-{index}-decision"] = "on"
        data[f"proposal-{index}-kind"] = proposal["kind"]
        data[f"proposal-{index}-name"] = proposal["name"]
        data[f"proposal-{index}-place"] = proposal["place"]
    data.update(changes)
    return data


def index_of(document: IngestDocument, name_start: str) -> int:
    return next(i for i, p in enumerate(document.proposals) if p["name"].startswith(name_start))


def test_the_review_page_shows_the_proposals_beside_the_figures(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    document = upload(client)
    page = client.get(reverse("ingest:review", args=[document.pk])).content.decode()
    assert "Đề xuất ghi vào sổ theo dõi" in page
    assert page.count('name="proposal-') >= 16 * 3  # a box, a kind and a name for each of the 16 rows
    assert "Cửa hàng đặc sản quê Hai Ứng" in page and "ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành" in page
    assert "khoảng 850.000.000 đồng doanh thu" in page and "số liệu gộp nhiều sự kiện" in page
    assert "Kiên Giang, Bến Tre, Hậu Giang, Trà Vinh" in page
    assert "data-existing" not in page


def test_confirming_records_the_ticked_rows_once_as_the_reporting_committee(client: Client, world: World) -> None:
    kien_giang = make_committee(old_province("91"), world.central, valid_to=datetime.date(2025, 6, 30))
    client.force_login(world.vl_office)
    document = upload(client)
    store = index_of(document, "Cửa hàng ngang nhà thi đấu")
    response = client.post(reverse("ingest:review", args=[document.pk]), confirm(document, untick=(store,)))
    assert response.status_code == 302
    assert Report.objects.filter(organisation=world.tra_vinh).exists()

    events = Event.objects.filter(recorded_by=world.tra_vinh)
    assert events.count() == 2 + 4 + 3 and {e.source for e in events} == {Source.DOCUMENT}
    assert not SalePoint.objects.filter(name__startswith="Cửa hàng ngang nhà thi đấu").exists()  # unticked
    assert SalePoint.objects.filter(recorded_by=world.tra_vinh).count() == 5
    market = events.get(name="Phiên chợ hàng Việt về nông thôn tại huyện Châu Thành")
    assert (market.starts_on, market.ends_on, market.when_text) == (
        datetime.date(2023, 1, 1),
        datetime.date(2023, 2, 28),
        "Tết Quân – Dân năm 2023",
    )
    assert market.place is not None and market.place.is_resolved
    for event in events:
        assert H1_2023[0] <= event.starts_on <= event.ends_on <= H1_2023[1]
    group = EventGroup.objects.get(recorded_by=world.tra_vinh)
    assert (group.declared_count, group.booths, group.events.count()) == (4, 10, 4)
    phu_quoc = events.get(place__text="Thành phố Phú Quốc")
    organisers = {(o.organisation_id, o.name, o.role) for o in phu_quoc.organisers.all()}
    assert organisers == {
        (world.tra_vinh.pk, "", EventOrganiser.Role.LEAD),
        (kien_giang.pk, "", EventOrganiser.Role.CO_ORGANISER),
        (None, "Tỉnh Bến Tre", EventOrganiser.Role.CO_ORGANISER),
        (None, "Tỉnh Hậu Giang", EventOrganiser.Role.CO_ORGANISER),
    }

    found = figures_for_organisation(world.tra_vinh, *H1_2023)
    assert (found["rural_markets"].value, found["fairs"].value, found["trade_connection_events"].value) == (2, 4, 3)
    assert found["booths"].value == 130 and found["event_revenue_vnd"].words == "khoảng 1.700.000.000"
    assert found["ocop_stores"].value == 5
    assert figures_for_unit(kien_giang.unit, *H1_2023)["trade_connection_events"].value == 1


def test_a_second_import_of_the_same_lists_records_nothing_twice(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    first = upload(client)
    client.post(reverse("ingest:review", args=[first.pk]), confirm(first))
    counts = (Event.objects.count(), EventGroup.objects.count(), SalePoint.objects.count())
    assert counts == (9, 1, 6)

    again = upload(client, "bao-cao-154-lan-2.txt")
    page = client.get(reverse("ingest:review", args=[again.pk])).content.decode()
    assert page.count("data-existing") == 16 and page.count("đã có trong sổ theo dõi<") == 16
    shown_as_existing = tuple(range(len(again.proposals)))  # the page sends no box for them
    response = client.post(reverse("ingest:review", args=[again.pk]), confirm(again, untick=shown_as_existing))
    assert response.status_code == 302
    assert (Event.objects.count(), EventGroup.objects.count(), SalePoint.objects.count()) == counts
    again.refresh_from_db()
    assert {p["status"] for p in again.proposals} == {"existing"}
    page = client.get(reverse("ingest:review", args=[again.pk])).content.decode()
    assert page.count("data-existing") == 16


def test_the_clerk_may_correct_a_proposal_before_it_is_recorded(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    document = upload(client)
    fair = index_of(document, "Hội chợ Công Thương vùng Đông Bắc")
    data = confirm(
        document,
        **{
            f"proposal-{fair}-name": "Hội chợ Công Thương vùng Đông Bắc - Phú Thọ",
            f"proposal-{fair}-kind": "exhibition",
            f"proposal-{fair}-place": "thành phố Việt Trì, tỉnh Phú Thọ",
        },
    )
    client.post(reverse("ingest:review", args=[document.pk]), data)
    corrected = Event.objects.get(name="Hội chợ Công Thương vùng Đông Bắc - Phú Thọ")
    assert corrected.kind == "exhibition" and corrected.place.text == "thành phố Việt Trì, tỉnh Phú Thọ"
    phu_tho = Unit.objects.get(edition=Unit.Edition.PRE_2025, level=Unit.Level.PROVINCE, name="Tỉnh Phú Thọ")
    assert corrected.place.areas.filter(unit=phu_tho).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "chưa có tên"),
        ("name", "x" * 501, "dài quá 500 ký tự"),
        ("place", "ấp " * 300, "dài quá 500 ký tự"),
        ("kind", "ocop_store", "loại không thuộc sổ theo dõi này"),
    ],
)
def test_a_bad_proposal_names_its_row_and_nothing_is_imported(
    client: Client, world: World, field: str, value: str, message: str
) -> None:
    client.force_login(world.vl_office)
    document = upload(client)
    row = index_of(document, "Hội chợ hàng Việt Nam Xuất khẩu")
    response = client.post(
        reverse("ingest:review", args=[document.pk]), confirm(document, **{f"proposal-{row}-{field}": value})
    )
    page = response.content.decode()
    assert response.status_code == 200 and f"Đề xuất sổ theo dõi dòng {row + 1}" in page and message in page
    assert not Report.objects.filter(organisation=world.tra_vinh).exists()
    assert not Event.objects.exists() and not SalePoint.objects.exists()


def test_a_nul_character_in_a_proposal_is_refused_and_nothing_is_imported(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    document = upload(client)
    response = client.post(
        reverse("ingest:review", args=[document.pk]), confirm(document, **{"proposal-0-name": "A\x00"})
    )
    assert response.status_code == 400 and "ký tự NUL" in response.content.decode()
    assert not Report.objects.filter(organisation=world.tra_vinh).exists() and not Event.objects.exists()


def test_nobody_else_sees_or_confirms_the_proposals(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    document = upload(client)
    for user in (world.ag_office, world.sibling_commune_clerk):
        client.force_login(user)
        assert client.get(reverse("ingest:review", args=[document.pk])).status_code == 404
        assert client.post(reverse("ingest:review", args=[document.pk]), confirm(document)).status_code == 404
    assert not Event.objects.exists() and not SalePoint.objects.exists()
