"""Every change of oversight data: programmes, visits, findings, recommendations (as tasks of the inspected
body), market-control cases and period totals; meetings with their documents and conclusions. Each is atomic
and audited; values are checked here too, so the command line, the demo and the pages refuse the same bad input
with the same Vietnamese message."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.complaints.actions import normalise_code
from hangviet.complaints.models import ConsumerReport
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.periods import PeriodKey
from hangviet.lib.storage import discard_on_rollback
from hangviet.lib.text import normalize_text
from hangviet.lib.timewindows import Window, parse_windows
from hangviet.lib.uploads import check_upload
from hangviet.lib.vnformat import format_date_short, format_number
from hangviet.notifications.actions import Notice, notify
from hangviet.notifications.models import Notification
from hangviet.notifications.queries import users_of
from hangviet.orgs.models import Membership, Organisation
from hangviet.orgs.policy import list_subtree_ids, may_enforce
from hangviet.oversight.catalogue import (
    FINDING_KINDS,
    MEETING_KINDS,
    ORIGINS,
    OUTCOMES,
    PROGRAMME_KINDS,
    VIOLATION_TYPES,
    Named,
)
from hangviet.oversight.models import (
    CaseTotal,
    Finding,
    MarketCase,
    Meeting,
    MeetingDocument,
    Programme,
    Recommendation,
    Visit,
)
from hangviet.periods.models import Period
from hangviet.plans.actions import add_follow_up_task
from hangviet.plans.models import Task
from hangviet.registry.models import Place, Producer
from hangviet.registry.places import make_place

EARLIEST = datetime.date(2000, 1, 1)
MAX_FINE = Decimal("1000000000000")  # 1.000 tỷ đồng: beyond any administrative fine


def _codes(items: Iterable[Named]) -> set[str]:
    return {item.code for item in items}


def _check_date(day: datetime.date, label: str) -> None:
    latest = timezone.localdate() + datetime.timedelta(days=366 * 2)
    if not EARLIEST <= day <= latest:
        raise ValidationError(
            _("%(label)s phải từ %(earliest)s đến %(latest)s.")
            % {"label": label, "earliest": EARLIEST.strftime("%d/%m/%Y"), "latest": latest.strftime("%d/%m/%Y")}
        )


def _check_below(committee: Organisation, chosen: list[Organisation]) -> None:
    """ValidationError naming the organisations that are not below ``committee`` (its agencies, lower committees
    and theirs, and the ones merged into them)."""
    below = list_subtree_ids({committee.pk}) - {committee.pk}
    unknown = [organisation.name for organisation in chosen if organisation.pk not in below]
    if unknown:
        raise ValidationError(
            _("Đơn vị không thuộc phạm vi của Ban Chỉ đạo: %(names)s.") % {"names": "; ".join(unknown)}
        )


def check_subjects(committee: Organisation, subjects: Iterable[Organisation]) -> list[Organisation]:
    chosen = list(subjects)
    if not chosen:
        raise ValidationError(_("Hãy chọn ít nhất một đơn vị được kiểm tra, giám sát."))
    _check_below(committee, chosen)
    return chosen


@transaction.atomic
def create_programme(
    committee: Organisation,
    *,
    kind: str,
    title: str,
    year: int,
    windows_text: str,
    subjects: Iterable[Organisation],
    topics: str = "",
    legal_basis: str = "",
    acting_user: User | None,
) -> Programme:
    """A committee's programme over subjects below it, in windows read from the text ("tháng 6, tháng 11")."""
    if not committee.is_committee:
        raise ValidationError(_("Chỉ Ban Chỉ đạo mới lập chương trình kiểm tra, giám sát."))
    if kind not in _codes(PROGRAMME_KINDS):
        raise ValidationError(_("Hình thức kiểm tra, giám sát không hợp lệ."))
    if not 2000 <= year <= 2100:
        raise ValidationError(_("Năm phải từ 2000 đến 2100."))
    clean_title = normalize_text(title)
    if not clean_title:
        raise ValidationError(_("Chương trình chưa có tên."))
    windows = parse_windows(normalize_text(windows_text), default_year=year)
    if not windows:
        raise ValidationError(
            _("Không đọc được thời gian “%(text)s”: ghi ví dụ “tháng 6, tháng 11” hoặc “quý IV/2026”.")
            % {"text": windows_text}
        )
    chosen = check_subjects(committee, subjects)
    programme = Programme.objects.create(
        committee=committee,
        kind=kind,
        title=clean_title[:500],
        year=year,
        windows_text=normalize_text(windows_text)[:255],
        windows=[window.iso for window in windows],
        topics=normalize_text(topics),
        legal_basis=normalize_text(legal_basis),
        created_by=acting_user,
    )
    programme.subjects.set(chosen)
    record(programme, "oversight.programme.created", actor=acting_user, subjects=[s.pk for s in chosen])
    return programme


