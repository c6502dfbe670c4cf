"""What every registry page shares: reading the list filters (and gating their organisation), the recorder a
form posts (gated before the form is read), pagination."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from hangviet.lib.http import SignedInRequest
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Need
from hangviet.registry import queries
from hangviet.registry.filters import ListFilterForm, NewRowForm
from hangviet.registry.forms import RecorderIdForm
from hangviet.registry.queries import Filters, organisation_label

PAGE_SIZE = 50
label = organisation_label


def read_filters[F: ListFilterForm](request: SignedInRequest, form_class: type[F]) -> tuple[F, Filters]:
    """The list's filter form (invalid values are shown and ignored) and the organisation and period it
    names; an organisation the user cannot see answers 404."""
    form = form_class(request.GET)
    form.is_valid()
    data = form.cleaned_data
    organisation = None
    if data.get("organisation"):
        organisation, _grant = get_organisation_for_user(request.user, data["organisation"], need=Need.READ)
    options = queries.filter_organisations(request.user)
    if options is not None:
        if organisation is not None and organisation not in options:
            options.append(organisation)
        field = form.fields["organisation"]
        field.widget = forms.Select(
            choices=[("", _("Tất cả đơn vị")), *((o.pk, label(o)) for o in options)],
            attrs={"class": "form-select form-select-sm"},
        )
    return form, Filters(organisation=organisation, period=data.get("period"))


def paginate(rows: QuerySet[Any] | list[Any], form: forms.Form) -> Page[Any]:
    page = form.cleaned_data.get("page") or 1
    return Paginator(rows, PAGE_SIZE).get_page(page)


def posted_recorder(request: SignedInRequest) -> Organisation | None:
    """The organisation a POSTed form records for, after the gate: 404 if unseen, 403 if not edited."""
    if request.method != "POST":
        return None
    form = RecorderIdForm(request.POST)
    if not form.is_valid() or not form.cleaned_data.get("recorded_by"):
        return None
    organisation, _grant = get_organisation_for_user(request.user, form.cleaned_data["recorded_by"], need=Need.EDIT)
    return organisation


def recorders_for(request: SignedInRequest, recorder: Organisation | None) -> list[Organisation]:
    """The organisations the user records for (a create page's select); 403 for a user who edits none."""
    editable = queries.editable_organisations(request.user)
    if recorder is not None and recorder.pk not in {o.pk for o in editable}:
        editable.append(recorder)
    if not editable:
        raise PermissionDenied
    return editable


def preselected(request: SignedInRequest, editable: list[Organisation]) -> dict[str, Any]:
    """Initial data of a create page: the recorder named by ``?organisation=`` when the user edits it."""
    form = NewRowForm(request.GET)
    wanted = form.cleaned_data.get("organisation") if form.is_valid() else None
    chosen = next((o for o in editable if o.pk == wanted), editable[0])
    return {"recorded_by": chosen.pk}


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)
