"""Read helpers for the registry pages: every list holds only what the user may read.

A row is visible when the organisation that recorded it is in ``policy.visible_organisation_ids(user)``; an
event also when one of its organisers is (a co-organiser reads the one event instead of recording a second).
The ``organisation`` and ``period`` filters the report form's "theo sổ theo dõi" links carry select the rows
behind a figure the way ``figures.py`` counts them: the organisation's scope (a committee's subtree and area,
an agency's own rows), events starting in the period's window, stocks standing on its last day.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Exists, F, Model, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.lib.periods import PeriodKey
from hangviet.lib.text import fold_diacritics
from hangviet.orgs.models import Organisation, UserRole
from hangviet.orgs.policy import active_roles, grant_for, list_predecessor_ids, visible_organisation_ids
from hangviet.registry.figures import Scope, ocop_in_force, open_on, scope_for_organisation
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
from hangviet.registry.places import DEPTH, read_address
from hangviet.units.models import Unit

AnyUser = User | AnonymousUser
EXPIRY_DAYS = 90

# Organisations ---------------------------------------------------------------------------------------------


def visible_ids(user: AnyUser) -> frozenset[int]:
    """``policy.visible_organisation_ids``, kept on the user object for the rest of the request."""
    cached = getattr(user, "_registry_visible_ids", None)
    if cached is None:
        cached = frozenset(visible_organisation_ids(user))
        user._registry_visible_ids = cached  # type: ignore[union-attr]  # cached for this request's user object
    return cached


def editable_organisations(user: AnyUser) -> list[Organisation]:
    """The organisations ``user`` records registry rows for: those whose grant allows editing (its own, and
    for a successor's editors the historic organisations merged into it). Current ones first."""
    cached = getattr(user, "_registry_editable", None)
    if cached is not None:
        return list(cached)
    own = {role.organisation_id for role in active_roles(user) if role.role != UserRole.Role.VIEWER}
    # own_organisation_ids adds viewers' organisations too: the grants below keep only what the user edits
    candidates = Organisation.objects.filter(pk__in=own_organisation_ids(user) if own else set())
    found = [
        organisation
        for organisation in candidates.select_related("unit", "parent")
        if (grant := grant_for(user, organisation)) is not None and grant.can_edit
    ]
    found.sort(key=lambda o: (o.valid_to is not None, o.kind != Organisation.Kind.COMMITTEE, o.name))
    user._registry_editable = tuple(found)  # type: ignore[union-attr]  # cached for this request's user object
    return found


def own_organisation_ids(user: AnyUser) -> frozenset[int]:
    """The organisations ``user`` works in (any role), and those whose work passed to them: "my organisations"
    of the event list's "do đơn vị tôi phối hợp" filter and of an organiser's role on an event's page."""
    cached = getattr(user, "_registry_own_ids", None)
    if cached is None:
        own = {role.organisation_id for role in active_roles(user)}
        cached = frozenset(own | (list_predecessor_ids(own) if own else set()))
        user._registry_own_ids = cached  # type: ignore[union-attr]  # cached for this request's user object
    return cached


def organisation_label(organisation: Organisation) -> str:
    """A short name that says where: "Ban Chỉ đạo Tỉnh Vĩnh Long", "Sở Công Thương (Tỉnh Vĩnh Long)" (several
    provinces have a "Sở Công Thương"; a committee's official name runs long on a phone)."""
    if organisation.is_committee:
        label = _("Ban Chỉ đạo %(unit)s") % {"unit": organisation.unit.name}
    else:
        label = f"{organisation.name} ({organisation.unit.name})"
    if organisation.valid_to is not None:
        label += " " + _("(đến %(day)s)") % {"day": organisation.valid_to.strftime("%d/%m/%Y")}
    return label


def filter_organisations(user: AnyUser, *, limit: int = 300) -> list[Organisation] | None:
    """The organisations a list can be narrowed to (those the user sees), committees first; ``None`` when there
    are too many for a select (the central office: it narrows through the report links instead)."""
    found = list(
        Organisation.objects.filter(pk__in=visible_ids(user))
        .select_related("unit")
        .order_by("kind", F("valid_to").desc(nulls_first=True), "name")[: limit + 1]
    )
    return found if len(found) <= limit else None


def nearby_organisations(user: AnyUser) -> list[Organisation]:
    """Likely co-organisers, offered without a search: the user's organisations, their committees, the
    committees above those and every agency of them."""
    own = {role.organisation_id for role in active_roles(user)}
    parents = set(Organisation.objects.filter(pk__in=own, parent__isnull=False).values_list("parent_id", flat=True))
    committees = own | parents
    upper = set(
        Organisation.objects.filter(pk__in=committees, parent__isnull=False, kind=Organisation.Kind.COMMITTEE)
        .exclude(parent__unit__level=Unit.Level.COUNTRY)
        .values_list("parent_id", flat=True)
    )
    committees |= upper
    found = (
        Organisation.objects.filter(Q(pk__in=committees) | Q(parent_id__in=committees, kind=Organisation.Kind.AGENCY))
        .filter(valid_to__isnull=True)
        .select_related("unit")
        .order_by("kind", "name")[:300]
    )
    return list(found)


def search_organisations(text: str, *, limit: int = 40) -> list[Organisation]:
    """Committees whose unit's name holds ``text`` (ignoring diacritics), each with its agencies: how a clerk
    finds "Sở Công Thương" of another province by typing the province. Names only, no data of theirs."""
    folded = fold_diacritics(text)
    for word in ("ban chi dao", "bcd "):
        folded = folded.removeprefix(word).strip()
    if len(folded) < 2:
        return []
    committees = list(
        Organisation.objects.filter(kind=Organisation.Kind.COMMITTEE, unit__folded_name__contains=folded)
        .select_related("unit")
        .order_by(F("valid_to").desc(nulls_first=True), "name")[:60]
    )
    committees.sort(key=lambda c: (c.valid_to is not None, DEPTH.get(c.unit.level, 9), c.name))
    committees = committees[:10]
    agencies = Organisation.objects.filter(
        parent__in=committees, kind=Organisation.Kind.AGENCY, valid_to__isnull=True
    ).select_related("unit")
    by_parent: dict[int, list[Organisation]] = defaultdict(list)
    for agency in agencies.order_by("name"):
        by_parent[agency.parent_id or 0].append(agency)
    found: list[Organisation] = []
    for committee in committees:
        found += [committee, *by_parent[committee.pk]]
    return found[:limit]


def organisations_by_id(ids: Iterable[int]) -> dict[int, Organisation]:
    """Organisations an event may name as organisers (any committee or agency of the system)."""
    return {o.pk: o for o in Organisation.objects.filter(pk__in=set(ids)).select_related("parent", "unit")}


# Scopes and filters ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What every list accepts: the organisation whose figures a report shows, and the period."""

    organisation: Organisation | None = None
    period: PeriodKey | None = None

    @property
    def scope(self) -> Scope | None:
        return scope_for_organisation(self.organisation) if self.organisation is not None else None

    @property
    def day(self) -> datetime.date:
        """The day stocks are counted on: the period's last day, else today."""
        return self.period.end if self.period is not None else timezone.localdate()


def _recorded_in[M: Model](queryset: QuerySet[M], user: AnyUser) -> QuerySet[M]:
    return queryset.filter(recorded_by_id__in=visible_ids(user))


def _in_scope[M: Model](queryset: QuerySet[M], scope: Scope | None, place: str = "place") -> QuerySet[M]:
    """Stocks of a scope: in a committee's area, or recorded by an agency (as ``figures.py`` counts them)."""
    if scope is None or scope.is_national:
        return queryset
    if scope.area_unit_id is not None:
        return queryset.filter(**{f"{place}__areas__unit_id": scope.area_unit_id})
    return queryset.filter(recorded_by_id__in=scope.organisation_ids)


def _organised_by(ids: Iterable[int]) -> Q:
    organised = EventOrganiser.objects.filter(organisation_id__in=list(ids)).values("event_id")
    return Q(recorded_by_id__in=list(ids)) | Q(pk__in=organised)


# Events ----------------------------------------------------------------------------------------------------


def visible_events(user: AnyUser) -> QuerySet[Event]:
    return Event.objects.filter(_organised_by(visible_ids(user)))


def list_events(
    user: AnyUser,
    filters: Filters,
    *,
    kind: str = "",
    programme: str = "",
    status: str = "",
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    co_organised: bool = False,
) -> QuerySet[Event]:
    """Visible events, newest first, with their place, recorder, organisers and group; ``co_organised``: only
    those another organisation recorded with one of the user's organisations among the organisers."""
    events = visible_events(user)
    if co_organised:
        mine = list(own_organisation_ids(user))
        listed = EventOrganiser.objects.filter(organisation_id__in=mine).values("event_id")
        events = events.filter(pk__in=listed).exclude(recorded_by_id__in=mine)
    scope = filters.scope
    if scope is not None and scope.organisation_ids is not None:
        events = events.filter(_organised_by(scope.organisation_ids))
    if filters.period is not None:
        events = events.filter(starts_on__gte=filters.period.start, starts_on__lte=filters.period.end)
    if start is not None:
        events = events.filter(ends_on__gte=start)
    if end is not None:
        events = events.filter(starts_on__lte=end)
    if kind:
        events = events.filter(kind=kind)
    if status:
        events = events.filter(status=status)
    if programme:
        events = events.filter(programme__icontains=programme)
    return events.select_related("place__unit", "recorded_by__unit", "group").prefetch_related(
        Prefetch("organisers", queryset=EventOrganiser.objects.select_related("organisation__unit"))
    )


def list_groups(user: AnyUser, filters: Filters) -> QuerySet[EventGroup]:
    groups = _recorded_in(EventGroup.objects.all(), user)
    scope = filters.scope
    if scope is not None and scope.organisation_ids is not None:
        groups = groups.filter(recorded_by_id__in=scope.organisation_ids)
    if filters.period is not None:
        groups = groups.filter(starts_on__gte=filters.period.start, starts_on__lte=filters.period.end)
    return groups.select_related("recorded_by__unit").prefetch_related("events").order_by("-starts_on")


def events_of_recorder(recorder: Organisation, *, limit: int = 300, group: EventGroup | None = None) -> list[Event]:
    """Events one organisation recorded (a group entry links only these), newest first; with ``group``, its
    linked events too, however old."""
    events = Event.objects.filter(recorded_by=recorder)
    if group is not None:
        linked = list(Event.objects.filter(group=group).select_related("group").order_by("-starts_on"))
        others = events.exclude(group=group).select_related("group").order_by("-starts_on")[:limit]
        return sorted([*linked, *others], key=lambda event: (event.starts_on, event.pk), reverse=True)
    return list(events.select_related("group").order_by("-starts_on")[:limit])


def events_of_group(group: EventGroup) -> list[Event]:
    return list(group.events.order_by("-starts_on", "name"))


def my_roles(user: AnyUser, organisers: Iterable[EventOrganiser]) -> list[EventOrganiser]:
    """The organisers of an event that are the user's organisations (their role on it)."""
    mine = own_organisation_ids(user)
    return [organiser for organiser in organisers if organiser.organisation_id in mine]


# OCOP ------------------------------------------------------------------------------------------------------


def current_recognition(product: OcopProduct, day: datetime.date) -> OcopRecognition | None:
    """The recognition in force on ``day`` (the latest decided by then, not expired or revoked), from the
    product's prefetched recognitions."""
    decided = [r for r in product.recognitions.all() if r.decided_on <= day]
    if not decided:
        return None
    latest = max(decided, key=lambda r: (r.decided_on, r.pk))
    return latest if latest.is_valid_on(day) else None


def list_products(
    user: AnyUser,
    filters: Filters,
    *,
    text: str = "",
    stars: int | None = None,
    producer: str = "",
    place_unit: Unit | None = None,
) -> QuerySet[OcopProduct]:
    """Visible products by name (ignoring diacritics), stars in force today, producer and place; with a
    period, only those in force on its last day (the rows behind ``ocop_*``)."""
    products = _recorded_in(OcopProduct.objects.all(), user)
    visible = Scope(None, visible_ids(user))
    if filters.organisation is not None:
        products = _in_scope(products, filters.scope)
    if filters.period is not None:
        products = products.filter(pk__in=list(ocop_in_force(filters.scope or visible, filters.day)))
    if stars is not None:
        in_force = ocop_in_force(visible, timezone.localdate())
        products = products.filter(pk__in=[pk for pk, (star, _producer) in in_force.items() if star == stars])
    if text:
        products = products.filter(folded_name__contains=fold_diacritics(text))
    if producer:
        products = products.filter(producer__folded_name__contains=fold_diacritics(producer))
    if place_unit is not None:
        products = products.filter(place__areas__unit=place_unit)
    return products.select_related("producer", "place__unit", "recorded_by__unit").prefetch_related("recognitions")


def list_expiring(
    user: AnyUser,
    *,
    day: datetime.date | None = None,
    days: int = EXPIRY_DAYS,
    recorded_by_ids: set[int] | None = None,
) -> list[OcopRecognition]:
    """Recognitions in force on ``day`` (today) that lapse within ``days``, soonest first: the product's
    current recognition only (a renewal already decided supersedes the one it renews). ``recorded_by_ids``
    narrows them to the products these organisations keep (a user's own, for the work home)."""
    today = day or timezone.localdate()
    later = OcopRecognition.objects.filter(product=OuterRef("product"), decided_on__lte=today).filter(
        Q(decided_on__gt=OuterRef("decided_on")) | Q(decided_on=OuterRef("decided_on"), pk__gt=OuterRef("pk"))
    )
    found = (
        OcopRecognition.objects.filter(
            product__recorded_by_id__in=visible_ids(user)
            & (recorded_by_ids if recorded_by_ids is not None else visible_ids(user)),
            decided_on__lte=today,
            valid_to__gte=today,
            valid_to__lte=today + datetime.timedelta(days=days),
        )
        .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=today))
        .exclude(Exists(later))
        .select_related("product__producer", "product__place__unit", "product__recorded_by__unit")
        .order_by("valid_to", "product__name")
    )
    return list(found)


