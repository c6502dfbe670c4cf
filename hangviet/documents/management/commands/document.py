"""``hangviet document report --unit "Tỉnh Vĩnh Long" --period 2023-H1 -o report.docx``.

Writes the issued consolidated report of the unit's committee for the period if there is one, otherwise a
draft written from the accepted reports (nothing is saved).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from hangviet.documents.actions import profile_for, specification
from hangviet.documents.compose import compose_report
from hangviet.documents.models import Document, DocumentType
from hangviet.lib.docx_layout import build_docx
from hangviet.lib.periods import PeriodCodeError
from hangviet.orgs.models import Organisation
from hangviet.orgs.queries import committee_named
from hangviet.periods.models import Period


class Command(BaseCommand):
    help = "Xuất báo cáo tổng hợp (.docx) của Ban Chỉ đạo một đơn vị trong một kỳ: bản đã ban hành hoặc dự thảo."

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        report = kinds.add_parser("report", help="Báo cáo kết quả thực hiện Cuộc vận động.")
        report.add_argument("--unit", required=True, help='Đơn vị, ví dụ "Tỉnh Vĩnh Long".')
        report.add_argument("--period", required=True, help="Kỳ báo cáo: 2023-H1 hoặc 2023.")
        report.add_argument("-o", "--output", required=True, help="Tệp .docx sẽ ghi ra.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            committee = committee_named(options["unit"])
            period = Period.objects.for_code(options["period"])
        except (LookupError, PeriodCodeError) as error:
            raise CommandError(str(error)) from error
        issued = (
            Document.objects.filter(
                committee=committee, period=period, doc_type=DocumentType.REPORT, status=Document.Status.ISSUED
            )
            .order_by("-issued_on")
            .first()
        )
        output = Path(options["output"])
        if issued and issued.file:
            with issued.file.open("rb") as source:
                output.write_bytes(source.read())
            self.stdout.write(f"Đã ghi văn bản đã ban hành số {issued.number_symbol} vào {output}.")
            return
        output.write_bytes(_draft_bytes(committee, period))
        self.stdout.write(f"Đã ghi dự thảo báo cáo {period.key.label} của {committee.name} vào {output}.")


def _draft_bytes(committee: Organisation, period: Period) -> bytes:

    draft = compose_report(committee, period)
    document = Document(committee=committee, doc_type=DocumentType.REPORT, period=period, summary=draft.summary)
    profile = profile_for(committee)
    spec = specification(
        document,
        number_symbol=f"      /BC-{profile.symbol}",
        issued_on=timezone.localdate(),
        signer_name=profile.signer_name,
        recipients=profile.recipients.splitlines(),
        draft=True,
        blocks=draft.blocks,
        annexes=draft.annexes,
    )
    return build_docx(spec)
