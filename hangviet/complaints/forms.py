"""Forms of consumer reports: the public form (with its honeypot), the staff forms, the tracking form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hangviet.complaints.models import ConsumerReport
from hangviet.complaints.photos import MAX_PHOTO_BYTES, clean_photo
from hangviet.lib.forms import SaneDateField, StyledFormMixin, style_widget
from hangviet.lib.text import normalize_text
from hangviet.orgs.models import Organisation

MAX_DESCRIPTION = 4000


def _text(value: str) -> str:
    return normalize_text(value)


class ReportForm(StyledFormMixin, forms.Form):
    """What a visitor writes. ``website`` is a honeypot: hidden from people, filled by form-filling robots."""

    category = forms.ChoiceField(
        label=gettext_lazy("Loại phản ánh"),
        choices=ConsumerReport.Category.choices,
        initial=ConsumerReport.Category.FAKE,
    )
    description = forms.CharField(
        label=gettext_lazy("Bạn thấy gì?"),
        max_length=MAX_DESCRIPTION,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Mô tả hàng hóa và điều bất thường (tối đa 4.000 ký tự)."),
        error_messages={
            "required": gettext_lazy("Hãy mô tả điều bạn thấy."),
            "min_length": gettext_lazy("Mô tả quá ngắn (ít nhất %(limit_value)d ký tự)."),
            "max_length": gettext_lazy("Mô tả quá dài (tối đa %(limit_value)d ký tự, đang có %(show_value)d)."),
        },
    )
    place = forms.CharField(
        label=gettext_lazy("Ở đâu?"),
        max_length=300,
        help_text=gettext_lazy("Ghi như bạn thường viết, ví dụ: chợ Trà Vinh, Phường Trà Vinh, tỉnh Vĩnh Long."),
        error_messages={
            "required": gettext_lazy("Hãy cho biết nơi bạn thấy hàng hóa này."),
            "max_length": gettext_lazy("Địa điểm quá dài (tối đa %(limit_value)d ký tự)."),
        },
    )
    seen_on = SaneDateField(
        label=gettext_lazy("Khi nào?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": gettext_lazy("Ngày không hợp lệ.")},
    )
    product = forms.CharField(
        label=gettext_lazy("Sản phẩm, nhãn hiệu (nếu biết)"),
        max_length=200,
        required=False,
        error_messages={"max_length": gettext_lazy("Tên sản phẩm quá dài (tối đa %(limit_value)d ký tự).")},
    )
    photo = forms.FileField(
        label=gettext_lazy("Ảnh (nếu có)"),
        required=False,
        help_text=gettext_lazy("Ảnh JPG hoặc PNG, tối đa 5 MB. Vị trí GPS và thông tin máy ảnh trong ảnh được xóa."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    contact_name = forms.CharField(label=gettext_lazy("Họ tên (không bắt buộc)"), max_length=120, required=False)
    contact = forms.CharField(
        label=gettext_lazy("Điện thoại hoặc thư điện tử (không bắt buộc)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Chỉ cơ quan xử lý thấy thông tin này. Nếu ghi thư điện tử, bạn nhận mã theo dõi qua thư."
        ),
    )
    website = forms.CharField(label=gettext_lazy("Trang web"), required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_seen_on(self) -> Any:
        day = self.cleaned_data.get("seen_on")
        if day is not None and day > timezone.localdate():
            raise ValidationError(_("Ngày phát hiện không thể sau hôm nay."))
        return day

    def clean_place(self) -> str:
        return _text(self.cleaned_data["place"])

    def clean_product(self) -> str:
        return _text(self.cleaned_data.get("product", ""))

    def clean_contact_name(self) -> str:
        return _text(self.cleaned_data.get("contact_name", ""))

    def clean_contact(self) -> str:
        return _text(self.cleaned_data.get("contact", ""))

    def clean_photo(self) -> ContentFile[bytes] | None:
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size is not None and upload.size > MAX_PHOTO_BYTES:
            raise ValidationError(_("Ảnh quá lớn (tối đa 5 MB)."))
        return clean_photo(upload)

    def action_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "description": data["description"],
            "place_text": data["place"],
            "category": data["category"],
            "product": data["product"],
            "seen_on": data.get("seen_on"),
            "photo": data.get("photo"),
            "contact_name": data["contact_name"],
            "contact": data["contact"],
        }


class OfflineReportForm(ReportForm):
    """A report an intake organisation collected (in person, by phone, by letter) and enters for the person."""

    organisation = forms.TypedChoiceField(label=gettext_lazy("Tổ chức tiếp nhận"), coerce=int)

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["website"]
        field = self.fields["organisation"]
        field.choices = [(o.pk, o.name) for o in organisations]  # type: ignore[attr-defined]
        self.fields = {"organisation": field, **{k: v for k, v in self.fields.items() if k != "organisation"}}

    @property
    def is_robot(self) -> bool:
        return False


class OrganisationIdForm(forms.Form):
    """The organisation a staff form posts, read before the rest so that its gate runs first."""

    organisation = forms.IntegerField(min_value=1, max_value=2**63 - 1, required=False)


class ForwardForm(StyledFormMixin, forms.Form):
    to = forms.ModelChoiceField(
        label=gettext_lazy("Chuyển đến"),
        queryset=Organisation.objects.none(),
        error_messages={
            "required": gettext_lazy("Hãy chọn cơ quan nhận."),
            "invalid_choice": gettext_lazy("Cơ quan này không có trong danh sách."),
        },
    )
    note = forms.CharField(label=gettext_lazy("Ghi chú"), max_length=1000, required=False)

    def __init__(self, *args: Any, targets: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = targets  # type: ignore[attr-defined]


class AskForm(StyledFormMixin, forms.Form):
    question = forms.CharField(
        label=gettext_lazy("Thông tin cần người phản ánh bổ sung"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": gettext_lazy("Hãy ghi thông tin cần bổ sung.")},
    )


class CloseForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=gettext_lazy("Kết quả"),
        choices=[(value, label) for value, label in ConsumerReport.Outcome.choices if value],
    )
    public_answer = forms.CharField(
        label=gettext_lazy("Trả lời công khai"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Người phản ánh đọc câu trả lời này khi tra cứu bằng mã; không ghi thông tin cá nhân."),
        error_messages={"required": gettext_lazy("Hãy viết câu trả lời công khai.")},
    )
    case_reference = forms.CharField(
        label=gettext_lazy("Số hồ sơ vụ việc kiểm tra (nếu có)"), max_length=120, required=False
    )


class QueueFilterForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Tình trạng"),
        required=False,
        choices=[
            ("open", gettext_lazy("Chưa xử lý xong")),
            ("", gettext_lazy("Tất cả")),
            *ConsumerReport.Status.choices,
        ],
    )


class TrackForm(StyledFormMixin, forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã theo dõi"),
        max_length=30,
        help_text=gettext_lazy("Ví dụ: PA-7K3M9Q2XTD"),
        error_messages={"required": gettext_lazy("Hãy nhập mã theo dõi.")},
    )


class AddInformationForm(StyledFormMixin, forms.Form):
    code = forms.CharField(max_length=30, widget=forms.HiddenInput)
    text = forms.CharField(
        label=gettext_lazy("Thông tin bổ sung"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Hãy ghi thông tin bổ sung.")},
    )


class RouteForm(StyledFormMixin, forms.Form):
    organisation = forms.TypedChoiceField(label=gettext_lazy("Cơ quan tiếp nhận phản ánh"), coerce=int)

    def __init__(self, *args: Any, choices: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.choices = [(o.pk, o.name) for o in choices]  # type: ignore[attr-defined]
        style_widget(field.widget)
