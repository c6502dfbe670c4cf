"""Matching a list's rows against the registries, and writing what is new, in bulk.

Per kind, a planner decides each row's outcome — created, matched (already in the registry, or added to a
product already there), refused — and, unless it is a dry run, writes the new rows with a few bulk inserts
inside the caller's transaction. Matching: a producer by its name or an alias (as ``actions.find_producer``,
merged producers followed), a product by its folded name and its producer (a new recognition is added to it;
only to a product of the recorder or of an organisation it took over — another organisation's product is
matched and left to that organisation), a sale point, model area or club by its folded name and its place (the
resolved unit, else the text), an event by its folded name and its first day.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models

from hangviet.lib.vnformat import format_date_short
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_predecessor_ids
from hangviet.registry.actions import ocop_validity_end
from hangviet.registry.catalogue import EVENT_KIND_BY_CODE, SALE_POINT_KIND_BY_CODE
from hangviet.registry.importing.places import PlaceResolver
from hangviet.registry.importing.rows import ParsedRow
from hangviet.registry.importing.text import fold
from hangviet.registry.models import (
    Club,
    Event,
    EventOrganiser,
    ModelArea,
    OcopProduct,
    OcopRecognition,
    Place,
    PlaceArea,
    Producer,
    ProducerAlias,
    SalePoint,
    Source,
)
from hangviet.registry.places import areas_of
from hangviet.registry.search import refresh_products

CHUNK = 900  # ids per IN (…) list
BATCH = 2000  # rows per bulk insert


def insert_rows(model: type[models.Model], rows: list[Any], *, ids: bool = False) -> None:
    """Insert many new rows at once: PostgreSQL's COPY (the fastest way in; with ``ids``, their ids are drawn from
    the table's sequence first and set on the objects), else ``bulk_create``. The ``auto_now`` dates are set as a
    save sets them."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(rows, batch_size=BATCH)
        return
    meta = model._meta
    with connection.cursor() as cursor:
        if ids:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column if meta.pk else "id", len(rows)],
            )
            for row, (pk,) in zip(rows, cursor.fetchall(), strict=True):
                row.pk = pk
    fields = [field for field in meta.concrete_fields if ids or not field.primary_key]
    stamped = [each for each in fields if getattr(each, "auto_now", False) or getattr(each, "auto_now_add", False)]
    for row in rows:
        for stamp in stamped:
            stamp.pre_save(row, True)
    names = [each.attname for each in fields]
    columns = [str(field.column) for field in fields]
    _copy(model, columns, ([getattr(row, name) for name in names] for row in rows))


def insert_values(model: type[models.Model], names: list[str], values: list[tuple[Any, ...]]) -> None:
    """Insert rows given as tuples of field values (no model objects: the links of thousands of places)."""
    if not values:
        return
    if connection.vendor != "postgresql":
        objects = [model(**dict(zip(names, row, strict=True))) for row in values]
        model._default_manager.bulk_create(objects, batch_size=BATCH)
        return
    columns = [str(getattr(model._meta.get_field(name), "column", name)) for name in names]
    _copy(model, columns, iter(values))


def _copy(model: type[models.Model], columns: list[str], rows: Iterable[Sequence[Any]]) -> None:
    quote = connection.ops.quote_name
    listed = ", ".join(quote(column) for column in columns)
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {quote(model._meta.db_table)} ({listed}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    items = list(values)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


@dataclass
class Outcome:
    """What happens to one row: ``created``, ``matched`` or ``refused``, with the reason and warnings."""

    row: int
    outcome: str
    summary: str = ""
    note: str = ""  # refusal reason, or what matching did
    place: str = ""
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "outcome": self.outcome,
            "summary": self.summary,
            "note": self.note,
            "place": self.place,
            "warnings": self.warnings,
        }


@dataclass
class _NewPlace:
    text: str
    unit_id: int | None
    locality: str
    street: str
    on_date: datetime.date | None = None
    obj: Place | None = None


