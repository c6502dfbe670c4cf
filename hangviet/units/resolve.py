"""Resolve a unit named in free text ("Phường 1, Thành phố Trà Vinh, Tỉnh Trà Vinh") to our units.

First the comma-separated parts are matched exactly (ignoring case and diacritics) from the province
down; if that fails, ``vietnamadminunits``' parser reads informal writing ("P.1, TP Trà Vinh") offline.
The answer names the unit the text meant and the current unit(s) it became.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hangviet.lib.text import fold_diacritics, normalize_text
from hangviet.units.models import Unit
from hangviet.units.queries import list_current_units


class UnitNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Resolution:
    query: str
    unit: Unit
    current: list[Unit]

    def as_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "unit": describe_unit(self.unit),
            "is_current": self.unit.valid_to is None,
            "current": [describe_unit(unit) for unit in self.current],
        }


def describe_unit(unit: Unit) -> dict[str, Any]:
    """A JSON-ready description of a unit with the ancestors it had while it was in force."""
    ancestors = []
    parent = unit.parent
    while parent is not None and parent.level != Unit.Level.COUNTRY:
        ancestors.append(parent)
        parent = parent.parent
    return {
        "key": unit.key,
        "code": unit.code,
        "edition": unit.edition,
        "level": unit.level,
        "name": unit.name,
        "valid_from": unit.valid_from.isoformat() if unit.valid_from else None,
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
        "full_name": ", ".join([unit.name, *(ancestor.name for ancestor in ancestors)]),
        "ancestors": [{"key": a.key, "code": a.code, "level": a.level, "name": a.name} for a in ancestors],
    }


def _match_exact(parts: list[str]) -> Unit | None:
    candidates = list(
        Unit.objects.filter(folded_name=fold_diacritics(parts[-1]), level=Unit.Level.PROVINCE).order_by("valid_to")
    )
    for part in reversed(parts[:-1]):
        wanted = fold_diacritics(part)
        candidates = list(Unit.objects.filter(parent__in=candidates, folded_name=wanted).order_by("valid_to")) or list(
            # Communes of the old edition sit under a district the text may have left out.
            Unit.objects.filter(parent__parent__in=candidates, folded_name=wanted).order_by("valid_to")
        )
    # Nulls (current units) sort last in PostgreSQL and first in SQLite: prefer current explicitly.
    current = [unit for unit in candidates if unit.valid_to is None]
    preferred = current or candidates
    return preferred[0] if preferred else None


def _ancestor_names(unit: Unit) -> list[str]:
    names = []
    parent = unit.parent
    while parent is not None:
        names.append(parent.folded_name)
        parent = parent.parent
    return names


def _match_unique_name(parts: list[str]) -> Unit | None:
    """The one unit whose full name is the first part ("Phường Trà Vinh"), the later parts ("Vĩnh Long") naming
    its ancestors; current units first. Without this the address parser reads "Phường Trà Vinh" as the old
    Tỉnh Trà Vinh (it finds no ward of that name in the old edition, then keeps the province word)."""
    candidates = list(Unit.objects.filter(folded_name=fold_diacritics(parts[0])).select_related("parent__parent"))
    wanted = [fold_diacritics(part) for part in parts[1:]]
    fitting = [unit for unit in candidates if all(any(w in name for name in _ancestor_names(unit)) for w in wanted)]
    current = [unit for unit in fitting if unit.valid_to is None]
    chosen = current or fitting
    return chosen[0] if len(chosen) == 1 else None


def _match_with_parser(text: str) -> Unit | None:
    from vietnamadminunits import ParseMode, parse_address

    for mode, edition, with_district in (
        (ParseMode.LEGACY, Unit.Edition.PRE_2025, True),
        (ParseMode.FROM_2025, Unit.Edition.CURRENT, False),
    ):
        try:
            parsed = parse_address(text, mode=mode, keep_street=False)
        except Exception:  # noqa: BLE001 - the parser raises bare exceptions on text it cannot read
            continue
        levels = [(parsed.ward_code, Unit.Level.COMMUNE), (parsed.province_code, Unit.Level.PROVINCE)]
        if with_district:
            levels.insert(1, (parsed.district_code, Unit.Level.DISTRICT))
        for code, level in levels:
            if code:
                found = Unit.objects.filter(edition=edition, level=level, code=str(int(code))).first()
                if found:
                    return found
    return None


def resolve_unit(text: str) -> Resolution:
    """Return the unit ``text`` names and the current unit(s) it became; raise ``UnitNotFound``."""
    query = normalize_text(text)
    parts = [part.strip() for part in query.split(",") if part.strip()]
    if not parts:
        raise UnitNotFound(query)
    if parts[-1].casefold() in {"việt nam", "viet nam"}:
        parts = parts[:-1] or parts
    unit = _match_exact(parts) or _match_unique_name(parts) or _match_with_parser(query)
    if unit is None:
        raise UnitNotFound(query)
    return Resolution(query=query, unit=unit, current=list_current_units(unit))
