from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hangviet.lib.forms import SaneDateField, StyledFormMixin, VietnameseFormSet
from hangviet.lib.text import normalize_text
from hangviet.orgs.models import Membership, Organisation


class AppointMemberForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    position = forms.CharField(label=_("Chức vụ, đơn vị công tác"), max_length=255, required=False)
    role = forms.ChoiceField(label=_("Vai trò trong Ban Chỉ đạo"), choices=Membership.Role.choices)
    agency = forms.ModelChoiceField(
        label=_("Đại diện cơ quan"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— Không —"),
    )
    start = SaneDateField(
        label=_("Từ ngày"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    decision = forms.CharField(label=_("Theo quyết định số"), max_length=255, required=False)

    def __init__(self, *args: object, committee: Organisation, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
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


class EndMembershipForm(StyledFormMixin, forms.Form):
    end = SaneDateField(
        label=_("Thôi nhiệm vụ từ ngày"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )


class ReconstituteForm(StyledFormMixin, forms.Form):
    """ "Kiện toàn": the date and decision, and for each current seat whether it continues and in which role."""

    on = SaneDateField(label=_("Ngày kiện toàn"), widget=forms.DateInput(attrs={"type": "date"}))
    decision = forms.CharField(label=_("Theo quyết định số"), max_length=255)

    def __init__(self, *args: object, current: list[Membership], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.current = current
        for seat in current:
            self.fields[f"keep_{seat.pk}"] = forms.BooleanField(label=_("Tiếp tục"), required=False, initial=True)
            self.fields[f"role_{seat.pk}"] = forms.ChoiceField(
                label=_("Vai trò mới"),
                choices=Membership.Role.choices,
                initial=seat.role,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    def clean_decision(self) -> str:
        return normalize_text(self.cleaned_data["decision"])

    def seat_rows(self) -> list[tuple[Membership, forms.BoundField, forms.BoundField]]:
        return [(seat, self[f"keep_{seat.pk}"], self[f"role_{seat.pk}"]) for seat in self.current]

    def continuing(self) -> list[tuple[Membership, str]]:
        return [
            (seat, self.cleaned_data[f"role_{seat.pk}"])
            for seat in self.current
            if self.cleaned_data[f"keep_{seat.pk}"]
        ]


class NewSeatForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120, required=False)
    position = forms.CharField(label=_("Chức vụ, đơn vị công tác"), max_length=255, required=False)
    role = forms.ChoiceField(label=_("Vai trò"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER)

    def clean_full_name(self) -> str:
        return normalize_text(self.cleaned_data["full_name"])

    def clean_position(self) -> str:
        return normalize_text(self.cleaned_data["position"])


NewSeatFormSet = forms.formset_factory(
    NewSeatForm, formset=VietnameseFormSet, extra=3, max_num=30, validate_max=True, absolute_max=30
)
