"""How registry rows read on the pages: figures with their qualifier in words ("khoảng 850.000.000 đồng",
"hơn 5.000"), a product's stars today, an organisation with its committee."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hangviet.lib.i18n import catalogue_text
from hangviet.lib.vnformat import format_number
from hangviet.orgs.models import Organisation
from hangviet.registry import places
from hangviet.registry.catalogue import CLUB_KIND_BY_CODE, QUALIFIER_WORDS
from hangviet.registry.models import Figures, OcopProduct, OcopRecognition, Place
from hangviet.registry.queries import current_recognition, organisation_label

register = template.Library()

#: (field, short label, unit written after the number)
FIGURE_LABELS = (
    ("businesses", _("Doanh nghiệp, cơ sở"), ""),
    ("booths", _("Gian hàng"), ""),
    ("products", _("Sản phẩm trưng bày"), ""),
    ("revenue_vnd", _("Doanh thu"), _("đồng")),
    ("visitors", _("Lượt khách"), ""),
    ("tonnes", _("Khối lượng hàng"), _("tấn")),
)


@dataclass(frozen=True)
class FigureText:
    label: str
    words: str


def words_for(value: int | Decimal, qualifier: int, unit: object = "") -> str:
    """850000000, "khoảng", "đồng" → "khoảng 850.000.000 đồng"."""
    parts = [catalogue_text(QUALIFIER_WORDS.get(qualifier, "")), format_number(value), str(unit)]
    return " ".join(part for part in parts if part)


@register.filter
def figure_texts(row: Figures) -> list[FigureText]:
    """The figures an event or a group entry carries, in words, in the catalogue's order."""
    found = []
    for field, label, unit in FIGURE_LABELS:
        value = getattr(row, field)
        if value is not None:
            found.append(FigureText(str(label), words_for(value, getattr(row, f"{field}_q"), unit)))
    return found


@register.filter
def stars_today(product: OcopProduct) -> int | None:
    recognition = current_recognition(product, timezone.localdate())
    return recognition.stars if recognition else None


@register.filter
def recognition_state(recognition: OcopRecognition) -> str:
    """ "Đang hiệu lực", "Hết hiệu lực", "Đã thu hồi", "Chưa có hiệu lực" on today's date."""
    today = timezone.localdate()
    if recognition.revoked_on is not None and recognition.revoked_on <= today:
        return str(_("Đã thu hồi"))
    if recognition.valid_to < today:
        return str(_("Hết hiệu lực"))
    if recognition.decided_on > today:
        return str(_("Chưa có hiệu lực"))
    return str(_("Đang hiệu lực"))


@register.filter
def in_force_today(recognition: OcopRecognition) -> bool:
    return recognition.is_valid_on(timezone.localdate())


@register.filter
def days_until(day: datetime.date) -> int:
    return (day - timezone.localdate()).days


@register.filter
def organisation_name(organisation: Organisation | None) -> str:
    return organisation_label(organisation) if organisation is not None else ""


@register.filter
def club_counts(kind: str) -> bool:
    spec = CLUB_KIND_BY_CODE.get(kind)
    return bool(spec and spec.counts_for_campaign)


@register.filter
def coordinate(value: Decimal | None) -> str:
    """9.934712 → "9,934712" (decimal comma, no trailing zeros)."""
    if value is None:
        return ""
    return format(value.normalize(), "f").replace(".", ",")


@register.filter
def today_name(place: Place) -> str:
    """Today's unit(s) of a place resolved to a unit that ended with the 2025 reform ("" otherwise)."""
    return places.today_name(place.unit_id) if place.unit_id else ""


@register.filter
def map_url(place: Place) -> str:
    """A link to the place's coordinates on OpenStreetMap (empty without coordinates)."""
    if place.latitude is None or place.longitude is None:
        return ""
    lat, lon = format(place.latitude.normalize(), "f"), format(place.longitude.normalize(), "f")
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
