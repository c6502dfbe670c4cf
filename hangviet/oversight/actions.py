"""Every change of oversight data: programmes, visits, findings, recommendations (as tasks of the inspected
body), market-control cases and period totals. Each is atomic and audited; values are checked here too, so the
command line, the demo and the pages refuse the same bad input with the same Vietnamese message."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.lib.periods import PeriodKey
from hangviet.lib.text import normalize_text
from hangviet.lib.timewindows import Window, parse_windows
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_subtree_ids, may_enforce
from hangviet.oversight.catalogue import FINDING_KINDS, ORIGINS, OUTCOMES, PROGRAMME_KINDS, VIOLATION_TYPES, Named
from hangviet.oversight.models import CaseTotal, Finding, MarketCase, Programme, Recommendation, Visit
from hangviet.periods.models import Period
from hangviet.plans.actions import add_follow_up_task
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


def check_subjects(committee: Organisation, subjects: Iterable[Organisation]) -> list[Organisation]:
    chosen = list(subjects)
    if not chosen:
        raise ValidationError(_("Hãy chọn ít nhất một đơn vị được kiểm tra, giám sát."))
    below = list_subtree_ids({committee.pk}) - {committee.pk}
    unknown = [subject.name for subject in chosen if subject.pk not in below]
    if unknown:
        raise ValidationError(
            _("Đơn vị không thuộc phạm vi của Ban Chỉ đạo: %(names)s.") % {"names": "; ".join(unknown)}
        )
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
    record(case, "oversight.case.recorded", actor=acting_user, agency=agency.pk)
    return case


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
