"""Every change to a registry is one of these actions (views, the API, imports, ingest, the demo, commands).

Each runs in one transaction, writes its audit event in it, and checks the row it changes against the state in
the database (``select_for_update``) where two clerks could race. Callers have already asked the policy
(``registry/access.py``); an action refuses only what no caller may do (a date that cannot be, a merge of a
producer into itself).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.lib.text import fold_diacritics, normalize_text
from hangviet.orgs.models import Organisation
from hangviet.registry.models import (
    Club,
    Event,
    EventGroup,
    EventOrganiser,
    ModelArea,
    OcopProduct,
    OcopRecognition,
    OcopRegistration,
    Place,
    Producer,
    ProducerAlias,
    SalePoint,
)
from hangviet.registry.places import copy_place, make_place, set_areas
from hangviet.registry.search import products_at_places, products_of_producers, refresh_products

#: What a place carries besides its text: the kind of site and its coordinates (``PlaceDetailsMixin``).
PLACE_DETAILS = ("site_kind", "latitude", "longitude")


def _clean_text(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {name: normalize_text(value) if isinstance(value, str) else value for name, value in fields.items()}


def _save(instance: models.Model) -> None:
    """Validate (Vietnamese messages from the model's constraints) and save."""
    instance.full_clean(validate_unique=True)
    instance.save()


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months (31/1 + 1 month → 28 or 29/2)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)


def ocop_validity_end(decided_on: datetime.date) -> datetime.date:
    """The last day of a recognition decided on ``decided_on`` by default (``HANGVIET_OCOP_VALIDITY_MONTHS``)."""
    return add_months(decided_on, settings.HANGVIET_OCOP_VALIDITY_MONTHS) - datetime.timedelta(days=1)


# Places -----------------------------------------------------------------------------------------------------


def place_for(recorded_by: Organisation, text: str, *, on_date: datetime.date | None = None, **extra: Any) -> Place:
    """A place from its text, completed by the recorder's area; call inside an action."""
    return make_place(text, context=recorded_by.unit, on_date=on_date, **extra)


@transaction.atomic
def resolve_place(place: Place, unit: Any, *, acting_user: User | None) -> Place:
    """The clerk settles an unresolved (or wrongly resolved) place: the text stays as written."""
    place = Place.objects.select_for_update().get(pk=place.pk)
    place.unit = unit
    place.save(update_fields=["unit"])
    set_areas(place)
    refresh_products(products_at_places([place.pk]))
    record(place, "registry.place.resolved", actor=acting_user, unit=unit.key if unit else None)
    return place


# Editing any registry row ---------------------------------------------------------------------------------

#: Rows whose creation always gives a place (the recorder's area when no text): emptying the text keeps one.
_ALWAYS_PLACED = (OcopProduct, SalePoint, ModelArea, Club)
_AUDIT_NAMES = {
    Producer: "producer",
    Event: "event",
    EventGroup: "event_group",
    OcopProduct: "ocop.product",
    SalePoint: "sale_point",
    ModelArea: "model_area",
    Club: "club",
}


def _new_place(row: Any, text: str, details: Mapping[str, Any]) -> Place | None:
    """The place a row gets from an edited address: resolved afresh from the new text."""
    if not text and not any(details.get(name) for name in PLACE_DETAILS) and not isinstance(row, _ALWAYS_PLACED):
        return None
    return place_for(row.recorded_by, text, on_date=getattr(row, "starts_on", None), **details)


def _edit_place(row: Any, text: str | None, details: Mapping[str, Any] | None) -> bool:
    """Give ``row`` the place its edited address says; re-resolved only when the text changed. True if the
    row's place changed."""
    if text is None and details is None:
        return False
    current: Place | None = row.place
    old_text = current.text if current is not None else ""
    new_text = normalize_text(text) if text is not None else old_text
    wanted = {name: getattr(current, name) if current else None for name in PLACE_DETAILS}
    wanted["site_kind"] = wanted["site_kind"] or ""
    wanted.update(details or {})
    if new_text != old_text:
        row.place = _new_place(row, new_text, wanted)
        return True
    if current is None:
        if not any(wanted.values()):
            return False
        row.place = _new_place(row, new_text, wanted)
        return True
    if all(getattr(current, name) == value for name, value in wanted.items()):
        return False
    row.place = copy_place(current, **wanted)
    return True


