"""Forms of the oversight pages: every value a page receives is read here (dates real and sane, fines typed
the Vietnamese way and never negative, subjects only among the organisations the committee may inspect)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from hangviet.lib.forms import PeriodField, StyledFormMixin, YearField
from hangviet.lib.periods import PeriodKey
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.orgs.models import Organisation
from hangviet.oversight.catalogue import (
    FINDING_KINDS,
    ORIGINS,
    OUTCOMES,
    PROGRAMME_KINDS,
    VIOLATION_TYPES,
    choices,
)
from hangviet.registry.forms import date_field

UNKNOWN_SUBJECT = _("Đơn vị được chọn không có trong danh sách đơn vị Ban Chỉ đạo được kiểm tra, giám sát.")


class _Names(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class _Name(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


def money_field(label: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=40)


def clean_money(text: str, label: str) -> Decimal | None:
    if not text or not text.strip():
        return None
    try:
        value = parse_vn_number(text)
    except NumberFormatError as error:
        raise forms.ValidationError(f"{label}: {error}") from error
    if value < 0:
        raise forms.ValidationError(_("Số tiền phạt không được âm."))
    if value != value.to_integral_value():
        raise forms.ValidationError(_("Số tiền phạt phải là số đồng nguyên."))
    return value


class ProgrammeForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=choices(PROGRAMME_KINDS))
    title = forms.CharField(label=_("Tên chương trình"), max_length=500)
    year = YearField(label=_("Năm"))
    windows_text = forms.CharField(
        label=_("Thời gian"), max_length=255, help_text=_("Ví dụ: tháng 6, tháng 11; quý IV/2026.")
    )
    subjects = _Names(
        label=_("Đơn vị được kiểm tra, giám sát"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": UNKNOWN_SUBJECT,
            "invalid_pk_value": UNKNOWN_SUBJECT,
            "required": _("Hãy chọn ít nhất một đơn vị được kiểm tra, giám sát."),
        },
    )
    topics = forms.CharField(label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    legal_basis = forms.CharField(label=_("Căn cứ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, candidates: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["subjects"]
        assert isinstance(field, _Names)
        field.queryset = candidates
        field.widget.attrs["class"] = "list-unstyled"


class VisitForm(StyledFormMixin, forms.Form):
    subject = _Name(
        label=_("Đơn vị"),
        queryset=Organisation.objects.none(),
        empty_label=_("— Chọn đơn vị —"),
        error_messages={"invalid_choice": UNKNOWN_SUBJECT, "required": _("Hãy chọn đơn vị làm việc.")},
    )
    visited_on = date_field(_("Ngày làm việc"), required=True)
    period = PeriodField(label=_("Kỳ đánh giá"), error_messages={"required": _("Hãy chọn kỳ đánh giá.")})
    members = forms.CharField(label=_("Thành phần đoàn"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, subjects: QuerySet[Organisation], year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["subject"]
        assert isinstance(field, _Name)
        field.queryset = subjects
        keys = [PeriodKey(y, kind) for y in (year - 1, year, year + 1) for kind in ("H1", "Y")]
        self.fields["period"].widget = forms.Select(
            choices=[(key.code, key.label[:1].upper() + key.label[1:]) for key in keys],
            attrs={"class": "form-select form-select-sm"},
        )


class FindingForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=choices(FINDING_KINDS))
    criterion = forms.CharField(label=_("Tiêu chí"), required=False, max_length=255)
    text = forms.CharField(label=_("Nội dung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "finding_%s")  # shares a page with the recommendation form
        super().__init__(*args, **kwargs)


class RecommendationForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Kiến nghị"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    due_on = date_field(_("Thời hạn thực hiện"), required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "recommendation_%s")
        super().__init__(*args, **kwargs)


class CaseForm(StyledFormMixin, forms.Form):
    occurred_on = date_field(_("Ngày kiểm tra"), required=True)
    place_text = forms.CharField(label=_("Địa điểm (ghi như văn bản)"), required=False, max_length=500)
    producer_name = forms.CharField(label=_("Chủ thể (nếu có trong sổ theo dõi)"), required=False, max_length=255)
    subject_text = forms.CharField(label=_("Cơ sở, hộ kinh doanh"), required=False, max_length=255)
    goods = forms.CharField(label=_("Mặt hàng"), required=False, max_length=255)
    origin = forms.ChoiceField(label=_("Nguồn vụ việc"), choices=choices(ORIGINS), initial="planned")
    violation_type = forms.ChoiceField(label=_("Loại vi phạm"), choices=choices(VIOLATION_TYPES))
    outcome = forms.ChoiceField(label=_("Kết quả xử lý"), choices=choices(OUTCOMES))
    fine = money_field(_("Số tiền phạt (đồng)"))
    decision_ref = forms.CharField(label=_("Quyết định xử phạt"), required=False, max_length=255)
    consumer_report_ref = forms.CharField(
        label=_("Phản ánh của người tiêu dùng (số, ký hiệu)"), required=False, max_length=120
    )
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_fine(self) -> Decimal | None:
        return clean_money(self.cleaned_data.get("fine", ""), str(_("Số tiền phạt")))


class CaseTotalForm(StyledFormMixin, forms.Form):
    period = PeriodField(label=_("Kỳ báo cáo"), error_messages={"required": _("Hãy chọn kỳ báo cáo.")})
    inspections = forms.IntegerField(
        label=_("Số vụ kiểm tra"),
        min_value=0,
        max_value=1_000_000,
        error_messages={"min_value": _("Số vụ không được âm.")},
    )
    violations_handled = forms.IntegerField(
        label=_("Số vụ vi phạm đã xử lý"),
        required=False,
        min_value=0,
        max_value=1_000_000,
        error_messages={"min_value": _("Số vụ không được âm.")},
    )
    fines = money_field(_("Số tiền phạt (đồng)"))
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_fines(self) -> Decimal | None:
        return clean_money(self.cleaned_data.get("fines", ""), str(_("Số tiền phạt")))


class ChecklistForm(forms.Form):
    """The period a checklist is read for (GET)."""

    period = PeriodField(required=False)
