"""``hangviet oversight …``: oversight from the command line (the checks use it).

    hangviet oversight checklist --unit "Phường Trà Vinh, Tỉnh Vĩnh Long" --period 2026-H1 [--format json]

``checklist`` prints the pre-filled checklist of the unit's committee for the period:
``{"subject": name, "period": code, "items": [{"criterion", "value", "text", "evidence", "link"}]}`` —
``evidence`` says what in hangviet the value comes from, ``link`` the page that shows it.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.lib.periods import PeriodCodeError, PeriodKey
from hangviet.orgs.queries import committee_named
from hangviet.oversight.checklist import build_checklist


class Command(BaseCommand):
    help = "Kiểm tra, giám sát: bảng tiêu chí điền sẵn của Ban Chỉ đạo một đơn vị trong một kỳ."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        checklist = actions.add_parser("checklist", help="Bảng tiêu chí điền sẵn từ dữ liệu trên hệ thống.")
        checklist.add_argument("--unit", required=True, help='Đơn vị, ví dụ "Phường Trà Vinh, Tỉnh Vĩnh Long".')
        checklist.add_argument("--period", required=True, help="Kỳ đánh giá: 2026-H1 hoặc 2026.")
        checklist.add_argument("--format", choices=["text", "json"], default="text", help="Định dạng kết quả.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            subject = committee_named(options["unit"])
            period = PeriodKey.parse(options["period"])
        except (LookupError, PeriodCodeError) as error:
            raise CommandError(str(error)) from error
        checklist = build_checklist(subject, period)
        if options["format"] == "json":
            self.stdout.write(json.dumps(checklist.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{subject.name} – {period.label}")
        for item in checklist.items:
            self.stdout.write(f"  {item.criterion}: {item.text} [{item.evidence}: {item.link}]")