class Planner:
    """Shared by every kind: outcomes, the places to create, and writing them."""

    kind = ""

    def __init__(self, recorded_by: Organisation, resolver: PlaceResolver) -> None:
        self.recorded_by = recorded_by
        self.resolver = resolver
        self.outcomes: list[Outcome] = []
        self.places: list[_NewPlace] = []

    # outcomes ------------------------------------------------------------------------------------------------

    def refused(self, row: ParsedRow) -> None:
        summary = str(row.values.get("name", ""))
        self.outcomes.append(Outcome(row.number, "refused", summary, note=row.refused, warnings=row.warnings))

    def outcome(
        self, row: ParsedRow, outcome: str, summary: str, note: str = "", place: _NewPlace | None = None
    ) -> None:
        warnings = list(row.warnings)
        shown = ""
        if place is not None:
            if place.unit_id is None:
                warnings.append(
                    f"Chưa xác định được đơn vị hành chính của địa chỉ “{place.text}”: giữ nguyên như đã ghi, tính "
                    "theo địa bàn của đơn vị ghi nhận, cần bổ sung."
                    if place.text
                    else "Không có địa chỉ: tính theo địa bàn của đơn vị ghi nhận, cần bổ sung."
                )
            else:
                shown = self.resolver.describe(place.unit_id)
                if self.resolver.outside_area(place.unit_id):
                    warnings.append("Địa chỉ nằm ngoài địa bàn của đơn vị ghi nhận.")
        self.outcomes.append(Outcome(row.number, outcome, summary, note, shown, warnings))

    @property
    def unresolved_places(self) -> int:
        return sum(1 for place in self.places if place.unit_id is None)

    def place_for(self, row: ParsedRow, on_date: datetime.date | None = None) -> _NewPlace:
        place = _NewPlace(row.address.text, row.unit_id, row.address.locality, row.address.street, on_date)
        self.places.append(place)
        return place

    @staticmethod
    def place_key(row: ParsedRow) -> tuple[str, Any]:
        return ("unit", row.unit_id) if row.unit_id is not None else ("text", fold(row.address.text))

    # writing -------------------------------------------------------------------------------------------------

    def write_places(self) -> None:
        context = self.recorded_by.unit
        objects = [
            Place(
                text=place.text[:500],
                on_date=place.on_date,
                unit_id=place.unit_id,
                context_unit=context,
                locality=place.locality[:200],
                street_address=place.street[:255],
            )
            for place in self.places
        ]
        insert_rows(Place, objects, ids=True)
        for place, obj in zip(self.places, objects, strict=True):
            place.obj = obj
        links = [(obj.pk, area) for obj in objects for area in areas_of(obj.unit_id or context.pk)]
        insert_values(PlaceArea, ["place_id", "unit_id"], links)

    def base(self) -> dict[str, Any]:
        return {"recorded_by": self.recorded_by, "source": Source.IMPORT}

    def plan(self, rows: list[ParsedRow]) -> None:
        raise NotImplementedError

    def write(self) -> None:
        raise NotImplementedError


# OCOP --------------------------------------------------------------------------------------------------------


def existing_producers(folded_names: set[str]) -> dict[str, int]:
    """Folded name → id of the producer (not merged away) with that name or alias, as ``find_producer``."""
    found: dict[str, int] = {}
    for chunk in _chunks(folded_names):
        rows = Producer.objects.filter(folded_name__in=chunk, merged_into__isnull=True).order_by("pk")
        for pk, folded in rows.values_list("pk", "folded_name"):
            found.setdefault(folded, pk)
    aliased: dict[str, int] = {}
    for chunk in _chunks(folded_names - found.keys()):
        for folded, producer in (
            ProducerAlias.objects.filter(folded_name__in=chunk).order_by("pk").values_list("folded_name", "producer_id")
        ):
            aliased.setdefault(folded, producer)
    merged = dict(Producer.objects.filter(pk__in=set(aliased.values())).values_list("pk", "merged_into_id"))
    for folded, producer in aliased.items():
        seen = {producer}
        while merged.get(producer):
            producer = merged[producer]
            if producer in seen:
                break
            seen.add(producer)
            if producer not in merged:
                merged.update(Producer.objects.filter(pk=producer).values_list("pk", "merged_into_id"))
        found[folded] = producer
    return found


def _ref(item: Any) -> Any:
    """A key for a row in the database (its id) or one this import creates (never equal to an id)."""
    return item if isinstance(item, int) else ("new", id(item))


