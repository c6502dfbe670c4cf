"""Telling the organisations an issued document is addressed to (``notifications.notify``).

A document's recipients ("Nơi nhận") are free text lines as the official layout writes them ("- Sở Công Thương;",
"- Lưu: VT."). The lines that name an organisation the system knows — the issuing committee's agencies and lower
committees, and the committee above it — are matched by name (``orgs.matching``); their users are told. Lines that
name nobody known ("Như trên", "Các sở, ban, ngành tỉnh", "Lưu: VT") are skipped, and the page says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from hangviet.documents.models import Document
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.vnformat import format_date_short
from hangviet.notifications.actions import Notice, notify
from hangviet.notifications.models import Notification
from hangviet.notifications.queries import users_of
from hangviet.orgs.matching import THRESHOLD, normalise
from hangviet.orgs.models import Organisation

_BULLET = re.compile(r"^[\s\-–•+*]+|[\s;,.]+$")


@dataclass
class Addressed:
    organisations: list[Organisation] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # recipient lines that name no organisation of the system


def addressed_organisations(document: Document) -> Addressed:
    """The organisations the document's recipient lines name, among those below its committee and above it."""
    committee = document.committee
    candidates = list(
        Organisation.objects.filter(parent=committee, valid_to__isnull=True).prefetch_related("former_names")
    )
    if committee.parent_id is not None:
        candidates += list(Organisation.objects.filter(pk=committee.parent_id).prefetch_related("former_names"))
    names = [
        (normalise(name), organisation)
        for organisation in candidates
        for name in [organisation.name, *(former.name for former in organisation.former_names.all())]
    ]
    found = Addressed()
    for line in document.recipients.splitlines():
        text = _BULLET.sub("", line)
        if not text:
            continue
        wanted = normalise(text)
        score, best = max(
            ((fuzz.token_sort_ratio(wanted, name), org) for name, org in names),
            key=lambda pair: pair[0],
            default=(0, None),
        )
        if best is not None and score >= THRESHOLD:
            if best not in found.organisations:
                found.organisations.append(best)
        else:
            found.unknown.append(text)
    return found


@in_vietnamese()
def document_issued(document: Document, *, acting_user: User | None) -> Addressed:
    """Tell the users of each addressed organisation that the document was issued to it."""
    addressed = addressed_organisations(document)
    for organisation in addressed.organisations:
        notice = Notice(
            kind=Notification.Kind.DOCUMENT_ISSUED,
            event_key=f"document.issued:{document.pk}:{organisation.pk}",
            title=_("%(committee)s ban hành văn bản số %(number)s gửi %(organisation)s")
            % {
                "committee": document.committee.name,
                "number": document.number_symbol,
                "organisation": organisation.name,
            },
            body=_(
                "%(type)s số %(number)s ngày %(date)s: %(summary)s. Văn bản được gửi đến đơn vị theo đường công văn."
            )
            % {
                "type": document.get_doc_type_display(),
                "number": document.number_symbol,
                "date": format_date_short(document.issued_on) if document.issued_on else "",
                "summary": document.summary,
            },
        )
        notify(users_of(organisation), notice, actor=acting_user)
    return addressed
