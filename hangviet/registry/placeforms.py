"""A place's details on the sale point and event forms: the kind of site and optional coordinates.

Coordinates are typed as clerks copy them: "9,934712" (the Vietnamese decimal comma) or "9.934712" (a map's
dot); one separator only, at most six decimals kept (about 10 cm), within the globe's bounds.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hangviet.registry.models import Place

_COORDINATE = re.compile(r"^[+-]?\d{1,3}(?:[.,]\d+)?$")
SIX_PLACES = Decimal("0.000001")
_example_help = lazy(lambda example: gettext("Độ thập phân, ví dụ %(example)s") % {"example": example}, str)


class CoordinateField(forms.Field):
    """A latitude or longitude in decimal degrees; empty means none."""

    widget = forms.TextInput

    def __init__(self, *, bound: int, example: str, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _example_help(example))  # fields are built at import: stay lazy
        super().__init__(**kwargs)
        self.bound = bound
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "maxlength": "20"})

    def to_python(self, value: Any) -> Decimal | None:
        text = str(value).strip().replace(" ", "") if value is not None else ""
        if not text:
            return None
        if not _COORDINATE.match(text):
            raise forms.ValidationError(
                _("Tọa độ viết bằng độ thập phân, ví dụ 9,934712; không dùng độ, phút, giây."), code="coordinate"
            )
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
            raise forms.ValidationError(_("Tọa độ không hợp lệ."), code="coordinate") from error
        if abs(number) > self.bound:
            raise forms.ValidationError(
                _("Tọa độ phải trong khoảng từ -%(bound)s đến %(bound)s.") % {"bound": self.bound}, code="bounds"
            )
        return number.quantize(SIX_PLACES, rounding=ROUND_HALF_UP)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return format(value.normalize(), "f").replace(".", ",")
        return value


class PlaceDetailsMixin:
    """Adds ``site_kind``, ``latitude`` and ``longitude`` to a registry form; ``place_details()`` gives them to
    the actions (``actions.PLACE_DETAILS``)."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    def _add_place_details(self) -> None:
        add = self.add_styled_field  # type: ignore[attr-defined]
        add(
            "site_kind",
            forms.ChoiceField(
                label=_("Loại địa điểm"),
                choices=Place.SiteKind.choices,
                required=False,
                error_messages={"invalid_choice": _("Lựa chọn không hợp lệ.")},
            ),
            after="place_text",
        )
        add("latitude", CoordinateField(label=_("Vĩ độ"), bound=90, example="9,934712"), after="site_kind")
        add("longitude", CoordinateField(label=_("Kinh độ"), bound=180, example="106,345678"), after="latitude")

    def _check_coordinates(self) -> None:
        latitude, longitude = self.cleaned_data.get("latitude"), self.cleaned_data.get("longitude")
        errors = getattr(self, "errors", {})
        if "latitude" in errors or "longitude" in errors:
            return
        if (latitude is None) != (longitude is None):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(missing, _("Hãy nhập cả vĩ độ và kinh độ, hoặc để trống cả hai."))  # type: ignore[attr-defined]

    def place_details(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "site_kind": data.get("site_kind") or "",
            "latitude": data.get("latitude"),
            "longitude": data.get("longitude"),
        }


def place_initial(place: Place | None) -> dict[str, Any]:
    """The place fields of an edit form, from the row's place."""
    if place is None:
        return {"place_text": "", "site_kind": "", "latitude": None, "longitude": None}
    return {
        "place_text": place.text,
        "site_kind": place.site_kind,
        "latitude": place.latitude,
        "longitude": place.longitude,
    }
