"""Editing registry rows: OCOP products, sale points, model areas, clubs, producers and group entries.

One shape for all (``_edit``): the recorder's editors only (``get_record_for_user`` with ``Need.EDIT``: 403 for
whoever reads the row, 404 for whoever does not), the create page's form filled with the row's values, then
``actions.update_record`` (through ``update_product`` for a product's producer), back to the row's page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from hangviet.lib.http import SignedInRequest
from hangviet.lib.text import fold_diacritics
from hangviet.orgs.policy import Need
from hangviet.registry import actions, queries
from hangviet.registry.access import get_record_for_user
from hangviet.registry.forms import (
    ClubForm,
    EventGroupForm,
    ModelAreaForm,
    ProducerForm,
    ProductForm,
    SalePointForm,
    figure_initial,
)
from hangviet.registry.models import Club, EventGroup, ModelArea, OcopProduct, Producer, SalePoint
from hangviet.registry.placeforms import PlaceDetailsMixin, place_initial
from hangviet.registry.views.common import error_text

#: Form fields that are not the row's own fields: where it is, and who records it.
NOT_FIELDS = frozenset({"recorded_by", "place_text", "address", *actions.PLACE_DETAILS})
Prepare = Callable[[SignedInRequest, Any, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class EditPage:
    """What differs between the edit pages: the form, the words, where to go back to."""

    form_class: type[forms.Form]
    heading: Any
    active: str
    list_url: str
    list_title: Any
    detail_url: str = ""  # the row's page; empty: back to the list
    place_field: str = "place_text"
    prepare: Prepare | None = None  # form values → the row's fields (an operator found by name…)
    extra_initial: dict[str, Callable[[Any], Any]] = field(default_factory=dict)


def _initial(row: Any, page: EditPage) -> dict[str, Any]:
    names = [name for name in page.form_class.base_fields if name not in NOT_FIELDS]
    initial = {name: getattr(row, name) for name in names if hasattr(row, name)}
    place = place_initial(row.place)
    initial |= {name: place[name] for name in actions.PLACE_DETAILS}
    initial[page.place_field] = place["place_text"]
    return initial | {name: value(row) for name, value in page.extra_initial.items()}


def _back(row: Any, page: EditPage) -> str:
    return reverse(page.detail_url, args=[row.pk]) if page.detail_url else reverse(page.list_url)


def _render(request: SignedInRequest, row: Any, form: forms.Form, page: EditPage, *, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "row": row,
        "heading": page.heading,
        "active": page.active,
        "list_url": page.list_url,
        "list_title": page.list_title,
        "cancel_url": _back(row, page),
        "row_url": reverse(page.detail_url, args=[row.pk]) if page.detail_url else "",
    }
    return render(request, "registry/create_form.html", context, status=status)


def _edit(request: SignedInRequest, model: type[Model], pk: int, page: EditPage) -> HttpResponse:
    row: Any
    row, _grant = get_record_for_user(request.user, model, pk, need=Need.EDIT)  # type: ignore[type-var]
    if request.method != "POST":
        return _render(request, row, page.form_class(initial=_initial(row, page)), page)
    form = page.form_class(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        place_text = data[page.place_field]
        details = form.place_details() if isinstance(form, PlaceDetailsMixin) else None
        fields = {name: value for name, value in data.items() if name not in NOT_FIELDS}
        try:
            if isinstance(row, OcopProduct):
                _row, changed = _update_product(request, row, fields, place_text)
            else:
                fields = page.prepare(request, row, fields) if page.prepare else fields
                _row, changed = actions.update_record(
                    row, fields=fields, place_text=place_text, place_details=details, acting_user=request.user
                )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            if changed:
                messages.success(request, _("Đã lưu thay đổi của “%(name)s”.") % {"name": _row})
            else:
                messages.info(request, _("Không có thay đổi nào."))
            return redirect(_back(row, page))
    return _render(request, row, form, page, status=422)


def _update_product(
    request: SignedInRequest, product: OcopProduct, fields: dict[str, Any], place_text: str
) -> tuple[OcopProduct, list[str]]:
    """The producer typed: the current one, a visible one by that name or alias, or a new one."""
    name = fields.pop("producer_name")
    legal_form = fields.pop("producer_legal_form")
    current = product.producer
    if not name:
        producer = None
    elif current is not None and fold_diacritics(name) == current.folded_name:
        producer = current
    else:
        producer = queries.find_visible_producer(request.user, name)
    return actions.update_product(
        product,
        fields=fields,
        producer=producer,
        producer_name=name,
        producer_legal_form=legal_form,
        place_text=place_text,
        acting_user=request.user,
    )


def _sale_point_fields(request: SignedInRequest, point: SalePoint, fields: dict[str, Any]) -> dict[str, Any]:
    name = fields.get("operator_name") or ""
    if point.operator is not None and fold_diacritics(name) == point.operator.folded_name:
        fields["operator"] = point.operator
    else:
        fields["operator"] = queries.find_visible_producer(request.user, name) if name else None
    return fields


def _club_fields(request: SignedInRequest, club: Club, fields: dict[str, Any]) -> dict[str, Any]:
    return fields | {"members": fields.get("members") or 0}


PRODUCT = EditPage(
    ProductForm,
    gettext_lazy("Sửa sản phẩm OCOP"),
    "products",
    "registry:products",
    gettext_lazy("Sản phẩm OCOP"),
    "registry:product_detail",
    extra_initial={
        "producer_name": lambda product: product.producer.name if product.producer else "",
        "producer_legal_form": lambda product: Producer.LegalForm.OTHER,
    },
)
SALE_POINT = EditPage(
    SalePointForm,
    gettext_lazy("Sửa điểm bán hàng Việt"),
    "salepoints",
    "registry:salepoints",
    gettext_lazy("Điểm bán"),
    "registry:salepoint_detail",
    prepare=_sale_point_fields,
)
AREA = EditPage(
    ModelAreaForm,
    gettext_lazy("Sửa khu dân cư tự hào dùng hàng Việt"),
    "areas",
    "registry:areas",
    gettext_lazy("Khu dân cư"),
)
CLUB = EditPage(
    ClubForm,
    gettext_lazy("Sửa câu lạc bộ, tổ, nhóm"),
    "clubs",
    "registry:clubs",
    gettext_lazy("Câu lạc bộ"),
    prepare=_club_fields,
)
PRODUCER = EditPage(
    ProducerForm,
    gettext_lazy("Sửa chủ thể sản xuất, kinh doanh"),
    "producers",
    "registry:producers",
    gettext_lazy("Chủ thể"),
    "registry:producer_detail",
    place_field="address",
)


@login_required
@require_http_methods(["GET", "POST"])
def product_edit(request: SignedInRequest, product_id: int) -> HttpResponse:
    return _edit(request, OcopProduct, product_id, PRODUCT)


@login_required
@require_http_methods(["GET", "POST"])
def salepoint_edit(request: SignedInRequest, point_id: int) -> HttpResponse:
    return _edit(request, SalePoint, point_id, SALE_POINT)


@login_required
@require_http_methods(["GET", "POST"])
def area_edit(request: SignedInRequest, area_id: int) -> HttpResponse:
    return _edit(request, ModelArea, area_id, AREA)


@login_required
@require_http_methods(["GET", "POST"])
def club_edit(request: SignedInRequest, club_id: int) -> HttpResponse:
    return _edit(request, Club, club_id, CLUB)


@login_required
@require_http_methods(["GET", "POST"])
def producer_edit(request: SignedInRequest, producer_id: int) -> HttpResponse:
    return _edit(request, Producer, producer_id, PRODUCER)


# Group entries ------------------------------------------------------------------------------------------------


def _group_initial(group: EventGroup) -> dict[str, Any]:
    fields = ("description", "kind", "starts_on", "ends_on", "declared_count")
    initial = {name: getattr(group, name) for name in fields}
    return initial | {"declared_count": group.declared_count or None} | figure_initial(group)


@login_required
@require_http_methods(["GET", "POST"])
def event_group_edit(request: SignedInRequest, group_id: int) -> HttpResponse:
    """A group entry's description, window and figures, and which of its recorder's events it links."""
    group, _grant = get_record_for_user(request.user, EventGroup, group_id, need=Need.EDIT)
    candidates = queries.events_of_recorder(group.recorded_by, group=group)
    context: dict[str, Any] = {
        "group": group,
        "recorder": group.recorded_by,
        "candidates": candidates,
        "editable": [group.recorded_by],
    }
    if request.method != "POST":
        linked = {event.pk for event in candidates if event.group_id == group.pk}
        form = EventGroupForm(initial=_group_initial(group), candidates=[event.pk for event in candidates])
        return render(request, "registry/event_group_form.html", context | {"form": form, "checked": linked})
    form = EventGroupForm(request.POST, candidates=[event.pk for event in candidates])
    if form.is_valid():
        chosen = set(form.cleaned_data["events"])
        try:
            _group, changed = actions.update_event_group(
                group,
                fields=form.group_fields(),
                events=[event for event in candidates if event.pk in chosen],
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            if changed:
                messages.success(request, _("Đã lưu thay đổi của số liệu gộp."))
            else:
                messages.info(request, _("Không có thay đổi nào."))
            return redirect("registry:events")
    checked = set(form.cleaned_data.get("events") or []) if hasattr(form, "cleaned_data") else set()
    return render(request, "registry/event_group_form.html", context | {"form": form, "checked": checked}, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def event_group_delete(request: SignedInRequest, group_id: int) -> HttpResponse:
    """Remove a group entry; its events stay, unlinked (their own figures count again)."""
    group, _grant = get_record_for_user(request.user, EventGroup, group_id, need=Need.EDIT)
    if request.method == "POST":
        description = group.description
        actions.delete_event_group(group, acting_user=request.user)
        messages.success(request, _("Đã xóa số liệu gộp “%(name)s”.") % {"name": description})
        return redirect("registry:events")
    linked = queries.events_of_group(group)
    return render(request, "registry/event_group_delete.html", {"group": group, "linked": linked})