@transaction.atomic
def open_visit(
    programme: Programme,
    *,
    subject: Organisation,
    visited_on: datetime.date,
    period: PeriodKey,
    members: str = "",
    notes: str = "",
    acting_user: User | None,
) -> Visit:
    """A visit to one of the programme's subjects; its checklist is read for ``period``."""
    if not programme.subjects.filter(pk=subject.pk).exists():
        raise ValidationError(_("%(name)s không phải đối tượng của chương trình này.") % {"name": subject.name})
    _check_date(visited_on, _("Ngày làm việc"))
    visit = Visit.objects.create(
        programme=programme,
        subject=subject,
        visited_on=visited_on,
        period_code=period.code,
        members=normalize_text(members),
        notes=normalize_text(notes),
        created_by=acting_user,
    )
    record(visit, "oversight.visit.opened", actor=acting_user, subject=subject.pk)
    return visit


@transaction.atomic
def record_finding(visit: Visit, *, kind: str, text: str, criterion: str = "", acting_user: User | None) -> Finding:
    if kind not in _codes(FINDING_KINDS):
        raise ValidationError(_("Loại kết quả không hợp lệ."))
    clean = normalize_text(text)
    if not clean:
        raise ValidationError(_("Kết quả kiểm tra chưa có nội dung."))
    finding = Finding.objects.create(visit=visit, kind=kind, text=clean, criterion=normalize_text(criterion)[:255])
    record(finding, "oversight.finding.recorded", actor=acting_user, visit=visit.pk)
    return finding


@transaction.atomic
def make_recommendation(visit: Visit, *, text: str, due_on: datetime.date, acting_user: User | None) -> Recommendation:
    """A recommendation to the visited body: a task it leads in the committee's follow-up list of the year,
    which it closes with evidence (``plans.actions.record_progress``)."""
    _check_date(due_on, _("Thời hạn"))
    if due_on < visit.visited_on:
        raise ValidationError(_("Thời hạn thực hiện kiến nghị không được trước ngày làm việc."))
    clean = normalize_text(text)
    if not clean:
        raise ValidationError(_("Kiến nghị chưa có nội dung."))
    programme = visit.programme
    task = add_follow_up_task(
        programme.committee,
        year=programme.year,
        content=clean,
        lead=visit.subject,
        window=Window(due_on, due_on),
        section=programme.title,
        acting_user=acting_user,
    )
    recommendation = Recommendation.objects.create(
        visit=visit, addressee=visit.subject, text=clean, due_on=due_on, task=task
    )
    record(recommendation, "oversight.recommendation.made", actor=acting_user, task=task.pk)
    return recommendation


def _check_enforcing(agency: Organisation) -> None:
    if not may_enforce(agency):
        raise ValidationError(
            _("%(name)s không phải cơ quan có chức năng kiểm tra, xử lý vi phạm.") % {"name": agency.name}
        )


def _check_fine(fine: Decimal | None) -> None:
    if fine is None:
        return
    if fine < 0:
        raise ValidationError(_("Số tiền phạt không được âm."))
    if fine > MAX_FINE or fine != fine.to_integral_value():
        raise ValidationError(_("Số tiền phạt phải là số đồng nguyên, không quá 1.000 tỷ đồng."))