# Sale points, model areas, clubs, producers ----------------------------------------------------------------


def list_sale_points(
    user: AnyUser, filters: Filters, *, kind: str = "", status: str = "", unverified_since: datetime.date | None = None
) -> QuerySet[SalePoint]:
    points = _in_scope(_recorded_in(SalePoint.objects.all(), user), filters.scope)
    if filters.period is not None:
        points = points.filter(open_on(filters.day))
    if kind:
        points = points.filter(kind=kind)
    if status:
        points = points.filter(status=status)
    if unverified_since is not None:
        points = points.filter(Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=unverified_since))
    return points.select_related("place__unit", "operator", "recorded_by__unit")


def list_model_areas(user: AnyUser, filters: Filters, *, status: str = "") -> QuerySet[ModelArea]:
    areas = _in_scope(_recorded_in(ModelArea.objects.all(), user), filters.scope)
    if filters.period is not None:
        day = filters.day
        areas = (
            areas.filter(status=ModelArea.Status.RECOGNISED)
            .filter(Q(recognised_on__isnull=True) | Q(recognised_on__lte=day))
            .filter(Q(lapsed_on__isnull=True) | Q(lapsed_on__gt=day))
        )
    if status:
        areas = areas.filter(status=status)
    return areas.select_related("place__unit", "recorded_by__unit")


