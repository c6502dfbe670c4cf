"""How values combine, by indicator kind (pure functions).

- flow: counted within a period; sums over units and over periods;
- stock: a level at the end of a period; sums over units, but over periods takes the latest;
- ratio: a percentage; never summed: one unit's value stands, several give no total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

FLOW, STOCK, RATIO = "flow", "stock", "ratio"


def combine_units(kind: str, values: Iterable[Decimal | None]) -> Decimal | None:
    """The total of one indicator over several units in the same period (None when nothing to add)."""
    present = [value for value in values if value is not None]
    if not present:
        return None
    if kind == RATIO:
        return present[0] if len(present) == 1 else None
    return sum(present, Decimal(0))


def total_of(kind: str, value: Decimal, count: int) -> Decimal | None:
    """How a maintained total reads (``value`` the sum of ``count`` values): nothing without a value; a ratio
    only where one value stands, as ``combine_units`` gives it."""
    if count <= 0:
        return None
    if kind == RATIO:
        return value if count == 1 else None
    return value


def combine_periods(kind: str, values_in_time_order: Sequence[Decimal | None]) -> Decimal | None:
    """The value of one indicator of one unit over consecutive periods (oldest first)."""
    present = [value for value in values_in_time_order if value is not None]
    if not present:
        return None
    if kind == FLOW:
        return sum(present, Decimal(0))
    return present[-1]


def change_ratio(current: Decimal | None, before: Decimal | None) -> Decimal | None:
    """Relative change (0.12 for +12%), or None when it cannot be said (no figure, or zero before)."""
    if current is None or before is None or before == 0:
        return None
    return (current - before) / before


@dataclass(frozen=True)
class PhaseValue:
    """One indicator over a phase of years: ``value`` (None when it cannot be said), ``year`` the year whose
    value stands for a stock, ``per_year`` true for a ratio that has no phase value (read it year by year)."""

    value: Decimal | None
    year: int | None = None
    per_year: bool = False


def combine_years(
    kind: str,
    by_year: Mapping[int, Decimal | None],
    *,
    parts: tuple[Mapping[int, Decimal | None], Mapping[int, Decimal | None]] | None = None,
    scale: Decimal = Decimal(100),
) -> PhaseValue:
    """The phase value of one indicator from its yearly values (``{year: value}``):

    - a flow is the sum over the years that have a value;
    - a stock is the value of the last year that has one (and that year);
    - a ratio is never summed nor averaged: with ``parts`` (its numerator's and denominator's yearly values,
      both flows) it is ``scale`` × Σ numerator / Σ denominator over the years where both stand; without
      them, or with no denominator, there is no phase value and it reads year by year."""
    years = sorted(by_year)
    if kind == RATIO:
        if parts is None:
            return PhaseValue(None, per_year=True)
        numerators, denominators = parts
        both = [
            year
            for year in sorted(set(numerators) & set(denominators))
            if numerators[year] is not None and denominators[year] is not None
        ]
        numerator = sum((numerators[year] or Decimal(0) for year in both), Decimal(0))
        denominator = sum((denominators[year] or Decimal(0) for year in both), Decimal(0))
        if not both or denominator == 0:
            return PhaseValue(None, per_year=True)
        return PhaseValue(scale * numerator / denominator)
    present = [(year, value) for year in years if (value := by_year[year]) is not None]
    if not present:
        return PhaseValue(None)
    if kind == FLOW:
        return PhaseValue(sum((value for _year, value in present), Decimal(0)))
    year, value = present[-1]
    return PhaseValue(value, year=year)
