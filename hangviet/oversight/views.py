"""Oversight pages under /giam-sat/: programmes, visits with their pre-filled checklist, findings and
recommendations, the conclusion notice in Word; market-control cases and period totals (never public)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hangviet.lib.forms import form_errors, run_action
from hangviet.lib.http import SignedInRequest
from hangviet.lib.periods import PeriodKey, period_of_day
from hangviet.orgs.policy import Need
from hangviet.oversight import actions, queries
from hangviet.oversight.access import (
    get_case_for_user,
    get_committee_for_programmes,
    get_enforcer_for_user,
    get_programme_for_user,
    get_visit_for_user,
)
from hangviet.oversight.catalogue import ORIGINS, OUTCOMES, PROGRAMME_KINDS, VIOLATION_TYPES, label_of
from hangviet.oversight.checklist import build_checklist
from hangviet.oversight.export import conclusion_docx
from hangviet.oversight.forms import (
    CaseForm,
    CaseTotalForm,
    FindingForm,
    ProgrammeForm,
    RecommendationForm,
    VisitForm,
)
from hangviet.registry.actions import find_producer

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def home(request: SignedInRequest) -> HttpResponse:
    """Programmes and cases the user may read; what the user may start."""
    return render(
        request,
        "oversight/home.html",
        {
            "programmes": queries.programmes_for(request.user)[:100],
            "recommendations": queries.recommendations_to(request.user)[:100],
            "meetings": queries.meetings_for(request.user)[:20],
            "committees": queries.committees_editable_by(request.user),
            "enforcers": queries.enforcers_of(request.user),
            "kinds": dict((item.code, item.label) for item in PROGRAMME_KINDS),
        },
    )


@login_required
def programme_create(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee = get_committee_for_programmes(request.user, committee_id, need=Need.EDIT)
    candidates = queries.subject_candidates(committee)
    form = ProgrammeForm(
        request.POST or None, candidates=candidates, initial={"year": timezone.localdate().year, "kind": "supervision"}
    )
    status = 200
    if request.method == "POST":
        programme = run_action(
            request,
            form,
            lambda data: actions.create_programme(
                committee,
                kind=data["kind"],
                title=data["title"],
                year=data["year"],
                windows_text=data["windows_text"],
                subjects=data["subjects"],
                topics=data["topics"],
                legal_basis=data["legal_basis"],
                acting_user=request.user,
            ),
        )
        if programme is not None:
            messages.success(request, _("Đã lập chương trình “%(title)s”.") % {"title": programme.title})
            return redirect("oversight:programme", programme.pk)
        status = 422
    return render(request, "oversight/programme_form.html", {"committee": committee, "form": form}, status=status)


@login_required
def programme(request: SignedInRequest, programme_id: int) -> HttpResponse:
    """A programme with its subjects and visits; its committee's editors open a visit here (POST)."""
    need = Need.EDIT if request.method == "POST" else Need.READ
    found, grant = get_programme_for_user(request.user, programme_id, need=need)
    subjects = found.subjects.order_by("name")
    default_period = period_of_day(timezone.localdate())
    form = VisitForm(
        request.POST or None,
        subjects=subjects,
        year=found.year,
        initial={"visited_on": timezone.localdate(), "period": default_period.code},
    )
    status = 200
    if request.method == "POST":
        visit = run_action(
            request,
            form,
            lambda data: actions.open_visit(
                found,
                subject=data["subject"],
                visited_on=data["visited_on"],
                period=data["period"],
                members=data["members"],
                acting_user=request.user,
            ),
        )
        if visit is not None:
            return redirect("oversight:visit", visit.pk)
        status = 422
    return render(
        request,
        "oversight/programme.html",
        {
            "programme": found,
            "kind": label_of(PROGRAMME_KINDS, found.kind),
            "subjects": subjects,
            "visits": found.visits.select_related("subject"),
            "can_edit": grant.can_edit,
            "form": form,
        },
        status=status,
    )


def _visit_page(request: SignedInRequest, visit_id: int, status: int = 200, **forms: object) -> HttpResponse:
    visit, grant = get_visit_for_user(request.user, visit_id, need=Need.READ)
    checklist = build_checklist(visit.subject, PeriodKey.parse(visit.period_code), user=request.user)
    return render(
        request,
        "oversight/visit.html",
        {
            "visit": visit,
            "checklist": checklist,
            "findings": visit.findings.all(),
            "recommendations": visit.recommendations.select_related("task"),
            "can_edit": grant.can_edit,
            "finding_form": forms.get("finding_form") or FindingForm(),
            "recommendation_form": forms.get("recommendation_form") or RecommendationForm(),
        },
        status=status,
    )


