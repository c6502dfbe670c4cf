"""The top bar's "Tổng quan" link, shown to users who hold a role in a committee."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.contrib.auth.models import AnonymousUser, User
from django.urls import reverse

from hangviet.dashboard.queries import own_committee_id
from hangviet.lib.vnformat import format_number
from hangviet.orgs.policy import active_roles

register = template.Library()


@register.simple_tag
def dashboard_url(user: User | AnonymousUser) -> str:
    committee_id = own_committee_id(active_roles(user))
    return reverse("dashboard:committee", args=[committee_id]) if committee_id else ""


@register.filter
def rate_percent(value: object) -> str:
    """A share as a percentage with one decimal, the Vietnamese way: 0.857 → "85,7%"; nothing → "—"."""
    if not isinstance(value, Decimal | int | float) or isinstance(value, bool):
        return "—"
    return f"{format_number((Decimal(str(value)) * 100).quantize(Decimal('0.1')))}%"
