"""Demo notifications: the Vĩnh Long standing office has been told of each report of the open round that waits
for its review (as ``reporting.notices`` tells it when a report is submitted). They are history: no e-mail is
sent for them when the demo is built; a report returned or accepted in the demo sends its e-mail as usual."""

from __future__ import annotations

from hangviet.lib.periods import PeriodKey
from hangviet.notifications.models import Notification
from hangviet.reporting.models import Report
from hangviet.reporting.notices import report_submitted
from hangviet.units.models import Unit

OPEN_ROUND = PeriodKey(2026, "H1")


def build_notifications() -> None:
    waiting = Report.objects.filter(
        status=Report.Status.SUBMITTED,
        period__year=OPEN_ROUND.year,
        period__kind=OPEN_ROUND.kind,
        organisation__parent__unit__code="86",
        organisation__parent__unit__level=Unit.Level.PROVINCE,
        organisation__parent__unit__edition=Unit.Edition.CURRENT,
    ).select_related("organisation__parent", "period")
    keys = []
    for report in waiting:
        report_submitted(report, resubmitted=False, acting_user=None)
        keys.append(f"report.submitted:{report.pk}:{report.version}")
    Notification.objects.filter(event_key__in=keys, email_status=Notification.EmailStatus.PENDING).update(
        email_status=Notification.EmailStatus.SKIPPED
    )