@login_required
def visit(request: SignedInRequest, visit_id: int) -> HttpResponse:
    return _visit_page(request, visit_id)


@login_required
@require_POST
def finding_add(request: SignedInRequest, visit_id: int) -> HttpResponse:
    found, _grant = get_visit_for_user(request.user, visit_id, need=Need.EDIT)
    form = FindingForm(request.POST)
    done = run_action(request, form, lambda data: actions.record_finding(found, acting_user=request.user, **data))
    if done is not None:
        messages.success(request, _("Đã ghi kết quả kiểm tra."))
        return redirect("oversight:visit", found.pk)
    return _visit_page(request, visit_id, 422, finding_form=form)


@login_required
@require_POST
def recommendation_add(request: SignedInRequest, visit_id: int) -> HttpResponse:
    found, _grant = get_visit_for_user(request.user, visit_id, need=Need.EDIT)
    form = RecommendationForm(request.POST)
    done = run_action(request, form, lambda data: actions.make_recommendation(found, acting_user=request.user, **data))
    if done is not None:
        messages.success(
            request, _("Đã ghi kiến nghị; nhiệm vụ đã chuyển đến %(name)s.") % {"name": found.subject.name}
        )
        return redirect("oversight:visit", found.pk)
    return _visit_page(request, visit_id, 422, recommendation_form=form)


@login_required
def conclusion(request: SignedInRequest, visit_id: int) -> HttpResponse:
    """The conclusion notice (Thông báo kết luận) as a Word file in the official layout."""
    found, _grant = get_visit_for_user(request.user, visit_id, need=Need.READ)
    response = HttpResponse(conclusion_docx(found), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="thong-bao-ket-luan-{found.pk}.docx"'
    return response


# Market control and food safety ------------------------------------------------------------------------------


@login_required
def cases(request: SignedInRequest) -> HttpResponse:
    """The cases and totals the user may read (its own agency's, or those below its committee)."""
    visible = queries.cases_for(request.user)
    return render(
        request,
        "oversight/cases.html",
        {
            "cases": visible[:200],
            "totals": queries.totals_for(request.user)[:100],
            "by_type": queries.by_violation_type(visible),
            "enforcers": queries.enforcers_of(request.user),
            "violations": dict((item.code, item.label) for item in VIOLATION_TYPES),
            "outcomes": dict((item.code, item.label) for item in OUTCOMES),
        },
    )


@login_required
def case_create(request: SignedInRequest, organisation_id: int) -> HttpResponse:
    agency = get_enforcer_for_user(request.user, organisation_id, need=Need.EDIT)
    form = CaseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            producer = find_producer(data["producer_name"]) if data["producer_name"] else None
            try:
                case = actions.record_case(
                    agency,
                    occurred_on=data["occurred_on"],
                    violation_type=data["violation_type"],
                    outcome=data["outcome"],
                    place_text=data["place_text"],
                    producer=producer,
                    subject_text=data["subject_text"] or ("" if producer else data["producer_name"]),
                    goods=data["goods"],
                    origin=data["origin"],
                    fine_vnd=data["fine"],
                    decision_ref=data["decision_ref"],
                    consumer_report_ref=data["consumer_report_ref"],
                    notes=data["notes"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Đã ghi vụ việc."))
                return redirect("oversight:case", case.pk)
        else:
            messages.error(request, form_errors(form))
        status = 422
    return render(request, "oversight/case_form.html", {"agency": agency, "form": form}, status=status)


@login_required
def case(request: SignedInRequest, case_id: int) -> HttpResponse:
    found, _grant = get_case_for_user(request.user, case_id, need=Need.READ)
    return render(
        request,
        "oversight/case.html",
        {
            "case": found,
            "violation": label_of(VIOLATION_TYPES, found.violation_type),
            "outcome": label_of(OUTCOMES, found.outcome),
            "origin": label_of(ORIGINS, found.origin),
        },
    )


@login_required
def total_create(request: SignedInRequest, organisation_id: int) -> HttpResponse:
    """One period total, for an agency that gives totals only."""
    agency = get_enforcer_for_user(request.user, organisation_id, need=Need.EDIT)
    form = CaseTotalForm(request.POST or None)
    status = 200
    if request.method == "POST":
        done = run_action(
            request,
            form,
            lambda data: actions.record_case_total(
                agency,
                period=data["period"],
                inspections=data["inspections"],
                violations_handled=data["violations_handled"],
                fines_vnd=data["fines"],
                notes=data["notes"],
                acting_user=request.user,
            ),
        )
        if done is not None:
            messages.success(request, _("Đã ghi số liệu tổng hợp theo kỳ."))
            return redirect("oversight:cases")
        status = 422
    return render(request, "oversight/total_form.html", {"agency": agency, "form": form}, status=status)
