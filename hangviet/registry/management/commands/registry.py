"""``hangviet registry …``: the registries from the command line (scripts use it).

    hangviet registry import KIND PATH [--unit "Tỉnh Vĩnh Long"] [--dry-run] [--format json]
    hangviet registry figures --unit "Tỉnh Trà Vinh" --period 2023-H1 [--format json]
    hangviet registry export KIND PATH [--unit "Tỉnh Vĩnh Long"]

KIND: ocop, salepoints, events, areas, clubs. ``import`` records the rows as the committee of ``--unit`` (without
it, the central committee imports a national list, each row placed by its own address columns) and prints
``{"created": n, "matched": n, "refused": [{"row": n, "reason": "…"}], "unresolved_places": n}`` — every row
counted once; the exit status is 1 when the file is refused whole. ``figures`` prints the indicators the
registries compute for the unit's area (a historic unit works too): ``{"figures": {code: number}, …}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hangviet.lib.periods import PeriodCodeError, PeriodKey
from hangviet.lib.vnformat import format_number
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_subtree_ids
from hangviet.orgs.queries import committee_named
from hangviet.registry.exporting import export_workbook
from hangviet.registry.figures import figures_for_unit
from hangviet.registry.importing.engine import MAX_IMPORT_BYTES, import_file
from hangviet.registry.importing.headings import KINDS
from hangviet.registry.importing.reading import FileRefused
from hangviet.units.models import Unit
from hangviet.units.resolve import UnitNotFound, resolve_unit

KIND_HELP = "Sổ: " + ", ".join(f"{code} ({spec.label})" for code, spec in KINDS.items())


class Command(BaseCommand):
    help = "Sổ theo dõi: nhập danh sách (.xlsx, .csv), xuất ra .xlsx, tính số liệu của một đơn vị trong một kỳ."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        reader = actions.add_parser("import", help="Nhập một danh sách vào sổ theo dõi.")
        reader.add_argument("kind", choices=list(KINDS), help=KIND_HELP)
        reader.add_argument("path", help="Tệp .xlsx hoặc .csv.")
        reader.add_argument(
            "--unit", help='Ban Chỉ đạo của đơn vị ghi nhận, ví dụ "Tỉnh Vĩnh Long" (mặc định: Trung ương).'
        )
        reader.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi gì.")
        reader.add_argument("--format", choices=["text", "json"], default="text", help="Định dạng kết quả.")
        figures = actions.add_parser("figures", help="Số liệu tính từ sổ theo dõi của một đơn vị trong một kỳ.")
        figures.add_argument("--unit", required=True, help='Đơn vị, ví dụ "Tỉnh Vĩnh Long", "Tỉnh Trà Vinh".')
        figures.add_argument("--period", required=True, help="Kỳ báo cáo: 2023-H1 hoặc 2023.")
        figures.add_argument("--format", choices=["text", "json"], default="text", help="Định dạng kết quả.")
        writer = actions.add_parser("export", help="Xuất một sổ theo dõi ra tệp .xlsx.")
        writer.add_argument("kind", choices=list(KINDS), help=KIND_HELP)
        writer.add_argument("path", help="Tệp .xlsx sẽ ghi.")
        writer.add_argument("--unit", help="Chỉ các dòng do Ban Chỉ đạo của đơn vị này và cấp dưới ghi nhận.")

    def handle(self, *args: Any, **options: Any) -> None:
        {"import": self.import_list, "figures": self.figures, "export": self.export}[options["action"]](options)

    # import --------------------------------------------------------------------------------------------------

    def import_list(self, options: dict[str, Any]) -> None:
        recorded_by = self._committee(options.get("unit"))
        path = Path(options["path"])
        try:
            with path.open("rb") as handle:
                content = handle.read(MAX_IMPORT_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Không đọc được tệp “{path}”: {error.strerror}.") from error
        try:
            result = import_file(
                content, path.name, options["kind"], recorded_by, dry_run=options["dry_run"], acting_user=None
            )
        except FileRefused as refusal:
            if options["format"] == "json":
                self.stdout.write(json.dumps({"error": str(refusal)}, ensure_ascii=False))
            raise CommandError(str(refusal)) from refusal
        summary = result.summary()
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        mode = "Chạy thử (chưa ghi gì)" if options["dry_run"] else "Đã nhập"
        self.stdout.write(
            f"{mode} – {recorded_by.name}: {summary['created']} thêm mới, {summary['matched']} đã có, "
            f"{len(summary['refused'])} không nhập, {summary['unresolved_places']} địa chỉ chưa xác định."
        )
        for outcome in result.outcomes:
            if outcome.outcome == "refused":
                self.stdout.write(f"  dòng {outcome.row}: {outcome.note}")
            for warning in outcome.warnings:
                self.stdout.write(f"  dòng {outcome.row} (lưu ý): {warning}")

    def _committee(self, unit: str | None) -> Organisation:
        if unit:
            try:
                return committee_named(unit)
            except LookupError as error:
                raise CommandError(str(error)) from error
        country = Unit.objects.filter(level=Unit.Level.COUNTRY).first()
        central = Organisation.objects.filter(kind=Organisation.Kind.COMMITTEE, unit=country).order_by("pk").first()
        if central is None:
            raise CommandError("Chưa có Ban Chỉ đạo Trung ương trên hệ thống; hãy ghi --unit.")
        return central

    # figures -------------------------------------------------------------------------------------------------

    def figures(self, options: dict[str, Any]) -> None:
        try:
            unit = resolve_unit(options["unit"]).unit
            key = PeriodKey.parse(options["period"])
        except UnitNotFound as error:
            raise CommandError(f"Không tìm thấy đơn vị hành chính “{error}”.") from error
        except PeriodCodeError as error:
            raise CommandError(str(error)) from error
        found = figures_for_unit(unit, key.start, key.end)
        if options["format"] == "json":
            details = {code: figure.as_dict() for code, figure in sorted(found.items())}
            payload = {
                "unit": unit.name,
                "unit_key": unit.key,
                "period": key.code,
                "start": key.start.isoformat(),
                "end": key.end.isoformat(),
                "figures": {code: detail["value"] for code, detail in details.items()},
                "details": details,
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{unit} – {key.label} (theo sổ theo dõi)")
        if not found:
            self.stdout.write("  (sổ theo dõi chưa có dòng nào cho đơn vị và kỳ này)")
        for code, figure in sorted(found.items()):
            self.stdout.write(f"  {code}: {figure.words} ({format_number(figure.records)} dòng trong sổ)")

    # export --------------------------------------------------------------------------------------------------

    def export(self, options: dict[str, Any]) -> None:
        recorders = None
        if options.get("unit"):
            recorders = list_subtree_ids({self._committee(options["unit"]).pk})
        path = Path(options["path"])
        try:
            path.write_bytes(export_workbook(options["kind"], recorders))
        except OSError as error:
            raise CommandError(f"Không ghi được tệp “{path}”: {error.strerror}.") from error
        self.stderr.write(f"Đã xuất {KINDS[options['kind']].label} ra {path}.")
