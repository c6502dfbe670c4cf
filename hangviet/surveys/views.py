"""Surveys: the public answer page (no login, once per device), and the owner's pages — list, create, paper
entry, results with denominators, .xlsx export."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hangviet.lib.http import SignedInRequest
from hangviet.lib.ratelimit import client_ip, hit
from hangviet.orgs.policy import Need
from hangviet.surveys import actions, queries
from hangviet.surveys.access import get_owner_for_user, get_public_survey, get_survey_for_user
from hangviet.surveys.export import survey_workbook
from hangviet.surveys.forms import AnswerForm, OwnerIdForm, QuestionFormSet, SurveyForm
from hangviet.surveys.models import Response, Survey

COOKIE_SALT = "hangviet.surveys.answered"


def _cookie(survey: Survey) -> str:
    return f"hv-khao-sat-{survey.pk}"


def _device_key(request: HttpRequest, survey: Survey) -> str:
    """A hash of the survey, the address and the browser: one answer per device without keeping either."""
    agent = str(request.META.get("HTTP_USER_AGENT", ""))[:300]
    raw = f"{settings.SECRET_KEY}|{survey.pk}|{client_ip(request.META)}|{agent}"
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    survey = get_public_survey(slug)
    context: dict[str, Any] = {"survey": survey}
    if not survey.is_open_on(timezone.localdate()):
        return render(request, "surveys/closed.html", context)
    if request.get_signed_cookie(_cookie(survey), default="", salt=COOKIE_SALT):
        return render(request, "surveys/thanks.html", {**context, "again": True})
    units = queries.units_for(survey)
    if request.method != "POST":
        return render(request, "surveys/answer.html", {**context, "form": AnswerForm(survey=survey, units=units)})
    form = AnswerForm(request.POST, survey=survey, units=units)
    if not hit(f"surveys:answer:{client_ip(request.META)}", 20, 600):
        context["refusal"] = _("Bạn đã gửi quá nhiều phiếu trong thời gian ngắn; vui lòng thử lại sau.")
        return render(request, "surveys/answer.html", {**context, "form": form}, status=429)
    if not form.is_valid():
        return render(request, "surveys/answer.html", {**context, "form": form}, status=400)
    unit = next(u for u in units if u.pk == form.cleaned_data["unit"])
    try:
        actions.record_response(
            survey,
            unit=unit,
            answers=form.answers(),
            channel=Response.Channel.ONLINE,
            device_key=_device_key(request, survey),
        )
    except actions.AlreadyAnswered:
        context["again"] = True
    except ValidationError as error:
        form.add_error(None, error)
        return render(request, "surveys/answer.html", {**context, "form": form}, status=400)
    response = render(request, "surveys/thanks.html", context)
    response.set_signed_cookie(
        _cookie(survey),
        "1",
        salt=COOKIE_SALT,
        max_age=60 * 60 * 24 * 400,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


@login_required
def survey_list(request: SignedInRequest) -> HttpResponse:
    return render(
        request,
        "surveys/list.html",
        {"surveys": queries.surveys_for(request.user)[:200], "can_create": bool(queries.owners_for(request.user))},
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request: SignedInRequest) -> HttpResponse:
    owners = queries.owners_for(request.user)
    if request.method == "POST":  # the organisation posted is gated before the form is read (404 / 403)
        chosen = OwnerIdForm(request.POST)
        if chosen.is_valid() and chosen.cleaned_data.get("owner"):
            owner = get_owner_for_user(request.user, chosen.cleaned_data["owner"])
            if owner not in owners:
                owners.append(owner)
    if not owners:
        raise PermissionDenied
    form = SurveyForm(request.POST or None, owners=owners)
    formset = QuestionFormSet(request.POST or None, prefix="q")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        owner = get_owner_for_user(request.user, form.cleaned_data["owner"])
        data = form.cleaned_data
        questions = [row for row in formset.cleaned_data if row and row.get("text")]
        try:
            survey = actions.create_survey(
                owner,
                title=data["title"],
                kind=data["kind"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                intro=data["intro"],
                target_share_pct=data["target_share_pct"],
                questions=questions,
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã tạo cuộc khảo sát."))
            return redirect("surveys:detail", survey_id=survey.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "surveys/create.html", {"form": form, "formset": formset}, status=status)


@login_required
def detail(request: SignedInRequest, survey_id: int) -> HttpResponse:
    survey, grant = get_survey_for_user(request.user, survey_id, need=Need.READ)
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "grant": grant,
            "results": queries.results(survey),
            "by_unit": queries.responses_by_unit(survey),
            "channels": queries.channel_counts(survey),
            "share": queries.shelf_share(survey),
            "public_url": request.build_absolute_uri(f"/khao-sat/{survey.slug}/"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def paper(request: SignedInRequest, survey_id: int) -> HttpResponse:
    """A surveyor enters a paper form (many in a row: the page comes back empty after each)."""
    survey, _grant = get_survey_for_user(request.user, survey_id, need=Need.EDIT)
    units = queries.units_for(survey)
    form = AnswerForm(request.POST or None, survey=survey, units=units)
    if request.method == "POST":
        if form.is_valid():
            unit = next(u for u in units if u.pk == form.cleaned_data["unit"])
            try:
                actions.record_response(
                    survey, unit=unit, answers=form.answers(), channel=Response.Channel.PAPER, acting_user=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã ghi phiếu."))
                return redirect("surveys:paper", survey_id=survey.pk)
        return render(request, "surveys/paper.html", {"survey": survey, "form": form}, status=400)
    return render(request, "surveys/paper.html", {"survey": survey, "form": form})


@login_required
def export(request: SignedInRequest, survey_id: int) -> HttpResponse:
    survey, _grant = get_survey_for_user(request.user, survey_id, need=Need.READ)
    response = HttpResponse(
        survey_workbook(survey), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="khao-sat-{survey.pk}.xlsx"'
    return response
