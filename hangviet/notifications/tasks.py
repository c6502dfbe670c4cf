"""Background work of notifications (run by ``hangviet db_worker``): sending e-mails, and the daily notices."""

from __future__ import annotations

import datetime

from django.tasks import task

from hangviet.notifications.daily import run_daily
from hangviet.notifications.delivery import deliver


@task()
def deliver_task(event_key: str | None = None) -> int:
    """Send the pending e-mails of one event (queued on commit), or every pending one (the retry path)."""
    return deliver(event_key=event_key).sent


@task()
def daily_task(today_iso: str | None = None) -> dict[str, int]:
    """The daily job: deadlines approaching and passed, overdue tasks; then any e-mail still pending."""
    counts = run_daily(datetime.date.fromisoformat(today_iso) if today_iso else None)
    counts["emails_sent"] = deliver().sent
    return counts