@transaction.atomic
def update_record[R: (Producer, Event, EventGroup, OcopProduct, SalePoint, ModelArea, Club)](
    row: R,
    *,
    fields: Mapping[str, Any],
    place_text: str | None = None,
    place_details: Mapping[str, Any] | None = None,
    then: Callable[[R], Iterable[str]] | None = None,
    acting_user: User | None,
) -> tuple[R, list[str]]:
    """Change a registry row's fields as an edit page posts them: the row is locked and re-read, validated
    whole (the model's rules, an event's group rule), and its place re-resolved only when the address text
    changed. ``then`` makes the further changes an edit carries (an event's organisers, a group's events) and
    names them. One audit event lists the names of what changed; an edit that changes nothing writes nothing.
    Returns the row and the names of the fields that changed."""
    locked = type(row).objects.select_for_update().get(pk=row.pk)
    old_name = getattr(locked, "name", "")
    changed = []
    for name, value in _clean_text(fields).items():
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed.append(name)
    if "name" in changed and isinstance(locked, Producer | OcopProduct):
        locked.folded_name = fold_diacritics(locked.name)
    if _edit_place(locked, place_text, place_details):
        changed.append("place")
    if isinstance(locked, Event):
        _check_group(locked)
    if changed:
        _save(locked)
    if isinstance(locked, Producer) and "name" in changed and fold_diacritics(old_name) != locked.folded_name:
        # the old name still names it in lists offices keep: imports keep matching it
        ProducerAlias.objects.get_or_create(
            producer=locked, folded_name=fold_diacritics(old_name), defaults={"name": old_name}
        )
    if then is not None:
        changed += then(locked)
    if changed and isinstance(locked, OcopProduct):
        refresh_products([locked.pk])
    elif changed and isinstance(locked, Producer):
        refresh_products(products_of_producers([locked.pk]))
    if changed:
        record(locked, f"registry.{_AUDIT_NAMES[type(locked)]}.updated", actor=acting_user, fields=sorted(changed))
    return locked, changed


# Producers --------------------------------------------------------------------------------------------------


@transaction.atomic
def create_producer(
    recorded_by: Organisation,
    *,
    name: str,
    address: str = "",
    acting_user: User | None,
    source: str = "manual",
    **fields: Any,
) -> Producer:
    producer = Producer(recorded_by=recorded_by, source=source, **_clean_text({"name": name, **fields}))
    producer.folded_name = fold_diacritics(producer.name)
    if address:
        producer.place = place_for(recorded_by, address)
    _save(producer)
    record(producer, "registry.producer.created", actor=acting_user)
    return producer


def find_producer(name: str) -> Producer | None:
    """The producer (not merged away) named ``name`` or with that alias, ignoring case and diacritics."""
    folded = fold_diacritics(name)
    found = Producer.objects.filter(folded_name=folded, merged_into__isnull=True).order_by("pk").first()
    if found is None:
        alias = ProducerAlias.objects.filter(folded_name=folded).select_related("producer").order_by("pk").first()
        found = alias.producer if alias else None
        while found is not None and found.merged_into_id is not None:
            found = found.merged_into
    return found


@transaction.atomic
def add_alias(producer: Producer, name: str, *, acting_user: User | None) -> ProducerAlias:
    clean = normalize_text(name)
    alias, _created = ProducerAlias.objects.get_or_create(
        producer=producer, folded_name=fold_diacritics(clean), defaults={"name": clean}
    )
    refresh_products(products_of_producers([producer.pk]))
    record(producer, "registry.producer.alias_added", actor=acting_user, alias=clean)
    return alias


class MergeError(ValidationError):
    pass


@transaction.atomic
def merge_producers(keep: Producer, duplicate: Producer, *, acting_user: User | None) -> Producer:
    """Fold ``duplicate`` into ``keep``: its products, sale points and members move over, its names become
    aliases of ``keep``; the duplicate stays (merged) so old links still lead somewhere."""
    locked = {p.pk: p for p in Producer.objects.select_for_update().filter(pk__in=[keep.pk, duplicate.pk])}
    keep, duplicate = locked[keep.pk], locked[duplicate.pk]
    if keep.pk == duplicate.pk:
        raise MergeError(_("Không thể gộp một chủ thể vào chính nó."))
    if duplicate.merged_into_id is not None or keep.merged_into_id is not None:
        raise MergeError(_("Chủ thể này đã được gộp trước đó."))
    OcopProduct.objects.filter(producer=duplicate).update(producer=keep)
    SalePoint.objects.filter(operator=duplicate).update(operator=keep)
    Producer.objects.filter(parent=duplicate).update(parent=keep)
    names = [duplicate.name, *duplicate.aliases.values_list("name", flat=True)]
    for name in names:
        if fold_diacritics(name) != keep.folded_name:
            ProducerAlias.objects.get_or_create(
                producer=keep, folded_name=fold_diacritics(name), defaults={"name": name}
            )
    duplicate.merged_into = keep
    duplicate.save(update_fields=["merged_into", "updated_at"])
    refresh_products(products_of_producers([keep.pk]))
    record(keep, "registry.producer.merged", actor=acting_user, duplicate=duplicate.pk, duplicate_name=duplicate.name)
    return keep


