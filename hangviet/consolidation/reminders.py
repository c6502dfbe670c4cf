"""Reminders to reporters who owe a report: one click on the board, and a daily scheduled task.

The daily task (``hangviet notifications daily`` or ``hangviet reminders``, run by cron or a timer) tells each
reporter that has not submitted: three days before the deadline ("sắp đến hạn") and every day after it ("quá
hạn") for two months, never twice of a kind on the same day. A reminder is a notification to each user who acts
for the organisation (in the app, and by e-mail if they chose it: ``hangviet.notifications``), plus a message to
the organisation's own address if it has one; each reminder says whom it reached, and one that reached nobody
says so instead of "sent".
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.consolidation.queries import compute_completeness
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.periods import period_of_day
from hangviet.lib.vnformat import format_date_short
from hangviet.notifications.actions import Notice, notify
from hangviet.notifications.models import Notification
from hangviet.notifications.queries import users_of
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.reporting.models import Reminder, Report

UPCOMING_DAYS = 3
OVERDUE_FOR_DAYS = 60  # after two months the standing office follows up by other means, not daily e-mail
SUBJECTS: dict[str, str] = {
    Reminder.Kind.UPCOMING: "Sắp đến hạn gửi báo cáo {period}",
    Reminder.Kind.OVERDUE: "Quá hạn gửi báo cáo {period}",
    Reminder.Kind.MANUAL: "Đề nghị gửi báo cáo {period}",
}
KINDS: dict[str, str] = {
    Reminder.Kind.UPCOMING: Notification.Kind.DEADLINE_UPCOMING,
    Reminder.Kind.OVERDUE: Notification.Kind.DEADLINE_PASSED,
    Reminder.Kind.MANUAL: Notification.Kind.REMINDER,
}


@dataclass
class Reached:
    """Whom one reminder reached: users told (in the app; ``by_email`` of them also by e-mail) and the
    organisation's own address."""

    organisation: Organisation
    users: list[str] = field(default_factory=list)
    by_email: int = 0
    address: str = ""
    already: bool = False  # reminded of this kind today already: nothing sent again

    @property
    def nobody(self) -> bool:
        return not self.users and not self.address

    def describe(self) -> str:
        if self.nobody:
            return _("%(organisation)s chưa có tài khoản nào nhận thư") % {"organisation": self.organisation.name}
        parts = []
        if self.users:
            parts.append(
                _("%(count)s người (%(names)s), %(emails)s người nhận thư")
                % {"count": len(self.users), "names": ", ".join(self.users), "emails": self.by_email}
            )
        if self.address:
            parts.append(_("hộp thư đơn vị %(address)s") % {"address": self.address})
        return f"{self.organisation.name}: {'; '.join(parts)}"


def _report_link(organisation: Organisation, period: Period) -> str:
    report = Report.objects.filter(organisation=organisation, period=period).values_list("pk", flat=True).first()
    return reverse("reporting:detail", args=[report]) if report else reverse("reporting:mine")


@in_vietnamese()
def send_reminders(
    committee: Organisation,
    period: Period,
    organisations: Iterable[Organisation],
    *,
    kind: str,
    deadline: datetime.date,
    acting_user: User | None,
    today: datetime.date | None = None,
) -> list[Reached]:
    """Remind each organisation once today for this kind of reminder; say whom each reminder reached."""
    day = today or timezone.localdate()
    outcomes = []
    for organisation in organisations:
        users = users_of(organisation, on=day)
        reached = Reached(
            organisation,
            users=[user.get_full_name() or user.get_username() for user in users],
            by_email=0,
            address=organisation.email,
        )
        subject = SUBJECTS[kind].format(period=period.key.label)
        body = (
            f"{committee.name} đề nghị {organisation.name} gửi báo cáo kết quả thực hiện Cuộc vận động "
            f"{period.key.label} trên hệ thống hangviet, hạn gửi: {format_date_short(deadline)}."
        )
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(
                    organisation=organisation,
                    period=period,
                    kind=kind,
                    sent_on=day,
                    recipients=", ".join([*reached.users, *([reached.address] if reached.address else [])]),
                )
                notice = Notice(
                    KINDS[kind], f"reminder:{reminder.pk}", subject, body, _report_link(organisation, period)
                )
                notify(users, notice, actor=None)
                reached.by_email = Notification.objects.filter(
                    event_key=notice.event_key, email_status=Notification.EmailStatus.PENDING
                ).count()
                if organisation.email:
                    address_body = f"Kính gửi {organisation.name},\n\n{body}\n\nTrân trọng."
                    transaction.on_commit(
                        functools.partial(send_address_mail_task.enqueue, subject, address_body, organisation.email)
                    )
                record(
                    organisation,
                    "report.reminded",
                    actor=acting_user,
                    period=period.code,
                    kind=kind,
                    reached=len(users),
                    nobody=reached.nobody,
                )
        except IntegrityError:
            reached = Reached(organisation, already=True)  # already reminded today
        outcomes.append(reached)
    return outcomes


@task()
def send_address_mail_task(subject: str, body: str, address: str) -> None:
    """The reminder to an organisation's own address (a shared inbox, no user of its own)."""
    from django.core.mail import send_mail

    send_mail(subject, body, None, [address])


def remind_waiting(committee: Organisation, period: Period, *, acting_user: User | None) -> list[Reached]:
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
            outcomes = send_reminders(
                committee, period, waiting, kind=kind, deadline=completeness.deadline, acting_user=None, today=day
            )
            total += sum(not outcome.already for outcome in outcomes)
    return total


@task()
def send_due_reminders_task(today_iso: str | None = None) -> int:
    """The scheduled job: enqueue daily; a task worker (``hangviet db_worker``) runs it."""
    return send_due_reminders(datetime.date.fromisoformat(today_iso) if today_iso else None)
