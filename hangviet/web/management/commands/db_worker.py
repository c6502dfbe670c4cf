"""``hangviet db_worker``: django-tasks-db's worker, which first recovers tasks a killed worker left RUNNING."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from hangviet.lib.queue import recover_stale_tasks
from hangviet.notifications.queries import delivery_counts


class Command(WorkerCommand):
    help = "Chạy tác vụ nền (đọc tệp báo cáo, nhắc hạn); trước hết khôi phục tác vụ bị gián đoạn."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            requeued, failed = recover_stale_tasks()
        if requeued or failed:
            self.stderr.write(f"Khôi phục tác vụ bị gián đoạn: {requeued} chạy lại, {failed} đánh dấu thất bại.")
        if delivery_counts()["pending"]:
            from hangviet.notifications.tasks import deliver_task

            # E-mails written while no worker ran (or whose task was lost) go out now: the retry path.
            deliver_task.enqueue()
        super().handle(*args, **options)