@transaction.atomic
def record_case(
    agency: Organisation,
    *,
    occurred_on: datetime.date,
    violation_type: str,
    outcome: str,
    place_text: str = "",
    producer: Producer | None = None,
    subject_text: str = "",
    goods: str = "",
    origin: str = "planned",
    fine_vnd: Decimal | None = None,
    decision_ref: str = "",
    consumer_report_ref: str = "",
    notes: str = "",
    acting_user: User | None,
) -> MarketCase:
    """One case of an enforcing agency; the place is kept as written and resolved on the day."""
    _check_enforcing(agency)
    _check_date(occurred_on, _("Ngày kiểm tra"))
    if violation_type not in _codes(VIOLATION_TYPES):
        raise ValidationError(_("Loại vi phạm không hợp lệ."))
    if outcome not in _codes(OUTCOMES):
        raise ValidationError(_("Kết quả xử lý không hợp lệ."))
    if origin not in _codes(ORIGINS):
        raise ValidationError(_("Nguồn vụ việc không hợp lệ."))
    _check_fine(fine_vnd)
    if fine_vnd and outcome in {"no_violation"}:
        raise ValidationError(_("Vụ không vi phạm không có tiền phạt."))
    place: Place | None = None
    if normalize_text(place_text):
        place = make_place(place_text, context=agency.unit, on_date=occurred_on)
    case = MarketCase.objects.create(
        agency=agency,
        occurred_on=occurred_on,
        place=place,
        producer=producer,
        subject_text=normalize_text(subject_text)[:255] or (producer.name if producer else ""),
        goods=normalize_text(goods)[:255],
        origin=origin,
        violation_type=violation_type,
        outcome=outcome,
        fine_vnd=fine_vnd,
        decision_ref=normalize_text(decision_ref)[:255],
        consumer_report_ref=normalize_text(consumer_report_ref)[:120],
        notes=normalize_text(notes),
        created_by=acting_user,
    )
    linked = _consumer_reports(agency, consumer_report_ref)
    case.consumer_reports.set(linked)
    record(
        case,
        "oversight.case.recorded",
        actor=acting_user,
        agency=agency.pk,
        consumer_reports=[report.code for report in linked],
    )
    return case


TRACKING_CODE = re.compile(r"\bPA-?[0-9A-Z]{10}\b", re.IGNORECASE)


def _consumer_reports(agency: Organisation, text: str) -> list[ConsumerReport]:
    """The consumer reports a case names by their tracking codes ("PA-7K3M9Q2XTD"): each must have been
    received, or forwarded, to the agency recording the case."""
    found: list[ConsumerReport] = []
    for written in TRACKING_CODE.findall(text or ""):
        code = normalise_code(written)
        report = ConsumerReport.objects.filter(code=code).first() if code else None
        if report is None or report.receiver_id != agency.pk:
            raise ValidationError(
                _("Không tìm thấy phản ánh %(code)s trong các phản ánh %(agency)s đang xử lý.")
                % {"code": written.upper(), "agency": agency.name}
            )
        if report not in found:
            found.append(report)
    return found


@transaction.atomic
def record_case_total(
    agency: Organisation,
    *,
    period: PeriodKey,
    inspections: int,
    violations_handled: int | None = None,
    fines_vnd: Decimal | None = None,
    notes: str = "",
    acting_user: User | None,
) -> CaseTotal:
    """One period total of an agency that gives totals only (recording it again replaces it)."""
    _check_enforcing(agency)
    if inspections < 0 or (violations_handled is not None and violations_handled < 0):
        raise ValidationError(_("Số vụ không được âm."))
    if violations_handled is not None and violations_handled > inspections:
        raise ValidationError(_("Số vụ vi phạm đã xử lý không được lớn hơn số vụ kiểm tra."))
    _check_fine(fines_vnd)
    period_row = Period.objects.for_key(period)
    total, created = CaseTotal.objects.select_for_update().update_or_create(
        agency=agency,
        period=period_row,
        defaults={
            "inspections": inspections,
            "violations_handled": violations_handled,
            "fines_vnd": fines_vnd,
            "notes": normalize_text(notes),
            "created_by": acting_user,
        },
    )
    record(total, "oversight.case_total.recorded", actor=acting_user, period=period.code, replaced=not created)
    return total


# Meetings ------------------------------------------------------------------------------------------------------

MAX_MEETING_TEXT = 20_000


@dataclass(frozen=True)
class FollowUp:
    """One conclusion of a meeting given to an organisation as a task, due on ``due_on``."""

    text: str
    lead: Organisation
    due_on: datetime.date


def _lines(text: str, label: str) -> str:
    """Multi-line text kept line by line (NFC, spaces folded within a line, blank lines dropped)."""
    kept = "\n".join(clean for line in text.splitlines() if (clean := normalize_text(line)))
    if len(kept) > MAX_MEETING_TEXT:
        raise ValidationError(
            _("%(label)s quá dài (tối đa %(limit)s ký tự).")
            % {"label": label, "limit": format_number(MAX_MEETING_TEXT)}
        )
    return kept


