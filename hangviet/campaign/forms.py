"""Forms of the campaign pages: every request value goes through one of them (GET filters too)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hangviet.campaign.catalogue import (
    LEGAL_BASES,
    AssetKind,
    BudgetSource,
    ItemType,
    NomineeCategory,
    OutletKind,
    PermitStatus,
    SchemeKind,
    SpendCategory,
)
from hangviet.campaign.models import MediaOutlet
from hangviet.lib.forms import IdListField, SaneDateField, StyledFormMixin, YearField
from hangviet.lib.text import normalize_text
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number

# "Quý 1" in the reader's language: a lazy label, since "gettext_lazy(...) % ..." is formatted once, at import.
_quarter_label = lazy(lambda quarter: _("Quý %(q)s") % {"q": quarter}, str)


class NfcMixin(StyledFormMixin):
    """Bootstrap classes, and every text value in NFC."""

    cleaned_data: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        data = super().clean()  # type: ignore[misc]
        for key, value in list(data.items()):
            if isinstance(value, str):
                data[key] = normalize_text(value)
        return data


class MoneyField(forms.CharField):
    """An amount in đồng written the Vietnamese way ("36,9 triệu", "3.000.000"): a positive whole number."""

    def clean(self, value: Any) -> Any:
        text = super().clean(value)
        if not text:
            return None
        try:
            number = parse_vn_number(text)
        except NumberFormatError as error:
            raise forms.ValidationError(str(error), code="number") from error
        if number <= 0:
            raise forms.ValidationError(_("Số tiền phải lớn hơn 0."), code="negative")
        if number != number.to_integral_value():
            raise forms.ValidationError(_("Số tiền tính bằng đồng, không có phần lẻ."), code="fraction")
        if number > Decimal(10) ** 15:
            raise forms.ValidationError(_("Số tiền quá lớn."), code="huge")
        return int(number)


def _today_year() -> int:
    return timezone.localdate().year


class QuarterForm(StyledFormMixin, forms.Form):
    year = YearField(label=gettext_lazy("Năm"), required=False)
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("Quý"),
        choices=[(q, _quarter_label(q)) for q in (1, 2, 3, 4)],
        coerce=int,
        required=False,
    )

    def chosen(self) -> tuple[int, int]:
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("year") or today.year, data.get("quarter") or (today.month - 1) // 3 + 1


class YearForm(StyledFormMixin, forms.Form):
    year = YearField(label=gettext_lazy("Năm"), required=False)

    def chosen(self) -> int:
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("year") or _today_year()


class BudgetKindForm(forms.Form):
    """Which of the budget page's three forms was sent."""

    what = forms.ChoiceField(choices=[("allocation", ""), ("spend", ""), ("contribution", "")])


