"""``hangviet validate FILE.json``: check ``{indicator_code: value}`` against the validation rules.

Prints each violation with its severity; exits 1 if any is an error (or the file cannot be read).
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.indicators.rules import RuleBook
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number

MAX_BYTES = 1024 * 1024


class Command(BaseCommand):
    help = "Kiểm tra một tệp JSON {mã chỉ tiêu: giá trị} theo các quy tắc; mã thoát 1 nếu có lỗi."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help='Tệp JSON, ví dụ {"ocop_products": 184, "ocop_3_star": "137"}.')
        parser.add_argument("--format", choices=["text", "json"], default="text", help="Định dạng kết quả.")

    def handle(self, *args: Any, **options: Any) -> None:
        values, problems = self._read(options["file"])
        book = RuleBook.load()
        unknown = sorted(set(values) - set(book.indicators))
        violations = book.check({code: value for code, value in values.items() if code in book.indicators})
        findings = [
            {
                "severity": "error",
                "rule": "unknown_indicator",
                "indicator": code,
                "message": f"Mã chỉ tiêu “{code}” không có trong danh mục.",
            }
            for code in unknown
        ]
        findings += [
            {"severity": "error", "rule": "not_a_number", "indicator": code, "message": message}
            for code, message in problems
        ]
        findings += [
            {"severity": v.severity, "rule": v.rule_code, "indicator": v.indicator_code, "message": v.message}
            for v in violations
        ]
        if options["format"] == "json":
            self.stdout.write(json.dumps(findings, ensure_ascii=False, indent=2))
        elif not findings:
            self.stdout.write("Hợp lệ: không có lỗi hay cảnh báo.")
        for finding in findings if options["format"] == "text" else []:
            label = "LỖI" if finding["severity"] == "error" else "CẢNH BÁO"
            where = f" [{finding['indicator']}]" if finding["indicator"] else ""
            self.stdout.write(f"{label}{where} {finding['rule']}: {finding['message']}")
        if any(finding["severity"] == "error" for finding in findings):
            sys.exit(1)

    def _read(self, path: str) -> tuple[dict[str, Decimal], list[tuple[str, str]]]:
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Không đọc được tệp “{path}”: {error.strerror}.") from error
        if len(raw) > MAX_BYTES:
            raise CommandError("Tệp quá lớn (tối đa 1 MB).")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"Tệp không phải JSON hợp lệ: {error}.") from error
        if not isinstance(data, dict):
            raise CommandError('Tệp phải chứa một đối tượng JSON dạng {"mã chỉ tiêu": giá trị}.')
        values: dict[str, Decimal] = {}
        problems: list[tuple[str, str]] = []
        for code, value in data.items():
            try:
                values[str(code)] = _number(value)
            except (NumberFormatError, InvalidOperation, TypeError) as error:
                problems.append((str(code), f"Giá trị “{value}” không phải là số: {error}"))
        return values, problems


def _number(value: object) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise TypeError("cần một số")
    if isinstance(value, int | float):
        return Decimal(str(value))
    return parse_vn_number(str(value))
