"""Consumer reports: the public form and tracking page; the receiving bodies' queue and handling; offline intake;
each province's routing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hangviet.complaints import actions, queries
from hangviet.complaints.access import (
    get_intake_organisation_for_user,
    get_report_by_code,
    get_report_for_user,
    get_routing_committee_for_user,
)
from hangviet.complaints.forms import (
    AddInformationForm,
    AskForm,
    CloseForm,
    ForwardForm,
    OfflineReportForm,
    OrganisationIdForm,
    QueueFilterForm,
    ReportForm,
    RouteForm,
    TrackForm,
)
from hangviet.complaints.limits import too_many_message, within
from hangviet.complaints.models import ConsumerReport
from hangviet.complaints.routing import route_choices
from hangviet.lib.forms import messages_of
from hangviet.lib.http import SignedInRequest
from hangviet.orgs.policy import Need

# --- public pages -------------------------------------------------------------------------------------------


def _too_many(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, {**context, "refusal": too_many_message()}, status=429)


@require_http_methods(["GET", "POST"])
def new_report(request: HttpRequest) -> HttpResponse:
    """Anyone reports fake or poor goods; the answer is the tracking code."""
    if request.method != "POST":
        return render(request, "complaints/new.html", {"form": ReportForm()})
    form = ReportForm(request.POST, request.FILES)
    if not within(request, "attempt"):
        return _too_many(request, "complaints/new.html", {"form": form})
    if form.is_robot:
        # A robot filled the hidden field: answer as if received, record nothing.
        return render(request, "complaints/done.html", {"code": actions.new_code()})
    if not form.is_valid():
        return render(request, "complaints/new.html", {"form": form}, status=400)
    if not within(request, "submit"):
        return _too_many(request, "complaints/new.html", {"form": ReportForm()})
    report = actions.submit_report(**form.action_kwargs(), acting_user=None)
    return render(request, "complaints/done.html", {"code": report.code})


@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    """The status of a report by its code, with the public answer; never who wrote it or who handles it. A POST
    adds the information the receiving body asked for."""
    form = TrackForm(request.POST if request.method == "POST" else (request.GET or None))
    context: dict[str, Any] = {"form": form}
    if not form.is_bound:
        return render(request, "complaints/track.html", context)
    if not within(request, "lookup"):
        return _too_many(request, "complaints/track.html", context)
    if not form.is_valid():
        return render(request, "complaints/track.html", context, status=400)
    try:
        report = get_report_by_code(form.cleaned_data["code"])
    except Http404:
        context["not_found"] = True
        return render(request, "complaints/track.html", context, status=404)
    add_form = AddInformationForm(initial={"code": report.code})
    if request.method == "POST":
        add_form = AddInformationForm(request.POST)
        if not add_form.is_valid():
            context |= {"report": report, "add_form": add_form, "forwarded": queries.was_forwarded(report)}
            return render(request, "complaints/track.html", context, status=400)
        try:
            report = actions.add_information(report, text=add_form.cleaned_data["text"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã gửi thông tin bổ sung. Cảm ơn bạn."))
        add_form = AddInformationForm(initial={"code": report.code})
    context |= {"report": report, "add_form": add_form, "forwarded": queries.was_forwarded(report)}
    return render(request, "complaints/track.html", context)


# --- staff pages ---------------------------------------------------------------------------------------------


@login_required
def queue(request: SignedInRequest) -> HttpResponse:
    """Reports routed to the organisations the user acts for."""
    form = QueueFilterForm(request.GET or {"status": "open"})
    status = form.cleaned_data.get("status", "open") if form.is_valid() else "open"
    rows = queries.queue_for(request.user, status=status)[:200]
    return render(
        request,
        "complaints/queue.html",
        {
            "form": form,
            "reports": rows,
            "entered": queries.entered_by(request.user)[:50],
            "can_enter": bool(queries.intake_organisations(request.user)),
            "routing": queries.routing_committees(request.user),
        },
    )


def _detail_context(request: SignedInRequest, report: ConsumerReport, access: Any, **forms: Any) -> dict[str, Any]:
    return {
        "report": report,
        "access": access,
        "steps": report.steps.select_related("organisation", "to_organisation"),
        "forward_form": forms.get("forward_form") or ForwardForm(targets=queries.forward_targets(report)),
        "ask_form": forms.get("ask_form") or AskForm(),
        "close_form": forms.get("close_form") or CloseForm(),
    }


@login_required
def detail(request: SignedInRequest, report_id: int) -> HttpResponse:
    report, access = get_report_for_user(request.user, report_id, need=Need.READ)
    return render(request, "complaints/detail.html", _detail_context(request, report, access))


@login_required
def photo(request: SignedInRequest, report_id: int) -> FileResponse:
    report, _access = get_report_for_user(request.user, report_id, need=Need.READ)
    if not report.photo:
        raise Http404
    return FileResponse(report.photo.open("rb"), content_type="image/jpeg")


def _staff_change(request: SignedInRequest, report_id: int, form_name: str, form: Any, change: Any) -> HttpResponse:
    report, access = get_report_for_user(request.user, report_id, need=Need.EDIT)
    if form.is_valid():
        try:
            change(report, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã lưu."))
            if report.pk and not _still_visible(request, report_id):
                return redirect("complaints:queue")
        return redirect("complaints:detail", report_id=report_id)
    return render(
        request,
        "complaints/detail.html",
        _detail_context(request, report, access, **{form_name: form}),
        status=400,
    )


def _still_visible(request: SignedInRequest, report_id: int) -> bool:
    try:
        get_report_for_user(request.user, report_id, need=Need.READ)
    except Http404:
        return False
    return True


@login_required
@require_POST
def forward(request: SignedInRequest, report_id: int) -> HttpResponse:
    report, _access = get_report_for_user(request.user, report_id, need=Need.EDIT)
    form = ForwardForm(request.POST, targets=queries.forward_targets(report))
    return _staff_change(
        request,
        report_id,
        "forward_form",
        form,
        lambda r, data: actions.forward_report(r, to=data["to"], note=data["note"], acting_user=request.user),
    )


@login_required
@require_POST
def ask(request: SignedInRequest, report_id: int) -> HttpResponse:
    return _staff_change(
        request,
        report_id,
        "ask_form",
        AskForm(request.POST),
        lambda r, data: actions.request_information(r, question=data["question"], acting_user=request.user),
    )


@login_required
@require_POST
def close(request: SignedInRequest, report_id: int) -> HttpResponse:
    return _staff_change(
        request,
        report_id,
        "close_form",
        CloseForm(request.POST),
        lambda r, data: actions.close_report(
            r,
            outcome=data["outcome"],
            public_answer=data["public_answer"],
            case_reference=data["case_reference"],
            acting_user=request.user,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def offline(request: SignedInRequest) -> HttpResponse:
    """An intake organisation (consumer association, union, any organisation) enters a report it collected."""
    organisations = queries.intake_organisations(request.user)
    if request.method == "POST":
        chosen = OrganisationIdForm(request.POST)
        if chosen.is_valid() and chosen.cleaned_data.get("organisation"):
            organisation = get_intake_organisation_for_user(request.user, chosen.cleaned_data["organisation"])
            if organisation not in organisations:
                organisations.append(organisation)
    if not organisations:
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "complaints/offline.html", {"form": OfflineReportForm(organisations=organisations)})
    form = OfflineReportForm(request.POST, request.FILES, organisations=organisations)
    if not form.is_valid():
        return render(request, "complaints/offline.html", {"form": form}, status=400)
    intake = get_intake_organisation_for_user(request.user, form.cleaned_data["organisation"])
    report = actions.submit_report(**form.action_kwargs(), intake_organisation=intake, acting_user=request.user)
    messages.success(
        request,
        _("Đã ghi phản ánh, mã theo dõi %(code)s (đã chuyển đến %(receiver)s).")
        % {"code": report.code, "receiver": report.receiver.name},
    )
    return redirect("complaints:queue")


@login_required
@require_http_methods(["GET", "POST"])
def routing(request: SignedInRequest, committee_id: int) -> HttpResponse:
    """The province's standing office chooses who receives its reports."""
    committee = get_routing_committee_for_user(request.user, committee_id)
    choices = route_choices(committee)
    current = queries.route_of(committee)
    form = RouteForm(request.POST or None, choices=choices, initial={"organisation": current.pk})
    if request.method == "POST":
        if form.is_valid():
            chosen = next(o for o in choices if o.pk == form.cleaned_data["organisation"])
            actions.set_route(committee.unit, chosen, acting_user=request.user)
            messages.success(
                request,
                _("Đã lưu: phản ánh mới ở %(province)s chuyển đến %(to)s.")
                % {"province": committee.unit.name, "to": chosen.name},
            )
            return redirect("complaints:routing", committee_id=committee.pk)
        messages.error(request, " ".join(messages_of(form.errors.get("organisation", []))))
    return render(request, "complaints/routing.html", {"committee": committee, "form": form, "current": current})
