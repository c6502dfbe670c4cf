"""The standing office's pages: completeness board, consolidated table, trend chart, exports."""

from __future__ import annotations

import io
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from hangviet.consolidation.queries import (
    PHASE_NOTE,
    REGISTRY_MARK,
    REGISTRY_NOTE,
    PhaseTable,
    Table,
    compute_completeness,
    consolidate,
    count_waiting_review,
    phase_table,
    trend,
)
from hangviet.consolidation.reminders import remind_waiting
from hangviet.indicators.models import Indicator
from hangviet.lib.forms import IdListField, SaneDateField, StyledFormMixin, YearField, messages_of
from hangviet.lib.http import SignedInRequest
from hangviet.lib.i18n import catalogue_text, in_vietnamese
from hangviet.lib.periods import PeriodCodeError, PeriodKey, PhaseKey, newest_first, period_of_day, phase_problem
from hangviet.lib.replica import reads_from_replica
from hangviet.lib.vnformat import format_date_short, format_number
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Grant, Need, is_recipient_office
from hangviet.periods.actions import set_deadline as set_deadline_of
from hangviet.periods.models import Period
from hangviet.reporting.access import get_report_for_user
from hangviet.reporting.actions import accept_reports, return_reports
from hangviet.reporting.models import Report


def _committee_and_period(
    request: SignedInRequest, committee_id: int, code: str, need: Need
) -> tuple[Organisation, Period]:
    committee, _grant = get_organisation_for_user(request.user, committee_id, need=need)
    if not committee.is_committee:
        raise Http404
    try:
        return committee, Period.objects.for_key(PeriodKey.parse(code))
    except PeriodCodeError as error:
        raise Http404(str(error)) from error


def _period_choices(selected: Period) -> list[PeriodKey]:
    today = period_of_day(timezone.localdate())
    keys = {PeriodKey(year, kind) for year in range(today.year - 4, today.year + 1) for kind in ("H1", "Y")}
    keys.add(selected.key)
    return newest_first(key for key in keys if key <= today or key == selected.key)


@login_required
def board_today(request: SignedInRequest, committee_id: int) -> HttpResponse:
    get_organisation_for_user(request.user, committee_id, need=Need.READ)  # an unseen committee is not found
    return redirect("consolidation:board", committee_id, period_of_day(timezone.localdate()).previous().code)


@login_required
def board(request: SignedInRequest, committee_id: int, code: str) -> HttpResponse:
    committee, period = _committee_and_period(request, committee_id, code, Need.READ)
    completeness = compute_completeness(committee, period)
    waiting = [row.report for row in completeness.rows if row.report and row.report.status == Report.Status.SUBMITTED]
    return render(
        request,
        "consolidation/board.html",
        {
            "committee": committee,
            "period": period,
            "completeness": completeness,
            "periods": _period_choices(period),
            "can_act": get_organisation_for_user(request.user, committee_id, need=Need.READ)[1].can_edit,
            # Only the office the reports go to sees the accept and return buttons (a viewer sees none).
            "can_review": any(is_recipient_office(request.user, report.organisation) for report in waiting[:1]),
        },
    )


class AcceptManyForm(forms.Form):
    """The reports ticked on the board and what to do with them: accept, or return with one reason."""

    report = IdListField(required=False)
    action = forms.ChoiceField(choices=[("accept", "accept"), ("return", "return")], required=False)
    reason = forms.CharField(max_length=2000, required=False)

    def clean(self) -> dict:
        data = super().clean() or {}
        data["action"] = data.get("action") or "accept"
        if data["action"] == "return" and not (data.get("reason") or "").strip():
            raise forms.ValidationError(_("Vui lòng ghi lý do trả lại các báo cáo đã chọn."))
        return data


