"""Every change to a document: create a draft from the data, save a version, issue it."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from hangviet.audit.log import record
from hangviet.documents import notices
from hangviet.documents.compose import CAMPAIGN, PLACEHOLDER, REVIEW_WORDS, compose_phase_report, compose_report
from hangviet.documents.models import (
    Addressee,
    Document,
    DocumentType,
    DocumentVersion,
    IncomingCounter,
    IncomingEntry,
    IssuerProfile,
    RegisterCounter,
)
from hangviet.documents.queries import addressable_organisations
from hangviet.lib.docx_layout import Annex, Block, OfficialDocument, build_docx
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.periods import PhaseKey
from hangviet.lib.text import normalize_text
from hangviet.lib.vnformat import format_date_long, format_date_short
from hangviet.notifications.actions import Notice, notify
from hangviet.notifications.models import Notification
from hangviet.notifications.queries import users_of
from hangviet.orgs.catalogue import in_words, place_words
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import may_keep_documents
from hangviet.orgs.queries import list_current_members
from hangviet.periods.models import Period

MAX_BLOCKS = 2000
MAX_BLOCK_TEXT = 20_000


class DocumentStateError(ValidationError):
    pass


class StaleVersion(Exception):
    """The document was saved by someone else after the caller opened it."""


def profile_for(committee: Organisation) -> IssuerProfile:
    """The committee's issuing details, created from what is known on first use."""
    profile = IssuerProfile.objects.filter(committee=committee).first()
    if profile:
        return profile
    words = place_words(committee.unit.name)
    seats = list_current_members(committee)
    vice = next((seat for seat in seats if seat.role == "standing_vice_chair"), None)
    chair = next((seat for seat in seats if seat.role == "chair"), None)
    # The standing vice-chair signs for the head (KT. TRƯỞNG BAN); with no such seat, the head signs.
    signer = vice or chair
    deputy = signer is None or signer is vice
    return IssuerProfile.objects.create(
        committee=committee,
        parent_body=f"Ủy ban MTTQ Việt Nam {in_words(committee.unit.name)}" if committee.parent_id else "",
        issuing_body=f"Ban Chỉ đạo {CAMPAIGN} {in_words(committee.unit.name)}",
        place=words["place"],
        signer_name=signer.person.full_name if signer else "",
        signing_for="KT. TRƯỞNG BAN" if deputy else "",
        signer_position="PHÓ TRƯỞNG BAN THƯỜNG TRỰC" if deputy else "TRƯỞNG BAN",
        recipients="\n".join(
            [
                "BCĐ Trung ương (Mặt trận Trung ương);" if committee.parent_id else "Ban Bí thư Trung ương Đảng;",
                "Thường trực Tỉnh ủy, UBND tỉnh;" if committee.parent_id else "Thủ tướng Chính phủ;",
                "Thành viên Ban Chỉ đạo;",
                "Lưu: VT, BCĐ.",
            ]
        ),
    )


@transaction.atomic
def create_report_draft(committee: Organisation, period: Period, *, acting_user: User | None) -> Document:
    """A new draft consolidated report (Báo cáo) of ``committee`` for ``period``, written from the data."""
    if not may_keep_documents(committee):
        raise ValidationError(_("Chỉ Ban Chỉ đạo mới lập văn bản tổng hợp."))
    draft = compose_report(committee, period)
    document = Document.objects.create(
        committee=committee, doc_type=DocumentType.REPORT, period=period, summary=draft.summary, created_by=acting_user
    )
    DocumentVersion.objects.create(
        document=document,
        number=1,
        saved_by=acting_user,
        note=gettext_noop("Dự thảo từ số liệu"),  # stored in Vietnamese, shown in the reader's language
        blocks=[{"level": b.level, "text": b.text} for b in draft.blocks],
    )
    record(document, "document.drafted", actor=acting_user, period=period.code)
    return document


@transaction.atomic
def create_phase_report_draft(
    committee: Organisation, phase: PhaseKey, *, review: str = "final", acting_user: User | None
) -> Document:
    """A new draft phase review (Báo cáo sơ kết/tổng kết giai đoạn) of ``committee`` over ``phase``, written
    from the accepted yearly reports; its annex, the year-by-year table, is read again when it is rendered."""
    if not may_keep_documents(committee):
        raise ValidationError(_("Chỉ Ban Chỉ đạo mới lập văn bản tổng hợp."))
    if review not in REVIEW_WORDS:
        raise ValidationError(_("Loại báo cáo giai đoạn không hợp lệ."))
    draft = compose_phase_report(committee, phase, review)
    document = Document.objects.create(
        committee=committee,
        doc_type=DocumentType.REPORT,
        phase_key=phase.code,
        summary=draft.summary,
        created_by=acting_user,
    )
    DocumentVersion.objects.create(
        document=document,
        number=1,
        saved_by=acting_user,
        note=_("Dự thảo từ số liệu các năm"),
        blocks=[{"level": b.level, "text": b.text} for b in draft.blocks],
    )
    record(document, "document.drafted", actor=acting_user, phase=phase.code, review=review)
    return document


