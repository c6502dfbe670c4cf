"""One row of a list → the values a registry row needs, or the Vietnamese reason it is refused.

Refused: an empty required cell, a star value other than 3, 4 or 5 written in digits, a day that does not exist,
a formula or an Excel error in a cell, a NUL character, text longer than the registry keeps, a row identical to
an earlier one. Warned (kept): a date given as a year or a month only, a kind guessed from the name.

A date given as a year alone ("Năm công nhận: 2021") is taken as 31/12 of that year, a month alone as its last
day: a recognition (or an opening) never counts before it surely happened (docs/decisions.md). An event's
start given as a month alone takes the month's first day; a year alone is refused for an event.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from hangviet.lib.text import normalize_text
from hangviet.lib.vnformat import format_date_short
from hangviet.registry.catalogue import (
    CLUB_KIND_BY_CODE,
    EVENT_KIND_BY_CODE,
    SALE_POINT_KIND_BY_CODE,
    Qualifier,
)
from hangviet.registry.importing import vocabulary
from hangviet.registry.importing.cells import (
    CellError,
    ReadDate,
    cell_text,
    choose,
    find_date,
    multiplier_of,
    parse_date,
    parse_number,
    parse_span,
    parse_stars,
)
from hangviet.registry.importing.headings import KindSpec
from hangviet.registry.importing.places import split_address, unit_key
from hangviet.registry.importing.reading import SourceRow, Table
from hangviet.registry.importing.text import fold

ADDRESS_NAMES = ("address", "locality", "commune", "district", "province", "unit_key")
MAX_LENGTHS: dict[str, int] = {
    "name": 255,
    "producer": 255,
    "operator": 255,
    "owner_name": 255,
    "category": 120,
    "decision": 120,
    "issuer": 255,
    "revoked_reason": 255,
    "contact": 255,
    "tax_code": 20,
    "programme": 255,
    "recognised_by": 255,
    "note": 2000,
    "organisers": 1000,
    "address": 400,
}
EVENT_NAME_LENGTH = 500


class RowRefused(ValueError):
    """The row is refused; ``str(error)`` is the reason, in Vietnamese."""


@dataclass
class Address:
    """A row's address as written (the columns joined) and the parts that name units, for resolving."""

    text: str
    parts: tuple[str, ...]
    locality: str = ""
    street: str = ""
    unit_key: str = ""  # "pre2025/commune/29239", written by the export


@dataclass
class ParsedRow:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    address: Address = field(default_factory=lambda: Address("", ()))
    warnings: list[str] = field(default_factory=list)
    refused: str = ""
    key: tuple[Any, ...] = ()
    unit_id: int | None = None  # the unit the address resolved to (set by the importer)


class _Row:
    """The cells of one source row, by field name."""

    def __init__(self, table: Table, source: SourceRow) -> None:
        self.table = table
        self.source = source
        self.spec = table.spec

    def raw(self, name: str) -> Any:
        column = self.table.mapping.columns.get(name)
        if column is None or column >= len(self.source.cells):
            return None
        value = self.source.cells[column]
        return None if isinstance(value, str) and not value.strip() else value

    def text(self, name: str) -> str:
        try:
            value = cell_text(self.raw(name))
        except CellError as error:
            raise RowRefused(f"Cột “{self.spec.label_of(name)}”: {error}") from None
        limit = EVENT_NAME_LENGTH if (name == "name" and self.spec.code == "events") else MAX_LENGTHS.get(name)
        if limit and len(value) > limit:
            raise RowRefused(f"Cột “{self.spec.label_of(name)}” dài {len(value)} ký tự; tối đa {limit} ký tự.")
        return value

    def date(self, name: str) -> ReadDate | None:
        value = self.raw(name)
        if value is None:
            return None
        try:
            return parse_date(value)
        except CellError as error:
            raise RowRefused(f"Cột “{self.spec.label_of(name)}”: {error}") from None


def _vague(read: ReadDate, label: str, warnings: list[str]) -> None:
    if read.precision == "year":
        warnings.append(
            f"{label} chỉ có năm {read.day.year}: ghi là {format_date_short(read.day)}; hãy bổ sung ngày chính xác."
        )
    elif read.precision == "month":
        warnings.append(f"{label} chỉ có tháng {read.day.month}/{read.day.year}: ghi là {format_date_short(read.day)}.")