def _saved_id(item: int | _NewPlace | _NewProducer | _NewProduct | None) -> int | None:
    """The id of a row already in the database, or of one this import has just written."""
    if item is None or isinstance(item, int):
        return item
    assert item.obj is not None, "written before it is pointed at"
    return int(item.obj.pk)


def _written_id(item: int | _NewProduct) -> int:
    return item if isinstance(item, int) else int(item.obj.pk)  # type: ignore[union-attr]


@dataclass
class _NewProducer:
    row: ParsedRow
    place: _NewPlace
    obj: Producer | None = None


@dataclass
class _NewProduct:
    row: ParsedRow
    producer: int | _NewProducer | None
    place: _NewPlace | int | None
    obj: OcopProduct | None = None


class OcopPlanner(Planner):
    kind = "ocop"

    def _existing(self, valid: list[ParsedRow]) -> None:
        """What the registries already hold for these rows: producers, products, their recognitions."""
        names = {fold(row.values["producer"]) for row in valid if row.values["producer"]}
        self.producers: dict[str, int | _NewProducer] = dict(existing_producers(names))
        ids = [pk for pk in self.producers.values() if isinstance(pk, int)]
        self.producer_places: dict[int, int | None] = dict(
            Producer.objects.filter(pk__in=ids).values_list("pk", "place_id")
        )
        self.products: dict[tuple[str, Any], tuple[int, int] | _NewProduct] = {}
        owner_ids: set[int] = set()
        for chunk in _chunks({fold(row.values["name"]) for row in valid}):
            rows = OcopProduct.objects.filter(folded_name__in=chunk)
            for pk, folded, producer, owner in rows.values_list("pk", "folded_name", "producer_id", "recorded_by_id"):
                key = (folded, producer if producer is not None else ("owner", owner))
                self.products.setdefault(key, (pk, owner))
                owner_ids.add(owner)
        self.recognitions: set[tuple[Any, int, datetime.date]] = set()
        existing_ids = [value[0] for value in self.products.values() if isinstance(value, tuple)]
        for chunk in _chunks(existing_ids):
            found = OcopRecognition.objects.filter(product_id__in=chunk)
            self.recognitions.update(found.values_list("product_id", "stars", "decided_on"))
        self.owners = dict(Organisation.objects.filter(pk__in=owner_ids).values_list("pk", "name"))
        self.own = {self.recorded_by.pk} | list_predecessor_ids({self.recorded_by.pk})

    def _producer(self, row: ParsedRow) -> int | _NewProducer | None:
        name = fold(row.values["producer"])
        if not name:
            return None
        producer = self.producers.get(name)
        if producer is None:
            producer = _NewProducer(row, self.place_for(row))
            self.producers[name] = producer
            self.new_producers.append(producer)
        return producer

    def plan(self, rows: list[ParsedRow]) -> None:
        self._existing([row for row in rows if not row.refused])
        self.new_producers: list[_NewProducer] = []
        self.new_products: list[_NewProduct] = []
        self.new_recognitions: list[tuple[_NewProduct | int, ParsedRow]] = []
        for row in rows:
            if row.refused:
                self.refused(row)
            else:
                self._plan_row(row)

    def _plan_row(self, row: ParsedRow) -> None:
        values = row.values
        producer = self._producer(row)
        owner_key: Any = ("owner", self.recorded_by.pk) if producer is None else _ref(producer)
        key = (fold(values["name"]), owner_key)
        summary = f"{values['name']} – {values['stars']} sao ({format_date_short(values['decided_on'])})"
        if values["producer"]:
            summary += f" – {values['producer']}"
        found = self.products.get(key)
        recognition = (values["stars"], values["decided_on"])
        if found is None:
            product = _NewProduct(row, producer, self._product_place(row, producer))
            self.products[key] = product
            self.new_products.append(product)
            self.new_recognitions.append((product, row))
            self.recognitions.add((_ref(product), *recognition))
            place = product.place if isinstance(product.place, _NewPlace) else None
            self.outcome(row, "created", summary, "Sản phẩm mới và công nhận", place)
        elif isinstance(found, _NewProduct):
            if (_ref(found), *recognition) in self.recognitions:
                self.outcome(row, "matched", summary, f"Cùng sản phẩm, cùng công nhận với dòng {found.row.number}")
            else:
                self.recognitions.add((_ref(found), *recognition))
                self.new_recognitions.append((found, row))
                self.outcome(row, "matched", summary, f"Cùng sản phẩm với dòng {found.row.number}: thêm công nhận")
        else:
            pk, owner = found
            if owner not in self.own:
                name = self.owners.get(owner, "?")
                self.outcome(row, "matched", summary, f"Đã có trong sổ của {name}; đơn vị đó cập nhật công nhận.")
            elif (pk, *recognition) in self.recognitions:
                self.outcome(row, "matched", summary, "Đã có trong sổ, cùng công nhận")
            else:
                self.recognitions.add((pk, *recognition))
                self.new_recognitions.append((pk, row))
                self.outcome(row, "matched", summary, "Đã có trong sổ: thêm công nhận")

    def _product_place(self, row: ParsedRow, producer: int | _NewProducer | None) -> _NewPlace | int | None:
        """Where the product is made: its producer's place when the row gives the producer's address (or none)."""
        if isinstance(producer, _NewProducer) and fold(producer.row.address.text) == fold(row.address.text):
            return producer.place
        if isinstance(producer, int) and not row.address.text and self.producer_places.get(producer):
            return self.producer_places[producer]
        return self.place_for(row)

    def write(self) -> None:
        self.write_places()
        base = self.base()
        for new in self.new_producers:
            values = new.row.values
            new.obj = Producer(
                **base,
                name=values["producer"],
                folded_name=fold(values["producer"]),
                legal_form=values["legal_form"],
                contact=values["contact"],
                tax_code=values["tax_code"],
                place=new.place.obj,
            )
        insert_rows(Producer, [new.obj for new in self.new_producers if new.obj], ids=True)
        for product in self.new_products:
            values = product.row.values
            product.obj = OcopProduct(
                **base,
                name=values["name"],
                folded_name=fold(values["name"]),
                producer_id=_saved_id(product.producer),
                place_id=_saved_id(product.place),
                category=values["category"],
            )
        insert_rows(OcopProduct, [product.obj for product in self.new_products if product.obj], ids=True)
        names = ["product_id", "stars", "decided_on", "decision", "issuer", "valid_to", "revoked_on", "revoked_reason"]
        recognitions = []
        for target, row in self.new_recognitions:
            values = row.values
            valid_to = values["valid_to"] or ocop_validity_end(values["decided_on"])
            recognitions.append(
                (_written_id(target), values["stars"], values["decided_on"], values["decision"], values["issuer"])
                + (valid_to, values["revoked_on"], values["revoked_reason"])
            )
        insert_values(OcopRecognition, names, recognitions)
        # the public catalogue's search text and standing of every product this list created or recognised again
        refresh_products({_written_id(target) for target, _row in self.new_recognitions})