@require_POST
@login_required
def accept_many(request: SignedInRequest, committee_id: int, code: str) -> HttpResponse:
    """Accept the submitted reports ticked on the board, or return them with one reason; each goes through
    the report gate."""
    committee, period = _committee_and_period(request, committee_id, code, Need.READ)
    form = AcceptManyForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(messages_of(form.non_field_errors())) or _("Chưa chọn được báo cáo nào."))
        return redirect("consolidation:board", committee.pk, period.code)
    ticked = sorted(set(form.cleaned_data["report"]))
    # Every ticked report passes the review gate before anything is changed (404/403 change nothing).
    reports = [get_report_for_user(request.user, report_id, need=Need.REVIEW)[0] for report_id in ticked]
    waiting = [report for report in reports if report.status == Report.Status.SUBMITTED]
    returning = form.cleaned_data["action"] == "return"
    try:
        if returning:
            count = len(return_reports(waiting, reason=form.cleaned_data["reason"], acting_user=request.user))
        else:
            count = len(accept_reports(waiting, acting_user=request.user))
    except ValidationError as error:
        messages.error(request, _("Chưa xử lý báo cáo nào: %(reason)s") % {"reason": " ".join(error.messages)})
        return redirect("consolidation:board", committee.pk, period.code)
    if returning:
        messages.success(request, _("Đã trả lại %(count)s báo cáo kèm lý do.") % {"count": count})
    else:
        messages.success(request, _("Đã tiếp nhận %(count)s báo cáo.") % {"count": count})
    return redirect("consolidation:board", committee.pk, period.code)


@require_POST
@login_required
def remind(request: SignedInRequest, committee_id: int, code: str) -> HttpResponse:
    committee, period = _committee_and_period(request, committee_id, code, Need.EDIT)
    outcomes = [
        outcome for outcome in remind_waiting(committee, period, acting_user=request.user) if not outcome.already
    ]
    reached = [outcome for outcome in outcomes if not outcome.nobody]
    if reached:
        messages.success(
            request,
            _("Đã nhắc %(count)s đơn vị — %(who)s.")
            % {"count": len(reached), "who": "; ".join(outcome.describe() for outcome in reached)},
        )
    for outcome in outcomes:
        if outcome.nobody:
            messages.warning(request, _("Chưa nhắc được: %(who)s.") % {"who": outcome.describe()})
    if not outcomes:
        messages.info(request, _("Không có đơn vị nào cần nhắc (hoặc đã nhắc hôm nay)."))
    return redirect("consolidation:board", committee.pk, period.code)


class DeadlineForm(forms.Form):
    due_on = SaneDateField(label=gettext_lazy("Hạn gửi báo cáo"))


@require_POST
@login_required
def set_deadline(request: SignedInRequest, committee_id: int, code: str) -> HttpResponse:
    committee, period = _committee_and_period(request, committee_id, code, Need.EDIT)
    form = DeadlineForm(request.POST)
    if form.is_valid():
        due_on = form.cleaned_data["due_on"]
        set_deadline_of(committee, period, due_on=due_on, acting_user=request.user)
        messages.success(
            request,
            _("Hạn gửi báo cáo %(period)s: %(date)s.")
            % {"period": period.key.label, "date": format_date_short(due_on)},
        )
    else:
        messages.error(request, _("Ngày không hợp lệ."))
    return redirect("consolidation:board", committee.pk, period.code)


@login_required
@reads_from_replica()
def table(request: SignedInRequest, committee_id: int, code: str) -> HttpResponse:
    committee, period = _committee_and_period(request, committee_id, code, Need.READ)
    consolidated = consolidate(committee, period)
    known = {period.pk: consolidated.totals}  # the trend's last two points are the table's, registries included
    before = Period.objects.find(period.key.same_period_last_year())
    if before is not None:
        known[before.pk] = consolidated.last_year
    series = trend(committee, period, known=known)
    chart = {
        "labels": [earlier.key.short_label for earlier, _totals in series],
        "series": {
            indicator.code: [
                None if (total := totals.get(indicator.code)) is None else float(total) for _earlier, totals in series
            ]
            for indicator in consolidated.indicators
        },
        "names": {indicator.code: catalogue_text(indicator.name) for indicator in consolidated.indicators},
    }
    return render(
        request,
        "consolidation/table.html",
        {
            "committee": committee,
            "period": period,
            "table": consolidated,
            "lines": _lines(consolidated),
            "header": _header(consolidated),
            "periods": _period_choices(period),
            "chart": chart,
            "accepted_count": sum(row.accepted_reports for row in consolidated.rows),
            "waiting_count": count_waiting_review(committee, period, subtree=consolidated.subtree),
        },
    )


