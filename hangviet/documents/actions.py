"""Every change to a document: create a draft from the data, save a version, issue it."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from hangviet.audit.log import record
from hangviet.documents import notices
from hangviet.documents.compose import CAMPAIGN, PLACEHOLDER, compose_report
from hangviet.documents.models import Document, DocumentType, DocumentVersion, IssuerProfile, RegisterCounter
from hangviet.lib.docx_layout import Annex, Block, OfficialDocument, build_docx
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.text import normalize_text
from hangviet.lib.vnformat import format_date_long
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
    )


def render_draft(document: Document, *, today: datetime.date | None = None) -> bytes:
    profile = profile_for(document.committee)
    return build_docx(
        specification(
            document,
            number_symbol=f"      /{document.doc_type}-{profile.symbol}",
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
    number_symbol = f"{counter.last_number:02d}/{document.doc_type}-{profile.symbol}"
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
    notices.document_issued(document, acting_user=acting_user)
    return document
