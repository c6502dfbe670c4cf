"""Read helpers for reports."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from hangviet.audit.log import list_events_for
from hangviet.indicators.models import Indicator, ValidationRule
from hangviet.lib.periods import PeriodKey
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Deadline
from hangviet.registry.figures import Figure, figures_for_report
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


def figure_labels(report: Report) -> dict[str, str]:
    """How the checks panel names the figures a rule looked at: indicators by their Vietnamese names, the
    rules' own variables in words (never an internal code on screen)."""
    from django.utils.translation import gettext as _

    labels = {indicator.code: indicator.name for indicator in form_indicators(report)}
    labels |= {"value": _("Số đã nhập"), "registry": _("Theo sổ theo dõi"), "previous": _("Kỳ trước")}
    return labels


def registry_figures(report: Report, indicators: list[Indicator] | None = None) -> dict[str, Figure]:
    """``{indicator code: Figure}`` the registries compute for the report's organisation and period, for the
    indicators of its form: "theo sổ theo dõi" beside the fields, prefills, and the reconciliation rule."""
    codes = {indicator.code for indicator in (indicators if indicators is not None else form_indicators(report))}
    # A report holds the reporter's own activity; one entered from an old consolidated document stands for its
    # whole area (registry.figures.figures_for_report).
    whole_area = report.source == Report.Source.DOCUMENT
    found = figures_for_report(report.organisation, report.period.start, report.period.end, whole_area=whole_area)
    return {code: figure for code, figure in found.items() if code in codes}


def list_reports_of(organisation: Organisation) -> QuerySet[Report]:
    return (
        Report.objects.filter(organisation=organisation)
        .select_related("period")
        .order_by("-period__year", "period__kind")  # "H1" before "Y": lib.periods.newest_first
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


@dataclass(frozen=True)
class NoteChange:
    """One change of a warning explanation, as the report's history shows it."""

    at: datetime.datetime
    actor: str
    warning: str
    old: str
    new: str


def note_history(report: Report) -> list[NoteChange]:
    """Every change of the report's warning explanations, newest first: the warning in words (the rule's
    message, and the indicator's name for a rule over one figure), the words before and after."""
    messages = dict(ValidationRule.objects.values_list("code", "message"))
    names = dict(Indicator.objects.values_list("code", "name"))
    changes = []
    for event in list_events_for(report).filter(action="report.note_saved"):
        data = event.data
        warning = re.sub(r"%\(\w+\)s", "…", messages.get(data.get("rule", ""), ""))
        if data.get("indicator"):
            warning = f"{names.get(data['indicator'], '')}: {warning}"
        changes.append(
            NoteChange(
                at=event.at,
                actor=event.actor.get_username() if event.actor else "",
                warning=warning,
                old=data.get("old", ""),
                new=data.get("new", ""),
            )
        )
    return changes


def next_to_review(report: Report) -> Report | None:
    """The next submitted report waiting for the same committee in the same period (the oldest submission
    first), for the reviewer's "next report" link."""
    if report.organisation.parent_id is None:
        return None
    return (
        Report.objects.filter(
            organisation__parent_id=report.organisation.parent_id,
            period=report.period,
            status=Report.Status.SUBMITTED,
        )
        .exclude(pk=report.pk)
        .order_by("submitted_at", "pk")
        .first()
    )
