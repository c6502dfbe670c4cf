"""Home, sign-in and the unit lookup page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from hangviet.lib.http import SignedInRequest
from hangviet.portal import views as portal_views
from hangviet.units.resolve import UnitNotFound, describe_unit, resolve_unit
from hangviet.web.forms import UnitQueryForm
from hangviet.web.home import HomeContext, build_home


def home(request: SignedInRequest) -> HttpResponse:
    """The work home of a signed-in user; visitors get the public portal (issue 11)."""
    if not request.user.is_authenticated:
        return portal_views.home(request)
    return work_home(request)


def work_home(request: SignedInRequest) -> HttpResponse:
    """What to do next, most urgent first (``web/home.py``), and the user's organisations."""
    context = HomeContext.for_user(request.user)
    sections = build_home(context)
    return render(
        request,
        "web/home.html",
        {
            "roles": context.roles,
            "sections": sections,
            "has_work": any(section.actionable for section in sections),
            "can_act": bool(context.editing),
            "today": context.day,
        },
    )


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
