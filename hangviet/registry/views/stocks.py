"""Sale points (list, record, page, verification), model residential areas and clubs (lists, record)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hangviet.lib.http import SignedInRequest
from hangviet.orgs.policy import Grant, Need
from hangviet.registry import actions, queries
from hangviet.registry.access import get_record_for_user
from hangviet.registry.catalogue import CLUB_KINDS
from hangviet.registry.figures import Scope, clubs_by_kind
from hangviet.registry.filters import AreaFilterForm, ClubFilterForm, SalePointFilterForm
from hangviet.registry.forms import (
    ClubForm,
    ModelAreaForm,
    SalePointForm,
    VerifyForm,
)
from hangviet.registry.models import SalePoint
from hangviet.registry.views.common import (
    error_text,
    label,
    paginate,
    posted_recorder,
    preselected,
    read_filters,
    recorders_for,
)

STALE_AFTER_DAYS = 365


@login_required
def salepoints(request: SignedInRequest) -> HttpResponse:
    form, filters = read_filters(request, SalePointFilterForm)
    data = form.cleaned_data
    stale = timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS) if data.get("verified") else None
    rows = queries.list_sale_points(
        request.user, filters, kind=data.get("kind") or "", status=data.get("status") or "", unverified_since=stale
    )
    context = {
        "form": form,
        "filters": filters,
        "page": paginate(rows, form),
        "can_add": bool(queries.editable_organisations(request.user)),
    }
    return render(request, "registry/salepoints.html", context)


def _create(
    request: SignedInRequest,
    form_class: type[forms.Form],
    page: dict[str, Any],
    record: Any,
    success: str,
    target: str,
) -> HttpResponse:
    """The create pages of sale points, model areas and clubs: gate the recorder, read the form, record."""
    recorder = posted_recorder(request)
    editable = recorders_for(request, recorder)
    if request.method == "POST":
        form = form_class(request.POST, organisations=editable, labels=label)  # type: ignore[call-arg]
        if form.is_valid() and recorder is not None:
            fields = dict(form.cleaned_data)
            fields.pop("recorded_by")
            place_text = fields.pop("place_text")
            try:
                row = record(request, recorder, fields, place_text)
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, success % {"name": row.name})
                return redirect(target, row.pk) if target.endswith("_detail") else redirect(target)
        return render(request, "registry/create_form.html", {"form": form, **page}, status=422)
    form = form_class(initial=preselected(request, editable), organisations=editable, labels=label)  # type: ignore[call-arg]
    return render(request, "registry/create_form.html", {"form": form, **page})


def _record_sale_point(request: SignedInRequest, recorder: Any, fields: dict[str, Any], place_text: str) -> Any:
    if fields.get("operator_name"):
        fields["operator"] = queries.find_visible_producer(request.user, fields["operator_name"])
    details = {name: fields.pop(name) for name in actions.PLACE_DETAILS}
    return actions.record_sale_point(
        recorder, fields=fields, place_text=place_text, place_details=details, acting_user=request.user
    )


@login_required
@require_http_methods(["GET", "POST"])
def salepoint_create(request: SignedInRequest) -> HttpResponse:
    return _create(
        request,
        SalePointForm,
        {
            "heading": _("Ghi điểm bán hàng Việt"),
            "active": "salepoints",
            "list_url": "registry:salepoints",
            "list_title": _("Điểm bán"),
        },
        _record_sale_point,
        _("Đã ghi điểm bán “%(name)s”."),
        "registry:salepoint_detail",
    )


def _sale_point_page(
    request: SignedInRequest, point: SalePoint, grant: Grant, *, form: VerifyForm | None = None, status: int = 200
) -> HttpResponse:
    verify_form = form or VerifyForm(initial={"on": timezone.localdate(), "status": point.status})
    context = {"point": point, "grant": grant, "verify_form": verify_form}
    return render(request, "registry/salepoint_detail.html", context, status=status)


@login_required
def salepoint_detail(request: SignedInRequest, point_id: int) -> HttpResponse:
    point, grant = get_record_for_user(request.user, SalePoint, point_id, need=Need.READ)
    return _sale_point_page(request, point, grant)


@require_POST
@login_required
def salepoint_verify(request: SignedInRequest, point_id: int) -> HttpResponse:
    """The "còn hoạt động?" round: the point's status on the day it was checked."""
    point, grant = get_record_for_user(request.user, SalePoint, point_id, need=Need.EDIT)
    form = VerifyForm(request.POST)
    if form.is_valid():
        try:
            actions.verify_sale_point(
                point, on=form.cleaned_data["on"], status=form.cleaned_data["status"], acting_user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Đã ghi kết quả xác minh điểm bán."))
            return redirect("registry:salepoint_detail", point.pk)
    return _sale_point_page(request, point, grant, form=form, status=422)


@login_required
def areas(request: SignedInRequest) -> HttpResponse:
    form, filters = read_filters(request, AreaFilterForm)
    rows = queries.list_model_areas(request.user, filters, status=form.cleaned_data.get("status") or "")
    editable = queries.editable_organisations(request.user)
    context = {
        "form": form,
        "filters": filters,
        "page": paginate(rows, form),
        "can_add": bool(editable),
        "editable_ids": {organisation.pk for organisation in editable},
    }
    return render(request, "registry/areas.html", context)


def _record_area(request: SignedInRequest, recorder: Any, fields: dict[str, Any], place_text: str) -> Any:
    return actions.record_model_area(recorder, fields=fields, place_text=place_text, acting_user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def area_create(request: SignedInRequest) -> HttpResponse:
    return _create(
        request,
        ModelAreaForm,
        {
            "heading": _("Ghi khu dân cư tự hào dùng hàng Việt"),
            "active": "areas",
            "list_url": "registry:areas",
            "list_title": _("Khu dân cư"),
        },
        _record_area,
        _("Đã ghi khu dân cư “%(name)s”."),
        "registry:areas",
    )


@login_required
def clubs(request: SignedInRequest) -> HttpResponse:
    """Clubs by kind: only consumer clubs are summed into the campaign's figures; the others are shown apart."""
    form, filters = read_filters(request, ClubFilterForm)
    rows = queries.list_clubs(request.user, filters, kind=form.cleaned_data.get("kind") or "")
    scope = filters.scope or Scope(None, queries.visible_ids(request.user))
    editable = queries.editable_organisations(request.user)
    context = {
        "form": form,
        "filters": filters,
        "page": paginate(rows, form),
        "summary": clubs_by_kind(scope, filters.day),
        "counted_kinds": [str(kind.label) for kind in CLUB_KINDS if kind.counts_for_campaign],
        "can_add": bool(editable),
        "editable_ids": {organisation.pk for organisation in editable},
    }
    return render(request, "registry/clubs.html", context)


def _record_club(request: SignedInRequest, recorder: Any, fields: dict[str, Any], place_text: str) -> Any:
    fields["members"] = fields.get("members") or 0
    return actions.record_club(recorder, fields=fields, place_text=place_text, acting_user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def club_create(request: SignedInRequest) -> HttpResponse:
    page = {
        "heading": _("Ghi câu lạc bộ, tổ, nhóm"),
        "active": "clubs",
        "list_url": "registry:clubs",
        "list_title": _("Câu lạc bộ"),
        "intro": _(
            "Ghi đúng loại: chỉ câu lạc bộ, tổ, nhóm “Người tiêu dùng” được cộng vào số liệu của Cuộc vận động."
        ),
    }
    return _create(request, ClubForm, page, _record_club, _("Đã ghi “%(name)s”."), "registry:clubs")