# Events -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganiserInput:
    """One organiser of an event: an organisation in the system, or an outside body by name."""

    role: str
    organisation: Organisation | None = None
    name: str = ""


def _set_organisers(event: Event, organisers: Iterable[OrganiserInput]) -> None:
    event.organisers.all().delete()
    seen: set[int] = set()
    rows = []
    for organiser in organisers:
        if organiser.organisation is not None:
            if organiser.organisation.pk in seen:
                continue
            seen.add(organiser.organisation.pk)
        name = normalize_text(organiser.name)
        if organiser.organisation is None and not name:
            continue
        rows.append(EventOrganiser(event=event, organisation=organiser.organisation, name=name, role=organiser.role))
    if event.recorded_by_id not in seen:
        rows.insert(0, EventOrganiser(event=event, organisation=event.recorded_by, role=EventOrganiser.Role.LEAD))
    EventOrganiser.objects.bulk_create(rows)


def _check_group(event: Event) -> None:
    if event.group_id is None:
        return
    group = event.group
    assert group is not None
    carried = [
        str(getattr(Event._meta.get_field(name), "verbose_name", name))
        for name in ("businesses", "booths", "products", "revenue_vnd", "visitors", "tonnes")
        if getattr(group, name) is not None and getattr(event, name) is not None
    ]
    if carried:
        raise ValidationError(
            _("Số liệu gộp đã có %(fields)s cho các sự kiện này; không nhập lại cho từng sự kiện.")
            % {"fields": ", ".join(carried)}
        )


@transaction.atomic
def record_event(
    recorded_by: Organisation,
    *,
    fields: Mapping[str, Any],
    place_text: str = "",
    place_details: Mapping[str, Any] | None = None,
    organisers: Iterable[OrganiserInput] = (),
    acting_user: User | None,
    source: str = "manual",
) -> Event:
    """Record an event once, by its lead; co-organisers are listed on it, not recorded again."""
    event = Event(recorded_by=recorded_by, source=source, **_clean_text(fields))
    details = {name: value for name, value in (place_details or {}).items() if value}
    if place_text or details:
        event.place = place_for(recorded_by, place_text, on_date=event.starts_on, **details)
    _check_group(event)
    _save(event)
    _set_organisers(event, organisers)
    record(event, "registry.event.recorded", actor=acting_user)
    return event


@transaction.atomic
def update_event(
    event: Event,
    *,
    fields: Mapping[str, Any],
    place_text: str | None = None,
    place_details: Mapping[str, Any] | None = None,
    organisers: Iterable[OrganiserInput] | None = None,
    acting_user: User | None,
) -> Event:
    """Edit an event and, when given, replace its organisers (the recorder stays its lead)."""

    def set_organisers(locked: Event) -> list[str]:
        if organisers is None:
            return []
        before = _organiser_keys(locked)
        _set_organisers(locked, organisers)
        return ["organisers"] if _organiser_keys(locked) != before else []

    event, _changed = update_record(
        event,
        fields=fields,
        place_text=place_text,
        place_details=place_details,
        then=set_organisers,
        acting_user=acting_user,
    )
    return event


def _organiser_keys(event: Event) -> set[tuple[int | None, str, str]]:
    return set(event.organisers.values_list("organisation_id", "name", "role"))


@transaction.atomic
def record_event_group(
    recorded_by: Organisation,
    *,
    fields: Mapping[str, Any],
    events: Iterable[Event] = (),
    acting_user: User | None,
    source: str = "manual",
) -> EventGroup:
    """One figure a document gives for several events, linked to those it lists."""
    group = EventGroup(recorded_by=recorded_by, source=source, **_clean_text(fields))
    _save(group)
    chosen = list(events)
    _link_events(group, chosen)
    record(group, "registry.event_group.recorded", actor=acting_user, events=[event.pk for event in chosen])
    return group


