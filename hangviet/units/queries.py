"""Read helpers for units across time: hierarchy at a date and lineage through the 2025 reform."""

from __future__ import annotations

import datetime

from django.db.models import F, Q
from django.utils import timezone

from hangviet.lib.text import fold_diacritics
from hangviet.units.models import Unit


def valid_on(day: datetime.date) -> Q:
    """A filter for units in force on ``day``."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def list_successors(unit: Unit) -> list[Unit]:
    """The units that ``unit`` became directly (one step), ordered by name."""
    return list(Unit.objects.filter(successions_in__predecessor=unit).order_by("name"))


def list_predecessors(unit: Unit) -> list[Unit]:
    """The units that became ``unit`` directly (one step), ordered by level and name."""
    return list(Unit.objects.filter(successions_out__successor=unit).order_by("level", "name"))


def list_current_units(unit: Unit) -> list[Unit]:
    """The unit(s) in force today that ``unit`` became: itself if current, else its successors' chain.

    Tỉnh Trà Vinh → [Tỉnh Vĩnh Long]; Phường 1 of old Trà Vinh city → [Phường Trà Vinh].
    """
    frontier, seen, current = [unit], {unit.pk}, []
    while frontier:
        step: list[Unit] = []
        for candidate in frontier:
            if candidate.valid_to is None:
                current.append(candidate)
            else:
                step.extend(successor for successor in list_successors(candidate) if successor.pk not in seen)
        seen.update(successor.pk for successor in step)
        frontier = step
    return sorted(current, key=lambda found: found.name)


def list_sources(unit: Unit) -> list[Unit]:
    """Every older unit that fed ``unit``, at any distance (Tỉnh Vĩnh Long ← Trà Vinh, Bến Tre, Vĩnh Long)."""
    frontier = [unit.pk]
    found: dict[int, Unit] = {}
    while frontier:
        rows = Unit.objects.filter(successions_out__successor_id__in=frontier).distinct()
        frontier = [row.pk for row in rows if row.pk not in found]
        found.update((row.pk, row) for row in rows)
    return sorted(found.values(), key=lambda row: (row.level, row.name))


def list_ancestors(unit: Unit, on: datetime.date | None = None) -> list[Unit]:
    """The chain of units above ``unit`` (nearest first), as it stood on ``on`` (default: today).

    A parent that no longer existed on that day is replaced by what it had become: an old district of
    Trà Vinh on 20/6/2025 sits in Tỉnh Vĩnh Long, because the provinces merged on 12/6/2025.
    """
    day = on or timezone.localdate()
    chain: list[Unit] = []
    parent = unit.parent
    while parent is not None:
        if not parent.is_valid_on(day):
            in_force = [successor for successor in list_current_units(parent) if successor.is_valid_on(day)]
            if in_force:
                parent = in_force[0]
        chain.append(parent)
        parent = parent.parent
    return chain


def list_descendants(unit: Unit, on: datetime.date | None = None) -> list[Unit]:
    """The units below ``unit`` in force on ``on`` (default: today), at every level, parents first.

    For a date before the unit existed, the area is taken as it was then: Tỉnh Vĩnh Long on
    1/1/2023 covers the old provinces Vĩnh Long, Trà Vinh and Bến Tre and everything below them.
    """
    day = on or timezone.localdate()
    found: list[Unit] = [] if unit.is_valid_on(day) else [src for src in list_sources(unit) if src.is_valid_on(day)]
    frontier = [unit.pk] if unit.is_valid_on(day) else [source.pk for source in found]
    while frontier:
        level = list(Unit.objects.filter(valid_on(day), parent_id__in=frontier).order_by("name"))
        found.extend(level)
        frontier = [child.pk for child in level]
    return found


def find_units_by_name(name: str, *, current_only: bool = False) -> list[Unit]:
    """Units named ``name``, ignoring case, diacritics and spacing ("tinh tra vinh" finds Tỉnh Trà Vinh)."""
    units = Unit.objects.filter(folded_name=fold_diacritics(name)).select_related("parent")
    if current_only:
        units = units.filter(valid_to__isnull=True)
    return list(units.order_by(F("valid_to").desc(nulls_first=True), "level"))  # current units first


def current_province_of(unit: Unit) -> Unit | None:
    """The province in force today that ``unit``'s area belongs to (None for the country).

    An old district or commune of Trà Vinh belongs to Tỉnh Vĩnh Long; so does Tỉnh Trà Vinh itself.
    """
    if unit.level == Unit.Level.COUNTRY:
        return None
    for current in list_current_units(unit):
        if current.level == Unit.Level.PROVINCE:
            return current
        if current.parent is not None and current.parent.level == Unit.Level.PROVINCE:
            return current.parent
    return None
