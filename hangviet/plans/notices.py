"""Telling lead units of their overdue tasks (``notifications.notify``), once per task and due date: the daily
job (``hangviet notifications daily``) runs it; a task whose time is extended and lapses again is told again."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.vnformat import format_date_short
from hangviet.notifications.actions import Notice, notify
from hangviet.notifications.models import Notification
from hangviet.notifications.queries import users_of
from hangviet.plans.models import Task


@transaction.atomic
@in_vietnamese()
def notify_overdue_tasks(day: datetime.date) -> int:
    """Notify the users of each lead unit whose task is past its last time window on ``day`` and not done."""
    told = 0
    tasks = (
        Task.objects.filter(lead__isnull=False, lead__valid_to__isnull=True)
        .exclude(status=Task.Status.DONE)
        .select_related("lead", "plan__committee")
    )
    for task in tasks:
        due = task.due_on
        if due is None or due >= day:
            continue
        notice = Notice(
            kind=Notification.Kind.TASK_OVERDUE,
            event_key=f"task.overdue:{task.pk}:{due.isoformat()}",
            title=_("Nhiệm vụ quá hạn: %(ref)s %(content)s") % {"ref": task.ref, "content": task.content[:120]},
            body=_("Theo %(plan)s của %(committee)s, hạn hoàn thành %(due)s. Đề nghị cập nhật tiến độ.")
            % {"plan": task.plan.title, "committee": task.plan.committee.name, "due": format_date_short(due)},
            link=reverse("plans:task", args=[task.pk]),
        )
        if task.lead is not None:  # always: the query asks for a lead
            told += notify(users_of(task.lead, on=day), notice)
    return told
