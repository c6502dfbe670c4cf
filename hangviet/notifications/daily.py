"""The daily notices, contributed by the apps that know what is due (this app knows no reports or plans).

An app registers a job in its ``AppConfig.ready`` (``register_daily("reports", send_due_reminders)``); the
daily command and task run every job for the day. A job must be idempotent per day (its notices carry the day,
or the event, in their key): running the day twice tells nobody twice.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.utils import timezone

DailyJob = Callable[[datetime.date], int]
_JOBS: dict[str, DailyJob] = {}


def register_daily(name: str, job: DailyJob) -> None:
    _JOBS[name] = job


def daily_jobs() -> dict[str, DailyJob]:
    return dict(_JOBS)


def run_daily(day: datetime.date | None = None) -> dict[str, int]:
    """Run every registered job for ``day`` (today); ``{job name: notices written}``."""
    today = day or timezone.localdate()
    return {name: job(today) for name, job in sorted(_JOBS.items())}
