"""Read side of the campaign app: the quarter's media board, the public directory, the budget view by level."""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum

from hangviet.campaign.catalogue import ItemType
from hangviet.campaign.models import (
    Award,
    BudgetAllocation,
    BudgetSpend,
    Contribution,
    MediaItem,
    MediaOutlet,
    MediaQuota,
    MediaReminder,
    quarter_bounds,
)
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_subtree_ids
from hangviet.units.models import Unit

_TYPE_ORDER = {value: index for index, value in enumerate(ItemType.values)}


@dataclass
class Line:
    item_type: str
    required: int
    done: int

    @property
    def label(self) -> str:
        return str(ItemType(self.item_type).label)

    @property
    def missing(self) -> int:
        return max(0, self.required - self.done)


@dataclass
class OutletProgress:
    outlet: MediaOutlet
    lines: list[Line]
    last_reminder: MediaReminder | None = None

    @property
    def shortfall(self) -> str:
        """ "1 tin, 1 bài" still owed, or "" when the quota is met."""
        return ", ".join(f"{line.missing} {line.label}" for line in self.lines if line.missing)

    @property
    def required(self) -> int:
        return sum(line.required for line in self.lines)

    @property
    def done(self) -> int:
        return sum(min(line.done, line.required) for line in self.lines)


@dataclass
class QuarterBoard:
    committee: Organisation
    year: int
    quarter: int
    start: datetime.date
    end: datetime.date
    ended: bool  # the quarter's last day has come: what is missing now is a shortfall
    rows: list[OutletProgress]

    @property
    def short(self) -> list[OutletProgress]:
        return [row for row in self.rows if row.shortfall]


def _counts(outlet_ids: Iterable[int], start: datetime.date, end: datetime.date) -> dict[tuple[int, str], int]:
    rows = (
        MediaItem.objects.filter(outlet_id__in=list(outlet_ids), published_on__gte=start, published_on__lte=end)
        .values("outlet_id", "item_type")
        .annotate(n=Count("id"))
    )
    return {(row["outlet_id"], row["item_type"]): row["n"] for row in rows}


def quarter_board(committee: Organisation, year: int, quarter: int, *, today: datetime.date) -> QuarterBoard:
    """Each outlet with a quota of ``committee`` for the quarter: required and done per item type, what is short."""
    start, end = quarter_bounds(year, quarter)
    quotas = list(
        MediaQuota.objects.filter(committee=committee, year=year, quarter=quarter).select_related("outlet__owner")
    )
    counts = _counts({quota.outlet_id for quota in quotas}, start, end)
    by_outlet: dict[int, OutletProgress] = {}
    for quota in sorted(quotas, key=lambda q: (q.outlet.name, _TYPE_ORDER.get(q.item_type, 99))):
        row = by_outlet.setdefault(quota.outlet_id, OutletProgress(quota.outlet, []))
        row.lines.append(Line(quota.item_type, quota.minimum, counts.get((quota.outlet_id, quota.item_type), 0)))
    reminders = MediaReminder.objects.filter(committee=committee, year=year, quarter=quarter).order_by("sent_on", "id")
    for reminder in reminders:
        if reminder.outlet_id in by_outlet:
            by_outlet[reminder.outlet_id].last_reminder = reminder
    return QuarterBoard(committee, year, quarter, start, end, today >= end, list(by_outlet.values()))


def outlet_progress(committee: Organisation, outlet: MediaOutlet, year: int, quarter: int) -> OutletProgress:
    start, end = quarter_bounds(year, quarter)
    quotas = MediaQuota.objects.filter(committee=committee, outlet=outlet, year=year, quarter=quarter)
    counts = _counts([outlet.pk], start, end)
    lines = [
        Line(quota.item_type, quota.minimum, counts.get((outlet.pk, quota.item_type), 0))
        for quota in sorted(quotas, key=lambda q: _TYPE_ORDER.get(q.item_type, 99))
    ]
    return OutletProgress(outlet, lines)


def outlets_of(committee: Organisation) -> list[MediaOutlet]:
    """Outlets of the committee and of the organisations below it (candidates for its quotas)."""
    ids = list_subtree_ids({committee.pk})
    return list(MediaOutlet.objects.filter(owner_id__in=ids).select_related("owner").order_by("name"))


def outlets_visible(organisation_ids: Iterable[int]) -> list[MediaOutlet]:
    return list(
        MediaOutlet.objects.filter(owner_id__in=list(organisation_ids))
        .select_related("owner__unit")
        .annotate(n=Count("items"))
        .order_by("owner__name", "name")
    )


# --- the public directory ----------------------------------------------------------------------------------------


def _province_of(unit: Unit) -> Unit | None:
    current: Unit | None = unit
    while current is not None and current.level not in (Unit.Level.PROVINCE, Unit.Level.COUNTRY):
        current = current.parent
    return current if current is not None and current.level == Unit.Level.PROVINCE else None


