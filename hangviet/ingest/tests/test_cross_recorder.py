"""A co-organised event is recorded once: when Kiên Giang's committee imports its own report, the Phú Quốc
conference Trà Vinh recorded with Kiên Giang among its organisers is shown as already in the registry (recorded
by Trà Vinh) and is not recorded again, though Kiên Giang's report names it differently."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hangviet.ingest.models import IngestDocument
from hangviet.ingest.tests.test_review_proposals import confirm, upload
from hangviet.orgs.actions import merge_organisations
from hangviet.orgs.models import Organisation
from hangviet.orgs.tests.factories import World, make_committee, old_province
from hangviet.registry import actions
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.figures import figures_for_unit
from hangviet.registry.matching import SAME_EVENT_SCORE, find_co_organised_event, name_score
from hangviet.registry.models import Event, EventOrganiser

pytestmark = pytest.mark.django_db

KIEN_GIANG_REPORT = """BAN CHỈ ĐẠO CUỘC VẬN ĐỘNG TỈNH KIÊN GIANG

Kiên Giang, ngày 20 tháng 6 năm 2023

BÁO CÁO

Kết quả thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” 6 tháng đầu năm 2023

Ban Chỉ đạo Cuộc vận động tỉnh Kiên Giang báo cáo kết quả thực hiện Cuộc vận động 6 tháng đầu năm 2023 như sau:

- Sở Công Thương tổ chức 02 hội nghị kết nối cung cầu¹; tổ chức 01 phiên chợ hàng Việt về nông thôn \
tại huyện Giồng Riềng.

