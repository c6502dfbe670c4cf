"""Forms of the registry pages: every value a page receives (GET filters and POSTed rows) is read here.

Numbers are typed the Vietnamese way ("1.700.000.000", "36,9", "850 triệu") and read by
``lib/vnnumber.parse_vn_number``; each figure of an event carries its qualifier ("khoảng", "hơn"). Dates are
checked to be real and sane; text is kept as text (templates escape it) and stored in NFC by the actions.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hangviet.lib.forms import IdListField, SaneDateField, StyledFormMixin, VietnameseFormSet, YearField, style_widget
from hangviet.lib.vnformat import format_number
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.orgs.models import Organisation
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.catalogue import (
    CLUB_KIND_CHOICES,
    EVENT_KIND_CHOICES,
    MEASURES,
    SALE_POINT_KIND_CHOICES,
    Qualifier,
)
from hangviet.registry.models import Event, EventOrganiser, ModelArea, Producer, SalePoint
from hangviet.registry.placeforms import PlaceDetailsMixin, place_initial

MAX_INT = 2_147_483_647  # PositiveIntegerField
MAX_BIG = 9_223_372_036_854_775_807  # PositiveBigIntegerField
MAX_TONNES = Decimal("9999999999.99")  # DecimalField(max_digits=12, decimal_places=2)
MAX_ORGANISERS = 30


class Styled(StyledFormMixin):
    """The design system's classes (also on fields added after ``__init__``), and ``is-invalid`` on fields with
    errors (Bootstrap shows them red)."""

    def add_styled_field(self, name: str, field: forms.Field, *, first: bool = False, after: str = "") -> None:
        style_widget(field.widget)
        if after in self.fields:
            items = list(self.fields.items())
            at = [key for key, _field in items].index(after) + 1
            self.fields = dict([*items[:at], (name, field), *items[at:]])
        else:
            self.fields = {name: field, **self.fields} if first else {**self.fields, name: field}

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid"
                widget.attrs["aria-invalid"] = "true"


# Fields ----------------------------------------------------------------------------------------------------


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label: str | Any, *, required: bool = False, **kwargs: Any) -> SaneDateField:
    """A real date between 1945 and ten years ahead, typed in the browser's picker or as dd/mm/yyyy."""
    return SaneDateField(
        label=label,
        required=required,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={
            "invalid": _("Ngày không có thật hoặc viết sai; viết theo dạng 30/6/2023."),
            "required": _("Hãy nhập ngày."),
        },
        **kwargs,
    )


class VietnameseNumberField(forms.Field):
    """A count or an amount written the Vietnamese way; never negative; empty means "no figure"."""

    widget = forms.TextInput

    def __init__(self, *, decimals: int = 0, maximum: int | Decimal = MAX_INT, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.decimals, self.maximum = decimals, Decimal(maximum)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value: Any) -> int | Decimal | None:
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        try:
            number = parse_vn_number(text)
        except NumberFormatError as error:
            raise forms.ValidationError(str(error), code="number") from error
        if number < 0:
            raise forms.ValidationError(_("Số liệu không được âm."), code="negative")
        if number > self.maximum:
            raise forms.ValidationError(
                _("Số quá lớn (tối đa %(max)s).") % {"max": format_number(self.maximum)}, code="too_big"
            )
        if self.decimals == 0:
            if number != number.to_integral_value():
                raise forms.ValidationError(_("Chỉ nhập số nguyên."), code="integer")
            return int(number)
        if number != number.quantize(Decimal(1).scaleb(-self.decimals)):
            raise forms.ValidationError(
                _("Chỉ ghi tối đa %(n)s chữ số thập phân.") % {"n": self.decimals}, code="decimals"
            )
        return number

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return format_number(value)
        return value


def text_field(label: str | Any, max_length: int = 255, *, required: bool = False, **kwargs: Any) -> forms.CharField:
    messages = {
        "required": _("Hãy nhập mục này."),
        "max_length": _("Tối đa %(limit_value)d ký tự (đã nhập %(show_value)d)."),
    }
    return forms.CharField(label=label, max_length=max_length, required=required, error_messages=messages, **kwargs)


def choice_field(label: str | Any, choices: Sequence[tuple[Any, Any]], **kwargs: Any) -> forms.ChoiceField:
    messages = {"invalid_choice": _("Lựa chọn không hợp lệ."), "required": _("Hãy chọn một mục.")}
    return forms.ChoiceField(label=label, choices=choices, error_messages=messages, **kwargs)


