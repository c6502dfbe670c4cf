"""Places as documents write them, resolved to units across the 2025 reform.

"ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành" names a hamlet (kept as locality) in a commune of a district that
no longer exists; the text rarely names the province, so the recording organisation's area completes it
(old Tỉnh Trà Vinh, or the old provinces that formed today's Tỉnh Vĩnh Long). What cannot be resolved is kept
as written and flagged, and counts in the recorder's area.

``areas_of(unit)`` lists every unit whose area holds ``unit``: its ancestors, the current units it became and
their ancestors, and for a current unit the old units that formed it (when the old province or district is
unique). Stored as ``PlaceArea`` rows, they make "everything in Tỉnh Vĩnh Long" and "everything in old Tỉnh Trà
Vinh" one join each.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from hangviet.lib.text import fold_diacritics, normalize_text
from hangviet.registry.models import Place, PlaceArea
from hangviet.units.models import Unit
from hangviet.units.queries import list_current_units, list_sources
from hangviet.units.resolve import UnitNotFound, resolve_unit

#: Words that open a part of an address below the commune (kept as locality or street, not resolved).
LOCALITY_WORDS = ("ấp", "khóm", "khu phố", "tổ dân phố", "thôn", "xóm", "bản", "buôn", "khu vực", "tổ")
STREET_WORDS = ("số", "đường", "ngõ", "hẻm", "kiệt", "quốc lộ", "tỉnh lộ")
PROVINCE_WORDS = ("tỉnh", "thành phố", "tp")
_LOCALITY = re.compile(r"^(?:{})\b".format("|".join(re.escape(fold_diacritics(w)) for w in LOCALITY_WORDS)))
_STREET = re.compile(r"^(?:{})\b|^\d".format("|".join(re.escape(fold_diacritics(w)) for w in STREET_WORDS)))
_UNIT_WORD = re.compile(r"^(?:xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho|tp\.?|tinh)\b")


@dataclass(frozen=True)
class PlaceReading:
    """What an address text says: the administrative part, the locality below it and the street."""

    text: str
    admin_parts: tuple[str, ...]
    locality: str
    street: str


def read_address(text: str) -> PlaceReading:
    """Split an address into its administrative parts and what lies below the commune.

    "ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành" → locality "ấp Cồn Chim", parts ("xã Hòa Minh", "huyện Châu
    Thành"); "số 40, đường Nguyễn Thái Học, phường 1, thành phố Trà Vinh" → street "số 40, đường Nguyễn Thái
    Học". A part in parentheses ("(đường 19/5)") is kept in the text only."""
    clean = normalize_text(text)
    inner = re.sub(r"\([^)]*\)", " ", clean)
    inner = re.sub(r"^(?:tại|ở)\s+", "", inner, flags=re.IGNORECASE)
    parts = [part.strip(" .;") for part in re.split(r"[,;]", inner) if part.strip(" .;")]
    locality, street, admin = [], [], []
    for part in parts:
        folded = fold_diacritics(part)
        if _UNIT_WORD.match(folded):
            admin.append(part)
        elif _LOCALITY.match(folded) and not admin:
            locality.append(part)
        elif _STREET.match(folded) and not admin:
            street.append(part)
        elif admin:
            admin.append(part)  # a province written without its word ("…, Vĩnh Long")
    return PlaceReading(clean, tuple(admin), ", ".join(locality), ", ".join(street))


DEPTH: dict[str, int] = {Unit.Level.COUNTRY: 0, Unit.Level.PROVINCE: 1, Unit.Level.DISTRICT: 2, Unit.Level.COMMUNE: 3}


def _names_province(parts: tuple[str, ...]) -> bool:
    """True if the last part names a province, with its word ("tỉnh Phú Thọ") or without ("…, Vĩnh Long")."""
    if not parts:
        return False
    last = fold_diacritics(parts[-1])
    if last.startswith(("tinh", "thanh pho", "tp")):
        return True
    return Unit.objects.filter(
        level=Unit.Level.PROVINCE, folded_name__in=[last, f"tinh {last}", f"thanh pho {last}"]
    ).exists()


def _within(unit: Unit, area_ids: set[int]) -> bool:
    return bool(area_ids & set(areas_of(unit.pk)))


def _bare_province(text: str, on_date: datetime.date | None) -> Unit | None:
    """A province named without its word ("Cần Thơ", "Hà Nội"): the one in force on the day meant (today's
    when no day is known)."""
    folded = re.sub(r"^(?:tai|o)\s+", "", fold_diacritics(text)).strip(" .")
    if not folded:
        return None
    names = [folded, f"tinh {folded}", f"thanh pho {folded}"]
    found = list(Unit.objects.filter(level=Unit.Level.PROVINCE, folded_name__in=names))
    in_force = [unit for unit in found if unit.is_valid_on(on_date)] if on_date else []
    chosen = in_force or [unit for unit in found if unit.valid_to is None] or found
    return chosen[0] if len(chosen) == 1 else None


def resolve_text(text: str, *, context: Unit | None = None, on_date: datetime.date | None = None) -> Unit | None:
    """The unit an address text names, completed by ``context`` (the recorder's unit) when it leaves the
    province out; ``None`` when nothing (or more than one place) fits."""
    reading = read_address(text)
    parts = reading.admin_parts
    if not parts:
        return _bare_province(reading.text, on_date)
    if context is not None and context.level != Unit.Level.COUNTRY and not _names_province(parts):
        found: dict[int, Unit] = {}
        for province in _context_provinces(context):
            try:
                unit = resolve_unit(", ".join([*parts, province.name])).unit
            except UnitNotFound:
                continue
            if unit.level != Unit.Level.PROVINCE:
                found[unit.pk] = unit
        deepest = max((DEPTH[unit.level] for unit in found.values()), default=0)
        best = [unit for unit in found.values() if DEPTH[unit.level] == deepest]
        if len(best) == 1:
            return best[0]
        if len(best) > 1:
            # "huyện Châu Thành" exists in two of the old provinces: ask the clerk (unless both are one place)
            return same_place(best)
    try:
        unit = resolve_unit(", ".join(parts)).unit
    except UnitNotFound:
        return None
    if context is not None and context.level != Unit.Level.COUNTRY and not _names_province(parts):
        # Without a province the parser may guess anywhere in the country: keep it only inside the context.
        context_ids = {context.pk, *(source.pk for source in list_sources(context))}
        if not _within(unit, context_ids) and unit.pk not in context_ids:
            return None
    return unit


def same_place(units: list[Unit]) -> Unit | None:
    """The current unit among ``units`` when each of the others became it (old Trà Vinh's "xã Hòa Minh" became
    today's Xã Hòa Minh of Vĩnh Long: one place, written before or after the reform); else ``None``."""
    current = [unit for unit in units if unit.valid_to is None]
    if len(current) != 1:
        return None
    others = [unit for unit in units if unit.pk != current[0].pk]
    if all([found.pk for found in list_current_units(unit)] == [current[0].pk] for unit in others):
        return current[0]
    return None


def _context_provinces(context: Unit) -> list[Unit]:
    """The provinces, old and current, whose area the context unit covers (Vĩnh Long → itself, Trà Vinh,
    Bến Tre and old Vĩnh Long)."""
    province = context
    while province.level not in (Unit.Level.PROVINCE, Unit.Level.COUNTRY) and province.parent is not None:
        province = province.parent
    if province.level != Unit.Level.PROVINCE:
        return []
    found = [province, *(u for u in list_sources(province) if u.level == Unit.Level.PROVINCE)]
    return list({unit.pk: unit for unit in found}.values())


def _chain(unit: Unit) -> list[Unit]:
    chain = [unit]
    parent = unit.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return chain


@lru_cache(maxsize=20_000)
def areas_of(unit_id: int) -> tuple[int, ...]:
    """Ids of every unit whose area holds the unit (itself included), before and after the reform. A current
    unit counts in an old province or district only when all of it came from that one (Tỉnh Vĩnh Long as a whole
    is in none of old Trà Vinh, Bến Tre or Vĩnh Long: a place known only as "in Vĩnh Long" is not counted in
    old Trà Vinh's figures)."""
    unit = Unit.objects.select_related("parent__parent__parent").get(pk=unit_id)
    found: dict[int, None] = {u.pk: None for u in _chain(unit)}
    if unit.valid_to is not None:
        for current in list_current_units(unit):
            found.update({u.pk: None for u in _chain(current)})
    else:
        old = [source for source in list_sources(unit) if source.edition == Unit.Edition.PRE_2025]
        for level in (Unit.Level.PROVINCE, Unit.Level.DISTRICT):
            above = {a.pk: a for s in old for a in _chain(s) if a.level == level}
            if len(above) == 1:
                found[next(iter(above))] = None
    return tuple(found)


@lru_cache(maxsize=20_000)
def today_name(unit_id: int) -> str:
    """What a unit that ended with the 2025 reform is today ("Phường Trà Vinh, Tỉnh Vĩnh Long"; several units
    when it was split); "" for a unit still in force."""
    unit = Unit.objects.get(pk=unit_id)
    if unit.valid_to is None:
        return ""
    names = []
    for current in list_current_units(unit):
        parent = current.parent
        above = parent.name if parent is not None and parent.level == Unit.Level.PROVINCE else ""
        names.append(f"{current.name}, {above}" if above else current.name)
    return "; ".join(names)


def set_areas(place: Place) -> None:
    """Store the areas of ``place`` (of its unit, or of the recorder's unit when it is unresolved)."""
    PlaceArea.objects.filter(place=place).delete()
    unit_id = place.unit_id or place.context_unit_id
    if unit_id is None:
        return
    PlaceArea.objects.bulk_create([PlaceArea(place=place, unit_id=area) for area in areas_of(unit_id)])


def make_place(
    text: str,
    *,
    context: Unit | None,
    on_date: datetime.date | None = None,
    unit: Unit | None = None,
    site_kind: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
) -> Place:
    """Create a place from its text (resolved now, unless ``unit`` is given) with its areas. Call inside
    an action's transaction."""
    clean = normalize_text(text)
    reading = read_address(clean)
    resolved = unit if unit is not None else (resolve_text(clean, context=context, on_date=on_date) if clean else None)
    place = Place.objects.create(
        text=clean,
        on_date=on_date,
        unit=resolved,
        context_unit=context,
        locality=reading.locality,
        street_address=reading.street,
        site_kind=site_kind,
        latitude=latitude,
        longitude=longitude,
    )
    set_areas(place)
    return place


def copy_place(place: Place, **details: Any) -> Place:
    """The same place (text, unit as resolved or as a clerk settled it) with other details (site kind,
    coordinates). Places may be shared by several rows (a product made at its producer's address): an edit
    never changes one in place. Call inside an action's transaction."""
    copy = Place.objects.create(
        text=place.text,
        on_date=place.on_date,
        unit=place.unit,
        context_unit=place.context_unit,
        locality=place.locality,
        street_address=place.street_address,
        **details,
    )
    set_areas(copy)
    return copy
