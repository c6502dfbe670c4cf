"""The portal's GET filters: every value a visitor sends is read here (bounded, NFC), never from request.GET."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hangviet.lib.forms import StyledFormMixin
from hangviet.lib.text import normalize_text
from hangviet.portal import queries
from hangviet.registry.catalogue import EVENT_KIND_CHOICES, SALE_POINT_KIND_CHOICES
from hangviet.units.models import Unit

MAX_QUERY = 100
MAX_PAGE = 1000
STAR_CHOICES = [("", _("Mọi hạng sao")), ("3", _("3 sao")), ("4", _("4 sao")), ("5", _("5 sao"))]


class _Text(forms.CharField):
    def to_python(self, value: Any) -> str:
        return normalize_text(super().to_python(value) or "")


class PublicFilterForm(StyledFormMixin, forms.Form):
    """The province filter every list has: a name as people write it, resolved to a province."""

    tinh = _Text(label=_("Tỉnh, thành phố"), required=False, max_length=MAX_QUERY)
    trang = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput)

    def clean_tinh(self) -> Unit | None:
        text = self.cleaned_data["tinh"]
        if not text:
            return None
        province = queries.resolve_province(text)
        if province is None:
            raise forms.ValidationError(
                _("Không tìm thấy tỉnh, thành phố “%(name)s”. Hãy ghi tên tỉnh, ví dụ “Vĩnh Long”."),
                params={"name": text},
            )
        return province

    @property
    def page(self) -> int:
        return (self.cleaned_data.get("trang") or 1) if self.is_valid() else 1


class ProductSearchForm(PublicFilterForm):
    q = _Text(label=_("Tìm sản phẩm"), required=False, max_length=MAX_QUERY)
    sao = forms.TypedChoiceField(
        label=_("Hạng sao OCOP"), choices=STAR_CHOICES, required=False, coerce=int, empty_value=None
    )
    nhom = _Text(label=_("Nhóm sản phẩm"), required=False, max_length=120)

    field_order = ["q", "tinh", "sao", "nhom"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"placeholder": _("Ví dụ: nước mắm Phú Quốc"), "type": "search", "autocomplete": "off"}
        )
        self.fields["tinh"].widget.attrs.update({"placeholder": _("Ví dụ: Vĩnh Long"), "list": "provinces"})
        names = queries.categories()
        self.fields["nhom"].widget = forms.Select(choices=[("", _("Mọi nhóm")), *((n, n) for n in names)])
        self.fields["nhom"].widget.attrs["class"] = "form-select form-select-sm"


class SalePointFilterForm(PublicFilterForm):
    xa = _Text(label=_("Xã, phường"), required=False, max_length=MAX_QUERY)
    loai = forms.ChoiceField(
        label=_("Loại điểm bán"), choices=[("", _("Mọi loại")), *SALE_POINT_KIND_CHOICES], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tinh"].widget.attrs.update({"placeholder": _("Ví dụ: Vĩnh Long"), "list": "provinces"})
        self.fields["xa"].widget.attrs["placeholder"] = _("Ví dụ: Phường Trà Vinh")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        text = cleaned.get("xa") or ""
        cleaned["commune"] = None
        if text:
            commune = queries.resolve_commune(text, cleaned.get("tinh"))
            if commune is None:
                self.add_error("xa", _("Không tìm thấy xã, phường “%(name)s”.") % {"name": text})
            cleaned["commune"] = commune
        return cleaned


class EventFilterForm(PublicFilterForm):
    loai = forms.ChoiceField(
        label=_("Loại sự kiện"), choices=[("", _("Mọi loại")), *EVENT_KIND_CHOICES], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tinh"].widget.attrs.update({"placeholder": _("Ví dụ: Vĩnh Long"), "list": "provinces"})


class AreaFilterForm(PublicFilterForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tinh"].widget.attrs.update({"placeholder": _("Ví dụ: Vĩnh Long"), "list": "provinces"})
