"""``hangviet totals rebuild [--period P]`` and ``hangviet totals check [--period P]``: the totals maintained at
acceptance, recomputed from the accepted values, or compared with that recomputation (exit 1 on a difference)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.lib.periods import PeriodCodeError, PeriodKey
from hangviet.periods.models import Period
from hangviet.reporting import totals

SHOWN = 20  # differences listed before "and N more"


class Command(BaseCommand):
    help = "Số liệu tổng hợp: tính lại từ các báo cáo đã tiếp nhận (rebuild) hoặc đối chiếu (check)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        for name, text in (
            ("rebuild", "Tính lại số liệu tổng hợp từ số liệu các báo cáo đã tiếp nhận."),
            ("check", "Đối chiếu số liệu tổng hợp với số liệu tính lại; có chênh lệch thì thoát với mã 1."),
        ):
            action = actions.add_parser(name, help=text)
            action.add_argument("--period", help="Chỉ một kỳ: 2026-H1 (6 tháng đầu năm) hoặc 2026 (năm).")

    def handle(self, *args: Any, **options: Any) -> None:
        period = None
        if options.get("period"):
            try:
                period = Period.objects.find(PeriodKey.parse(options["period"]))
            except PeriodCodeError as error:
                raise CommandError(str(error)) from error
            if period is None:
                raise CommandError(f"Chưa có kỳ báo cáo {options['period']}.")
        if options["action"] == "rebuild":
            rows = totals.rebuild(period)
            totals.vacuum()
            self.stdout.write(f"Đã tính lại số liệu tổng hợp: {rows} dòng.")
            return
        found = totals.differences(period)
        if not found:
            self.stdout.write("Số liệu tổng hợp khớp với số liệu các báo cáo đã tiếp nhận.")
            return
        self.stdout.write(f"Có {len(found)} chênh lệch giữa số liệu tổng hợp và số liệu tính lại:")
        for difference in found[:SHOWN]:
            what = {
                "total": f"chỉ tiêu {difference.indicator_id}",
                "reports": "số báo cáo",
                "part": f"chỉ tiêu {difference.indicator_id} theo cấp nắm số liệu",
            }[difference.what]
            self.stdout.write(
                f"  kỳ {difference.period_id}, đơn vị {difference.organisation_id}, {what}: "
                f"đang lưu {difference.stored}, tính lại {difference.expected}"
            )
        if len(found) > SHOWN:
            self.stdout.write(f"  … và {len(found) - SHOWN} chênh lệch khác.")
        self.stdout.write("Chạy “hangviet totals rebuild” để tính lại.")
        sys.exit(1)
