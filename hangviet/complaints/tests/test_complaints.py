"""Consumer reports as the visitor and the receiving body rely on them: routing by place, the tracking code, the
queue and its gates, the public status without personal data, the bounds on anonymous input."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from hangviet.complaints import actions
from hangviet.complaints.models import ConsumerReport
from hangviet.orgs.tests.factories import World
from hangviet.registry.figures import NATIONAL, compute, scope_for_organisation, scope_for_unit

pytestmark = pytest.mark.django_db

WARD = "chợ Trà Vinh, Phường Trà Vinh, tỉnh Vĩnh Long"


def _post(client: Client, **extra: object):
    data = {"category": "fake", "description": "Nước mắm giả nhãn hiệu, bao bì in mờ.", "place": WARD} | extra
    return client.post("/phan-anh/", data)


def _code(response) -> str:
    text = response.content.decode()
    start = text.index('data-testid="tracking-code">') + len('data-testid="tracking-code">')
    return text[start : text.index("<", start)]


def test_a_visitor_gets_a_code_and_the_report_goes_to_the_province_committee(
    world: World, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(Client(), contact="nguoidan@example.com", contact_name="Nguyễn Văn Dân")
    assert response.status_code == 200
    code = _code(response)
    assert code.startswith("PA-") and len(code) == 13
    report = ConsumerReport.objects.get(code=code)
    assert report.receiver == world.vinh_long  # no route set: the province's committee
    assert report.place.unit is not None and report.place.unit.name == "Phường Trà Vinh"
    assert [message.to for message in mail.outbox] == [["nguoidan@example.com"]]
    assert code in mail.outbox[0].body


def test_a_route_sends_the_province_reports_to_its_market_body(world: World) -> None:
    actions.set_route(world.vinh_long.unit, world.vl_trade, acting_user=None)
    report = actions.submit_report(description="Sữa bột giả", place_text="Phường Long Châu, Vĩnh Long")
    assert report.receiver == world.vl_trade
    other = actions.submit_report(description="Gạo kém chất lượng", place_text="Phường Long Xuyên, tỉnh An Giang")
    assert other.receiver == world.an_giang
    lost = actions.submit_report(description="Không rõ nơi", place_text="ngoài chợ")
    assert lost.receiver == world.central


def test_the_old_province_name_routes_through_the_lineage(world: World) -> None:
    report = actions.submit_report(description="Mật ong giả", place_text="phường 1, thành phố Trà Vinh, tỉnh Trà Vinh")
    assert report.receiver == world.vinh_long


def test_the_queue_shows_only_the_receivers_reports_and_the_contact_only_to_it(world: World) -> None:
    actions.set_route(world.vinh_long.unit, world.vl_trade, acting_user=None)
    report = actions.submit_report(description="Bánh kẹo giả", place_text=WARD, contact="0909 123 456")
    clerk, office, other = Client(), Client(), Client()
    clerk.force_login(world.vl_trade_clerk)
    office.force_login(world.vl_office)
    other.force_login(world.ag_office)
    assert report.code in clerk.get("/xu-ly-phan-anh/").content.decode()
    assert report.code not in office.get("/xu-ly-phan-anh/").content.decode()  # an office above sees nothing
    detail = clerk.get(f"/xu-ly-phan-anh/{report.pk}/")
    assert "0909 123 456" in detail.content.decode()
    assert office.get(f"/xu-ly-phan-anh/{report.pk}/").status_code == 404
    assert other.get(f"/xu-ly-phan-anh/{report.pk}/").status_code == 404
    assert (
        other.post(f"/xu-ly-phan-anh/{report.pk}/tra-loi/", {"outcome": "resolved", "public_answer": "x"}).status_code
        == 404
    )


def test_after_forwarding_the_contact_goes_with_the_report(world: World) -> None:
    report = actions.submit_report(description="Thuốc giả", place_text=WARD, contact="0909 000 111")
    office = Client()
    office.force_login(world.vl_office)
    response = office.post(f"/xu-ly-phan-anh/{report.pk}/chuyen/", {"to": world.vl_health.pk, "note": "Thuốc"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.receiver == world.vl_health and report.status == ConsumerReport.Status.FORWARDED
    page = office.get(f"/xu-ly-phan-anh/{report.pk}/").content.decode()  # the forwarder still reads it
    assert "0909 000 111" not in page
    assert (
        office.post(
            f"/xu-ly-phan-anh/{report.pk}/tra-loi/", {"outcome": "resolved", "public_answer": "Đã xử lý"}
        ).status_code
        == 403
    )


def test_a_viewer_reads_but_cannot_answer(world: World) -> None:
    report = actions.submit_report(description="Hàng nhái", place_text=WARD)
    viewer = Client()
    viewer.force_login(world.vl_viewer)
    assert viewer.get(f"/xu-ly-phan-anh/{report.pk}/").status_code == 200
    response = viewer.post(f"/xu-ly-phan-anh/{report.pk}/tra-loi/", {"outcome": "resolved", "public_answer": "x"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == ConsumerReport.Status.RECEIVED


def test_the_visitor_follows_the_answer_by_code_without_personal_data(world: World) -> None:
    report = actions.submit_report(
        description="Rượu giả", place_text=WARD, contact="bimat@example.com", contact_name="Trần Bí Mật"
    )
    page = Client().get("/phan-anh/tra-cuu/", {"code": report.code.lower().replace("-", " ")})
    assert page.status_code == 200 and "Đã tiếp nhận" in page.content.decode()
    actions.close_report(
        report,
        outcome="resolved",
        public_answer="Đã kiểm tra, thu giữ 20 chai.",
        case_reference="QLTT-12",
        acting_user=world.vl_office,
    )
    text = Client().get("/phan-anh/tra-cuu/", {"code": report.code}).content.decode()
    assert "Đã kiểm tra, thu giữ 20 chai." in text and "Đã xử lý" in text
    for private in ("bimat@example.com", "Trần Bí Mật", "QLTT-12", world.vinh_long.name):
        assert private not in text
    api = Client().get(f"/api/public/reports/{report.code}").json()
    assert api["status"] == "handled" and api["answer"] == "Đã kiểm tra, thu giữ 20 chai."
    assert "bimat" not in json.dumps(api, ensure_ascii=False) and "Trần" not in json.dumps(api, ensure_ascii=False)


def test_unknown_and_malformed_codes_answer_the_same_404(world: World) -> None:
    client = Client()
    for code in ("PA-2222222222", "PA-0000000000", "abc", "PA-' OR 1=1"):
        assert client.get("/phan-anh/tra-cuu/", {"code": code}).status_code in (404, 400)
        response = client.get(f"/api/public/reports/{code}")
        assert response.status_code == 404
        assert response.json()["detail"] == "Không tìm thấy phản ánh có mã này."


def test_html_is_stored_as_written_and_shown_escaped(world: World) -> None:
    actions.set_route(world.vinh_long.unit, world.vl_trade, acting_user=None)
    response = _post(Client(), description="<script>alert('x')</script> hàng giả <b>đậm</b>")
    report = ConsumerReport.objects.get(code=_code(response))
    assert report.description.startswith("<script>")
    clerk = Client()
    clerk.force_login(world.vl_trade_clerk)
    page = clerk.get(f"/xu-ly-phan-anh/{report.pk}/").content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_nul_bytes_are_refused_in_vietnamese(world: World) -> None:
    response = _post(Client(), description="Hàng giả\x00 ở chợ")
    assert response.status_code == 400 and "NUL" in response.content.decode()
    api = Client().post(
        "/api/public/reports", json.dumps({"description": "Hàng\x00 giả ở chợ", "place": WARD}), "application/json"
    )
    assert api.status_code == 400
    assert not ConsumerReport.objects.exists()


def test_the_honeypot_records_nothing(world: World) -> None:
    response = _post(Client(), website="http://spam.example")
    assert response.status_code == 200 and 'data-testid="tracking-code"' in response.content.decode()
    assert not ConsumerReport.objects.exists()


def test_reports_are_rate_limited_per_address_with_a_vietnamese_message(world: World) -> None:
    client = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [_post(client).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert "quá nhiều yêu cầu" in _post(client).content.decode()
    api = client.post(
        "/api/public/reports", json.dumps({"description": "Hàng giả ở chợ", "place": WARD}), "application/json"
    )
    assert api.status_code == 429 and "quá nhiều yêu cầu" in api.json()["detail"]
    assert ConsumerReport.objects.count() == 5
    attempts = {_post(Client(REMOTE_ADDR="203.0.113.11"), description="").status_code for _ in range(31)}
    assert attempts == {400, 429}  # invalid attempts are bounded too
    assert _post(Client(REMOTE_ADDR="203.0.113.10")).status_code == 200  # another address is not bounded


def test_code_lookups_are_rate_limited(world: World) -> None:
    client = Client(REMOTE_ADDR="198.51.100.7")
    statuses = {client.get("/api/public/reports/PA-2222222222").status_code for _ in range(61)}
    assert statuses == {404, 429}


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x8825] = {1: "N", 2: (9.0, 56.0, 0.0), 3: "E", 4: (106.0, 20.0, 0.0)}  # GPS position
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_a_photo_is_re_encoded_without_exif_or_gps(world: World) -> None:
    raw = _jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get(0x010F) == "SecretCam"
    response = _post(Client(), photo=SimpleUploadedFile("anh.jpg", raw, "image/jpeg"))
    report = ConsumerReport.objects.get(code=_code(response))
    stored = report.photo.read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and image.size == (40, 30)
    assert not image.getexif() and b"SecretCam" not in stored and "exif" not in image.info


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("anh.gif", b"GIF89a....", "Không nhận loại tệp"),
        ("anh.jpg", b"MZ\x90\x00 not a photo", "chương trình"),
        ("anh.png", b"\x89PNG\r\n\x1a\nbroken", "Không đọc được ảnh"),
        ("anh.jpg", b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024 + 10), "quá lớn"),
    ],
)
def test_a_hostile_photo_is_refused_with_a_reason(world: World, name: str, content: bytes, message: str) -> None:
    response = _post(Client(), photo=SimpleUploadedFile(name, content))
    assert response.status_code in (400, 413)
    assert message in response.content.decode()
    assert not ConsumerReport.objects.exists()


def test_the_api_takes_a_report_and_refuses_bad_input_in_vietnamese(world: World) -> None:
    client = Client()
    created = client.post(
        "/api/public/reports",
        json.dumps({"description": "Dầu ăn không rõ nguồn gốc", "place": WARD, "product": "Dầu ăn X"}),
        "application/json",
    )
    assert created.status_code == 201
    assert ConsumerReport.objects.get(code=created.json()["code"]).product == "Dầu ăn X"
    for body, status in (
        ("not json", 400),
        ("[1, 2]", 400),
        (json.dumps({"description": 5, "place": WARD}), 400),
        (json.dumps({"description": "Hàng giả", "place": WARD, "secret": "x"}), 400),
        (json.dumps({"description": "ngắn", "place": WARD}), 422),
        (json.dumps({"description": "x" * 5000, "place": WARD}), 422),
        (json.dumps({"description": "Hàng giả ở chợ"}), 422),
    ):
        response = client.post("/api/public/reports", body, "application/json")
        assert response.status_code == status, body
        assert any(ch in response.json()["detail"] for ch in "ảạáàãệếôơưđ"), response.json()
    assert ConsumerReport.objects.count() == 1


def test_ask_add_information_and_close(world: World) -> None:
    report = actions.submit_report(description="Mỹ phẩm giả", place_text=WARD)
    office = Client()
    office.force_login(world.vl_office)
    office.post(f"/xu-ly-phan-anh/{report.pk}/bo-sung/", {"question": "Xin cho biết tên quầy hàng."})
    report.refresh_from_db()
    assert report.status == ConsumerReport.Status.NEEDS_INFO
    visitor = Client()
    page = visitor.get("/phan-anh/tra-cuu/", {"code": report.code}).content.decode()
    assert "Xin cho biết tên quầy hàng." in page
    visitor.post("/phan-anh/tra-cuu/", {"code": report.code, "text": "Quầy số 12"})
    report.refresh_from_db()
    assert report.status == ConsumerReport.Status.RECEIVED
    assert "Quầy số 12" in office.get(f"/xu-ly-phan-anh/{report.pk}/").content.decode()
    closed = office.post(f"/xu-ly-phan-anh/{report.pk}/tra-loi/", {"outcome": "resolved", "public_answer": ""})
    assert closed.status_code == 400
    office.post(
        f"/xu-ly-phan-anh/{report.pk}/tra-loi/", {"outcome": "unfounded", "public_answer": "Không phát hiện vi phạm."}
    )
    report.refresh_from_db()
    assert report.status == ConsumerReport.Status.HANDLED
    again = office.post(f"/xu-ly-phan-anh/{report.pk}/bo-sung/", {"question": "Lại?"})
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.status == ConsumerReport.Status.HANDLED


def test_an_intake_organisation_enters_an_offline_report(world: World) -> None:
    clerk = Client()
    clerk.force_login(world.commune_clerk)
    response = clerk.post(
        "/xu-ly-phan-anh/nhap/",
        {
            "organisation": world.vl_commune.pk,
            "category": "poor_quality",
            "description": "Người dân báo gạo mốc.",
            "place": "ấp 3, Phường Trà Vinh",
            "contact_name": "Bà Tư",
        },
    )
    assert response.status_code == 302
    report = ConsumerReport.objects.get()
    assert report.channel == ConsumerReport.Channel.OFFLINE and report.intake_organisation == world.vl_commune
    assert report.receiver == world.vinh_long  # the ward's province, completed from the intake's area
    assert "Bà Tư" in clerk.get(f"/xu-ly-phan-anh/{report.pk}/").content.decode()  # the intake wrote it down
    sibling = Client()
    sibling.force_login(world.sibling_commune_clerk)
    refused = sibling.post(
        "/xu-ly-phan-anh/nhap/",
        {
            "organisation": world.vl_commune.pk,
            "description": "Giả mạo tổ chức khác",
            "place": WARD,
            "category": "other",
        },
    )
    assert refused.status_code == 404
    viewer = Client()
    viewer.force_login(world.vl_viewer)
    assert viewer.get("/xu-ly-phan-anh/nhap/").status_code == 403


def test_routing_is_set_by_the_province_standing_office_only(world: World) -> None:
    office, clerk = Client(), Client()
    office.force_login(world.vl_office)
    clerk.force_login(world.vl_trade_clerk)
    url = f"/xu-ly-phan-anh/phan-luong/{world.vinh_long.pk}/"
    assert clerk.post(url, {"organisation": world.vl_trade.pk}).status_code == 404  # the committee is unseen
    assert office.post(url, {"organisation": world.ag_trade.pk}).status_code == 200  # not a choice
    assert office.post(url, {"organisation": world.vl_trade.pk}).status_code == 302
    assert actions.submit_report(description="Hàng giả", place_text=WARD).receiver == world.vl_trade


def test_counts_feed_the_indicators_by_area_and_receiver(world: World) -> None:
    actions.set_route(world.vinh_long.unit, world.vl_trade, acting_user=None)
    first = actions.submit_report(description="Hàng giả", place_text=WARD)
    actions.submit_report(description="Hàng nhái", place_text="Phường Long Châu, tỉnh Vĩnh Long")
    actions.submit_report(description="Hàng lậu", place_text="Phường Long Xuyên, tỉnh An Giang")
    actions.close_report(first, outcome="resolved", public_answer="Đã xử lý", acting_user=None)
    today = datetime.date.today()
    start, end = today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    province = compute(scope_for_unit(world.vinh_long.unit), start, end)
    assert province["consumer_reports_received"].value == 2
    assert province["consumer_reports_handled"].value == 1
    assert compute(scope_for_unit(world.vl_commune.unit), start, end)["consumer_reports_received"].value == 1
    assert compute(scope_for_organisation(world.vl_trade), start, end)["consumer_reports_received"].value == 2
    assert compute(NATIONAL, start, end)["consumer_reports_received"].value == 3
    assert "consumer_reports_received" not in compute(
        scope_for_unit(world.vinh_long.unit), start - datetime.timedelta(days=30), start - datetime.timedelta(days=2)
    )
