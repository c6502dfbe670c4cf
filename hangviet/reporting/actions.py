"""Every change to a report goes through one of these actions (views, API, Excel import, demo, commands).

Workflow: draft → submitted → accepted, or submitted → returned (with a reason) → submitted again.
Accepted reports are locked. Values are saved with optimistic locking: the caller passes the version it
read, and a newer version in the database means somebody else saved first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.indicators.models import Indicator, ValidationRule
from hangviet.indicators.rules import RuleBook, Violation
from hangviet.lib.storage import discard_on_rollback
from hangviet.lib.text import normalize_text
from hangviet.lib.uploads import check_upload
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.registry.figures import Figure
from hangviet.reporting import notices, totals
from hangviet.reporting.catalogue import form_code_for
from hangviet.reporting.models import (
    Attachment,
    Report,
    ReportForm,
    ReportText,
    ReportValue,
    ValueChange,
    WarningNote,
)
from hangviet.reporting.queries import form_indicators, previous_values, registry_figures, values_of
from hangviet.units.queries import current_province_of


class ReportStateError(ValidationError):
    """The report is not in a state that allows this change."""


class EditConflict(Exception):
    """Somebody saved the report after the caller read it."""

    def __init__(self, report: Report) -> None:
        super().__init__(
            _(
                "Báo cáo vừa được %(user)s lưu lúc %(time)s. Số liệu bạn nhập chưa được lưu; hãy xem "
                "lại bản mới nhất rồi nhập lại phần thay đổi."
            )
            % {
                "user": report.updated_by.get_username() if report.updated_by else _("người khác"),
                "time": timezone.localtime(report.updated_at).strftime("%H:%M %d/%m/%Y"),
            }
        )
        self.report = report


class SubmissionBlocked(Exception):
    """Errors remain, or warnings have no explanation; nothing was submitted."""

    def __init__(self, errors: list[Violation], unexplained: list[Violation]) -> None:
        super().__init__(errors, unexplained)
        self.errors, self.unexplained = errors, unexplained

    def __str__(self) -> str:
        return _("Chưa gửi được: %(errors)s lỗi cần sửa, %(warnings)s cảnh báo cần giải trình.") % {
            "errors": len(self.errors),
            "warnings": len(self.unexplained),
        }


@transaction.atomic
def open_report(organisation: Organisation, period: Period, *, acting_user: User | None) -> Report:
    """The organisation's report for the period, created as a draft on first use with its form."""
    report, created = Report.objects.get_or_create(
        organisation=organisation,
        period=period,
        defaults={
            "form": ReportForm.objects.get(code=form_code_for(organisation)),
            "province": current_province_of(organisation.unit),
            "updated_by": acting_user,
        },
    )
    if created:
        record(report, "report.created", actor=acting_user, period=period.code)
    return report


def check_report(
    report: Report,
    values: Mapping[str, Decimal | None] | None = None,
    *,
    registry: Mapping[str, Figure] | None = None,
) -> list[Violation]:
    """The rule violations of the given values (default: the saved ones) in this report's form, including the
    reconciliation with the registries' figures (computed here unless the caller has them already).

    Every path that checks a report comes here: the page, the htmx live check, submission (web, API, Excel)."""
    indicators = form_indicators(report)
    book = RuleBook.load(indicators)
    if registry is None:
        registry = registry_figures(report, indicators)
    return book.check(values if values is not None else values_of(report), previous_values(report), registry)


def _lock(report: Report) -> Report:
    """Lock the report's row for this transaction and bring ``report`` up to date with it.

    Every change of a report's state or values goes through here first, so that the status and version it
    checks are the ones in the database now, not the copy the request loaded at its start.
    """
    locked = Report.objects.select_for_update().get(pk=report.pk)
    for field in (
        "status",
        "version",
        "updated_at",
        "updated_by_id",
        "submitted_at",
        "reviewed_at",
        "source",
        "return_reason",
        "resubmit_note",
    ):
        setattr(report, field, getattr(locked, field))
    return report


def _bump(report: Report, acting_user: User | None, **fields: object) -> None:
    """Store ``fields`` and a new version: whoever read the report before this change must read it again."""
    report.version += 1
    report.updated_at = timezone.now()
    report.updated_by = acting_user
    for name, value in fields.items():
        setattr(report, name, value)
    report.save(update_fields=["version", "updated_at", "updated_by", *fields])


