"""Background work of the registries (run by ``hangviet db_worker``): checking and importing long lists."""

from __future__ import annotations

from django.tasks import task

from hangviet.registry.importing.jobs import run_job


@task()
def import_job_task(job_id: int, dry_run: bool) -> str:
    """Check (``dry_run``) or import an uploaded list of more than ``jobs.BACKGROUND_ROWS`` rows; the import's
    page follows its progress."""
    return run_job(job_id, dry_run=dry_run).status
