"""The campaign's figures for the registry bridge (``registry.figures.register_source``): ``media_items`` from
items published in the window, ``banners`` from the pieces of outdoor media installed in it, ``commendations``
from the awards decided in it by committees of the scope, ``committee_budget_vnd`` from the allocations of the
reporting year (the window's last year). Nothing is yielded where there are no rows: "chưa báo cáo", never 0."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import Count, Sum

from hangviet.campaign.catalogue import PermitStatus
from hangviet.campaign.models import Award, BudgetAllocation, MediaItem, OutdoorAsset
from hangviet.registry.figures import Scope, SourceFigure


def campaign_figures(scope: Scope, start: datetime.date, end: datetime.date) -> Iterator[SourceFigure]:
    ids = scope.organisation_ids
    items = MediaItem.objects.filter(published_on__gte=start, published_on__lte=end)
    assets = OutdoorAsset.objects.filter(installed_on__gte=start, installed_on__lte=end).exclude(
        status=PermitStatus.WAITING
    )
    awards = Award.objects.filter(decided_on__gte=start, decided_on__lte=end)
    budgets = BudgetAllocation.objects.filter(year=end.year)
    if ids is not None:
        items = items.filter(outlet__owner_id__any_of=ids)
        assets = assets.filter(recorded_by_id__any_of=ids)
        awards = awards.filter(nomination__scheme__owner_id__any_of=ids)
        budgets = budgets.filter(committee_id__any_of=ids)
    count = items.count()
    if count:
        yield SourceFigure("media_items", count, count, "media")
    pieces = assets.aggregate(n=Count("id"), total=Sum("pieces"))
    if pieces["n"]:
        yield SourceFigure("banners", pieces["total"] or 0, pieces["n"], "outdoor_media")
    awarded = awards.count()
    if awarded:
        yield SourceFigure("commendations", awarded, awarded, "awards")
    money = budgets.aggregate(n=Count("id"), total=Sum("amount"))
    if money["n"]:
        yield SourceFigure("committee_budget_vnd", money["total"] or 0, money["n"], "budgets")
