from __future__ import annotations

from decimal import Decimal

from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.reporting import actions, totals
from hangviet.reporting.models import Report


def accepted(organisation: Organisation, code: str, **values: int | str) -> Report:
    """An accepted report of ``organisation`` for period ``code`` with the given values."""
    report = actions.open_report(organisation, Period.objects.for_code(code), acting_user=None)
    actions.save_report(
        report,
        values={k: Decimal(str(v)) for k, v in values.items()},
        expected_version=report.version,
        acting_user=None,
    )
    Report.objects.filter(pk=report.pk).update(status=Report.Status.ACCEPTED)
    report.refresh_from_db()
    totals.add_report(report)  # what accept_report does in its transaction, without the rules of submission
    return report
