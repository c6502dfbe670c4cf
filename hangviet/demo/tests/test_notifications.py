"""Notifications across the apps that send them (reporting, reminders, plans, documents): who is told of what,
e-mails sent on commit and once, kept while the worker is down, the user's choice of channel, and the page (a
notification is its recipient's alone)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from hangviet.consolidation.reminders import remind_waiting
from hangviet.documents import actions as document_actions
from hangviet.documents.tests.helpers import finish
from hangviet.notifications import actions as notification_actions
from hangviet.notifications.daily import run_daily
from hangviet.notifications.delivery import deliver
from hangviet.notifications.models import Notification, Preference
from hangviet.notifications.tasks import deliver_task
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.plans.models import Plan, Task
from hangviet.reporting import actions
from hangviet.reporting.models import Report

pytestmark = pytest.mark.django_db
DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def with_email(*users) -> None:
    for user in users:
        user.email = f"{user.username}@example.vn"
        user.save()


def submitted(organisation, *, acting_user=None) -> Report:
    period = Period.objects.for_code("2026-H1")
    report = actions.open_report(organisation, period, acting_user=acting_user)
    actions.save_report(
        report, values={"banners": Decimal(1)}, expected_version=report.version, acting_user=acting_user
    )
    return actions.submit_report(report, acting_user=acting_user)


def recipients(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def test_submitting_tells_the_reviewing_office_only(world: World, django_capture_on_commit_callbacks) -> None:
    with_email(world.vl_office, world.vl_secretariat, world.vl_viewer)
    with django_capture_on_commit_callbacks(execute=True):
        submitted(world.vl_commune, acting_user=world.commune_clerk)
    assert recipients(Notification.Kind.SUBMITTED) == {"vl", "vl-tgv"}  # not the viewer, not another province
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "vl-tgv@example.vn",
        "vl@example.vn",
    ]


def test_a_merged_committees_report_goes_to_its_successors_office(world: World) -> None:
    period = Period.objects.for_code("2024")
    report = actions.open_report(world.tra_vinh, period, acting_user=None)
    actions.save_report(report, values={"banners": Decimal(1)}, expected_version=report.version, acting_user=None)
    actions.submit_report(report, acting_user=None)
    assert {"vl", "vl-tgv", "tw"} <= recipients(Notification.Kind.SUBMITTED)


def test_returning_tells_the_reporter_by_bell_and_e_mail_and_the_resubmission_carries_the_explanation(
    client: Client, world: World, django_capture_on_commit_callbacks
) -> None:
    with_email(world.commune_clerk)
    report = submitted(world.vl_commune)
    with django_capture_on_commit_callbacks(execute=True):
        actions.return_report(report, reason="Đề nghị bổ sung số phiên chợ.", acting_user=world.vl_office)
    notice = Notification.objects.get(kind=Notification.Kind.RETURNED)
    assert notice.recipient == world.commune_clerk and notice.email_status == Notification.EmailStatus.SENT
    assert notice.link == reverse("reporting:detail", args=[report.pk])
    message = mail.outbox[-1]
    assert message.to == ["ptv@example.vn"] and "bị trả lại" in message.subject
    assert "Đề nghị bổ sung số phiên chợ." in message.body
    html = message.alternatives[0].content
    assert "Đề nghị bổ sung số phiên chợ." in html and f"/bao-cao/{report.pk}/" in html

    client.force_login(world.commune_clerk)
    page = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="bell-count">1<' in page and "1 chưa đọc" in page
    response = client.post(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == notice.link
    notice.refresh_from_db()
    assert notice.read_at is not None

    # The ward explains what it corrected and sends again: the office reads it, on the report and in its notice.
    client.post(
        reverse("reporting:detail", args=[report.pk]),
        {
            "version": str(report.version + 0),
            "value__banners": "2",
            "action": "submit",
            "response": "Đã bổ sung 02 phiên chợ tháng 5.",
        },
    )
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED and report.resubmit_note == "Đã bổ sung 02 phiên chợ tháng 5."
    resent = Notification.objects.filter(kind=Notification.Kind.SUBMITTED, recipient=world.vl_office).latest("pk")
    assert "gửi lại" in resent.title and "Đã bổ sung 02 phiên chợ tháng 5." in resent.body
    client.force_login(world.vl_office)
    page = client.get(reverse("reporting:detail", args=[report.pk])).content.decode()
    assert 'data-testid="resubmit-note"' in page and "Đã bổ sung 02 phiên chợ tháng 5." in page


def test_accepting_tells_the_reporter_but_not_the_acting_user(world: World) -> None:
    report = submitted(world.vl_trade)
    actions.accept_report(report, acting_user=world.vl_office)
    assert recipients(Notification.Kind.ACCEPTED) == {"vl-sct"}


def test_an_e_mail_is_sent_once_even_if_the_task_runs_twice(world: World, django_capture_on_commit_callbacks) -> None:
    with_email(world.commune_clerk)
    report = submitted(world.vl_commune)
    with django_capture_on_commit_callbacks(execute=True):
        actions.return_report(report, reason="Thiếu số liệu.", acting_user=world.vl_office)
    deliver_task.enqueue(f"report.returned:{report.pk}:{report.version}")
    deliver()
    assert len([m for m in mail.outbox if m.to == ["ptv@example.vn"]]) == 1
    # Telling the same event again tells nobody twice.
    from hangviet.notifications.actions import Notice, notify

    notice = Notification.objects.get(kind=Notification.Kind.RETURNED)
    assert notify([world.commune_clerk], Notice(notice.kind, notice.event_key, "x")) == 0


@override_settings(TASKS=DUMMY_TASKS)
def test_a_notification_is_kept_while_the_worker_is_down_and_sent_by_the_retry_path(
    world: World, django_capture_on_commit_callbacks
) -> None:
    with_email(world.commune_clerk)
    report = submitted(world.vl_commune)
    with django_capture_on_commit_callbacks(execute=True):
        actions.return_report(report, reason="Thiếu số liệu.", acting_user=world.vl_office)
    notice = Notification.objects.get(kind=Notification.Kind.RETURNED)
    assert notice.email_status == Notification.EmailStatus.PENDING and not mail.outbox  # queued, not run
    assert deliver().sent == 1  # `hangviet notifications send`, the daily job, a worker starting
    notice.refresh_from_db()
    assert notice.email_status == Notification.EmailStatus.SENT and len(mail.outbox) == 1


def test_a_failing_mail_server_leaves_the_e_mail_pending_for_later(world: World, monkeypatch) -> None:
    with_email(world.commune_clerk)
    with override_settings(TASKS=DUMMY_TASKS):
        actions.return_report(submitted(world.vl_commune), reason="Thiếu.", acting_user=world.vl_office)

    def refuse(self, *args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    assert deliver().failed == 1
    notice = Notification.objects.get(kind=Notification.Kind.RETURNED)
    assert notice.email_status == Notification.EmailStatus.PENDING and notice.last_error == "SMTP down"
    monkeypatch.undo()
    assert deliver().sent == 1


def test_in_app_only_is_respected(client: Client, world: World, django_capture_on_commit_callbacks) -> None:
    with_email(world.commune_clerk)
    client.force_login(world.commune_clerk)
    client.post(reverse("notifications:preferences"), {"channel": Preference.Channel.IN_APP})
    with django_capture_on_commit_callbacks(execute=True):
        actions.return_report(submitted(world.vl_commune), reason="Thiếu.", acting_user=world.vl_office)
    notice = Notification.objects.get(kind=Notification.Kind.RETURNED)
    assert notice.email_status == Notification.EmailStatus.SKIPPED and not mail.outbox
    assert "Chỉ trên hệ thống" in client.get(reverse("notifications:inbox")).content.decode()


def test_a_bad_preference_is_refused_without_a_change(client: Client, world: World) -> None:
    client.force_login(world.commune_clerk)
    response = client.post(reverse("notifications:preferences"), {"channel": "sms"}, follow=True)
    assert "Lựa chọn không hợp lệ" in response.content.decode() and not Preference.objects.exists()


def test_nobody_can_open_or_mark_another_users_notification(client: Client, world: World) -> None:
    actions.return_report(submitted(world.vl_commune), reason="Thiếu.", acting_user=world.vl_office)
    notice = Notification.objects.get(kind=Notification.Kind.RETURNED)
    client.force_login(world.sibling_commune_clerk)
    assert client.post(reverse("notifications:open", args=[notice.pk])).status_code == 404
    assert client.get(reverse("notifications:open", args=[notice.pk])).status_code == 405
    notice.refresh_from_db()
    assert notice.read_at is None
    assert notice.title not in client.get(reverse("notifications:inbox")).content.decode()


def test_mark_all_read(client: Client, world: World) -> None:
    actions.return_report(submitted(world.vl_commune), reason="Thiếu.", acting_user=world.vl_office)
    client.force_login(world.commune_clerk)
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(recipient=world.commune_clerk, read_at__isnull=True).exists()


def test_a_reminder_that_reached_nobody_says_so(client: Client, world: World) -> None:
    outcomes = {
        outcome.organisation: outcome
        for outcome in remind_waiting(world.vinh_long, Period.objects.for_code("2026-H1"), acting_user=world.vl_office)
    }
    assert outcomes[world.vl_health].nobody
    assert outcomes[world.vl_health].describe() == "Sở Y tế chưa có tài khoản nào nhận thư"
    assert not outcomes[world.vl_commune].nobody and "ptv" in outcomes[world.vl_commune].describe()
    assert recipients(Notification.Kind.REMINDER) == {"ptv", "plc", "vl-sct"}
    # On the board: the reminder names who was reached and who was not, instead of "Đã gửi".
    from hangviet.reporting.models import Reminder

    Reminder.objects.all().delete()
    client.force_login(world.vl_office)
    response = client.post(reverse("consolidation:remind", args=[world.vinh_long.pk, "2026-H1"]), follow=True)
    page = response.content.decode()
    assert "Sở Y tế chưa có tài khoản nào nhận thư" in page and "Đã nhắc 3 đơn vị" in page


def test_an_issued_document_tells_the_organisations_it_names(world: World) -> None:
    document = finish(
        document_actions.create_report_draft(world.vinh_long, Period.objects.for_code("2026-H1"), acting_user=None)
    )
    document_actions.issue_document(
        document,
        issued_on=datetime.date(2026, 7, 10),
        signer_name="Nguyễn Văn A",
        recipients=["- Sở Công Thương;", "- Ban Chỉ đạo Phường Trà Vinh;", "- Lưu: VT."],
        acting_user=world.vl_office,
    )
    assert recipients(Notification.Kind.DOCUMENT_ISSUED) == {"vl-sct", "ptv"}


def test_the_daily_job_tells_of_overdue_tasks_once(world: World) -> None:
    plan = Plan.objects.create(committee=world.vinh_long, year=2026, title="Kế hoạch năm 2026")
    task = Task.objects.create(
        plan=plan, ref="1", content="Tổ chức phiên chợ", lead=world.vl_trade, windows=["2026-Q2"]
    )
    day = datetime.date(2026, 7, 2)
    first = run_daily(day)
    assert first["tasks"] == 1 and first["reports"] > 0  # 2026-H1 (due 20/6) is overdue for everyone
    assert run_daily(day) == {"reports": 0, "tasks": 0}  # idempotent per day
    run_daily(day + datetime.timedelta(days=1))
    assert Notification.objects.filter(kind=Notification.Kind.TASK_OVERDUE).count() == 1
    notice = Notification.objects.get(kind=Notification.Kind.TASK_OVERDUE)
    assert notice.recipient == world.vl_trade_clerk and notice.link == reverse("plans:task", args=[task.pk])
    assert Notification.objects.filter(kind=Notification.Kind.DEADLINE_PASSED, recipient=world.commune_clerk).exists()


def test_the_inbox_lists_only_ones_own_and_pages_bad_input_safely(client: Client, world: World) -> None:
    actions.return_report(submitted(world.vl_commune), reason="Thiếu.", acting_user=world.vl_office)
    client.force_login(world.commune_clerk)
    assert client.get(reverse("notifications:inbox"), {"trang": "abc"}).status_code == 200
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert "bị trả lại" in page and "1 thông báo chưa đọc" in page
    notification_actions.mark_all_read(world.commune_clerk)
    assert "0 thông báo chưa đọc" in client.get(reverse("notifications:inbox")).content.decode()