def _header(consolidated: Table) -> SafeString:
    """The reporters' column headings, written once in Python like the cells (a province has ~130): each name
    links to the reporter's own report where it has one; a merged committee is marked."""
    link = reverse("reporting:detail", args=[987654321])
    merged = escape(_("đã hợp nhất"))
    headings = []
    for row in consolidated.rows:
        name = str(escape(row.name))
        if row.report is not None:
            name = f'<a href="{link.replace("987654321", str(int(row.report.pk)))}">{name}</a>'
        if row.kind == "historic":
            name += f' <span class="badge hv-badge-historic">{merged}</span>'
        headings.append(f'<th scope="col" class="text-end" style="min-width:8rem">{name}</th>')
    return mark_safe("".join(headings))  # noqa: S308 - every piece escaped above


def _lines(consolidated: Table) -> list[tuple[Indicator, SafeString]]:
    """Each indicator with its reporters' cells written once in Python: a province's table has ~130 columns of
    32 indicators, and 4,000 template lookups would cost more than reading the totals. A formatted number holds
    only digits, "." and ","; each distinct value is formatted once."""
    written: dict[Decimal, str] = {}

    def cell(value: Decimal | None) -> str:
        if value is None:
            return '<td class="text-end"></td>'
        text = written.get(value)
        if text is None:
            text = written[value] = f'<td class="text-end">{escape(format_number(value))}</td>'
        return text

    return [
        (indicator, mark_safe("".join(cell(row.values.get(indicator.code)) for row in consolidated.rows)))  # noqa: S308
        for indicator in consolidated.indicators
    ]


def _number(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)