def check_order(form: forms.Form, first: str, last: str, message: Any) -> None:
    data = form.cleaned_data
    if data.get(first) and data.get(last) and data[last] < data[first]:
        form.add_error(last, message)


# Who records -----------------------------------------------------------------------------------------------


class RecorderIdForm(forms.Form):
    """The recording organisation's id as posted, read first so that the gate answers before the form."""

    recorded_by = forms.IntegerField(required=False, min_value=1, max_value=MAX_BIG)


class RecorderMixin:
    """A ``recorded_by`` select among the organisations the user edits (``organisations``); left out when
    ``organisations`` is None (editing a row keeps its recorder)."""

    fields: dict[str, forms.Field]

    def _add_recorder(
        self, organisations: Sequence[Organisation] | None, labels: Callable[[Organisation], str]
    ) -> None:
        if organisations is None:
            return
        field = forms.TypedChoiceField(
            label=_("Đơn vị ghi nhận"),
            coerce=int,
            choices=[(o.pk, labels(o)) for o in organisations],
            error_messages={
                "required": _("Hãy chọn đơn vị ghi nhận."),
                "invalid_choice": _("Bạn không ghi sổ cho đơn vị này."),
            },
            help_text=_("Đơn vị chịu trách nhiệm: mỗi việc chỉ ghi một lần, do đơn vị chủ trì ghi."),
        )
        self.add_styled_field("recorded_by", field, first=True)  # type: ignore[attr-defined]