def public_directory() -> list[dict[str, Any]]:
    """Published awardees for the portal's directory of trusted businesses ("doanh nghiệp tiêu biểu, địa chỉ tin
    cậy"): ``name``, ``producer_id`` (the registry's producer, if linked), ``province`` (the nominating
    organisation's province name, or ``""``), ``award`` (the scheme's name, and the form when given), ``year``."""
    awards = (
        Award.objects.filter(published_on__isnull=False)
        .select_related("nomination__scheme", "nomination__proposer__unit__parent__parent", "nomination__producer")
        .order_by("-decided_on", "nomination__nominee")
    )
    found = []
    for award in awards:
        nomination = award.nomination
        province = _province_of(nomination.proposer.unit)
        found.append(
            {
                "name": nomination.nominee,
                "producer_id": nomination.producer_id,
                "province": province.name if province else "",
                "award": f"{nomination.scheme.name} ({award.form})" if award.form else nomination.scheme.name,
                "category": nomination.get_category_display(),
                "year": award.decided_on.year,
            }
        )
    return found


# --- budgets ---------------------------------------------------------------------------------------------------


def _exists_in(year: int) -> tuple[Q, Q]:
    return Q(valid_from__isnull=True) | Q(valid_from__lte=datetime.date(year, 12, 31)), Q(valid_to__isnull=True) | Q(
        valid_to__gte=datetime.date(year, 1, 1)
    )


@dataclass
class BudgetRow:
    committee: Organisation
    allocated: int | None  # None: no allocation recorded for the year (not 0)
    sources: list[str] = field(default_factory=list)


@dataclass
class LevelSummary:
    """One level of committees in a year: how many have an allocation, the lowest, the highest and the median —
    never a sum of them ("thấp nhất 3 triệu, cao nhất 36,9 triệu đồng/năm" is a range, not a total)."""

    label: str
    rows: list[BudgetRow]

    @property
    def amounts(self) -> list[int]:
        return [row.allocated for row in self.rows if row.allocated is not None]

    @property
    def covered(self) -> int:
        return len(self.amounts)

    @property
    def coverage(self) -> Decimal:
        return Decimal(self.covered) / Decimal(len(self.rows)) if self.rows else Decimal(0)

    @property
    def minimum(self) -> int | None:
        return min(self.amounts) if self.amounts else None

    @property
    def maximum(self) -> int | None:
        return max(self.amounts) if self.amounts else None

    @property
    def median(self) -> int | None:
        return int(statistics.median(self.amounts)) if self.amounts else None


@dataclass
class BudgetView:
    committee: Organisation
    year: int
    levels: list[LevelSummary]
    spent: int | None
    spends: list[BudgetSpend]
    contributions: list[Contribution]
    own: list[BudgetAllocation]

    @property
    def own_allocated(self) -> int | None:
        return sum(a.amount for a in self.own) if self.own else None

    @property
    def contributed(self) -> int | None:
        return sum(c.amount for c in self.contributions) if self.contributions else None


def _level_label(unit: Unit) -> str:
    label = str(Unit.Level(unit.level).label)
    if unit.edition == Unit.Edition.PRE_2025:
        return f"{label} ({Unit.Edition(unit.edition).label.lower()})"
    return label


def budget_view(committee: Organisation, year: int, visible_ids: set[int]) -> BudgetView:
    """The committee's own allocation, spending and contributions for ``year`` (kept apart), and every level of
    the committees below it the user reads: coverage, minimum, maximum, median."""
    ids = list_subtree_ids({committee.pk}) & visible_ids
    during_from, during_to = _exists_in(year)
    committees = list(
        Organisation.objects.filter(pk__in=ids, kind=Organisation.Kind.COMMITTEE)
        .filter(during_from, during_to)
        .select_related("unit")
        .order_by("name")
    )
    allocations: dict[int, list[BudgetAllocation]] = defaultdict(list)
    for allocation in BudgetAllocation.objects.filter(year=year, committee_id__in=[c.pk for c in committees]):
        allocations[allocation.committee_id].append(allocation)
    grouped: dict[tuple[int, str], LevelSummary] = {}
    level_order = {value: index for index, value in enumerate(Unit.Level.values)}
    for other in committees:
        if other.pk == committee.pk:
            continue
        key = (level_order[other.unit.level] * 2 + (0 if other.unit.edition == Unit.Edition.CURRENT else 1), "")
        summary = grouped.setdefault(key, LevelSummary(_level_label(other.unit), []))
        rows = allocations.get(other.pk, [])
        summary.rows.append(
            BudgetRow(
                other,
                sum(a.amount for a in rows) if rows else None,
                sorted({a.get_source_display() for a in rows}),
            )
        )
    spends = list(BudgetSpend.objects.filter(committee=committee, spent_on__year=year))
    spent = BudgetSpend.objects.filter(committee=committee, spent_on__year=year).aggregate(s=Sum("amount"))["s"]
    return BudgetView(
        committee=committee,
        year=year,
        levels=[grouped[key] for key in sorted(grouped)],
        spent=spent,
        spends=spends,
        contributions=list(Contribution.objects.filter(committee=committee, received_on__year=year)),
        own=list(BudgetAllocation.objects.filter(committee=committee, year=year)),
    )