@login_required
@reads_from_replica()
@in_vietnamese()
def table_xlsx(request: SignedInRequest, committee_id: int, code: str) -> HttpResponse:
    committee, period = _committee_and_period(request, committee_id, code, Need.READ)
    consolidated = consolidate(committee, period)
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook has one worksheet, the active one
    sheet.title = "Tổng hợp"
    sheet.append([f"TỔNG HỢP SỐ LIỆU {period.key.label.upper()} – {committee.name}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    header = ["Đơn vị báo cáo", *(f"{i.name} ({i.unit})" for i in consolidated.indicators)]
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in consolidated.rows:
        sheet.append([row.name, *(_cell(row.values.get(i.code)) for i in consolidated.indicators)])
    sheet.append(["Tổng cộng", *(_cell(consolidated.totals.get(i.code)) for i in consolidated.indicators)])
    sheet.append(["Cùng kỳ năm trước", *(_cell(consolidated.last_year.get(i.code)) for i in consolidated.indicators)])
    if consolidated.registry:
        # Say which totals come from the registries, with their qualifier, and what the reports add up to.
        sheet.append(
            [
                REGISTRY_MARK,
                *(
                    f"* {figure.words}" if (figure := consolidated.registry.get(i.code)) else None
                    for i in consolidated.indicators
                ),
            ]
        )
        sheet.append(["Cộng các báo cáo", *(_cell(consolidated.reported.get(i.code)) for i in consolidated.indicators)])
        sheet.append([])
        sheet.append([f"* {REGISTRY_NOTE}"])
    if consolidated.kept:
        sheet.append(["Cách tính tổng", *(consolidated.kept.get(i.code) for i in consolidated.indicators)])
    for cells in sheet.iter_rows(min_row=4, min_col=2):
        for cell in cells:
            cell.number_format = "#,##0.##"
    sheet.column_dimensions["A"].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="tong-hop-{committee.pk}-{period.code}.xlsx"'
    return response


def _cell(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


# --- phases (giai đoạn): a committee's figures over several whole years ---


def _committee_and_phase(request: SignedInRequest, committee_id: int, key: str) -> tuple[Organisation, PhaseKey, Grant]:
    committee, grant = get_organisation_for_user(request.user, committee_id, need=Need.READ)
    if not committee.is_committee:
        raise Http404
    try:
        return committee, PhaseKey.parse(key), grant
    except PeriodCodeError as error:
        raise Http404(str(error)) from error


class PhaseForm(StyledFormMixin, forms.Form):
    """The phase's first and last year (``?first_year=2019&last_year=2024``)."""

    first_year = YearField(label=gettext_lazy("Từ năm"))
    last_year = YearField(label=gettext_lazy("Đến năm"))

    def clean(self) -> dict:
        data = super().clean() or {}
        first, last = data.get("first_year"), data.get("last_year")
        if first is not None and last is not None and (problem := phase_problem(first, last)):
            raise forms.ValidationError(problem, code="phase")
        return data

    @property
    def key(self) -> PhaseKey:
        return PhaseKey(self.cleaned_data["first_year"], self.cleaned_data["last_year"])


def default_phase() -> PhaseKey:
    """The five yearly reports up to the last year whose report is done or due (the current one while it runs
    is left out)."""
    last = period_of_day(timezone.localdate()).year - 1
    return PhaseKey(last - 4, last)


@login_required
def phase_today(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, _grant = get_organisation_for_user(request.user, committee_id, need=Need.READ)
    if not committee.is_committee:
        raise Http404
    return redirect("consolidation:phase", committee.pk, default_phase().code)


@login_required
@reads_from_replica()
def phase(request: SignedInRequest, committee_id: int, key: str) -> HttpResponse:
    """The committee's phase review: one column per year and the phase's column, with a form to pick the years."""
    committee, chosen, grant = _committee_and_phase(request, committee_id, key)
    initial = {"first_year": chosen.first_year, "last_year": chosen.last_year}
    form = PhaseForm(request.GET if "first_year" in request.GET else None, initial=initial)
    if form.is_bound and form.is_valid() and form.key != chosen:
        return redirect("consolidation:phase", committee.pk, form.key.code)
    table = phase_table(committee, chosen)
    return render(
        request,
        "consolidation/phase.html",
        {"committee": committee, "phase": chosen, "table": table, "form": form, "can_draft": grant.can_edit},
    )


@login_required
@reads_from_replica()
@in_vietnamese()
def phase_xlsx(request: SignedInRequest, committee_id: int, key: str) -> HttpResponse:
    committee, chosen, _grant = _committee_and_phase(request, committee_id, key)
    table = phase_table(committee, chosen)
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook has one worksheet, the active one
    sheet.title = "Giai đoạn"
    _write_phase(sheet, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="giai-doan-{committee.pk}-{chosen.code}.xlsx"'
    return response


def _write_phase(sheet: Worksheet, table: PhaseTable) -> None:
    label = table.phase.label
    sheet.append([f"TỔNG HỢP SỐ LIỆU {label.upper()} – {table.committee.name}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append(["Chỉ tiêu", "Đơn vị tính", *(f"Năm {year}" for year in table.years), f"Cả {label}", "Ghi chú"])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    sheet.append(["Số báo cáo năm đã tiếp nhận", "báo cáo", *(table.accepted.get(year, 0) for year in table.years)])
    for line in table.lines:
        note = ""
        if line.phase.per_year:
            note = "tỷ lệ theo từng năm"
        elif line.phase.year is not None:
            note = f"số năm {line.phase.year}"
        sheet.append(
            [
                line.indicator.name,
                line.indicator.unit,
                *(_cell(line.by_year.get(year)) for year in table.years),
                _cell(line.phase.value),
                note,
            ]
        )
    sheet.append([])
    sheet.append([PHASE_NOTE])
    for cells in sheet.iter_rows(min_row=4, min_col=3):
        for cell in cells:
            cell.number_format = "#,##0.##"
    sheet.column_dimensions["A"].width = 60
