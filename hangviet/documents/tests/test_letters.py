"""Letters (công văn) in the Decree 30 layout, sent to organisations inside hangviet, and each organisation's
register of incoming documents (sổ văn bản đến)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from docx import Document as read_docx
from openpyxl import load_workbook

from hangviet.audit.models import AuditEvent
from hangviet.documents import actions
from hangviet.documents.models import Document, IncomingEntry
from hangviet.lib.docx_layout import Block, OfficialDocument, build_docx
from hangviet.notifications.models import Notification
from hangviet.orgs.tests.factories import World, make_user

pytestmark = pytest.mark.django_db
D = datetime.date


def letter(world: World, summary: str = "triển khai Kế hoạch năm 2026", **extra: object) -> Document:
    fields: dict[str, object] = {
        "organisations": [world.vl_trade, world.vl_commune],
        "outside": ["Báo Vĩnh Long"],
        "body": "Thực hiện Kế hoạch số 15/KH-BCĐ, Ban Chỉ đạo đề nghị các đơn vị triển khai."
        "\n\nBáo cáo kết quả trước ngày 15/6.",
        **extra,
    }
    return actions.create_letter(world.vinh_long, summary=summary, acting_user=world.vl_office, **fields)  # type: ignore[arg-type]


JUNE_9 = D(2026, 6, 9)


def issue(document: Document, world: World, on: D = JUNE_9) -> Document:
    return actions.issue_document(
        document, issued_on=on, signer_name="Trần Văn Phúc", recipients=["Lưu: VT, BCĐ."], acting_user=world.vl_office
    )


def paragraphs(content: bytes) -> tuple[list[str], list[str], list[str]]:
    """The body's paragraphs, the header's left column and the "Nơi nhận" column of a rendered document."""
    docx = read_docx(io.BytesIO(content))
    header, signature = docx.tables[0], docx.tables[-1]
    left = [p.text for p in header.rows[0].cells[0].paragraphs if p.text]
    recipients = [p.text for p in signature.rows[0].cells[0].paragraphs if p.text]
    return [p.text for p in docx.paragraphs if p.text], left, recipients


def test_the_letter_layout_puts_vv_under_the_number_kinh_gui_and_nhu_tren(world: World) -> None:
    issued = issue(letter(world), world)
    assert issued.number_symbol == "01/BCĐ-TT"  # a letter's symbol has no type code
    body, left, recipients = paragraphs(issued.file.read())
    assert left[-2:] == ["Số: 01/BCĐ-TT", "V/v triển khai Kế hoạch năm 2026"]
    assert "CÔNG VĂN" not in body and "V/v triển khai Kế hoạch năm 2026" not in body  # no centred title
    start = body.index("Kính gửi:")
    assert body[start + 1 : start + 4] == ["- Sở Công Thương;", f"- {world.vl_commune.name};", "- Báo Vĩnh Long."]
    assert body[start + 4].startswith("Thực hiện Kế hoạch số 15/KH-BCĐ")
    assert recipients == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, BCĐ."]


def test_one_addressee_stands_on_the_kinh_gui_line_and_other_types_keep_their_title() -> None:
    spec = OfficialDocument(
        parent_body="",
        issuing_body="Ban Chỉ đạo",
        number="03/BCĐ-TT",
        place_and_date="Vĩnh Long, ngày 9 tháng 6 năm 2026",
        kind_title="Công văn",
        summary="góp ý dự thảo",
        blocks=[Block("Nội dung.")],
        recipients=["Như trên;", "Lưu: VT."],
        signing_authority="TM. BAN CHỈ ĐẠO",
        signer_position="TRƯỞNG BAN",
        signer_name="A",
        summary_under_number=True,
        addressees=["Sở Tư pháp"],
    )
    body, left, recipients = paragraphs(build_docx(spec))
    assert "Kính gửi: Sở Tư pháp." in body and left[-1] == "V/v góp ý dự thảo"
    assert recipients.count("- Như trên;") == 1  # not added twice
    spec.summary_under_number, spec.addressees = False, []
    body, left, _recipients = paragraphs(build_docx(spec))
    assert body[:2] == ["CÔNG VĂN", "góp ý dự thảo"] and left[-1] == "Số: 03/BCĐ-TT"


def test_issuing_puts_the_letter_in_each_register_with_consecutive_numbers(world: World) -> None:
    first = issue(letter(world), world)
    second = issue(letter(world, "tổ chức phiên chợ", organisations=[world.vl_trade], outside=[]), world)
    entries = IncomingEntry.objects.filter(organisation=world.vl_trade).order_by("number")
    year = datetime.date.today().year
    assert [(e.document, e.number, e.year) for e in entries] == [(first, 1, year), (second, 2, year)]
    assert IncomingEntry.objects.get(organisation=world.vl_commune).number == 1  # each receiver's own series
    assert not IncomingEntry.objects.filter(organisation=world.vinh_long).exists()  # the outside body has none
    assert first.number_symbol == "01/BCĐ-TT" and second.number_symbol == "02/BCĐ-TT"
    told = Notification.objects.filter(recipient=world.vl_trade_clerk, kind=Notification.Kind.DOCUMENT_ISSUED)
    assert told.count() == 2 and told.filter(link=reverse("documents:incoming", args=[world.vl_trade.pk])).exists()
    assert AuditEvent.objects.filter(action="document.received").count() == 3


def test_the_incoming_number_restarts_each_year(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.utils import timezone

    issue(letter(world), world)
    monkeypatch.setattr(timezone, "localdate", lambda *args: D(2099, 1, 2))
    issue(letter(world, "năm sau", outside=[]), world, D(2099, 1, 2))
    entry = IncomingEntry.objects.get(organisation=world.vl_trade, year=2099)
    assert (entry.number, entry.received_on) == (1, D(2099, 1, 2))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"summary": "  "}, "trích yếu"),
        ({"summary": "V/v "}, "trích yếu"),
        ({"organisations": [], "outside": [" ", "-"]}, "nơi kính gửi"),
        ({"body": "\n\n  \n"}, "nội dung"),
    ],
)
def test_a_letter_without_what_it_needs_is_refused(world: World, fields: dict, message: str) -> None:
    data = {"summary": "x", **fields}
    with pytest.raises(ValidationError, match=message):
        letter(world, **data)
    assert not Document.objects.exists()


def test_a_letter_reaches_only_whom_the_committee_may_address(world: World) -> None:
    with pytest.raises(ValidationError, match="Chỉ gửi được"):
        letter(world, organisations=[world.ag_trade])  # another province's agency
    with pytest.raises(ValidationError, match="Chỉ gửi được"):
        letter(world, organisations=[world.tv_agency])  # an organisation that ended
    up = letter(world, organisations=[world.central])  # the committee above
    assert [a.organisation for a in up.addressees.all()] == [world.central, None]


def test_the_office_writes_and_issues_a_letter_over_http(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    page = client.get(reverse("documents:committee", args=[world.vinh_long.pk])).content.decode()
    assert reverse("documents:write_letter", args=[world.vinh_long.pk]) in page
    form = client.get(reverse("documents:write_letter", args=[world.vinh_long.pk])).content.decode()
    assert f'value="{world.vl_trade.pk}"' in form and f'value="{world.central.pk}"' in form
    assert f'value="{world.ag_trade.pk}"' not in form and f'value="{world.an_giang.pk}"' not in form
    response = client.post(
        reverse("documents:write_letter", args=[world.vinh_long.pk]),
        {
            "summary": "V/v triển khai <b>Kế hoạch</b>",
            "organisations": [world.vl_trade.pk, world.vl_health.pk],
            "outside": "Báo Vĩnh Long\n\n",
            "body": "Đoạn một.\r\n\r\nĐoạn hai.",
        },
    )
    document = Document.objects.get(doc_type="CV")
    assert response.status_code == 302 and response["Location"] == reverse("documents:edit", args=[document.pk])
    assert document.summary == "triển khai <b>Kế hoạch</b>"
    assert [b["text"] for b in document.latest.blocks] == ["Đoạn một.", "Đoạn hai."]
    edit = client.get(response["Location"]).content.decode()
    assert "Kính gửi:" in edit and "&lt;b&gt;" in edit and "Lưu: VT, BCĐ." in edit
    issued = client.post(
        reverse("documents:issue", args=[document.pk]),
        {"issued_on": "2026-06-09", "signer_name": "Trần Văn Phúc", "recipients": "Lưu: VT, BCĐ.", "confirm": "on"},
    )
    assert issued.status_code == 302
    shown = client.get(issued["Location"]).content.decode()
    assert "Đã vào sổ văn bản đến của: Sở Công Thương, Sở Y tế." in shown
    document.refresh_from_db()
    assert document.status == "issued" and document.number_symbol == "01/BCĐ-TT"
    assert set(IncomingEntry.objects.values_list("organisation", flat=True)) == {world.vl_trade.pk, world.vl_health.pk}


@pytest.mark.parametrize(
    "data",
    [
        {"summary": "", "organisations": [], "outside": "", "body": "x"},
        {"summary": "a\x00b", "outside": "Báo", "body": "x"},
        {"summary": "a", "outside": "Báo", "body": "x" * 60_000},
        {"summary": "a", "organisations": ["abc"], "body": "x"},
        {"summary": "a", "organisations": ["999999"], "body": "x"},
        {"summary": "a", "outside": "", "body": "x"},
    ],
)
def test_bad_input_on_the_letter_form_is_an_error_on_the_page(client: Client, world: World, data: dict) -> None:
    client.force_login(world.vl_office)
    response = client.post(reverse("documents:write_letter", args=[world.vinh_long.pk]), data)
    if "\x00" in data["summary"]:
        assert response.status_code == 400 and "NUL" in response.content.decode()  # refused before the view
    else:
        assert response.status_code == 422 and "Chưa lưu được" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("vl_viewer", 403), ("vl_trade_clerk", 404), ("ag_office", 404)])
def test_only_the_committees_editors_write_letters(client: Client, world: World, persona: str, status: int) -> None:
    client.force_login(getattr(world, persona))
    assert client.get(reverse("documents:write_letter", args=[world.vinh_long.pk])).status_code == status
    assert client.get(reverse("documents:write_letter", args=[world.vl_trade.pk])).status_code == 404  # no agency


def test_the_register_lists_opens_and_marks_handled(client: Client, world: World) -> None:
    issued = issue(letter(world), world)
    entry = IncomingEntry.objects.get(organisation=world.vl_trade)
    client.force_login(world.vl_trade_clerk)
    page = client.get(reverse("documents:incoming", args=[world.vl_trade.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "01/BCĐ-TT" in text and "V/v triển khai Kế hoạch năm 2026" in text
    assert "Chưa đọc" in text
    # The agency cannot read the committee's documents, but it reads its own copy of the letter.
    assert client.get(reverse("documents:file", args=[issued.pk])).status_code == 404
    assert client.get(reverse("documents:edit", args=[issued.pk])).status_code == 404
    home = client.get(reverse("web:home")).content.decode()
    assert "Văn bản đến chưa xử lý" in home and "01/BCĐ-TT" in home
    download = client.get(reverse("documents:incoming_file", args=[entry.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content)[:2] == b"PK"
    entry.refresh_from_db()
    assert entry.read_at is not None and entry.handled_at is None
    done = client.post(reverse("documents:incoming_handled", args=[entry.pk]), {"note": "Đã giao phòng nghiệp vụ"})
    assert done.status_code == 302
    entry.refresh_from_db()
    assert entry.handled_by == world.vl_trade_clerk and entry.handling_note == "Đã giao phòng nghiệp vụ"
    assert "Đã xử lý" in client.get(reverse("documents:incoming", args=[world.vl_trade.pk])).content.decode()
    assert "Văn bản đến chưa xử lý" not in client.get(reverse("web:home")).content.decode()
    again = client.post(reverse("documents:incoming_handled", args=[entry.pk]), {"note": ""}, follow=True)
    assert "đã được đánh dấu xử lý" in again.content.decode()


def test_the_register_is_empty_then_filtered_by_year_and_exported(client: Client, world: World) -> None:
    client.force_login(world.vl_trade_clerk)
    empty = client.get(reverse("documents:incoming", args=[world.vl_trade.pk])).content.decode()
    assert "Chưa có văn bản đến nào" in empty
    issue(letter(world, "=HYPERLINK(1)"), world)
    year = datetime.date.today().year
    assert (
        "Chưa có văn bản đến nào"
        in client.get(reverse("documents:incoming", args=[world.vl_trade.pk]) + "?year=2001").content.decode()
    )
    assert client.get(reverse("documents:incoming", args=[world.vl_trade.pk]) + "?year=abc").status_code == 404
    export = client.get(reverse("documents:incoming_xlsx", args=[world.vl_trade.pk]) + f"?year={year}")
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "Số đến" and rows[2][0] == 1 and rows[2][2] == "01/BCĐ-TT"
    assert rows[2][5] == "V/v =HYPERLINK(1)"  # a letter's summary opens with V/v: never a formula


@pytest.mark.parametrize(
    ("persona", "read", "handle"),
    [
        ("vl_trade_clerk", 200, 302),
        ("vl_office", 200, 403),  # the office above reads its agency's register, does not handle its mail
        ("vl_health", 404, 404),  # a sibling agency
        ("ag_office", 404, 404),  # another province
        ("commune_clerk", 404, 404),
    ],
)
def test_who_sees_a_register_and_its_file(client: Client, world: World, persona: str, read: int, handle: int) -> None:
    issue(letter(world), world)
    entry = IncomingEntry.objects.get(organisation=world.vl_trade)
    user = make_user("yte", world.vl_health) if persona == "vl_health" else getattr(world, persona)
    client.force_login(user)
    assert client.get(reverse("documents:incoming", args=[world.vl_trade.pk])).status_code == read
    assert client.get(reverse("documents:incoming_xlsx", args=[world.vl_trade.pk])).status_code == read
    assert client.get(reverse("documents:incoming_file", args=[entry.pk])).status_code == read
    assert client.post(reverse("documents:incoming_handled", args=[entry.pk]), {"note": ""}).status_code == handle
    entry.refresh_from_db()
    assert entry.read_at is None or persona == "vl_trade_clerk"  # an office above reading is no read receipt


def test_a_department_outside_the_committee_receives_letters_but_does_not_report(world: World) -> None:
    from hangviet.consolidation.queries import expected_reporters
    from hangviet.orgs.actions import create_organisation
    from hangviet.orgs.models import Organisation
    from hangviet.periods.models import Period

    justice = create_organisation(
        kind=Organisation.Kind.DEPARTMENT,
        name="Sở Tư pháp",
        unit=world.vinh_long.unit,
        parent=world.vinh_long,
        acting_user=None,
    )
    issue(letter(world, organisations=[justice], outside=[]), world)
    assert IncomingEntry.objects.get(organisation=justice).number == 1
    assert justice not in expected_reporters(world.vinh_long, Period.objects.for_code("2026-H1"))