def list_clubs(user: AnyUser, filters: Filters, *, kind: str = "") -> QuerySet[Club]:
    clubs = _in_scope(_recorded_in(Club.objects.all(), user), filters.scope)
    if filters.period is not None:
        day = filters.day
        clubs = clubs.filter(Q(founded_on__isnull=True) | Q(founded_on__lte=day)).filter(
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=day)
        )
    if kind:
        clubs = clubs.filter(kind=kind)
    return clubs.select_related("place__unit", "recorded_by__unit").order_by("kind", "name")


def list_producers(user: AnyUser, filters: Filters, *, text: str = "", legal_form: str = "") -> QuerySet[Producer]:
    """Visible producers not merged away; with a period, those with a product in force on its last day."""
    producers = _in_scope(_recorded_in(Producer.objects.filter(merged_into__isnull=True), user), filters.scope)
    if filters.period is not None:
        in_force = ocop_in_force(filters.scope or Scope(None, visible_ids(user)), filters.day)
        producers = producers.filter(pk__in={producer for _stars, producer in in_force.values() if producer})
    if text:
        folded = fold_diacritics(text)
        aliased = ProducerAlias.objects.filter(folded_name__contains=folded).values("producer_id")
        producers = producers.filter(Q(folded_name__contains=folded) | Q(pk__in=aliased))
    if legal_form:
        producers = producers.filter(legal_form=legal_form)
    return producers.select_related("place__unit", "recorded_by__unit").prefetch_related("aliases")


