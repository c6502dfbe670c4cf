"""``hangviet units load|resolve``: load the administrative units; resolve a unit named in text."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.lib.vnformat import format_date_short
from hangviet.units.loader import load_units
from hangviet.units.resolve import UnitNotFound, describe_unit, resolve_unit


class Command(BaseCommand):
    help = "Đơn vị hành chính: nạp danh mục (load) hoặc tra cứu đơn vị cũ/mới (resolve)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("load", help="Nạp (hoặc cập nhật) toàn bộ đơn vị trước và sau sắp xếp năm 2025.")
        resolve = actions.add_parser("resolve", help="Cho biết một đơn vị (cũ hoặc mới) nay là đơn vị nào.")
        resolve.add_argument("name", help='Tên đơn vị, ví dụ "Phường 1, Thành phố Trà Vinh, Tỉnh Trà Vinh".')
        resolve.add_argument("--format", choices=["text", "json"], default="text", help="Định dạng kết quả.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "load":
            self._load()
        else:
            self._resolve(options["name"], options["format"])

    def _load(self) -> None:
        result = load_units()
        self.stdout.write(
            f"Đơn vị: thêm {result.created}, cập nhật {result.updated}, giữ nguyên {result.unchanged}. "
            f"Quan hệ kế thừa: thêm {result.successions_created}, cập nhật {result.successions_updated}, "
            f"xóa {result.successions_deleted}."
        )
        if result.unresolved:
            self.stderr.write(f"Không xác định được đơn vị kế thừa của: {', '.join(result.unresolved)}")

    def _resolve(self, name: str, output_format: str) -> None:
        try:
            resolution = resolve_unit(name)
        except UnitNotFound as error:
            raise CommandError(
                f"Không tìm thấy đơn vị hành chính “{error}”. Hãy chạy “hangviet units load” nếu chưa nạp danh mục."
            ) from error
        if output_format == "json":
            self.stdout.write(json.dumps(resolution.as_dict(), ensure_ascii=False, indent=2))
            return
        unit = describe_unit(resolution.unit)
        ended = resolution.unit.valid_to
        status = (
            "đơn vị hiện hành" if ended is None else f"đơn vị cũ, hoạt động đến hết ngày {format_date_short(ended)}"
        )
        self.stdout.write(f"{unit['full_name']} ({status})")
        for current in resolution.current:
            if current.pk != resolution.unit.pk:
                self.stdout.write(f"→ nay là: {describe_unit(current)['full_name']}")
