from __future__ import annotations

from django import template

from hangviet.lib.vnformat import format_money

register = template.Library()


@register.filter
def vn_money(value: object) -> str:
    """36900000 → "36,9 triệu đồng"; nothing recorded → "—" (never 0)."""
    if value is None or value == "":
        return "—"
    return format_money(int(str(value)))


@register.filter
def share(value: object) -> str:
    """A share 0..1 as a percentage without a sign: 1 → "100%", 0.5 → "50%"."""
    from decimal import Decimal

    from hangviet.lib.vnformat import format_number

    if value is None:
        return "—"
    return f"{format_number((Decimal(str(value)) * 100).quantize(Decimal('0.1')))}%"
