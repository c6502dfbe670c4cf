"""Is this row already in the registry? What an import or a document's proposals ask before recording.

Two questions: has the importing organisation recorded it already (same kind, name ignoring case and
diacritics, same window or, for sale points, same kind and name), and — for events — has another organisation
recorded it with the importer among its organisers. The second is how one conference co-organised by four
provinces stays one row: Kiên Giang's report lists the Phú Quốc conference Trà Vinh recorded, and names it
differently ("Hội nghị kết nối cung cầu tại Phú Quốc" for "Hội nghị kết nối cung cầu giữa các tỉnh, Kiên
Giang, … tại Thành phố Phú Quốc"), so names are compared tolerantly there.
"""

from __future__ import annotations

import datetime

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from hangviet.lib.text import fold_diacritics
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_predecessor_ids, list_successor_ids
from hangviet.registry.models import Event, EventGroup, SalePoint
from hangviet.registry.places import areas_of, resolve_text

#: How alike two folded names must be (rapidfuzz ``token_set_ratio``) to name one event.
SAME_EVENT_SCORE = 85
#: A name of fewer words matches only itself ("Hội chợ" is in every fair's name).
MIN_WORDS = 3


def find_event(
    recorded_by: Organisation, *, kind: str, name: str, starts_on: datetime.date, ends_on: datetime.date
) -> Event | None:
    """The event ``recorded_by`` already recorded under this kind, name (ignoring case and diacritics) and
    window: what a second import of the same document must not record again."""
    folded = fold_diacritics(name)
    candidates = Event.objects.filter(recorded_by=recorded_by, kind=kind, starts_on=starts_on, ends_on=ends_on)
    return next((event for event in candidates.order_by("pk") if fold_diacritics(event.name) == folded), None)


def find_event_group(
    recorded_by: Organisation, *, kind: str, description: str, starts_on: datetime.date, ends_on: datetime.date
) -> EventGroup | None:
    """The group entry ``recorded_by`` already recorded with this kind, description and window."""
    folded = fold_diacritics(description)
    candidates = EventGroup.objects.filter(recorded_by=recorded_by, kind=kind, starts_on=starts_on, ends_on=ends_on)
    return next((group for group in candidates.order_by("pk") if fold_diacritics(group.description) == folded), None)


def find_sale_point(recorded_by: Organisation, *, kind: str, name: str) -> SalePoint | None:
    """The sale point ``recorded_by`` already recorded under this kind and name (ignoring case, diacritics)."""
    folded = fold_diacritics(name)
    candidates = SalePoint.objects.filter(recorded_by=recorded_by, kind=kind).order_by("pk")
    return next((point for point in candidates if fold_diacritics(point.name) == folded), None)


def name_score(one: str, other: str) -> float:
    """How alike two event names are, 0–100: 100 for the same folded name or one holding the other, else
    rapidfuzz's ``token_set_ratio`` of the folded names (punctuation aside: "các tỉnh, Kiên Giang"); 0 when
    the shorter has fewer than ``MIN_WORDS`` words and they differ."""
    a, b = default_process(fold_diacritics(one)), default_process(fold_diacritics(other))
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    shorter, longer = sorted((a, b), key=len)
    if len(shorter.split()) < MIN_WORDS:
        return 0.0
    if shorter in longer:
        return 100.0
    return float(fuzz.token_set_ratio(a, b))


def _places_agree(event: Event, unit_id: int | None) -> bool:
    """False only when both places are known and neither lies in the other's area."""
    if unit_id is None or event.place is None or event.place.unit_id is None:
        return True
    return unit_id in areas_of(event.place.unit_id) or event.place.unit_id in areas_of(unit_id)


def find_co_organised_event(
    organisation: Organisation,
    *,
    kind: str,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    place_text: str = "",
) -> Event | None:
    """An event another organisation recorded, of this kind, whose days overlap ``starts_on``–``ends_on``,
    listing ``organisation`` (or one it succeeded, or one that succeeded it) among its organisers, with a name
    alike (``name_score`` ≥ ``SAME_EVENT_SCORE``) and a place that does not contradict ``place_text``; the
    best-named one. The importer's own events are ``find_event``'s: two of its markets in one window may have
    names this alike."""
    related = {organisation.pk} | list_successor_ids(organisation) | list_predecessor_ids({organisation.pk})
    candidates = (
        Event.objects.filter(
            kind=kind,
            starts_on__lte=ends_on,
            ends_on__gte=starts_on,
            organisers__organisation_id__in=related,
        )
        .exclude(recorded_by=organisation)
        .select_related("place", "recorded_by__unit")
        .distinct()
        .order_by("pk")
    )
    scored = [(name_score(name, event.name), event) for event in candidates]
    alike = [(score, event) for score, event in scored if score >= SAME_EVENT_SCORE]
    if not alike:
        return None
    unit = resolve_text(place_text, context=organisation.unit, on_date=starts_on) if place_text else None
    agreeing = [(score, event) for score, event in alike if _places_agree(event, unit.pk if unit else None)]
    if not agreeing:
        return None
    return max(agreeing, key=lambda pair: (pair[0], -pair[1].pk))[1]
