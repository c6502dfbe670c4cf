"""Live consolidation: completeness of a period's reports and totals by indicator kind.

A value counts the moment its report is accepted: every total here is computed from accepted reports
when asked, with no batch job in between. Where the registries compute an indicator for the committee's whole
scope, that de-duplicated figure is the total (an event co-organised by two reporters counts once), and the
reporters' rows keep what they typed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hangviet.indicators.aggregation import change_ratio, combine_units
from hangviet.indicators.models import Indicator
from hangviet.lib.periods import PeriodKey
from hangviet.orgs.catalogue import in_words
from hangviet.orgs.models import Organisation, OrganisationSuccession
from hangviet.orgs.policy import list_subtree_ids
from hangviet.orgs.queries import name_on
from hangviet.periods.models import Period, deadline_for
from hangviet.registry.figures import Figure, figures_for_organisation
from hangviet.reporting.models import Report, ReportValue
from hangviet.units.models import Unit
from hangviet.units.queries import list_sources

STATE_LABELS = {
    "on_time": _("Đúng hạn"),
    "late": _("Trễ hạn"),
    "returned": _("Bị trả lại, chờ gửi lại"),
    "draft": _("Đang soạn, chưa gửi"),
    "missing": _("Chưa báo cáo"),
}

# How the table, its export and the drafted report say that a total comes from the registries.
REGISTRY_MARK = "Tổng cộng theo sổ theo dõi"
REGISTRY_NOTE = (
    "Theo sổ theo dõi, mỗi sự kiện tính một lần (một sự kiện nhiều đơn vị cùng tổ chức chỉ tính một lần); "
    "sản phẩm OCOP, điểm bán, khu dân cư, câu lạc bộ tính đến ngày cuối kỳ."
)


def exists_on(day: datetime.date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def expected_reporters(committee: Organisation, period: Period) -> list[Organisation]:
    """Who reports to ``committee`` for ``period``: its agencies and lower committees that existed at the
    period's end. District committees (ended 30/6/2025) report for 2025-H1 but not for the year 2025; an
    agency merged into another during the period is expected once, as its successor."""
    return list(
        Organisation.objects.filter(exists_on(period.end), parent=committee)
        .select_related("unit")
        .prefetch_related("former_names")
        .order_by("kind", "name")
    )


@dataclass
class ReporterState:
    organisation: Organisation
    name: str
    report: Report | None
    state: str

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def has_submitted(self) -> bool:
        return self.state in ("on_time", "late")


@dataclass
class Completeness:
    committee: Organisation
    period: Period
    deadline: datetime.date
    rows: list[ReporterState]

    @property
    def submitted(self) -> int:
        return sum(row.has_submitted for row in self.rows)

    @property
    def rate(self) -> Decimal | None:
        return Decimal(self.submitted) / len(self.rows) if self.rows else None

    def count(self, state: str) -> int:
        return sum(row.state == state for row in self.rows)

    @property
    def waiting(self) -> list[ReporterState]:
        """Reporters still owing a report: nothing sent, a draft, or a returned report."""
        return [row for row in self.rows if not row.has_submitted]


def _state(report: Report | None, deadline: datetime.date) -> str:
    if report is None:
        return "missing"
    if report.status in (Report.Status.DRAFT, Report.Status.RETURNED):
        return str(report.status)
    submitted_on = timezone.localdate(report.submitted_at) if report.submitted_at else deadline
    return "on_time" if submitted_on <= deadline else "late"


def compute_completeness(committee: Organisation, period: Period) -> Completeness:
    """Who reported on time, late, or not at all, for one committee and period."""
    deadline = deadline_for(committee, period)
    reporters = expected_reporters(committee, period)
    reports = {r.organisation_id: r for r in Report.objects.filter(period=period, organisation__in=reporters)}
    rows = [
        ReporterState(org, name_on(org, period.end), reports.get(org.pk), _state(reports.get(org.pk), deadline))
        for org in reporters
    ]
    return Completeness(committee, period, deadline, rows)


@dataclass
class TableRow:
    organisation: Organisation
    name: str
    kind: str  # "own", "reporter" or "historic"
    values: dict[str, Decimal] = field(default_factory=dict)
    accepted_reports: int = 0
    report: Report | None = None  # the row organisation's own report, for drill-down


@dataclass
class Table:
    committee: Organisation
    period: Period
    indicators: list[Indicator]
    rows: list[TableRow]
    totals: dict[str, Decimal | None]
    last_year: dict[str, Decimal | None]
    registry: dict[str, Figure] = field(default_factory=dict)  # the totals taken from the registries
    reported: dict[str, Decimal | None] = field(default_factory=dict)  # the sum of what the reporters typed

    def change(self, code: str) -> Decimal | None:
        return change_ratio(self.totals.get(code), self.last_year.get(code))

    @property
    def has_registry_totals(self) -> bool:
        return bool(self.registry)


def row_name(organisation: Organisation, day: datetime.date) -> str:
    """How a reporter is named in tables and footnotes: agencies by their name on that day, committees by
    their area ("Ban Chỉ đạo phường Trà Vinh"), as the reports write them."""
    if organisation.is_committee:
        return f"Ban Chỉ đạo {in_words(organisation.unit.name)}"
    return name_on(organisation, day)


def _row_roots(committee: Organisation, period: Period) -> list[TableRow]:
    day = period.end
    own = TableRow(committee, str(_("Thường trực Ban Chỉ đạo")), "own")
    reporters = [TableRow(org, row_name(org, day), "reporter") for org in expected_reporters(committee, period)]
    historic = [
        TableRow(org, row_name(org, day), "historic")
        for org in Organisation.objects.filter(exists_on(day), successions_out__successor=committee)
        .select_related("unit")
        .order_by("name")
    ]
    return [own, *reporters, *historic]


def _assign(rows: list[TableRow]) -> dict[int, int]:
    """Map every organisation below a row (children and predecessors, recursively) to that row's index."""
    owner = {row.organisation.pk: index for index, row in enumerate(rows)}
    frontier = {pk: index for pk, index in owner.items() if rows[index].kind != "own"}
    while frontier:
        found: dict[int, int] = {}
        for child, parent in Organisation.objects.filter(parent_id__in=frontier).values_list("id", "parent_id"):
            found.setdefault(child, frontier[parent])
        for old, new in OrganisationSuccession.objects.filter(successor_id__in=frontier).values_list(
            "predecessor_id", "successor_id"
        ):
            found.setdefault(old, frontier[new])
        frontier = {pk: index for pk, index in found.items() if pk not in owner}
        owner.update(frontier)
    return owner


