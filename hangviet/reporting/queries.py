"""Read helpers for reports."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet

from hangviet.indicators.models import Indicator
from hangviet.lib.periods import PeriodKey
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Deadline
from hangviet.reporting.models import Report, ReportValue


def values_of(report: Report | None) -> dict[str, Decimal]:
    """``{indicator code: value}`` of a report (empty for none)."""
    if report is None:
        return {}
    return dict(ReportValue.objects.filter(report=report).values_list("indicator__code", "value"))


def find_report(organisation: Organisation, key: PeriodKey) -> Report | None:
    return Report.objects.filter(organisation=organisation, period__year=key.year, period__kind=key.kind).first()


def previous_values(report: Report) -> dict[str, Decimal]:
    """Values of the organisation's previous report (the one before this period), whatever its state."""
    return values_of(find_report(report.organisation, report.period.key.previous()))


def last_year_values(report: Report) -> dict[str, Decimal]:
    """Values of the organisation's report for the same period last year."""
    return values_of(find_report(report.organisation, report.period.key.same_period_last_year()))


def form_indicators(report: Report) -> list[Indicator]:
    return list(report.form.indicators.order_by("order"))


def list_reports_of(organisation: Organisation) -> QuerySet[Report]:
    return (
        Report.objects.filter(organisation=organisation)
        .select_related("period")
        .order_by("-period__year", "-period__kind")
    )


def periods_asked_of(organisation: Organisation, *, since_year: int) -> list[PeriodKey]:
    """Periods for which the committee above ``organisation`` has set a deadline (from ``since_year``)."""
    if organisation.parent_id is None:
        return []
    rows = Deadline.objects.filter(committee_id=organisation.parent_id, period__year__gte=since_year)
    return [
        PeriodKey(year, kind)  # type: ignore[arg-type]  # Period.kind holds a PeriodKind; the stubs say str
        for year, kind in rows.values_list("period__year", "period__kind")
    ]
