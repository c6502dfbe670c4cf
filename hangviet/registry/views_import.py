"""Importing the lists offices keep (.xlsx, .csv) into a registry, and exporting a registry to .xlsx.

The flow: choose the registry, the recording organisation (one the user edits) and the file → the check (a
dry run: every row created, matched or refused with its reason, places that resolve to nothing) → confirm →
the result. Long lists are checked and imported by the task worker while the page shows the progress.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hangviet.lib.forms import form_errors
from hangviet.lib.http import SignedInRequest
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.policy import Need, visible_organisation_ids
from hangviet.registry import exporting
from hangviet.registry.importing import jobs
from hangviet.registry.importing.access import editable_organisations, get_import_job_for_user, recent_jobs
from hangviet.registry.importing.forms import ConfirmForm, ExportForm, ImportForm
from hangviet.registry.importing.headings import KINDS
from hangviet.registry.importing.reading import FileRefused, max_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def start(request: SignedInRequest) -> HttpResponse:
    """Upload a list; the check runs now (or in the background for a long list)."""
    organisations = editable_organisations(request.user)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            organisation, _grant = get_organisation_for_user(
                request.user, form.cleaned_data["organisation"], need=Need.EDIT
            )
            try:
                job = jobs.start_import(
                    form.cleaned_data["file"],
                    kind=form.cleaned_data["kind"],
                    recorded_by=organisation,
                    acting_user=request.user,
                )
            except FileRefused as refusal:
                form.add_error("file", str(refusal))
            else:
                return redirect("registry:import_job", job.pk)
        messages.error(request, form_errors(form))
    else:
        form = ImportForm(initial={"organisation": organisations[0].pk if organisations else None})
    return render(
        request,
        "registry/import.html",
        {
            "form": form,
            "organisations": organisations,
            "kinds": list(KINDS.values()),
            "recent": recent_jobs(request.user),
            "max_rows": max_rows(),
            "background_rows": jobs.BACKGROUND_ROWS,
        },
    )


@login_required
def job(request: SignedInRequest, job_id: int) -> HttpResponse:
    """The check's table and the confirm button; the progress of a long list; the result."""
    import_job = get_import_job_for_user(request.user, job_id, need=Need.READ)
    if request.method == "POST":
        import_job = get_import_job_for_user(request.user, job_id, need=Need.EDIT)
        form = ConfirmForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Hãy bấm nút “Nhập vào sổ” để xác nhận."))
        else:
            try:
                import_job = jobs.confirm_import(import_job, acting_user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                if import_job.status == import_job.Status.DONE:
                    messages.success(request, _("Đã nhập danh sách vào sổ theo dõi."))
        return redirect("registry:import_job", import_job.pk)
    outcome = import_job.result or import_job.preview
    context = {
        "job": import_job,
        "spec": KINDS.get(import_job.kind),
        "outcome": outcome,
        "can_confirm": import_job.status == import_job.Status.CHECKED
        and bool(outcome.get("created") or outcome.get("matched")),
    }
    template = "registry/import_job_progress.html" if request.htmx else "registry/import_job.html"
    return render(request, template, context)


@login_required
@require_GET
def refused(request: SignedInRequest, job_id: int) -> HttpResponse:
    """The refused rows as they were, with a reason column (.xlsx), to correct and import again."""
    import_job = get_import_job_for_user(request.user, job_id, need=Need.READ)
    content = jobs.refused_list(import_job)
    if content is None:
        raise Http404
    return _xlsx(content, f"dong-khong-nhap-{import_job.pk}.xlsx")


@login_required
@require_GET
def export(request: SignedInRequest) -> HttpResponse:
    """A registry as .xlsx: only the rows of organisations the user reads (one of them if chosen)."""
    form = ExportForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Chưa chọn sổ theo dõi để xuất."))
        return redirect("registry:import")
    kind = form.cleaned_data["kind"]
    chosen = form.cleaned_data.get("organisation")
    if chosen:
        organisation, _grant = get_organisation_for_user(request.user, chosen, need=Need.READ)
        recorders = {organisation.pk}
    else:
        recorders = visible_organisation_ids(request.user)
    return _xlsx(exporting.export_workbook(kind, recorders), f"so-theo-doi-{kind}.xlsx")
