"""Every change to notifications: telling users of an event, marking what they read, their preference.

``notify`` is called by other apps' actions *inside their transaction* (a report returned, a document issued):
the rows commit with the action or not at all. They pass the texts and the link; this app knows nothing of
reports or plans. The e-mails go out after the commit, through the task queue (``tasks.deliver_task``); a row
whose e-mail could not be sent stays ``pending`` and the retry path (``hangviet notifications send``, the daily
job, a worker starting) sends it later.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, User
from django.db import transaction
from django.utils import timezone

from hangviet.audit.log import record
from hangviet.lib.text import normalize_text
from hangviet.notifications.models import Notification, Preference
from hangviet.notifications.queries import channel_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    """What happened, in the caller's words: ``event_key`` names the event (one notice per recipient however
    often it is told), ``link`` is where the recipient acts (a path on this site)."""

    kind: str
    event_key: str
    title: str
    body: str = ""
    link: str = ""


def notify(recipients: Iterable[AbstractBaseUser], notice: Notice, *, actor: AbstractBaseUser | None = None) -> int:
    """Write one notification per recipient (never the actor, never twice for the same event) and queue their
    e-mails for after the commit; return how many recipients were newly told."""
    users = {user.pk: user for user in recipients if user.is_active and (actor is None or user.pk != actor.pk)}
    if not users:
        return 0
    already = set(
        Notification.objects.filter(event_key=notice.event_key, recipient_id__in=users).values_list(
            "recipient_id", flat=True
        )
    )
    rows = []
    for pk, user in users.items():
        if pk in already:
            continue
        email = getattr(user, "email", "")
        by_email = bool(email) and channel_of(user) == Preference.Channel.EMAIL
        rows.append(
            Notification(
                recipient_id=pk,
                kind=notice.kind,
                event_key=notice.event_key[:120],
                title=normalize_text(notice.title)[:255],
                body="\n".join(normalize_text(line) for line in notice.body.splitlines()).strip(),
                link=notice.link[:500],
                email_status=Notification.EmailStatus.PENDING if by_email else Notification.EmailStatus.SKIPPED,
                email_to=email if by_email else "",
            )
        )
    Notification.objects.bulk_create(rows, ignore_conflicts=True)  # a racing action told them already: fine
    if any(row.email_status == Notification.EmailStatus.PENDING for row in rows):
        transaction.on_commit(functools.partial(_enqueue, notice.event_key))
    return len(rows)


def _enqueue(event_key: str) -> None:
    """Queue the e-mails of one event; if the queue cannot take them, they wait for the retry path."""
    from hangviet.notifications.tasks import deliver_task

    try:
        deliver_task.enqueue(event_key)
    except Exception:  # the rows are pending: `hangviet notifications send` or the daily job sends them
        logger.exception("could not queue the e-mails of %s", event_key)


@transaction.atomic
def mark_read(notification: Notification, *, acting_user: User) -> Notification:
    """Mark one of the user's notifications read (the caller fetched it through ``access.py``)."""
    locked = Notification.objects.select_for_update().get(pk=notification.pk)
    if locked.read_at is None:
        locked.read_at = timezone.now()
        locked.save(update_fields=["read_at"])
        record(locked, "notification.read", actor=acting_user)
    return locked


@transaction.atomic
def mark_all_read(user: User) -> int:
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    if count:
        record(user, "notification.all_read", actor=user, count=count)
    return count


@transaction.atomic
def set_preference(user: User, channel: str) -> Preference:
    """E-mail and in-app, or in-app only; e-mails not yet sent follow the new choice."""
    preference, _created = Preference.objects.select_for_update().get_or_create(user=user)
    if preference.channel != channel:
        preference.channel = Preference.Channel(channel)
        preference.save(update_fields=["channel"])
        record(user, "notification.preference", actor=user, channel=channel)
    if channel == Preference.Channel.IN_APP:
        Notification.objects.filter(recipient=user, email_status=Notification.EmailStatus.PENDING).update(
            email_status=Notification.EmailStatus.SKIPPED
        )
    return preference
