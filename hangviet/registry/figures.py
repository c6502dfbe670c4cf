"""The registry → indicator bridge: the one query module reporting, consolidation and documents read from.

Rules (docs/architecture.md, "Registries"):
- **flows** (events) count the events that took place (status "đã tổ chức") with a start day in the window;
  an event belongs to every organisation that recorded or (co-)organised it, and a scope counts each event
  **once**, however many of its organisers it holds (the Phú Quốc conference of four old provinces is one
  event for Tỉnh Vĩnh Long and one for the country). Group entries add their figures, and the events they
  declare beyond those listed.
- **stocks** are counted at the window's last day: OCOP products by the recognition in force then (the latest
  decision, not expired, not revoked), sale points open then, model areas recognised and not lapsed, clubs of
  the kinds that count for the campaign.
- a committee's scope is its area (places, through the 2025 lineage) for stocks and its subtree of
  organisations (agencies, lower and merged committees) for events; an agency's scope is what it recorded or
  organised itself; the country's is everything.
- a figure exists only when at least one registry row stands behind it: an empty registry says nothing, it
  does not say 0.

Entry points: ``figures_for_unit``, ``figures_for_organisation`` (a committee's whole scope, an agency's own
rows), ``figures_for_report`` (beside one report: the reporter's own rows, or its whole area for a report
that stands for it), ``scope_for_unit`` / ``scope_for_organisation`` and ``compute(scope, start, end)``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet, Sum

from hangviet.lib.i18n import catalogue_text
from hangviet.lib.vnformat import format_number
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_subtree_ids
from hangviet.registry.catalogue import (
    CLUB_KIND_BY_CODE,
    EVENT_KIND_BY_CODE,
    MEASURES,
    QUALIFIER_WORDS,
    REGISTRY_OF_INDICATOR,
    SALE_POINT_KIND_BY_CODE,
    Qualifier,
    weakest,
)
from hangviet.registry.models import Club, Event, EventGroup, EventOrganiser, ModelArea, OcopRecognition, SalePoint
from hangviet.units.models import Unit
from hangviet.units.queries import list_sources


@dataclass(frozen=True)
class Figure:
    """An indicator's value computed from a registry, with the weakest qualifier of its parts."""

    code: str
    value: Decimal
    qualifier: int
    records: int  # registry rows behind the figure
    registry: str  # which list it comes from: events, ocop, salepoints, areas, clubs

    @property
    def words(self) -> str:
        """ "khoảng 1.700.000.000", "178" (the qualifier in the active language: documents render in Vietnamese)."""
        prefix = catalogue_text(QUALIFIER_WORDS[self.qualifier])
        number = format_number(self.value)
        return f"{prefix} {number}" if prefix else number

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": int(self.value) if self.value == self.value.to_integral_value() else float(self.value),
            "qualifier": Qualifier(self.qualifier).name.lower(),
            "records": self.records,
            "registry": self.registry,
        }


@dataclass(frozen=True)
class Scope:
    """Whose registry rows count: ``area_unit_id`` for stocks (or the recorders when it is ``None`` and
    ``organisation_ids`` is set), ``organisation_ids`` for events; both ``None`` means the whole country."""

    area_unit_id: int | None
    organisation_ids: frozenset[int] | None

    @property
    def is_national(self) -> bool:
        return self.area_unit_id is None and self.organisation_ids is None


NATIONAL = Scope(None, None)


def scope_for_unit(unit: Unit) -> Scope:
    """A unit's area and the committees on it and on the units it was formed from, with all below them."""
    if unit.level == Unit.Level.COUNTRY:
        return NATIONAL
    units = [unit, *list_sources(unit)]
    committees = Organisation.objects.filter(unit__in=units, kind=Organisation.Kind.COMMITTEE).values_list(
        "pk", flat=True
    )
    return Scope(unit.pk, frozenset(list_subtree_ids(committees)))


