"""A form mixin giving every widget the design system's classes (Bootstrap 5), and NFC text input."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hangviet.lib.periods import PeriodCodeError, PeriodKey, PhaseKey


def style_widget(widget: forms.Widget) -> None:
    """Give a widget the design system's classes (checkbox, select or text input)."""
    if isinstance(widget, forms.RadioSelect):
        # Radio buttons and CheckboxSelectMultiple: Django puts the class on the wrapping <div> as well as on
        # every input, so none is given (a bordered scrolling box around them is the template's).
        return
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select form-select-sm"
    else:
        css = "form-control form-control-sm"
    widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class StyledFormMixin:
    """Adds Bootstrap classes to widgets so templates can render ``field.as_widget`` as is."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style_widget(field.widget)


EARLIEST_DATE = datetime.date(1945, 9, 2)  # nothing the platform records happened before the Republic
YEARS_AHEAD = 10
MIN_YEAR, MAX_YEAR = 2000, 2100


def latest_date() -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year + YEARS_AHEAD, day=28 if (today.month, today.day) == (2, 29) else today.day)


def check_sane_date(value: datetime.date) -> None:
    """A date between 2/9/1945 and ten years from today, else a Vietnamese ValidationError."""
    latest = latest_date()
    if not EARLIEST_DATE <= value <= latest:
        raise forms.ValidationError(
            _("Ngày phải từ %(earliest)s đến %(latest)s.")
            % {"earliest": EARLIEST_DATE.strftime("%d/%m/%Y"), "latest": latest.strftime("%d/%m/%Y")},
            code="date_range",
        )


def check_year(value: int) -> None:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise forms.ValidationError(
            _("Năm phải từ %(min)s đến %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR}, code="year_range"
        )


class SaneDateField(forms.DateField):
    """A date field that refuses 0001-01-01 and 9999-12-31: dates within 1945 .. today + 10 years."""

    default_validators = [check_sane_date]


class YearField(forms.IntegerField):
    default_validators = [check_year]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", None)
        super().__init__(**kwargs)


class IdListField(forms.Field):
    """Database ids ticked in a list (``name=report`` several times): non-numbers are ignored, at most ``limit``."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, limit: int = 1000, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.limit = limit

    def to_python(self, value: Any) -> list[int]:
        items = value if isinstance(value, list | tuple) else ([value] if value else [])
        return [int(item) for item in items[: self.limit] if re.fullmatch(r"[0-9]{1,18}", str(item))]


if TYPE_CHECKING:
    _BaseFormSet = forms.BaseFormSet[forms.Form]
else:  # BaseFormSet is generic only in django-stubs
    _BaseFormSet = forms.BaseFormSet


class VietnameseFormSet(_BaseFormSet):
    """A formset whose own errors (a tampered or missing row count, too many rows) are in Vietnamese;
    Django's Vietnamese catalogue lacks them."""

    default_error_messages = {
        "missing_management_form": gettext_lazy(
            "Biểu mẫu gửi lên thiếu số dòng hoặc đã bị sửa; vui lòng tải lại trang rồi nhập lại."
        ),
        "too_many_forms": gettext_lazy("Chỉ được gửi tối đa %(num)d dòng."),
        "too_few_forms": gettext_lazy("Cần gửi ít nhất %(num)d dòng."),
    }


class _KeyField(forms.CharField):
    """A key written as its code; cleans to the parsed key (``None`` when left empty)."""

    length = 10
    error_code = "key"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", self.length)
        super().__init__(**kwargs)

    def parse(self, code: str) -> Any:
        raise NotImplementedError

    def clean(self, value: Any) -> Any:
        code = super().clean(value)
        if not code:
            return None
        try:
            return self.parse(code)
        except PeriodCodeError as error:
            raise forms.ValidationError(str(error), code=self.error_code) from error


class PeriodField(_KeyField):
    """A reporting period written as its code (``2026-H1``, ``2026``); cleans to a ``PeriodKey``."""

    error_code = "period"

    def parse(self, code: str) -> PeriodKey:
        return PeriodKey.parse(code)


class PhaseField(_KeyField):
    """A phase of whole years written as its code (``2019-2024``); cleans to a ``PhaseKey``."""

    length = 12
    error_code = "phase"

    def parse(self, code: str) -> PhaseKey:
        return PhaseKey.parse(code)


class PeriodForm(forms.Form):
    """One period chosen by its code (opening a report, drafting a Báo cáo)."""

    period = PeriodField(error_messages={"required": gettext_lazy("Hãy chọn kỳ báo cáo.")})


def form_errors(form: forms.BaseForm) -> str:
    """A form's errors as one Vietnamese sentence list, for a message above the page."""
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def run_action[Done](request: HttpRequest, form: forms.BaseForm, act: Callable[[dict[str, Any]], Done]) -> Done | None:
    """One POST through its form and its action: the action's result, or ``None`` when the form's errors or the
    action's ``ValidationError`` were put in a message instead (the caller shows the form again, nothing lost).
    Actions return what they changed, never ``None``."""
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return None
    try:
        return act(form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None


def messages_of(errors: Iterable[object]) -> list[str]:
    """The messages of an ErrorList as strings (Django yields them as str; django-stubs allows lazy strings and
    ValidationError too)."""
    return [str(error) for error in errors]