def _not_future(read: ReadDate, label: str) -> None:
    if read.precision == "day" and read.day > timezone.localdate():
        raise RowRefused(f"{label} {format_date_short(read.day)} ở sau hôm nay.")


def _address(row: _Row) -> Address:
    """The address as written (the address cell, with the commune, district and province cells it does not
    already name) and the parts naming units: those of the address cell, completed by the columns."""
    values = {name: row.text(name) for name in ADDRESS_NAMES}
    address = values["address"]
    locality, street, admin = split_address(address)
    folded_address = fold(address)
    pieces = [address]
    if values["locality"] and not _mentions(folded_address, values["locality"]):
        pieces.insert(0, values["locality"])
    parts = list(admin)
    bare_parts = {unit_key(part)[1] for part in admin}
    for name in ("commune", "district", "province"):
        value = values[name]
        if not value:
            continue
        if not _mentions(folded_address, value):
            pieces.append(value)
        if unit_key(value)[1] in bare_parts:
            continue
        if name == "commune" and parts:
            parts.insert(0, value)
        else:
            parts.append(value)
    text = ", ".join(piece for piece in pieces if piece)
    return Address(text, tuple(parts), values["locality"] or locality, street, values["unit_key"])


def _mentions(folded_address: str, value: str) -> bool:
    """True when the address already names ``value`` ("Hòa Minh" is in "ấp Cồn Chim, xã Hòa Minh")."""
    bare = unit_key(value)[1]
    return bool(bare) and re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", folded_address) is not None


def _number(row: _Row, name: str, values: dict[str, Any], *, integer: bool = True, scale: int = 1) -> None:
    raw = row.raw(name)
    if raw is None:
        return
    try:
        read = parse_number(raw, multiplier=scale, integer=integer)
    except CellError as error:
        raise RowRefused(f"Cột “{row.spec.label_of(name)}”: {error}") from None
    values[name], values[f"{name}_q"] = read.value, read.qualifier


# Kinds -------------------------------------------------------------------------------------------------------


def _ocop(row: _Row, parsed: ParsedRow) -> None:
    values = parsed.values
    values["name"] = row.text("name")
    raw_stars = row.raw("stars")
    try:
        values["stars"] = parse_stars(raw_stars)
    except CellError as error:
        reason = str(error)
        raise RowRefused(
            reason if reason.startswith("Hạng sao") else f"Cột “{row.spec.label_of('stars')}”: {reason}"
        ) from None
    for name in ("producer", "category", "decision", "issuer", "revoked_reason", "contact", "tax_code"):
        values[name] = row.text(name)
    legal = row.text("legal_form")
    values["legal_form"] = choose(legal or values["producer"], vocabulary.LEGAL_FORM_WORDS) or "other"
    decided = _decision_date(row, values)
    year = row.date("year")
    if decided is None and values["decision"]:
        try:
            decided = find_date(values["decision"])
        except CellError as error:
            raise RowRefused(f"Cột “{row.spec.label_of('decision')}”: {error}") from None
    if decided is None and year is not None:
        decided = year
    if decided is None:
        raise RowRefused("Thiếu ngày quyết định hoặc năm công nhận.")
    if year is not None and decided.precision != "year" and year.day.year != decided.day.year:
        parsed.warnings.append(
            f"Năm công nhận {year.day.year} khác năm của ngày quyết định {format_date_short(decided.day)}; "
            "dùng ngày quyết định."
        )
    _not_future(decided, "Ngày quyết định")
    _vague(decided, "Ngày công nhận", parsed.warnings)
    values["decided_on"] = decided.day
    for name, label in (("valid_to", "Hiệu lực đến"), ("revoked_on", "Ngày thu hồi")):
        read = row.date(name)
        values[name] = read.day if read else None
        if read is not None and read.day < decided.day:
            raise RowRefused(
                f"{label} {format_date_short(read.day)} trước ngày quyết định {format_date_short(decided.day)}."
            )


def _decision_date(row: _Row, values: dict[str, Any]) -> ReadDate | None:
    """The decision's date; a cell holding the whole decision ("123/QĐ-UBND ngày 15/3/2021") gives its date,
    and its number when no other column does."""
    raw = row.raw("decided_on")
    if raw is None:
        return None
    try:
        return parse_date(raw)
    except CellError as error:
        text = row.text("decided_on")
        try:
            found = find_date(text)
        except CellError as inner:
            raise RowRefused(f"Cột “{row.spec.label_of('decided_on')}”: {inner}") from None
        if found is None:
            raise RowRefused(f"Cột “{row.spec.label_of('decided_on')}”: {error}") from None
        if not values["decision"]:
            values["decision"] = text[: MAX_LENGTHS["decision"]]
        return found


