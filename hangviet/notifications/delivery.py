"""Sending the e-mails of notifications, once each.

Each pending row is locked (``select_for_update(skip_locked=True)``), checked still pending, sent, and marked
sent in the same transaction: two workers (or the task and the retry path) running at once never send one
notification twice. A failed send leaves the row pending with the error and is tried again later, up to
``MAX_ATTEMPTS`` times; then it is marked failed and the administrators' home shows it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from hangviet.notifications.models import Notification, Preference
from hangviet.notifications.queries import channel_of

MAX_ATTEMPTS = 5
BATCH = 200
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    sent: int = 0
    failed: int = 0
    skipped: int = 0


def site_url(link: str) -> str:
    if not link or link.startswith(("http://", "https://")):
        return link
    return getattr(settings, "HANGVIET_SITE_URL", "").rstrip("/") + link


def build_message(notification: Notification) -> EmailMultiAlternatives:
    user = notification.recipient
    context = {
        "notification": notification,
        "name": user.get_full_name() or user.get_username(),
        "url": site_url(notification.link),
        "preferences_url": site_url("/thong-bao/"),
    }
    message = EmailMultiAlternatives(
        subject=notification.title,
        body=render_to_string("notifications/email/notification.txt", context),
        to=[notification.email_to],
    )
    message.attach_alternative(render_to_string("notifications/email/notification.html", context), "text/html")
    return message


def deliver(*, event_key: str | None = None, limit: int = BATCH) -> Delivery:
    """Send the pending e-mails (of one event, or all of them: the retry path)."""
    pending = Notification.objects.filter(email_status=Notification.EmailStatus.PENDING)
    if event_key is not None:
        pending = pending.filter(event_key=event_key)
    ids = list(pending.order_by("pk").values_list("pk", flat=True)[:limit])
    sent = failed = skipped = 0
    for pk in ids:
        outcome = _deliver_one(pk)
        sent += outcome == "sent"
        failed += outcome == "failed"
        skipped += outcome == "skipped"
    return Delivery(sent, failed, skipped)


@transaction.atomic
def _deliver_one(pk: int) -> str:
    row = (
        Notification.objects.select_for_update(skip_locked=True)
        .filter(pk=pk, email_status=Notification.EmailStatus.PENDING)
        .select_related("recipient")
        .first()
    )
    if row is None:
        return "gone"  # sent, or being sent, by someone else
    if channel_of(row.recipient) != Preference.Channel.EMAIL or not row.email_to:
        row.email_status = Notification.EmailStatus.SKIPPED
        row.save(update_fields=["email_status"])
        return "skipped"
    row.attempts += 1
    try:
        build_message(row).send()
    except Exception as error:  # SMTP down, address refused: keep it for the retry path
        logger.warning("e-mail of notification %s failed: %s", row.pk, error)
        row.last_error = str(error)[:255]
        if row.attempts >= MAX_ATTEMPTS:
            row.email_status = Notification.EmailStatus.FAILED
        row.save(update_fields=["attempts", "last_error", "email_status"])
        return "failed"
    row.email_status = Notification.EmailStatus.SENT
    row.email_sent_at = timezone.now()
    row.save(update_fields=["attempts", "email_status", "email_sent_at"])
    return "sent"
