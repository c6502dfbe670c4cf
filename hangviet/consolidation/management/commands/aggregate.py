"""``hangviet aggregate --unit "Tỉnh Vĩnh Long" --period 2023-H1``: totals of a unit's whole subtree."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.consolidation.queries import aggregate_for_unit
from hangviet.lib.periods import PeriodCodeError
from hangviet.lib.vnformat import format_number
from hangviet.periods.models import Period
from hangviet.units.resolve import UnitNotFound, resolve_unit


class Command(BaseCommand):
    help = "Tổng hợp số liệu các báo cáo đã tiếp nhận của một đơn vị hành chính (kể cả đơn vị cũ) trong một kỳ."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help='Tên đơn vị, ví dụ "Tỉnh Vĩnh Long".')
        parser.add_argument("--period", required=True, help="Kỳ báo cáo: 2023-H1 (6 tháng đầu năm) hoặc 2023 (năm).")
        parser.add_argument("--format", choices=["text", "json"], default="text", help="Định dạng kết quả.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            unit = resolve_unit(options["unit"]).unit
            period = Period.objects.for_code(options["period"])
        except UnitNotFound as error:
            raise CommandError(f"Không tìm thấy đơn vị hành chính “{error}”.") from error
        except PeriodCodeError as error:
            raise CommandError(str(error)) from error
        totals = {code: value for code, value in aggregate_for_unit(unit, period).items() if value is not None}
        if options["format"] == "json":
            as_numbers = {code: int(v) if v == v.to_integral_value() else float(v) for code, v in totals.items()}
            self.stdout.write(json.dumps(as_numbers, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{unit.name} – {period.key.label}")
        for code, value in totals.items():
            self.stdout.write(f"  {code}: {format_number(value)}")
