"""Plan pages: a committee's plans, importing a plan document with review, cascading, my tasks, progress,
the overdue board, and the plan's Word export."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hangviet.lib.timewindows import Window, parse_windows
from hangviet.lib.uploads import check_upload
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Need, active_roles
from hangviet.orgs.queries import CURRENT_FIRST
from hangviet.plans import actions, queries
from hangviet.plans.access import can_read_plans_of, can_record_progress, get_plan_for_user, get_task_for_user
from hangviet.plans.export import plan_docx
from hangviet.plans.importer import ParsedPlan
from hangviet.plans.models import Plan, Task, TaskProgress
from hangviet.plans.reading import DocumentReadError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_TASKS = 500


def _committee(request: HttpRequest, committee_id: int, need: Need) -> Organisation:
    committee, _grant = get_organisation_for_user(request.user, committee_id, need=need)
    if not committee.is_committee:
        raise Http404
    return committee


def _units_of(committee: Organisation) -> list[Organisation]:
    return [
        committee,
        *Organisation.objects.filter(parent=committee, kind=Organisation.Kind.AGENCY).order_by(CURRENT_FIRST, "name"),
    ]


@login_required
def committee_plans(request: HttpRequest, committee_id: int) -> HttpResponse:
    committee, grant = get_organisation_for_user(request.user, committee_id, need=Need.READ)
    if not committee.is_committee:
        raise Http404
    upper = []
    if committee.parent_id and can_read_plans_of(request.user, committee.parent):
        upper = list(Plan.objects.filter(committee=committee.parent).order_by("-year"))
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
def import_plan(request: HttpRequest, committee_id: int) -> HttpResponse:
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
            "units": _units_of(committee),
            "filename": upload.name,
        },
    )


def _reviewed_from_post(
    request: HttpRequest, committee: Organisation
) -> tuple[ParsedPlan, list[actions.ReviewedTask], list[str]]:
    units = {str(unit.pk): unit for unit in _units_of(committee)}
    post = request.POST
    parsed = ParsedPlan(
        title=post.get("title", ""),
        year=int(post["year"]) if post.get("year", "").isdigit() else None,
        number_symbol=post.get("number_symbol", "")[:80],
        purpose=post.get("purpose", ""),
        requirements=post.get("requirements", ""),
        focus=post.get("focus", ""),
        legal_basis_lines=[line for line in post.get("legal_basis", "").splitlines() if line.strip()],
    )
    parsed.cited = [tuple(item.split("|", 1)) for item in post.getlist("cited") if "|" in item][:50]  # type: ignore[misc]
    tasks, problems = [], []
    for index in range(min(int(post.get("count", "0") or 0), MAX_TASKS)):
        if post.get(f"keep_{index}") != "on":
            continue
        when_text = post.get(f"when_{index}", "")
        try:
            windows = [Window.from_iso(part.strip()) for part in when_text.split(",") if part.strip()]
        except ValueError:
            windows = parse_windows(when_text, default_year=parsed.year)
            if not windows:
                problems.append(
                    _("Nhiệm vụ %(ref)s: không đọc được thời gian “%(when)s”.")
                    % {"ref": post.get(f"ref_{index}", ""), "when": when_text}
                )
        tasks.append(
            actions.ReviewedTask(
                ref=post.get(f"ref_{index}", "")[:20],
                content=post.get(f"content_{index}", ""),
                section=post.get(f"section_{index}", ""),
                lead=units.get(post.get(f"lead_{index}", "")),
                lead_name=post.get(f"lead_name_{index}", ""),
                coordinating=[units[pk] for pk in post.getlist(f"coordinating_{index}") if pk in units],
                coordinating_text=post.get(f"coordinating_text_{index}", ""),
                windows=windows,
            )
        )
    return parsed, tasks, problems


@require_POST
@login_required
def save_import(request: HttpRequest, committee_id: int) -> HttpResponse:
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
                "units": _units_of(committee),
            },
            status=422,
        )
    try:
        plan = actions.save_plan(committee, parsed, tasks, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return render(
            request,
            "plans/review.html",
            {
                "committee": committee,
                "parsed": parsed,
                "proposals": tasks,
                "units": _units_of(committee),
            },
            status=422,
        )
    messages.success(request, _("Đã lưu kế hoạch với %(count)s nhiệm vụ.") % {"count": len(tasks)})
    return redirect("plans:detail", plan.pk)


@login_required
def cascade(request: HttpRequest, committee_id: int, plan_id: int) -> HttpResponse:
    """Make the committee's plan from the plan above, mapping each lead unit to one of its own agencies."""
    committee = _committee(request, committee_id, Need.EDIT)
    upper = get_plan_for_user(request.user, plan_id, need=Need.READ)
    if upper.committee_id != committee.parent_id:
        raise Http404
    matcher = actions.matcher_for(committee)
    units = _units_of(committee)
    tasks = list(upper.tasks.select_related("lead").order_by("order"))
    if request.method == "POST":
        by_pk = {str(unit.pk): unit for unit in units}
        mapping = {task.pk: by_pk.get(request.POST.get(f"lead_{task.pk}", "")) for task in tasks}
        plan = actions.cascade_plan(upper, committee, mapping, acting_user=request.user)
        messages.success(request, _("Đã tạo kế hoạch của đơn vị từ kế hoạch cấp trên."))
        return redirect("plans:detail", plan.pk)
    proposals = [(task, matcher.match(task.lead.name if task.lead else task.lead_name).organisation) for task in tasks]
    return render(
        request, "plans/cascade.html", {"committee": committee, "upper": upper, "proposals": proposals, "units": units}
    )