def products_of(producer: Producer) -> list[OcopProduct]:
    return list(producer.products.prefetch_related("recognitions").select_related("place__unit").order_by("name"))


def find_visible_producer(user: AnyUser, name: str) -> Producer | None:
    """The visible producer (not merged away) named ``name`` or with that alias, ignoring diacritics."""
    folded = fold_diacritics(name)
    producers = _recorded_in(Producer.objects.filter(merged_into__isnull=True), user)
    aliased = ProducerAlias.objects.filter(folded_name=folded).values("producer_id")
    return producers.filter(Q(folded_name=folded) | Q(pk__in=aliased)).order_by("pk").first()


def producer_names(user: AnyUser, *, limit: int = 1000) -> list[str]:
    """Names offered while typing a product's producer."""
    producers = _recorded_in(Producer.objects.filter(merged_into__isnull=True), user)
    return list(producers.order_by("name").values_list("name", flat=True)[:limit])


def merge_candidates(user: AnyUser, keep: Producer, *, limit: int = 500) -> list[Producer]:
    """Producers ``user`` may fold into ``keep``: edited by the user, not merged away, similar names first."""
    editable = [o.pk for o in editable_organisations(user)]
    found = list(
        Producer.objects.filter(recorded_by_id__in=editable, merged_into__isnull=True)
        .exclude(pk=keep.pk)
        .select_related("recorded_by__unit")
        .order_by("name")[:limit]
    )
    words = set(keep.folded_name.split())
    found.sort(key=lambda p: (-len(words & set(p.folded_name.split())), p.folded_name))
    return found