def _meeting_fields(
    committee: Organisation,
    *,
    kind: str,
    title: str,
    held_on: datetime.date,
    place: str,
    chair: Membership | None,
    chair_text: str,
    guests: str,
    agenda: str,
    task: Task | None,
) -> dict[str, Any]:
    if kind not in _codes(MEETING_KINDS):
        raise ValidationError(_("Loại hội nghị không hợp lệ."))
    clean_title = normalize_text(title)
    if not clean_title:
        raise ValidationError(_("Hội nghị chưa có tên."))
    if len(clean_title) > 500:
        raise ValidationError(_("Tên hội nghị quá dài (tối đa 500 ký tự)."))
    _check_date(held_on, _("Ngày họp"))
    if chair is not None and chair.committee_id != committee.pk:
        raise ValidationError(_("Người chủ trì phải là thành viên của Ban Chỉ đạo tổ chức hội nghị."))
    if task is not None and task.plan.committee_id != committee.pk:
        raise ValidationError(_("Nhiệm vụ không thuộc kế hoạch của Ban Chỉ đạo tổ chức hội nghị."))
    return {
        "kind": kind,
        "title": clean_title,
        "held_on": held_on,
        "place": normalize_text(place)[:255],
        "chair": chair,
        "chair_text": normalize_text(chair_text)[:255],
        "guests": _lines(guests, _("Khách mời khác")),
        "agenda": _lines(agenda, _("Nội dung")),
        "task": task,
    }


def _check_participants(committee: Organisation, participants: Iterable[Organisation]) -> list[Organisation]:
    chosen = list(participants)
    _check_below(committee, chosen)
    return chosen


@in_vietnamese()  # stored and mailed to the participants: in the committee's language
def _tell_participants(meeting: Meeting, *, acting_user: User | None) -> int:
    """Invite the users of the participating organisations; told again only when the date changes."""
    users = {user.pk: user for organisation in meeting.participants.all() for user in users_of(organisation)}
    where = _(" tại %(place)s") % {"place": meeting.place} if meeting.place else ""
    notice = Notice(
        Notification.Kind.OTHER,
        f"meeting.scheduled:{meeting.pk}:{meeting.held_on.isoformat()}",
        _("Mời dự: %(title)s, ngày %(day)s") % {"title": meeting.title, "day": format_date_short(meeting.held_on)},
        _("%(committee)s mời đơn vị dự %(title)s ngày %(day)s%(where)s.")
        % {
            "committee": meeting.committee.name,
            "title": meeting.title,
            "day": format_date_short(meeting.held_on),
            "where": where,
        },
        link=reverse("oversight:meeting", args=[meeting.pk]),
    )
    return notify(users.values(), notice, actor=acting_user)


def _lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)


@transaction.atomic
def schedule_meeting(
    committee: Organisation,
    *,
    kind: str,
    title: str,
    held_on: datetime.date,
    place: str = "",
    chair: Membership | None = None,
    chair_text: str = "",
    participants: Iterable[Organisation] = (),
    guests: str = "",
    agenda: str = "",
    task: Task | None = None,
    acting_user: User | None,
) -> Meeting:
    """A meeting the committee organises (from one of its plan tasks, or on its own); the participating
    organisations below the committee are invited (a notification to their users)."""
    if not committee.is_committee:
        raise ValidationError(_("Chỉ Ban Chỉ đạo mới tổ chức hội nghị, giao ban."))
    fields = _meeting_fields(
        committee,
        kind=kind,
        title=title,
        held_on=held_on,
        place=place,
        chair=chair,
        chair_text=chair_text,
        guests=guests,
        agenda=agenda,
        task=task,
    )
    chosen = _check_participants(committee, participants)
    meeting = Meeting.objects.create(committee=committee, created_by=acting_user, **fields)
    meeting.participants.set(chosen)
    told = _tell_participants(meeting, acting_user=acting_user)
    record(
        meeting,
        "oversight.meeting.scheduled",
        actor=acting_user,
        participants=[organisation.pk for organisation in chosen],
        task=task.pk if task else None,
        told=told,
    )
    return meeting