@transaction.atomic
def save_report(
    report: Report,
    *,
    values: Mapping[str, Decimal | None],
    expected_version: int,
    acting_user: User | None,
    texts: Mapping[str, str] | None = None,
    notes: Mapping[str, str] | None = None,
    source: str | None = None,
    submit: bool = False,
    response: str = "",
) -> Report:
    """Save values (``None`` clears one), narrative texts and warning notes; record every value change.

    The row is locked and its status and version checked inside the transaction: raises ReportStateError if
    the report is no longer editable (submitted or accepted meanwhile), EditConflict if ``expected_version``
    is stale. With ``submit=True`` the report is also submitted in the same transaction; if the submission
    is blocked (SubmissionBlocked), nothing is saved either, so the caller can show the typed values again.
    """
    _lock(report)
    if not report.is_editable:
        raise ReportStateError(_("Báo cáo đã gửi hoặc đã được tiếp nhận nên không sửa được."))
    if report.version != expected_version:
        raise EditConflict(report)
    indicators = {indicator.code: indicator for indicator in form_indicators(report)}
    unknown = set(values) - indicators.keys()
    if unknown:
        raise ValidationError(
            _("Chỉ tiêu không có trong mẫu báo cáo: %(codes)s") % {"codes": ", ".join(sorted(unknown))}
        )
    _bump(report, acting_user, **({"source": source} if source else {}))
    _write_values(report, indicators, values, acting_user)
    _write_texts(report, texts or {})
    _save_notes(report, notes or {}, acting_user)
    record(report, "report.saved", actor=acting_user, version=report.version)
    if submit:
        submit_report(report, acting_user=acting_user, response=response)
    return report


def _write_values(
    report: Report, indicators: Mapping[str, Indicator], values: Mapping[str, Decimal | None], acting_user: User | None
) -> None:
    """Store the values that changed and one history row each, in a few statements whatever the number of
    values (a submission of 32 figures is not 64 single-row inserts)."""
    current = {row.indicator_id: row for row in ReportValue.objects.filter(report=report)}
    created, updated, deleted, changes = [], [], [], []
    for code, new in values.items():
        indicator = indicators[code]
        row = current.get(indicator.pk)
        old = row.value if row else None
        if old == new or (old is not None and new is not None and Decimal(old) == Decimal(new)):
            continue
        if new is None:
            if row is not None:  # always: a value that was not there and stays empty was skipped above
                deleted.append(row.pk)
        elif row is None:
            created.append(ReportValue(report=report, indicator=indicator, value=new))
        else:
            row.value = new
            updated.append(row)
        changes.append(
            ValueChange(report=report, indicator=indicator, old_value=old, new_value=new, changed_by=acting_user)
        )
    if deleted:
        ReportValue.objects.filter(pk__in=deleted).delete()
    if updated:
        ReportValue.objects.bulk_update(updated, ["value"])
    ReportValue.objects.bulk_create(created)
    ValueChange.objects.bulk_create(changes)


def _write_texts(report: Report, texts: Mapping[str, str]) -> None:
    """Store the narrative sections that changed (one statement for new ones, one for changed ones)."""
    if not texts:
        return
    current = {row.section: row for row in ReportText.objects.filter(report=report)}
    created, updated = [], []
    for section, text in texts.items():
        clean = normalize_text(text)
        row = current.get(section)
        if row is None:
            created.append(ReportText(report=report, section=section, text=clean))
        elif row.text != clean:
            row.text = clean
            updated.append(row)
    ReportText.objects.bulk_create(created)
    if updated:
        ReportText.objects.bulk_update(updated, ["text"])


def _save_notes(report: Report, notes: Mapping[str, str], acting_user: User | None) -> None:
    """Store the warning explanations that changed; each change is kept in the report's history (the audit log
    holds the words before and after, so a reviewer sees what was explained when, even after a rewrite)."""
    rules = {rule.code: rule for rule in ValidationRule.objects.all()}
    current = {(note.rule_id, note.indicator_code): note for note in report.warning_notes.all()}
    for key, comment in notes.items():
        rule_code, _sep, indicator_code = key.partition(":")
        if rule_code not in rules:
            continue
        rule = rules[rule_code]
        comment = normalize_text(comment)
        existing = current.get((rule.pk, indicator_code))
        old = existing.comment if existing else ""
        if comment == old:
            continue
        if comment:
            WarningNote.objects.update_or_create(
                report=report, rule=rule, indicator_code=indicator_code, defaults={"comment": comment}
            )
        else:
            WarningNote.objects.filter(report=report, rule=rule, indicator_code=indicator_code).delete()
        record(
            report,
            "report.note_saved",
            actor=acting_user,
            rule=rule_code,
            indicator=indicator_code,
            old=old,
            new=comment,
        )


def explained_keys(report: Report) -> set[str]:
    return {
        f"{rule}:{code}" if code else rule
        for rule, code in report.warning_notes.values_list("rule__code", "indicator_code")
    }