# Sale points, model areas, clubs, events ---------------------------------------------------------------------


class _SimplePlanner(Planner):
    """One registry row per list row, matched by folded name and place (events: name and first day)."""

    model: type[models.Model]
    fields: tuple[str, ...]

    def existing_keys(self, rows: list[ParsedRow]) -> set[tuple[Any, ...]]:
        names = {fold(row.values["name"]) for row in rows}
        keys: set[tuple[Any, ...]] = set()
        for name, unit, text in self.model._default_manager.values_list("name", "place__unit_id", "place__text"):
            folded = fold(name)
            if folded in names:
                keys.add((folded, ("unit", unit) if unit is not None else ("text", fold(text or ""))))
        return keys

    def key(self, row: ParsedRow) -> tuple[Any, ...]:
        return (fold(row.values["name"]), self.place_key(row))

    def summary(self, row: ParsedRow) -> str:
        return str(row.values["name"])

    def plan(self, rows: list[ParsedRow]) -> None:
        keys = self.existing_keys([row for row in rows if not row.refused])
        planned: dict[tuple[Any, ...], int] = {}
        self.new_rows: list[tuple[ParsedRow, _NewPlace]] = []
        for row in rows:
            if row.refused:
                self.refused(row)
                continue
            key = self.key(row)
            if key in keys:
                self.outcome(row, "matched", self.summary(row), "Đã có trong sổ")
            elif key in planned:
                self.outcome(row, "matched", self.summary(row), f"Cùng {self.summary(row)} với dòng {planned[key]}")
            else:
                planned[key] = row.number
                place = self.place_for(row, row.values.get("starts_on"))
                self.new_rows.append((row, place))
                self.outcome(row, "created", self.summary(row), "Mới", place)

    def instance(self, row: ParsedRow) -> models.Model:
        values = {name: row.values[name] for name in self.fields if name in row.values}
        return self.model(**self.base(), **values)

    def write(self) -> None:
        self.write_places()
        objects = []
        for row, place in self.new_rows:
            instance = self.instance(row)
            instance.place = place.obj  # type: ignore[attr-defined]
            objects.append(instance)
        insert_rows(self.model, objects, ids=True)
        self.after_write(objects)

    def after_write(self, objects: list[Any]) -> None:
        pass


