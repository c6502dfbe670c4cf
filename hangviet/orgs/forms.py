from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from hangviet.lib.text import normalize_text
from hangviet.orgs.models import Membership, Organisation


class AppointMemberForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    position = forms.CharField(label=_("Chức vụ, đơn vị công tác"), max_length=255, required=False)
    role = forms.ChoiceField(label=_("Vai trò trong Ban Chỉ đạo"), choices=Membership.Role.choices)
    agency = forms.ModelChoiceField(
        label=_("Đại diện cơ quan"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— Không —"),
    )
    start = forms.DateField(
        label=_("Từ ngày"), initial=datetime.date.today, widget=forms.DateInput(attrs={"type": "date"})
    )
    decision = forms.CharField(label=_("Theo quyết định số"), max_length=255, required=False)

    def __init__(self, *args: object, committee: Organisation, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["agency"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            parent=committee, kind=Organisation.Kind.AGENCY, valid_to__isnull=True
        ).order_by("name")

    def clean_full_name(self) -> str:
        name = normalize_text(self.cleaned_data["full_name"])
        if not name:
            raise forms.ValidationError(_("Vui lòng nhập họ và tên."))
        return name

    def clean_position(self) -> str:
        return normalize_text(self.cleaned_data["position"])


class EndMembershipForm(forms.Form):
    end = forms.DateField(
        label=_("Thôi nhiệm vụ từ ngày"), initial=datetime.date.today, widget=forms.DateInput(attrs={"type": "date"})
    )
