"""``hangviet plan import PATH --unit "Thành phố Cần Thơ" [--dry-run] [--format json]``: read a plan document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.orgs.queries import committee_named
from hangviet.plans.actions import read_plan, save_plan
from hangviet.plans.reading import DocumentReadError


class Command(BaseCommand):
    help = "Kế hoạch: đọc văn bản kế hoạch (.docx, .txt) thành các nhiệm vụ, xem trước hoặc lưu."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        reader = actions.add_parser("import", help="Đọc một văn bản kế hoạch.")
        reader.add_argument("path", help="Tệp .docx hoặc .txt.")
        reader.add_argument("--unit", required=True, help='Đơn vị của Ban Chỉ đạo ban hành, ví dụ "Thành phố Cần Thơ".')
        reader.add_argument("--dry-run", action="store_true", help="Chỉ in kết quả đọc, không lưu.")
        reader.add_argument("--format", choices=["text", "json"], default="text", help="Định dạng kết quả.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            committee = committee_named(options["unit"])
        except LookupError as error:
            raise CommandError(str(error)) from error
        path = Path(options["path"])
        try:
            parsed, tasks = read_plan(path.read_bytes(), path.name, committee)
        except OSError as error:
            raise CommandError(f"Không đọc được tệp “{path}”: {error.strerror}.") from error
        except DocumentReadError as error:
            raise CommandError(str(error)) from error
        rows: list[dict[str, Any]] = [
            {
                "ref": task.ref,
                "parent": task.parent_ref or None,
                "content": task.content,
                "section": task.section,
                "lead": task.lead.name if task.lead else task.lead_name,
                "lead_matched": task.lead is not None,
                "lead_as_written": task.lead_name,
                "coordinating": [org.name for org in task.coordinating]
                or [name for name in task.coordinating_text.split("; ") if name],
                "when": [window.iso for window in task.windows],
            }
            for task in tasks
        ]
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(
                    {
                        "title": parsed.title,
                        "year": parsed.year,
                        "number": parsed.number_symbol,
                        "legal_bases": [f"{k} {n}" for k, n in parsed.cited],
                        "report_deadline": parsed.report_deadline or None,
                        "tasks": rows,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            self.stdout.write(f"{parsed.title} ({parsed.year}): {len(rows)} nhiệm vụ")
            for row in rows:
                mark = "" if row["lead_matched"] else " [chưa khớp đơn vị]"
                self.stdout.write(f"  {row['ref']}: {row['lead']}{mark} – {', '.join(row['when'])}")
        if not options["dry_run"]:
            plan = save_plan(committee, parsed, tasks, acting_user=None, source_file=(path.name, path.read_bytes()))
            self.stderr.write(f"Đã lưu kế hoạch #{plan.pk} với {len(tasks)} nhiệm vụ.")
