"""Template filters that write numbers and dates the Vietnamese way."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Protocol

from django import template
from django.utils import timezone

from hangviet.lib import i18n
from hangviet.lib.vnformat import format_date_short, format_number

register = template.Library()


class _CountsStates(Protocol):  # hangviet.consolidation.queries.Completeness
    def count(self, state: str) -> int: ...


class _HasChanges(Protocol):  # hangviet.consolidation.queries.Table
    def change(self, code: str) -> Decimal | None: ...


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
def vn_datetime(value: datetime.datetime | None) -> str:
    """A moment in local time, its date written as ``vn_date`` writes dates ("09:30 15/6/2026"): one date
    style on every page."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local:%H:%M} {format_date_short(local.date())}"


@register.filter
def vn_number_input(value: object) -> object:
    """A stored number shown the Vietnamese way; text the user typed is shown back unchanged."""
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return format_number(value)
    return value


@register.filter
def get_item(mapping: dict[object, object], key: object) -> object:
    return mapping.get(key, "") if mapping else ""


@register.filter
def length_of_state(completeness: _CountsStates, state: str) -> int:
    return completeness.count(state)


@register.filter
def vn_percent(value: object) -> str:
    """0.123 → "+12,3%"; None → "—"."""
    if value is None or not isinstance(value, Decimal | int | float):
        return "—"
    number = Decimal(str(value)) * 100
    sign = "+" if number > 0 else ""
    return f"{sign}{format_number(number, decimals=1)}%"


@register.filter
def change_of(table: _HasChanges, code: str) -> Decimal | None:
    return table.change(code)


@register.filter
def catalogue_text(value: object) -> str:
    """A catalogue name or unit stored in Vietnamese (an indicator's name, a report form's name), in the
    reader's language: ``{{ indicator.name|catalogue_text }}`` (see ``lib.i18n.catalogue_text``)."""
    return i18n.catalogue_text(value)