@transaction.atomic
def submit_report(
    report: Report, *, acting_user: User | None, expected_version: int | None = None, response: str = ""
) -> Report:
    """Send a draft or returned report; errors block it, every warning needs an explanation. A returned report
    sent again carries the reporter's ``response`` (what it corrected), which the reviewing office reads.

    Checked on the locked row, so a save racing the submission either lands before it (and is checked) or
    is refused after it. ``expected_version``, when given, must be the version the caller looked at.
    """
    _lock(report)
    if not report.is_editable:
        raise ReportStateError(_("Chỉ báo cáo đang soạn hoặc bị trả lại mới gửi được."))
    if expected_version is not None and report.version != expected_version:
        raise EditConflict(report)
    violations = check_report(report)
    explained = explained_keys(report)
    errors = [v for v in violations if v.is_error]
    unexplained = [v for v in violations if not v.is_error and v.key not in explained]
    if errors or unexplained:
        raise SubmissionBlocked(errors, unexplained)
    resubmitted = report.status == Report.Status.RETURNED
    note = normalize_text(response) if resubmitted else ""
    _bump(report, acting_user, status=Report.Status.SUBMITTED, submitted_at=timezone.now(), resubmit_note=note)
    record(report, "report.submitted", actor=acting_user, version=report.version)
    notices.report_submitted(report, resubmitted=resubmitted, acting_user=acting_user)
    return report


@transaction.atomic
def return_report(report: Report, *, reason: str, acting_user: User | None) -> Report:
    """Send a submitted report back to its author with a reason; they can correct and resubmit it."""
    reason = normalize_text(reason)
    if not reason:
        raise ValidationError(_("Vui lòng ghi lý do trả lại báo cáo."))
    _lock(report)
    if report.status != Report.Status.SUBMITTED:
        raise ReportStateError(_("Chỉ trả lại được báo cáo đã gửi, đang chờ duyệt."))
    _bump(
        report,
        acting_user,
        status=Report.Status.RETURNED,
        return_reason=reason,
        reviewed_at=timezone.now(),
        reviewed_by=acting_user,
    )
    record(report, "report.returned", actor=acting_user, reason=reason, version=report.version)
    notices.report_returned(report, acting_user=acting_user)
    return report


@transaction.atomic
def accept_report(report: Report, *, acting_user: User | None) -> Report:
    """Accept a submitted report: it is locked and its values count in every total from now on."""
    _lock(report)
    if report.status != Report.Status.SUBMITTED:
        raise ReportStateError(_("Chỉ tiếp nhận được báo cáo đã gửi, đang chờ duyệt."))
    _bump(report, acting_user, status=Report.Status.ACCEPTED, reviewed_at=timezone.now(), reviewed_by=acting_user)
    totals.add_report(report)  # counted in every total above it, in this transaction
    record(report, "report.accepted", actor=acting_user, version=report.version)
    notices.report_accepted(report, acting_user=acting_user)
    return report


@transaction.atomic
def reopen_report(report: Report, *, reason: str, acting_user: User | None) -> Report:
    """Reopen an accepted report for correction (it goes back to its author as returned, with a reason): its
    values leave every total in this transaction, and count again when it is re-accepted."""
    reason = normalize_text(reason)
    if not reason:
        raise ValidationError(_("Vui lòng ghi lý do mở lại báo cáo."))
    _lock(report)
    if report.status != Report.Status.ACCEPTED:
        raise ReportStateError(_("Chỉ mở lại được báo cáo đã được tiếp nhận."))
    totals.remove_report(report)
    _bump(
        report,
        acting_user,
        status=Report.Status.RETURNED,
        return_reason=reason,
        reviewed_at=timezone.now(),
        reviewed_by=acting_user,
    )
    record(report, "report.reopened", actor=acting_user, reason=reason, version=report.version)
    return report


@transaction.atomic
def accept_reports(reports: Iterable[Report], *, acting_user: User | None) -> list[Report]:
    """Accept several submitted reports at once: all of them, or none if one cannot be accepted.

    The caller has passed each report through the review gate before calling this."""
    accepted = []
    for report in sorted(reports, key=lambda r: r.pk):  # one lock order, so two reviewers cannot deadlock
        accepted.append(accept_report(report, acting_user=acting_user))
    return accepted


@transaction.atomic
def return_reports(reports: Iterable[Report], *, reason: str, acting_user: User | None) -> list[Report]:
    """Return several submitted reports with one reason: all of them, or none if one cannot be returned.

    The caller has passed each report through the review gate before calling this."""
    returned = []
    for report in sorted(reports, key=lambda r: r.pk):  # one lock order, as accept_reports
        returned.append(return_report(report, reason=reason, acting_user=acting_user))
    return returned


@transaction.atomic
def add_attachment(report: Report, upload: UploadedFile[bytes], *, acting_user: User | None) -> Attachment:
    """Attach a file (the signed scan, a photo, a spreadsheet) through the storage API.

    Only while the report is editable: a submitted or accepted report keeps the files it was sent with.
    If anything fails after the file is stored, the file is removed again (no file without its row)."""
    checked = check_upload(upload)
    name = checked.display_name
    _lock(report)
    if not report.is_editable:
        raise ReportStateError(_("Báo cáo đã gửi hoặc đã được tiếp nhận nên không đính kèm thêm tệp được."))
    attachment = Attachment(report=report, original_name=name, size=upload.size or 0, uploaded_by=acting_user)
    with discard_on_rollback(attachment.file):
        attachment.file.save(checked.stored_name, upload, save=False)
        attachment.save()
        record(report, "report.attachment_added", actor=acting_user, name=name)
    return attachment
