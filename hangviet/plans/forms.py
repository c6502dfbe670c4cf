"""The plan import review page as forms: the plan's header and one formset row per proposed task."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from hangviet.indicators.models import Indicator
from hangviet.lib.forms import SaneDateField, VietnameseFormSet, YearField
from hangviet.lib.i18n import catalogue_text
from hangviet.lib.timewindows import Window, parse_windows
from hangviet.orgs.models import Organisation
from hangviet.plans.models import Task

MAX_TASKS = 500
MAX_TEXT = 20_000


class CitedField(forms.Field):
    """The legal documents the plan cites, posted as hidden ``kind|number`` values (as the importer read them)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[tuple[str, str]]:
        items = value if isinstance(value, list | tuple) else ([value] if value else [])
        cited = []
        for item in items[:50]:
            kind, sep, number = str(item).partition("|")
            if not sep:
                continue
            kind, number = kind.strip(), number.strip()
            if len(number) > 80 or len(kind) > 40:
                raise forms.ValidationError(
                    _("Số, ký hiệu văn bản căn cứ “%(number)s” quá dài (tối đa 80 ký tự)."),
                    params={"number": number[:80] + "…"},
                    code="max_length",
                )
            if number:
                cited.append((kind, number))
        return cited


class PlanHeaderForm(forms.Form):
    title = forms.CharField(label=_("Trích yếu"), max_length=500, required=False)
    year = YearField(label=_("Năm"), required=False)
    number_symbol = forms.CharField(label=_("Số, ký hiệu"), max_length=80, required=False)
    purpose = forms.CharField(label=_("Mục đích"), max_length=MAX_TEXT, required=False, strip=False)
    requirements = forms.CharField(label=_("Yêu cầu"), max_length=MAX_TEXT, required=False, strip=False)
    focus = forms.CharField(label=_("Nội dung trọng tâm"), max_length=MAX_TEXT, required=False, strip=False)
    legal_basis = forms.CharField(label=_("Căn cứ"), max_length=MAX_TEXT, required=False)
    cited = CitedField(label=_("Căn cứ"), required=False)
    # The plan this one replaces, when the committee already has the same plan and the clerk chose to replace it.
    replace = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class UnitChoices(forms.Field):
    """Organisation ids as posted from a multiple select; the view keeps only the committee's own units."""

    widget = forms.SelectMultiple

    def to_python(self, value: Any) -> list[str]:
        items = value if isinstance(value, list | tuple) else ([value] if value else [])
        return [str(item)[:20] for item in items[:100]]


class ReviewTaskForm(forms.Form):
    keep = forms.BooleanField(required=False)
    ref = forms.CharField(max_length=20, required=False)
    parent = forms.CharField(max_length=20, required=False)  # the ref of the task it belongs to
    content = forms.CharField(max_length=MAX_TEXT, required=False)
    section = forms.CharField(max_length=255, required=False)
    lead = forms.CharField(max_length=20, required=False)
    lead_name = forms.CharField(max_length=255, required=False)
    coordinating = UnitChoices(required=False)
    coordinating_text = forms.CharField(max_length=500, required=False)
    when = forms.CharField(max_length=500, required=False)


ReviewTaskFormSet = forms.formset_factory(
    ReviewTaskForm, formset=VietnameseFormSet, extra=0, max_num=MAX_TASKS, validate_max=True, absolute_max=MAX_TASKS
)


