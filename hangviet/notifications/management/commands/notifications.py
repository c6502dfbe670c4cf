"""``hangviet notifications daily`` (run once a day from cron or a timer) and ``hangviet notifications send``
(the retry path: every e-mail still pending, e.g. after the worker or the mail server was down)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.notifications.daily import run_daily
from hangviet.notifications.delivery import deliver
from hangviet.notifications.tasks import daily_task, deliver_task


class Command(BaseCommand):
    help = "Thông báo hằng ngày (hạn báo cáo, nhiệm vụ quá hạn) và gửi lại thư chưa gửi được."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=["daily", "send"])
        parser.add_argument("--now", action="store_true", help="Chạy ngay trong tiến trình này thay vì xếp hàng.")
        parser.add_argument("--date", help="Coi hôm nay là ngày này (YYYY-MM-DD), để kiểm tra.")

    def handle(self, *args: Any, **options: Any) -> None:
        day = None
        if options["date"]:
            try:
                day = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError("Ngày không hợp lệ, cần dạng YYYY-MM-DD.") from error
        if options["what"] == "send":
            if options["now"]:
                delivery = deliver()
                self.stdout.write(f"Đã gửi {delivery.sent} thư, {delivery.failed} thư chưa gửi được.")
            else:
                self.stdout.write(f"Đã xếp hàng việc gửi thư (mã {deliver_task.enqueue().id}).")
            return
        if options["now"]:
            counts = run_daily(day)
            sent = deliver().sent
            lines = ", ".join(f"{name}: {count}" for name, count in counts.items()) or "không có việc nào"
            self.stdout.write(f"Thông báo hằng ngày — {lines}; đã gửi {sent} thư.")
            return
        result = daily_task.enqueue(day.isoformat() if day else None)
        self.stdout.write(f"Đã xếp hàng thông báo hằng ngày (mã {result.id}); “hangviet db_worker” sẽ chạy.")
