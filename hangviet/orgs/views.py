"""Organisation pages: a committee with its members, agencies, lower and historic committees."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hangviet.lib.forms import messages_of
from hangviet.lib.http import SignedInRequest
from hangviet.lib.vnformat import format_date_short
from hangviet.orgs import actions, queries
from hangviet.orgs.access import get_membership_for_user, get_organisation_for_user
from hangviet.orgs.forms import AppointMemberForm, EndMembershipForm, NewSeatFormSet, ReconstituteForm
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Grant, Need, visible_organisation_ids


@login_required
def detail(request: SignedInRequest, organisation_id: int) -> HttpResponse:
    organisation, grant = get_organisation_for_user(request.user, organisation_id, need=Need.READ)
    return _detail_page(request, organisation, grant)


def _detail_page(
    request: SignedInRequest,
    organisation: Organisation,
    grant: Grant,
    appoint_form: AppointMemberForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The organisation page; after a refused appointment it shows the form as typed, with its errors."""
    agencies = list(queries.list_agencies(organisation))
    lower_committees = list(queries.list_lower_committees(organisation))
    context = {
        "organisation": organisation,
        "grant": grant,
        "visible_ids": visible_organisation_ids(request.user),
        "today": timezone.localdate(),
        "members": queries.list_current_members(organisation) if organisation.is_committee else [],
        "former_members": queries.list_former_members(organisation) if organisation.is_committee else [],
        "agencies": agencies,
        "lower_committees": lower_committees,
        "departments": list(queries.list_departments(organisation)) if organisation.is_committee else [],
        # The counters count bodies in existence today; dissolved ones stay listed, marked "đến ...".
        "active_agencies": sum(1 for agency in agencies if agency.exists_on(timezone.localdate())),
        "active_lower": sum(1 for lower in lower_committees if lower.exists_on(timezone.localdate())),
        "historic_committees": queries.list_predecessor_committees(organisation),
        "successors": queries.list_successors(organisation),
        "former_names": organisation.former_names.all(),
        "appoint_form": appoint_form or AppointMemberForm(committee=organisation)
        if grant.can_edit and organisation.is_committee
        else None,
    }
    return render(request, "orgs/detail.html", context, status=status)


@require_POST
@login_required
def appoint(request: SignedInRequest, organisation_id: int) -> HttpResponse:
    committee, grant = get_organisation_for_user(request.user, organisation_id, need=Need.EDIT)
    form = AppointMemberForm(request.POST, committee=committee)
    if form.is_valid():
        data = form.cleaned_data
        try:
            membership = actions.appoint_new_member(
                committee,
                full_name=data["full_name"],
                position=data["position"],
                role=data["role"],
                agency=data["agency"],
                start=data["start"],
                decision=data["decision"],
                acting_user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã bổ sung %(name)s vào Ban Chỉ đạo.") % {"name": membership.person.full_name})
    else:
        messages.error(
            request,
            _("Chưa bổ sung được thành viên: %(errors)s")
            % {
                "errors": "; ".join(
                    f"{form.fields[f].label}: {' '.join(messages_of(e))}"
                    if f in form.fields
                    else " ".join(messages_of(e))
                    for f, e in form.errors.items()
                )
            },
        )
        return _detail_page(request, committee, grant, appoint_form=form, status=422)
    return redirect("orgs:detail", committee.pk)


@require_POST
@login_required
def end_membership(request: SignedInRequest, membership_id: int) -> HttpResponse:
    membership = get_membership_for_user(request.user, membership_id, need=Need.EDIT)
    form = EndMembershipForm(request.POST)
    if form.is_valid():
        try:
            actions.end_membership(membership, end=form.cleaned_data["end"], acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(name)s đã thôi nhiệm vụ; lịch sử vẫn được lưu.") % {"name": membership.person.full_name}
            )
    else:
        messages.error(request, _("Ngày thôi nhiệm vụ không hợp lệ."))
    return redirect("orgs:detail", membership.committee_id)


@login_required
def reconstitute(request: SignedInRequest, organisation_id: int) -> HttpResponse:
    """ "Kiện toàn": choose who continues (and in which role), add new members, record the decision."""
    committee, _grant = get_organisation_for_user(request.user, organisation_id, need=Need.MANAGE)
    if not committee.is_committee:
        raise Http404
    current = queries.list_current_members(committee)
    form = ReconstituteForm(request.POST or None, current=current)
    new_seats = NewSeatFormSet(request.POST or None, prefix="new")
    if request.method == "POST" and form.is_valid() and new_seats.is_valid():
        seats = [actions.Seat(person=seat.person, role=role, agency=seat.agency) for seat, role in form.continuing()]
        additions = [data for data in new_seats.cleaned_data if data.get("full_name")]
        try:
            created = actions.reconstitute_committee(
                committee,
                on=form.cleaned_data["on"],
                seats=seats,
                new_members=[
                    actions.NewMember(full_name=data["full_name"], position=data["position"], role=data["role"])
                    for data in additions
                ],
                decision=form.cleaned_data["decision"],
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Đã kiện toàn Ban Chỉ đạo: %(count)s thành viên từ ngày %(date)s.")
                % {"count": len(created), "date": format_date_short(form.cleaned_data["on"])},
            )
            return redirect("orgs:detail", committee.pk)
    return render(request, "orgs/reconstitute.html", {"organisation": committee, "form": form, "new_seats": new_seats})
