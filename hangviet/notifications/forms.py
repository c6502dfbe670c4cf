from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hangviet.lib.forms import StyledFormMixin
from hangviet.notifications.models import Preference


class PreferenceForm(StyledFormMixin, forms.Form):
    channel = forms.ChoiceField(label=_("Nhận thông báo qua"), choices=Preference.Channel.choices)


class PageForm(forms.Form):
    trang = forms.IntegerField(min_value=1, max_value=10_000, required=False)
