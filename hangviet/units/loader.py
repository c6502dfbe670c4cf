"""Load Vietnam's administrative units, before and after the 2025 reform, from the packages.

Current units come from ``vietnam-provinces``; the pre-2025 provinces, districts and communes come from
its ``legacy`` module, with their successors from its 2025 conversion tables. Where that table has no
entry (28 old wards and the five island districts without communes), ``vietnamadminunits`` converts
the unit's full name offline (no street is passed, so its online geocoder is never reached).

``load_units`` is idempotent: a second run creates nothing and updates only what the packages changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction

from hangviet.lib.text import fold_diacritics
from hangviet.units import reform
from hangviet.units.models import Unit, UnitSuccession

if TYPE_CHECKING:
    from vietnam_provinces.legacy import DistrictCode

UnitKey = tuple[str, str, str]  # (edition, level, code)

COUNTRY_KEY: UnitKey = (Unit.Edition.CURRENT, Unit.Level.COUNTRY, "VN")
_UNIT_FIELDS = ("name", "folded_name", "division_type", "codename", "valid_from", "valid_to")


@dataclass(frozen=True)
class UnitSpec:
    key: UnitKey
    name: str
    division_type: str
    codename: str
    parent_key: UnitKey | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    successions_created: int = 0
    successions_updated: int = 0
    successions_deleted: int = 0
    unresolved: list[str] = field(default_factory=list)


def _key(edition: str, level: str, code: int) -> UnitKey:
    return (edition, level, str(int(code)))


def iter_current_specs() -> Iterator[UnitSpec]:
    from vietnam_provinces import Province, Ward

    yield UnitSpec(COUNTRY_KEY, "Việt Nam", "quốc gia", "viet_nam", None, None, None)
    for province in Province.iter_all():
        yield UnitSpec(
            _key(Unit.Edition.CURRENT, Unit.Level.PROVINCE, province.code),
            province.name,
            str(province.division_type),
            province.codename,
            COUNTRY_KEY,
            reform.PROVINCES_MERGED_ON,
            None,
        )
    for ward in Ward.iter_all():
        yield UnitSpec(
            _key(Unit.Edition.CURRENT, Unit.Level.COMMUNE, ward.code),
            ward.name,
            str(ward.division_type),
            ward.codename,
            _key(Unit.Edition.CURRENT, Unit.Level.PROVINCE, ward.province_code),
            reform.COMMUNES_MERGED_ON,
            None,
        )


def iter_legacy_specs() -> Iterator[UnitSpec]:
    from vietnam_provinces.legacy import District, Province, Ward

    old = Unit.Edition.PRE_2025
    for province in Province.iter_all():
        yield UnitSpec(
            _key(old, Unit.Level.PROVINCE, province.code),
            province.name,
            str(province.division_type),
            province.codename,
            COUNTRY_KEY,
            None,
            reform.OLD_PROVINCES_END,
        )
    for district in District.iter_all():
        yield UnitSpec(
            _key(old, Unit.Level.DISTRICT, district.code),
            district.name,
            str(district.division_type),
            district.codename,
            _key(old, Unit.Level.PROVINCE, district.province_code),
            None,
            reform.OLD_COMMUNES_END,
        )
    for ward in Ward.iter_all():
        yield UnitSpec(
            _key(old, Unit.Level.COMMUNE, ward.code),
            ward.name,
            str(ward.division_type),
            ward.codename,
            _key(old, Unit.Level.DISTRICT, ward.district_code),
            None,
            reform.OLD_COMMUNES_END,
        )


def _convert_offline(address: str) -> str | None:
    """Return the new ward code ``vietnamadminunits`` gives for an old address without a street."""
    from vietnamadminunits import convert_address

    converted = convert_address(address)
    return converted.ward_code or None


def iter_succession_specs(unresolved: list[str]) -> Iterator[tuple[UnitKey, UnitKey, datetime.date, bool]]:
    """Yield ``(old key, new key, effective date, is_partial)`` for every old unit."""
    from vietnam_provinces import Province, Ward
    from vietnam_provinces.legacy import District as OldDistrict
    from vietnam_provinces.legacy import Province as OldProvince
    from vietnam_provinces.legacy import Ward as OldWard

    old, new = Unit.Edition.PRE_2025, Unit.Edition.CURRENT
    for province in OldProvince.iter_all():
        targets = {int(found.province.code) for found in Province.search_from_legacy(code=int(province.code))}
        if not targets:
            unresolved.append(province.name)
        for target in sorted(targets):
            yield (
                _key(old, Unit.Level.PROVINCE, province.code),
                _key(new, Unit.Level.PROVINCE, target),
                reform.PROVINCES_MERGED_ON,
                len(targets) > 1,
            )

    districts = {district.code: district for district in OldDistrict.iter_all()}
    provinces = {province.code: province for province in OldProvince.iter_all()}
    targets_by_district: dict[DistrictCode, set[int]] = {code: set() for code in districts}
    for ward in OldWard.iter_all():
        targets = {int(found.ward.code) for found in Ward.search_from_legacy(code=int(ward.code))}
        if not targets:
            district = districts[ward.district_code]
            converted = _convert_offline(f"{ward.name}, {district.name}, {provinces[district.province_code].name}")
            targets = {int(converted)} if converted else set()
        if not targets:
            unresolved.append(ward.name)
        targets_by_district[ward.district_code] |= targets
        for target in sorted(targets):
            yield (
                _key(old, Unit.Level.COMMUNE, ward.code),
                _key(new, Unit.Level.COMMUNE, target),
                reform.COMMUNES_MERGED_ON,
                len(targets) > 1,
            )

    for code, targets in targets_by_district.items():
        district = districts[code]
        if not targets:
            converted = _convert_offline(f"{district.name}, {provinces[district.province_code].name}")
            targets = {int(converted)} if converted else set()
        if not targets:
            unresolved.append(district.name)
        for target in sorted(targets):
            yield (
                _key(old, Unit.Level.DISTRICT, code),
                _key(new, Unit.Level.COMMUNE, target),
                reform.COMMUNES_MERGED_ON,
                len(targets) > 1,
            )


def _upsert_units(specs: Iterable[UnitSpec], ids: dict[UnitKey, int], result: LoadResult) -> None:
    existing = {(unit.edition, unit.level, unit.code): unit for unit in Unit.objects.all()}
    by_level: dict[str, list[UnitSpec]] = {}
    for spec in specs:
        by_level.setdefault(spec.key[1], []).append(spec)
    # Parents before children, so every parent id is known when a child is written.
    for level in (Unit.Level.COUNTRY, Unit.Level.PROVINCE, Unit.Level.DISTRICT, Unit.Level.COMMUNE):
        to_create: list[Unit] = []
        to_update: list[Unit] = []
        for spec in by_level.get(level, []):
            parent_id = ids[spec.parent_key] if spec.parent_key else None
            values = {name: getattr(spec, name) for name in _UNIT_FIELDS if name != "folded_name"}
            values["folded_name"] = fold_diacritics(spec.name)
            unit = existing.get(spec.key)
            if unit is None:
                edition, level_name, code = spec.key
                to_create.append(Unit(edition=edition, level=level_name, code=code, parent_id=parent_id, **values))
            elif unit.parent_id != parent_id or any(getattr(unit, k) != v for k, v in values.items()):
                unit.parent_id = parent_id
                for name, value in values.items():
                    setattr(unit, name, value)
                to_update.append(unit)
            else:
                result.unchanged += 1
        Unit.objects.bulk_create(to_create, batch_size=2000)
        Unit.objects.bulk_update(to_update, ["parent", *_UNIT_FIELDS], batch_size=2000)
        result.created += len(to_create)
        result.updated += len(to_update)
        ids.update(
            ((unit.edition, unit.level, unit.code), unit.pk)
            for unit in Unit.objects.filter(level=level).only("id", "edition", "level", "code")
        )


def _upsert_successions(
    specs: Iterable[tuple[UnitKey, UnitKey, datetime.date, bool]], ids: dict[UnitKey, int], result: LoadResult
) -> None:
    existing = {(row.predecessor_id, row.successor_id): row for row in UnitSuccession.objects.all()}
    wanted: set[tuple[int, int]] = set()
    to_create: list[UnitSuccession] = []
    to_update: list[UnitSuccession] = []
    for old_key, new_key, effective_on, is_partial in specs:
        if old_key not in ids or new_key not in ids:
            result.unresolved.append("/".join(old_key))
            continue
        pair = (ids[old_key], ids[new_key])
        if pair in wanted:
            continue
        wanted.add(pair)
        row = existing.get(pair)
        if row is None:
            to_create.append(
                UnitSuccession(
                    predecessor_id=pair[0], successor_id=pair[1], effective_on=effective_on, is_partial=is_partial
                )
            )
        elif (row.effective_on, row.is_partial) != (effective_on, is_partial):
            row.effective_on, row.is_partial = effective_on, is_partial
            to_update.append(row)
    stale = [row.pk for pair, row in existing.items() if pair not in wanted]
    UnitSuccession.objects.bulk_create(to_create, batch_size=2000)
    UnitSuccession.objects.bulk_update(to_update, ["effective_on", "is_partial"], batch_size=2000)
    for start in range(0, len(stale), 900):
        UnitSuccession.objects.filter(pk__in=stale[start : start + 900]).delete()
    result.successions_created = len(to_create)
    result.successions_updated = len(to_update)
    result.successions_deleted = len(stale)


@transaction.atomic
def load_units() -> LoadResult:
    """Create or update every unit and succession from the packages; safe to run any number of times."""
    result = LoadResult()
    ids: dict[UnitKey, int] = {}
    _upsert_units([*iter_current_specs(), *iter_legacy_specs()], ids, result)
    _upsert_successions(iter_succession_specs(result.unresolved), ids, result)
    return result
