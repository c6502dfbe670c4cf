"""``hangviet catalogue load``: the reference indicators, validation rules and report forms."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hangviet.indicators.catalogue import load_catalogue
from hangviet.reporting.catalogue import load_forms


class Command(BaseCommand):
    help = "Danh mục chỉ tiêu: nạp (hoặc cập nhật) chỉ tiêu, quy tắc kiểm tra và mẫu báo cáo chuẩn."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("load", help="Nạp hoặc cập nhật (chạy lại không tạo trùng).")

    def handle(self, *args: Any, **options: Any) -> None:
        indicators, rules = load_catalogue()
        forms = load_forms()
        self.stdout.write(f"Chỉ tiêu mới: {indicators}; quy tắc mới: {rules}; mẫu báo cáo mới: {forms}.")
