"""Who is told, and what a user has been told."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db.models import Q, QuerySet
from django.utils import timezone

from hangviet.notifications.models import Notification, Preference
from hangviet.orgs.models import Organisation, UserRole
from hangviet.orgs.policy import OVERSEEING_ROLES, list_successor_ids


def _active_roles(on: datetime.date | None = None) -> QuerySet[UserRole]:
    day = on or timezone.localdate()
    return UserRole.objects.filter(valid_from__lte=day, user__is_active=True).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def users_of(organisation: Organisation, *, on: datetime.date | None = None) -> list[User]:
    """The users who act for ``organisation`` (every role but "Chỉ xem"): who is told of its own reports and
    tasks."""
    ids = (
        _active_roles(on)
        .filter(organisation=organisation)
        .exclude(role=UserRole.Role.VIEWER)
        .values_list("user_id", flat=True)
    )
    return list(User.objects.filter(pk__in=ids).order_by("pk"))


def reviewers_of(organisation: Organisation, *, on: datetime.date | None = None) -> list[User]:
    """The standing office and secretariat of the committee ``organisation`` reports to (or of the committee
    that took that one over; for a historic organisation, of its successor): who accepts or returns its
    reports (the same people as ``policy.is_recipient_office``)."""
    committees: set[int] = set()
    if organisation.parent_id is not None and organisation.parent is not None:
        committees |= {organisation.parent_id} | list_successor_ids(organisation.parent)
    if organisation.valid_to is not None:
        committees |= list_successor_ids(organisation)
    ids = (
        _active_roles(on)
        .filter(organisation_id__in=committees, role__in=OVERSEEING_ROLES)
        .values_list("user_id", flat=True)
    )
    return list(User.objects.filter(pk__in=ids).order_by("pk"))


def channel_of(user: AbstractBaseUser) -> str:
    found = Preference.objects.filter(user_id=user.pk).values_list("channel", flat=True).first()
    return found or Preference.Channel.EMAIL


def unread_count(user: AbstractBaseUser | AnonymousUser) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()


def notifications_of(user: AbstractBaseUser) -> QuerySet[Notification]:
    """The user's notifications, newest first (unread and read)."""
    return Notification.objects.filter(recipient_id=user.pk).order_by("-created_at", "-id")


def delivery_counts() -> dict[str, int]:
    """E-mails waiting and failed, for the administrators' home."""
    pending = Notification.objects.filter(email_status=Notification.EmailStatus.PENDING).count()
    failed = Notification.objects.filter(email_status=Notification.EmailStatus.FAILED).count()
    return {"pending": pending, "failed": failed}