def scope_for_organisation(organisation: Organisation) -> Scope:
    """A committee's area and subtree (the central committee's is the country); an agency's own rows."""
    if organisation.is_committee:
        if organisation.unit.level == Unit.Level.COUNTRY:
            return NATIONAL
        return Scope(organisation.unit_id, frozenset(list_subtree_ids({organisation.pk})))
    return Scope(None, frozenset({organisation.pk}))


def _in_area(queryset: QuerySet[Any], scope: Scope) -> QuerySet[Any]:
    if scope.area_unit_id is not None:
        return queryset.filter(place__areas__unit_id=scope.area_unit_id)
    if scope.organisation_ids is not None:
        return queryset.filter(recorded_by_id__any_of=scope.organisation_ids)
    return queryset


def events_in(scope: Scope, start: datetime.date, end: datetime.date) -> QuerySet[Event]:
    """The events that count for ``scope`` in the window, each once."""
    events = Event.objects.filter(status=Event.Status.DONE, starts_on__gte=start, starts_on__lte=end)
    if scope.organisation_ids is None:
        return events
    ids = scope.organisation_ids
    organised = EventOrganiser.objects.filter(organisation_id__any_of=ids).values("event_id")
    return events.filter(Q(recorded_by_id__any_of=ids) | Q(pk__in=organised))


def groups_in(scope: Scope, start: datetime.date, end: datetime.date) -> QuerySet[EventGroup]:
    groups = EventGroup.objects.filter(starts_on__gte=start, starts_on__lte=end)
    if scope.organisation_ids is None:
        return groups
    return groups.filter(recorded_by_id__any_of=scope.organisation_ids)


def _measure_aggregates() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for measure in MEASURES:
        name = measure.field
        found[f"{name}__sum"] = Sum(name)
        found[f"{name}__n"] = Count(name)
        found[f"{name}__qmax"] = Max(f"{name}_q", filter=Q(**{f"{name}__isnull": False}))
        found[f"{name}__qmin"] = Min(f"{name}_q", filter=Q(**{f"{name}__isnull": False, f"{name}_q__gt": 0}))
    return found


class _Totals:
    """Sums with their qualifiers and the number of rows behind them, per indicator code."""

    def __init__(self) -> None:
        self.values: dict[str, Decimal] = defaultdict(Decimal)
        self.qualifiers: dict[str, set[int]] = defaultdict(set)
        self.records: dict[str, int] = defaultdict(int)
        self.registry: dict[str, str] = {}

    def add(
        self,
        code: str,
        value: Decimal | int,
        records: int,
        qualifiers: Iterable[int] = (Qualifier.EXACT,),
        *,
        registry: str = "",
    ) -> None:
        if not code or records <= 0:
            return
        self.values[code] += Decimal(value)
        self.qualifiers[code].update(q for q in qualifiers if q is not None)
        self.records[code] += records
        self.registry[code] = registry or REGISTRY_OF_INDICATOR.get(code, "")

    def add_measures(self, row: dict[str, Any]) -> None:
        for measure in MEASURES:
            name = measure.field
            count = row[f"{name}__n"]
            if count:
                qualifiers = {Qualifier.EXACT, row[f"{name}__qmax"], row[f"{name}__qmin"]}
                self.add(measure.indicator, row[f"{name}__sum"], count, qualifiers)

    def figures(self) -> dict[str, Figure]:
        return {
            code: Figure(code, value, weakest(self.qualifiers[code]), self.records[code], self.registry[code])
            for code, value in self.values.items()
        }


