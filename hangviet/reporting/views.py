"""Report pages: my reports, data entry with live checks, workflow buttons, attachments, Excel."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hangviet.lib.forms import PeriodForm, form_errors
from hangviet.lib.http import SignedInRequest
from hangviet.lib.periods import period_of_day
from hangviet.lib.uploads import check_upload
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.policy import Grant, Need, active_roles, is_recipient_office
from hangviet.orgs.queries import name_on
from hangviet.periods.models import Period, deadline_for
from hangviet.plans.queries import tasks_led_by
from hangviet.registry.figures import Figure
from hangviet.reporting import actions, excel, queries
from hangviet.reporting.access import get_attachment_for_user, get_report_for_user
from hangviet.reporting.forms import ReportEntryForm, ReturnForm, ReviewForm, UploadForm, notes_from
from hangviet.reporting.models import Report


@login_required
def my_reports(request: SignedInRequest) -> HttpResponse:
    """The organisations the user reports for, their reports, and the periods open for reporting."""
    today = timezone.localdate()
    current = period_of_day(today)
    open_periods = [current, current.previous()]
    rows = []
    for role in active_roles(request.user):
        if role.role == role.Role.VIEWER:
            continue
        reports = list(queries.list_reports_of(role.organisation))
        have = {report.period.key for report in reports}
        rows.append(
            {
                "organisation": role.organisation,
                "reports": reports,
                "missing": [key for key in open_periods if key not in have],
            }
        )
    return render(request, "reporting/my_reports.html", {"rows": rows})


@require_POST
@login_required
def open_report(request: SignedInRequest, organisation_id: int) -> HttpResponse:
    organisation, _grant = get_organisation_for_user(request.user, organisation_id, need=Need.EDIT)
    form = PeriodForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("reporting:mine")
    report = actions.open_report(
        organisation, Period.objects.for_key(form.cleaned_data["period"]), acting_user=request.user
    )
    return redirect("reporting:detail", report.pk)


def _entry_form(report: Report, data: Any = None, prefill: Mapping[str, Decimal] | None = None) -> ReportEntryForm:
    values = queries.values_of(report)
    texts = dict(report.texts.values_list("section", "text"))
    initial = {
        "version": report.version,
        **{f"value__{code}": value for code, value in (prefill or {}).items()},
        **{f"value__{code}": value for code, value in values.items()},
        **{f"text__{code}": text for code, text in texts.items()},
    }
    return ReportEntryForm(
        data, initial=initial, indicators=queries.form_indicators(report), sections=report.form.sections
    )


# The list page of each registry, for the "theo sổ theo dõi" links.
REGISTRY_PAGES = {
    "events": "registry:events",
    "ocop": "registry:products",
    "salepoints": "registry:salepoints",
    "areas": "registry:areas",
    "clubs": "registry:clubs",
}


@dataclass(frozen=True)
class RegistryHint:
    """What the entry page shows beside a field a registry computes."""

    figure: Figure
    url: str
    prefilled: bool

    @property
    def words(self) -> str:
        return self.figure.words


def _registry_hints(
    report: Report, registry: Mapping[str, Figure], prefill: Mapping[str, Decimal]
) -> dict[str, RegistryHint]:
    query = f"?organisation={report.organisation_id}&period={report.period.code}"
    return {
        code: RegistryHint(figure, reverse(REGISTRY_PAGES[figure.registry]) + query, code in prefill)
        for code, figure in registry.items()
        if figure.registry in REGISTRY_PAGES
    }


def _page(
    request: SignedInRequest,
    report: Report,
    grant: Grant,
    form: ReportEntryForm | None = None,
    violations: list | None = None,
    status: int = 200,
) -> HttpResponse:
    editing = report.is_editable and grant.can_edit
    registry = queries.registry_figures(report)
    prefill: dict[str, Decimal] = {}
    if form is None:
        saved = queries.values_of(report)
        if editing:
            # Empty fields start from the registries' figures: marked as such, stored only when the user saves.
            prefill = {code: figure.value for code, figure in registry.items() if code not in saved}
        form = _entry_form(report, prefill=prefill)
        if violations is None:
            violations = actions.check_report(report, {**prefill, **saved}, registry=registry)
    if violations is None:
        violations = actions.check_report(report, registry=registry)
    unreadable = form.unreadable() if form.is_bound else []
    reviewer = is_recipient_office(request.user, report.organisation)
    notes = {
        note.rule.code + (f":{note.indicator_code}" if note.indicator_code else ""): note.comment
        for note in report.warning_notes.select_related("rule")
    }
    context = {
        "report": report,
        "grant": grant,
        "form": form,
        "editing": editing,
        "reporting_name": name_on(report.organisation, report.period.end),
        "deadline": deadline_for(report.organisation.parent, report.period) if report.organisation.parent else None,
        "previous": queries.previous_values(report),
        "last_year": queries.last_year_values(report),
        "violations": violations,
        "unreadable": unreadable,
        "flagged": flagged_fields(violations, unreadable),
        **check_counts(violations, unreadable),
        "figure_labels": queries.figure_labels(report),
        "registry": _registry_hints(report, registry, prefill),
        "notes": notes,
        "attachments": report.attachments.all(),
        "changes": report.value_changes.select_related("indicator", "changed_by")[:50],
        "note_changes": queries.note_history(report)[:50],
        "return_form": ReturnForm(),
        "upload_form": UploadForm(),
        "tasks": tasks_led_by([report.organisation], year=report.period.year),
        "can_review": report.status == Report.Status.SUBMITTED and reviewer,
        "can_reopen": report.status == Report.Status.ACCEPTED and reviewer,
        "reviewer": reviewer,
        "next_report": queries.next_to_review(report) if reviewer else None,
    }
    return render(request, "reporting/report.html", context, status=status)


def check_counts(violations: list, unreadable: list) -> dict[str, int]:
    """How many errors and warnings the checks found, for the count a phone shows beside the buttons."""
    errors = sum(1 for violation in violations if violation.is_error)
    return {"check_errors": errors + len(unreadable), "check_warnings": len(violations) - errors}


def flagged_fields(violations: list, unreadable: list) -> dict[str, str]:
    """``{indicator code: "error" | "warning"}`` for the fields a check points at: the page marks them
    (aria-invalid and a class), and the live check sends them along for report-entry.js to mark."""
    flagged: dict[str, str] = {}
    for violation in violations:
        level = "error" if violation.is_error else "warning"
        codes = [violation.indicator_code] if violation.indicator_code else [name for name, _value in violation.figures]
        for code in codes:
            if flagged.get(code) != "error":
                flagged[code] = level
    for indicator, _typed, _why in unreadable:
        flagged[indicator.code] = "error"
    return flagged


@login_required
def detail(request: SignedInRequest, report_id: int) -> HttpResponse:
    """Show the report; on POST save it (``action=save``) or save and submit it (``action=submit``)."""
    need = Need.EDIT if request.method == "POST" else Need.READ
    report, grant = get_report_for_user(request.user, report_id, need=need)
    if request.method != "POST":
        return _page(request, report, grant)
    form = _entry_form(report, request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Một số ô chưa đúng; số liệu bạn nhập vẫn còn trên trang, hãy sửa các ô được đánh dấu.")
        )
        return _page(request, report, grant, form, actions.check_report(report, form.lenient_values()), status=422)
    submitting = form.cleaned_data.get("action") == "submit"
    try:
        actions.save_report(
            report,
            values=form.values(),
            texts=form.texts(),
            notes=notes_from(request.POST),
            expected_version=form.cleaned_data["version"],
            acting_user=request.user,
            submit=submitting,
            response=form.cleaned_data.get("response", ""),
        )
    except actions.EditConflict as conflict:
        messages.error(request, str(conflict))
        return _page(request, conflict.report, grant, form, status=409)
    except actions.SubmissionBlocked as blocked:
        # Saving and sending are one change: nothing was stored, the typed figures stay on the page.
        messages.error(
            request,
            _("%(reason)s Số liệu chưa được lưu; chúng vẫn còn trên trang để bạn sửa hoặc chỉ lưu bản nháp.")
            % {"reason": blocked},
        )
        report.refresh_from_db()
        return _page(request, report, grant, form, actions.check_report(report, form.lenient_values()), status=422)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        report.refresh_from_db()
        return _page(request, report, grant, form, status=422)
    if submitting:
        messages.success(request, _("Đã gửi báo cáo đến Cơ quan thường trực."))
    else:
        messages.success(request, _("Đã lưu bản nháp."))
    return redirect("reporting:detail", report.pk)


@require_POST
@login_required
def check(request: SignedInRequest, report_id: int) -> HttpResponse:
    """htmx: run the rules over what is typed so far and return the checks panel."""
    report, _grant = get_report_for_user(request.user, report_id, need=Need.EDIT)
    form = _entry_form(report, request.POST)
    notes = notes_from(request.POST)
    violations = actions.check_report(report, form.lenient_values())
    unreadable = form.unreadable()
    return render(
        request,
        "reporting/_checks.html",
        {
            "violations": violations,
            "unreadable": unreadable,
            "flagged": flagged_fields(violations, unreadable),
            **check_counts(violations, unreadable),
            "oob_count": True,  # the count beside the buttons follows the panel (htmx out-of-band swap)
            "figure_labels": queries.figure_labels(report),
            "notes": notes,
            "editing": True,
        },
    )


@require_POST
@login_required
def review(request: SignedInRequest, report_id: int) -> HttpResponse:
    """Accept a submitted report, return it with a reason, or reopen an accepted one with a reason."""
    report, _grant = get_report_for_user(request.user, report_id, need=Need.REVIEW)
    try:
        form = ReviewForm(request.POST)
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        if form.cleaned_data["action"] == "accept":
            actions.accept_report(report, acting_user=request.user)
            messages.success(request, _("Đã tiếp nhận báo cáo."))
        elif form.cleaned_data["action"] == "reopen":
            actions.reopen_report(report, reason=form.cleaned_data["reason"], acting_user=request.user)
            messages.success(request, _("Đã mở lại báo cáo để đơn vị sửa; số liệu không còn được tính vào tổng hợp."))
        else:
            actions.return_report(report, reason=form.cleaned_data["reason"], acting_user=request.user)
            messages.success(request, _("Đã trả lại báo cáo kèm lý do."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reporting:detail", report.pk)


@require_POST
@login_required
def upload_attachment(request: SignedInRequest, report_id: int) -> HttpResponse:
    report, _grant = get_report_for_user(request.user, report_id, need=Need.EDIT)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chưa chọn tệp để đính kèm."))
    else:
        try:
            actions.add_attachment(report, form.cleaned_data["file"], acting_user=request.user)
            messages.success(request, _("Đã đính kèm tệp."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("reporting:detail", report.pk)


@login_required
def download_attachment(request: SignedInRequest, attachment_id: int) -> FileResponse:
    attachment = get_attachment_for_user(request.user, attachment_id)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)


@login_required
def excel_download(request: SignedInRequest, report_id: int) -> HttpResponse:
    report, _grant = get_report_for_user(request.user, report_id, need=Need.READ)
    content = excel.build_workbook(
        report,
        queries.form_indicators(report),
        queries.values_of(report),
        queries.previous_values(report),
        queries.last_year_values(report),
    )
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{report.pk}-{report.period.code}.xlsx"'
    return response


@require_POST
@login_required
def excel_upload(request: SignedInRequest, report_id: int) -> HttpResponse:
    """Read a filled workbook back through the same validation and locking as the web form."""
    report, _grant = get_report_for_user(request.user, report_id, need=Need.EDIT)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chưa chọn tệp Excel."))
        return redirect("reporting:detail", report.pk)
    upload = form.cleaned_data["file"]
    try:
        check_upload(upload, allowed=frozenset({".xlsx"}), max_bytes=excel.MAX_UPLOAD_BYTES)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reporting:detail", report.pk)
    try:
        values, version = excel.read_workbook(upload, report, queries.form_indicators(report))
        actions.save_report(
            report, values=values, expected_version=version, acting_user=request.user, source=Report.Source.EXCEL
        )
    except excel.ExcelImportError as error:
        for message in error.messages[:20]:
            messages.error(request, message)
    except actions.EditConflict as conflict:
        messages.error(request, _("Tệp Excel được tải về trước lần lưu gần nhất. %(detail)s") % {"detail": conflict})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã nhập số liệu từ tệp Excel; hãy kiểm tra rồi gửi báo cáo."))
    return redirect("reporting:detail", report.pk)
