"""Reading uploaded report files (now, or in a background task for many files) and importing the confirmed
figures into a submission marked "imported from document", with the file attached."""

from __future__ import annotations

import contextlib
import uuid
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.indicators.aggregation import combine_periods
from hangviet.indicators.models import Indicator
from hangviet.ingest.extract import extract
from hangviet.ingest.models import IngestDocument
from hangviet.ingest.reading import MAX_BYTES, ReadError, read_document
from hangviet.lib.periods import PeriodCodeError, PeriodKey
from hangviet.lib.uploads import check_upload
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.reporting import actions as reporting
from hangviet.reporting.models import Report
from hangviet.reporting.queries import form_indicators
from hangviet.units.resolve import UnitNotFound, resolve_unit

INGEST_TYPES = frozenset({".docx", ".pdf", ".txt"})


def new_batch() -> str:
    return str(uuid.uuid4())


@transaction.atomic
def upload(
    file: UploadedFile[bytes],
    *,
    batch: str,
    organisation: Organisation | None,
    period: Period | None,
    acting_user: User | None,
) -> IngestDocument:
    """Store an uploaded file (through the storage API) as a document waiting to be read."""
    try:
        checked = check_upload(file, allowed=INGEST_TYPES, max_bytes=MAX_BYTES)
    except ValidationError as error:
        shown = (file.name or "").replace("\x00", "")[:80] or "?"
        raise ValidationError(f"{shown}: {' '.join(error.messages)}") from error
    name = checked.display_name
    document = IngestDocument(
        batch=batch, uploaded_by=acting_user, organisation=organisation, period=period, original_name=name
    )
    document.file.save(checked.stored_name, file, save=False)
    document.save()
    record(document, "ingest.uploaded", actor=acting_user, name=name)
    return document


def read_uploaded(document: IngestDocument) -> IngestDocument:
    """Read the file and extract its figures; a file that cannot be read is marked failed with the reason."""
    with document.file.open("rb") as handle:
        content = handle.read(MAX_BYTES + 1)
    try:
        read = read_document(content, document.original_name)
    except ReadError as error:
        document.status, document.error = IngestDocument.Status.FAILED, str(error)
        document.save(update_fields=["status", "error"])
        return document
    result = extract(read.passages)
    document.passages = [[passage.text, passage.location] for passage in read.passages]
    document.facts = [{**fact.as_dict(), "decision": "reject" if fact.per_item else "accept"} for fact in result.facts]
    document.encoding, document.unit_guess, document.period_guess = (
        read.encoding,
        result.unit or "",
        result.period or "",
    )
    if document.period is None and result.period:
        with contextlib.suppress(PeriodCodeError):  # a guess that is not a period is simply not used
            document.period = Period.objects.for_key(PeriodKey.parse(result.period))
    if document.organisation is None and result.unit:
        document.organisation = _committee_named(result.unit, document.period)
    document.status = IngestDocument.Status.READ
    document.save()
    return document


def _committee_named(name: str, period: Period | None) -> Organisation | None:
    try:
        unit = resolve_unit(name).unit
    except UnitNotFound:
        return None
    committees = Organisation.objects.filter(kind=Organisation.Kind.COMMITTEE, unit=unit)
    if period is not None:
        committees = committees.filter(
            (Q(valid_from__isnull=True) | Q(valid_from__lte=period.end))
            & (Q(valid_to__isnull=True) | Q(valid_to__gte=period.start))
        )
    return committees.first()


@task()
def read_uploaded_task(document_id: int) -> str:
    """Background reading for bulk uploads (run by ``hangviet db_worker``)."""
    document = IngestDocument.objects.get(pk=document_id)
    return read_uploaded(document).status


def values_from(facts: list[dict[str, Any]], kinds: dict[str, str]) -> dict[str, Decimal]:
    """The report values from the accepted facts: flows add up, a stock or a ratio takes its last figure."""
    grouped: dict[str, list[Decimal]] = {}
    for fact in facts:
        if fact.get("decision") == "accept":
            grouped.setdefault(fact["indicator"], []).append(Decimal(str(fact["value"])))
    values = {}
    for code, figures in grouped.items():
        combined = combine_periods("flow" if kinds.get(code) == "flow" else "stock", figures)
        if combined is not None:
            values[code] = combined
    return values


@transaction.atomic
def import_document(
    document: IngestDocument,
    *,
    facts: list[dict[str, Any]],
    organisation: Organisation,
    period: Period,
    acting_user: User | None,
) -> Report:
    """Put the accepted figures into the organisation's report for the period (a draft, or a returned one),
    marked as imported from a document, with the file attached. Validation runs as for typed figures."""
    if document.status == IngestDocument.Status.IMPORTED:
        raise ValidationError(_("Văn bản này đã được nhập vào báo cáo."))
    report = reporting.open_report(organisation, period, acting_user=acting_user)
    if not report.is_editable:
        raise ValidationError(
            _("Báo cáo %(period)s của đơn vị đã gửi hoặc đã được tiếp nhận; không nhập thêm được.")
            % {"period": period.key.label}
        )
    allowed = {indicator.code for indicator in form_indicators(report)}
    kinds = dict(Indicator.objects.values_list("code", "kind"))
    values = values_from(facts, kinds)
    outside = sorted(set(values) - allowed)
    if outside:
        raise ValidationError(
            _("Các chỉ tiêu sau không có trong mẫu báo cáo của đơn vị: %(codes)s. Hãy bỏ chọn hoặc đổi chỉ tiêu.")
            % {"codes": ", ".join(outside)}
        )
    reporting.save_report(
        report, values=values, expected_version=report.version, acting_user=acting_user, source=Report.Source.DOCUMENT
    )
    with document.file.open("rb") as handle:
        reporting.add_attachment(
            report, SimpleUploadedFile(document.original_name, handle.read()), acting_user=acting_user
        )
    document.facts, document.organisation, document.period = facts, organisation, period
    document.status, document.report = IngestDocument.Status.IMPORTED, report
    document.save()
    record(document, "ingest.imported", actor=acting_user, report=report.pk, values=len(values))
    return report