def _kind(row: _Row, table: tuple[tuple[str, str, str], ...], labels: dict[str, Any], parsed: ParsedRow) -> str | None:
    """The kind from its column (by its words, or its label), else guessed from the name with a warning."""
    written = row.text("kind")
    if written:
        by_label = {fold(str(spec.label)): code for code, spec in labels.items()}
        return by_label.get(fold(written)) or choose(written, table) or (written if written in labels else None)
    guessed = choose(parsed.values["name"], table)
    if guessed:
        parsed.warnings.append(f"Không có cột loại: đoán là “{labels[guessed].label}” theo tên.")
    return guessed


def _kind_names(labels: dict[str, Any]) -> str:
    return ", ".join(f"“{spec.label}”" for spec in list(labels.values())[:6])


def _sale_point(row: _Row, parsed: ParsedRow) -> None:
    values = parsed.values
    values["name"] = row.text("name")
    kind = _kind(row, vocabulary.SALE_POINT_KIND_WORDS, SALE_POINT_KIND_BY_CODE, parsed)
    if kind is None:
        written = row.text("kind")
        shown = f"“{written}”" if written else "(không ghi)"
        raise RowRefused(f"Không rõ loại điểm bán {shown}; ghi một trong: {_kind_names(SALE_POINT_KIND_BY_CODE)}…")
    values["kind"] = kind
    values["operator_name"] = row.text("operator")
    status = row.text("status")
    values["status"] = (choose(status, vocabulary.SALE_POINT_STATUS_WORDS) if status else None) or "active"
    if status and choose(status, vocabulary.SALE_POINT_STATUS_WORDS) is None:
        raise RowRefused(f"Tình trạng “{status}” không rõ; ghi “Đang hoạt động”, “Tạm dừng” hoặc “Đã đóng”.")
    for name in ("opened_on", "closed_on", "last_verified_on"):
        read = row.date(name)
        values[name] = read.day if read else None
        if read is not None:
            _vague(read, row.spec.label_of(name), parsed.warnings)
    if values["closed_on"] and values["opened_on"] and values["closed_on"] < values["opened_on"]:
        raise RowRefused("Ngày đóng cửa trước ngày khai trương.")


def _event(row: _Row, parsed: ParsedRow) -> None:
    values = parsed.values
    values["name"] = row.text("name")
    kind = _kind(row, vocabulary.EVENT_KIND_WORDS, EVENT_KIND_BY_CODE, parsed)
    if kind is None:
        written = row.text("kind")
        shown = f"“{written}”" if written else "(không ghi)"
        raise RowRefused(f"Không rõ loại sự kiện {shown}; ghi một trong: {_kind_names(EVENT_KIND_BY_CODE)}…")
    values["kind"] = kind
    values["programme"] = row.text("programme")
    values["note"] = row.text("note")
    try:
        start, end = parse_span(row.raw("starts_on"))
    except CellError as error:
        raise RowRefused(f"Cột “{row.spec.label_of('starts_on')}”: {error}") from None
    if start.precision == "year":
        raise RowRefused(f"Thời gian tổ chức chỉ ghi năm {start.day.year}; cần ít nhất tháng và năm.")
    if start.precision == "month":
        month = f"{start.first.month}/{start.first.year}"
        parsed.warnings.append(
            f"Thời gian tổ chức chỉ ghi tháng {month}: ghi là ngày {format_date_short(start.first)}."
        )
    ends = row.date("ends_on") or end or start
    values["starts_on"], values["ends_on"] = start.first, ends.day
    if values["ends_on"] < values["starts_on"]:
        ends_on, starts_on = format_date_short(values["ends_on"]), format_date_short(values["starts_on"])
        raise RowRefused(f"Ngày kết thúc {ends_on} trước ngày bắt đầu {starts_on}.")
    status = row.text("status")
    values["status"] = choose(status, vocabulary.EVENT_STATUS_WORDS) if status else "done"
    if values["status"] is None:
        raise RowRefused(f"Tình trạng “{status}” không rõ; ghi “Đã tổ chức”, “Dự kiến” hoặc “Đã hủy”.")
    if values["status"] == "done" and values["starts_on"] > timezone.localdate():
        values["status"] = "planned"
        parsed.warnings.append("Sự kiện chưa diễn ra: ghi là dự kiến.")
    organisers = row.text("organisers")
    values["organisers"] = [
        normalize_text(name) for name in re.split(r"[;\n]|,(?![^()]*\))", organisers) if name.strip()
    ]
    for name in ("businesses", "booths", "products", "visitors"):
        _number(row, name, values)
    if row.raw("revenue") is not None:
        _number(row, "revenue", values, scale=multiplier_of(row.table.heading("revenue")))
        values["revenue_vnd"], values["revenue_vnd_q"] = values.pop("revenue"), values.pop("revenue_q")
    _number(row, "tonnes", values, integer=False)


