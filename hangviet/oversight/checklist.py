"""The visit checklist, pre-filled from what hangviet already knows about the subject in the period: seats
filled in its committee, the last reconstitution, members following areas, reports sent on time, plan tasks
done, registry activity. Each item names where its value comes from, with the page that shows it.

With a ``user``, an item the user may not read (the policy's ``grant_for`` / ``can_read_plans``) is withheld:
a checklist shows only what the inspecting committee may read. Without one (the command line) nothing is
withheld."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.indicators.models import Indicator
from hangviet.lib.periods import PeriodKey
from hangviet.lib.vnformat import format_date_short, format_number
from hangviet.orgs.models import AreaAssignment, Membership, Organisation
from hangviet.orgs.policy import can_read_plans, grant_for
from hangviet.periods.models import Period, deadline_for
from hangviet.plans.models import Task
from hangviet.registry.figures import events_in, figures_for_organisation, scope_for_organisation
from hangviet.reporting.models import Report

WITHHELD = "Không thuộc phạm vi được xem"


@dataclass
class Item:
    criterion: str
    value: int | str | None  # a number where one exists; None: nothing known (or withheld)
    text: str  # the value in words, as shown
    evidence: str  # what in hangviet the value comes from
    link: str  # the page that shows it ("" when withheld)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Checklist:
    subject: Organisation
    period: PeriodKey
    items: list[Item]

    def as_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject.name,
            "subject_id": self.subject.pk,
            "period": self.period.code,
            "items": [item.as_dict() for item in self.items],
        }


def _day(period: PeriodKey) -> datetime.date:
    return min(period.end, timezone.localdate())


def _seat_items(subject: Organisation, day: datetime.date) -> list[Item]:
    link = reverse("orgs:detail", args=[subject.pk])
    seats = Membership.objects.filter(committee=subject, start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))
    filled = seats.count()
    items = [
        Item(
            _("Thành viên Ban Chỉ đạo đang đảm nhiệm"),
            filled,
            _("%(n)s thành viên tại ngày %(day)s") % {"n": format_number(filled), "day": format_date_short(day)}
            if filled
            else _("Chưa có thành viên nào trên hệ thống"),
            _("Danh sách thành viên Ban Chỉ đạo"),
            link,
        )
    ]
    latest = (
        Membership.objects.filter(committee=subject, start__lte=day).exclude(decision="").order_by("-start").first()
    )
    items.append(
        Item(
            _("Kiện toàn Ban Chỉ đạo"),
            latest.start.isoformat() if latest else None,
            _("Gần nhất ngày %(day)s (%(decision)s)")
            % {"day": format_date_short(latest.start), "decision": latest.decision}
            if latest
            else _("Chưa có quyết định kiện toàn trên hệ thống"),
            _("Quyết định thành lập, kiện toàn ghi theo từng thành viên"),
            link,
        )
    )
    followers = (
        AreaAssignment.objects.filter(membership__in=seats, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .values("membership")
        .distinct()
        .count()
    )
    items.append(
        Item(
            _("Phân công thành viên theo dõi địa bàn"),
            followers,
            _("%(n)s/%(total)s thành viên được phân công") % {"n": followers, "total": filled},
            _("Phân công theo dõi địa bàn của thành viên"),
            link,
        )
    )
    return items


def _report_item(subject: Organisation, period: PeriodKey) -> Item:
    keys = [period] if period.kind == "H1" else [PeriodKey(period.year, "H1"), period]
    today = timezone.localdate()
    on_time = due = 0
    parts: list[str] = []
    link = ""
    for key in keys:
        row = Period.objects.find(key)
        deadline = deadline_for(subject.parent, row) if subject.parent and row else key.default_deadline
        report = Report.objects.filter(organisation=subject, period=row).first() if row else None
        sent = report is not None and report.submitted_at is not None and report.status != Report.Status.DRAFT
        if report is not None and not link:
            link = reverse("reporting:detail", args=[report.pk])
        if sent and report is not None and report.submitted_at is not None:
            sent_on = timezone.localtime(report.submitted_at).date()
            due += 1
            on_time += sent_on <= deadline
            words = _("đúng hạn") if sent_on <= deadline else _("muộn")
            parts.append(
                _("%(label)s: gửi ngày %(sent)s, hạn %(due)s (%(words)s)")
                % {
                    "label": key.label,
                    "sent": format_date_short(sent_on),
                    "due": format_date_short(deadline),
                    "words": words,
                }
            )
        elif deadline < today:
            due += 1
            parts.append(
                _("%(label)s: chưa gửi, hạn %(due)s") % {"label": key.label, "due": format_date_short(deadline)}
            )
        else:
            parts.append(
                _("%(label)s: chưa đến hạn (%(due)s)") % {"label": key.label, "due": format_date_short(deadline)}
            )
    return Item(
        _("Báo cáo gửi đúng hạn"),
        on_time if due else None,
        (_("%(n)s/%(due)s báo cáo đúng hạn. ") % {"n": on_time, "due": due} if due else "") + "; ".join(parts),
        _("Báo cáo kết quả của đơn vị trên hệ thống"),
        link or (reverse("consolidation:board", args=[subject.parent_id, period.code]) if subject.parent_id else ""),
    )


def _task_item(subject: Organisation, period: PeriodKey, user: User | AnonymousUser | None) -> Item:
    day = _day(period)
    tasks = list(Task.objects.filter(lead=subject, plan__year=period.year).select_related("plan__committee"))
    if user is not None:
        readable = {task.plan.committee_id for task in tasks if can_read_plans(user, task.plan.committee)}
        tasks = [task for task in tasks if task.plan.committee_id in readable]
    done = sum(task.status == Task.Status.DONE for task in tasks)
    overdue = sum(task.is_overdue_on(day) for task in tasks)
    plan = tasks[0].plan if tasks else None
    return Item(
        _("Nhiệm vụ kế hoạch đã hoàn thành"),
        done if tasks else None,
        _("%(done)s/%(total)s nhiệm vụ hoàn thành, %(overdue)s quá hạn tại ngày %(day)s")
        % {"done": done, "total": len(tasks), "overdue": overdue, "day": format_date_short(day)}
        if tasks
        else _("Không có nhiệm vụ do đơn vị chủ trì trong kế hoạch năm %(year)s") % {"year": period.year},
        _("Nhiệm vụ do đơn vị chủ trì trong các kế hoạch năm %(year)s") % {"year": period.year},
        reverse("plans:detail", args=[plan.pk]) if plan else "",
    )


def _registry_item(subject: Organisation, period: PeriodKey) -> Item:
    scope = scope_for_organisation(subject)
    end = _day(period)
    events = events_in(scope, period.start, end).count()
    figures = figures_for_organisation(subject, period.start, end)
    names = dict(Indicator.objects.filter(code__in=figures).values_list("code", "name"))
    words = [f"{names.get(code, code)}: {figure.words}" for code, figure in sorted(figures.items())][:6]
    return Item(
        _("Hoạt động ghi trong sổ theo dõi trong kỳ"),
        events,
        _("%(n)s sự kiện trong kỳ") % {"n": format_number(events)} + (": " + "; ".join(words) if words else ""),
        _("Sổ theo dõi (sự kiện, OCOP, điểm bán…) do đơn vị và cấp dưới ghi"),
        reverse("registry:events"),
    )


def _withheld(item: Item) -> Item:
    return Item(item.criterion, None, WITHHELD, item.evidence, "")


def build_checklist(subject: Organisation, period: PeriodKey, *, user: User | AnonymousUser | None = None) -> Checklist:
    day = _day(period)
    items: list[Item] = []
    readable = user is None or grant_for(user, subject) is not None
    if subject.is_committee:
        items += _seat_items(subject, day)
    items.append(_report_item(subject, period))
    if not readable:
        items = [_withheld(item) for item in items]
    items.append(_task_item(subject, period, user))
    registry = _registry_item(subject, period)
    items.append(registry if readable else _withheld(registry))
    return Checklist(subject, period, items)