def _sum_rows(rows: list[TableRow], period: Period, kinds: dict[str, str]) -> None:
    owner = _assign(rows)
    per_row: dict[tuple[int, str], list[Decimal]] = defaultdict(list)
    codes = dict(Indicator.objects.values_list("id", "code"))
    values = ReportValue.objects.filter(
        report__period=period, report__status=Report.Status.ACCEPTED, report__organisation_id__in=list(owner)
    ).values_list("report__organisation_id", "indicator_id", "value")
    for organisation_id, indicator_id, value in values.iterator(chunk_size=10_000):
        per_row[(owner[organisation_id], codes[indicator_id])].append(value)
    for (index, code), found in per_row.items():
        total = combine_units(kinds.get(code, "flow"), found)
        if total is not None:
            rows[index].values[code] = total
    counts = Report.objects.filter(period=period, status=Report.Status.ACCEPTED, organisation_id__in=list(owner))
    for organisation_id in counts.values_list("organisation_id", flat=True):
        rows[owner[organisation_id]].accepted_reports += 1


def consolidate(committee: Organisation, period: Period, *, with_last_year: bool = True) -> Table:
    """The committee's table for a period: one row per reporter with the accepted figures of everything
    below it, its own row, and rows for historic committees merged into it (under their own names)."""
    indicators = list(Indicator.objects.order_by("order"))
    kinds = {indicator.code: indicator.kind for indicator in indicators}
    rows = _row_roots(committee, period)
    _sum_rows(rows, period, kinds)
    own_reports = Report.objects.filter(period=period, organisation__in=[row.organisation for row in rows])
    by_organisation = {report.organisation_id: report for report in own_reports}
    for row in rows:
        row.report = by_organisation.get(row.organisation.pk)
    reported = {code: combine_units(kind, (row.values.get(code) for row in rows)) for code, kind in kinds.items()}
    registry = registry_totals(committee, period, indicators)
    totals = {**reported, **{code: figure.value for code, figure in registry.items()}}
    last_year: dict[str, Decimal | None] = {}
    if with_last_year:
        before = Period.objects.find(period.key.same_period_last_year())
        if before is not None:  # a period nobody ever used holds no figures
            last_year = consolidate(committee, before, with_last_year=False).totals
    return Table(committee, period, indicators, rows, totals, last_year, registry, reported)


