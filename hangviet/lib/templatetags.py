"""Template filters that write numbers and dates the Vietnamese way."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template

from hangviet.lib.vnformat import format_date_short, format_number

register = template.Library()


@register.filter
def vn_number(value: object) -> str:
    if value is None or value == "" or isinstance(value, bool):
        return ""
    if isinstance(value, Decimal | int | float):
        return format_number(value)
    return str(value)


@register.filter
def vn_date(value: datetime.date | None) -> str:
    return format_date_short(value) if value else ""


@register.filter
def vn_number_input(value: object) -> object:
    """A stored number shown the Vietnamese way; text the user typed is shown back unchanged."""
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return format_number(value)
    return value


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key, "") if mapping else ""


@register.filter
def length_of_state(completeness: object, state: str) -> int:
    return completeness.count(state)  # type: ignore[attr-defined]


@register.filter
def vn_percent(value: object) -> str:
    """0.123 → "+12,3%"; None → "—"."""
    if value is None or not isinstance(value, Decimal | int | float):
        return "—"
    number = Decimal(str(value)) * 100
    sign = "+" if number > 0 else ""
    return f"{sign}{format_number(number, decimals=1)}%"


@register.filter
def change_of(table: object, code: str) -> object:
    return table.change(code)  # type: ignore[attr-defined]
