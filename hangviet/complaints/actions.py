"""Every change of a consumer report: one function each, atomic, audited, the report locked where staff race."""

from __future__ import annotations

import datetime
import functools
import secrets
import unicodedata

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.complaints.models import ConsumerReport, ReportStep, Route
from hangviet.complaints.routing import receiver_for
from hangviet.lib.storage import discard_on_rollback
from hangviet.lib.text import normalize_text
from hangviet.orgs.models import Organisation
from hangviet.registry.places import make_place
from hangviet.units.models import Unit

# No 0/O, 1/I/L: a code read aloud on the phone or copied by hand stays right. 31^10 ≈ 8·10^14 codes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
CODE_PREFIX = "PA-"


def block_text(text: str) -> str:
    """Text of several lines (a description, an answer) in NFC, its lines kept, trimmed."""
    lines = [" ".join(line.split()) for line in unicodedata.normalize("NFC", text).replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def new_code() -> str:
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a visitor types ("pa 7k3m-9q2x td", "7K3M9Q2XTD") as the stored code, or "" if it cannot be one."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    if letters.startswith("PA"):
        letters = letters[2:]
    if len(letters) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in letters):
        return ""
    return CODE_PREFIX + letters


def _email_of(contact: str) -> str:
    try:
        validate_email(contact)
    except ValidationError:
        return ""
    return contact


def _mail_code(report: ConsumerReport, address: str) -> None:
    subject = _("Mã theo dõi phản ánh %(code)s") % {"code": report.code}
    body = _(
        "Cảm ơn bạn đã phản ánh. Mã theo dõi của bạn là %(code)s.\n"
        "Tra cứu kết quả xử lý tại trang “Tra cứu phản ánh” bằng mã này."
    ) % {"code": report.code}
    transaction.on_commit(functools.partial(send_mail, subject, body, None, [address], fail_silently=True))


@transaction.atomic
def submit_report(
    *,
    description: str,
    place_text: str,
    category: str = ConsumerReport.Category.OTHER,
    product: str = "",
    seen_on: datetime.date | None = None,
    photo: ContentFile[bytes] | None = None,
    contact_name: str = "",
    contact: str = "",
    intake_organisation: Organisation | None = None,
    acting_user: User | None = None,
) -> ConsumerReport:
    """Record a report (from the portal, or entered by an intake organisation) and route it. The code is
    e-mailed when the contact is an e-mail address."""
    place = make_place(
        place_text, context=intake_organisation.unit if intake_organisation is not None else None, on_date=seen_on
    )
    receiver = receiver_for(place)
    report = ConsumerReport(
        channel=ConsumerReport.Channel.OFFLINE if intake_organisation else ConsumerReport.Channel.PORTAL,
        category=category,
        description=block_text(description),
        product=normalize_text(product),
        place=place,
        seen_on=seen_on,
        contact_name=normalize_text(contact_name),
        contact=normalize_text(contact),
        intake_organisation=intake_organisation,
        receiver=receiver,
    )
    for _attempt in range(5):
        report.code = new_code()
        try:
            with transaction.atomic():
                if photo is not None:
                    with discard_on_rollback(report.photo):
                        report.photo.save(photo.name or "anh.jpg", photo, save=False)
                        report.save()
                else:
                    report.save()
            break
        except IntegrityError:  # the one-in-10^14 collision of codes: draw again
            report.pk = None
            continue
    else:
        raise RuntimeError("could not draw a unique tracking code")
    ReportStep.objects.create(
        report=report,
        kind=ReportStep.Kind.RECEIVED,
        organisation=intake_organisation,
        to_organisation=receiver,
        actor=acting_user,
    )
    record(report, "complaint.received", actor=acting_user, channel=report.channel, receiver=receiver.pk)
    address = _email_of(report.contact)
    if address:
        _mail_code(report, address)
    return report


def _locked(report: ConsumerReport) -> ConsumerReport:
    return ConsumerReport.objects.select_for_update().select_related("receiver").get(pk=report.pk)


def _check_open(report: ConsumerReport) -> None:
    if report.status == ConsumerReport.Status.HANDLED:
        raise ValidationError(_("Phản ánh này đã được trả lời và kết thúc."))


