"""The data-entry form: one text field per indicator (Vietnamese numbers), the narrative sections, notes."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hangviet.indicators.models import Indicator
from hangviet.lib.forms import StyledFormMixin
from hangviet.lib.i18n import catalogue_text
from hangviet.lib.vnformat import format_number
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.reporting.models import Section

MAX_TEXT = 20_000


def check_stored_number(number: Decimal) -> Decimal:
    """The number if it fits a report value (below 10^17, at most 2 decimals); else NumberFormatError."""
    if abs(number) >= Decimal(10) ** 17:
        raise NumberFormatError(str(_("Số quá lớn.")))
    if number != number.quantize(Decimal("0.01")):
        raise NumberFormatError(str(_("Chỉ ghi tối đa 2 chữ số thập phân.")))
    return number


class VietnameseNumberField(forms.Field):
    """Accepts "3.904", "36,9", "1.147", "850 triệu"; an empty field means "no figure"."""

    widget = forms.TextInput

    def __init__(self, *, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)
        self.indicator = indicator
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "class": "form-control text-end"})

    def to_python(self, value: Any) -> Decimal | None:
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        try:
            return check_stored_number(parse_vn_number(text))
        except NumberFormatError as error:
            raise forms.ValidationError(str(error)) from error

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal | int):
            return format_number(value)
        return value


class ReportEntryForm(StyledFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)
    action = forms.ChoiceField(choices=[("save", _("Lưu nháp")), ("submit", _("Gửi báo cáo"))], required=False)

    def __init__(self, *args: Any, indicators: Iterable[Indicator], sections: Iterable[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        self.section_codes = [code for code in Section.values if code in set(sections)]
        for indicator in self.indicators:
            self.fields[f"value__{indicator.code}"] = VietnameseNumberField(
                indicator=indicator, label=f"{catalogue_text(indicator.name)} ({catalogue_text(indicator.unit)})"
            )
        for code in self.section_codes:
            self.fields[f"text__{code}"] = forms.CharField(
                label=Section(code).label,
                required=False,
                max_length=MAX_TEXT,
                widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
            )

        self.fields["response"] = forms.CharField(
            label=_("Giải trình việc đã sửa (gửi kèm khi gửi lại báo cáo)"),
            required=False,
            max_length=MAX_TEXT,
            widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        )

    def values(self) -> dict[str, Decimal | None]:
        return {indicator.code: self.cleaned_data.get(f"value__{indicator.code}") for indicator in self.indicators}

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"text__{code}", "") for code in self.section_codes}

    def lenient_values(self) -> dict[str, Decimal | None]:
        """The values that parse, for checking rules while the user is still typing (no form errors)."""
        found: dict[str, Decimal | None] = {}
        for indicator in self.indicators:
            field = self.fields[f"value__{indicator.code}"]
            try:
                found[indicator.code] = field.clean(self.data.get(self.add_prefix(f"value__{indicator.code}"), ""))
            except forms.ValidationError:
                continue
        return found

    def unreadable(self) -> list[tuple[Indicator, str, str]]:
        """The fields whose text is not a number, as ``(indicator, text typed, why)``: the live check lists
        them as saving would, instead of skipping them silently."""
        found = []
        for indicator in self.indicators:
            field = self.fields[f"value__{indicator.code}"]
            typed = str(self.data.get(self.add_prefix(f"value__{indicator.code}"), "") or "")
            try:
                field.clean(typed)
            except forms.ValidationError as error:
                found.append((indicator, typed, " ".join(error.messages)))
        return found

    def rows(self) -> list[tuple[Indicator, forms.BoundField]]:
        return [(indicator, self[f"value__{indicator.code}"]) for indicator in self.indicators]

    def text_fields(self) -> list[forms.BoundField]:
        return [self[f"text__{code}"] for code in self.section_codes]


def notes_from(data: Any) -> dict[str, str]:
    """Warning explanations posted as ``note__<rule>`` or ``note__<rule>:<indicator>``."""
    return {
        key.removeprefix("note__"): str(value)[:MAX_TEXT] for key, value in data.items() if key.startswith("note__")
    }


class ReturnForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ReviewForm(forms.Form):
    """The reviewer's decision: accept, return with a reason, or reopen an accepted report with a reason (the
    actions say the reason is required)."""

    action = forms.ChoiceField(
        choices=[("accept", _("Tiếp nhận")), ("return", _("Trả lại")), ("reopen", _("Mở lại"))], required=False
    )
    reason = forms.CharField(max_length=2000, required=False)

    def clean_action(self) -> str:
        return self.cleaned_data.get("action") or "return"


class UploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Chọn tệp"))