def editable_organisations(user: Any, within: set[int] | None = None) -> list[Organisation]:
    """Organisations the user edits through a role of its own (not a viewer), optionally only among ``within``."""
    from hangviet.orgs.policy import active_roles

    found = {
        role.organisation.pk: role.organisation
        for role in active_roles(user)
        if role.role != "viewer" and (within is None or role.organisation_id in within)
    }
    return sorted(found.values(), key=lambda organisation: organisation.name)


def own_committees(user: Any) -> list[Organisation]:
    """The committees the user holds a role in, and the committees above its organisations (their schemes)."""
    from hangviet.orgs.policy import active_roles, list_overseer_ids

    own = {role.organisation for role in active_roles(user)}
    ids = {o.pk for o in own} | {pk for o in own for pk in list_overseer_ids(o)}
    return list(
        Organisation.objects.filter(pk__in=ids, kind=Organisation.Kind.COMMITTEE, valid_to__isnull=True)
        .select_related("unit")
        .order_by("unit__level", "name")
    )


def schemes_of(committee: Organisation) -> list[Any]:
    from hangviet.campaign.models import AwardScheme

    return list(AwardScheme.objects.filter(owner=committee).annotate(n=Count("nominations")))


def nominations_for(scheme: Any, *, all_of_them: bool, visible_ids: set[int]) -> list[Any]:
    from hangviet.campaign.models import Nomination

    rows = Nomination.objects.filter(scheme=scheme).select_related("proposer", "proposal", "award", "producer")
    if not all_of_them:
        rows = rows.filter(proposer_id__in=visible_ids)
    return list(rows)


def outdoor_of(organisation: Organisation) -> list[Any]:
    from hangviet.campaign.models import OutdoorAsset

    return list(OutdoorAsset.objects.filter(recorded_by=organisation))


def items_of(outlet: MediaOutlet, limit: int = 200) -> list[MediaItem]:
    return list(MediaItem.objects.filter(outlet=outlet)[:limit])


def plan_tasks(committee: Organisation, year: int) -> list[tuple[int, str]]:
    from hangviet.plans.models import Task

    tasks = Task.objects.filter(plan__committee=committee, plan__year=year).order_by("order", "id")[:300]
    return [(task.pk, f"{task.ref} {task.content[:80]}") for task in tasks]


def subtree_organisations(committee: Organisation) -> list[Organisation]:
    """The committee and the current organisations below it (owners of outlets on its board)."""
    ids = list_subtree_ids({committee.pk})
    return list(Organisation.objects.filter(pk__in=ids, valid_to__isnull=True).order_by("kind", "name"))


def task_of(committee: Organisation, task_id: int) -> Any:
    from hangviet.plans.models import Task

    return Task.objects.filter(pk=task_id, plan__committee=committee).select_related("plan").first()


def producer_named(name: str) -> Any:
    """The registry's producer of that exact (folded) name, if there is one: the directory links to it."""
    from hangviet.registry.actions import find_producer

    return find_producer(name)


def nominations_by_id(scheme: Any, ids: list[int]) -> list[Any]:
    from hangviet.campaign.models import Nomination

    return list(Nomination.objects.filter(scheme=scheme, pk__in=ids))


def latest_quota_quarter(committee: Organisation, current: tuple[int, int]) -> tuple[int, int]:
    """``current`` if the committee set quotas for it, else the latest quarter before it that has quotas."""
    year, quarter = current
    found = (
        MediaQuota.objects.filter(committee=committee)
        .filter(Q(year__lt=year) | Q(year=year, quarter__lte=quarter))
        .order_by("-year", "-quarter")
        .values_list("year", "quarter")
        .first()
    )
    return found if found is not None else current


def quotas_of_outlet(outlet: MediaOutlet, year: int, quarter: int) -> list[tuple[Organisation, OutletProgress]]:
    """What each committee expects of ``outlet`` this quarter and how far it has come: the outlet's own view."""
    committees = (
        Organisation.objects.filter(media_quotas__outlet=outlet, media_quotas__year=year, media_quotas__quarter=quarter)
        .distinct()
        .order_by("name")
    )
    return [(committee, outlet_progress(committee, outlet, year, quarter)) for committee in committees]
