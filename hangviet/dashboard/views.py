"""Dashboards: a committee's (and, for the central committee, the nation's with the map of the 34 provinces)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from hangviet.dashboard import excel
from hangviet.dashboard.forms import DashboardForm
from hangviet.dashboard.legend import build_classes, classify, colours_of
from hangviet.dashboard.queries import (
    indicator_summary,
    indicator_unit,
    is_national,
    is_rate,
    measure_choices,
    measure_label,
    national_committee,
    own_committee_id,
    plan_progress,
    province_figures,
    reporting_series,
)
from hangviet.dashboard.templatetags.dashboard_tags import rate_percent
from hangviet.dashboard.tilegrid import GAP, TILE_HEIGHT, TILE_WIDTH, position, viewbox
from hangviet.lib.http import SignedInRequest
from hangviet.lib.i18n import catalogue_text, in_vietnamese
from hangviet.lib.replica import reads_from_replica
from hangviet.lib.vnformat import format_number
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Need, active_roles
from hangviet.periods.models import Period

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PARTS = ("bao-cao", "chi-tieu", "ke-hoach", "tinh-thanh")


@require_safe
@login_required
def home(request: SignedInRequest) -> HttpResponse:
    """The dashboard of the user's own committee."""
    committee_id = own_committee_id(active_roles(request.user))
    if committee_id is None:
        raise Http404(_("Tài khoản không thuộc Ban Chỉ đạo nào."))
    return redirect("dashboard:committee", committee_id)


@require_safe
@login_required
def national(request: SignedInRequest) -> HttpResponse:
    """The nation's dashboard is the central committee's: read by those who read that committee."""
    central = national_committee()
    if central is None:
        raise Http404
    get_organisation_for_user(request.user, central.pk, need=Need.READ)
    return redirect("dashboard:committee", central.pk)


def _committee(request: SignedInRequest, committee_id: int) -> Organisation:
    committee, _grant = get_organisation_for_user(request.user, committee_id, need=Need.READ)
    if not committee.is_committee:
        raise Http404
    return committee


def _form(request: SignedInRequest) -> DashboardForm:
    return DashboardForm(request.GET or None, today=timezone.localdate(), measures=measure_choices())


def _chart_number(value: object) -> float | None:
    from decimal import Decimal

    return float(value) if isinstance(value, Decimal | int) else None


def _map(period: Period, measure: str) -> dict[str, Any]:
    figures = province_figures(period, with_registry=not is_rate(measure))
    rate = is_rate(measure)
    classes = build_classes([figure.measure(measure) for figure in figures], rate=rate)
    tiles = []
    for figure in figures:
        value = figure.measure(measure)
        fill, text = colours_of(classify(value, classes))
        shown = rate_percent(value) if rate else (format_number(value) if value is not None else "—")
        place = position(figure.unit.code)
        tiles.append(
            {
                "figure": figure,
                "shown": shown,
                "fill": fill,
                "text": text,
                "x": None if place is None else place[0] * (TILE_WIDTH + GAP),
                "y": None if place is None else place[1] * (TILE_HEIGHT + GAP),
            }
        )
    return {
        "figures": figures,
        "tiles": tiles,
        "classes": classes,
        "viewbox": viewbox(),
        "tile_width": TILE_WIDTH,
        "tile_height": TILE_HEIGHT,
        "label": measure_label(measure),
        "unit": indicator_unit(measure),
        "rate": rate,
    }


@require_safe
@login_required
@reads_from_replica()
def committee_dashboard(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee = _committee(request, committee_id)
    form = _form(request)
    key, measure = form.chosen_period(), form.chosen_measure()
    period = Period.objects.for_key(key)
    today = timezone.localdate()
    rates = reporting_series(committee, key)
    summary = indicator_summary(committee, period)
    progress = plan_progress(committee, period.year, today)
    national_page = is_national(committee)
    chart = {
        "rates": {
            "labels": [capfirst(point.label) for point in rates],
            "submitted": [None if point.rate is None else float(point.rate * 100) for point in rates],
            "on_time": [None if point.on_time_rate is None else float(point.on_time_rate * 100) for point in rates],
            "names": [_("Tỷ lệ gửi báo cáo (%)"), _("Tỷ lệ gửi đúng hạn (%)")],
        },
        "trend": {
            "labels": [capfirst(label) for label in summary.labels],
            "series": {
                str(index): [_chart_number(value) for value in row.series] for index, row in enumerate(summary.rows)
            },
            "names": {str(index): catalogue_text(row.indicator.name) for index, row in enumerate(summary.rows)},
        },
    }
    return render(
        request,
        "dashboard/committee.html",
        {
            "committee": committee,
            "period": period,
            "form": form,
            "measure": measure,
            "rates": rates,
            "summary": summary,
            "progress": progress,
            "plan_year": period.year,
            "national": national_page,
            "map": _map(period, measure) if national_page else None,
            "chart": chart,
            "query": request.GET.urlencode(),
        },
    )


@require_safe
@login_required
@reads_from_replica()
@in_vietnamese()  # the workbook's names and labels are Vietnamese whatever the page's language
def download(request: SignedInRequest, committee_id: int, part: str) -> HttpResponse:
    """One dashboard table as .xlsx, gated as the dashboard is."""
    committee = _committee(request, committee_id)
    if part not in PARTS or (part == "tinh-thanh" and not is_national(committee)):
        raise Http404
    form = _form(request)
    key, measure = form.chosen_period(), form.chosen_measure()
    period = Period.objects.for_key(key)
    if part == "bao-cao":
        content = excel.reporting_workbook(committee, reporting_series(committee, key))
    elif part == "chi-tieu":
        content = excel.indicators_workbook(committee, period, indicator_summary(committee, period))
    elif part == "ke-hoach":
        content = excel.plans_workbook(
            committee, period.year, plan_progress(committee, period.year, timezone.localdate())
        )
    else:
        figures = province_figures(period, with_registry=not is_rate(measure))
        content = excel.provinces_workbook(period, figures, measure, measure_label(measure), indicator_unit(measure))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="tong-quan-{part}-{committee.pk}-{period.code}.xlsx"'
    return response
