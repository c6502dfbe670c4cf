"""Reminders to reporters who owe a report: one click on the board, and a daily scheduled task.

The daily task (``hangviet reminders``, run by cron or a timer; the e-mails go out from the task worker)
writes to each reporter that has not submitted: three days before the deadline ("sắp đến hạn") and
every day after it ("quá hạn") for two months, never twice of a kind on the same day.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from hangviet.audit.log import record
from hangviet.consolidation.queries import compute_completeness
from hangviet.lib.periods import period_of_day
from hangviet.lib.vnformat import format_date_short
from hangviet.orgs.models import Organisation, UserRole
from hangviet.periods.models import Period
from hangviet.reporting.models import Reminder

UPCOMING_DAYS = 3
OVERDUE_FOR_DAYS = 60  # after two months the standing office follows up by other means, not daily e-mail
SUBJECTS: dict[str, str] = {
    Reminder.Kind.UPCOMING: "Sắp đến hạn gửi báo cáo {period}",
    Reminder.Kind.OVERDUE: "Quá hạn gửi báo cáo {period}",
    Reminder.Kind.MANUAL: "Đề nghị gửi báo cáo {period}",
}


def recipients_of(organisation: Organisation) -> list[str]:
    """The organisation's address and the addresses of the users who report for it."""
    addresses = {organisation.email} if organisation.email else set()
    addresses |= set(
        UserRole.objects.filter(organisation=organisation, valid_to__isnull=True)
        .exclude(role=UserRole.Role.VIEWER)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    return sorted(addresses)


def send_reminders(
    committee: Organisation,
    period: Period,
    organisations: Iterable[Organisation],
    *,
    kind: str,
    deadline: datetime.date,
    acting_user: User | None,
    today: datetime.date | None = None,
) -> int:
    """E-mail each organisation once today for this kind of reminder; return how many were sent."""
    day = today or timezone.localdate()
    sent = 0
    for organisation in organisations:
        addresses = recipients_of(organisation)
        try:
            with transaction.atomic():
                Reminder.objects.create(
                    organisation=organisation, period=period, kind=kind, sent_on=day, recipients=", ".join(addresses)
                )
                record(organisation, "report.reminded", actor=acting_user, period=period.code, kind=kind)
        except IntegrityError:
            continue  # already reminded today
        if addresses:
            subject = SUBJECTS[kind].format(period=period.key.label)
            body = (
                f"Kính gửi {organisation.name},\n\n"
                f"{committee.name} đề nghị đơn vị gửi báo cáo kết quả thực hiện Cuộc vận động "
                f"{period.key.label} trên hệ thống hangviet, hạn gửi: {format_date_short(deadline)}.\n\n"
                "Trân trọng."
            )
            transaction.on_commit(functools.partial(send_mail, subject, body, None, addresses))
        sent += 1
    return sent


def remind_waiting(committee: Organisation, period: Period, *, acting_user: User | None) -> int:
    """The board's one-click reminder to every reporter still owing the period's report."""
    completeness = compute_completeness(committee, period)
    return send_reminders(
        committee,
        period,
        [row.organisation for row in completeness.waiting],
        kind=Reminder.Kind.MANUAL,
        deadline=completeness.deadline,
        acting_user=acting_user,
    )


def send_due_reminders(today: datetime.date | None = None) -> int:
    """For every committee and the period being reported on, remind who is due soon or overdue."""
    day = today or timezone.localdate()
    total = 0
    for key in {period_of_day(day), period_of_day(day).previous()}:
        period = Period.objects.for_key(key)
        for committee in Organisation.objects.filter(kind=Organisation.Kind.COMMITTEE, valid_to__isnull=True):
            completeness = compute_completeness(committee, period)
            if (day - completeness.deadline).days > OVERDUE_FOR_DAYS:
                continue
            if day > completeness.deadline:
                kind = Reminder.Kind.OVERDUE
            elif (completeness.deadline - day).days <= UPCOMING_DAYS:
                kind = Reminder.Kind.UPCOMING
            else:
                continue
            waiting = [row.organisation for row in completeness.waiting]
            total += send_reminders(
                committee, period, waiting, kind=kind, deadline=completeness.deadline, acting_user=None, today=day
            )
    return total


@task()
def send_due_reminders_task(today_iso: str | None = None) -> int:
    """The scheduled job: enqueue daily; a task worker (``hangviet db_worker``) runs it."""
    return send_due_reminders(datetime.date.fromisoformat(today_iso) if today_iso else None)
