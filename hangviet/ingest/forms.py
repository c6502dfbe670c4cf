"""The review form: one small form per extracted figure (accept, indicator, value), as a formset."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number


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
