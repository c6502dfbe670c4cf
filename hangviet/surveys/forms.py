"""Survey forms: the survey and its questions (a formset), and the answer form built from the questions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hangviet.lib.forms import SaneDateField, StyledFormMixin, VietnameseFormSet
from hangviet.lib.text import normalize_text
from hangviet.surveys.models import Question, Survey
from hangviet.units.models import Unit

MAX_QUESTIONS = 40
MAX_ITEMS = 1_000_000


class OwnerIdForm(forms.Form):
    owner = forms.IntegerField(min_value=1, max_value=2**63 - 1, required=False)


class SurveyForm(StyledFormMixin, forms.Form):
    owner = forms.TypedChoiceField(label=gettext_lazy("Đơn vị thực hiện"), coerce=int)
    title = forms.CharField(label=gettext_lazy("Tên cuộc khảo sát"), max_length=255)
    kind = forms.ChoiceField(label=gettext_lazy("Loại"), choices=Survey.Kind.choices)
    intro = forms.CharField(
        label=gettext_lazy("Lời giới thiệu"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    opens_on = SaneDateField(label=gettext_lazy("Mở từ ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = SaneDateField(label=gettext_lazy("Đóng sau ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    target_share_pct = forms.DecimalField(
        label=gettext_lazy("Chỉ tiêu tỷ lệ hàng Việt (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        help_text=gettext_lazy("Chỉ cho khảo sát tỷ lệ hàng Việt trên quầy kệ."),
    )

    def __init__(self, *args: Any, owners: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(o.pk, o.name) for o in owners]  # type: ignore[attr-defined]

    def clean_title(self) -> str:
        return normalize_text(self.cleaned_data["title"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("Ngày đóng phải sau ngày mở."))
        return data


class QuestionForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=gettext_lazy("Câu hỏi"), max_length=500)
    kind = forms.ChoiceField(label=gettext_lazy("Loại câu hỏi"), choices=Question.Kind.choices)
    options = forms.CharField(
        label=gettext_lazy("Các phương án (mỗi dòng một)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    required = forms.BooleanField(label=gettext_lazy("Bắt buộc"), required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        options = [line.strip() for line in str(data.get("options", "")).splitlines() if line.strip()]
        if data.get("kind") in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) and len(options) < 2:
            self.add_error("options", _("Câu hỏi chọn phương án cần ít nhất hai phương án."))
        if len(options) > 30:
            self.add_error("options", _("Tối đa 30 phương án."))
        data["options"] = "\n".join(normalize_text(option) for option in options)
        data["text"] = normalize_text(str(data.get("text", "")))
        return data


QuestionFormSet = forms.formset_factory(
    QuestionForm,
    formset=VietnameseFormSet,
    extra=3,
    max_num=MAX_QUESTIONS,
    validate_max=True,
    min_num=1,
    validate_min=True,
)


def _radio(choices: list[tuple[str, str]], **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **kwargs)


class AnswerForm(forms.Form):
    """One respondent's answers; ``unit`` is where the respondent lives (the results' denominators by unit)."""

    def __init__(self, *args: Any, survey: Survey, units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = list(survey.questions.all())
        self.fields["unit"] = forms.TypedChoiceField(
            label=_("Bạn sống (hoặc cửa hàng ở) xã, phường nào?") if len(units) > 1 else _("Địa bàn"),
            choices=[(u.pk, u.name) for u in units],
            coerce=int,
            error_messages={"required": _("Hãy chọn địa bàn.")},
        )
        self.fields["unit"].widget.attrs["class"] = "form-select"
        for question in self.questions:
            name = f"q{question.pk}"
            label = question.text
            required = question.required
            options = [(str(i), text) for i, text in enumerate(question.option_list)]
            if question.kind == Question.Kind.SINGLE:
                field: forms.Field = _radio(options, label=label, required=required)
            elif question.kind == Question.Kind.MULTIPLE:
                field = forms.MultipleChoiceField(
                    choices=options, widget=forms.CheckboxSelectMultiple, label=label, required=required
                )
            elif question.kind == Question.Kind.SCALE:
                field = _radio([(str(i), str(i)) for i in range(1, 6)], label=label, required=required)
            elif question.kind == Question.Kind.TEXT:
                field = forms.CharField(label=label, required=required, max_length=500)
                field.widget.attrs["class"] = "form-control"
            else:
                for part, part_label in (("viet", _("Số mặt hàng Việt")), ("total", _("Tổng số mặt hàng"))):
                    number = forms.IntegerField(
                        label=f"{label} – {part_label}", required=required, min_value=0, max_value=MAX_ITEMS
                    )
                    number.widget.attrs["class"] = "form-control"
                    self.fields[f"{name}_{part}"] = number
                continue
            if question.kind in (Question.Kind.SINGLE, Question.Kind.SCALE, Question.Kind.MULTIPLE):
                field.widget.attrs["class"] = "form-check-input"
                field.error_messages["required"] = _("Hãy chọn phương án.")
            self.fields[name] = field

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for question in self.questions:
            if question.kind != Question.Kind.SHELF:
                continue
            viet, total = data.get(f"q{question.pk}_viet"), data.get(f"q{question.pk}_total")
            if (viet is None) != (total is None):
                self.add_error(f"q{question.pk}_total", _("Hãy ghi cả số mặt hàng Việt và tổng số mặt hàng."))
            elif viet is not None and total is not None and viet > total:
                self.add_error(f"q{question.pk}_viet", _("Số mặt hàng Việt không thể lớn hơn tổng số mặt hàng."))
        return data

    def answers(self) -> dict[int, dict[str, Any]]:
        """``{question id: answer fields}`` of the questions answered."""
        data = self.cleaned_data
        found: dict[int, dict[str, Any]] = {}
        for question in self.questions:
            name = f"q{question.pk}"
            if question.kind == Question.Kind.SINGLE and data.get(name) not in (None, ""):
                found[question.pk] = {"choices": [int(data[name])]}
            elif question.kind == Question.Kind.MULTIPLE and data.get(name):
                found[question.pk] = {"choices": sorted(int(v) for v in data[name])}
            elif question.kind == Question.Kind.SCALE and data.get(name):
                found[question.pk] = {"scale": int(data[name])}
            elif question.kind == Question.Kind.TEXT and data.get(name):
                found[question.pk] = {"text": normalize_text(data[name])}
            elif question.kind == Question.Kind.SHELF and data.get(f"{name}_total") is not None:
                found[question.pk] = {"viet_items": data[f"{name}_viet"], "total_items": data[f"{name}_total"]}
        return found


def check_not_empty(answers: dict[int, dict[str, Any]]) -> None:
    if not answers:
        raise ValidationError(_("Phiếu trống: hãy trả lời ít nhất một câu hỏi."))