@login_required
def detail(request: HttpRequest, plan_id: int) -> HttpResponse:
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
def export(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_id, need=Need.READ)
    response = HttpResponse(plan_docx(plan), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="ke-hoach-{plan.pk}.docx"'
    return response


@login_required
def my_tasks(request: HttpRequest) -> HttpResponse:
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
def evidence(request: HttpRequest, progress_id: int) -> FileResponse:
    """A progress entry's evidence file, for whoever may read the task (asked of the task gate); never a
    public media URL."""
    progress = TaskProgress.objects.filter(pk=progress_id).only("task_id", "evidence", "evidence_name").first()
    if progress is None or not progress.evidence:
        raise Http404
    get_task_for_user(request.user, progress.task_id, need=Need.READ)
    return FileResponse(
        progress.evidence.open("rb"), as_attachment=True, filename=progress.evidence_name or "minh-chung"
    )


@login_required
def task(request: HttpRequest, task_id: int) -> HttpResponse:
    """A task and its progress history; its lead unit posts progress here."""
    need = Need.EDIT if request.method == "POST" else Need.READ
    found = get_task_for_user(request.user, task_id, need=need)
    if request.method == "POST":
        try:
            actions.record_progress(
                found,
                status=request.POST.get("status", ""),
                note=request.POST.get("note", ""),
                evidence=request.FILES.get("evidence"),
                acting_user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã cập nhật tiến độ nhiệm vụ %(ref)s.") % {"ref": found.ref})
        return redirect("plans:task", found.pk)
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
        },
    )


@login_required
def overdue(request: HttpRequest, committee_id: int) -> HttpResponse:
    committee = _committee(request, committee_id, Need.READ)
    try:
        day = datetime.date.fromisoformat(request.GET.get("ngay", "")) if request.GET.get("ngay") else None
    except ValueError:
        day = None
        messages.error(request, _("Ngày không hợp lệ; đang xem theo hôm nay."))
    day = day or timezone.localdate()
    return render(
        request,
        "plans/overdue.html",
        {"committee": committee, "day": day, "tasks": queries.overdue_tasks(committee, day)},
    )
