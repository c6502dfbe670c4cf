"""Colour classes of the map: five equal steps (rates by fifths of 100%, counts by a round step), and their legend."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from hangviet.dashboard.tilegrid import NO_DATA, PALETTE
from hangviet.lib.vnformat import format_number


@dataclass(frozen=True)
class ColourClass:
    low: Decimal
    high: Decimal  # exclusive, except for the last class
    fill: str
    text: str
    label: str


def _nice_step(largest: Decimal, classes: int) -> Decimal:
    """The smallest of 1, 2, 5 × 10ⁿ (at least 1) that covers ``largest`` in ``classes`` steps."""
    raw = float(largest) / classes
    if raw <= 1:
        return Decimal(1)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return Decimal(factor * power)
    return Decimal(10 * power)  # pragma: no cover - the loop always returns


def build_classes(values: list[Decimal | None], *, rate: bool) -> list[ColourClass]:
    classes = len(PALETTE)
    if rate:
        step = Decimal(1) / classes
    else:
        largest = max((value for value in values if value is not None), default=Decimal(0))
        step = _nice_step(largest, classes)
    found = []
    for index, (fill, text) in enumerate(PALETTE):
        low, high = step * index, step * (index + 1)
        if rate:
            label = f"{format_number(low * 100)}% – {format_number(high * 100)}%"
        elif step == 1:
            label = format_number(low)
        else:
            label = f"{format_number(low)} – {format_number(high - 1 if high == high.to_integral() else high)}"
        found.append(ColourClass(low, high, fill, text, label))
    if not rate and step == 1:  # the last class holds everything from its low end up
        last = found[-1]
        found[-1] = ColourClass(
            last.low, last.high, last.fill, last.text, _("từ %(low)s trở lên") % {"low": last.label}
        )
    return found


def classify(value: Decimal | None, classes: list[ColourClass]) -> ColourClass | None:
    if value is None:
        return None
    for colour in classes:
        if value < colour.high:
            return colour
    return classes[-1]


def colours_of(colour: ColourClass | None) -> tuple[str, str]:
    return (colour.fill, colour.text) if colour else NO_DATA