class RegistryForm(Styled, RecorderMixin, forms.Form):
    def __init__(
        self,
        *args: Any,
        organisations: Sequence[Organisation] | None = None,
        labels: Callable[[Organisation], str] = str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._add_recorder(organisations, labels)


# Events ----------------------------------------------------------------------------------------------------


class FiguresMixin:
    """The figures of an event or a group entry, each a Vietnamese number with its qualifier select."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    def _add_figures(self) -> None:
        for measure in MEASURES:
            decimals, maximum = (2, MAX_TONNES) if measure.field == "tonnes" else (0, MAX_INT)
            if measure.field == "revenue_vnd":
                maximum = MAX_BIG
            add = self.add_styled_field  # type: ignore[attr-defined]
            add(measure.field, VietnameseNumberField(label=measure.label, decimals=decimals, maximum=maximum))
            add(
                f"{measure.field}_q",
                forms.TypedChoiceField(
                    label=_("Mức chính xác"),
                    choices=Qualifier.choices,
                    coerce=int,
                    initial=Qualifier.EXACT,
                    required=False,
                    empty_value=None,
                    error_messages={"invalid_choice": _("Lựa chọn không hợp lệ.")},
                ),
            )

    def figure_pairs(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[m.field], self[f"{m.field}_q"]) for m in MEASURES]  # type: ignore[index]

    def figure_values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for measure in MEASURES:
            found[measure.field] = self.cleaned_data.get(measure.field)
            found[f"{measure.field}_q"] = self.cleaned_data.get(f"{measure.field}_q") or Qualifier.EXACT
        return found


def figure_initial(row: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for measure in MEASURES:
        found[measure.field] = getattr(row, measure.field)
        found[f"{measure.field}_q"] = getattr(row, f"{measure.field}_q")
    return found


EVENT_TEXT_FIELDS = ("name", "kind", "programme", "theme", "edition", "starts_on", "ends_on", "when_text")


class EventForm(PlaceDetailsMixin, FiguresMixin, RegistryForm):
    name = text_field(_("Tên sự kiện"), 500, required=True)
    kind = choice_field(_("Loại sự kiện"), EVENT_KIND_CHOICES)
    programme = text_field(_("Thuộc chương trình"), help_text=_("Ví dụ: Tết Quân – Dân năm 2023"))
    theme = text_field(_("Chủ đề"))
    edition = text_field(_("Lần thứ"), 40)
    starts_on = date_field(_("Từ ngày"), required=True)
    ends_on = date_field(_("Đến ngày"), help_text=_("Để trống nếu diễn ra trong một ngày."))
    when_text = text_field(_("Thời gian như văn bản ghi"), 120, help_text=_("Ví dụ: dịp Tết Nguyên đán"))
    place_text = text_field(
        _("Địa điểm"), 500, help_text=_("Ghi như văn bản, ví dụ: ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành")
    )
    status = choice_field(_("Tình trạng"), Event.Status.choices, initial=Event.Status.DONE)
    note = text_field(_("Ghi chú"), 5000, widget=forms.Textarea(attrs={"rows": 3}))
    is_public = forms.BooleanField(label=_("Công khai trên cổng thông tin"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._add_place_details()
        self._add_figures()

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("starts_on") and not data.get("ends_on"):
            data["ends_on"] = data["starts_on"]
        check_order(self, "starts_on", "ends_on", _("Ngày kết thúc không thể trước ngày bắt đầu."))
        self._check_coordinates()
        return data

    def event_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = {name: data[name] for name in EVENT_TEXT_FIELDS}
        fields.update(status=data["status"], note=data["note"], is_public=data["is_public"])
        return fields | self.figure_values()

    @staticmethod
    def initial_for(event: Event) -> dict[str, Any]:
        initial = {name: getattr(event, name) for name in EVENT_TEXT_FIELDS}
        initial.update(status=event.status, note=event.note, is_public=event.is_public)
        return initial | place_initial(event.place) | figure_initial(event)


class OrganiserForm(Styled, forms.Form):
    organisation = forms.IntegerField(
        label=_("Đơn vị trên hệ thống"),
        required=False,
        min_value=1,
        max_value=MAX_BIG,
        widget=forms.Select,
        error_messages={"invalid": _("Lựa chọn không hợp lệ.")},
    )
    name = text_field(_("Hoặc tên đơn vị ngoài hệ thống"), help_text=_("Ví dụ: Bộ Công Thương"))
    role = choice_field(
        _("Vai trò"), EventOrganiser.Role.choices, initial=EventOrganiser.Role.CO_ORGANISER, required=False
    )


class OrganiserFormSet(VietnameseFormSet):
    """The organisers of an event: organisations of the system (chosen from a select, or found by searching
    a place's name) or outside bodies by name, each with a role."""

    def __init__(
        self,
        *args: Any,
        choices: Sequence[tuple[int, str]] = (),
        lookup: Callable[[Iterable[int]], dict[int, Organisation]],
        labels: Callable[[Organisation], str] = str,
        **kwargs: Any,
    ) -> None:
        self.lookup, self.labels = lookup, labels
        self.organisations: dict[int, Organisation] = {}
        super().__init__(*args, **kwargs)
        chosen = self._chosen_ids()
        known = {pk for pk, _label in choices}
        extra = [(o.pk, labels(o)) for pk, o in self.lookup(chosen - known).items()] if chosen - known else []
        options = [("", _("— chọn đơn vị —")), *choices, *extra]
        for form in self.forms:
            form.fields["organisation"].widget.choices = options

    def _chosen_ids(self) -> set[int]:
        found = set()
        source = self.data if self.is_bound else {}
        for form in self.forms:
            value = source.get(form.add_prefix("organisation")) if self.is_bound else form.initial.get("organisation")
            if value and str(value).isdigit() and len(str(value)) < 19:
                found.add(int(value))
        return found

    def clean(self) -> None:
        super().clean()
        ids = {
            form.cleaned_data["organisation"]
            for form in self.forms
            if form.is_valid() and form.cleaned_data.get("organisation")
        }
        self.organisations = self.lookup(ids) if ids else {}
        for form in self.forms:
            chosen = form.cleaned_data.get("organisation") if form.is_valid() else None
            if chosen and chosen not in self.organisations:
                form.add_error("organisation", _("Đơn vị này không có trên hệ thống."))

    def inputs(self) -> list[OrganiserInput]:
        found = []
        for form in self.forms:
            data = form.cleaned_data
            if not data:
                continue
            organisation = self.organisations.get(data.get("organisation") or 0)
            if organisation is None and not data.get("name"):
                continue
            role = data.get("role") or EventOrganiser.Role.CO_ORGANISER
            found.append(OrganiserInput(role=role, organisation=organisation, name=data.get("name", "")))
        return found


def organiser_formset_class(extra: int) -> type[OrganiserFormSet]:
    return forms.formset_factory(  # type: ignore[return-value]
        OrganiserForm,
        formset=OrganiserFormSet,
        extra=extra,
        max_num=MAX_ORGANISERS,
        absolute_max=MAX_ORGANISERS,
        validate_max=True,
    )


def organiser_initial(event: Event) -> list[dict[str, Any]]:
    return [
        {"organisation": o.organisation_id, "name": o.name, "role": o.role}
        for o in event.organisers.all()
        if o.organisation_id != event.recorded_by_id or o.role != EventOrganiser.Role.LEAD
    ]


class EventGroupForm(FiguresMixin, RegistryForm):
    """One figure a document gives for several events of the same recorder ("số liệu gộp")."""

    description = text_field(
        _("Mô tả như văn bản ghi"),
        500,
        required=True,
        help_text=_("Ví dụ: tham gia 04 cuộc hội chợ ngoài tỉnh và vận động doanh nghiệp trưng bày 10 gian hàng"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    kind = choice_field(_("Loại sự kiện"), EVENT_KIND_CHOICES)
    starts_on = date_field(_("Từ ngày"), required=True)
    ends_on = date_field(_("Đến ngày"), required=True)
    declared_count = VietnameseNumberField(
        label=_("Số sự kiện văn bản nêu"), help_text=_("Kể cả sự kiện không liệt kê; để trống nếu không nêu.")
    )
    events = IdListField(required=False, limit=300)

    def __init__(self, *args: Any, candidates: Iterable[int] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._add_figures()
        self.candidates = set(candidates)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        check_order(self, "starts_on", "ends_on", _("Ngày kết thúc không thể trước ngày bắt đầu."))
        chosen = data.get("events") or []
        if set(chosen) - self.candidates:
            self.add_error(None, _("Chỉ liên kết được các sự kiện do chính đơn vị ghi nhận đã ghi."))
        declared = data.get("declared_count")
        if declared and declared < len(chosen):
            self.add_error("declared_count", _("Số sự kiện văn bản nêu không thể ít hơn số sự kiện đã chọn."))
        return data

    def group_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = {name: data[name] for name in ("description", "kind", "starts_on", "ends_on")}
        return fields | {"declared_count": data.get("declared_count") or 0} | self.figure_values()


# OCOP ------------------------------------------------------------------------------------------------------

STAR_CHOICES = [(3, _("3 sao")), (4, _("4 sao")), (5, _("5 sao"))]


class ProductForm(RegistryForm):
    name = text_field(_("Tên sản phẩm"), required=True)
    producer_name = text_field(
        _("Chủ thể"),
        help_text=_("Gõ tên chủ thể đã có để chọn; tên chưa có sẽ được tạo mới."),
        widget=forms.TextInput(attrs={"list": "producer-names", "autocomplete": "off"}),
    )
    producer_legal_form = choice_field(
        _("Loại hình chủ thể (nếu tạo mới)"), Producer.LegalForm.choices, initial=Producer.LegalForm.OTHER
    )
    place_text = text_field(_("Nơi sản xuất"), 500, help_text=_("Để trống: lấy địa chỉ của chủ thể."))
    category = text_field(_("Nhóm sản phẩm"), 120)
    description = text_field(_("Mô tả"), 5000, widget=forms.Textarea(attrs={"rows": 3}))
    is_public = forms.BooleanField(label=_("Công khai trên cổng thông tin"), required=False, initial=True)


class RecognitionForm(Styled, forms.Form):
    stars = forms.TypedChoiceField(
        label=_("Hạng sao"),
        choices=STAR_CHOICES,
        coerce=int,
        error_messages={"invalid_choice": _("Hạng sao chỉ là 3, 4 hoặc 5."), "required": _("Hãy chọn hạng sao.")},
    )
    decided_on = date_field(_("Ngày quyết định"), required=True)
    decision = text_field(_("Quyết định số"), 120, help_text=_("Ví dụ: 1234/QĐ-UBND"))
    issuer = text_field(_("Cơ quan công nhận"))
    valid_to = date_field(_("Hiệu lực đến"))

    def __init__(self, *args: Any, validity_months: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["valid_to"].help_text = _("Để trống: %(months)s tháng kể từ ngày quyết định.") % {
            "months": validity_months
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        check_order(self, "decided_on", "valid_to", _("Ngày hết hiệu lực không thể trước ngày quyết định."))
        return data


class RevokeForm(Styled, forms.Form):
    revoked_on = date_field(_("Thu hồi ngày"), required=True)
    reason = text_field(_("Lý do thu hồi"), required=True)


class RegistrationForm(Styled, forms.Form):
    year = YearField(
        label=_("Năm đánh giá"), error_messages={"required": _("Hãy nhập năm."), "invalid": _("Năm phải là số.")}
    )
    registered_on = date_field(_("Ngày đăng ký"), required=True)
    supporter = text_field(_("Đơn vị hỗ trợ"))


# Sale points, model areas, clubs, producers ----------------------------------------------------------------


class SalePointForm(PlaceDetailsMixin, RegistryForm):
    name = text_field(_("Tên điểm bán"), required=True)
    kind = choice_field(_("Loại điểm bán"), SALE_POINT_KIND_CHOICES)
    operator_name = text_field(_("Đơn vị vận hành"), help_text=_("Ví dụ: Liên minh Hợp tác xã tỉnh"))
    place_text = text_field(
        _("Địa chỉ"), 500, help_text=_("Ví dụ: số 40, đường Nguyễn Thái Học, phường 1, thành phố Trà Vinh")
    )
    status = choice_field(_("Tình trạng"), SalePoint.Status.choices, initial=SalePoint.Status.ACTIVE)
    opened_on = date_field(_("Mở từ ngày"))
    closed_on = date_field(_("Đóng ngày"))
    last_verified_on = date_field(_("Xác minh lần cuối"))
    is_public = forms.BooleanField(label=_("Công khai trên cổng thông tin"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._add_place_details()

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        check_order(self, "opened_on", "closed_on", _("Ngày đóng không thể trước ngày mở."))
        self._check_coordinates()
        return data


class VerifyForm(Styled, forms.Form):
    on = date_field(_("Ngày xác minh"), required=True)
    status = choice_field(_("Tình trạng khi xác minh"), SalePoint.Status.choices)

    def clean_on(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ngày xác minh không thể sau hôm nay."))
        return day


class ModelAreaForm(RegistryForm):
    name = text_field(_("Tên khu dân cư"), required=True, help_text=_("Ví dụ: Khu dân cư ấp Cồn Chim"))
    place_text = text_field(_("Địa bàn"), 500, help_text=_("Ví dụ: ấp Cồn Chim, xã Hòa Minh"))
    status = choice_field(_("Tình trạng"), ModelArea.Status.choices, initial=ModelArea.Status.REGISTERED)
    registered_on = date_field(_("Đăng ký ngày"))
    recognised_on = date_field(_("Công nhận ngày"))
    recognised_by = text_field(_("Đơn vị công nhận"))
    lapsed_on = date_field(_("Không duy trì từ ngày"))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        check_order(self, "registered_on", "recognised_on", _("Ngày công nhận không thể trước ngày đăng ký."))
        check_order(self, "recognised_on", "lapsed_on", _("Ngày không duy trì không thể trước ngày công nhận."))
        return data


class ClubForm(RegistryForm):
    name = text_field(_("Tên câu lạc bộ, tổ, nhóm"), required=True)
    kind = choice_field(_("Loại"), CLUB_KIND_CHOICES)
    owner_name = text_field(_("Tổ chức quản lý"), help_text=_("Ví dụ: Hội Liên hiệp Phụ nữ xã"))
    place_text = text_field(_("Địa bàn"), 500)
    members = VietnameseNumberField(label=_("Số thành viên"))
    founded_on = date_field(_("Thành lập ngày"))
    dissolved_on = date_field(_("Giải thể ngày"))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        check_order(self, "founded_on", "dissolved_on", _("Ngày giải thể không thể trước ngày thành lập."))
        return data


class ProducerForm(RegistryForm):
    name = text_field(_("Tên chủ thể"), required=True)
    legal_form = choice_field(_("Loại hình"), Producer.LegalForm.choices, initial=Producer.LegalForm.OTHER)
    is_sme = forms.BooleanField(label=_("Doanh nghiệp nhỏ và vừa"), required=False)
    is_women_led = forms.BooleanField(label=_("Do phụ nữ làm chủ"), required=False)
    tax_code = text_field(_("Mã số thuế, mã số đăng ký"), 20)
    address = text_field(_("Địa chỉ"), 500)
    sector = text_field(_("Ngành hàng"), 120)
    contact = text_field(_("Liên hệ"))


class MergeForm(forms.Form):
    duplicate = forms.IntegerField(
        min_value=1,
        max_value=MAX_BIG,
        error_messages={"required": _("Hãy chọn chủ thể trùng."), "invalid": _("Lựa chọn không hợp lệ.")},
    )


class ResolveForm(Styled, forms.Form):
    """The unit a place is in: one of the candidates, or a unit name typed by the clerk."""

    unit = forms.IntegerField(required=False, min_value=1, max_value=MAX_BIG, widget=forms.RadioSelect)
    q = text_field(
        _("Hoặc gõ tên đơn vị hành chính"),
        300,
        help_text=_("Ví dụ: Xã Hòa Minh, Huyện Châu Thành, Tỉnh Trà Vinh hoặc Phường Trà Vinh, Tỉnh Vĩnh Long"),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("unit") and not data.get("q") and not self.errors:
            raise forms.ValidationError(_("Hãy chọn một đơn vị trong danh sách hoặc gõ tên đơn vị hành chính."))
        return data
