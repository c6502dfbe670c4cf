"""Access gates for plans and tasks.

Plans flow down: a committee's plans are read by its own users, by the offices above it (the policy), and
by every organisation below it, which must carry them out and may cascade them. Only the committee's
editors change a plan; only the lead unit's editors record a task's progress.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.orgs.access import check_access
from hangviet.orgs.policy import Need, can_read_plans, grant_for
from hangviet.plans.models import Plan, Task, TaskProgress


def get_plan_for_user(user: User | AnonymousUser, plan_id: int, *, need: Need) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("committee", "committee__unit"), pk=plan_id)
    if need is Need.READ:
        if not can_read_plans(user, plan.committee):
            raise Http404
        return plan
    check_access(user, plan.committee, need)
    return plan


def can_record_progress(user: User | AnonymousUser, task: Task) -> bool:
    """Only the lead unit's editors (or the committee's, when no lead unit is named) record progress."""
    grant = grant_for(user, task.lead or task.plan.committee)
    return grant is not None and grant.can_edit


def get_task_for_user(user: User | AnonymousUser, task_id: int, *, need: Need) -> Task:
    """READ: whoever reads the plan or works for the lead unit; EDIT (progress): the lead unit's editors."""
    task = get_object_or_404(Task.objects.select_related("plan__committee", "lead"), pk=task_id)
    owner = task.lead or task.plan.committee
    grant = grant_for(user, owner)
    if need is Need.READ:
        if grant is None and not can_read_plans(user, task.plan.committee):
            raise Http404
        return task
    if grant is None:
        if can_read_plans(user, task.plan.committee):
            raise PermissionDenied
        raise Http404
    if not grant.can_edit:
        raise PermissionDenied
    return task


def get_progress_for_user(user: User | AnonymousUser, progress_id: int) -> TaskProgress:
    """A progress entry with an evidence file, for whoever may read its task; Http404 otherwise."""
    progress = TaskProgress.objects.filter(pk=progress_id).only("task_id", "evidence", "evidence_name").first()
    if progress is None or not progress.evidence:
        raise Http404
    get_task_for_user(user, progress.task_id, need=Need.READ)
    return progress