¹ Hội nghị kết nối cung cầu sản phẩm OCOP giữa các tỉnh Kiên Giang, Bến Tre, Hậu Giang, Trà Vinh \
tại Thành phố Phú Quốc; Hội nghị kết nối cung cầu hàng hóa tại Thành phố Rạch Giá.
"""


def kien_giang_in_an_giang(world: World) -> Organisation:
    """Old Kiên Giang's committee, whose work passed to An Giang's on 1/7/2025 (as Trà Vinh's to Vĩnh Long's)."""
    kien_giang = make_committee(old_province("91"), world.central, valid_to=datetime.date(2025, 6, 30))
    merge_organisations([kien_giang], world.an_giang, on=datetime.date(2025, 7, 1), acting_user=None)
    return kien_giang


def test_kien_giangs_report_finds_the_conference_tra_vinh_recorded_and_records_it_no_second_time(
    client: Client, world: World
) -> None:
    kien_giang = kien_giang_in_an_giang(world)
    client.force_login(world.vl_office)
    travinh = upload(client)
    client.post(reverse("ingest:review", args=[travinh.pk]), confirm(travinh))
    conference = Event.objects.get(recorded_by=world.tra_vinh, place__text="Thành phố Phú Quốc")
    assert conference.organisers.filter(organisation=kien_giang).exists()

    client.force_login(world.ag_office)
    client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile("kg.txt", KIEN_GIANG_REPORT.encode())]})
    report = IngestDocument.objects.get(original_name="kg.txt")
    assert report.organisation == kien_giang and len(report.proposals) == 2
    page = client.get(reverse("ingest:review", args=[report.pk])).content.decode()
    assert page.count('data-testid="existing-elsewhere"') == 1
    assert "đã có trong sổ theo dõi (do Ban Chỉ đạo Tỉnh Trà Vinh (đến 30/06/2025) ghi)" in page
    assert 'name="proposal-0-decision"' not in page and 'name="proposal-1-decision"' in page

    response = client.post(reverse("ingest:review", args=[report.pk]), confirm(report, untick=(0,)))
    assert response.status_code == 302
    assert Event.objects.filter(place__text="Thành phố Phú Quốc").count() == 1
    recorded = Event.objects.get(recorded_by=kien_giang)
    assert (recorded.name, recorded.place.text) == ("Hội nghị kết nối cung cầu hàng hóa", "Thành phố Rạch Giá")
    report.refresh_from_db()
    assert report.proposals[0]["status"] == "existing"
    assert report.proposals[0]["existing_by"] == "Ban Chỉ đạo Tỉnh Trà Vinh (đến 30/06/2025)"
    page = client.get(reverse("ingest:review", args=[report.pk])).content.decode()
    assert "(do Ban Chỉ đạo Tỉnh Trà Vinh (đến 30/06/2025) ghi)" in page

    window = (datetime.date(2022, 12, 15), datetime.date(2023, 6, 14))
    national = figures_for_unit(world.central.unit, *window)["trade_connection_events"].value
    assert national == Event.objects.filter(kind="trade_connection").count() == 3 + 1


def _conference(recorder: Organisation, organisers: list[Organisation], **fields: object) -> Event:
    day = datetime.date(2023, 5, 10)
    return actions.record_event(
        recorder,
        fields={"name": "Hội nghị kết nối cung cầu giữa các tỉnh tại Thành phố Phú Quốc", "kind": "trade_connection"}
        | {"starts_on": day, "ends_on": day}
        | fields,
        place_text="Thành phố Phú Quốc, tỉnh Kiên Giang",
        organisers=[OrganiserInput(EventOrganiser.Role.CO_ORGANISER, o) for o in organisers],
        acting_user=None,
    )


def test_the_matcher_needs_the_importer_among_the_organisers_an_overlapping_window_and_a_name_alike(
    world: World,
) -> None:
    kien_giang = kien_giang_in_an_giang(world)
    h1 = {"starts_on": datetime.date(2023, 1, 1), "ends_on": datetime.date(2023, 6, 30)}
    name = "Hội nghị kết nối cung cầu tại Thành phố Phú Quốc"

    listed_successor = _conference(world.tra_vinh, [world.an_giang])  # lists today's An Giang
    assert listed_successor.place.is_resolved
    assert find_co_organised_event(kien_giang, kind="trade_connection", name=name, **h1) == listed_successor
    assert find_co_organised_event(world.an_giang, kind="trade_connection", name=name, **h1) == listed_successor
    # Vĩnh Long took over Trà Vinh's work: an event Trà Vinh leads is Vĩnh Long's to find too
    assert find_co_organised_event(world.vinh_long, kind="trade_connection", name=name, **h1) == listed_successor
    assert find_co_organised_event(world.vl_trade, kind="trade_connection", name=name, **h1) is None  # not listed
    assert find_co_organised_event(kien_giang, kind="fair", name=name, **h1) is None
    h2 = {"starts_on": datetime.date(2023, 7, 1), "ends_on": datetime.date(2023, 12, 31)}
    assert find_co_organised_event(kien_giang, kind="trade_connection", name=name, **h2) is None
    other = "Hội chợ hàng Việt Nam chất lượng cao"
    assert find_co_organised_event(kien_giang, kind="trade_connection", name=other, **h1) is None

    # its own events are find_event's: two of its markets in one window are not one market
    _conference(kien_giang, [], name="Phiên chợ hàng Việt tại huyện Giồng Riềng", kind="rural_market")
    assert name_score("Phiên chợ hàng Việt tại huyện Giồng Riềng", "Phiên chợ hàng Việt tại huyện Tân Hiệp") >= 85
    market = "Phiên chợ hàng Việt tại huyện Tân Hiệp"
    assert find_co_organised_event(kien_giang, kind="rural_market", name=market, **h1) is None
    # a place that contradicts: another conference of the same name elsewhere is not this one
    found = find_co_organised_event
    assert found(kien_giang, kind="trade_connection", name=name, place_text="Thành phố Rạch Giá", **h1) is None
    same = found(kien_giang, kind="trade_connection", name=name, place_text="Thành phố Phú Quốc", **h1)
    assert same == listed_successor


def test_name_scores_fold_diacritics_and_punctuation() -> None:
    written = "Hội nghị kết nối cung cầu sản phẩm OCOP giữa các tỉnh Kiên Giang, Bến Tre, Hậu Giang, Trà Vinh"
    recorded = (
        "Hội nghị kết nối cung cầu đẩy mạnh tiêu thụ sản phẩm nông nghiệp, công nghiệp nông thôn tiêu biểu, OCOP "
        "giữa các tỉnh, Kiên Giang, Bến Tre, Hậu Giang, Trà Vinh"
    )
    assert name_score(written, recorded) >= SAME_EVENT_SCORE
    assert name_score("HỘI NGHỊ KẾT NỐI CUNG CẦU", recorded) == 100  # contained
    assert name_score("Hội chợ", "Hội chợ OCOP Vĩnh Long") < SAME_EVENT_SCORE  # too short to be contained