def _add_events(totals: _Totals, scope: Scope, start: datetime.date, end: datetime.date) -> None:
    events = events_in(scope, start, end)
    listed_in_group: dict[int, int] = defaultdict(int)
    for by_kind in events.order_by().values("kind").annotate(n=Count("id"), **_measure_aggregates()):
        kind = EVENT_KIND_BY_CODE.get(by_kind["kind"])
        if kind is not None:
            totals.add(kind.indicator, by_kind["n"], by_kind["n"])
        totals.add_measures(dict(by_kind))
    for group_id, n in events.filter(group__isnull=False).order_by().values_list("group_id").annotate(n=Count("id")):
        listed_in_group[group_id] = n
    for group in groups_in(scope, start, end):
        kind = EVENT_KIND_BY_CODE.get(group.kind)
        unlisted = max(group.declared_count - listed_in_group[group.pk], 0)
        if kind is not None and unlisted:
            totals.add(kind.indicator, unlisted, 1)
        row: dict[str, Any] = {}
        for measure in MEASURES:
            value = getattr(group, measure.field)
            row[f"{measure.field}__sum"] = value
            row[f"{measure.field}__n"] = 0 if value is None else 1
            row[f"{measure.field}__qmax"] = row[f"{measure.field}__qmin"] = getattr(group, f"{measure.field}_q")
        totals.add_measures(row)


def ocop_in_force(scope: Scope, day: datetime.date) -> dict[int, tuple[int, int | None]]:
    """``{product id: (stars, producer id)}`` of the products whose latest recognition on ``day`` is in
    force: decided by then, not expired, not revoked (a later decision supersedes an earlier one)."""
    recognitions = OcopRecognition.objects.filter(decided_on__lte=day)
    if scope.area_unit_id is not None:
        recognitions = recognitions.filter(product__place__areas__unit_id=scope.area_unit_id)
    elif scope.organisation_ids is not None:
        recognitions = recognitions.filter(product__recorded_by_id__any_of=scope.organisation_ids)
    latest: dict[int, tuple[datetime.date, int, int, datetime.date, datetime.date | None, int | None]] = {}
    rows = recognitions.values_list(
        "product_id", "decided_on", "pk", "stars", "valid_to", "revoked_on", "product__producer_id"
    )
    for product_id, decided_on, pk, stars, valid_to, revoked_on, producer_id in rows.iterator(chunk_size=5000):
        known = latest.get(product_id)
        if known is None or (decided_on, pk) > (known[0], known[1]):
            latest[product_id] = (decided_on, pk, stars, valid_to, revoked_on, producer_id)
    return {
        product_id: (stars, producer_id)
        for product_id, (_decided, _pk, stars, valid_to, revoked_on, producer_id) in latest.items()
        if valid_to >= day and (revoked_on is None or revoked_on > day)
    }


def _add_ocop(totals: _Totals, scope: Scope, day: datetime.date) -> None:
    in_force = ocop_in_force(scope, day)
    if not in_force:
        return
    by_stars: dict[int, int] = defaultdict(int)
    for stars, _producer in in_force.values():
        by_stars[stars] += 1
    totals.add("ocop_products", len(in_force), len(in_force))
    for stars in (3, 4, 5):
        totals.add(f"ocop_{stars}_star", by_stars[stars], len(in_force))
    producers = {producer for _stars, producer in in_force.values() if producer is not None}
    totals.add("ocop_producers", len(producers), len(in_force))


def open_on(day: datetime.date) -> Q:
    """Sale points open on ``day``."""
    return (
        (Q(opened_on__isnull=True) | Q(opened_on__lte=day))
        & (Q(closed_on__isnull=True) | Q(closed_on__gt=day))
        & ~Q(status=SalePoint.Status.CLOSED, closed_on__isnull=True)
    )


def _add_stocks(totals: _Totals, scope: Scope, day: datetime.date) -> None:
    points = _in_area(SalePoint.objects.filter(open_on(day)), scope)
    for kind, n in points.order_by().values_list("kind").annotate(n=Count("id", distinct=True)):
        spec = SALE_POINT_KIND_BY_CODE.get(kind)
        if spec is not None:
            totals.add(spec.indicator, n, n)
    areas = _in_area(
        ModelArea.objects.filter(status=ModelArea.Status.RECOGNISED)
        .filter(Q(recognised_on__isnull=True) | Q(recognised_on__lte=day))
        .filter(Q(lapsed_on__isnull=True) | Q(lapsed_on__gt=day)),
        scope,
    )
    n_areas = areas.values("pk").distinct().count()
    totals.add("model_residential_areas", n_areas, n_areas)
    counted = [code for code, kind in CLUB_KIND_BY_CODE.items() if kind.counts_for_campaign]
    clubs = _in_area(
        Club.objects.filter(kind__in=counted)
        .filter(Q(founded_on__isnull=True) | Q(founded_on__lte=day))
        .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=day)),
        scope,
    )
    ids = clubs.values("pk").distinct()
    summary = Club.objects.filter(pk__in=ids).aggregate(n=Count("pk"), members=Sum("members"))
    totals.add("clubs", summary["n"], summary["n"])
    totals.add("club_members", summary["members"] or 0, summary["n"])


