"""What the dashboards show, read through consolidation's public functions (never a second way of summing).

- reporting rate and timeliness of a committee over its recent periods, with their denominators;
- key indicators this period against the same period last year, and their trend;
- plan progress by lead unit (done, still in time, overdue);
- for the nation, one entry per province of today (34), historic provinces counted in their successors.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from hangviet.consolidation.queries import (
    aggregate_roots,
    completeness_counts,
    compute_completeness,
    expected_reporters,
    registry_totals,
    rollup_by_province,
    trend,
)
from hangviet.indicators.aggregation import change_ratio
from hangviet.indicators.models import Indicator
from hangviet.lib.i18n import catalogue_text
from hangviet.lib.periods import PeriodKey
from hangviet.orgs.models import Organisation, UserRole
from hangviet.orgs.queries import name_on
from hangviet.periods.models import Period
from hangviet.plans.models import Task
from hangviet.units.models import Unit

# The indicators a dashboard leads with (reference codes, never shown).
KEY_INDICATORS = (
    "propaganda_sessions",
    "fairs",
    "promotion_programs",
    "event_revenue_vnd",
    "ocop_products",
    "inspections",
)
RATE_MEASURES = {
    "reporting_rate": _("Tỷ lệ gửi báo cáo"),
    "on_time_rate": _("Tỷ lệ gửi báo cáo đúng hạn"),
}
# Measures listed first in the selector, after the two rates.
PREFERRED_MEASURES = ("ocop_products", "fairs", "propaganda_sessions", "event_revenue_vnd")


def is_national(committee: Organisation) -> bool:
    return committee.unit.level == Unit.Level.COUNTRY


def recent_keys(key: PeriodKey, length: int) -> list[PeriodKey]:
    """``length`` reporting periods ending with ``key``, oldest first (2024, 2025-H1, 2025, 2026-H1)."""
    keys = [key]
    while len(keys) < length:
        keys.append(keys[-1].previous())
    return keys[::-1]


@dataclass
class RatePoint:
    """How many of the committee's reporters sent their report for one period, and how many on time."""

    key: PeriodKey
    expected: int
    submitted: int
    on_time: int

    @property
    def label(self) -> str:
        return self.key.label

    @property
    def late(self) -> int:
        return self.submitted - self.on_time

    @property
    def rate(self) -> Decimal | None:
        return Decimal(self.submitted) / self.expected if self.expected else None

    @property
    def on_time_rate(self) -> Decimal | None:
        return Decimal(self.on_time) / self.expected if self.expected else None


def rate_point(committee: Organisation, key: PeriodKey) -> RatePoint:
    period = Period.objects.find(key)
    if period is None:  # never used: nobody reported, and a reading page creates nothing
        return RatePoint(key, len(expected_reporters(committee, Period(year=key.year, kind=key.kind))), 0, 0)
    completeness = compute_completeness(committee, period)
    return RatePoint(key, len(completeness.rows), completeness.submitted, completeness.count("on_time"))


def reporting_series(committee: Organisation, key: PeriodKey, *, length: int = 6) -> list[RatePoint]:
    """Reporting rate and timeliness of the committee's reporters over ``length`` periods, oldest first."""
    return [rate_point(committee, each) for each in recent_keys(key, length)]


@dataclass
class KeyIndicator:
    indicator: Indicator
    total: Decimal | None
    last_year: Decimal | None
    change: Decimal | None
    series: list[Decimal | None]


@dataclass
class IndicatorSummary:
    labels: list[str]  # the trend's periods, oldest first
    rows: list[KeyIndicator]


def indicator_summary(committee: Organisation, period: Period, *, length: int = 5) -> IndicatorSummary:
    """Key indicators this period, the same period last year, the change, and the same period over the years.

    One call of consolidation's ``trend``: its last two entries are this period's totals and last year's, exactly
    as ``consolidate`` gives them, so no period is consolidated twice."""
    series = trend(committee, period, length=max(length, 2))
    totals, last_year = series[-1][1], series[-2][1]
    by_code = {indicator.code: indicator for indicator in Indicator.objects.filter(code__in=KEY_INDICATORS)}
    rows = [
        KeyIndicator(
            by_code[code],
            totals.get(code),
            last_year.get(code),
            change_ratio(totals.get(code), last_year.get(code)),
            [found.get(code) for _earlier, found in series],
        )
        for code in KEY_INDICATORS
        if code in by_code
    ]
    return IndicatorSummary([earlier.key.label for earlier, _found in series], rows)


@dataclass
class LeadProgress:
    name: str
    done: int = 0
    in_time: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.done + self.in_time + self.overdue