def _link_events(group: EventGroup, events: Iterable[Event]) -> list[str]:
    """Link exactly ``events`` to ``group`` (unlinking the others), each checked against the group rule."""
    chosen = list(events)
    wanted = {event.pk for event in chosen}
    before = set(Event.objects.filter(group=group).values_list("pk", flat=True))
    for event in chosen:
        event.group = group
        _check_group(event)
    Event.objects.filter(group=group).exclude(pk__in=wanted).update(group=None)
    Event.objects.filter(pk__in=wanted).update(group=group)
    return ["events"] if wanted != before else []


@transaction.atomic
def update_event_group(
    group: EventGroup, *, fields: Mapping[str, Any], events: Iterable[Event], acting_user: User | None
) -> tuple[EventGroup, list[str]]:
    """Edit a group entry and the events it links (figures carried by the group are not carried again by a
    linked event: ``_check_group``); the group and the names of what changed."""
    chosen = list(events)
    return update_record(
        group, fields=fields, then=lambda locked: _link_events(locked, chosen), acting_user=acting_user
    )


@transaction.atomic
def delete_event_group(group: EventGroup, *, acting_user: User | None) -> None:
    """Remove a group entry; the events it linked stay, unlinked."""
    group = EventGroup.objects.select_for_update().get(pk=group.pk)
    linked = list(group.events.values_list("pk", flat=True))
    record(group, "registry.event_group.deleted", actor=acting_user, description=group.description, events=linked)
    group.delete()


@transaction.atomic
def delete_event(event: Event, *, acting_user: User | None) -> None:
    event = Event.objects.select_for_update().get(pk=event.pk)
    record(event, "registry.event.deleted", actor=acting_user, name=event.name)
    event.delete()


# OCOP -------------------------------------------------------------------------------------------------------


@transaction.atomic
def record_product(
    recorded_by: Organisation,
    *,
    name: str,
    producer: Producer | None,
    place_text: str = "",
    place: Place | None = None,
    acting_user: User | None,
    source: str = "manual",
    **fields: Any,
) -> OcopProduct:
    """A product; its place is where it is made (the producer's address if none is given)."""
    product = OcopProduct(
        recorded_by=recorded_by, producer=producer, source=source, **_clean_text({"name": name, **fields})
    )
    product.folded_name = fold_diacritics(product.name)
    if place is None:
        if place_text:
            place = place_for(recorded_by, place_text)
        elif producer is not None and producer.place is not None:
            place = producer.place
        else:
            place = place_for(recorded_by, "")
    product.place = place
    _save(product)
    refresh_products([product.pk])
    record(product, "registry.ocop.product_recorded", actor=acting_user)
    return product


@transaction.atomic
def record_product_with_producer(
    recorded_by: Organisation,
    *,
    name: str,
    producer: Producer | None,
    producer_name: str = "",
    producer_legal_form: str = Producer.LegalForm.OTHER,
    acting_user: User | None,
    **fields: Any,
) -> OcopProduct:
    """A product whose producer is ``producer``, or a new producer named ``producer_name`` recorded by the same
    organisation, both in one transaction (a refused product leaves no orphan producer)."""
    if producer is None and normalize_text(producer_name):
        producer = create_producer(
            recorded_by, name=producer_name, legal_form=producer_legal_form, acting_user=acting_user
        )
    return record_product(recorded_by, name=name, producer=producer, acting_user=acting_user, **fields)


@transaction.atomic
def update_product(
    product: OcopProduct,
    *,
    fields: Mapping[str, Any],
    producer: Producer | None,
    producer_name: str = "",
    producer_legal_form: str = Producer.LegalForm.OTHER,
    place_text: str | None = None,
    acting_user: User | None,
) -> tuple[OcopProduct, list[str]]:
    """Edit a product (``update_record``); a producer named but not yet recorded is recorded with it."""
    if producer is None and normalize_text(producer_name):
        producer = create_producer(
            product.recorded_by, name=producer_name, legal_form=producer_legal_form, acting_user=acting_user
        )
    return update_record(
        product, fields={**fields, "producer": producer}, place_text=place_text, acting_user=acting_user
    )