class OutletForm(NfcMixin, forms.Form):
    owner = forms.TypedChoiceField(label=gettext_lazy("Cơ quan chủ quản"), coerce=int)
    name = forms.CharField(label=gettext_lazy("Tên kênh"), max_length=255)
    kind = forms.ChoiceField(label=gettext_lazy("Loại"), choices=OutletKind.choices)
    url = forms.URLField(label=gettext_lazy("Địa chỉ trang"), required=False)

    def __init__(self, *args: Any, owners: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owners  # type: ignore[attr-defined]
        self.fields["owner"].error_messages["invalid_choice"] = _("Cơ quan không thuộc Ban Chỉ đạo này.")


class ItemForm(NfcMixin, forms.Form):
    item_type = forms.ChoiceField(label=gettext_lazy("Thể loại"), choices=ItemType.choices)
    title = forms.CharField(label=gettext_lazy("Tiêu đề"), max_length=500)
    published_on = SaneDateField(label=gettext_lazy("Ngày đăng, phát"))
    link = forms.URLField(label=gettext_lazy("Đường dẫn"), required=False, max_length=500)


class QuotaForm(NfcMixin, forms.Form):
    outlet = forms.TypedChoiceField(label=gettext_lazy("Kênh"), coerce=int)
    item_type = forms.ChoiceField(label=gettext_lazy("Thể loại"), choices=ItemType.choices)
    year = YearField(label=gettext_lazy("Năm"))
    quarter = forms.TypedChoiceField(label=gettext_lazy("Quý"), choices=[(q, str(q)) for q in (1, 2, 3, 4)], coerce=int)
    minimum = forms.IntegerField(
        label=gettext_lazy("Số tối thiểu"),
        min_value=0,
        max_value=10000,
        error_messages={"min_value": gettext_lazy("Chỉ tiêu không được âm.")},
    )
    task = forms.TypedChoiceField(label=gettext_lazy("Theo nhiệm vụ trong kế hoạch"), coerce=int, required=False)

    def __init__(self, *args: Any, outlets: list[MediaOutlet], tasks: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outlet"].choices = [(o.pk, o.name) for o in outlets]  # type: ignore[attr-defined]
        self.fields["outlet"].error_messages["invalid_choice"] = _("Kênh không có trong danh sách của Ban Chỉ đạo.")
        self.fields["task"].choices = [("", "—"), *tasks]  # type: ignore[attr-defined]


class OutdoorForm(NfcMixin, forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Loại"), choices=AssetKind.choices)
    pieces = forms.IntegerField(
        label=gettext_lazy("Số cái"),
        min_value=1,
        max_value=100000,
        error_messages={"min_value": gettext_lazy("Số cái phải lớn hơn 0.")},
    )
    sites = forms.CharField(
        label=gettext_lazy("Vị trí lắp đặt"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    status = forms.ChoiceField(label=gettext_lazy("Tình trạng"), choices=PermitStatus.choices)
    installed_on = SaneDateField(label=gettext_lazy("Ngày lắp đặt"), required=False)
    permit_request = forms.CharField(label=gettext_lazy("Văn bản đề nghị"), max_length=255, required=False)
    permit_body = forms.CharField(label=gettext_lazy("Cơ quan chấp thuận"), max_length=255, required=False)
    permit_decision = forms.CharField(label=gettext_lazy("Văn bản chấp thuận"), max_length=255, required=False)


class SchemeForm(NfcMixin, forms.Form):
    name = forms.CharField(label=gettext_lazy("Tên đợt khen thưởng, tôn vinh"), max_length=255)
    kind = forms.ChoiceField(label=gettext_lazy("Hình thức"), choices=SchemeKind.choices)
    year = YearField(label=gettext_lazy("Năm"))
    criteria = forms.CharField(label=gettext_lazy("Văn bản hướng dẫn tiêu chuẩn"), max_length=255, required=False)


class NominationForm(NfcMixin, forms.Form):
    proposer = forms.TypedChoiceField(label=gettext_lazy("Đơn vị đề nghị"), coerce=int)
    nominee = forms.CharField(label=gettext_lazy("Tên tập thể, cá nhân, doanh nghiệp"), max_length=255)
    category = forms.ChoiceField(label=gettext_lazy("Danh mục"), choices=NomineeCategory.choices)
    achievements = forms.CharField(
        label=gettext_lazy("Thành tích tóm tắt"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, proposers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposer"].choices = proposers  # type: ignore[attr-defined]
        self.fields["proposer"].error_messages["invalid_choice"] = _("Bạn không đề nghị thay cho đơn vị này được.")


class ProposalForm(NfcMixin, forms.Form):
    number = forms.CharField(label=gettext_lazy("Số tờ trình"), max_length=100)
    dated = SaneDateField(label=gettext_lazy("Ngày"))
    nomination = IdListField(required=False)


class DecisionForm(NfcMixin, forms.Form):
    decision = forms.CharField(label=gettext_lazy("Số quyết định"), max_length=255)
    decided_on = SaneDateField(label=gettext_lazy("Ngày quyết định"))
    form = forms.CharField(label=gettext_lazy("Hình thức khen thưởng"), max_length=255, required=False)
    nomination = IdListField(required=False)


class PublishForm(forms.Form):
    published = forms.BooleanField(required=False)


class AllocationForm(NfcMixin, forms.Form):
    year = YearField(label=gettext_lazy("Năm"))
    amount = MoneyField(label=gettext_lazy("Số tiền"), max_length=100)
    source = forms.ChoiceField(label=gettext_lazy("Nguồn"), choices=BudgetSource.choices)
    legal_basis = forms.ChoiceField(
        label=gettext_lazy("Căn cứ"), choices=[("", "—"), *[(b, b) for b in LEGAL_BASES]], required=False
    )
    decision = forms.CharField(label=gettext_lazy("Quyết định giao"), max_length=255, required=False)
    allocated_on = SaneDateField(label=gettext_lazy("Ngày giao"), required=False)


class SpendForm(NfcMixin, forms.Form):
    spent_on = SaneDateField(label=gettext_lazy("Ngày chi"))
    amount = MoneyField(label=gettext_lazy("Số tiền"), max_length=100)
    category = forms.ChoiceField(label=gettext_lazy("Nội dung chi"), choices=SpendCategory.choices)
    activity = forms.CharField(label=gettext_lazy("Hoạt động"), max_length=255)
    voucher = forms.CharField(label=gettext_lazy("Chứng từ"), max_length=100, required=False)


class ContributionForm(NfcMixin, forms.Form):
    donor = forms.CharField(label=gettext_lazy("Đơn vị đóng góp"), max_length=255)
    amount = MoneyField(label=gettext_lazy("Số tiền"), max_length=100)
    received_on = SaneDateField(label=gettext_lazy("Ngày nhận"))
    purpose = forms.CharField(label=gettext_lazy("Mục đích"), max_length=255, required=False)
