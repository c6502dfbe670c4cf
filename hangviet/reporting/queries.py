"""Read helpers for reports."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from hangviet.audit.log import list_events_for
from hangviet.indicators.models import Indicator, ValidationRule
from hangviet.lib.i18n import catalogue_text
from hangviet.lib.periods import PeriodKey, period_of_day
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_predecessor_ids
from hangviet.periods.models import Deadline, Period
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
    rules' own variables in words, in the reader's language (never an internal code on screen)."""
    from django.utils.translation import gettext as _

    labels = {indicator.code: catalogue_text(indicator.name) for indicator in form_indicators(report)}
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
class OwedReport:
    """A report an organisation owes the committee above it: late, returned, still a draft, or due soon."""

    organisation: Organisation
    key: PeriodKey
    deadline: datetime.date
    report: Report | None
    state: str  # "late", "returned", "due"
    days: int  # days past the deadline (late) or left before it (due)


def reports_owed(
    organisations: Iterable[Organisation], day: datetime.date, *, ahead_days: int = 30
) -> list[OwedReport]:
    """What ``organisations`` still owe for the period being reported on and the one before (not submitted:
    missing, draft or returned), late ones first, then returned, then due within ``ahead_days``; and any
    report of theirs returned in an earlier period. Reads only (no period row is created)."""
    orgs = [organisation for organisation in organisations if organisation.parent_id is not None]
    if not orgs:
        return []
    keys = [period_of_day(day), period_of_day(day).previous()]
    periods = {(p.year, p.kind): p for p in Period.objects.filter(year__in={k.year for k in keys})}
    deadlines: dict[tuple[int, int], datetime.date] = {
        (row.committee_id, row.period_id): row.due_on
        for row in Deadline.objects.filter(committee_id__in={o.parent_id for o in orgs}, period__in=periods.values())
    }
    reports = {
        (report.organisation_id, report.period.year, report.period.kind): report
        for report in Report.objects.filter(organisation__in=orgs).select_related("period")
        if report.status in (Report.Status.DRAFT, Report.Status.RETURNED)
        or (report.period.year, report.period.kind) in {(k.year, k.kind) for k in keys}
    }
    owed: list[OwedReport] = []
    seen: set[tuple[int, int, str]] = set()
    for organisation in orgs:
        for key in keys:
            if not _expected(organisation, key):
                continue
            period = periods.get((key.year, key.kind))
            found = deadlines.get((organisation.parent_id or 0, period.pk)) if period else None
            deadline = found or key.default_deadline
            report = reports.get((organisation.pk, key.year, key.kind))
            seen.add((organisation.pk, key.year, key.kind))
            if report is not None and not report.is_editable:
                continue
            if report is not None and report.status == Report.Status.RETURNED:
                state = "returned"
            elif day > deadline:
                state = "late"
            elif (deadline - day).days <= ahead_days:
                state = "due"
            else:
                continue
            owed.append(OwedReport(organisation, key, deadline, report, state, abs((day - deadline).days)))
    for (org_id, year, kind), report in reports.items():
        if report.status == Report.Status.RETURNED and (org_id, year, kind) not in seen:
            organisation = next(o for o in orgs if o.pk == org_id)
            key = report.period.key
            owed.append(OwedReport(organisation, key, key.default_deadline, report, "returned", 0))
    order = {"late": 0, "returned": 1, "due": 2}
    return sorted(owed, key=lambda row: (order[row.state], row.deadline, row.organisation.name))


def _expected(organisation: Organisation, key: PeriodKey) -> bool:
    """The organisation existed at the period's end (as ``consolidation.expected_reporters`` asks)."""
    if organisation.valid_from is not None and organisation.valid_from > key.end:
        return False
    return organisation.valid_to is None or organisation.valid_to >= key.end


def reports_awaiting_review(committee_ids: set[int]) -> QuerySet[Report]:
    """Submitted reports the standing office of ``committee_ids`` reviews: those of organisations reporting to
    one of them, or to a committee merged into one of them, and those of the merged committees themselves (the
    same rule as ``policy.is_recipient_office``)."""
    if not committee_ids:
        return Report.objects.none()
    merged = list_predecessor_ids(committee_ids)
    return (
        Report.objects.filter(status=Report.Status.SUBMITTED)
        .filter(Q(organisation__parent_id__in=committee_ids | merged) | Q(organisation_id__in=merged))
        .select_related("organisation", "organisation__parent", "period")
        .order_by("submitted_at", "pk")
    )


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
    messages = {code: catalogue_text(text) for code, text in ValidationRule.objects.values_list("code", "message")}
    names = {code: catalogue_text(name) for code, name in Indicator.objects.values_list("code", "name")}
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
