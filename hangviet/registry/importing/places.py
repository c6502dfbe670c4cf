"""Resolving the addresses of a whole list at once: the same answers as ``registry.places.resolve_text``, fast.

An office's list repeats the same communes thousands of times, so every import keeps a cache by (address parts,
text) — the recorder's area is the same for the whole import. Before asking ``resolve_text`` (a few queries and,
failing an exact match, the address parser), the parts are matched exactly against an in-memory index of the
units of the provinces concerned, loaded once per province: the parts are read from the province down, as
``units.resolve`` does, a commune of the old edition may be named without its district, and a part may be
written without its unit word ("Hòa Minh" in a column headed "Xã") or abbreviated ("H. Châu Thành", "TP Trà
Vinh", "P.1"). Without a province, the recorder's provinces (old and current) complete the address, and the
deepest unit found in exactly one of them wins, as in ``resolve_text``; an exact match is preferred to the
parser's guess. What neither finds is kept as written and flagged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from django.db.models import Q

from hangviet.lib.text import normalize_text
from hangviet.registry.importing.text import fold
from hangviet.registry.places import DEPTH, _context_provinces, areas_of, read_address, resolve_text, same_place
from hangviet.units.models import Unit
from hangviet.units.queries import list_sources

UNIT_WORDS = ("thanh pho", "thi xa", "thi tran", "dac khu", "xa", "phuong", "huyen", "quan", "tinh")
_ABBREVIATED: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^t\.?p\.?\s*(?=\w)"), "thanh pho "),  # "TP Trà Vinh", "T.P. Cần Thơ"
    (re.compile(r"^t\.?x\.?\s*(?=\w)"), "thi xa "),  # "TX Duyên Hải"
    (re.compile(r"^t\.?t\.?\s*(?=\w)"), "thi tran "),  # "TT Châu Thành"
    (re.compile(r"^h\.\s*(?=\w)"), "huyen "),  # "H. Cầu Kè"
    (re.compile(r"^q\.\s*(?=\w)"), "quan "),  # "Q. Ninh Kiều"
    (re.compile(r"^x\.\s*(?=\w)"), "xa "),  # "X. Hòa Minh"
    (re.compile(r"^p\.?\s*(?=\d)|^p\.\s*(?=\w)"), "phuong "),  # "P.1", "P1"
)
_ZEROS = re.compile(r"\b0+(\d)")
_AMBIGUOUS = -1


@lru_cache(maxsize=50_000)
def unit_key(text: str) -> tuple[str | None, str]:
    """(full name, bare name) of a part of an address, folded: "P.01" → ("phuong 1", "1"); "Hòa Minh" → (None,
    "hoa minh"), the full name unknown when the text has no unit word."""
    folded = " ".join(fold(text).strip(" .").split())
    for pattern, word in _ABBREVIATED:
        folded = pattern.sub(word, folded, count=1)
    for word in UNIT_WORDS:
        if folded.startswith(word + " "):
            bare = _ZEROS.sub(r"\1", folded[len(word) + 1 :].strip())
            return f"{word} {bare}", bare
    return None, _ZEROS.sub(r"\1", folded)


@lru_cache(maxsize=50_000)
def split_address(text: str) -> tuple[str, str, tuple[str, ...]]:
    """(locality, street, parts naming units) of an address cell: "ấp Cồn Chim, x. Hòa Minh, H. Châu Thành, Trà
    Vinh" → ("ấp Cồn Chim", "", ("x. Hòa Minh", "H. Châu Thành", "Trà Vinh")). A part after the first unit needs
    no unit word (a province written bare)."""
    if not text:
        return "", "", ()
    clean = normalize_text(text)
    inner = re.sub(r"\([^)]*\)", " ", clean)
    admin: list[str] = []
    for part in (piece.strip(" .;") for piece in re.split(r"[,;]", inner)):
        if not part:
            continue
        full, _bare = unit_key(part)
        if full is not None or admin:
            admin.append(part)
    reading = read_address(clean)
    return reading.locality, reading.street, tuple(admin)


class UnitIndex:
    """Units by (parent, name), loaded one province at a time (its districts and communes, old or current)."""

    def __init__(self) -> None:
        self.level: dict[int, str] = {}
        self.current: dict[int, bool] = {}
        self.provinces: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.children: dict[int, dict[tuple[str, str], list[int]]] = defaultdict(lambda: defaultdict(list))
        self.districts: dict[int, list[int]] = defaultdict(list)
        self.loaded: set[int] = set()
        rows = Unit.objects.filter(level=Unit.Level.PROVINCE).order_by("valid_to", "pk")
        for pk, folded, valid_to in rows.values_list("pk", "folded_name", "valid_to"):
            self._remember(pk, Unit.Level.PROVINCE, valid_to is None)
            full, bare = unit_key(folded)
            self.provinces["F", full or folded].append(pk)
            self.provinces["B", bare].append(pk)

    def _remember(self, pk: int, level: str, current: bool) -> None:
        self.level[pk], self.current[pk] = level, current

    def _load(self, province: int) -> None:
        if province in self.loaded:
            return
        self.loaded.add(province)
        rows = Unit.objects.filter(Q(parent_id=province) | Q(parent__parent_id=province)).order_by("valid_to", "pk")
        for pk, folded, level, parent, valid_to in rows.values_list(
            "pk", "folded_name", "level", "parent_id", "valid_to"
        ):
            self._remember(pk, level, valid_to is None)
            full, bare = unit_key(folded)
            self.children[parent]["F", full or folded].append(pk)
            self.children[parent]["B", bare].append(pk)
            if level == Unit.Level.DISTRICT:
                self.districts[parent].append(pk)

    @staticmethod
    def _key(part: str) -> tuple[str, str]:
        full, bare = unit_key(part)
        return ("F", full) if full is not None else ("B", bare)

    def named_provinces(self, part: str) -> list[int]:
        return self.provinces.get(self._key(part), [])

    def walk(self, parts: tuple[str, ...], provinces: list[int]) -> list[int]:
        """The units ``parts`` name below ``provinces``, read from the province down (as ``units.resolve``)."""
        candidates = list(provinces)
        for province in provinces:
            self._load(province)
        for part in reversed(parts):
            key = self._key(part)
            step = [pk for parent in candidates for pk in self.children.get(parent, {}).get(key, [])]
            if not step:  # an old commune written without its district
                step = [
                    pk
                    for parent in candidates
                    for district in self.districts.get(parent, [])
                    for pk in self.children.get(district, {}).get(key, [])
                ]
            candidates = step
            if not candidates:
                return []
        return candidates

    def prefer(self, found: list[int]) -> int | None:
        current = [pk for pk in found if self.current[pk]]
        chosen = current or found
        return chosen[0] if chosen else None


class PlaceResolver:
    """Resolves a list's addresses for one recorder (``context``: its unit; ``None`` or the country for a
    national list), with a cache for the import."""

    def __init__(self, context: Unit | None) -> None:
        self.context = context if context is not None and context.level != Unit.Level.COUNTRY else None
        self.index = UnitIndex()
        self.cache: dict[tuple[tuple[str, ...], str], int | None] = {}
        self.context_provinces = [unit.pk for unit in _context_provinces(self.context)] if self.context else []
        self.context_area = (
            {self.context.pk, *(unit.pk for unit in list_sources(self.context))} if self.context else set()
        )
        self._descriptions: dict[int, str] = {}
        self._units: dict[int, tuple[str, str, int | None, bool]] = {}  # name, level, parent, is current

    def resolve(self, parts: tuple[str, ...], text: str) -> int | None:
        """The id of the unit the address names, or ``None`` (kept as written and flagged)."""
        key = (parts, text)
        if key in self.cache:
            return self.cache[key]
        found = self._exact(parts)
        if found is None and parts:
            unit = resolve_text(", ".join(parts), context=self.context)
            found = unit.pk if unit is not None else None
        unit_id = None if found == _AMBIGUOUS else found
        self.cache[key] = unit_id
        return unit_id

    def _exact(self, parts: tuple[str, ...]) -> int | None:
        if not parts:
            return None
        provinces = self.index.named_provinces(parts[-1])
        if provinces:
            return self.index.prefer(self.index.walk(parts[:-1], provinces))
        if not self.context_provinces:
            return None
        found: dict[int, str] = {}
        for province in self.context_provinces:
            chosen = self.index.prefer(self.index.walk(parts, [province]))
            if chosen is not None and self.index.level[chosen] != Unit.Level.PROVINCE:
                found[chosen] = self.index.level[chosen]
        if not found:
            return None
        deepest = max(DEPTH[level] for level in found.values())
        best = [pk for pk, level in found.items() if DEPTH[level] == deepest]
        if len(best) == 1:
            return best[0]
        one = same_place(list(Unit.objects.filter(pk__in=best)))
        return one.pk if one is not None else _AMBIGUOUS

    def by_key(self, key: str) -> int | None:
        """The unit with this key ("pre2025/commune/29239", as the export writes it), or ``None``."""
        cache_key = ((), f"key:{key}")
        if cache_key not in self.cache:
            edition, _slash, rest = key.strip().partition("/")
            level, _slash, code = rest.partition("/")
            found = Unit.objects.filter(edition=edition, level=level, code=code).values_list("pk", flat=True).first()
            self.cache[cache_key] = found
        return self.cache[cache_key]

    def outside_area(self, unit_id: int) -> bool:
        """True when a resolved place lies outside the recorder's area (old or current)."""
        return bool(self.context_area) and not (set(areas_of(unit_id)) & self.context_area)

    def prepare(self, unit_ids: Iterable[int | None]) -> None:
        """Load, in one query, the names of every unit the places of an import lie in (for ``describe``)."""
        wanted = {area for unit_id in set(unit_ids) if unit_id is not None for area in areas_of(unit_id)}
        wanted -= self._units.keys()
        for chunk in _chunks(wanted):
            for pk, name, level, parent, valid_to in Unit.objects.filter(pk__in=chunk).values_list(
                "pk", "name", "level", "parent_id", "valid_to"
            ):
                self._units[pk] = (name, level, parent, valid_to is None)

    def describe(self, unit_id: int | None) -> str:
        """ "Xã Hòa Minh, Huyện Châu Thành, Tỉnh Trà Vinh → nay Xã Hòa Minh, Tỉnh Vĩnh Long"."""
        if unit_id is None:
            return ""
        if unit_id not in self._descriptions:
            self.prepare([unit_id])
            units = self._units

            def chain(pk: int) -> str:
                names = []
                current: int | None = pk
                while current is not None and current in units and units[current][1] != Unit.Level.COUNTRY:
                    names.append(units[current][0])
                    current = units[current][2]
                return ", ".join(names)

            text = chain(unit_id)
            if not units[unit_id][3]:
                now = [pk for pk in areas_of(unit_id) if units.get(pk, ("", "", None, False))[3]]
                deepest = max((DEPTH[units[pk][1]] for pk in now), default=0)
                shown = [chain(pk) for pk in now if DEPTH[units[pk][1]] == deepest and deepest > 0]
                if shown:
                    text += " → nay " + "; ".join(shown)
            self._descriptions[unit_id] = text
        return self._descriptions[unit_id]


def _chunks(values: Iterable[int], size: int = 900) -> Iterable[list[int]]:
    items = list(values)
    for start in range(0, len(items), size):
        yield items[start : start + size]
