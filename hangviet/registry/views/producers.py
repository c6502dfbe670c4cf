"""Producers (chủ thể): the list, a producer's page (aliases, products), recording one, and merging a
duplicate into it (editors of both rows only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from hangviet.lib.http import SignedInRequest
from hangviet.orgs.policy import Need
from hangviet.registry import actions, queries
from hangviet.registry.access import get_record_for_user
from hangviet.registry.filters import ProducerFilterForm
from hangviet.registry.forms import (
    MergeForm,
    ProducerForm,
)
from hangviet.registry.models import Producer
from hangviet.registry.views.common import (
    error_text,
    label,
    paginate,
    posted_recorder,
    preselected,
    read_filters,
    recorders_for,
)


@login_required
def producers(request: SignedInRequest) -> HttpResponse:
    form, filters = read_filters(request, ProducerFilterForm)
    data = form.cleaned_data
    rows = queries.list_producers(
        request.user, filters, text=data.get("q") or "", legal_form=data.get("legal_form") or ""
    )
    context = {
        "form": form,
        "filters": filters,
        "page": paginate(rows, form),
        "can_add": bool(queries.editable_organisations(request.user)),
    }
    return render(request, "registry/producers.html", context)


_PRODUCER_PAGE = {
    "heading": gettext_lazy("Ghi chủ thể sản xuất, kinh doanh"),
    "active": "producers",
    "list_url": "registry:producers",
    "list_title": gettext_lazy("Chủ thể"),
}


@login_required
@require_http_methods(["GET", "POST"])
def producer_create(request: SignedInRequest) -> HttpResponse:
    recorder = posted_recorder(request)
    editable = recorders_for(request, recorder)
    if request.method == "POST":
        form = ProducerForm(request.POST, organisations=editable, labels=label)
        if form.is_valid() and recorder is not None:
            fields = dict(form.cleaned_data)
            fields.pop("recorded_by")
            try:
                producer = actions.create_producer(recorder, acting_user=request.user, **fields)
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("Đã ghi chủ thể “%(name)s”.") % {"name": producer.name})
                return redirect("registry:producer_detail", producer.pk)
        return render(request, "registry/create_form.html", {"form": form, **_PRODUCER_PAGE}, status=422)
    form = ProducerForm(initial=preselected(request, editable), organisations=editable, labels=label)
    return render(request, "registry/create_form.html", {"form": form, **_PRODUCER_PAGE})


@login_required
def producer_detail(request: SignedInRequest, producer_id: int) -> HttpResponse:
    producer, grant = get_record_for_user(request.user, Producer, producer_id, need=Need.READ)
    context = {
        "producer": producer,
        "grant": grant,
        "products": queries.products_of(producer),
        "aliases": queries.aliases_of(producer),
        "merged_from": queries.merged_into(producer),
    }
    return render(request, "registry/producer_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def producer_merge(request: SignedInRequest, producer_id: int) -> HttpResponse:
    """Fold a duplicate into this producer: choose it, see what moves, confirm. Needs editing both rows."""
    keep, _grant = get_record_for_user(request.user, Producer, producer_id, need=Need.EDIT)
    form = MergeForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_bound or not form.data.get("duplicate"):
        context = {"keep": keep, "candidates": queries.merge_candidates(request.user, keep)}
        return render(request, "registry/producer_merge.html", context)
    if not form.is_valid():
        context = {"keep": keep, "candidates": queries.merge_candidates(request.user, keep), "form": form}
        return render(request, "registry/producer_merge.html", context, status=422)
    duplicate, _duplicate_grant = get_record_for_user(
        request.user, Producer, form.cleaned_data["duplicate"], need=Need.EDIT
    )
    if request.method == "POST":
        try:
            actions.merge_producers(keep, duplicate, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect("registry:producer_merge", keep.pk)
        messages.success(
            request, _("Đã gộp “%(duplicate)s” vào “%(keep)s”.") % {"duplicate": duplicate.name, "keep": keep.name}
        )
        return redirect("registry:producer_detail", keep.pk)
    context = {"keep": keep, "duplicate": duplicate, "moving": queries.products_of(duplicate)}
    return render(request, "registry/producer_merge_confirm.html", context)
