"""How values combine, by indicator kind (pure functions).

- flow: counted within a period; sums over units and over periods;
- stock: a level at the end of a period; sums over units, but over periods takes the latest;
- ratio: a percentage; never summed: one unit's value stands, several give no total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