@transaction.atomic
def recognise_product(
    product: OcopProduct,
    *,
    stars: int,
    decided_on: datetime.date,
    decision: str = "",
    issuer: str = "",
    valid_to: datetime.date | None = None,
    acting_user: User | None,
) -> OcopRecognition:
    """Record a star recognition (first, renewal, upgrade or downgrade): the latest decision in force is the
    product's star from its date on. Validity defaults to the configured length."""
    OcopProduct.objects.select_for_update().filter(pk=product.pk).first()
    recognition = OcopRecognition(
        product=product,
        stars=stars,
        decided_on=decided_on,
        decision=normalize_text(decision),
        issuer=normalize_text(issuer),
        valid_to=valid_to or ocop_validity_end(decided_on),
    )
    _save(recognition)
    refresh_products([product.pk])
    record(product, "registry.ocop.recognised", actor=acting_user, stars=stars, decided_on=decided_on.isoformat())
    return recognition


@transaction.atomic
def revoke_recognition(
    recognition: OcopRecognition, *, on: datetime.date, reason: str, acting_user: User | None
) -> OcopRecognition:
    recognition = OcopRecognition.objects.select_for_update().get(pk=recognition.pk)
    if on < recognition.decided_on:
        raise ValidationError(_("Ngày thu hồi không thể trước ngày quyết định công nhận."))
    recognition.revoked_on, recognition.revoked_reason = on, normalize_text(reason)
    recognition.save(update_fields=["revoked_on", "revoked_reason"])
    refresh_products([recognition.product_id])
    record(recognition.product, "registry.ocop.revoked", actor=acting_user, on=on.isoformat())
    return recognition


@transaction.atomic
def register_for_round(
    product: OcopProduct,
    *,
    year: int,
    registered_on: datetime.date,
    supporter: str = "",
    acting_user: User | None,
) -> OcopRegistration:
    registration, _created = OcopRegistration.objects.update_or_create(
        product=product,
        year=year,
        defaults={
            "registered_on": registered_on,
            "supporter": normalize_text(supporter),
            "recorded_by": product.recorded_by,
        },
    )
    record(product, "registry.ocop.registered", actor=acting_user, year=year)
    return registration


# Sale points, model areas, clubs ----------------------------------------------------------------------------


@transaction.atomic
def record_sale_point(
    recorded_by: Organisation,
    *,
    fields: Mapping[str, Any],
    place_text: str = "",
    place: Place | None = None,
    place_details: Mapping[str, Any] | None = None,
    acting_user: User | None,
    source: str = "manual",
) -> SalePoint:
    point = SalePoint(recorded_by=recorded_by, source=source, **_clean_text(fields))
    details = {name: value for name, value in (place_details or {}).items() if value}
    point.place = place or place_for(recorded_by, place_text, **details)
    _save(point)
    record(point, "registry.sale_point.recorded", actor=acting_user)
    return point


@transaction.atomic
def verify_sale_point(point: SalePoint, *, on: datetime.date, status: str, acting_user: User | None) -> SalePoint:
    """The yearly "còn hoạt động?" round: the point's status on a day, and the day it closed if it did."""
    point = SalePoint.objects.select_for_update().get(pk=point.pk)
    point.last_verified_on = on
    point.status = status
    if status == SalePoint.Status.CLOSED and point.closed_on is None:
        point.closed_on = on
    _save(point)
    record(point, "registry.sale_point.verified", actor=acting_user, status=status, on=on.isoformat())
    return point


def _record_placed[M: (SalePoint, ModelArea, Club)](
    model: type[M],
    recorded_by: Organisation,
    *,
    fields: Mapping[str, Any],
    place_text: str,
    acting_user: User | None,
    source: str,
    action: str,
) -> M:
    """A row that stands somewhere: its place from the text (completed by the recorder's area), then the row."""
    row = model(recorded_by=recorded_by, source=source, **_clean_text(fields))
    row.place = place_for(recorded_by, place_text)
    _save(row)
    record(row, action, actor=acting_user)
    return row


@transaction.atomic
def record_model_area(
    recorded_by: Organisation,
    *,
    fields: Mapping[str, Any],
    place_text: str = "",
    acting_user: User | None,
    source: str = "manual",
) -> ModelArea:
    return _record_placed(
        ModelArea,
        recorded_by,
        fields=fields,
        place_text=place_text,
        acting_user=acting_user,
        source=source,
        action="registry.model_area.recorded",
    )


@transaction.atomic
def record_club(
    recorded_by: Organisation,
    *,
    fields: Mapping[str, Any],
    place_text: str = "",
    acting_user: User | None,
    source: str = "manual",
) -> Club:
    return _record_placed(
        Club,
        recorded_by,
        fields=fields,
        place_text=place_text,
        acting_user=acting_user,
        source=source,
        action="registry.club.recorded",
    )
