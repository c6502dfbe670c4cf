"""The access gate of notifications: a notification is its recipient's alone (anyone else: 404)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404

from hangviet.notifications.models import Notification


def get_notification_for_user(user: AbstractBaseUser | AnonymousUser, notification_id: int) -> Notification:
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(Notification, pk=notification_id, recipient_id=user.pk)