def registry_totals(committee: Organisation, period: Period, indicators: list[Indicator]) -> dict[str, Figure]:
    """The figures the registries compute for the committee's whole scope (its area and everything below it),
    each event once however many of its organisers report to the committee; ratios are never computed."""
    codes = {indicator.code for indicator in indicators if indicator.kind != Indicator.Kind.RATIO}
    found = figures_for_organisation(committee, period.start, period.end)
    return {code: figure for code, figure in found.items() if code in codes}


def trend(
    committee: Organisation, period: Period, *, length: int = 6
) -> list[tuple[Period, dict[str, Decimal | None]]]:
    """Totals for the same kind of period over the last ``length`` years, oldest first."""
    series: list[tuple[Period, dict[str, Decimal | None]]] = []
    for back in range(length - 1, -1, -1):
        key = PeriodKey(period.year - back, period.key.kind)
        earlier = Period.objects.find(key)
        if earlier is None:  # never used: no figures, and a reading page creates nothing
            series.append((Period(year=key.year, kind=key.kind), {}))
        else:
            series.append((earlier, consolidate(committee, earlier, with_last_year=False).totals))
    return series


def aggregate_roots(unit: Unit) -> list[Organisation]:
    """The committees whose subtrees ``aggregate_for_unit(unit, ...)`` sums: the unit's own and its sources'."""
    units = [unit, *list_sources(unit)]
    return list(Organisation.objects.filter(unit__in=units, kind=Organisation.Kind.COMMITTEE).order_by("pk"))


def aggregate_for_unit(unit: Unit, period: Period) -> dict[str, Decimal | None]:
    """``{indicator: total}`` of the accepted reports of every organisation in the unit's whole subtree,
    historic units included (Tỉnh Vĩnh Long's 2023 counts Trà Vinh's reports)."""
    roots = aggregate_roots(unit)
    rows = [TableRow(root, root.name, "reporter") for root in roots]
    kinds = dict(Indicator.objects.values_list("code", "kind"))
    _sum_rows(rows, period, kinds)
    return {code: combine_units(kind, (row.values.get(code) for row in rows)) for code, kind in kinds.items()}


def rollup_by_province(period: Period) -> dict[int, dict[str, Decimal]]:
    """National roll-up: ``{province unit id: {indicator: total}}`` for flows and stocks, in one query.

    Each accepted report carries the current province of its organisation (historic ones included), so
    this is a single grouped sum. Ratios are never summed and are left out.
    """
    from django.db.models import Sum

    rows = (
        ReportValue.objects.filter(
            report__period=period, report__status=Report.Status.ACCEPTED, report__province__isnull=False
        )
        .exclude(indicator__kind=Indicator.Kind.RATIO)
        .values_list("report__province_id", "indicator__code")
        .annotate(total=Sum("value"))
        .order_by()
    )
    result: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for province_id, code, total in rows:
        result[province_id][code] = total
    return dict(result)


def count_waiting_review(committee: Organisation, period: Period) -> int:
    """Reports sent but not yet accepted anywhere below ``committee`` for ``period``: the totals leave them
    out, and the table says how many."""
    below = list_subtree_ids([committee.pk]) - {committee.pk}
    return Report.objects.filter(period=period, status=Report.Status.SUBMITTED, organisation_id__in=below).count()
