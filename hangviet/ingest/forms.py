"""The ingest forms: the upload choices, and one small form per extracted figure (accept, indicator, value)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hangviet.lib.forms import PeriodField
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.orgs.models import Organisation


class FactForm(forms.Form):
    """One figure's decision. Fields keep the page's names (``decision_3``, ``indicator_3``, ``value_3``)."""

    decision = forms.BooleanField(required=False)
    indicator = forms.CharField(required=False)
    value = forms.CharField(required=False)

    def __init__(self, *args: Any, codes: frozenset[str] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.codes = codes

    def add_prefix(self, field_name: str) -> str:
        return f"{field_name}_{self.prefix.rsplit('-', 1)[-1]}" if self.prefix else field_name

    def clean_value(self) -> int | float | None:
        raw = self.cleaned_data.get("value", "")
        if not raw.strip():
            return None
        try:
            number = parse_vn_number(raw)
        except NumberFormatError as error:
            raise forms.ValidationError(str(error)) from error
        return int(number) if number == number.to_integral_value() else float(number)


FactFormSet = forms.formset_factory(FactForm, extra=0)


def fact_formset(data: dict, count: int, codes: frozenset[str]):
    """The formset for a document's figures; how many there are is the document's, never the browser's."""
    bound = data.copy()
    bound.update({"form-TOTAL_FORMS": str(count), "form-INITIAL_FORMS": str(count)})
    return FactFormSet(bound, form_kwargs={"codes": codes})


def decided_facts(formset, facts: list[dict]) -> tuple[list[dict], list[str]]:
    """The facts with the clerk's decisions applied, and a Vietnamese problem for each bad number."""
    formset.is_valid()
    decided, problems = [], []
    for index, (form, fact) in enumerate(zip(formset.forms, facts, strict=True)):
        row = dict(fact)
        row["decision"] = "accept" if form.cleaned_data.get("decision") else "reject"
        code = form.cleaned_data.get("indicator") or fact["indicator"]
        row["indicator"] = code if code in form.codes else fact["indicator"]
        if "value" in form.errors:
            for error in form.errors["value"]:
                problems.append(_("Số liệu dòng %(row)s: %(error)s") % {"row": index + 1, "error": error})
        elif form.cleaned_data.get("value") is not None:
            row["value"] = form.cleaned_data["value"]
        decided.append(row)
    return decided, problems


class UploadChoicesForm(forms.Form):
    """What the clerk chose beside the files: the reporting organisation and period (both may be left to the
    reader, which recognises them from the document). Only organisations the user may import for are offered."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "Bạn không nhập số liệu cho đơn vị này; hãy chọn một đơn vị trong danh sách."
            )
        },
    )
    period = PeriodField(required=False)

    def __init__(self, *args: Any, organisations: Sequence[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[org.pk for org in organisations])
