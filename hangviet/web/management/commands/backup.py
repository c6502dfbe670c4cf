"""``hangviet backup PATH``: see hangviet.web.backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.web import backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và mọi tệp đã lưu vào một thư mục mới."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Thư mục của bản sao lưu.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            backup.backup(Path(options["path"]), say=lambda line: self.stdout.write(line))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
