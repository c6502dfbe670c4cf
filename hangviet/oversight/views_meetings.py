"""Meeting pages under /giam-sat/: a committee's meetings (upcoming first) and its plan tasks that announce one,
scheduling (from a plan task or not) and editing, the meeting with its documents and conclusions, cancelling, the
conclusion notice in Word. The committee's office manages; invited organisations read."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hangviet.lib.forms import form_errors, run_action
from hangviet.lib.http import SignedInRequest
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Need
from hangviet.oversight import actions, queries
from hangviet.oversight.access import (
    get_committee_for_meetings,
    get_meeting_document_for_user,
    get_meeting_for_user,
)
from hangviet.oversight.catalogue import MEETING_KINDS, label_of, meeting_kind_of
from hangviet.oversight.export import meeting_conclusion_docx
from hangviet.oversight.forms import (
    CancelMeetingForm,
    ConclusionsForm,
    FollowUpFormSet,
    MeetingDocumentForm,
    MeetingForm,
    MeetingTaskForm,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
KINDS = {item.code: item.label for item in MEETING_KINDS}


@login_required
def meetings(request: SignedInRequest, committee_id: int) -> HttpResponse:
    """A committee's meetings, those to come first; for its office, the plan tasks still to schedule."""
    committee, grant = get_committee_for_meetings(request.user, committee_id, need=Need.READ)
    upcoming, others = queries.meetings_of(committee)
    return render(
        request,
        "oversight/meetings.html",
        {
            "committee": committee,
            "upcoming": upcoming,
            "others": others,
            "to_schedule": queries.tasks_to_schedule(committee) if grant.can_edit else [],
            "can_edit": grant.can_edit,
            "kinds": KINDS,
        },
    )


def _meeting_form(request: SignedInRequest, committee: Organisation, **kwargs: Any) -> MeetingForm:
    return MeetingForm(
        request.POST or None,
        seats=queries.chair_candidates(committee),
        candidates=queries.subject_candidates(committee),
        **kwargs,
    )


@login_required
def meeting_create(request: SignedInRequest, committee_id: int) -> HttpResponse:
    """Schedule a meeting; ``?nhiem_vu=<id>`` prefills it from one of the committee's plan tasks."""
    committee, _grant = get_committee_for_meetings(request.user, committee_id, need=Need.EDIT)
    tasks = queries.committee_tasks(committee)
    chosen = MeetingTaskForm(request.GET, tasks=tasks)
    task = chosen.cleaned_data["nhiem_vu"] if chosen.is_valid() else None
    initial: dict[str, Any] = {"kind": "quarterly", "held_on": timezone.localdate()}
    if task is not None:
        initial |= {
            "task": task.pk,
            "title": task.content[:500],
            "agenda": task.content,
            "kind": meeting_kind_of(task.content) or "other",
            "held_on": task.due_on or timezone.localdate(),
        }
    form = _meeting_form(request, committee, tasks=tasks, initial=initial)
    status = 200
    if request.method == "POST":
        meeting = run_action(
            request,
            form,
            lambda data: actions.schedule_meeting(
                committee,
                **_meeting_fields(data),
                task=data["task"],
                acting_user=request.user,
            ),
        )
        if meeting is not None:
            messages.success(request, _("Đã lên lịch “%(title)s”.") % {"title": meeting.title})
            return redirect("oversight:meeting", meeting.pk)
        status = 422
    return render(
        request,
        "oversight/meeting_form.html",
        {"committee": committee, "form": form, "task": task, "meeting": None},
        status=status,
    )


# What the meeting form edits, field by field as the actions take it.
MEETING_FIELDS = ("kind", "title", "held_on", "place", "chair", "chair_text", "participants", "guests", "agenda")


def _meeting_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in MEETING_FIELDS}


@login_required
def meeting_edit(request: SignedInRequest, meeting_id: int) -> HttpResponse:
    found, _grant = get_meeting_for_user(request.user, meeting_id, need=Need.EDIT)
    committee = found.committee
    initial = {name: getattr(found, name) for name in MEETING_FIELDS if name not in ("chair", "participants")}
    initial |= {"chair": found.chair_id, "participants": [organisation.pk for organisation in found.participants.all()]}
    form = _meeting_form(request, committee, initial=initial)
    status = 200
    if request.method == "POST":
        done = run_action(
            request,
            form,
            lambda data: actions.update_meeting(
                found,
                **_meeting_fields(data),
                acting_user=request.user,
            ),
        )
        if done is not None:
            messages.success(request, _("Đã lưu hội nghị."))
            return redirect("oversight:meeting", found.pk)
        status = 422
    return render(
        request,
        "oversight/meeting_form.html",
        {"committee": committee, "form": form, "task": found.task, "meeting": found},
        status=status,
    )


