"""Plan pages: a committee's plans, importing a plan document with review, cascading, my tasks, progress,
the overdue board, and the plan's Word export."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hangviet.lib.forms import form_errors, messages_of
from hangviet.lib.http import SignedInRequest
from hangviet.lib.timewindows import Window, parse_windows
from hangviet.lib.uploads import check_upload
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Need, active_roles, can_read_plans
from hangviet.plans import actions, queries
from hangviet.plans.access import can_record_progress, get_plan_for_user, get_progress_for_user, get_task_for_user
from hangviet.plans.export import plan_docx
from hangviet.plans.forms import (
    DayForm,
    LeadMappingForm,
    PlanHeaderForm,
    ProgressForm,
    ReviewTaskFormSet,
    WritePlanForm,
    WriteTaskFormSetFactory,
)
from hangviet.plans.importer import CITED, ParsedPlan
from hangviet.plans.models import Plan, Task
from hangviet.plans.reading import DocumentReadError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _committee(request: SignedInRequest, committee_id: int, need: Need) -> Organisation:
    committee, _grant = get_organisation_for_user(request.user, committee_id, need=need)
    if not committee.is_committee:
        raise Http404
    return committee


@login_required
def committee_plans(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, grant = get_organisation_for_user(request.user, committee_id, need=Need.READ)
    if not committee.is_committee:
        raise Http404
    upper = []
    if committee.parent is not None and can_read_plans(request.user, committee.parent):
        upper = queries.plans_of(committee.parent)
    return render(
        request,
        "plans/list.html",
        {
            "committee": committee,
            "grant": grant,
            "plans": committee.plans.all(),
            "upper_plans": upper,
            "overdue": queries.overdue_tasks(committee, timezone.localdate())[:10],
        },
    )


@require_POST
@login_required
def import_plan(request: SignedInRequest, committee_id: int) -> HttpResponse:
    """Read an uploaded plan and show its tasks for review; nothing is saved until the clerk confirms."""
    committee = _committee(request, committee_id, Need.EDIT)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Chưa chọn tệp kế hoạch."))
        return redirect("plans:committee", committee.pk)
    try:
        check_upload(upload, allowed=frozenset({".docx", ".txt"}), max_bytes=actions.MAX_PLAN_FILE_BYTES)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plans:committee", committee.pk)
    try:
        parsed, proposals = actions.read_plan(
            upload.read(actions.MAX_PLAN_FILE_BYTES + 1), upload.name or "", committee
        )
    except DocumentReadError as error:
        messages.error(request, str(error))
        return redirect("plans:committee", committee.pk)
    if not proposals:
        messages.warning(
            request, _("Không tìm thấy nhiệm vụ nào trong tệp; hãy kiểm tra tệp có phần phân công nhiệm vụ.")
        )
    return render(
        request,
        "plans/review.html",
        {
            "committee": committee,
            "parsed": parsed,
            "proposals": proposals,
            "units": queries.own_units(committee),
            "filename": upload.name,
        },
    )


def _bound(form: forms.BaseForm, name: str) -> str:
    """A field as cleaned when valid, else as typed (so a page with an error shows what the clerk wrote)."""
    if form.is_valid() or name in getattr(form, "cleaned_data", {}):
        return form.cleaned_data.get(name, "")
    value = form[name].value()
    return "" if value is None else str(value)


def _reviewed_from_post(
    request: SignedInRequest, committee: Organisation
) -> tuple[ParsedPlan, list[actions.ReviewedTask], list[str]]:
    units = {str(unit.pk): unit for unit in queries.own_units(committee)}
    header = PlanHeaderForm(request.POST)
    rows = ReviewTaskFormSet(request.POST, prefix="task")
    problems = [
        f"{header.fields[name].label or name}: {' '.join(messages_of(errors))}"
        if name in header.fields
        else " ".join(messages_of(errors))
        for name, errors in header.errors.items()
    ]
    header_data = header.cleaned_data if header.is_valid() else {}
    year = header_data.get("year")
    parsed = ParsedPlan(
        title=_bound(header, "title"),
        year=year,
        number_symbol=_bound(header, "number_symbol"),
        purpose=_bound(header, "purpose"),
        requirements=_bound(header, "requirements"),
        focus=_bound(header, "focus"),
        legal_basis_lines=[line for line in _bound(header, "legal_basis").splitlines() if line.strip()],
    )
    parsed.cited = header_data.get("cited", [])
    if "year" in header.errors:
        parsed.year = header["year"].value()  # shown back as typed, never saved
    tasks = []
    if not rows.is_valid():
        problems += messages_of(rows.non_form_errors())
    for form in rows.forms if rows.management_form.is_valid() else []:
        if not form.is_valid():
            problems += [
                _("Nhiệm vụ %(ref)s: %(errors)s")
                % {"ref": _bound(form, "ref"), "errors": " ".join(messages_of(errors))}
                for errors in form.errors.values()
            ]
            if form["keep"].value() in (None, False, "", "false", "off"):
                continue
        elif not form.cleaned_data["keep"]:
            continue
        when_text = _bound(form, "when")
        try:
            windows = [Window.from_iso(part.strip()) for part in when_text.split(",") if part.strip()]
        except ValueError:
            windows = parse_windows(when_text, default_year=year)
            if not windows:
                problems.append(
                    _("Nhiệm vụ %(ref)s: không đọc được thời gian “%(when)s”.")
                    % {"ref": _bound(form, "ref"), "when": when_text}
                )
        coordinating = form.cleaned_data.get("coordinating", []) if form.is_valid() else []
        lead_choice = _bound(form, "lead")
        if lead_choice != UNASSIGNED and lead_choice not in units:
            problems.append(
                _(
                    "Nhiệm vụ %(ref)s: chưa xác định đơn vị chủ trì. Hãy chọn một đơn vị, hoặc chọn “Để trống, "
                    "giao sau” nếu kế hoạch chưa giao."
                )
                % {"ref": _bound(form, "ref")}
            )
        tasks.append(
            actions.ReviewedTask(
                ref=_bound(form, "ref"),
                content=_bound(form, "content"),
                section=_bound(form, "section"),
                lead=units.get(_bound(form, "lead")),
                lead_name=_bound(form, "lead_name"),
                coordinating=[units[pk] for pk in coordinating if pk in units],
                coordinating_text=_bound(form, "coordinating_text"),
                windows=windows,
                parent_ref=_bound(form, "parent"),
                unassigned=lead_choice == UNASSIGNED,
            )
        )
    return parsed, tasks, problems


UNASSIGNED = "none"  # the lead select's "Để trống, giao sau": a lead left open on purpose


@require_POST
@login_required
def save_import(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee = _committee(request, committee_id, Need.EDIT)
    parsed, tasks, problems = _reviewed_from_post(request, committee)
    if problems or not tasks:
        for problem in problems or [_("Chưa chọn nhiệm vụ nào để lưu.")]:
            messages.error(request, problem)
        return render(
            request,
            "plans/review.html",
            {
                "committee": committee,
                "parsed": parsed,
                "proposals": tasks,
                "units": queries.own_units(committee),
            },
            status=422,
        )
    header = PlanHeaderForm(request.POST)
    replacing = queries.own_plan(committee, header.cleaned_data.get("replace") if header.is_valid() else None)
    try:
        plan = actions.save_plan(committee, parsed, tasks, acting_user=request.user, replacing=replacing)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return render(
            request,
            "plans/review.html",
            {
                "committee": committee,
                "parsed": parsed,
                "proposals": tasks,
                "units": queries.own_units(committee),
                # The same plan is there already: the page offers to replace it, or to cancel.
                "duplicate": error.existing if isinstance(error, actions.DuplicatePlan) else None,
            },
            status=422,
        )
    messages.success(request, _("Đã lưu kế hoạch với %(count)s nhiệm vụ.") % {"count": len(tasks)})
    return redirect("plans:detail", plan.pk)


@login_required
def write_plan(request: SignedInRequest, committee_id: int) -> HttpResponse:
    """The office writes a plan on the page: its header and its tasks; saved through ``actions.save_plan``."""
    committee = _committee(request, committee_id, Need.EDIT)
    units = queries.own_units(committee)
    data = request.POST if request.method == "POST" else None
    header = WritePlanForm(data, initial={"year": timezone.localdate().year})
    year = header.cleaned_data.get("year") if header.is_bound and header.is_valid() else None
    rows = WriteTaskFormSetFactory(data, prefix="task", form_kwargs={"units": units, "default_year": year})
    status = 200
    if request.method == "POST":
        if header.is_valid() and rows.is_valid():
            by_pk = {str(unit.pk): unit for unit in units}
            basis = [line.strip() for line in header.cleaned_data["legal_basis"].splitlines() if line.strip()]
            parsed = ParsedPlan(
                title=header.cleaned_data["title"],
                year=header.cleaned_data["year"],
                number_symbol=header.cleaned_data["number_symbol"].strip(),
                purpose=header.cleaned_data["purpose"],
                legal_basis_lines=basis,
                cited=list(
                    dict.fromkeys(
                        (m["kind"].capitalize(), m["number"].rstrip(".,;")[:80])
                        for line in basis
                        for m in CITED.finditer(line)
                    )
                ),
            )
            tasks = [
                actions.ReviewedTask(
                    ref=row["ref"],
                    content=row["content"],
                    lead=by_pk[row["lead"]],
                    lead_name=by_pk[row["lead"]].name,
                    coordinating=[by_pk[pk] for pk in row["coordinating"] if pk != row["lead"]],
                    windows=row["when"],
                    output=row["output"],
                    parent_ref=row["parent"],
                    indicators=list(row["indicators"]),
                )
                for row in (form.cleaned_data for form in rows.forms)
                if row  # a spare row left blank
            ]
            try:
                plan = actions.save_plan(committee, parsed, tasks, acting_user=request.user, source=Plan.Source.MANUAL)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Đã lưu kế hoạch với %(count)s nhiệm vụ.") % {"count": len(tasks)})
                return redirect("plans:detail", plan.pk)
        else:
            messages.error(request, _("Kế hoạch chưa lưu được; hãy sửa các ô được đánh dấu bên dưới."))
        status = 422  # the page again, with everything typed
    return render(
        request,
        "plans/write.html",
        {"committee": committee, "header": header, "rows": rows},
        status=status,
    )


@login_required
def cascade(request: SignedInRequest, committee_id: int, plan_id: int) -> HttpResponse:
    """Make the committee's plan from the plan above, mapping each lead unit to one of its own agencies."""
    committee = _committee(request, committee_id, Need.EDIT)
    upper = get_plan_for_user(request.user, plan_id, need=Need.READ)
    if upper.committee_id != committee.parent_id:
        raise Http404
    matcher = actions.matcher_for(committee)
    units = queries.own_units(committee)
    tasks = list(upper.tasks.select_related("lead").order_by("order"))
    if request.method == "POST":
        form = LeadMappingForm(request.POST, tasks=tasks, units=units)
        if not form.is_valid():
            messages.error(request, form_errors(form))
            return redirect("plans:cascade", committee.pk, upper.pk)
        mapping = form.mapping()
        plan = actions.cascade_plan(upper, committee, mapping, acting_user=request.user)
        messages.success(request, _("Đã tạo kế hoạch của đơn vị từ kế hoạch cấp trên."))
        return redirect("plans:detail", plan.pk)
    proposals = [(task, matcher.match(task.lead.name if task.lead else task.lead_name).organisation) for task in tasks]
    return render(
        request, "plans/cascade.html", {"committee": committee, "upper": upper, "proposals": proposals, "units": units}
    )


