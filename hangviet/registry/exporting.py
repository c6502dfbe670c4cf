"""Every registry as an .xlsx list, with the Vietnamese headings the importer reads back (``importing/headings``'s
labels): export, edit offline, import again — what is unchanged is matched, not doubled.

Places are written as the document or list wrote them ("Địa chỉ"), with the key of the unit the registry
settled on ("Mã đơn vị hành chính"), which a re-import takes as it is (an address edited offline needs its key
cleared, as the sheet's note says); the current unit and the recording organisation follow in columns the
importer ignores. Only rows recorded by (or, for events,
organised by) the organisations given are written: the caller builds them from
``orgs.policy.visible_organisation_ids(user)``.

``refused_workbook`` gives back the rows an import refused, as they were, with the reason in a last column.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from openpyxl import Workbook
from openpyxl.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.text import normalize_text
from hangviet.registry.catalogue import (
    CLUB_KIND_BY_CODE,
    EVENT_KIND_BY_CODE,
    MEASURES,
    QUALIFIER_WORDS,
    SALE_POINT_KIND_BY_CODE,
)
from hangviet.registry.importing.headings import KINDS
from hangviet.registry.models import (
    Club,
    Event,
    EventOrganiser,
    ModelArea,
    OcopProduct,
    OcopRecognition,
    Place,
    SalePoint,
)
from hangviet.units.models import Unit
from hangviet.units.queries import list_current_units

DATE_FORMAT = "DD/MM/YYYY"
NOW_HEADING = "Đơn vị hành chính hiện nay"
RECORDER_HEADING = "Đơn vị ghi nhận"
REASON_HEADING = "Lý do không nhập"

Row = dict[str, Any]


class _Units:
    """A place's unit key and the names of the current units it became, cached for one export."""

    def __init__(self) -> None:
        self.keys: dict[int, str] = {}
        self.now: dict[int, str] = {}

    def key(self, unit_id: int) -> str:
        if unit_id not in self.keys:
            unit = Unit.objects.get(pk=unit_id)
            self.keys[unit_id] = unit.key
            self.now[unit_id] = "; ".join(
                ", ".join([u.name, u.parent.name] if u.parent and u.level == Unit.Level.COMMUNE else [u.name])
                for u in list_current_units(unit)
            )
        return self.keys[unit_id]

    def place(self, place: Place | None) -> Row:
        if place is None:
            return {}
        row: Row = {"address": place.text}
        if place.unit_id is not None:
            row["unit_key"] = self.key(place.unit_id)
            row[NOW_HEADING] = self.now[place.unit_id]
        else:
            row[NOW_HEADING] = "(chưa xác định)"
        return row


def _figure(value: Any, qualifier: int) -> Any:
    """An exact figure as a number; a qualified one as the words the importer reads ("khoảng 850000000")."""
    if value is None:
        return None
    number = int(value) if Decimal(value) == Decimal(value).to_integral_value() else Decimal(value)
    word = QUALIFIER_WORDS.get(qualifier, "")
    return f"{word} {number}".replace(".", ",") if word else number


def _ocop_rows(recorders: set[int] | None, units: _Units) -> Iterable[Row]:
    products = OcopProduct.objects.select_related("producer", "place", "recorded_by").order_by("name", "pk")
    if recorders is not None:
        products = products.filter(recorded_by_id__in=recorders)
    recognitions: dict[int, list[OcopRecognition]] = {}
    for recognition in OcopRecognition.objects.filter(product__in=products).order_by("decided_on", "pk"):
        recognitions.setdefault(recognition.product_id, []).append(recognition)
    for product in products:
        producer = product.producer
        common: Row = {
            "name": product.name,
            "producer": producer.name if producer else "",
            "legal_form": producer.get_legal_form_display() if producer else "",
            "category": product.category,
            "contact": producer.contact if producer else "",
            "tax_code": producer.tax_code if producer else "",
            RECORDER_HEADING: product.recorded_by.name,
            **units.place(product.place),
        }
        if product.pk not in recognitions:
            yield common
        for recognition in recognitions.get(product.pk, []):
            yield {
                **common,
                "stars": recognition.stars,
                "decision": recognition.decision,
                "decided_on": recognition.decided_on,
                "issuer": recognition.issuer,
                "valid_to": recognition.valid_to,
                "revoked_on": recognition.revoked_on,
                "revoked_reason": recognition.revoked_reason,
            }


def _sale_point_rows(recorders: set[int] | None, units: _Units) -> Iterable[Row]:
    points = SalePoint.objects.select_related("operator", "place", "recorded_by").order_by("name", "pk")
    if recorders is not None:
        points = points.filter(recorded_by_id__in=recorders)
    for point in points:
        yield {
            "name": point.name,
            "kind": str(SALE_POINT_KIND_BY_CODE[point.kind].label)
            if point.kind in SALE_POINT_KIND_BY_CODE
            else point.kind,
            "operator": point.operator.name if point.operator else point.operator_name,
            "status": point.get_status_display(),
            "opened_on": point.opened_on,
            "closed_on": point.closed_on,
            "last_verified_on": point.last_verified_on,
            RECORDER_HEADING: point.recorded_by.name,
            **units.place(point.place),
        }