@transaction.atomic
def update_meeting(
    meeting: Meeting,
    *,
    kind: str,
    title: str,
    held_on: datetime.date,
    place: str = "",
    chair: Membership | None = None,
    chair_text: str = "",
    participants: Iterable[Organisation] = (),
    guests: str = "",
    agenda: str = "",
    acting_user: User | None,
) -> Meeting:
    """Change a meeting that is not cancelled (its plan task stays); newly invited organisations are told, and
    everyone again when the date moves."""
    locked = _lock(meeting)
    if locked.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("Hội nghị đã hủy nên không sửa được."))
    fields = _meeting_fields(
        locked.committee,
        kind=kind,
        title=title,
        held_on=held_on,
        place=place,
        chair=chair,
        chair_text=chair_text,
        guests=guests,
        agenda=agenda,
        task=locked.task,
    )
    if locked.status == Meeting.Status.HELD and held_on > timezone.localdate():
        raise ValidationError(_("Hội nghị đã họp nên ngày họp không thể ở sau hôm nay."))
    chosen = _check_participants(locked.committee, participants)
    changed = [name for name, value in fields.items() if getattr(locked, name) != value]
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*fields])
    locked.participants.set(chosen)
    told = _tell_participants(locked, acting_user=acting_user)
    record(
        locked,
        "oversight.meeting.updated",
        actor=acting_user,
        changed=changed,
        participants=[organisation.pk for organisation in chosen],
        told=told,
    )
    return locked


@transaction.atomic
def record_conclusions(
    meeting: Meeting,
    *,
    conclusions: str,
    follow_ups: Sequence[FollowUp] = (),
    acting_user: User | None,
) -> Meeting:
    """The meeting was held: its conclusions (one per line) are kept, and each follow-up becomes a task its
    organisation leads in the committee's follow-up list of the meeting's year (``add_follow_up_task``)."""
    locked = _lock(meeting)
    if locked.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("Hội nghị đã hủy nên không ghi kết luận được."))
    if locked.held_on > timezone.localdate():
        raise ValidationError(_("Hội nghị chưa diễn ra: chỉ ghi kết luận từ ngày họp trở đi."))
    text = _lines(conclusions, _("Kết luận"))
    if not text:
        raise ValidationError(_("Chưa ghi kết luận của hội nghị."))
    tasks = []
    for item in follow_ups:
        _check_date(item.due_on, _("Thời hạn"))
        if item.due_on < locked.held_on:
            raise ValidationError(_("Thời hạn thực hiện không được trước ngày họp."))
        content = normalize_text(item.text)
        if not content:
            raise ValidationError(_("Nhiệm vụ sau hội nghị chưa có nội dung."))
        _check_below(locked.committee, [item.lead])
        tasks.append(
            add_follow_up_task(
                locked.committee,
                year=locked.held_on.year,
                content=content,
                lead=item.lead,
                window=Window(item.due_on, item.due_on),
                section=locked.title,
                acting_user=acting_user,
            )
        )
    locked.conclusions = text
    locked.status = Meeting.Status.HELD
    locked.save(update_fields=["conclusions", "status"])
    locked.follow_up_tasks.add(*tasks)
    record(locked, "oversight.meeting.concluded", actor=acting_user, tasks=[task.pk for task in tasks])
    return locked


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, reason: str = "", acting_user: User | None) -> Meeting:
    """Cancel a meeting not yet held; the invited organisations are told."""
    locked = _lock(meeting)
    if locked.status != Meeting.Status.SCHEDULED:
        raise ValidationError(_("Chỉ hủy được hội nghị đang lên lịch."))
    locked.status = Meeting.Status.CANCELLED
    locked.cancel_reason = _lines(reason, _("Lý do hủy"))
    locked.save(update_fields=["status", "cancel_reason"])
    users = {user.pk: user for organisation in locked.participants.all() for user in users_of(organisation)}
    with in_vietnamese():
        notify(
            users.values(),
            Notice(
                Notification.Kind.OTHER,
                f"meeting.cancelled:{locked.pk}",
                _("Hủy: %(title)s, ngày %(day)s") % {"title": locked.title, "day": format_date_short(locked.held_on)},
                locked.cancel_reason,
                link=reverse("oversight:meeting", args=[locked.pk]),
            ),
            actor=acting_user,
        )
    record(locked, "oversight.meeting.cancelled", actor=acting_user)
    return locked


@transaction.atomic
def add_meeting_document(meeting: Meeting, upload: UploadedFile[bytes], *, acting_user: User | None) -> MeetingDocument:
    """Keep a file of the meeting (invitation, report presented, minutes) through the upload policy and the
    storage API; a file stored by a change that then fails is removed again."""
    checked = check_upload(upload)
    locked = _lock(meeting)
    if locked.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("Hội nghị đã hủy nên không đính kèm thêm tài liệu được."))
    document = MeetingDocument(
        meeting=locked, original_name=checked.display_name, size=upload.size or 0, uploaded_by=acting_user
    )
    with discard_on_rollback(document.file):
        document.file.save(checked.stored_name, upload, save=False)
        document.save()
        record(locked, "oversight.meeting.document_added", actor=acting_user, name=checked.display_name)
    return document
