"""``hangviet catalogue load``: the reference indicators, validation rules and report forms."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hangviet.indicators.catalogue import load_catalogue
from hangviet.indicators.models import Indicator
from hangviet.reporting import totals
from hangviet.reporting.catalogue import load_forms
from hangviet.reporting.models import Total


class Command(BaseCommand):
    help = "Danh mục chỉ tiêu: nạp (hoặc cập nhật) chỉ tiêu, quy tắc kiểm tra và mẫu báo cáo chuẩn."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("load", help="Nạp hoặc cập nhật (chạy lại không tạo trùng).")

    def handle(self, *args: Any, **options: Any) -> None:
        owners = dict(Indicator.objects.values_list("code", "owner_level"))
        indicators, rules = load_catalogue()
        forms = load_forms()
        self.stdout.write(f"Chỉ tiêu mới: {indicators}; quy tắc mới: {rules}; mẫu báo cáo mới: {forms}.")
        if owners != dict(Indicator.objects.values_list("code", "owner_level")) and Total.objects.exists():
            # Which level keeps a stock changed: the totals count it another way now.
            rows = totals.rebuild()
            self.stdout.write(f"Cấp nắm số liệu thay đổi: đã tính lại số liệu tổng hợp ({rows} dòng).")
