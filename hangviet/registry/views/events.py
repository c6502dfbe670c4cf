"""Event pages: the list, recording and editing an event with its organisers, its page, deleting it, and a
group entry ("số liệu gộp") linking several events of one recorder."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hangviet.lib.http import SignedInRequest
from hangviet.orgs.policy import Need
from hangviet.registry import actions, queries
from hangviet.registry.access import get_event_for_user
from hangviet.registry.filters import EventFilterForm, OrganisationSearchForm
from hangviet.registry.forms import (
    EventForm,
    EventGroupForm,
    OrganiserFormSet,
    organiser_formset_class,
    organiser_initial,
)
from hangviet.registry.views.common import (
    error_text,
    label,
    paginate,
    posted_recorder,
    preselected,
    read_filters,
    recorders_for,
)

EXTRA_ORGANISER_ROWS = 3


@login_required
def events(request: SignedInRequest) -> HttpResponse:
    form, filters = read_filters(request, EventFilterForm)
    data = form.cleaned_data
    rows = queries.list_events(
        request.user,
        filters,
        kind=data.get("kind") or "",
        programme=data.get("programme") or "",
        status=data.get("status") or "",
        start=data.get("start"),
        end=data.get("end"),
        co_organised=bool(data.get("co_organised")),
    )
    editable = queries.editable_organisations(request.user)
    context = {
        "form": form,
        "filters": filters,
        "page": paginate(rows, form),
        "groups": queries.list_groups(request.user, filters)[:20],
        "can_add": bool(editable),
        "editable_ids": {organisation.pk for organisation in editable},
        "mine": queries.own_organisation_ids(request.user),
    }
    return render(request, "registry/events.html", context)


def _organisers(request: SignedInRequest, *, initial: list[dict[str, Any]] | None = None) -> OrganiserFormSet:
    formset_class = organiser_formset_class(EXTRA_ORGANISER_ROWS)
    choices = [(o.pk, label(o)) for o in queries.nearby_organisations(request.user)]
    data = request.POST if request.method == "POST" else None
    return formset_class(
        data, prefix="org", initial=initial, choices=choices, lookup=queries.organisations_by_id, labels=label
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request: SignedInRequest) -> HttpResponse:
    recorder = posted_recorder(request)
    editable = recorders_for(request, recorder)
    organisers = _organisers(request)
    if request.method == "POST":
        form = EventForm(request.POST, organisations=editable, labels=label)
        if form.is_valid() and organisers.is_valid() and recorder is not None:
            try:
                event = actions.record_event(
                    recorder,
                    fields=form.event_fields(),
                    place_text=form.cleaned_data["place_text"],
                    place_details=form.place_details(),
                    organisers=organisers.inputs(),
                    acting_user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("Đã ghi sự kiện “%(name)s”.") % {"name": event.name})
                return redirect("registry:event_detail", event.pk)
        context = {"form": form, "organisers": organisers, "creating": True}
        return render(request, "registry/event_form.html", context, status=422)
    form = EventForm(initial=preselected(request, editable), organisations=editable, labels=label)
    return render(request, "registry/event_form.html", {"form": form, "organisers": organisers, "creating": True})


@login_required
def event_detail(request: SignedInRequest, event_id: int) -> HttpResponse:
    event, grant = get_event_for_user(request.user, event_id, need=Need.READ)
    organisers = queries.organisers_of(event)
    context = {
        "event": event,
        "grant": grant,
        "organisers": organisers,
        "my_roles": [] if grant.can_edit else queries.my_roles(request.user, organisers),
    }
    return render(request, "registry/event_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: SignedInRequest, event_id: int) -> HttpResponse:
    event, _grant = get_event_for_user(request.user, event_id, need=Need.EDIT)
    if request.method == "POST":
        form = EventForm(request.POST)
        organisers = _organisers(request)
        if form.is_valid() and organisers.is_valid():
            try:
                actions.update_event(
                    event,
                    fields=form.event_fields(),
                    place_text=form.cleaned_data["place_text"],
                    place_details=form.place_details(),
                    organisers=organisers.inputs(),
                    acting_user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("Đã lưu thay đổi của sự kiện."))
                return redirect("registry:event_detail", event.pk)
        context = {"form": form, "organisers": organisers, "event": event}
        return render(request, "registry/event_form.html", context, status=422)
    form = EventForm(initial=EventForm.initial_for(event))
    organisers = _organisers(request, initial=organiser_initial(event))
    return render(request, "registry/event_form.html", {"form": form, "organisers": organisers, "event": event})


@login_required
@require_http_methods(["GET", "POST"])
def event_delete(request: SignedInRequest, event_id: int) -> HttpResponse:
    event, _grant = get_event_for_user(request.user, event_id, need=Need.EDIT)
    if request.method == "POST":
        name = event.name
        actions.delete_event(event, acting_user=request.user)
        messages.success(request, _("Đã xóa sự kiện “%(name)s”.") % {"name": name})
        return redirect("registry:events")
    return render(request, "registry/event_delete.html", {"event": event})


@login_required
@require_http_methods(["GET", "POST"])
def event_group_create(request: SignedInRequest) -> HttpResponse:
    """A group entry: one set of figures for several events of the same recorder."""
    recorder = posted_recorder(request)
    editable = recorders_for(request, recorder)
    if request.method == "POST":
        chosen = recorder or editable[0]
        candidates = queries.events_of_recorder(chosen)
        form = EventGroupForm(
            request.POST, organisations=editable, labels=label, candidates=[event.pk for event in candidates]
        )
        if form.is_valid() and recorder is not None:
            linked = [event for event in candidates if event.pk in set(form.cleaned_data["events"])]
            try:
                actions.record_event_group(
                    recorder, fields=form.group_fields(), events=linked, acting_user=request.user
                )
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("Đã ghi số liệu gộp cho %(count)s sự kiện.") % {"count": len(linked)})
                return redirect("registry:events")
        checked = set(form.cleaned_data.get("events") or [])
        context = {"form": form, "recorder": chosen, "candidates": candidates, "editable": editable, "checked": checked}
        return render(request, "registry/event_group_form.html", context, status=422)
    initial = preselected(request, editable)
    chosen = next(o for o in editable if o.pk == initial["recorded_by"])
    candidates = queries.events_of_recorder(chosen)
    form = EventGroupForm(initial=initial, organisations=editable, labels=label)
    context = {"form": form, "recorder": chosen, "candidates": candidates, "editable": editable}
    return render(request, "registry/event_group_form.html", context)


@login_required
def organisation_options(request: SignedInRequest) -> HttpResponse:
    """The options of an organiser select, found by a place's or an organisation's name (htmx)."""
    form = OrganisationSearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    found = queries.search_organisations(text) if text else queries.nearby_organisations(request.user)
    options = [(o.pk, label(o)) for o in found]
    return render(request, "registry/_organisation_options.html", {"options": options, "searched": bool(text)})