# Places ----------------------------------------------------------------------------------------------------

#: The lists whose rows carry a place, by the name the pages use.
PLACE_HOLDERS: dict[str, type[Model]] = {
    "events": Event,
    "products": OcopProduct,
    "salepoints": SalePoint,
    "areas": ModelArea,
    "clubs": Club,
    "producers": Producer,
}


def _unresolved(model: type[Model], user: AnyUser) -> QuerySet[Any]:
    rows = visible_events(user) if model is Event else _recorded_in(model._default_manager.all(), user)
    return rows.filter(place__isnull=False, place__unit__isnull=True).exclude(place__text="")


def count_unresolved(user: AnyUser) -> dict[str, int]:
    """``{list name: rows whose place is not resolved to a unit}`` among the rows ``user`` sees."""
    return {name: _unresolved(model, user).count() for name, model in PLACE_HOLDERS.items()}


def list_unresolved_places(user: AnyUser, *, registry: str = "") -> QuerySet[Place]:
    """Places as written that resolved to no unit, used by a row ``user`` sees (one list, or all)."""
    chosen = {registry: PLACE_HOLDERS[registry]} if registry in PLACE_HOLDERS else PLACE_HOLDERS
    condition = Q()
    for model in chosen.values():
        condition |= Q(pk__in=_unresolved(model, user).values("place_id"))
    return Place.objects.filter(condition).select_related("context_unit").order_by("text", "pk")


