"""The forms of the import and export pages: every request value is read through one of these."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hangviet.lib.forms import StyledFormMixin
from hangviet.registry.importing.headings import KIND_CHOICES


class ImportForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Sổ theo dõi"), choices=KIND_CHOICES)
    organisation = forms.IntegerField(label=_("Đơn vị ghi nhận"), min_value=1, max_value=2**63 - 1)
    file = forms.FileField(label=_("Tệp danh sách (.xlsx hoặc .csv)"))


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(required=True)


class ExportForm(forms.Form):
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    organisation = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
