"""Reading uploaded report files (now, or in a background task for many files) and importing the confirmed
figures into a submission marked "imported from document", with the file attached, and the confirmed rows
its lists propose into the registries."""

from __future__ import annotations

import contextlib
import datetime
import re
import uuid
from collections.abc import Collection
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.db.models import Model, Q
from django.tasks import task
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.indicators.aggregation import combine_periods
from hangviet.indicators.models import Indicator
from hangviet.ingest.extract import extract
from hangviet.ingest.list_rules import GROUP, SALE_POINT
from hangviet.ingest.models import IngestDocument
from hangviet.ingest.proposals import propose
from hangviet.ingest.queries import find_existing, proposal_window, recorded_elsewhere
from hangviet.ingest.reading import MAX_BYTES, ReadError, read_document
from hangviet.lib.i18n import catalogue_text
from hangviet.lib.periods import PeriodCodeError, PeriodKey
from hangviet.lib.text import fold_diacritics
from hangviet.lib.uploads import check_upload
from hangviet.lib.vnformat import format_number
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.registry import actions as registry_actions
from hangviet.registry.catalogue import MEASURE_BY_FIELD
from hangviet.registry.models import Event, EventOrganiser, Source
from hangviet.registry.queries import organisation_label
from hangviet.reporting import actions as reporting
from hangviet.reporting.models import Report
from hangviet.reporting.queries import form_indicators
from hangviet.units.models import Unit
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
    document.proposals = [proposal.as_dict() for proposal in propose(read.passages)]
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


def several_figures(facts: list[dict[str, Any]]) -> dict[str, list[Decimal]]:
    """``{indicator: figures}`` for every indicator given more than one accepted figure: the clerk says
    whether they add up (parts of one total) before anything is summed."""
    grouped: dict[str, list[Decimal]] = {}
    for fact in facts:
        if fact.get("decision") == "accept":
            grouped.setdefault(fact["indicator"], []).append(Decimal(str(fact["value"])))
    return {code: figures for code, figures in grouped.items() if len(figures) > 1}


@transaction.atomic
def import_document(
    document: IngestDocument,
    *,
    facts: list[dict[str, Any]],
    organisation: Organisation,
    period: Period,
    acting_user: User | None,
    proposals: list[dict[str, Any]] | None = None,
    summed: Collection[str] = (),
) -> Report:
    """Put the accepted figures into the organisation's report for the period (a draft, or a returned one),
    marked as imported from a document, with the file attached, and record the ticked ``proposals`` (the
    document's, with the clerk's decisions) in the registry (``record_proposals``), all or nothing.
    Validation runs as for typed figures. The caller has checked that the user may import for the
    organisation and, if any proposal is ticked, record its registry rows."""
    if document.status == IngestDocument.Status.IMPORTED:
        raise ValidationError(_("Văn bản này đã được nhập vào báo cáo."))
    report = reporting.open_report(organisation, period, acting_user=acting_user)
    if not report.is_editable:
        raise ValidationError(
            _("Báo cáo %(period)s của đơn vị đã gửi hoặc đã được tiếp nhận; không nhập thêm được.")
            % {"period": period.key.label}
        )
    allowed = {indicator.code for indicator in form_indicators(report)}
    names = {code: catalogue_text(name) for code, name in Indicator.objects.values_list("code", "name")}
    unasked = {code: figures for code, figures in several_figures(facts).items() if code not in summed}
    if unasked:
        raise ValidationError(
            [
                _(
                    "Chỉ tiêu “%(name)s” có %(count)s số liệu được chọn (%(figures)s): hãy chỉ giữ một, hoặc đánh "
                    "dấu “cộng các số liệu này” nếu chúng là các phần của cùng một tổng."
                )
                % {
                    "name": names.get(code, code),
                    "count": len(figures),
                    "figures": "; ".join(format_number(figure) for figure in figures),
                }
                for code, figures in unasked.items()
            ]
        )
    kinds = dict(Indicator.objects.values_list("code", "kind"))
    values = values_from(facts, kinds)
    outside = sorted(set(values) - allowed)
    if outside:
        raise ValidationError(
            _("Các chỉ tiêu sau không có trong mẫu báo cáo của đơn vị: %(codes)s. Hãy bỏ chọn hoặc đổi chỉ tiêu.")
            % {"codes": ", ".join(names.get(code, code) for code in outside)}
        )
    reporting.save_report(
        report, values=values, expected_version=report.version, acting_user=acting_user, source=Report.Source.DOCUMENT
    )
    with document.file.open("rb") as handle:
        reporting.add_attachment(
            report, SimpleUploadedFile(document.original_name, handle.read()), acting_user=acting_user
        )
    if proposals is not None:  # a caller that shows no proposals records none
        document.proposals = record_proposals(
            proposals,
            organisation=organisation,
            period=period,
            note=_("Theo văn bản %(name)s") % {"name": document.original_name},
            acting_user=acting_user,
        )
    document.facts, document.organisation, document.period = facts, organisation, period
    document.status, document.report = IngestDocument.Status.IMPORTED, report
    document.save()
    recorded = sum(proposal.get("status") == "recorded" for proposal in document.proposals)
    record(document, "ingest.imported", actor=acting_user, report=report.pk, values=len(values), registry=recorded)
    return report


def _figure_fields(figures: dict[str, list[Any]]) -> dict[str, Any]:
    """``{"booths": [60, 0]}`` → ``{"booths": 60, "booths_q": 0}`` (registry figure columns)."""
    fields: dict[str, Any] = {}
    for name, (value, qualifier) in figures.items():
        if name in MEASURE_BY_FIELD:
            fields[name] = Decimal(str(value)) if name == "tonnes" else int(value)
            fields[f"{name}_q"] = int(qualifier)
    return fields


