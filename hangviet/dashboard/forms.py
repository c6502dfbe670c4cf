"""The dashboard's GET filters: which period, and which measure colours the map."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hangviet.lib.periods import PeriodCodeError, PeriodKey, period_of_day

DEFAULT_MEASURE = "reporting_rate"
SELECT = {"class": "form-select form-select-sm mw-100"}


def default_period(today: datetime.date) -> PeriodKey:
    """The last period whose reports are due: the one before the period running today."""
    return period_of_day(today).previous()


def period_choices(today: datetime.date) -> list[PeriodKey]:
    current = period_of_day(today)
    keys = {PeriodKey(year, kind) for year in range(current.year - 4, current.year + 1) for kind in ("H1", "Y")}
    return sorted((key for key in keys if key <= current), reverse=True)


class DashboardForm(forms.Form):
    period = forms.ChoiceField(label=_("Kỳ báo cáo"), required=False, widget=forms.Select(attrs=SELECT))
    measure = forms.ChoiceField(label=_("Tô màu bản đồ theo"), required=False, widget=forms.Select(attrs=SELECT))

    def __init__(self, data: object, *, today: datetime.date, measures: list[tuple[str, str]]) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.today = today
        period, measure = self.fields["period"], self.fields["measure"]
        assert isinstance(period, forms.ChoiceField) and isinstance(measure, forms.ChoiceField)
        period.choices = [(key.code, capfirst(key.label)) for key in period_choices(today)]
        measure.choices = measures
        self.fields["period"].initial = default_period(today).code
        self.fields["measure"].initial = DEFAULT_MEASURE

    def _valid(self, name: str) -> str | None:
        """The field's value if it is valid; a bad field falls back to its default, the others keep theirs."""
        if not self.is_bound:
            return None
        self.is_valid()
        value = self.cleaned_data.get(name)
        return str(value) if value else None

    def chosen_period(self) -> PeriodKey:
        code = self._valid("period")
        try:
            return PeriodKey.parse(code) if code else default_period(self.today)
        except PeriodCodeError:  # pragma: no cover - the choices hold valid codes only
            return default_period(self.today)

    def chosen_measure(self) -> str:
        code = self._valid("measure")
        return code or DEFAULT_MEASURE
