"""``hangviet campaign remind [--on YYYY-MM-DD]``: the quarter-end reminder to outlets short of their quotas."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.campaign.reminders import remind_quarter_end


class Command(BaseCommand):
    help = "Nhắc các kênh tuyên truyền còn thiếu chỉ tiêu vào ngày cuối quý."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        remind = actions.add_parser("remind", help="Gửi thư nhắc nếu hôm nay là ngày cuối quý.")
        remind.add_argument("--on", help="Ngày (YYYY-MM-DD), mặc định hôm nay.")

    def handle(self, *args: Any, **options: Any) -> None:
        day = None
        if options.get("on"):
            try:
                day = datetime.date.fromisoformat(options["on"])
            except ValueError as error:
                raise CommandError(f"Ngày không hợp lệ: «{options['on']}» (viết YYYY-MM-DD).") from error
        sent = remind_quarter_end(day)
        for reminder in sent:
            to = reminder.recipients or "không có địa chỉ thư điện tử"
            self.stdout.write(f"{reminder.outlet.name}: thiếu {reminder.shortfall} — {to}")
        self.stdout.write(f"Đã nhắc {len(sent)} kênh.")