@transaction.atomic
def save_version(
    document: Document,
    blocks: Sequence[Mapping[str, Any]],
    *,
    base_version: int,
    note: str = "",
    acting_user: User | None,
) -> DocumentVersion:
    """Save the edited text as the next version; refuse if issued or if ``base_version`` is not the latest."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status != Document.Status.DRAFT:
        raise DocumentStateError(_("Văn bản đã ban hành, không sửa được."))
    latest = document.latest
    if latest is None or latest.number != base_version:
        raise StaleVersion(_("Văn bản vừa được lưu phiên bản mới hơn; hãy mở lại rồi sửa tiếp."))
    cleaned = [
        {"level": int(b["level"]), "text": normalize_text(str(b["text"]))[:MAX_BLOCK_TEXT]}
        for b in blocks[:MAX_BLOCKS]
        if str(b["text"]).strip()
    ]
    version = DocumentVersion.objects.create(
        document=document,
        number=latest.number + 1,
        blocks=cleaned,
        saved_by=acting_user,
        note=normalize_text(note)[:255],
    )
    record(document, "document.saved", actor=acting_user, version=version.number)
    return version


@in_vietnamese()
def specification(
    document: Document,
    *,
    number_symbol: str,
    issued_on: datetime.date,
    signer_name: str,
    recipients: list[str],
    draft: bool,
    blocks: list[Block] | None = None,
    annexes: list[Annex] | None = None,
) -> OfficialDocument:
    """Everything the layout needs to render ``document`` (its latest version unless ``blocks`` are given)."""
    profile = profile_for(document.committee)
    if blocks is None:
        version = document.latest
        blocks = [Block(b["text"], b["level"]) for b in (version.blocks if version else [])]
    if annexes is None:
        annexes = []
        if document.doc_type == DocumentType.REPORT and document.period is not None:
            annexes = compose_report(document.committee, document.period).annexes
        elif document.doc_type == DocumentType.REPORT and document.phase_key:
            annexes = compose_phase_report(document.committee, PhaseKey.parse(document.phase_key)).annexes
    return OfficialDocument(
        parent_body=profile.parent_body,
        issuing_body=profile.issuing_body,
        number=number_symbol,
        place_and_date=f"{profile.place}, {format_date_long(issued_on)}",
        kind_title=str(DocumentType(document.doc_type).label),
        summary=document.summary,
        blocks=blocks,
        recipients=recipients,
        signing_authority=profile.signing_authority,
        signing_for=profile.signing_for,
        signer_position=profile.signer_position,
        signer_name=signer_name,
        annexes=annexes,
        draft_watermark=draft,
        **letter_layout(document),
    )


def render_draft(document: Document, *, today: datetime.date | None = None) -> bytes:
    profile = profile_for(document.committee)
    return build_docx(
        specification(
            document,
            number_symbol=f"      /{symbol_of(document, profile)}",
            issued_on=today or timezone.localdate(),
            signer_name=profile.signer_name,
            recipients=profile.recipients.splitlines(),
            draft=True,
        )
    )


def unfinished_sections(document: Document) -> list[str]:
    """The headings of the sections of the latest version that still hold the draft's placeholder text."""
    version = document.latest
    found: list[str] = []
    heading = _("Mở đầu")
    for block in version.blocks if version else []:
        if block["level"]:
            heading = block["text"]
        elif PLACEHOLDER in block["text"] and heading not in found:
            found.append(heading)
    return found


