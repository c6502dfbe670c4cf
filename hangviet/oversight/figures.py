"""What oversight feeds the indicators through the registry bridge (``registry.figures.register_source``).

- ``supervisions``: visits made in the window by the committees of the scope (each visit once);
- ``oversight_recommendations_open``: recommendations of those committees made by the window's last day and
  not done on it (a stock);
- ``inspections``, ``violations_handled``, ``fines_vnd``: the cases of the scope's agencies in the window, and
  the period totals of agencies that give totals only (a total lying in the window replaces that agency's cases
  of its period).
Like events, these count by organisation (the scope's subtree), not by place. Nothing recorded → nothing
yielded: the indicator stays "chưa báo cáo", never 0.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from hangviet.oversight.catalogue import HANDLED_OUTCOMES
from hangviet.oversight.models import CaseTotal, MarketCase, Recommendation, Visit
from hangviet.plans.models import Task, TaskProgress
from hangviet.registry.figures import Scope, SourceFigure

REGISTRY = "oversight"
CASES = "market_cases"


def visits_in(scope: Scope, start: datetime.date, end: datetime.date) -> QuerySet[Visit]:
    visits = Visit.objects.filter(visited_on__gte=start, visited_on__lte=end)
    if scope.organisation_ids is not None:
        visits = visits.filter(programme__committee_id__any_of=scope.organisation_ids)
    return visits


def open_recommendations(scope: Scope, day: datetime.date) -> QuerySet[Recommendation]:
    """Recommendations made by ``day`` whose task was not done on ``day``."""
    done = TaskProgress.objects.filter(task_id=OuterRef("task_id"), status=Task.Status.DONE, at__date__lte=day)
    found = Recommendation.objects.filter(visit__visited_on__lte=day).exclude(Exists(done))
    if scope.organisation_ids is not None:
        found = found.filter(visit__programme__committee_id__any_of=scope.organisation_ids)
    return found


def totals_in(scope: Scope, start: datetime.date, end: datetime.date) -> list[CaseTotal]:
    totals = CaseTotal.objects.select_related("period")
    if scope.organisation_ids is not None:
        totals = totals.filter(agency_id__any_of=scope.organisation_ids)
    return [total for total in totals if start <= total.period.start and total.period.end <= end]


def cases_in(scope: Scope, start: datetime.date, end: datetime.date) -> QuerySet[MarketCase]:
    """The cases that count in the window: those of the scope's agencies, less those a period total covers."""
    cases = MarketCase.objects.filter(occurred_on__gte=start, occurred_on__lte=end)
    if scope.organisation_ids is not None:
        cases = cases.filter(agency_id__any_of=scope.organisation_ids)
    covered = Q()
    for total in totals_in(scope, start, end):
        covered |= Q(agency_id=total.agency_id, occurred_on__gte=total.period.start, occurred_on__lte=total.period.end)
    return cases.exclude(covered) if covered else cases


def oversight_figures(scope: Scope, start: datetime.date, end: datetime.date) -> Iterator[SourceFigure]:
    visits = visits_in(scope, start, end).count()
    if visits:
        yield SourceFigure("supervisions", visits, visits, REGISTRY)
    open_count = open_recommendations(scope, end).count()
    if open_count:
        yield SourceFigure("oversight_recommendations_open", open_count, open_count, REGISTRY)
    elif Recommendation.objects.filter(
        visit__visited_on__lte=end,
        **(
            {} if scope.organisation_ids is None else {"visit__programme__committee_id__any_of": scope.organisation_ids}
        ),
    ).exists():
        # Recommendations exist and all are done: a true 0, with rows behind it.
        yield SourceFigure("oversight_recommendations_open", 0, 1, REGISTRY)
    yield from _case_figures(scope, start, end)


def _case_figures(scope: Scope, start: datetime.date, end: datetime.date) -> Iterator[SourceFigure]:
    summary = cases_in(scope, start, end).aggregate(
        n=Count("pk"),
        handled=Count("pk", filter=Q(outcome__in=HANDLED_OUTCOMES)),
        fined=Count("pk", filter=Q(fine_vnd__isnull=False)),
        fines=Sum("fine_vnd"),
    )
    inspections, inspection_rows = summary["n"], summary["n"]
    handled, handled_rows = summary["handled"], summary["n"]
    fines, fine_rows = Decimal(summary["fines"] or 0), summary["fined"]
    for total in totals_in(scope, start, end):
        inspections += total.inspections
        inspection_rows += 1
        if total.violations_handled is not None:
            handled += total.violations_handled
            handled_rows += 1
        if total.fines_vnd is not None:
            fines += total.fines_vnd
            fine_rows += 1
    if inspection_rows:
        yield SourceFigure("inspections", inspections, inspection_rows, CASES)
    if handled_rows:
        yield SourceFigure("violations_handled", handled, handled_rows, CASES)
    if fine_rows:
        yield SourceFigure("fines_vnd", fines, fine_rows, CASES)
