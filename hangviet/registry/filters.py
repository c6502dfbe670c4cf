"""The registry lists' filters (GET): every value a list page receives is read here; invalid values are shown
and ignored. ``?organisation=<id>&period=2023-H1`` are the filters the report form's links carry."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hangviet.lib.forms import PeriodField
from hangviet.registry.catalogue import CLUB_KIND_CHOICES, EVENT_KIND_CHOICES, SALE_POINT_KIND_CHOICES
from hangviet.registry.forms import MAX_BIG, STAR_CHOICES, Styled, check_order, choice_field, date_field, text_field
from hangviet.registry.models import Event, ModelArea, Producer, SalePoint

ANY: list[tuple[Any, Any]] = [("", _("Tất cả"))]


class ListFilterForm(Styled, forms.Form):
    """``?organisation=<id>&period=2023-H1`` (the report form's links) and the page number."""

    organisation = forms.IntegerField(
        label=_("Đơn vị"), required=False, min_value=1, max_value=MAX_BIG, widget=forms.HiddenInput
    )
    period = PeriodField(label=_("Kỳ báo cáo"), required=False, help_text=_("Ví dụ: 2023-H1 hoặc 2023"))
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)


class EventFilterForm(ListFilterForm):
    kind = choice_field(_("Loại sự kiện"), ANY + EVENT_KIND_CHOICES, required=False)
    programme = text_field(_("Chương trình"), 255)
    status = choice_field(_("Tình trạng"), ANY + Event.Status.choices, required=False)
    start = date_field(_("Từ ngày"))
    end = date_field(_("Đến ngày"))
    co_organised = forms.BooleanField(
        label=_("Chỉ sự kiện do đơn vị tôi phối hợp"),
        required=False,
        help_text=_("Sự kiện đơn vị khác ghi, có tên đơn vị của bạn trong các đơn vị tổ chức, phối hợp."),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        check_order(self, "start", "end", _("Ngày kết thúc không thể trước ngày bắt đầu."))
        return data


class ProductFilterForm(ListFilterForm):
    q = text_field(_("Tên sản phẩm"), 255)
    stars = forms.TypedChoiceField(
        label=_("Hạng sao hiện nay"), choices=ANY + STAR_CHOICES, coerce=int, required=False, empty_value=None
    )
    producer = text_field(_("Chủ thể"), 255)
    place = text_field(_("Địa bàn"), 300, help_text=_("Tên đơn vị hành chính, ví dụ Tỉnh Vĩnh Long"))


VERIFIED_CHOICES = ANY + [("stale", _("Chưa xác minh trong 12 tháng qua"))]


class SalePointFilterForm(ListFilterForm):
    kind = choice_field(_("Loại điểm bán"), ANY + SALE_POINT_KIND_CHOICES, required=False)
    status = choice_field(_("Tình trạng"), ANY + SalePoint.Status.choices, required=False)
    verified = choice_field(_("Xác minh"), VERIFIED_CHOICES, required=False)


class AreaFilterForm(ListFilterForm):
    status = choice_field(_("Tình trạng"), ANY + ModelArea.Status.choices, required=False)


class ClubFilterForm(ListFilterForm):
    kind = choice_field(_("Loại"), ANY + CLUB_KIND_CHOICES, required=False)


class ProducerFilterForm(ListFilterForm):
    q = text_field(_("Tên chủ thể"), 255)
    legal_form = choice_field(_("Loại hình"), ANY + Producer.LegalForm.choices, required=False)


PLACE_LIST_CHOICES = ANY + [
    ("events", _("Sự kiện")),
    ("products", _("Sản phẩm OCOP")),
    ("salepoints", _("Điểm bán")),
    ("areas", _("Khu dân cư")),
    ("clubs", _("Câu lạc bộ")),
    ("producers", _("Chủ thể")),
]


class PlaceFilterForm(Styled, forms.Form):
    registry = choice_field(_("Sổ"), PLACE_LIST_CHOICES, required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)


class OrganisationSearchForm(forms.Form):
    q = forms.CharField(max_length=100, required=False)


class NewRowForm(forms.Form):
    """``?organisation=<id>`` preselects the recorder on a create page."""

    organisation = forms.IntegerField(required=False, min_value=1, max_value=MAX_BIG)
