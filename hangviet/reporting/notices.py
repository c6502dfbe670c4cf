"""What the reporting workflow tells people (``notifications.notify``), called inside the actions' transactions:
a report submitted → the office that reviews it; returned or accepted → the people who report for it."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.translation import gettext as _

from hangviet.lib.i18n import in_vietnamese
from hangviet.notifications.actions import Notice, notify
from hangviet.notifications.models import Notification
from hangviet.notifications.queries import reviewers_of, users_of
from hangviet.reporting.models import Report


def _link(report: Report) -> str:
    return reverse("reporting:detail", args=[report.pk])


def _names(report: Report) -> dict[str, str]:
    return {"organisation": report.organisation.name, "period": report.period.key.label}


@in_vietnamese()
def report_submitted(report: Report, *, resubmitted: bool, acting_user: User | None) -> int:
    """Tell the reviewing office; a report sent again after a return carries the reporter's explanations."""
    lines = []
    if resubmitted:
        lines.append(
            _("Báo cáo được gửi lại sau khi bị trả lại (lý do trả lại: %(reason)s).") % {"reason": report.return_reason}
        )
        if report.resubmit_note:
            lines.append(_("Giải trình việc đã sửa: %(note)s") % {"note": report.resubmit_note})
    notes = list(report.warning_notes.order_by("pk").values_list("comment", flat=True))
    if notes:
        lines.append(_("Giải trình của đơn vị:"))
        lines.extend(f"– {note}" for note in notes)
    title = (
        _("%(organisation)s đã gửi lại báo cáo %(period)s")
        if resubmitted
        else _("%(organisation)s đã gửi báo cáo %(period)s")
    ) % _names(report)
    notice = Notice(
        kind=Notification.Kind.SUBMITTED,
        event_key=f"report.submitted:{report.pk}:{report.version}",
        title=title,
        body="\n".join(lines),
        link=_link(report),
    )
    return notify(reviewers_of(report.organisation), notice, actor=acting_user)


@in_vietnamese()
def report_returned(report: Report, *, acting_user: User | None) -> int:
    notice = Notice(
        kind=Notification.Kind.RETURNED,
        event_key=f"report.returned:{report.pk}:{report.version}",
        title=_("Báo cáo %(period)s của %(organisation)s bị trả lại") % _names(report),
        body=_("Lý do: %(reason)s\nĐề nghị đơn vị sửa và gửi lại báo cáo.") % {"reason": report.return_reason},
        link=_link(report),
    )
    return notify(users_of(report.organisation), notice, actor=acting_user)


@in_vietnamese()
def report_accepted(report: Report, *, acting_user: User | None) -> int:
    notice = Notice(
        kind=Notification.Kind.ACCEPTED,
        event_key=f"report.accepted:{report.pk}:{report.version}",
        title=_("Báo cáo %(period)s của %(organisation)s đã được tiếp nhận") % _names(report),
        link=_link(report),
    )
    return notify(users_of(report.organisation), notice, actor=acting_user)