class WritePlanForm(forms.Form):
    """The header of a plan the office writes on the page (not read from a document)."""

    title = forms.CharField(
        label=_("Trích yếu"), max_length=500, error_messages={"required": _("Hãy nhập trích yếu của kế hoạch.")}
    )
    number_symbol = forms.CharField(label=_("Số, ký hiệu (không bắt buộc)"), max_length=80, required=False)
    year = YearField(label=_("Năm"), error_messages={"required": _("Hãy nhập năm của kế hoạch.")})
    legal_basis = forms.CharField(
        label=_("Căn cứ (mỗi căn cứ một dòng)"), max_length=MAX_TEXT, required=False, widget=forms.Textarea
    )
    purpose = forms.CharField(label=_("Mục đích, yêu cầu"), max_length=MAX_TEXT, required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3


class IndicatorChoices(forms.ModelMultipleChoiceField):
    """Catalogue indicators shown by their names in the reader's language (never their codes)."""

    def label_from_instance(self, obj: Any) -> str:
        return catalogue_text(obj.name)


class WriteTaskForm(forms.Form):
    """One task of a plan written on the page; ``units`` are the committee's own organisations."""

    ref = forms.CharField(label=_("Mục"), max_length=20, error_messages={"required": _("Hãy ghi số mục, ví dụ II.1.")})
    parent = forms.CharField(label=_("Thuộc mục (không bắt buộc)"), max_length=20, required=False)
    content = forms.CharField(
        label=_("Nội dung"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Hãy nhập nội dung nhiệm vụ.")},
    )
    lead = forms.ChoiceField(
        label=_("Đơn vị chủ trì"),
        error_messages={
            "required": _("Hãy chọn đơn vị chủ trì."),
            "invalid_choice": _("Đơn vị chủ trì không thuộc Ban Chỉ đạo này."),
        },
    )
    coordinating = forms.MultipleChoiceField(
        label=_("Đơn vị phối hợp"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
        error_messages={"invalid_choice": _("Đơn vị phối hợp không thuộc Ban Chỉ đạo này.")},
    )
    when = forms.CharField(
        label=_("Thời gian"),
        max_length=500,
        required=False,
        help_text=_("Ví dụ: Quý II/2026; Tháng 3 và tháng 9/2026; Năm 2026."),
    )
    output = forms.CharField(label=_("Sản phẩm, kết quả"), max_length=500, required=False)
    indicators = IndicatorChoices(
        label=_("Chỉ tiêu liên quan (không bắt buộc)"),
        queryset=Indicator.objects.order_by("order", "name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
        error_messages={
            "invalid_choice": _("Chỉ tiêu đã chọn không có trong danh mục."),
            "invalid_pk_value": _("Chỉ tiêu đã chọn không có trong danh mục."),
        },
    )

    def __init__(
        self, *args: Any, units: Sequence[Organisation] = (), default_year: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.default_year = default_year
        choices = [(str(unit.pk), unit.name) for unit in units]
        cast(forms.ChoiceField, self.fields["lead"]).choices = [("", _("— Chọn đơn vị —")), *choices]
        cast(forms.MultipleChoiceField, self.fields["coordinating"]).choices = choices
        for name, field in self.fields.items():
            css = "form-select form-select-sm" if name in {"lead", "coordinating", "indicators"} else "form-control"
            field.widget.attrs.setdefault("class", css if css.startswith("form-select") else f"{css} form-control-sm")

    def clean_when(self) -> list[Window]:
        text = self.cleaned_data["when"].strip()
        if not text:
            return []
        windows = parse_windows(text, default_year=self.default_year)
        if not windows:
            raise forms.ValidationError(
                _("Không đọc được thời gian “%(when)s”; hãy viết như: Quý II/2026; Tháng 3 và tháng 9/2026; Năm 2026."),
                params={"when": text[:100]},
                code="unreadable",
            )
        return windows


class WriteTaskFormSet(VietnameseFormSet):
    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            if not form.has_changed() and form.empty_permitted or not hasattr(form, "cleaned_data"):
                continue
            ref, parent = form.cleaned_data.get("ref", ""), form.cleaned_data.get("parent", "")
            if parent and parent not in seen:
                form.add_error("parent", _("Mục “%(parent)s” không có ở các nhiệm vụ phía trên.") % {"parent": parent})
            if ref in seen:
                form.add_error("ref", _("Mục “%(ref)s” đã dùng cho nhiệm vụ khác.") % {"ref": ref})
            if ref:
                seen.add(ref)


WriteTaskFormSetFactory = forms.formset_factory(
    WriteTaskForm,
    formset=WriteTaskFormSet,
    extra=1,
    min_num=1,
    validate_min=True,
    max_num=MAX_TASKS,
    validate_max=True,
    absolute_max=MAX_TASKS,
)


class ProgressForm(forms.Form):
    """The lead unit's progress update; the evidence file is checked by the action (lib/uploads.py)."""

    status = forms.ChoiceField(label=_("Trạng thái"), choices=Task.Status.choices)
    note = forms.CharField(label=_("Ghi chú kết quả"), max_length=5000, required=False)
    evidence = forms.FileField(label=_("Minh chứng (không bắt buộc)"), required=False)


class LeadMappingForm(forms.Form):
    """Cascading a plan: for each task of the plan above, the unit of this committee that leads it (or none).

    One field per task, ``lead_<task id>``; only this committee's own units can be chosen."""

    def __init__(self, *args: Any, tasks: Sequence[Task], units: Sequence[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tasks = list(tasks)
        choices = Organisation.objects.filter(pk__in=[unit.pk for unit in units])
        for task in self.tasks:
            self.fields[f"lead_{task.pk}"] = forms.ModelChoiceField(
                queryset=choices,
                required=False,
                error_messages={
                    "invalid_choice": _("Mục %(ref)s: đơn vị chủ trì không thuộc Ban Chỉ đạo này.") % {"ref": task.ref}
                },
            )

    def mapping(self) -> dict[int, Organisation | None]:
        return {task.pk: self.cleaned_data.get(f"lead_{task.pk}") for task in self.tasks}


class DayForm(forms.Form):
    """The day the overdue board is seen on (``?ngay=2026-12-31``); today when left out."""

    ngay = SaneDateField(required=False)