@transaction.atomic
def issue_document(
    document: Document,
    *,
    issued_on: datetime.date,
    signer_name: str,
    recipients: list[str],
    acting_user: User | None,
) -> Document:
    """Take the next number of the committee's register, render the Word file and freeze the document."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status != Document.Status.DRAFT:
        raise DocumentStateError(_("Văn bản đã được ban hành."))
    signer_name, recipients = normalize_text(signer_name), [normalize_text(r) for r in recipients if r.strip()]
    if not signer_name:
        raise ValidationError(_("Vui lòng ghi họ tên người ký."))
    if not recipients:
        raise ValidationError(_("Vui lòng ghi ít nhất một nơi nhận."))
    unfinished = unfinished_sections(document)
    if unfinished:
        raise ValidationError(
            _("Chưa ban hành được: mục %(sections)s vẫn còn dòng “%(placeholder)s”. Hãy viết nội dung hoặc xoá mục đó.")
            % {"sections": ", ".join(f"“{heading}”" for heading in unfinished), "placeholder": PLACEHOLDER}
        )
    counter, _created = RegisterCounter.objects.select_for_update().get_or_create(
        committee=document.committee, year=issued_on.year, doc_type=document.doc_type
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    profile = profile_for(document.committee)
    number_symbol = f"{counter.last_number:02d}/{symbol_of(document, profile)}"
    content = build_docx(
        specification(
            document,
            number_symbol=number_symbol,
            issued_on=issued_on,
            signer_name=signer_name,
            recipients=recipients,
            draft=False,
        )
    )
    document.number, document.register_year, document.number_symbol = counter.last_number, issued_on.year, number_symbol
    document.issued_on, document.issued_by, document.signer_name = issued_on, acting_user, signer_name
    document.recipients = "\n".join(recipients)
    document.status = Document.Status.ISSUED
    document.file.save(f"{number_symbol.replace('/', '-')}.docx", ContentFile(content), save=False)
    document.save()
    record(document, "document.issued", actor=acting_user, number=number_symbol)
    if document.doc_type == DocumentType.LETTER:
        deliver_letter(document, acting_user=acting_user)
    notices.document_issued(document, acting_user=acting_user)
    return document


# Letters (công văn) and the incoming register (sổ văn bản đến).

# Decree 30/2020, Appendix I: a letter's symbol has no type code: the issuing body's abbreviation, then the drafting
# unit's (here the committee's standing office, "Thường trực"): "Số: 12/BCĐ-TT".
LETTER_DRAFTING_UNIT = "TT"
MAX_LETTER_BODY = 50_000
MAX_ADDRESSEES = 200


def symbol_of(document: Document, profile: IssuerProfile) -> str:
    """What follows the number: "BC-BCĐ" for a report, "BCĐ-TT" for a letter."""
    if document.doc_type == DocumentType.LETTER:
        return f"{profile.symbol}-{LETTER_DRAFTING_UNIT}"
    return f"{document.doc_type}-{profile.symbol}"


def letter_layout(document: Document) -> dict[str, Any]:
    """The layout options of a letter: "V/v …" under the number and its "Kính gửi" lines; nothing for others."""
    if document.doc_type != DocumentType.LETTER:
        return {}
    return {
        "summary_under_number": True,
        "addressees": [addressee.name for addressee in document.addressees.order_by("order")],
    }


def default_recipients(document: Document) -> str:
    """The "Nơi nhận" lines the issue form proposes: a letter's are its file copy ("Như trên" is added by the
    layout); other documents take the committee's usual recipients."""
    profile = profile_for(document.committee)
    if document.doc_type == DocumentType.LETTER:
        return f"Lưu: VT, {profile.symbol}."
    return profile.recipients


def _letter_summary(summary: str) -> str:
    text = normalize_text(summary).replace("\x00", "")
    for prefix in ("V/v", "v/v", "V/V", "Về việc", "về việc"):
        if text.startswith(prefix):
            text = text[len(prefix) :].lstrip(" :.-")
            break
    return text


@transaction.atomic
def create_letter(
    committee: Organisation,
    *,
    summary: str,
    organisations: Sequence[Organisation],
    outside: Sequence[str],
    body: str,
    acting_user: User | None,
) -> Document:
    """A draft letter (công văn) of ``committee``: "V/v ``summary``", addressed to organisations inside hangviet
    (those it may address: ``queries.addressable_organisations``) and to bodies outside it named as written, with
    ``body`` (paragraphs separated by a blank line). It is edited and issued like any document."""
    if not may_keep_documents(committee):
        raise ValidationError(_("Chỉ Ban Chỉ đạo mới gửi công văn."))
    text = _letter_summary(summary)
    if not text:
        raise ValidationError(_("Vui lòng ghi trích yếu (V/v …) của công văn."))
    if len(text) > 490:
        raise ValidationError(_("Trích yếu quá dài (tối đa 490 ký tự)."))
    allowed = set(addressable_organisations(committee).values_list("pk", flat=True))
    chosen = list(dict.fromkeys(organisations))
    if any(organisation.pk not in allowed for organisation in chosen):
        raise ValidationError(_("Chỉ gửi được đến Ban Chỉ đạo cấp trên, cơ quan và Ban Chỉ đạo trực thuộc."))
    names = [normalize_text(line).strip(" -–•;.") for line in outside]
    names = [name[:255] for name in names if name]
    if not chosen and not names:
        raise ValidationError(_("Vui lòng chọn hoặc ghi ít nhất một nơi kính gửi."))
    if len(chosen) + len(names) > MAX_ADDRESSEES:
        raise ValidationError(_("Công văn gửi quá nhiều nơi (tối đa %(n)s).") % {"n": MAX_ADDRESSEES})
    paragraphs = re.split(r"\n\s*\n", body.replace("\x00", "").replace("\r\n", "\n")[:MAX_LETTER_BODY])
    blocks = [{"level": 0, "text": text} for text in (normalize_text(p) for p in paragraphs) if text]
    if not blocks:
        raise ValidationError(_("Vui lòng viết nội dung công văn."))
    document = Document.objects.create(
        committee=committee, doc_type=DocumentType.LETTER, summary=text, created_by=acting_user
    )
    order = 0
    for order, organisation in enumerate(chosen, start=1):
        Addressee.objects.create(document=document, organisation=organisation, name=organisation.name, order=order)
    for offset, name in enumerate(names, start=order + 1):
        Addressee.objects.create(document=document, name=name, order=offset)
    DocumentVersion.objects.create(
        document=document, number=1, saved_by=acting_user, note=_("Soạn công văn"), blocks=blocks
    )
    record(document, "document.drafted", actor=acting_user, kind="CV", addressees=len(chosen) + len(names))
    return document


