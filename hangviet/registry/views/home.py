"""The registry home ("Sổ theo dõi") and the places not yet resolved to a unit, with their resolve form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from hangviet.lib.http import SignedInRequest
from hangviet.orgs.policy import Grant, Need
from hangviet.registry import actions, queries
from hangviet.registry.access import get_place_for_user
from hangviet.registry.filters import PlaceFilterForm
from hangviet.registry.forms import ResolveForm
from hangviet.registry.models import Place
from hangviet.registry.views.common import paginate
from hangviet.units.models import Unit
from hangviet.units.resolve import UnitNotFound, resolve_unit

#: (list name, title, list URL, create URL)
LISTS = (
    ("events", gettext_lazy("Sự kiện xúc tiến thương mại"), "registry:events", "registry:event_create"),
    ("products", gettext_lazy("Sản phẩm OCOP"), "registry:products", "registry:product_create"),
    ("salepoints", gettext_lazy("Điểm bán hàng Việt"), "registry:salepoints", "registry:salepoint_create"),
    ("areas", gettext_lazy("Khu dân cư tự hào dùng hàng Việt"), "registry:areas", "registry:area_create"),
    ("clubs", gettext_lazy("Câu lạc bộ, tổ, nhóm"), "registry:clubs", "registry:club_create"),
    ("producers", gettext_lazy("Chủ thể sản xuất, kinh doanh"), "registry:producers", "registry:producer_create"),
)


@login_required
def home(request: SignedInRequest) -> HttpResponse:
    """Each list with the rows the user sees, "Thêm" where the user records, and places left to resolve."""
    counts = queries.count_rows(request.user)
    unresolved = queries.count_unresolved(request.user)
    cards = [
        {
            "name": name,
            "title": title,
            "url": url,
            "create_url": create_url,
            "count": counts[name],
            "unresolved": unresolved[name],
        }
        for name, title, url, create_url in LISTS
    ]
    context = {
        "cards": cards,
        "can_add": bool(queries.editable_organisations(request.user)),
        "expiring": len(queries.list_expiring(request.user)),
        "unresolved_total": sum(unresolved.values()),
    }
    return render(request, "registry/home.html", context)


@login_required
def places(request: SignedInRequest) -> HttpResponse:
    form = PlaceFilterForm(request.GET)
    form.is_valid()
    rows = queries.list_unresolved_places(request.user, registry=form.cleaned_data.get("registry") or "")
    page = paginate(rows, form)
    uses = queries.rows_using(page.object_list)
    items = [(place, uses.get(place.pk, [])) for place in page.object_list]
    return render(request, "registry/places.html", {"form": form, "page": page, "items": items})


def _resolve_page(
    request: SignedInRequest, place: Place, grant: Grant, form: ResolveForm, *, status: int = 200
) -> HttpResponse:
    context = {
        "place": place,
        "grant": grant,
        "form": form,
        "candidates": queries.place_candidates(place),
        "uses": queries.rows_using([place]).get(place.pk, []),
    }
    return render(request, "registry/place_resolve.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def place_resolve(request: SignedInRequest, place_id: int) -> HttpResponse:
    """The clerk says which unit a place is in: a candidate, or a unit name read by ``resolve_unit``."""
    place, grant = get_place_for_user(request.user, place_id, need=Need.EDIT)
    if request.method != "POST":
        return _resolve_page(request, place, grant, ResolveForm())
    form = ResolveForm(request.POST)
    unit: Unit | None = None
    if form.is_valid():
        if form.cleaned_data.get("unit"):
            unit = queries.unit_by_id(form.cleaned_data["unit"])
            if unit is None:
                form.add_error("unit", _("Đơn vị hành chính này không có trong danh mục."))
        else:
            try:
                unit = resolve_unit(form.cleaned_data["q"]).unit
            except UnitNotFound:
                form.add_error(
                    "q",
                    _("Không tìm thấy đơn vị “%(name)s”; hãy ghi đủ tên, kèm tỉnh.") % {"name": form.cleaned_data["q"]},
                )
    if unit is None:
        return _resolve_page(request, place, grant, form, status=422)
    actions.resolve_place(place, unit, acting_user=request.user)
    messages.success(
        request,
        _("Đã xác định “%(text)s” thuộc %(unit)s.") % {"text": place.text, "unit": queries.unit_label(unit)},
    )
    return redirect("registry:places")