def plan_progress(committee: Organisation, year: int, on: datetime.date) -> list[LeadProgress]:
    """The tasks of the committee's plans of ``year`` by lead unit: done, not done but in time, overdue on ``on``.
    Only tasks without sub-tasks count (a heading's sub-tasks are the work)."""
    tasks = Task.objects.filter(plan__committee=committee, plan__year=year, children__isnull=True).select_related(
        "lead"
    )
    found: dict[str, LeadProgress] = {}
    for task in tasks:
        name = name_on(task.lead, on) if task.lead else (task.lead_name or str(_("Chưa ghi đơn vị chủ trì")))
        row = found.setdefault(name, LeadProgress(name))
        if task.status == Task.Status.DONE:
            row.done += 1
        elif task.is_overdue_on(on):
            row.overdue += 1
        else:
            row.in_time += 1
    return sorted(found.values(), key=lambda row: (-row.overdue, -row.total, row.name))


@dataclass
class ProvinceFigure:
    """One province of today on the national map: its committees' reporting and its accepted figures."""

    unit: Unit
    has_committee: bool = False
    expected: int = 0
    submitted: int = 0
    on_time: int = 0
    values: dict[str, Decimal] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return short_name(self.unit.name)

    @property
    def rate(self) -> Decimal | None:
        return Decimal(self.submitted) / self.expected if self.expected else None

    @property
    def on_time_rate(self) -> Decimal | None:
        return Decimal(self.on_time) / self.expected if self.expected else None

    def measure(self, code: str) -> Decimal | None:
        if code == "reporting_rate":
            return self.rate
        if code == "on_time_rate":
            return self.on_time_rate
        return self.values.get(code)


def short_name(name: str) -> str:
    """ "Tỉnh Vĩnh Long" → "Vĩnh Long"; "Thành phố Hồ Chí Minh" → "Hồ Chí Minh"."""
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def province_figures(period: Period, *, with_registry: bool = True) -> list[ProvinceFigure]:
    """One entry per province of today, in catalogue order. A province's reporting is that of its committee and
    of the committees of the provinces merged into it that still existed at the period's end; its figures are
    consolidation's national roll-up (each accepted report counts in the province of today of its reporter), with
    the registries' de-duplicated figure where they compute one, as in the province's own consolidated table
    (``with_registry=False`` when only the rates are wanted: the registries are the slow part)."""
    totals = rollup_by_province(period)
    indicators = list(Indicator.objects.exclude(kind=Indicator.Kind.RATIO).order_by("order"))
    units = list(Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE).order_by("code"))
    roots = {unit.pk: aggregate_roots(unit) for unit in units}
    reporting = [committee for found in roots.values() for committee in found if committee.exists_on(period.end)]
    counts = completeness_counts(reporting, period)  # every province's reporters in three queries
    figures = []
    for unit in units:
        figure = ProvinceFigure(unit, values=dict(totals.get(unit.pk, {})))
        for committee in roots[unit.pk]:
            if with_registry and committee.unit_id == unit.pk and committee.valid_to is None:
                # As the province's own table: where the registries compute a figure for its whole area, it is
                # the total (an event co-organised by two reporters counts once).
                registry = registry_totals(committee, period, indicators)
                figure.values.update({code: found.value for code, found in registry.items()})
            if committee.pk not in counts:
                continue
            figure.has_committee = True
            figure.expected += counts[committee.pk].expected
            figure.submitted += counts[committee.pk].submitted
            figure.on_time += counts[committee.pk].on_time
        figures.append(figure)
    figures.sort(key=lambda figure: int(figure.unit.code))
    return figures


def measure_choices() -> list[tuple[str, str]]:
    """The measures a map can be coloured by: the two rates, then every indicator that adds up (no ratios)."""
    indicators = {
        code: catalogue_text(name)
        for code, name in Indicator.objects.exclude(kind=Indicator.Kind.RATIO)
        .order_by("order")
        .values_list("code", "name")
    }
    preferred = [(code, indicators[code]) for code in PREFERRED_MEASURES if code in indicators]
    rest = [(code, name) for code, name in indicators.items() if code not in PREFERRED_MEASURES]
    return [*((code, str(label)) for code, label in RATE_MEASURES.items()), *preferred, *rest]


def measure_label(code: str) -> str:
    return dict(measure_choices()).get(code, "")


def is_rate(code: str) -> bool:
    return code in RATE_MEASURES


def indicator_unit(code: str) -> str:
    if is_rate(code):
        return "%"
    return catalogue_text(Indicator.objects.filter(code=code).values_list("unit", flat=True).first() or "")


def national_committee() -> Organisation | None:
    """The central committee: the committee of the whole country."""
    return (
        Organisation.objects.filter(
            kind=Organisation.Kind.COMMITTEE, unit__level=Unit.Level.COUNTRY, valid_to__isnull=True
        )
        .order_by("pk")
        .first()
    )


def own_committee_id(roles: list[UserRole]) -> int | None:
    """The committee whose dashboard a user lands on: the first current committee they hold a role in."""
    for role in roles:
        organisation = role.organisation
        if organisation.kind == Organisation.Kind.COMMITTEE and organisation.valid_to is None:
            return organisation.pk
    return None