def _area(row: _Row, parsed: ParsedRow) -> None:
    values = parsed.values
    values["name"] = row.text("name")
    values["recognised_by"] = row.text("recognised_by")
    for name in ("registered_on", "recognised_on", "lapsed_on"):
        read = row.date(name)
        values[name] = read.day if read else None
        if read is not None:
            _vague(read, row.spec.label_of(name), parsed.warnings)
    status = row.text("status")
    if status:
        values["status"] = choose(status, vocabulary.AREA_STATUS_WORDS)
        if values["status"] is None:
            raise RowRefused(f"Tình trạng “{status}” không rõ; ghi “Đăng ký xây dựng”, “Đạt” hoặc “Không duy trì”.")
    else:
        values["status"] = (
            "lapsed" if values["lapsed_on"] else ("recognised" if values["recognised_on"] else "registered")
        )


def _club(row: _Row, parsed: ParsedRow) -> None:
    values = parsed.values
    values["name"] = row.text("name")
    values["owner_name"] = row.text("owner_name")
    written = row.text("kind")
    kind = choose(written or values["name"], vocabulary.CLUB_KIND_WORDS)
    if kind is None:
        by_label = {fold(str(spec.label)): code for code, spec in CLUB_KIND_BY_CODE.items()}
        kind = by_label.get(fold(written)) if written else None
    if kind is None:
        kind = "other"
        parsed.warnings.append(
            "Không rõ loại câu lạc bộ: ghi là “Loại khác” (không cộng vào chỉ tiêu CLB “Người tiêu dùng”)."
        )
    values["kind"] = kind
    values["members"] = 0
    values["members_q"] = Qualifier.EXACT
    _number(row, "members", values)
    values["members"] = int(values["members"])
    for name in ("founded_on", "dissolved_on"):
        read = row.date(name)
        values[name] = read.day if read else None
        if read is not None:
            _vague(read, row.spec.label_of(name), parsed.warnings)


PARSERS: dict[str, Callable[[_Row, ParsedRow], None]] = {
    "ocop": _ocop,
    "salepoints": _sale_point,
    "events": _event,
    "areas": _area,
    "clubs": _club,
}


def _key(spec: KindSpec, parsed: ParsedRow) -> tuple[Any, ...]:
    """What makes two rows the same row: every value read, text diacritics and case aside."""
    items = []
    for name, value in sorted(parsed.values.items()):
        items.append((name, fold(value) if isinstance(value, str) else repr(value)))
    return (spec.code, fold(parsed.address.text), tuple(items))


def parse_rows(table: Table) -> list[ParsedRow]:
    """Every data row of the table, read or refused with its reason; a row identical to an earlier one is
    refused as a duplicate."""
    spec = table.spec
    parser = PARSERS[spec.code]
    seen: dict[tuple[Any, ...], int] = {}
    parsed_rows: list[ParsedRow] = []
    for source in table.rows:
        row = _Row(table, source)
        parsed = ParsedRow(source.number)
        try:
            missing = [spec.label_of(name) for name in spec.required if row.raw(name) is None]
            if missing:
                raise RowRefused("Thiếu " + ", ".join(f"“{label}”" for label in missing) + ".")
            parser(row, parsed)
            parsed.address = _address(row)
            parsed.key = _key(spec, parsed)
            if parsed.key in seen:
                raise RowRefused(f"Trùng với dòng {seen[parsed.key]} trong tệp.")
            seen[parsed.key] = source.number
        except RowRefused as refusal:
            parsed.refused = str(refusal)
        parsed_rows.append(parsed)
    return parsed_rows