@login_required
def detail(request: SignedInRequest, plan_id: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_id, need=Need.READ)
    today = timezone.localdate()
    tasks = list(plan.tasks.select_related("lead").prefetch_related("coordinating").order_by("order"))
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "tasks": tasks,
            "today": today,
            "overdue_ids": {task.pk for task in tasks if task.is_overdue_on(today)},
        },
    )


@login_required
def export(request: SignedInRequest, plan_id: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_id, need=Need.READ)
    response = HttpResponse(plan_docx(plan), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="ke-hoach-{plan.pk}.docx"'
    return response


@login_required
def my_tasks(request: SignedInRequest) -> HttpResponse:
    """ "My tasks": every task of every plan that names one of the user's organisations as lead unit."""
    organisations = [role.organisation for role in active_roles(request.user) if role.role != role.Role.VIEWER]
    today = timezone.localdate()
    tasks = list(queries.tasks_led_by(organisations))
    return render(
        request,
        "plans/my_tasks.html",
        {
            "tasks": tasks,
            "today": today,
            "overdue_ids": {t.pk for t in tasks if t.is_overdue_on(today)},
            "statuses": Task.Status.choices,
        },
    )


@login_required
def evidence(request: SignedInRequest, progress_id: int) -> FileResponse:
    """A progress entry's evidence file, for whoever may read the task (asked of the task gate); never a
    public media URL."""
    progress = get_progress_for_user(request.user, progress_id)
    return FileResponse(
        progress.evidence.open("rb"), as_attachment=True, filename=progress.evidence_name or "minh-chung"
    )


@login_required
def task(request: SignedInRequest, task_id: int) -> HttpResponse:
    """A task and its progress history; its lead unit posts progress here."""
    need = Need.EDIT if request.method == "POST" else Need.READ
    found = get_task_for_user(request.user, task_id, need=need)
    form = ProgressForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.record_progress(
                    found,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                    evidence=form.cleaned_data["evidence"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Đã cập nhật tiến độ nhiệm vụ %(ref)s.") % {"ref": found.ref})
                return redirect("plans:task", found.pk)
        else:
            messages.error(
                request,
                " ".join(
                    f"{form.fields[name].label}: {' '.join(messages_of(errors))}"
                    for name, errors in form.errors.items()
                ),
            )
        status = 422  # the page again, with what was typed
    can_edit = can_record_progress(request.user, found)
    return render(
        request,
        "plans/task.html",
        {
            "task": found,
            "history": found.progress.select_related("by"),
            "can_edit": can_edit,
            "statuses": Task.Status.choices,
            "overdue": found.is_overdue_on(timezone.localdate()),
            "chosen_status": form["status"].value() if form.is_bound else found.status,
            "note": form["note"].value() if form.is_bound else found.progress_note,
        },
        status=status,
    )


@login_required
def overdue(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee = _committee(request, committee_id, Need.READ)
    chosen = DayForm(request.GET)
    day = chosen.cleaned_data["ngay"] if chosen.is_valid() else None
    if not chosen.is_valid():
        messages.error(request, _("Ngày không hợp lệ; đang xem theo hôm nay."))
    day = day or timezone.localdate()
    return render(
        request,
        "plans/overdue.html",
        {"committee": committee, "day": day, "tasks": queries.overdue_tasks(committee, day)},
    )
