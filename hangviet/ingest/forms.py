"""The ingest forms: the upload choices, one small form per extracted figure (accept, indicator, value) and one
per proposed registry row (record, kind, name, place)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hangviet.ingest.list_rules import GROUP, SALE_POINT
from hangviet.lib.forms import PeriodField, VietnameseFormSet
from hangviet.lib.text import normalize_text
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.orgs.models import Organisation
from hangviet.registry.catalogue import EVENT_KIND_CHOICES, SALE_POINT_KIND_CHOICES


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


class ReviewChoicesForm(UploadChoicesForm):
    """The review page's choices: the organisation and period, the indicators whose several figures the
    clerk says add up, and the confirmation that a period other than the document's is meant."""

    summed = forms.MultipleChoiceField(required=False, choices=[])
    confirm_period = forms.BooleanField(required=False)

    def __init__(self, *args: Any, indicator_codes: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["summed"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(code, code) for code in indicator_codes]


class RowTextField(forms.CharField):
    """A line of text typed on the review page: NFC, spaces folded; a NUL character or an over-long text is
    refused with a Vietnamese reason (Django's catalogue lacks both)."""

    def __init__(self, *, max_length: int, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)
        self.validators = []  # Django's NUL and length validators speak English: checked in clean()

    def clean(self, value: Any) -> str:
        text = super().clean(value) or ""
        if "\x00" in text:
            raise forms.ValidationError(_("có ký tự không hợp lệ (NUL)."), code="null")
        text = normalize_text(text)
        if self.max_length is not None and len(text) > self.max_length:
            raise forms.ValidationError(_("dài quá %(limit)s ký tự.") % {"limit": self.max_length}, code="max_length")
        return text


#: Kinds a proposal may be changed to: within its own registry (an event does not become a store).
KIND_CHOICES = {SALE_POINT: SALE_POINT_KIND_CHOICES, GROUP: EVENT_KIND_CHOICES}
DEFAULT_KIND_CHOICES = EVENT_KIND_CHOICES


def kind_choices(registry: str) -> list[tuple[str, Any]]:
    return list(KIND_CHOICES.get(registry, DEFAULT_KIND_CHOICES))


class ProposalForm(forms.Form):
    """The clerk's decision on one proposed registry row: record it or not, and its kind, name and place."""

    decision = forms.BooleanField(required=False)
    kind = forms.CharField(required=False, max_length=20)
    name = RowTextField(required=False, max_length=500)
    place = RowTextField(required=False, max_length=500)

    def __init__(self, *args: Any, registries: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        position = (self.prefix or "").rsplit("-", 1)[-1]
        index = int(position) if position.isdigit() else len(registries)
        self.registry = registries[index] if index < len(registries) else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") and not data.get("name"):
            self.add_error("name", _("chưa có tên."))
        codes = {code for code, _label in kind_choices(self.registry)}
        if data.get("kind") and data["kind"] not in codes:
            self.add_error("kind", _("loại không thuộc sổ theo dõi này."))
        return data


ProposalFormSet = forms.formset_factory(ProposalForm, formset=VietnameseFormSet, extra=0)


def proposal_formset(data: dict, proposals: list[dict]):
    """The formset for a document's proposals; how many there are is the document's, never the browser's."""
    bound = data.copy()
    count = str(len(proposals))
    bound.update({"proposal-TOTAL_FORMS": count, "proposal-INITIAL_FORMS": count})
    registries = [proposal["registry"] for proposal in proposals]
    return ProposalFormSet(bound, prefix="proposal", form_kwargs={"registries": registries})


def decided_proposals(formset, proposals: list[dict]) -> tuple[list[dict], list[str]]:
    """The proposals with the clerk's decisions and edits applied, and a Vietnamese problem for each bad row."""
    formset.is_valid()
    decided, problems = [], []
    for index, (form, proposal) in enumerate(zip(formset.forms, proposals, strict=True)):
        row = dict(proposal)
        data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
        row["decision"] = "accept" if data.get("decision") else "reject"
        for name in ("kind", "name", "place"):
            sent = form.add_prefix(name) in form.data  # a row shown read-only sends nothing: keep the proposal's
            if sent and name not in form.errors and (data.get(name) or name == "place"):
                row[name] = data[name]
        for field, errors in form.errors.items():
            label = {"name": _("tên"), "place": _("địa điểm"), "kind": _("loại")}.get(field, field)
            for error in errors:
                problems.append(
                    _("Đề xuất sổ theo dõi dòng %(row)s, %(field)s: %(error)s")
                    % {"row": index + 1, "field": label, "error": error}
                )
        decided.append(row)
    return decided, problems
