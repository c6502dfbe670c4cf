"""Changes to the reporting calendar: a committee sets the deadline of a period for its reporters."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import User
from django.db import transaction

from hangviet.audit.log import record
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Deadline, Period


@transaction.atomic
def set_deadline(
    committee: Organisation, period: Period, *, due_on: datetime.date, acting_user: User | None
) -> Deadline:
    """Set (or move) the date by which ``committee``'s reporters send their ``period`` reports; audited."""
    deadline, _created = Deadline.objects.select_for_update().update_or_create(
        committee=committee, period=period, defaults={"due_on": due_on}
    )
    record(committee, "deadline.set", actor=acting_user, period=period.code, due_on=due_on.isoformat())
    return deadline