@transaction.atomic
def forward_report(report: ConsumerReport, *, to: Organisation, note: str, acting_user: User | None) -> ConsumerReport:
    """Hand the report to another body (it becomes the receiver; the contact goes with it)."""
    report = _locked(report)
    _check_open(report)
    if to.pk == report.receiver_id:
        raise ValidationError(_("Phản ánh đang ở chính cơ quan này."))
    if to.valid_to is not None:
        raise ValidationError(_("Cơ quan này không còn hoạt động."))
    previous = report.receiver
    report.receiver = to
    report.status = ConsumerReport.Status.FORWARDED
    report.information_request = ""
    report.version += 1
    report.save(update_fields=["receiver", "status", "information_request", "version"])
    ReportStep.objects.create(
        report=report,
        kind=ReportStep.Kind.FORWARDED,
        organisation=previous,
        to_organisation=to,
        note=normalize_text(note),
        actor=acting_user,
    )
    record(report, "complaint.forwarded", actor=acting_user, source=previous.pk, to=to.pk)
    return report


@transaction.atomic
def request_information(report: ConsumerReport, *, question: str, acting_user: User | None) -> ConsumerReport:
    """Ask the reporter for more (shown on the tracking page, which takes the answer)."""
    report = _locked(report)
    _check_open(report)
    report.status = ConsumerReport.Status.NEEDS_INFO
    report.information_request = block_text(question)
    report.version += 1
    report.save(update_fields=["status", "information_request", "version"])
    ReportStep.objects.create(
        report=report,
        kind=ReportStep.Kind.INFO_REQUESTED,
        organisation=report.receiver,
        note=report.information_request,
        actor=acting_user,
    )
    record(report, "complaint.info_requested", actor=acting_user)
    return report


@transaction.atomic
def add_information(report: ConsumerReport, *, text: str) -> ConsumerReport:
    """The reporter answers a request for information (by code, anonymously)."""
    report = _locked(report)
    if report.status != ConsumerReport.Status.NEEDS_INFO:
        raise ValidationError(_("Phản ánh này hiện không cần bổ sung thông tin."))
    forwarded = report.steps.filter(kind=ReportStep.Kind.FORWARDED).exists()
    report.status = ConsumerReport.Status.FORWARDED if forwarded else ConsumerReport.Status.RECEIVED
    report.version += 1
    report.save(update_fields=["status", "version"])
    ReportStep.objects.create(report=report, kind=ReportStep.Kind.INFO_ADDED, note=block_text(text))
    record(report, "complaint.info_added", actor=None)
    return report


@transaction.atomic
def close_report(
    report: ConsumerReport,
    *,
    outcome: str,
    public_answer: str,
    case_reference: str = "",
    acting_user: User | None,
) -> ConsumerReport:
    """Answer the report publicly and close it."""
    report = _locked(report)
    _check_open(report)
    if outcome not in {choice for choice, _label in ConsumerReport.Outcome.choices if choice}:
        raise ValidationError(_("Hãy chọn kết quả xử lý."))
    public_answer = block_text(public_answer)
    if not public_answer:
        raise ValidationError(_("Hãy viết câu trả lời công khai cho người phản ánh."))
    report.status = ConsumerReport.Status.HANDLED
    report.outcome = outcome
    report.public_answer = public_answer
    report.case_reference = normalize_text(case_reference)
    report.information_request = ""
    report.handled_at = timezone.now()
    report.version += 1
    report.save()
    ReportStep.objects.create(
        report=report,
        kind=ReportStep.Kind.HANDLED,
        organisation=report.receiver,
        note=report.public_answer,
        actor=acting_user,
    )
    record(report, "complaint.handled", actor=acting_user, outcome=outcome, case_reference=report.case_reference)
    return report


@transaction.atomic
def set_route(province: Unit, organisation: Organisation, *, acting_user: User | None) -> Route:
    """Route a province's new reports to ``organisation`` (reports already received stay where they are)."""
    if province.level != Unit.Level.PROVINCE or province.valid_to is not None:
        raise ValidationError(_("Chỉ phân luồng theo tỉnh, thành phố hiện nay."))
    route, _created = Route.objects.select_for_update().update_or_create(
        province=province, defaults={"organisation": organisation}
    )
    record(route, "complaint.route_set", actor=acting_user, province=province.pk, organisation=organisation.pk)
    return route