def _next_incoming_number(organisation: Organisation, year: int) -> int:
    """The next "số đến" of ``organisation``'s register in ``year``, taken under a row lock (as the outgoing
    register's numbers are), so two documents arriving at once never share a number."""
    counter, _created = IncomingCounter.objects.select_for_update().get_or_create(organisation=organisation, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


@transaction.atomic
def deliver_letter(document: Document, *, acting_user: User | None) -> list[IncomingEntry]:
    """Put an issued letter in the incoming register of each organisation inside hangviet it is addressed to (in
    the issuing transaction: ``issue_document`` calls it) and tell their users."""
    received_on = timezone.localdate()
    entries = []
    for addressee in document.addressees.filter(organisation__isnull=False).select_related("organisation"):
        organisation = addressee.organisation
        assert organisation is not None
        if IncomingEntry.objects.filter(organisation=organisation, document=document).exists():
            continue
        entry = IncomingEntry.objects.create(
            organisation=organisation,
            document=document,
            year=received_on.year,
            number=_next_incoming_number(organisation, received_on.year),
            received_on=received_on,
        )
        record(entry, "document.received", actor=acting_user, number=entry.number, document=document.number_symbol)
        with in_vietnamese():
            notify(
                users_of(organisation),
                Notice(
                    kind=Notification.Kind.DOCUMENT_ISSUED,
                    # The key of ``notices.document_issued``: a letter is announced once to each recipient.
                    event_key=f"document.issued:{document.pk}:{organisation.pk}",
                    title=_("Công văn số %(number)s của %(committee)s gửi %(organisation)s")
                    % {
                        "number": document.number_symbol,
                        "committee": document.committee.name,
                        "organisation": organisation.name,
                    },
                    body=_("V/v %(summary)s. Vào sổ văn bản đến số %(incoming)s ngày %(date)s.")
                    % {
                        "summary": document.summary,
                        "incoming": entry.number,
                        "date": format_date_short(received_on),
                    },
                    link=reverse("documents:incoming", args=[organisation.pk]),
                ),
                actor=acting_user,
            )
        entries.append(entry)
    return entries


@transaction.atomic
def mark_incoming_read(entry: IncomingEntry, *, acting_user: User | None) -> IncomingEntry:
    """The receiving organisation opened the document: the register keeps when (the first time only)."""
    entry = IncomingEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.read_at is None:
        entry.read_at = timezone.now()
        entry.save(update_fields=["read_at"])
        record(entry, "document.incoming_read", actor=acting_user)
    return entry


@transaction.atomic
def mark_incoming_handled(entry: IncomingEntry, *, note: str, acting_user: User | None) -> IncomingEntry:
    """The receiving organisation has dealt with the document (a note says how); refused twice."""
    entry = IncomingEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.handled_at is not None:
        raise DocumentStateError(_("Văn bản đến này đã được đánh dấu xử lý."))
    now = timezone.now()
    entry.handled_at, entry.handled_by = now, acting_user
    entry.handling_note = normalize_text(note).replace("\x00", "")[:500]
    entry.read_at = entry.read_at or now
    entry.save(update_fields=["handled_at", "handled_by", "handling_note", "read_at"])
    record(entry, "document.incoming_handled", actor=acting_user, number=entry.number)
    return entry
