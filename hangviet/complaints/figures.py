"""Consumer reports feed ``consumer_reports_received`` and ``consumer_reports_handled`` through the registry's
one bridge (``registry.figures.register_source``): received in the window (by the day it arrived), handled in the
window (by the day it was answered). A scope with an area counts the reports whose place lies in it (through the
2025 lineage); an organisation's own scope counts the reports it receives now; the country counts everything."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import QuerySet

from hangviet.complaints.models import ConsumerReport
from hangviet.registry.figures import Scope, SourceFigure


def _in_scope(scope: Scope) -> QuerySet[ConsumerReport]:
    rows = ConsumerReport.objects.all()
    if scope.area_unit_id is not None:
        return rows.filter(place__areas__unit_id=scope.area_unit_id).distinct()
    if scope.organisation_ids is not None:
        return rows.filter(receiver_id__any_of=scope.organisation_ids)
    return rows


def consumer_report_figures(scope: Scope, start: datetime.date, end: datetime.date) -> Iterator[SourceFigure]:
    rows = _in_scope(scope)
    received = rows.filter(received_at__date__gte=start, received_at__date__lte=end).count()
    handled = rows.filter(
        status=ConsumerReport.Status.HANDLED, handled_at__date__gte=start, handled_at__date__lte=end
    ).count()
    if received:
        yield SourceFigure("consumer_reports_received", received, received, "complaints")
    if handled:
        yield SourceFigure("consumer_reports_handled", handled, handled, "complaints")
