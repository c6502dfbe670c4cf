"""Meetings of a committee (giao ban quý, sơ kết, tổng kết): scheduled from a plan task with chair and invited
organisations (who are told), documents kept through the upload policy, conclusions that give tasks to
organisations, the conclusion notice in Word; who may see and change what; bad input."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hangviet.audit.models import AuditEvent
from hangviet.notifications.models import Notification
from hangviet.orgs import actions as org_actions
from hangviet.orgs.models import Membership
from hangviet.oversight import actions
from hangviet.oversight.catalogue import meeting_kind_of
from hangviet.oversight.models import Meeting, MeetingDocument
from hangviet.plans.models import Plan, Task

MARCH = datetime.date(2026, 3, 20)


def _soon() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=10)


def _chair(world) -> Membership:
    return org_actions.appoint_new_member(
        world.vinh_long,
        full_name="Nguyễn Thị Hoa",
        position="Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
        role=Membership.Role.STANDING_VICE_CHAIR,
        start=datetime.date(2025, 7, 1),
        acting_user=None,
    )


def _meeting(world, **extra) -> Meeting:
    fields = {
        "kind": "quarterly",
        "title": "Hội nghị giao ban quý I/2026",
        "held_on": MARCH,
        "place": "Hội trường Ủy ban MTTQ Việt Nam tỉnh",
        "participants": [world.vl_trade, world.vl_commune],
        "acting_user": world.vl_office,
    } | extra
    return actions.schedule_meeting(world.vinh_long, **fields)


def _docx_text(content: bytes) -> str:
    from docx import Document as WordDocument

    document = WordDocument(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Actions ------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_scheduled_meeting_invites_the_participants_users(world):
    meeting = _meeting(world, chair=_chair(world))
    assert meeting.status == Meeting.Status.SCHEDULED
    assert set(meeting.participants.all()) == {world.vl_trade, world.vl_commune}
    assert meeting.chair_label == "Nguyễn Thị Hoa, Phó Trưởng ban Thường trực"
    told = set(Notification.objects.values_list("recipient__username", flat=True))
    assert told == {world.vl_trade_clerk.username, world.commune_clerk.username}
    notice = Notification.objects.filter(recipient=world.commune_clerk).get()
    assert "giao ban quý I/2026" in notice.title and notice.link == reverse("oversight:meeting", args=[meeting.pk])
    assert AuditEvent.objects.filter(action="oversight.meeting.scheduled", target_id=str(meeting.pk)).exists()


@pytest.mark.django_db
def test_moving_the_date_tells_the_participants_again_and_a_new_participant_is_told(world):
    meeting = _meeting(world, participants=[world.vl_trade])
    assert Notification.objects.count() == 1
    actions.update_meeting(
        meeting,
        kind="quarterly",
        title=meeting.title,
        held_on=MARCH,
        participants=[world.vl_trade, world.vl_commune],
        acting_user=world.vl_office,
    )
    assert Notification.objects.count() == 2  # the trade department is not told twice of the same date
    actions.update_meeting(
        meeting,
        kind="quarterly",
        title=meeting.title,
        held_on=MARCH + datetime.timedelta(days=1),
        participants=[world.vl_trade, world.vl_commune],
        acting_user=world.vl_office,
    )
    assert Notification.objects.count() == 4


@pytest.mark.django_db
def test_conclusions_mark_the_meeting_held_and_give_tasks_to_organisations(world):
    meeting = _meeting(world)
    actions.record_conclusions(
        meeting,
        conclusions="Đẩy mạnh tuyên truyền về Cuộc vận động.\n\n  Tổ chức phiên chợ hàng Việt quý II.  ",
        follow_ups=[
            actions.FollowUp("Tổ chức 02 phiên chợ hàng Việt về nông thôn.", world.vl_trade, MARCH.replace(month=6))
        ],
        acting_user=world.vl_office,
    )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    assert meeting.conclusion_lines == [
        "Đẩy mạnh tuyên truyền về Cuộc vận động.",
        "Tổ chức phiên chợ hàng Việt quý II.",
    ]
    task = meeting.follow_up_tasks.get()
    assert task.lead == world.vl_trade and task.plan.source == Plan.Source.FOLLOW_UP
    assert task.plan.committee == world.vinh_long and task.due_on == datetime.date(2026, 6, 20)
    assert task.section == meeting.title
    with pytest.raises(ValidationError, match="đã họp"):
        actions.update_meeting(meeting, kind="quarterly", title=meeting.title, held_on=_soon(), acting_user=None)
    mine = _client(world.vl_trade_clerk).get(reverse("plans:mine")).content.decode()
    assert "Tổ chức 02 phiên chợ hàng Việt về nông thôn." in mine


@pytest.mark.django_db
def test_a_cancelled_meeting_tells_the_participants_and_takes_no_conclusions(world):
    meeting = _meeting(world, held_on=_soon())
    actions.cancel_meeting(meeting, reason="Trùng lịch hội nghị của tỉnh.", acting_user=world.vl_office)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    assert Notification.objects.filter(event_key=f"meeting.cancelled:{meeting.pk}").count() == 2
    with pytest.raises(ValidationError, match="đã hủy"):
        actions.record_conclusions(meeting, conclusions="x", acting_user=None)
    with pytest.raises(ValidationError, match="Chỉ hủy được"):
        actions.cancel_meeting(meeting, acting_user=None)


@pytest.mark.django_db
def test_a_meeting_to_come_takes_no_conclusions_yet(world):
    meeting = _meeting(world, held_on=_soon())
    with pytest.raises(ValidationError, match="chưa diễn ra"):
        actions.record_conclusions(meeting, conclusions="Kết luận", acting_user=None)


@pytest.mark.django_db
def test_the_actions_refuse_bad_input(world):
    with pytest.raises(ValidationError, match="chưa có tên"):
        _meeting(world, title="   ")
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        _meeting(world, participants=[world.ag_trade])
    with pytest.raises(ValidationError, match="Ngày họp"):
        _meeting(world, held_on=datetime.date(1999, 12, 31))
    with pytest.raises(ValidationError, match="Loại hội nghị"):
        _meeting(world, kind="party")
    ward_seat = org_actions.appoint_new_member(
        world.vl_commune,
        full_name="Lê Văn C",
        position="Chủ tịch",
        role=Membership.Role.CHAIR,
        start=datetime.date(2025, 7, 1),
        acting_user=None,
    )
    with pytest.raises(ValidationError, match="thành viên của Ban Chỉ đạo"):
        _meeting(world, chair=ward_seat)
    with pytest.raises(ValidationError, match="Chỉ Ban Chỉ đạo"):
        actions.schedule_meeting(world.vl_trade, kind="other", title="Họp", held_on=MARCH, acting_user=None)
    meeting = _meeting(world)
    with pytest.raises(ValidationError, match="Chưa ghi kết luận"):
        actions.record_conclusions(meeting, conclusions=" \n ", acting_user=None)
    with pytest.raises(ValidationError, match="không được trước ngày họp"):
        actions.record_conclusions(
            meeting,
            conclusions="Kết luận",
            follow_ups=[actions.FollowUp("Việc", world.vl_trade, datetime.date(2026, 1, 1))],
            acting_user=None,
        )
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        actions.record_conclusions(
            meeting,
            conclusions="Kết luận",
            follow_ups=[actions.FollowUp("Việc", world.ag_trade, datetime.date(2026, 6, 1))],
            acting_user=None,
        )
    assert Meeting.objects.get().status == Meeting.Status.SCHEDULED and not Task.objects.exists()


@pytest.mark.django_db
def test_a_document_goes_through_the_upload_policy(world):
    meeting = _meeting(world)
    document = actions.add_meeting_document(
        meeting, SimpleUploadedFile("Giấy mời.txt", "Kính mời".encode()), acting_user=world.vl_office
    )
    assert document.original_name == "Giấy mời.txt" and document.file.read() == "Kính mời".encode()
    with pytest.raises(ValidationError, match="chương trình chạy được"):
        actions.add_meeting_document(meeting, SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00"), acting_user=None)
    assert MeetingDocument.objects.count() == 1


def test_plan_task_words_suggest_the_meeting_kind():
    assert meeting_kind_of("Tổ chức hội nghị tổng kết Cuộc vận động năm 2024: Tháng 12/2024.") == "year_review"
    assert (
        meeting_kind_of("Hội nghị quán triệt Văn bản của Trung ương, thành phố … trong giai đoạn mới: Quý III/2024.")
        == "dissemination"
    )
    assert meeting_kind_of("Hội nghị giao ban quý I/2023") == "quarterly"
    assert meeting_kind_of("Hội nghị tổng kết 05 năm giai đoạn 2019-2024") == "phase_review"
    assert meeting_kind_of("Tổ chức phiên chợ hàng Việt") is None


# Pages --------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_list_shows_upcoming_meetings_first_and_an_empty_state(world):
    client = _client(world.vl_office)
    url = reverse("oversight:meetings", args=[world.vinh_long.pk])
    empty = client.get(url).content.decode()
    assert "Chưa có hội nghị nào sắp diễn ra." in empty
    _meeting(world, title="Giao ban quý I/2026")
    _meeting(world, title="Sơ kết 6 tháng đầu năm", kind="half_year_review", held_on=_soon())
    page = client.get(url).content.decode()
    assert page.index("Sơ kết 6 tháng đầu năm") < page.index("Giao ban quý I/2026")
    home = _client(world.commune_clerk).get(reverse("oversight:home")).content.decode()
    assert "Sơ kết 6 tháng đầu năm" in home and "Giao ban quý I/2026" not in home


@pytest.mark.django_db
def test_a_meeting_is_scheduled_from_a_plan_task(world):
    plan = Plan.objects.create(committee=world.vinh_long, year=timezone.localdate().year, title="Kế hoạch")
    task = Task.objects.create(
        plan=plan,
        ref="5",
        content="Tổ chức hội nghị tổng kết Cuộc vận động năm 2026",
        windows=[f"{plan.year}-12"],
    )
    Task.objects.create(plan=plan, ref="6", content="Tổ chức phiên chợ hàng Việt", windows=[f"{plan.year}-06"])
    client = _client(world.vl_office)
    listing = client.get(reverse("oversight:meetings", args=[world.vinh_long.pk])).content.decode()
    create = reverse("oversight:meeting_create", args=[world.vinh_long.pk])
    assert f"{create}?nhiem_vu={task.pk}" in listing and "phiên chợ" not in listing
    form = client.get(create, {"nhiem_vu": task.pk})
    assert form.status_code == 200
    assert form.context["form"].initial["kind"] == "year_review"
    assert form.context["form"].initial["held_on"] == datetime.date(plan.year, 12, 31)
    response = client.post(
        create,
        {
            "task": task.pk,
            "kind": "year_review",
            "title": "Hội nghị tổng kết Cuộc vận động năm 2026",
            "held_on": "15/12/2026",
            "participants": [world.vl_trade.pk],
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.task == task and meeting.held_on == datetime.date(2026, 12, 15)
    assert (
        f"?nhiem_vu={task.pk}"
        not in client.get(reverse("oversight:meetings", args=[world.vinh_long.pk])).content.decode()
    )
    stranger = Task.objects.create(
        plan=Plan.objects.create(committee=world.an_giang, year=plan.year, title="KH An Giang"),
        ref="1",
        content="Hội nghị giao ban",
    )
    assert client.get(create, {"nhiem_vu": stranger.pk}).context["task"] is None
    refused = client.post(create, {"task": stranger.pk, "kind": "quarterly", "title": "x", "held_on": "15/12/2026"})
    assert refused.status_code == 422 and Meeting.objects.count() == 1


@pytest.mark.django_db
def test_the_form_refuses_bad_input_and_keeps_html_as_text(world):
    client = _client(world.vl_office)
    url = reverse("oversight:meeting_create", args=[world.vinh_long.pk])
    base = {"kind": "quarterly", "title": "Giao ban quý I/2026", "held_on": "20/03/2026"}
    bad_date = client.post(url, base | {"held_on": "31/02/2026"})
    assert bad_date.status_code == 422 and "Ngày không có thật" in bad_date.content.decode()
    assert client.post(url, base | {"held_on": "2026-13-01"}).status_code == 422
    empty = client.post(url, base | {"title": "  "})
    assert empty.status_code == 422
    outside = client.post(url, base | {"participants": [world.ag_trade.pk]})
    assert outside.status_code == 422 and "không có trong danh sách" in outside.content.decode()
    assert client.post(url, base | {"title": "Giao ban\x00"}).status_code in (400, 422)  # NUL: refused, never 500
    assert client.post(url, base | {"participants": ["x"]}).status_code == 422
    assert not Meeting.objects.exists()
    ok = client.post(url, base | {"title": "<script>alert(1)</script> Giao ban", "guests": "<b>Báo Vĩnh Long</b>"})
    assert ok.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.title == "<script>alert(1)</script> Giao ban"
    page = client.get(reverse("oversight:meeting", args=[meeting.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;b&gt;Báo Vĩnh Long&lt;/b&gt;" in page


@pytest.mark.django_db
def test_conclusions_with_follow_ups_through_the_page(world):
    meeting = _meeting(world)
    client = _client(world.vl_office)
    url = reverse("oversight:meeting_conclusions", args=[meeting.pk])
    management = {"follow-TOTAL_FORMS": "2", "follow-INITIAL_FORMS": "0"}
    half = client.post(
        url, {"conclusions": "Kết luận 1"} | management | {"follow-0-text": "Việc", "follow-0-due_on": "30/6/2026"}
    )
    assert half.status_code == 422 and "cần đủ nội dung" in half.content.decode()
    tampered = client.post(url, {"conclusions": "Kết luận 1", "follow-TOTAL_FORMS": "x"})
    assert tampered.status_code == 422
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    ok = client.post(
        url,
        {"conclusions": "Kết luận 1\nKết luận 2"}
        | management
        | {
            "follow-0-text": "Báo cáo kết quả phiên chợ",
            "follow-0-lead": world.vl_commune.pk,
            "follow-0-due_on": "30/6/2026",
        },
    )
    assert ok.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD and meeting.follow_up_tasks.get().lead == world.vl_commune
    page = _client(world.commune_clerk).get(reverse("oversight:meeting", args=[meeting.pk])).content.decode()
    assert "Kết luận 2" in page and "Báo cáo kết quả phiên chợ" in page


@pytest.mark.django_db
def test_the_conclusion_notice_opens_in_word_and_holds_the_conclusions(world):
    meeting = _meeting(world, chair=_chair(world), guests="Báo Vĩnh Long")
    actions.record_conclusions(
        meeting,
        conclusions="Đẩy mạnh tuyên truyền về Cuộc vận động.\nKiện toàn Tổ giúp việc ^[không phải chú thích].",
        follow_ups=[actions.FollowUp("Tổ chức 02 phiên chợ.", world.vl_trade, datetime.date(2026, 6, 30))],
        acting_user=None,
    )
    response = _client(world.commune_clerk).get(reverse("oversight:meeting_notice", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = _docx_text(response.content)
    assert "THÔNG BÁO" in text.upper() and "Vĩnh Long, ngày 20 tháng 3 năm 2026" in text
    assert "1. Đẩy mạnh tuyên truyền về Cuộc vận động." in text
    assert "Kiện toàn Tổ giúp việc ^ [không phải chú thích]." in text
    assert "Nguyễn Thị Hoa" in text and "Báo Vĩnh Long" in text
    assert "Tổ chức 02 phiên chợ. Đơn vị thực hiện: Sở Công Thương" in text and "30/6/2026" in text


@pytest.mark.django_db
def test_documents_are_attached_and_downloaded_by_readers_only(world):
    meeting = _meeting(world, participants=[world.vl_commune])
    office = _client(world.vl_office)
    bad = office.post(
        reverse("oversight:meeting_document_add", args=[meeting.pk]),
        {"file": SimpleUploadedFile("giay-moi.exe", b"MZ")},
    )
    assert bad.status_code == 422 and "Chỉ nhận tệp PDF" in bad.content.decode()
    ok = office.post(
        reverse("oversight:meeting_document_add", args=[meeting.pk]),
        {"file": SimpleUploadedFile("giay-moi.txt", "Kính mời".encode())},
    )
    assert ok.status_code == 302
    document = MeetingDocument.objects.get()
    url = reverse("oversight:meeting_document", args=[document.pk])
    download = _client(world.commune_clerk).get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == "Kính mời".encode()
    assert _client(world.sibling_commune_clerk).get(url).status_code == 404
    assert (
        _client(world.commune_clerk)
        .post(reverse("oversight:meeting_document_add", args=[meeting.pk]), {"file": SimpleUploadedFile("a.txt", b"a")})
        .status_code
        == 403
    )


@pytest.mark.django_db
def test_who_sees_and_who_manages_a_meeting(world):
    meeting = _meeting(world, participants=[world.vl_commune])
    url = reverse("oversight:meeting", args=[meeting.pk])
    for user, status in (
        (world.vl_office, 200),
        (world.vl_viewer, 200),
        (world.central_office, 200),
        (world.commune_clerk, 200),  # invited
        (world.sibling_commune_clerk, 404),
        (world.vl_trade_clerk, 404),  # not invited
        (world.ag_office, 404),
    ):
        assert _client(user).get(url).status_code == status, user
    assert Client().get(url).status_code == 302
    edit = reverse("oversight:meeting_edit", args=[meeting.pk])
    assert _client(world.commune_clerk).get(edit).status_code == 403
    assert _client(world.vl_viewer).get(edit).status_code == 403
    assert _client(world.central_office).get(edit).status_code == 403  # the office above reads, does not organise
    cancel = reverse("oversight:meeting_cancel", args=[meeting.pk])
    assert _client(world.commune_clerk).post(cancel, {"reason": "x"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    listing = reverse("oversight:meetings", args=[world.vinh_long.pk])
    assert _client(world.commune_clerk).get(listing).status_code == 404
    assert _client(world.vl_office).get(reverse("oversight:meetings", args=[world.vl_trade.pk])).status_code == 404
    assert (
        _client(world.vl_viewer).get(reverse("oversight:meeting_create", args=[world.vinh_long.pk])).status_code == 403
    )


@pytest.mark.django_db
def test_the_list_page_reads_in_a_few_queries(world, django_assert_max_num_queries):
    for number in range(5):
        _meeting(world, title=f"Giao ban {number}", held_on=MARCH + datetime.timedelta(days=number))
    client = _client(world.vl_office)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("oversight:meetings", args=[world.vinh_long.pk]))
    assert response.status_code == 200 and "Giao ban 4" in response.content.decode()
