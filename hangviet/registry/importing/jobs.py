"""Imports from the web page: the uploaded list is kept with an ``ImportJob``, checked (a dry run showing every
row's outcome), then imported when the clerk confirms. A list of more than ``BACKGROUND_ROWS`` rows is checked
and imported by the task worker (``registry/tasks.py``) while the page shows the progress, as bulk reading of
reports does; a shorter one is handled within the request.
"""

from __future__ import annotations

import logging

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.lib.uploads import check_name
from hangviet.orgs.models import Organisation
from hangviet.registry.exporting import refused_workbook
from hangviet.registry.importing import engine
from hangviet.registry.importing.headings import KINDS
from hangviet.registry.importing.reading import FileRefused, Table, max_rows, read_table
from hangviet.registry.models import ImportJob

BACKGROUND_ROWS = 2000
logger = logging.getLogger(__name__)


def _content(upload: UploadedFile[bytes]) -> bytes:
    upload.seek(0)
    content: bytes = upload.read(engine.MAX_IMPORT_BYTES + 1)
    upload.seek(0)
    return content


def start_import(upload: UploadedFile[bytes], *, kind: str, recorded_by: Organisation, acting_user: User) -> ImportJob:
    """Check the file (refused whole: FileRefused, nothing stored), keep it, and run the dry run now or in the
    background. The caller has checked that ``acting_user`` edits ``recorded_by``."""
    content = _content(upload)
    name = engine.check_file(content, upload.name or "")
    table = read_table(content, name, KINDS[kind])
    with transaction.atomic():
        job = ImportJob(
            kind=kind,
            recorded_by=recorded_by,
            created_by=acting_user,
            original_name=name,
            rows_total=len(table.rows),
        )
        job.file.save(check_name(name)[1], ContentFile(content), save=False)
        job.save()
        record(job, "registry.import.uploaded", actor=acting_user, kind=kind, rows=len(table.rows), file=name)
    if len(table.rows) > BACKGROUND_ROWS:
        _enqueue(job, dry_run=True)
    else:
        run_job(job.pk, dry_run=True, table=table)
        job.refresh_from_db()
    return job


def confirm_import(job: ImportJob, *, acting_user: User) -> ImportJob:
    """Import the checked list for real (every valid row or none); once only."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.status != ImportJob.Status.CHECKED:
            raise ValidationError(_("Danh sách này không còn chờ xác nhận (đã nhập, đang nhập hoặc bị từ chối)."))
        if not job.preview.get("created") and not job.preview.get("matched"):
            raise ValidationError(_("Không có dòng nào nhập được."))
        job.status, job.rows_done = ImportJob.Status.IMPORTING, 0
        job.save(update_fields=["status", "rows_done"])
        record(job, "registry.import.confirmed", actor=acting_user)
    if job.rows_total > BACKGROUND_ROWS:
        _enqueue(job, dry_run=False)
    else:
        run_job(job.pk, dry_run=False)
    job.refresh_from_db()
    return job


def _enqueue(job: ImportJob, *, dry_run: bool) -> None:
    from hangviet.registry.tasks import import_job_task

    import_job_task.enqueue(job.pk, dry_run)


def run_job(job_id: int, *, dry_run: bool, table: Table | None = None) -> ImportJob:
    """Check (``dry_run``) or import the job's list; a failure marks the job failed with its reason, and the
    transaction of a real run leaves nothing behind."""
    job = ImportJob.objects.select_related("recorded_by__unit", "created_by").get(pk=job_id)

    def progress(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(rows_done=done, rows_total=total)

    try:
        if table is None:
            with job.file.open("rb") as handle:
                content = handle.read()
            table = engine.read_file(content, job.original_name, job.kind)
        result = engine.import_table(
            table,
            job.recorded_by,
            dry_run=dry_run,
            acting_user=job.created_by,
            file_name=job.original_name,
            progress=progress,
        )
    except FileRefused as refusal:
        _fail(job, str(refusal))
    except Exception:
        logger.exception("registry import %s failed", job.pk)
        _fail(job, _("Gặp lỗi khi xử lý danh sách; không dòng nào được ghi. Hãy thử lại hoặc báo quản trị viên."))
    else:
        if dry_run:
            job.preview, job.status = result.as_dict(), ImportJob.Status.CHECKED
        else:
            job.result, job.status = result.as_dict(), ImportJob.Status.DONE
            job.finished_at = timezone.now()
        job.rows_done = job.rows_total = len(result.outcomes)
        job.save(update_fields=["preview", "result", "status", "finished_at", "rows_done", "rows_total"])
    return job


def refused_list(job: ImportJob) -> bytes | None:
    """The rows the import (or its check) refused, as they were in the file, with the reasons (.xlsx); ``None``
    when no row was refused."""
    outcome = job.result or job.preview
    reasons = {int(row): str(reason) for row, reason in outcome.get("refused_rows", [])}
    if not reasons:
        return None
    with job.file.open("rb") as handle:
        content = handle.read()
    table = read_table(content, job.original_name, KINDS[job.kind], limit=max(max_rows(), job.rows_total))
    rows = [(row.number, row.cells, reasons[row.number]) for row in table.rows if row.number in reasons]
    return refused_workbook(table.mapping.headings, rows)


def _fail(job: ImportJob, reason: str) -> None:
    job.status, job.error, job.finished_at = ImportJob.Status.FAILED, reason, timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
