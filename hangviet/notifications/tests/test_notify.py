"""The notifications app on its own: one notice per event and recipient, never the actor, inactive users skipped,
the e-mail sent once, and the gate."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import Http404

from hangviet.notifications.access import get_notification_for_user
from hangviet.notifications.actions import Notice, notify, set_preference
from hangviet.notifications.delivery import deliver
from hangviet.notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


@pytest.fixture
def users():
    model = get_user_model()
    return (
        model.objects.create_user("a", email="a@example.vn"),
        model.objects.create_user("b", email="b@example.vn"),
        model.objects.create_user("c", email=""),
        model.objects.create_user("d", email="d@example.vn", is_active=False),
    )


def test_one_notice_per_event_and_recipient_never_the_actor(users, django_capture_on_commit_callbacks) -> None:
    a, b, c, d = users
    notice = Notice(Notification.Kind.OTHER, "event-1", "Tiêu đề", "Dòng một\nDòng  hai", "/bao-cao/1/")
    with django_capture_on_commit_callbacks(execute=True):
        assert notify([a, b, c, d], notice, actor=a) == 2
    assert notify([a, b, c, d], notice) == 1  # only a is new: b and c were told already, d is inactive
    rows = {row.recipient.username: row for row in Notification.objects.select_related("recipient")}
    assert set(rows) == {"a", "b", "c"}
    assert rows["c"].email_status == Notification.EmailStatus.SKIPPED  # no address
    assert rows["b"].body == "Dòng một\nDòng hai"  # lines kept, spaces folded
    assert [message.to for message in mail.outbox] == [["b@example.vn"]]


def test_deliver_twice_sends_once_and_in_app_only_skips(users) -> None:
    a, b, _c, _d = users
    set_preference(b, Preference.Channel.IN_APP)
    notify([a, b], Notice(Notification.Kind.OTHER, "event-2", "Tiêu đề"))
    assert deliver().sent + deliver().sent == 1
    assert [message.to for message in mail.outbox] == [["a@example.vn"]]


def test_the_gate_gives_a_notification_to_its_recipient_only(users) -> None:
    a, b, _c, _d = users
    notify([a], Notice(Notification.Kind.OTHER, "event-3", "Tiêu đề"))
    notice = Notification.objects.get()
    assert get_notification_for_user(a, notice.pk) == notice
    with pytest.raises(Http404):
        get_notification_for_user(b, notice.pk)
