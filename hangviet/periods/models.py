"""Reporting periods (six-month ``2026-H1`` and yearly ``2026``) and each committee's deadlines."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.lib.periods import PeriodKey
from hangviet.orgs.models import Organisation


class PeriodManager(models.Manager["Period"]):
    def for_key(self, key: PeriodKey) -> Period:
        period, _created = self.get_or_create(year=key.year, kind=key.kind)
        return period

    def find(self, key: PeriodKey) -> Period | None:
        """The period for ``key`` if it was ever used, without creating it (reading pages write nothing)."""
        return self.filter(year=key.year, kind=key.kind).first()

    def for_code(self, code: str) -> Period:
        """The period for ``"2026-H1"`` or ``"2026"``, created on first use; raises PeriodCodeError."""
        return self.for_key(PeriodKey.parse(code))


class Period(models.Model):
    class Kind(models.TextChoices):
        HALF_YEAR = "H1", _("6 tháng đầu năm")
        YEAR = "Y", _("Cả năm")

    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại kỳ"), max_length=2, choices=Kind.choices)

    objects = PeriodManager()

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["-year", "-kind"]
        constraints = [models.UniqueConstraint(fields=["year", "kind"], name="period_unique_year_kind")]

    def __str__(self) -> str:
        return self.key.label

    @property
    def key(self) -> PeriodKey:
        return PeriodKey(self.year, self.kind)  # type: ignore[arg-type]

    @property
    def code(self) -> str:
        return self.key.code

    @property
    def start(self) -> datetime.date:
        return self.key.start

    @property
    def end(self) -> datetime.date:
        return self.key.end


class Deadline(models.Model):
    """The day by which reporters must submit to ``committee`` for ``period`` ("trước ngày 10/12/2024")."""

    committee = models.ForeignKey(
        Organisation, verbose_name=_("Ban Chỉ đạo"), on_delete=models.CASCADE, related_name="deadlines"
    )
    period = models.ForeignKey(Period, verbose_name=_("kỳ báo cáo"), on_delete=models.CASCADE, related_name="deadlines")
    due_on = models.DateField(_("hạn gửi"))

    class Meta:
        verbose_name = _("hạn gửi báo cáo")
        verbose_name_plural = _("hạn gửi báo cáo")
        constraints = [models.UniqueConstraint(fields=["committee", "period"], name="deadline_unique_committee_period")]

    def __str__(self) -> str:
        return f"{self.committee} – {self.period}: {self.due_on}"


def deadline_for(committee: Organisation, period: Period) -> datetime.date:
    """The committee's deadline for the period, or the customary default (20/6, 20/12)."""
    found = Deadline.objects.filter(committee=committee, period=period).values_list("due_on", flat=True).first()
    return found or period.key.default_deadline