class SalePointPlanner(_SimplePlanner):
    kind = "salepoints"
    model = SalePoint
    fields = ("name", "kind", "operator_name", "status", "opened_on", "closed_on", "last_verified_on")

    def summary(self, row: ParsedRow) -> str:
        return f"{row.values['name']} ({SALE_POINT_KIND_BY_CODE[row.values['kind']].label})"

    def plan(self, rows: list[ParsedRow]) -> None:
        names = {fold(row.values["operator_name"]) for row in rows if not row.refused}
        self.operators = existing_producers({name for name in names if name})
        super().plan(rows)

    def instance(self, row: ParsedRow) -> models.Model:
        point = super().instance(row)
        point.operator_id = self.operators.get(fold(row.values["operator_name"]))  # type: ignore[attr-defined]
        return point


class AreaPlanner(_SimplePlanner):
    kind = "areas"
    model = ModelArea
    fields = ("name", "status", "registered_on", "recognised_on", "recognised_by", "lapsed_on")


class ClubPlanner(_SimplePlanner):
    kind = "clubs"
    model = Club
    fields = ("name", "kind", "owner_name", "members", "founded_on", "dissolved_on")


class EventPlanner(_SimplePlanner):
    kind = "events"
    model = Event
    fields = (
        "name",
        "kind",
        "programme",
        "starts_on",
        "ends_on",
        "status",
        "note",
        *(
            name
            for measure in ("businesses", "booths", "products", "revenue_vnd", "visitors", "tonnes")
            for name in (measure, f"{measure}_q")
        ),
    )

    def existing_keys(self, rows: list[ParsedRow]) -> set[tuple[Any, ...]]:
        if not rows:
            return set()
        first = min(row.values["starts_on"] for row in rows)
        last = max(row.values["starts_on"] for row in rows)
        events = Event.objects.filter(starts_on__gte=first, starts_on__lte=last)
        return {(fold(name), day) for name, day in events.values_list("name", "starts_on")}

    def key(self, row: ParsedRow) -> tuple[Any, ...]:
        return (fold(row.values["name"]), row.values["starts_on"])

    def summary(self, row: ParsedRow) -> str:
        values = row.values
        return (
            f"{values['name']} ({EVENT_KIND_BY_CODE[values['kind']].label}, {format_date_short(values['starts_on'])})"
        )

    def after_write(self, objects: list[Any]) -> None:
        organisers = []
        for (row, _place), event in zip(self.new_rows, objects, strict=True):
            organisers.append(EventOrganiser(event=event, organisation=self.recorded_by, role=EventOrganiser.Role.LEAD))
            seen: set[str] = set()
            for name in row.values["organisers"]:
                folded = fold(name)
                if folded and folded not in seen:
                    seen.add(folded)
                    organisers.append(
                        EventOrganiser(event=event, name=name[:255], role=EventOrganiser.Role.CO_ORGANISER)
                    )
        insert_rows(EventOrganiser, organisers)


PLANNERS: dict[str, type[Planner]] = {
    planner.kind: planner for planner in (OcopPlanner, SalePointPlanner, AreaPlanner, ClubPlanner, EventPlanner)
}
