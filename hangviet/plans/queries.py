"""Read helpers for plans and tasks."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from hangviet.lib.text import fold_diacritics, normalize_text
from hangviet.orgs.models import Organisation
from hangviet.orgs.queries import CURRENT_FIRST
from hangviet.plans.models import Plan, Task

# Who below a committee can lead or coordinate a task of its plans: its member agencies and the departments that
# are not members (Sở Tư pháp) but which its plans address.
TASK_UNIT_KINDS = (Organisation.Kind.AGENCY, Organisation.Kind.DEPARTMENT)


def overdue_tasks(committee: Organisation, on: datetime.date) -> list[Task]:
    """Tasks of the committee's plans past their last time window without being done, on ``on``."""
    tasks = (
        Task.objects.filter(plan__committee=committee).exclude(status=Task.Status.DONE).select_related("lead", "plan")
    )
    return sorted((task for task in tasks if task.is_overdue_on(on)), key=lambda task: (task.due_on, task.order))


def tasks_led_by(organisations: Iterable[Organisation], *, year: int | None = None) -> QuerySet[Task]:
    """Tasks whose lead unit is one of ``organisations``, across all plans (newest plans first)."""
    tasks = Task.objects.filter(lead__in=list(organisations)).select_related("plan", "plan__committee", "lead")
    if year is not None:
        tasks = tasks.filter(plan__year=year)
    return tasks.order_by("-plan__year", "plan_id", "order")


def own_units(committee: Organisation) -> list[Organisation]:
    """The committee, its member agencies and the bodies outside it its plans address (a department with no seat):
    who can lead a task of its plans."""
    return [
        committee,
        *Organisation.objects.filter(parent=committee, kind__in=TASK_UNIT_KINDS).order_by(
            "kind", CURRENT_FIRST, "name"
        ),
    ]


def plans_of(committee: Organisation) -> list[Plan]:
    """A committee's plans, newest year first (the caller has asked the gate whether they may be read)."""
    return list(Plan.objects.filter(committee=committee).order_by("-year"))


@dataclass(frozen=True)
class TaskDue:
    task: Task
    role: str  # "lead" or "coordinating"
    due_on: datetime.date
    overdue: bool


def tasks_due(organisations: Iterable[Organisation], on: datetime.date, *, ahead_days: int = 14) -> list[TaskDue]:
    """Tasks not done that ``organisations`` lead or coordinate, past their last time window or ending within
    ``ahead_days``: overdue first, then soonest."""
    ids = [organisation.pk for organisation in organisations]
    if not ids:
        return []
    tasks = (
        Task.objects.filter(Q(lead_id__in=ids) | Q(coordinating__in=ids))
        .exclude(status=Task.Status.DONE)
        .select_related("plan", "plan__committee", "lead")
        .distinct()
    )
    limit = on + datetime.timedelta(days=ahead_days)
    found = []
    for task in tasks:
        due = task.due_on
        if due is None or due > limit:
            continue
        role = "lead" if task.lead_id in ids else "coordinating"
        found.append(TaskDue(task, role, due, due < on))
    return sorted(found, key=lambda row: (not row.overdue, row.due_on, row.role != "lead", row.task.order))


def find_same_plan(committee: Organisation, year: int, number_symbol: str, title: str) -> Plan | None:
    """The committee's plan this one repeats: the same year and number (or, with no number, the same title)."""
    plans = Plan.objects.filter(committee=committee, year=year)
    number = normalize_text(number_symbol)
    if number:
        return plans.filter(number_symbol__iexact=number).first()
    folded = fold_diacritics(normalize_text(title)).casefold()
    return next((plan for plan in plans if fold_diacritics(plan.title).casefold() == folded), None)


def own_plan(committee: Organisation, plan_id: int | None) -> Plan | None:
    """The committee's own plan with this id (a plan the clerk chose to replace), or ``None``."""
    return Plan.objects.filter(committee=committee, pk=plan_id).first() if plan_id else None