def _province_of(unit: Unit) -> Unit | None:
    while unit.level not in (Unit.Level.PROVINCE, Unit.Level.COUNTRY) and unit.parent is not None:
        unit = unit.parent
    return unit if unit.level == Unit.Level.PROVINCE else None


def _named_province(name: str, day: datetime.date) -> Unit | None:
    """The province "Kiên Giang", "tỉnh Bến Tre" or "Thành phố Hồ Chí Minh" names on ``day`` (old or current)."""
    folded = fold_diacritics(re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s+", "", name, flags=re.IGNORECASE))
    provinces = Unit.objects.filter(
        level=Unit.Level.PROVINCE, folded_name__in=[f"tinh {folded}", f"thanh pho {folded}"]
    )
    return next((unit for unit in provinces.order_by("valid_to") if unit.is_valid_on(day)), None)


def organisers_for(
    named: list[dict[str, str]], *, recorder: Organisation, day: datetime.date
) -> list[registry_actions.OrganiserInput]:
    """The organisers a document names, as registry organisers: a province whose committee is in the system on
    the event's day becomes that committee (so the event counts once for their common committee), another
    province is kept by its name ("Tỉnh Bến Tre"), anything else as written; the recorder's own province is
    the recorder."""
    own = _province_of(recorder.unit)
    found = []
    for organiser in named:
        role = organiser.get("role") or EventOrganiser.Role.CO_ORGANISER
        province = _named_province(organiser["name"], day)
        if province is None:
            found.append(registry_actions.OrganiserInput(role, name=organiser["name"]))
            continue
        if own is not None and province.pk == own.pk:
            continue
        committee = (
            Organisation.objects.filter(kind=Organisation.Kind.COMMITTEE, unit=province)
            .filter(
                Q(valid_from__isnull=True) | Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day)
            )
            .first()
        )
        if committee is not None and committee.pk != recorder.pk:
            found.append(registry_actions.OrganiserInput(role, organisation=committee))
        elif committee is None:
            found.append(registry_actions.OrganiserInput(role, name=province.name))
    return found


def _record_one(
    proposal: dict[str, Any],
    *,
    organisation: Organisation,
    period: Period,
    note: str,
    listed: list[Event],
    acting_user: User | None,
) -> Model:
    start, end = proposal_window(proposal, period)
    if proposal["registry"] == SALE_POINT:
        return registry_actions.record_sale_point(
            organisation,
            fields={"name": proposal["name"], "kind": proposal["kind"], "operator_name": proposal.get("operator", "")},
            place_text=proposal.get("place", ""),
            acting_user=acting_user,
            source=Source.DOCUMENT,
        )
    figures = _figure_fields(proposal.get("figures", {}))
    if proposal["registry"] == GROUP:
        carried = [name for name in figures if not name.endswith("_q")]
        events = [
            event for event in listed if event.group_id is None and all(getattr(event, n) is None for n in carried)
        ]
        return registry_actions.record_event_group(
            organisation,
            fields={
                "description": proposal["name"],
                "kind": proposal["kind"],
                "starts_on": start,
                "ends_on": end,
                "declared_count": proposal.get("declared_count") or len(events),
                **figures,
            },
            events=events,
            acting_user=acting_user,
            source=Source.DOCUMENT,
        )
    return registry_actions.record_event(
        organisation,
        fields={
            "name": proposal["name"],
            "kind": proposal["kind"],
            "programme": proposal.get("programme", ""),
            "theme": proposal.get("theme", ""),
            "edition": proposal.get("edition", ""),
            "when_text": proposal.get("when_text", ""),
            "starts_on": start,
            "ends_on": end,
            "note": f"{note}, {proposal.get('location', '')}: {proposal.get('evidence', '')}",
            **figures,
        },
        place_text=proposal.get("place", ""),
        organisers=organisers_for(proposal.get("organisers", []), recorder=organisation, day=start),
        acting_user=acting_user,
        source=Source.DOCUMENT,
    )


@transaction.atomic
def record_proposals(
    proposals: list[dict[str, Any]],
    *,
    organisation: Organisation,
    period: Period,
    note: str,
    acting_user: User | None,
) -> list[dict[str, Any]]:
    """Record the ticked proposals in the registry, by ``organisation``, dated inside ``period``'s window
    (a coarse time such as "Tết" or "quý I/2023" becomes its days in the window, the text kept in
    ``when_text``); a group entry links the events of its list. A proposal the registry already holds is not
    recorded again. Returns the proposals, each with its ``status``: recorded, existing or skipped."""
    done: list[dict[str, Any]] = []
    listed: dict[str, list[Event]] = {}
    for proposal in proposals:
        row = dict(proposal)
        in_list = listed.setdefault(row.get("list_id", ""), [])
        existing = find_existing(row, organisation, period)
        if existing is None and row.get("decision") != "accept":
            row["status"] = "skipped"
            done.append(row)
            continue
        if existing is None:
            existing = _record_one(
                row, organisation=organisation, period=period, note=note, listed=in_list, acting_user=acting_user
            )
            row["status"] = "recorded"
        else:
            row["status"] = "existing"
            elsewhere = recorded_elsewhere(existing, organisation)
            if elsewhere is not None:
                # co-organised, recorded once by its lead: kept out of this organisation's group entries
                row["existing_by"] = organisation_label(elsewhere)
                done.append(row)
                continue
        if isinstance(existing, Event):
            in_list.append(existing)
        done.append(row)
    return done