def rows_using(places: Iterable[Place]) -> dict[int, list[tuple[str, object]]]:
    """The registry rows each place belongs to, for showing what a place is."""
    ids = [place.pk for place in places]
    found: dict[int, list[tuple[str, object]]] = defaultdict(list)
    for name, model in PLACE_HOLDERS.items():
        rows: QuerySet[Any] = model._default_manager.filter(place_id__in=ids).select_related("recorded_by")
        for row in rows:
            found[row.place_id].append((name, row))
    return found


def place_candidates(place: Place, *, limit: int = 12) -> list[Unit]:
    """Units the clerk may mean: those named like each administrative part of the text, current first."""
    parts = read_address(place.text).admin_parts or (place.text,)
    found: dict[int, Unit] = {}
    for part in parts:
        folded = fold_diacritics(part)
        units = Unit.objects.filter(Q(folded_name=folded) | Q(folded_name__endswith=f" {folded}"))
        for unit in units.select_related("parent__parent").order_by(F("valid_to").desc(nulls_first=True))[:limit]:
            found.setdefault(unit.pk, unit)
    return list(found.values())[:limit]


def organisers_of(event: Event) -> list[EventOrganiser]:
    return list(event.organisers.select_related("organisation__unit").order_by("pk"))


def recognitions_of(product: OcopProduct) -> list[OcopRecognition]:
    """Every recognition of a product, latest decision first: its history of stars."""
    return list(product.recognitions.order_by("-decided_on", "-pk"))


def registrations_of(product: OcopProduct) -> list[OcopRegistration]:
    return list(product.registrations.order_by("-year"))


def aliases_of(producer: Producer) -> list[ProducerAlias]:
    return list(producer.aliases.order_by("name"))


def merged_into(producer: Producer) -> list[Producer]:
    """The duplicates folded into ``producer``."""
    return list(producer.merged_from.order_by("name"))


def count_rows(user: AnyUser) -> dict[str, int]:
    """``{list name: rows user sees}`` for the registry home."""
    return {
        "events": visible_events(user).count(),
        "products": _recorded_in(OcopProduct.objects.all(), user).count(),
        "salepoints": _recorded_in(SalePoint.objects.all(), user).count(),
        "areas": _recorded_in(ModelArea.objects.all(), user).count(),
        "clubs": _recorded_in(Club.objects.all(), user).count(),
        "producers": _recorded_in(Producer.objects.filter(merged_into__isnull=True), user).count(),
    }


def unit_by_id(pk: int) -> Unit | None:
    return Unit.objects.select_related("parent__parent").filter(pk=pk).first()


def unit_label(unit: Unit) -> str:
    """ "Xã Hòa Minh, Huyện Châu Thành, Tỉnh Trà Vinh (đến 30/6/2025)"."""
    names = [unit.name]
    parent = unit.parent
    while parent is not None and parent.level != Unit.Level.COUNTRY:
        names.append(parent.name)
        parent = parent.parent
    text = ", ".join(names)
    if unit.valid_to is not None:
        text += " " + _("(đến %(day)s)") % {"day": unit.valid_to.strftime("%d/%m/%Y")}
    return text