def _event_rows(recorders: set[int] | None, units: _Units) -> Iterable[Row]:
    events: QuerySet[Event] = Event.objects.select_related("place", "recorded_by").order_by("starts_on", "name", "pk")
    if recorders is not None:
        organised = EventOrganiser.objects.filter(organisation_id__in=recorders).values("event_id")
        events = events.filter(Q(recorded_by_id__in=recorders) | Q(pk__in=organised))
    organisers: dict[int, list[str]] = {}
    for organiser in (
        EventOrganiser.objects.filter(event__in=events)
        .exclude(role=EventOrganiser.Role.LEAD)
        .select_related("organisation")
    ):
        organisers.setdefault(organiser.event_id, []).append(organiser.name or str(organiser.organisation))
    for event in events:
        row: Row = {
            "name": event.name,
            "kind": str(EVENT_KIND_BY_CODE[event.kind].label) if event.kind in EVENT_KIND_BY_CODE else event.kind,
            "programme": event.programme,
            "starts_on": event.starts_on,
            "ends_on": event.ends_on,
            "organisers": "; ".join(organisers.get(event.pk, [])),
            "status": event.get_status_display(),
            "note": event.note,
            RECORDER_HEADING: event.recorded_by.name,
            **units.place(event.place),
        }
        for measure in MEASURES:
            name = "revenue" if measure.field == "revenue_vnd" else measure.field
            row[name] = _figure(getattr(event, measure.field), getattr(event, f"{measure.field}_q"))
        yield row


def _area_rows(recorders: set[int] | None, units: _Units) -> Iterable[Row]:
    areas = ModelArea.objects.select_related("place", "recorded_by").order_by("name", "pk")
    if recorders is not None:
        areas = areas.filter(recorded_by_id__in=recorders)
    for area in areas:
        yield {
            "name": area.name,
            "status": area.get_status_display(),
            "registered_on": area.registered_on,
            "recognised_on": area.recognised_on,
            "recognised_by": area.recognised_by,
            "lapsed_on": area.lapsed_on,
            RECORDER_HEADING: area.recorded_by.name,
            **units.place(area.place),
        }


def _club_rows(recorders: set[int] | None, units: _Units) -> Iterable[Row]:
    clubs = Club.objects.select_related("place", "recorded_by").order_by("name", "pk")
    if recorders is not None:
        clubs = clubs.filter(recorded_by_id__in=recorders)
    for club in clubs:
        yield {
            "name": club.name,
            "kind": str(CLUB_KIND_BY_CODE[club.kind].label) if club.kind in CLUB_KIND_BY_CODE else club.kind,
            "owner_name": club.owner_name,
            "members": club.members,
            "founded_on": club.founded_on,
            "dissolved_on": club.dissolved_on,
            RECORDER_HEADING: club.recorded_by.name,
            **units.place(club.place),
        }


ROWS: dict[str, Callable[[set[int] | None, _Units], Iterable[Row]]] = {
    "ocop": _ocop_rows,
    "salepoints": _sale_point_rows,
    "events": _event_rows,
    "areas": _area_rows,
    "clubs": _club_rows,
}


def _columns(kind: str) -> list[tuple[str, str]]:
    """(key, heading) of every column: STT, the kind's fields (their labels), then the informative columns."""
    spec = KINDS[kind]
    skipped = {"locality", "year", "commune", "district", "province"}
    fields = [(f.name, f.label) for f in spec.fields if f.name not in skipped]
    return [("", "STT"), *fields, (NOW_HEADING, NOW_HEADING), (RECORDER_HEADING, RECORDER_HEADING)]


def _style_heading(sheet: Worksheet, count: int, row: int) -> None:
    for column in range(1, count + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = 14 if column == 1 else 24


def _put(cell: Cell | MergedCell, value: Any) -> None:
    """A value written as data: dates as dates, text never read as a formula."""
    if isinstance(value, str):
        value = normalize_text(value.replace("\x00", "\ufffd"))
        cell.value = value
        cell.data_type = "s"  # "=1+2" stays text
        return
    cell.value = value
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT


@in_vietnamese()
def export_workbook(kind: str, recorders: set[int] | None) -> bytes:
    """The ``kind`` registry as .xlsx; ``recorders``: whose rows (``None``: every row, for the command line)."""
    spec = KINDS[kind]
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = str(spec.label)[:31]
    sheet["A1"] = f"DANH SÁCH {str(spec.label).upper()}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (
        "Cột “Mã đơn vị hành chính” giữ đơn vị đã xác định của địa chỉ; nếu sửa địa chỉ ở dòng nào, hãy xóa mã ở "
        "dòng đó để hệ thống xác định lại."
    )
    sheet["A2"].font = Font(italic=True)
    columns = _columns(kind)
    header = 3
    for index, (_key, heading) in enumerate(columns, start=1):
        sheet.cell(row=header, column=index, value=heading)
    _style_heading(sheet, len(columns), header)
    units = _Units()
    for number, row in enumerate(ROWS[kind](recorders, units), start=1):
        line = header + number
        sheet.cell(row=line, column=1, value=number)
        for index, (key, _heading) in enumerate(columns[1:], start=2):
            value = row.get(key)
            if value not in (None, ""):
                _put(sheet.cell(row=line, column=index), value)
    sheet.freeze_panes = f"A{header + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@in_vietnamese()
def refused_workbook(headings: tuple[str, ...], rows: list[tuple[int, tuple[Any, ...], str]]) -> bytes:
    """The refused rows as they were in the list (row number, cells, reason), under the list's headings."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Dòng không nhập"
    columns = ["Dòng trong tệp", *headings, REASON_HEADING]
    for index, heading in enumerate(columns, start=1):
        sheet.cell(row=1, column=index, value=heading)
    _style_heading(sheet, len(columns), 1)
    for line, (number, cells, reason) in enumerate(rows, start=2):
        sheet.cell(row=line, column=1, value=number)
        for index, value in enumerate(cells, start=2):
            if value is not None and value != "":
                _put(
                    sheet.cell(row=line, column=index),
                    value if isinstance(value, str | int | float | date) else str(value),
                )
        _put(sheet.cell(row=line, column=len(columns)), reason)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
