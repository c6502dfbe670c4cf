"""Access gates for reports: the only way views and the API obtain a report for a user.

Access follows the reporting organisation through the one policy: its own users edit it; the offices
above it read it, and the standing office of the committee it reports to reviews it; nobody else sees it.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from hangviet.orgs.access import check_access
from hangviet.orgs.policy import Grant, Need, is_recipient_office
from hangviet.reporting.models import Attachment, Report


def get_report_for_user(user: User | AnonymousUser, report_id: int, *, need: Need) -> tuple[Report, Grant]:
    """Fetch a report for ``user`` with ``need``; Http404 if unseen, PermissionDenied if not allowed."""
    report = get_object_or_404(
        Report.objects.select_related("organisation", "organisation__unit", "organisation__parent", "period", "form"),
        pk=report_id,
    )
    grant = check_access(user, report.organisation, need)
    if need is Need.REVIEW and not is_recipient_office(user, report.organisation):
        # Only the committee the report is sent to reviews it, not every office further up.
        raise PermissionDenied
    return report, grant


def get_attachment_for_user(user: User | AnonymousUser, attachment_id: int) -> Attachment:
    attachment = get_object_or_404(Attachment.objects.select_related("report__organisation"), pk=attachment_id)
    check_access(user, attachment.report.organisation, Need.READ)
    return attachment