@dataclass(frozen=True)
class SourceFigure:
    """One indicator figure a registered source contributes for a scope and window (see ``register_source``)."""

    code: str
    value: Decimal | int
    records: int  # rows behind it; 0 means the source holds nothing and says nothing (never a 0)
    registry: str  # the list it comes from, e.g. "complaints", "market_cases"
    qualifiers: tuple[int, ...] = (Qualifier.EXACT,)


Source = Callable[[Scope, datetime.date, datetime.date], Iterable[SourceFigure]]
_SOURCES: dict[str, Source] = {}


def register_source(name: str, source: Source) -> None:
    """Let a higher app (complaints, oversight, surveys…) feed indicators through this one bridge: ``source(scope,
    start, end)`` yields ``SourceFigure`` rows for the scope (flows in the window, stocks on ``end``). Called from
    the app's ``AppConfig.ready``; registering the same name again replaces it (module reloads in tests)."""
    _SOURCES[name] = source


def compute(scope: Scope, start: datetime.date, end: datetime.date) -> dict[str, Figure]:
    """``{indicator code: Figure}`` of everything the registries hold for ``scope``: flows in the window,
    stocks on its last day."""
    totals = _Totals()
    _add_events(totals, scope, start, end)
    _add_ocop(totals, scope, end)
    _add_stocks(totals, scope, end)
    for source in _SOURCES.values():
        for figure in source(scope, start, end):
            totals.add(figure.code, figure.value, figure.records, figure.qualifiers, registry=figure.registry)
    return totals.figures()


def figures_for_unit(unit: Unit, start: datetime.date, end: datetime.date) -> dict[str, Figure]:
    """Figures for a unit's whole area (a historic unit such as old Tỉnh Trà Vinh works too)."""
    return compute(scope_for_unit(unit), start, end)


def figures_for_organisation(organisation: Organisation, start: datetime.date, end: datetime.date) -> dict[str, Figure]:
    """The figures beside an organisation's own report (see ``scope_for_organisation``)."""
    return compute(scope_for_organisation(organisation), start, end)


def figures_for_report(
    organisation: Organisation, start: datetime.date, end: datetime.date, *, whole_area: bool
) -> dict[str, Figure]:
    """The figures beside one report. A report normally holds the reporter's **own** activity (a committee's
    own report is its standing office's work; its area's totals are consolidated from its reporters), so it is
    compared with the rows the organisation recorded or organised itself. A report that stands for a whole area
    (an old consolidated document entered for a historic committee) is compared with the area's figures."""
    if whole_area:
        return figures_for_organisation(organisation, start, end)
    return compute(Scope(None, frozenset({organisation.pk})), start, end)


def clubs_by_kind(scope: Scope, day: datetime.date) -> list[tuple[str, int, int]]:
    """``[(kind label, clubs, members)]`` on ``day``, every kind (shown apart; only some are summed)."""
    clubs = _in_area(
        Club.objects.filter(Q(founded_on__isnull=True) | Q(founded_on__lte=day)).filter(
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=day)
        ),
        scope,
    )
    ids = clubs.values("pk").distinct()
    rows = Club.objects.filter(pk__in=ids).values_list("kind").annotate(n=Count("pk"), members=Sum("members"))
    return [(str(CLUB_KIND_BY_CODE[kind].label), n, members or 0) for kind, n, members in rows.order_by("kind")]
