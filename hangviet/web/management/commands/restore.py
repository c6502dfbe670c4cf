"""``hangviet restore PATH``: see hangviet.web.backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.web import backup


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào cơ sở dữ liệu trống."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Thư mục của bản sao lưu.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            backup.restore(Path(options["path"]), say=lambda line: self.stdout.write(line))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
