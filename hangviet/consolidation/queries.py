"""Live consolidation: completeness of a period's reports and totals by indicator kind.

A value counts the moment its report is accepted: every total here is read from the totals the accepting
transaction maintains (``reporting.totals``), with no batch job or cache in between. Where the registries
compute an indicator for the committee's whole scope, that de-duplicated figure is the total (an event
co-organised by two reporters counts once; computed when the page is read, once per committee shown), and
the reporters' rows keep what they typed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hangviet.indicators.aggregation import PhaseValue, change_ratio, combine_years, total_of
from hangviet.indicators.catalogue import RATIO_PARTS
from hangviet.indicators.models import Indicator
from hangviet.lib.periods import PeriodKey, PhaseKey
from hangviet.orgs.catalogue import in_words
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_overseer_ids, list_predecessor_ids, list_subtree_ids
from hangviet.orgs.queries import name_on
from hangviet.periods.models import Deadline, Period, deadline_for
from hangviet.registry.figure_cache import cached
from hangviet.registry.figures import Figure, Scope, compute, scope_for_organisation
from hangviet.reporting.models import Report, ReportCount, ReportValue, StockPart, Total
from hangviet.reporting.totals import DEPTH
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
# How the phase table, its export and the drafted phase review say how the years combine.
PHASE_NOTE = (
    "Chỉ tính các báo cáo năm đã được tiếp nhận. Chỉ tiêu phát sinh: cộng các năm; số hiện có: số của năm cuối "
    "có số liệu (ghi năm); tỷ lệ không cộng, không lấy bình quân: xem theo từng năm."
)


def exists_on(day: datetime.date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def expected_reporters(committee: Organisation, period: Period) -> list[Organisation]:
    """Who reports to ``committee`` for ``period``: its agencies and lower committees that existed at the
    period's end. District committees (ended 30/6/2025) report for 2025-H1 but not for the year 2025; an
    agency merged into another during the period is expected once, as its successor."""
    return list(
        Organisation.objects.filter(exists_on(period.end), parent=committee)
        .exclude(kind=Organisation.Kind.DEPARTMENT)  # a body outside the committee does not report to it
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
    return _state_of(report.status, report.submitted_at, deadline)


def compute_completeness(committee: Organisation, period: Period) -> Completeness:
    """Who reported on time, late, or not at all, for one committee and period."""
    deadline = deadline_for(committee, period)
    reporters = expected_reporters(committee, period)
    reports = {
        r.organisation_id: r
        for r in Report.objects.filter(period=period, organisation_id__any_of=[org.pk for org in reporters])
    }
    rows = [
        ReporterState(org, name_on(org, period.end), reports.get(org.pk), _state(reports.get(org.pk), deadline))
        for org in reporters
    ]
    return Completeness(committee, period, deadline, rows)


@dataclass(frozen=True)
class CompletenessCount:
    expected: int
    submitted: int
    on_time: int


def _state_of(status: str, submitted_at: datetime.datetime | None, deadline: datetime.date) -> str:
    """``_state`` of a report known by its status and sending time (no model instance: the map has thousands)."""
    if status in (Report.Status.DRAFT, Report.Status.RETURNED):
        return str(status)
    submitted_on = timezone.localdate(submitted_at) if submitted_at else deadline
    return "on_time" if submitted_on <= deadline else "late"


def completeness_counts(committees: list[Organisation], period: Period) -> dict[int, CompletenessCount]:
    """``compute_completeness``'s counts for many committees at once (the national map's 34 provinces and their
    merged predecessors): three queries whatever their number, the same reporters and states."""
    ids = [committee.pk for committee in committees]
    deadlines = dict(Deadline.objects.filter(committee_id__in=ids, period=period).values_list("committee_id", "due_on"))
    reporters = list(
        Organisation.objects.filter(exists_on(period.end), parent_id__in=ids)
        .exclude(kind=Organisation.Kind.DEPARTMENT)
        .values_list("id", "parent_id")
    )
    reports = {
        organisation: (status, submitted_at)
        for organisation, status, submitted_at in Report.objects.filter(
            period=period, organisation_id__any_of=[pk for pk, _parent in reporters]
        ).values_list("organisation_id", "status", "submitted_at")
    }
    tally: dict[int, list[int]] = {pk: [0, 0, 0] for pk in ids}
    for organisation, parent in reporters:
        counts = tally[parent]
        counts[0] += 1
        if organisation in reports:
            deadline = deadlines.get(parent) or period.key.default_deadline
            state = _state_of(*reports[organisation], deadline)
            counts[1] += state in ("on_time", "late")
            counts[2] += state == "on_time"
    return {pk: CompletenessCount(*counts) for pk, counts in tally.items()}


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
    kept: dict[str, str] = field(default_factory=dict)  # which figure a stock kept by one level used
    subtree: frozenset[int] | None = None  # the committee's subtree, when its scope needed it (not the nation's)

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


def _read_totals(
    period_ids: list[int], node_ids: list[int], indicators: list[Indicator]
) -> dict[tuple[int, int], dict[str, Decimal]]:
    """``{(period, node): {indicator: total}}`` from the maintained totals, in one query."""
    by_id = {indicator.pk: indicator for indicator in indicators}
    found: dict[tuple[int, int], dict[str, Decimal]] = defaultdict(dict)
    rows = Total.objects.filter(period_id__in=period_ids, organisation_id__any_of=node_ids, count__gt=0).values_list(
        "period_id", "organisation_id", "indicator_id", "value", "count"
    )
    for period_id, node_id, indicator_id, value, count in rows:
        indicator = by_id.get(indicator_id)
        if indicator is None:
            continue
        total = total_of(indicator.kind, value, count)
        if total is not None:
            found[(period_id, node_id)][indicator.code] = total
    return found


def _fill_rows(rows: list[TableRow], period: Period, indicators: list[Indicator]) -> None:
    """Each reporter's and historic committee's row is its node's total; the committee's own row is its own
    accepted report (the node of the committee holds everything below it: that is the table's total)."""
    nodes = [row.organisation.pk for row in rows if row.kind != "own"]
    found = _read_totals([period.pk], nodes, indicators)
    counts = dict(
        ReportCount.objects.filter(period=period, organisation_id__any_of=nodes, reports__gt=0).values_list(
            "organisation_id", "reports"
        )
    )
    own_reports = Report.objects.filter(period=period, organisation_id__any_of=[row.organisation.pk for row in rows])
    by_organisation = {report.organisation_id: report for report in own_reports}
    codes = {indicator.pk: indicator.code for indicator in indicators}
    for row in rows:
        row.report = by_organisation.get(row.organisation.pk)
        if row.kind != "own":
            row.values = found.get((period.pk, row.organisation.pk), {})
            row.accepted_reports = counts.get(row.organisation.pk, 0)
        elif row.report is not None and row.report.status == Report.Status.ACCEPTED:
            row.accepted_reports = 1
            for indicator_id, value in ReportValue.objects.filter(report=row.report).values_list(
                "indicator_id", "value"
            ):
                if indicator_id in codes:
                    row.values[codes[indicator_id]] = value


def committee_totals(
    committee: Organisation, periods: list[Period], indicators: list[Indicator], *, registry: bool = True
) -> dict[int, dict[str, Decimal | None]]:
    """``{period id: {indicator: total}}`` of the committee's whole subtree for several periods in one query
    of the maintained totals, with the registries' figure as the total where they compute one (unless
    ``registry`` is false: then what the accepted reports add up to)."""
    found = _read_totals([period.pk for period in periods], [committee.pk], indicators)
    scope = scope_for_organisation(committee) if registry and periods else None
    result: dict[int, dict[str, Decimal | None]] = {}
    for period in periods:
        reported = found.get((period.pk, committee.pk), {})
        totals: dict[str, Decimal | None] = {indicator.code: reported.get(indicator.code) for indicator in indicators}
        if scope is not None:
            figures = registry_totals(committee, period, indicators, scope=scope)
            totals.update({code: figure.value for code, figure in figures.items()})
        result[period.pk] = totals
    return result


def consolidate(committee: Organisation, period: Period, *, with_last_year: bool = True) -> Table:
    """The committee's table for a period: one row per reporter with the accepted figures of everything
    below it, its own row, and rows for historic committees merged into it (under their own names).

    Every figure is read from the totals maintained at acceptance (``reporting.totals``): one query for the
    rows, one for the committee's total, whatever the number of values below it."""
    indicators = list(Indicator.objects.order_by("order"))
    rows = _row_roots(committee, period)
    _fill_rows(rows, period, indicators)
    before = Period.objects.find(period.key.same_period_last_year()) if with_last_year else None
    used = [period, before] if before is not None else [period]  # a period nobody ever used holds no figures
    found = _read_totals([p.pk for p in used], [committee.pk], indicators)
    subtree = found.get((period.pk, committee.pk), {})
    reported: dict[str, Decimal | None] = {indicator.code: subtree.get(indicator.code) for indicator in indicators}
    scope = scope_for_organisation(committee)
    registry = registry_totals(committee, period, indicators, scope=scope)
    totals = {**reported, **{code: figure.value for code, figure in registry.items()}}
    last_year: dict[str, Decimal | None] = {}
    if before is not None:
        earlier = found.get((before.pk, committee.pk), {})
        last_year = {indicator.code: earlier.get(indicator.code) for indicator in indicators}
        figures = registry_totals(committee, before, indicators, scope=scope)
        last_year.update({code: figure.value for code, figure in figures.items()})
    kept = kept_stock_notes(committee, period, indicators)
    return Table(
        committee, period, indicators, rows, totals, last_year, registry, reported, kept, scope.organisation_ids
    )


def kept_stock_notes(committee: Organisation, period: Period, indicators: list[Indicator]) -> dict[str, str]:
    """For each stock one level keeps for its area (``Indicator.owner_level``) whose total in the committee's
    node is not the plain sum of the figures below it: which figure it used — that level's own, or the sum of
    the figures below where that level reported none (``reporting.totals``, ``StockPart``)."""
    kept = [indicator for indicator in indicators if indicator.owner_level]
    levels = {
        indicator.owner_level
        for indicator in kept
        if DEPTH.get(committee.unit.level, 0) <= DEPTH[indicator.owner_level]
    }
    if not levels:
        return {}  # below the keeping level everything adds up
    parts = list(
        StockPart.objects.filter(period=period, indicator__in=kept)
        .exclude(owner_count=0, below_count=0)
        .values_list("scope_id", "indicator_id", "owner_count", "below_count")
    )
    if not parts:
        return {}
    if committee.parent_id is None:
        scopes = {scope for scope, *_rest in parts}
    elif levels == {committee.unit.level}:
        scopes = {committee.pk, *list_predecessor_ids({committee.pk})}
    else:
        scopes = list_subtree_ids({committee.pk})
    notes: dict[str, str] = {}
    for indicator in kept:
        if indicator.owner_level not in levels:
            continue
        rows = [(owner, below) for scope, pk, owner, below in parts if pk == indicator.pk and scope in scopes]
        own = sum(1 for owner, _below in rows if owner)
        left_out = any(owner and below for owner, below in rows)
        summed = sum(1 for owner, below in rows if not owner and below)
        level = Unit.Level(indicator.owner_level).label.lower()
        if own and summed:
            notes[indicator.code] = str(
                _(
                    "Số liệu của %(level)s ở %(own)s địa bàn; cộng số liệu cấp dưới ở %(summed)s địa bàn "
                    "%(level)s chưa báo cáo"
                )
                % {"level": level, "own": own, "summed": summed}
            )
        elif left_out:
            notes[indicator.code] = str(
                _("Số liệu của %(level)s; số liệu cấp dưới đã nằm trong đó, không cộng thêm") % {"level": level}
            )
    return notes


def registry_totals(
    committee: Organisation, period: Period, indicators: list[Indicator], *, scope: Scope | None = None
) -> dict[str, Figure]:
    """The figures the registries compute for the committee's whole scope (its area and everything below it),
    each event once however many of its organisers report to the committee; ratios are never computed.
    ``scope``: the committee's, when the caller has it already (``registry.figures.scope_for_organisation``)."""
    codes = {indicator.code for indicator in indicators if indicator.kind != Indicator.Kind.RATIO}
    found = cached(
        f"o:{committee.pk}",
        period.start,
        period.end,
        lambda: compute(scope or scope_for_organisation(committee), period.start, period.end),
    )
    return {code: figure for code, figure in found.items() if code in codes}


def trend(
    committee: Organisation,
    period: Period,
    *,
    length: int = 6,
    known: Mapping[int, dict[str, Decimal | None]] | None = None,
) -> list[tuple[Period, dict[str, Decimal | None]]]:
    """Totals for the same kind of period over the last ``length`` years, oldest first, in one query of the
    maintained totals: what the accepted reports add up to, except for the periods in ``known`` (period id →
    totals the caller has already, such as its table's total and last year's, registry figures included)."""
    keys = [PeriodKey(period.year - back, period.key.kind) for back in range(length - 1, -1, -1)]
    stored = {p.key: p for p in Period.objects.filter(kind=period.kind, year__in=[key.year for key in keys])}
    found = {key: stored.get(key) for key in keys}  # a period never used holds no figures
    used = [earlier for earlier in found.values() if earlier is not None]
    indicators = list(Indicator.objects.order_by("order"))
    totals = {**committee_totals(committee, used, indicators, registry=known is None), **(known or {})}
    return [
        (earlier, totals[earlier.pk]) if earlier is not None else (Period(year=key.year, kind=key.kind), {})
        for key, earlier in found.items()
    ]


def aggregate_roots(unit: Unit) -> list[Organisation]:
    """The committees whose subtrees ``aggregate_for_unit(unit, ...)`` sums: the unit's own and its sources'."""
    units = [unit, *list_sources(unit)]
    return list(Organisation.objects.filter(unit__in=units, kind=Organisation.Kind.COMMITTEE).order_by("pk"))


def aggregate_for_unit(unit: Unit, period: Period) -> dict[str, Decimal | None]:
    """``{indicator: total}`` of the accepted reports of every organisation in the unit's whole subtree,
    historic units included (Tỉnh Vĩnh Long's 2023 counts Trà Vinh's reports), from the maintained totals."""
    roots = aggregate_roots(unit)
    ids = {root.pk for root in roots}
    # A root merged into another root is in that root's node already: count it once.
    separate = [root.pk for root in roots if not (list_overseer_ids(root) & ids)]
    indicators = list(Indicator.objects.all())
    kinds = {indicator.pk: (indicator.code, indicator.kind) for indicator in indicators}
    sums: dict[int, Decimal] = defaultdict(Decimal)
    counts: dict[int, int] = defaultdict(int)
    rows = Total.objects.filter(period=period, organisation_id__in=separate, count__gt=0).values_list(
        "indicator_id", "value", "count"
    )
    for indicator_id, value, count in rows:
        sums[indicator_id] += value
        counts[indicator_id] += count
    return {code: total_of(kind, sums[pk], counts[pk]) for pk, (code, kind) in kinds.items()}


def rollup_by_province(period: Period) -> dict[int, dict[str, Decimal]]:
    """National roll-up: ``{province unit id: {indicator: total}}`` for flows and stocks, in one query of the
    totals maintained at the current province committees (historic ones count in their successor's).
    Ratios are never summed and are left out."""
    rows = (
        Total.objects.filter(
            period=period,
            count__gt=0,
            organisation__kind=Organisation.Kind.COMMITTEE,
            organisation__unit__level=Unit.Level.PROVINCE,
            organisation__unit__edition=Unit.Edition.CURRENT,
        )
        .exclude(indicator__kind=Indicator.Kind.RATIO)
        .values_list("organisation__unit_id", "indicator__code", "value")
    )
    result: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for province_id, code, total in rows:
        result[province_id][code] = total
    return dict(result)


def count_waiting_review(committee: Organisation, period: Period, *, subtree: frozenset[int] | None = None) -> int:
    """Reports sent but not yet accepted anywhere below ``committee`` for ``period``: the totals leave them
    out, and the table says how many. ``subtree``: the committee's, when the caller has it already."""
    waiting = Report.objects.filter(period=period, status=Report.Status.SUBMITTED).exclude(organisation=committee)
    if subtree is None and committee.parent_id is None:
        roots = Organisation.objects.filter(parent__isnull=True, successions_out__isnull=True).values_list(
            "pk", flat=True
        )
        if list(roots[:2]) == [committee.pk]:
            return waiting.count()  # the one root (the central committee): every report is below it
    below = (subtree if subtree is not None else list_subtree_ids([committee.pk])) - {committee.pk}
    return waiting.filter(organisation_id__any_of=below).count()


@dataclass
class PhaseLine:
    indicator: Indicator
    by_year: dict[int, Decimal | None]
    phase: PhaseValue


@dataclass
class PhaseTable:
    """A committee's figures over a phase: one column per year, read from the yearly reports' totals, and the
    phase's column combined by kind (``indicators.aggregation.combine_years``)."""

    committee: Organisation
    phase: PhaseKey
    lines: list[PhaseLine]
    accepted: dict[int, int]  # year → accepted yearly reports in the committee's whole subtree

    @property
    def years(self) -> list[int]:
        return self.phase.years

    @property
    def years_without_data(self) -> list[int]:
        return [year for year in self.years if not self.accepted.get(year)]

    @property
    def accepted_total(self) -> int:
        return sum(self.accepted.values())


def phase_table(committee: Organisation, phase: PhaseKey) -> PhaseTable:
    """The committee's year-by-year table over ``phase``: what the accepted yearly reports of its whole subtree
    add up to each year (one query of the maintained totals for all the years, one for the report counts),
    and the phase column — flows summed, stocks as of the last year that has one, ratios from the sums of
    their parts where the catalogue has them, else year by year. The registries' figures are not laid over
    it: a phase reads the yearly reports as accepted (each year's table says where the registries differ)."""
    indicators = list(Indicator.objects.order_by("order"))
    periods = {period.year: period for period in Period.objects.filter(kind=Period.Kind.YEAR, year__in=phase.years)}
    found = _read_totals([period.pk for period in periods.values()], [committee.pk], indicators)
    counts = dict(
        ReportCount.objects.filter(period__in=list(periods.values()), organisation=committee).values_list(
            "period__year", "reports"
        )
    )
    by_code: dict[str, dict[int, Decimal | None]] = {
        indicator.code: {
            year: found.get((periods[year].pk, committee.pk), {}).get(indicator.code) if year in periods else None
            for year in phase.years
        }
        for indicator in indicators
    }
    lines = []
    for indicator in indicators:
        names = RATIO_PARTS.get(indicator.code)
        parts = (by_code[names[0]], by_code[names[1]]) if names and all(name in by_code for name in names) else None
        lines.append(
            PhaseLine(
                indicator, by_code[indicator.code], combine_years(indicator.kind, by_code[indicator.code], parts=parts)
            )
        )
    return PhaseTable(committee, phase, lines, {year: counts.get(year, 0) for year in phase.years})
