"""Home, sign-in and the unit lookup page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hangviet.lib.http import SignedInRequest
from hangviet.orgs.policy import active_roles
from hangviet.portal import views as portal_views
from hangviet.units.resolve import UnitNotFound, describe_unit, resolve_unit
from hangviet.web.forms import UnitQueryForm


def home(request: SignedInRequest) -> HttpResponse:
    """Visitors get the public portal; a signed-in user with one organisation goes straight to it, otherwise
    chooses."""
    if not request.user.is_authenticated:
        return portal_views.home(request)
    roles = active_roles(request.user)
    if len({role.organisation_id for role in roles}) == 1:
        return redirect("orgs:detail", roles[0].organisation_id)
    return render(request, "web/home.html", {"roles": roles})


@login_required
def units(request: SignedInRequest) -> HttpResponse:
    """Look up what an old unit became (public reference data: any signed-in user)."""
    form = UnitQueryForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context: dict[str, object] = {"query": query}
    if not form.is_valid():
        context["error"] = _("Tên đơn vị quá dài (tối đa 300 ký tự).")
    elif query:
        try:
            resolution = resolve_unit(query)
        except UnitNotFound:
            context["error"] = _(
                "Không tìm thấy đơn vị “%(query)s”. Hãy ghi đủ tên, ví dụ “Phường 1, Thành phố "
                "Trà Vinh, Tỉnh Trà Vinh”."
            ) % {"query": query}
        else:
            context["unit"] = describe_unit(resolution.unit)
            context["ended_on"] = resolution.unit.valid_to
            context["current"] = [describe_unit(unit) for unit in resolution.current if unit.pk != resolution.unit.pk]
    template = "web/_unit_result.html" if request.htmx else "web/units.html"
    return render(request, template, context)
