"""Shelf-share surveys feed ``viet_goods_share_pct`` through the registry's bridge: over the outlets counted in the
window (by the day the form was recorded), Σ Vietnamese items / Σ items × 100 — weighted by items, as on the
results page. A scope with an area counts outlets in it or in its communes; an organisation's own scope the
surveys it ran; nothing is yielded when no outlet was counted."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum

from hangviet.registry.figures import Scope, SourceFigure
from hangviet.surveys.models import Answer, Question


def survey_figures(scope: Scope, start: datetime.date, end: datetime.date) -> Iterator[SourceFigure]:
    rows = Answer.objects.filter(
        question__kind=Question.Kind.SHELF,
        total_items__isnull=False,
        response__created_at__date__gte=start,
        response__created_at__date__lte=end,
    )
    if scope.area_unit_id is not None:
        rows = rows.filter(Q(response__unit_id=scope.area_unit_id) | Q(response__unit__parent_id=scope.area_unit_id))
    elif scope.organisation_ids is not None:
        rows = rows.filter(response__survey__owner_id__any_of=scope.organisation_ids)
    totals = rows.aggregate(n=Count("id"), viet=Sum("viet_items"), total=Sum("total_items"))
    if not totals["n"] or not totals["total"]:
        return
    share = (Decimal(totals["viet"]) * 100 / Decimal(totals["total"])).quantize(Decimal("0.1"), ROUND_HALF_UP)
    yield SourceFigure("viet_goods_share_pct", share, totals["n"], "surveys")
