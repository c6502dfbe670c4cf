"""``hangviet reminders``: queue today's deadline reminders (run daily from cron or a systemd timer)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hangviet.consolidation.reminders import send_due_reminders, send_due_reminders_task


class Command(BaseCommand):
    help = "Gửi thư nhắc các đơn vị chưa gửi báo cáo (sắp đến hạn, quá hạn). Chạy hằng ngày."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Gửi ngay trong tiến trình này thay vì xếp hàng.")
        parser.add_argument("--date", help="Coi hôm nay là ngày này (YYYY-MM-DD), để kiểm tra.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            import datetime

            day = datetime.date.fromisoformat(options["date"]) if options["date"] else None
            self.stdout.write(f"Đã gửi {send_due_reminders(day)} thư nhắc.")
            return
        result = send_due_reminders_task.enqueue(options["date"])
        self.stdout.write(f"Đã xếp hàng việc gửi thư nhắc (mã {result.id}); tiến trình “hangviet db_worker” sẽ gửi.")
