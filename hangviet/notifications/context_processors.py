"""The bell in the top bar: the signed-in user's unread count (one indexed count per page)."""

from __future__ import annotations

from django.http import HttpRequest

from hangviet.notifications.queries import unread_count


def bell(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
