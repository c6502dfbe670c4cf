"""Pages under /cuoc-van-dong/: the media board and outlets, outdoor media, commendations, budgets."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from hangviet.campaign import actions, queries
from hangviet.campaign.access import (
    get_award_for_user,
    get_committee_for_schemes,
    get_committee_for_user,
    get_organisation_for_user,
    get_outlet_for_user,
    get_quota_outlet,
    get_scheme_for_user,
)
from hangviet.campaign.forms import (
    AllocationForm,
    BudgetKindForm,
    ContributionForm,
    DecisionForm,
    ItemForm,
    NominationForm,
    OutdoorForm,
    OutletForm,
    ProposalForm,
    PublishForm,
    QuarterForm,
    QuotaForm,
    SchemeForm,
    SpendForm,
    YearForm,
)
from hangviet.lib.forms import form_errors
from hangviet.lib.http import SignedInRequest
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.vnformat import format_money
from hangviet.orgs.policy import Need, list_subtree_ids, visible_organisation_ids


def _error(request: SignedInRequest, error: ValidationError | str) -> None:
    text = " ".join(error.messages) if isinstance(error, ValidationError) else error
    messages.error(request, text)


def _workbook(title: str, heading: str, header: list[str], rows: Iterable[list[Any]]) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{title.lower().replace(" ", "-")}.xlsx"'
    return response


@login_required
def home(request: SignedInRequest) -> HttpResponse:
    committees = queries.own_committees(request.user)
    outlets = queries.outlets_visible(o.pk for o in queries.editable_organisations(request.user))
    return render(
        request,
        "campaign/home.html",
        {
            "committees": committees,
            "readable": visible_organisation_ids(request.user),
            "outlets": outlets,
            "organisations": queries.editable_organisations(request.user),
        },
    )


# --- media ---------------------------------------------------------------------------------------------------


def _quarter(request: SignedInRequest, committee: Any) -> tuple[QuarterForm, int, int]:
    """The quarter asked for; without one, the current quarter, or the latest one with quotas before it."""
    form = QuarterForm(request.GET or None)
    year, quarter = form.chosen()
    if not request.GET:
        year, quarter = queries.latest_quota_quarter(committee, (year, quarter))
        form = QuarterForm(initial={"year": year, "quarter": quarter})
    return form, year, quarter


@login_required
def media_board(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, grant = get_committee_for_user(request.user, committee_id, need=Need.READ)
    form, year, quarter = _quarter(request, committee)
    board = queries.quarter_board(committee, year, quarter, today=timezone.localdate())
    context: dict[str, Any] = {"committee": committee, "board": board, "form": form, "office": grant.can_review}
    if grant.can_review:
        outlets = queries.outlets_of(committee)
        context["quota_form"] = QuotaForm(
            initial={"year": year, "quarter": quarter},
            outlets=outlets,
            tasks=queries.plan_tasks(committee, year),
        )
        owners = queries.subtree_organisations(committee)
        context["outlet_form"] = OutletForm(owners=[(o.pk, o.name) for o in owners])
        context["outlets"] = outlets
    return render(request, "campaign/media_board.html", context)


@login_required
@in_vietnamese()
def media_board_xlsx(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, _grant = get_committee_for_user(request.user, committee_id, need=Need.READ)
    _form, year, quarter = _quarter(request, committee)
    board = queries.quarter_board(committee, year, quarter, today=timezone.localdate())
    rows = []
    for row in board.rows:
        for line in row.lines:
            rows.append([row.outlet.name, row.outlet.owner.name, line.label, line.required, line.done, line.missing])
        rows.append([row.outlet.name, "", "", "", "", f"thiếu {row.shortfall}" if row.shortfall else "đủ chỉ tiêu"])
    return _workbook(
        "Chi tieu tuyen truyen",
        f"CHỈ TIÊU TUYÊN TRUYỀN QUÝ {quarter}/{year} – {committee.name}",
        ["Kênh", "Cơ quan chủ quản", "Thể loại", "Chỉ tiêu", "Đã thực hiện", "Còn thiếu"],
        rows,
    )


@require_POST
@login_required
def set_quota(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, _grant = get_committee_for_user(request.user, committee_id, need=Need.REVIEW)
    outlets = queries.outlets_of(committee)
    tasks = queries.plan_tasks(committee, YearForm(request.POST).chosen())  # the plan tasks of the year asked
    form = QuotaForm(request.POST, outlets=outlets, tasks=tasks)
    if not form.is_valid():
        _error(request, form_errors(form))
        return redirect("campaign:media_board", committee.pk)
    data = form.cleaned_data
    outlet = next(o for o in outlets if o.pk == data["outlet"])
    task = queries.task_of(committee, data["task"]) if data.get("task") else None
    try:
        actions.set_quota(
            committee,
            outlet,
            item_type=data["item_type"],
            year=data["year"],
            quarter=data["quarter"],
            minimum=data["minimum"],
            task=task,
            acting_user=request.user,
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Đã đặt chỉ tiêu cho %(outlet)s.") % {"outlet": outlet.name})
    return redirect(f"{_board_url(committee.pk)}?year={data['year']}&quarter={data['quarter']}")


def _board_url(committee_id: int) -> str:
    from django.urls import reverse

    return reverse("campaign:media_board", args=[committee_id])


@require_POST
@login_required
def remind(request: SignedInRequest, committee_id: int, outlet_id: int) -> HttpResponse:
    committee, _grant = get_committee_for_user(request.user, committee_id, need=Need.REVIEW)
    outlet = get_quota_outlet(committee, outlet_id)
    form = QuarterForm(request.POST)
    if not form.is_valid():
        _error(request, form_errors(form))
        return redirect("campaign:media_board", committee.pk)
    year, quarter = form.chosen()
    try:
        reminder = actions.remind_outlet(committee, outlet, year=year, quarter=quarter, acting_user=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        if reminder.recipients:
            messages.success(
                request,
                _("Đã nhắc %(outlet)s (còn thiếu %(short)s): %(to)s.")
                % {"outlet": outlet.name, "short": reminder.shortfall, "to": reminder.recipients},
            )
        else:
            messages.warning(
                request,
                _(
                    "Đã ghi nhận việc nhắc %(outlet)s, nhưng đơn vị chưa có tài khoản hay địa chỉ thư điện tử nào "
                    "nhận thông báo: hãy liên hệ trực tiếp."
                )
                % {"outlet": outlet.name},
            )
    return redirect(f"{_board_url(committee.pk)}?year={year}&quarter={quarter}")


@require_POST
@login_required
def outlet_create(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, _grant = get_committee_for_user(request.user, committee_id, need=Need.REVIEW)
    owners = queries.subtree_organisations(committee)
    form = OutletForm(request.POST, owners=[(o.pk, o.name) for o in owners])
    if not form.is_valid():
        _error(request, form_errors(form))
        return redirect("campaign:media_board", committee.pk)
    data = form.cleaned_data
    owner = next(o for o in owners if o.pk == data["owner"])
    try:
        outlet = actions.create_outlet(
            owner, name=data["name"], kind=data["kind"], url=data["url"], acting_user=request.user
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Đã thêm kênh %(name)s.") % {"name": outlet.name})
    return redirect("campaign:media_board", committee.pk)


@require_http_methods(["GET", "POST"])
@login_required
def outlet(request: SignedInRequest, outlet_id: int) -> HttpResponse:
    need = Need.EDIT if request.method == "POST" else Need.READ
    media, grant = get_outlet_for_user(request.user, outlet_id, need=need)
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_item(
                media,
                item_type=data["item_type"],
                title=data["title"],
                published_on=data["published_on"],
                link=data["link"],
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã ghi tin, bài."))
            return redirect("campaign:outlet", media.pk)
    today = timezone.localdate()
    year, quarter = today.year, (today.month - 1) // 3 + 1
    return render(
        request,
        "campaign/outlet.html",
        {
            "outlet": media,
            "items": queries.items_of(media),
            "form": form,
            "can_edit": grant.can_edit,
            "quotas": queries.quotas_of_outlet(media, year, quarter),
            "year": year,
            "quarter": quarter,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def outdoor(request: SignedInRequest, organisation_id: int) -> HttpResponse:
    need = Need.EDIT if request.method == "POST" else Need.READ
    organisation, grant = get_organisation_for_user(request.user, organisation_id, need=need)
    form = OutdoorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_outdoor(organisation, **form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã ghi băng rôn, pano."))
            return redirect("campaign:outdoor", organisation.pk)
    return render(
        request,
        "campaign/outdoor.html",
        {
            "organisation": organisation,
            "assets": queries.outdoor_of(organisation),
            "form": form,
            "can_edit": grant.can_edit,
        },
    )


# --- commendations ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def awards(request: SignedInRequest, committee_id: int) -> HttpResponse:
    need = Need.REVIEW if request.method == "POST" else Need.READ
    committee, grant = get_committee_for_schemes(request.user, committee_id, need=need)
    form = SchemeForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            scheme = actions.create_scheme(committee, **form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã tạo đợt %(name)s.") % {"name": scheme.name})
            return redirect("campaign:scheme", scheme.pk)
    return render(
        request,
        "campaign/awards.html",
        {"committee": committee, "schemes": queries.schemes_of(committee), "form": form, "office": grant.can_review},
    )


def _proposers(request: SignedInRequest, scheme: Any) -> list[Any]:
    return queries.editable_organisations(request.user, list_subtree_ids({scheme.owner_id}))


@require_http_methods(["GET", "POST"])
@login_required
def scheme(request: SignedInRequest, scheme_id: int) -> HttpResponse:
    award_scheme, grant = get_scheme_for_user(request.user, scheme_id, need=Need.READ)
    proposers = _proposers(request, award_scheme)
    form = NominationForm(request.POST or None, proposers=[(o.pk, o.name) for o in proposers])
    if request.method == "POST":
        if not proposers:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            proposer = next(o for o in proposers if o.pk == data["proposer"])
            try:
                actions.nominate(
                    award_scheme,
                    proposer,
                    nominee=data["nominee"],
                    category=data["category"],
                    producer=queries.producer_named(data["nominee"]),
                    achievements=data["achievements"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã gửi đề nghị khen thưởng."))
                return redirect("campaign:scheme", award_scheme.pk)
    office = grant.can_review
    nominations = queries.nominations_for(
        award_scheme, all_of_them=office, visible_ids=visible_organisation_ids(request.user)
    )
    return render(
        request,
        "campaign/scheme.html",
        {
            "scheme": award_scheme,
            "nominations": nominations,
            "form": form if proposers else None,
            "office": office,
            "proposal_form": ProposalForm(initial={"dated": timezone.localdate()}) if office else None,
            "decision_form": DecisionForm(initial={"decided_on": timezone.localdate()}) if office else None,
        },
    )


@require_POST
@login_required
def compile_proposal(request: SignedInRequest, scheme_id: int) -> HttpResponse:
    award_scheme, _grant = get_scheme_for_user(request.user, scheme_id, need=Need.REVIEW)
    form = ProposalForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            chosen = queries.nominations_by_id(award_scheme, data["nomination"])
            proposal = actions.compile_proposal(
                award_scheme, chosen, number=data["number"], dated=data["dated"], acting_user=request.user
            )
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Đã lập tờ trình %(number)s.") % {"number": proposal.number})
    else:
        _error(request, form_errors(form))
    return redirect("campaign:scheme", award_scheme.pk)


@require_POST
@login_required
def decide(request: SignedInRequest, scheme_id: int) -> HttpResponse:
    award_scheme, _grant = get_scheme_for_user(request.user, scheme_id, need=Need.REVIEW)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            made = actions.decide_awards(
                award_scheme,
                queries.nominations_by_id(award_scheme, data["nomination"]),
                decision=data["decision"],
                decided_on=data["decided_on"],
                form=data["form"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Đã ghi quyết định: %(count)s được khen thưởng.") % {"count": len(made)})
    else:
        _error(request, form_errors(form))
    return redirect("campaign:scheme", award_scheme.pk)


@require_POST
@login_required
def publish(request: SignedInRequest, award_id: int) -> HttpResponse:
    award, _grant = get_award_for_user(request.user, award_id, need=Need.REVIEW)
    form = PublishForm(request.POST)
    published = form.is_valid() and form.cleaned_data["published"]
    actions.publish_award(award, published=published, acting_user=request.user)
    if published:
        messages.success(request, _("Đã công bố %(name)s trong danh bạ địa chỉ tin cậy.") % {"name": award})
    else:
        messages.info(request, _("Đã gỡ %(name)s khỏi danh bạ địa chỉ tin cậy.") % {"name": award})
    return redirect("campaign:scheme", award.nomination.scheme_id)


# --- budgets ---------------------------------------------------------------------------------------------------

BUDGET_FORMS = {"allocation": AllocationForm, "spend": SpendForm, "contribution": ContributionForm}
RECORDERS: dict[str, Callable[..., object]] = {
    "allocation": actions.allocate_budget,
    "spend": actions.record_spend,
    "contribution": actions.record_contribution,
}


@require_http_methods(["GET", "POST"])
@login_required
def budget(request: SignedInRequest, committee_id: int) -> HttpResponse:
    need = Need.EDIT if request.method == "POST" else Need.READ
    committee, grant = get_committee_for_user(request.user, committee_id, need=need)
    year = YearForm(request.GET or None).chosen()
    forms_: dict[str, Any] = {
        "allocation": AllocationForm(initial={"year": year}),
        "spend": SpendForm(),
        "contribution": ContributionForm(),
    }
    if request.method == "POST":
        kind = BudgetKindForm(request.POST)
        if not kind.is_valid():
            messages.error(request, _("Không rõ loại số liệu kinh phí gửi lên."))
            return redirect("campaign:budget", committee.pk)
        what = kind.cleaned_data["what"]
        form = BUDGET_FORMS[what](request.POST)
        forms_[what] = form
        if form.is_valid():
            record = RECORDERS[what]
            try:
                record(committee, **form.cleaned_data, acting_user=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã ghi số liệu kinh phí."))
                return redirect("campaign:budget", committee.pk)
    view = queries.budget_view(committee, year, visible_organisation_ids(request.user))
    return render(
        request,
        "campaign/budget.html",
        {"committee": committee, "view": view, "forms": forms_, "can_edit": grant.can_edit, "year": year},
    )


@login_required
@in_vietnamese()
def budget_xlsx(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, _grant = get_committee_for_user(request.user, committee_id, need=Need.READ)
    year = YearForm(request.GET or None).chosen()
    view = queries.budget_view(committee, year, visible_organisation_ids(request.user))
    rows: list[list[Any]] = []
    for level in view.levels:
        for row in level.rows:
            rows.append([level.label, row.committee.name, row.allocated, ", ".join(row.sources)])
        rows.append(
            [
                level.label,
                f"Có kinh phí: {level.covered}/{len(level.rows)}",
                f"Thấp nhất: {format_money(level.minimum)}" if level.minimum is not None else "",
                f"Cao nhất: {format_money(level.maximum)}" if level.maximum is not None else "",
            ]
        )
    return _workbook(
        "Kinh phi",
        f"KINH PHÍ NĂM {year} – {committee.name} (không cộng mức thấp nhất và cao nhất)",
        ["Cấp", "Ban Chỉ đạo", "Kinh phí được giao (đồng)", "Nguồn"],
        rows,
    )
