"""What the public portal shows, and nothing else: public rows only, no recorder, no contact of a producer that
is not public, no closed sale point.

Provinces are read as people write them ("Vĩnh Long", "vinh long", "Tỉnh Vĩnh Long", "TP Cần Thơ") and resolved
to today's province of the units app (an old province's name — "Trà Vinh" — to the old province, whose area
still holds its places through ``PlaceArea``).
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify

from hangviet.campaign.queries import public_directory
from hangviet.lib.text import fold_diacritics
from hangviet.portal.search import places_in
from hangviet.registry.models import (
    Event,
    EventOrganiser,
    ModelArea,
    OcopProduct,
    OcopRecognition,
    PlaceArea,
    Producer,
    SalePoint,
)
from hangviet.registry.queries import organisation_label
from hangviet.units.models import Unit

#: Sale point kinds that sell OCOP products (what a product page offers when its producer runs no point).
OCOP_KINDS = ("ocop_store", "ocop_stop")
_PROVINCE_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp\.?)\s+")
_COMMUNE_PREFIX = re.compile(r"^(?:xa|phuong|thi tran|dac khu)\s+")


def slug_for(name: str) -> str:
    """ "Nước mắm Phú Quốc" → "nuoc-mam-phu-quoc" (at most 80 characters; "san-pham" when nothing is left)."""
    return slugify(fold_diacritics(name))[:80].strip("-") or "muc"


# Units -----------------------------------------------------------------------------------------------------


def current_provinces() -> list[Unit]:
    found = cache.get("portal:provinces")
    if found is None:
        found = list(Unit.objects.filter(level=Unit.Level.PROVINCE, valid_to__isnull=True).order_by("name"))
        cache.set("portal:provinces", found, 600)
    return found


def resolve_province(text: str) -> Unit | None:
    """The province ``text`` names: today's one first, else an old one of that name; ``None`` when none is."""
    folded = _PROVINCE_PREFIX.sub("", fold_diacritics(text).strip(" .,")).strip()
    if not folded:
        return None
    key = "portal:province:" + hashlib.sha256(folded.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    names = [f"tinh {folded}", f"thanh pho {folded}", folded]
    candidates = list(Unit.objects.filter(level=Unit.Level.PROVINCE, folded_name__in=names))
    candidates.sort(key=lambda unit: (unit.valid_to is not None, -(unit.valid_to or datetime.date.min).toordinal()))
    found = candidates[0] if candidates else None
    cache.set(key, found or 0, 600)
    return found


def resolve_commune(text: str, province: Unit | None) -> Unit | None:
    """Today's commune (xã, phường, đặc khu) named ``text``, within ``province`` when given."""
    folded = _COMMUNE_PREFIX.sub("", fold_diacritics(text).strip(" .,")).strip()
    if not folded:
        return None
    names = [f"xa {folded}", f"phuong {folded}", f"dac khu {folded}", f"thi tran {folded}", folded]
    communes = Unit.objects.filter(level=Unit.Level.COMMUNE, valid_to__isnull=True, folded_name__in=names)
    if province is not None:
        communes = communes.filter(Q(parent=province) | Q(parent__parent=province))
    return communes.order_by("name").first()


def province_names(place_ids: set[int]) -> dict[int, str]:
    """Today's province of each place."""
    return dict(
        PlaceArea.objects.filter(place_id__in=place_ids, unit__level=Unit.Level.PROVINCE, unit__valid_to__isnull=True)
        .order_by("unit__name")
        .values_list("place_id", "unit__name")
    )


# Products --------------------------------------------------------------------------------------------------


def get_public_product(pk: int) -> OcopProduct | None:
    return (
        OcopProduct.objects.filter(pk=pk, is_public=True)
        .select_related("producer__place__unit", "place__unit")
        .prefetch_related(Prefetch("recognitions", queryset=OcopRecognition.objects.order_by("-decided_on", "-pk")))
        .first()
    )


def categories() -> list[str]:
    found = cache.get("portal:categories")
    if found is None:
        found = sorted(
            set(OcopProduct.objects.filter(is_public=True).exclude(category="").values_list("category", flat=True))
        )[:200]
        cache.set("portal:categories", found, 600)
    return found


def producer_is_public(producer: Producer | None) -> bool:
    return producer is not None and producer.is_public and producer.merged_into_id is None


@dataclass(frozen=True)
class WhereToBuy:
    points: list[SalePoint]
    basis: str  # "operator": points its producer runs; "province": the OCOP stores of its province; "": none


def where_to_buy(product: OcopProduct, *, limit: int = 30) -> WhereToBuy:
    """Where a product is sold. The registry does not link products to sale points: the points its producer
    operates, else the OCOP stores and stops of the province where it is made."""
    points = public_sale_points()
    if product.producer_id is not None:
        own = page_of_points(points.filter(operator_id=product.producer_id).order_by("name", "pk"), 0, limit)
        if own:
            return WhereToBuy(own, "operator")
    province_ids = (
        list(
            PlaceArea.objects.filter(
                place_id=product.place_id, unit__level=Unit.Level.PROVINCE, unit__valid_to__isnull=True
            ).values_list("unit_id", flat=True)
        )
        if product.place_id is not None
        else []
    )
    if province_ids:
        in_province = points.filter(kind__in=OCOP_KINDS, place__areas__unit_id__in=province_ids)
        found = page_of_points(in_province.order_by("name", "pk"), 0, limit)
        if found:
            return WhereToBuy(found, "province")
    return WhereToBuy([], "")


# Sale points -----------------------------------------------------------------------------------------------


def public_sale_points() -> QuerySet[SalePoint]:
    return SalePoint.objects.filter(is_public=True).exclude(status=SalePoint.Status.CLOSED)


def page_of_points(points: QuerySet[SalePoint], start: int, stop: int) -> list[SalePoint]:
    """Rows ``start:stop`` of an ordered list of sale points with their places: the ids go through the sort alone,
    then the page's rows are read with their joins (joining every point of a province before the sort costs more
    than the sort)."""
    ids = list(points.values_list("pk", flat=True)[start:stop])
    rows = SalePoint.objects.select_related("place__unit").in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def list_sale_points(
    *, province: Unit | None = None, commune: Unit | None = None, kind: str = ""
) -> QuerySet[SalePoint]:
    points = public_sale_points()
    if province is not None:
        points = points.filter(place_id__any_of=places_in(province))
    if commune is not None:
        points = points.filter(place_id__any_of=places_in(commune))
    if kind:
        points = points.filter(kind=kind)
    return points.order_by("name", "pk")


def get_public_sale_point(pk: int) -> SalePoint | None:
    return public_sale_points().select_related("place__unit", "operator").filter(pk=pk).first()


def address_of(point: SalePoint | Event | ModelArea) -> str:
    """The address as written, completed by the unit it resolved to when the text does not name it."""
    place = point.place
    if place is None:
        return ""
    text = place.text
    if place.street_address and fold_diacritics(place.street_address) not in fold_diacritics(text):
        text = f"{place.street_address}, {text}" if text else place.street_address
    if place.unit is not None and fold_diacritics(place.unit.name) not in fold_diacritics(text):
        text = f"{text}, {place.unit.name}" if text else place.unit.name
    return text


def coordinates(point: SalePoint | Event) -> tuple[Decimal, Decimal] | None:
    place = point.place
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return place.latitude, place.longitude


# Events and model areas ------------------------------------------------------------------------------------


def public_events() -> QuerySet[Event]:
    return (
        Event.objects.filter(is_public=True)
        .select_related("place__unit")
        .prefetch_related(
            Prefetch("organisers", queryset=EventOrganiser.objects.select_related("organisation__unit").order_by("pk"))
        )
    )


def list_events(
    *, province: Unit | None = None, kind: str = "", upcoming: bool, day: datetime.date | None = None
) -> QuerySet[Event]:
    """Public events: upcoming (not over yet, soonest first) or past (latest first)."""
    day = day or timezone.localdate()
    events = public_events()
    if province is not None:
        events = events.filter(place_id__any_of=places_in(province))
    if kind:
        events = events.filter(kind=kind)
    if upcoming:
        return events.filter(ends_on__gte=day).order_by("starts_on", "name", "pk")
    return events.filter(ends_on__lt=day).order_by("-starts_on", "name", "pk")


def get_public_event(pk: int) -> Event | None:
    return public_events().filter(pk=pk).first()


def organiser_names(event: Event) -> list[tuple[str, str]]:
    """(name, role label) of each organiser: the organisation's name, or the outside body as written."""
    found = []
    for organiser in event.organisers.all():
        name = organisation_label(organiser.organisation) if organiser.organisation is not None else organiser.name
        found.append((name, str(organiser.get_role_display())))
    return found


def list_model_areas(*, province: Unit | None = None) -> QuerySet[ModelArea]:
    areas = ModelArea.objects.select_related("place__unit").exclude(status=ModelArea.Status.LAPSED)
    if province is not None:
        areas = areas.filter(place_id__any_of=places_in(province))
    return areas.order_by("-status", "name", "pk")


def commended_businesses() -> list[dict[str, Any]]:
    """The directory of trusted businesses: the awardees a committee published (``campaign.queries``), newest
    decision first; the home page shows its section only when there are some."""
    return public_directory()[:20]


def counts() -> dict[str, int]:
    """Figures for the home page (cached for ten minutes)."""
    found = cache.get("portal:counts")
    if found is None:
        day = timezone.localdate()
        found = {
            "products": OcopProduct.objects.filter(
                is_public=True, latest_from__lte=day, latest_until__gte=day, latest_stars__isnull=False
            ).count(),
            "salepoints": public_sale_points().count(),
            "events": list_events(upcoming=True).count(),
        }
        cache.set("portal:counts", found, 600)
    return found