def _meeting_page(request: SignedInRequest, meeting_id: int, status: int = 200, **forms: Any) -> HttpResponse:
    found, grant = get_meeting_for_user(request.user, meeting_id, need=Need.READ)
    candidates = queries.subject_candidates(found.committee)
    return render(
        request,
        "oversight/meeting.html",
        {
            "meeting": found,
            "kind": label_of(MEETING_KINDS, found.kind),
            "participants": found.participants.order_by("name"),
            "documents": found.documents.all(),
            "follow_ups": found.follow_up_tasks.select_related("lead").order_by("pk"),
            "can_edit": grant.can_edit,
            "is_due": found.held_on <= timezone.localdate(),
            "conclusions_form": forms.get("conclusions_form")
            or ConclusionsForm(initial={"conclusions": found.conclusions}),
            "follow_up_formset": forms.get("follow_up_formset")
            or FollowUpFormSet(prefix="follow", form_kwargs={"candidates": candidates}),
            "cancel_form": forms.get("cancel_form") or CancelMeetingForm(),
            "document_form": forms.get("document_form") or MeetingDocumentForm(),
        },
        status=status,
    )


@login_required
def meeting(request: SignedInRequest, meeting_id: int) -> HttpResponse:
    return _meeting_page(request, meeting_id)


@login_required
@require_POST
def meeting_conclusions(request: SignedInRequest, meeting_id: int) -> HttpResponse:
    """Record the conclusions (the meeting is held) and give follow-up tasks to organisations."""
    found, _grant = get_meeting_for_user(request.user, meeting_id, need=Need.EDIT)
    form = ConclusionsForm(request.POST)
    formset = FollowUpFormSet(
        request.POST,
        prefix="follow",
        form_kwargs={"candidates": queries.subject_candidates(found.committee)},
    )
    if form.is_valid() and formset.is_valid():
        follow_ups = [
            actions.FollowUp(row["text"], row["lead"], row["due_on"])
            for row in formset.cleaned_data
            if row.get("text") and row.get("lead") and row.get("due_on")
        ]
        try:
            actions.record_conclusions(
                found, conclusions=form.cleaned_data["conclusions"], follow_ups=follow_ups, acting_user=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã ghi kết luận hội nghị."))
            return redirect("oversight:meeting", found.pk)
    else:
        errors = [form_errors(form)] + [form_errors(row) for row in formset.forms]
        errors += [str(error) for error in formset.non_form_errors()]
        messages.error(request, " ".join(error for error in errors if error))
    return _meeting_page(request, meeting_id, 422, conclusions_form=form, follow_up_formset=formset)


@login_required
@require_POST
def meeting_cancel(request: SignedInRequest, meeting_id: int) -> HttpResponse:
    found, _grant = get_meeting_for_user(request.user, meeting_id, need=Need.EDIT)
    form = CancelMeetingForm(request.POST)
    done = run_action(
        request, form, lambda data: actions.cancel_meeting(found, reason=data["reason"], acting_user=request.user)
    )
    if done is not None:
        messages.success(request, _("Đã hủy hội nghị; các đơn vị được mời đã được báo."))
        return redirect("oversight:meeting", found.pk)
    return _meeting_page(request, meeting_id, 422, cancel_form=form)


@login_required
@require_POST
def meeting_document_add(request: SignedInRequest, meeting_id: int) -> HttpResponse:
    found, _grant = get_meeting_for_user(request.user, meeting_id, need=Need.EDIT)
    form = MeetingDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_meeting_document(found, form.cleaned_data["file"], acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã đính kèm tài liệu."))
            return redirect("oversight:meeting", found.pk)
    else:
        messages.error(request, form_errors(form) or _("Chưa chọn tệp để đính kèm."))
    return _meeting_page(request, meeting_id, 422, document_form=form)


@login_required
def meeting_document(request: SignedInRequest, document_id: int) -> FileResponse:
    document = get_meeting_document_for_user(request.user, document_id)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)


@login_required
def meeting_notice(request: SignedInRequest, meeting_id: int) -> HttpResponse:
    """The notice of the meeting's conclusions (Thông báo kết luận) as a Word file in the official layout."""
    found, _grant = get_meeting_for_user(request.user, meeting_id, need=Need.READ)
    response = HttpResponse(meeting_conclusion_docx(found), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="thong-bao-ket-luan-hoi-nghi-{found.pk}.docx"'
    return response
