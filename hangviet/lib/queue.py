"""The background task queue (django-tasks-db) as users and operators need to see it.

``queue_state()`` says how long the oldest task has waited and whether anything runs (the health check and
the reading-progress page show it); ``recover_stale_tasks()`` runs when a worker starts, so a task left
RUNNING by a killed worker is tried again (or failed after repeated interruptions) instead of hanging.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

STALE_AFTER = datetime.timedelta(minutes=getattr(settings, "HANGVIET_TASK_STALE_MINUTES", 15))
MAX_CLAIMS = 2  # a task whose worker died twice is failed: it may be what kills the worker


@dataclass(frozen=True)
class QueueState:
    waiting: int
    oldest_waiting_s: float
    running: int

    def stalled(self, after_s: float) -> bool:
        """Tasks have waited longer than ``after_s`` and nothing is running: no worker is processing."""
        return self.waiting > 0 and self.running == 0 and self.oldest_waiting_s > after_s

    def as_dict(self) -> dict[str, float | int]:
        return {"waiting": self.waiting, "oldest_waiting_s": self.oldest_waiting_s, "running": self.running}


def queue_state() -> QueueState:
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return QueueState(
        waiting=ready.count(),
        oldest_waiting_s=round((timezone.now() - oldest).total_seconds(), 1) if oldest else 0.0,
        running=DBTaskResult.objects.running().count(),
    )


def recover_stale_tasks(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Put tasks RUNNING for longer than ``STALE_AFTER`` back in the queue, or fail them if their worker has
    already died ``MAX_CLAIMS`` times; return (requeued, failed)."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = (now or timezone.now()) - STALE_AFTER
    requeued = failed = 0
    stale = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    for result in stale.select_for_update(skip_locked=True):  # the caller holds a transaction
        if len(result.worker_ids) >= MAX_CLAIMS:
            result.status = TaskResultStatus.FAILED
            result.finished_at = timezone.now()
            result.save(update_fields=["status", "finished_at"])
            failed += 1
        else:
            result.status = TaskResultStatus.READY
            result.save(update_fields=["status"])
            requeued += 1
    return requeued, failed
