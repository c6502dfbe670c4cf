"""``hangviet extract PATH --format json``: the indicator figures a report file states, with their evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.ingest.extract import extract
from hangviet.ingest.reading import ReadError, read_document
from hangviet.lib.vnformat import format_number


class Command(BaseCommand):
    help = "Đọc số liệu các chỉ tiêu trong một văn bản báo cáo (.docx, .pdf, .txt), kèm câu làm căn cứ."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Tệp báo cáo .docx, .pdf hoặc .txt.")
        parser.add_argument("--format", choices=["text", "json"], default="text", help="Định dạng kết quả.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        try:
            document = read_document(path.read_bytes(), path.name)
        except OSError as error:
            raise CommandError(f"Không đọc được tệp “{path}”: {error.strerror}.") from error
        except ReadError as error:
            raise CommandError(str(error)) from error
        result = extract(document.passages)
        if options["format"] == "json":
            data = result.as_dict()
            for fact in data["facts"]:
                fact.pop("start"), fact.pop("end")
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Đơn vị: {result.unit or '?'} · Kỳ: {result.period or '?'} · Bảng mã: {document.encoding}")
        for fact in result.facts:
            flags = " (mỗi đơn vị/lần)" if fact.per_item else ""
            self.stdout.write(
                f"  {fact.indicator}: {format_number(fact.value)} [{fact.qualifier}]{flags} – {fact.location}"
            )
