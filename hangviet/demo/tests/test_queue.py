"""Background reading never fails silently: a stalled queue is said on the page, a killed task is recovered."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hangviet.ingest.models import IngestDocument
from hangviet.orgs.tests.factories import World

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parents[2] / "ingest" / "tests" / "data" / "report_travinh_2023_h1.txt"


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _bulk_upload(client: Client) -> str:
    seed = SEED.read_bytes()
    files = [SimpleUploadedFile("a.txt", seed), SimpleUploadedFile("b.txt", seed)]
    response = client.post(reverse("ingest:upload"), {"files": files})
    assert response.status_code == 302, response.content
    return response.url


def test_a_batch_with_no_worker_says_that_nothing_is_processing(
    database_queue: None, client: Client, world: World
) -> None:
    client.force_login(world.vl_office)
    url = _bulk_upload(client)
    assert 'data-testid="queue-stalled"' not in client.get(url).content.decode()  # just queued: no alarm yet
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=5))
    page = client.get(url).content.decode()
    assert 'data-testid="queue-stalled"' in page and "hangviet db_worker" in page
    assert IngestDocument.objects.filter(status=IngestDocument.Status.QUEUED).count() == 2  # nothing is lost


@pytest.fixture
def committed_world(transactional_db: None) -> World:
    """The worker closes its database connection between tasks: its test runs outside a test transaction."""
    from hangviet.demo.reference import load_reference_data
    from hangviet.orgs.tests.factories import make_world

    load_reference_data(only_if_missing=True)
    return make_world()


def test_a_task_left_running_by_a_killed_worker_is_read_again_when_a_worker_starts(
    database_queue: None, client: Client, committed_world: World
) -> None:
    world = committed_world
    client.force_login(world.vl_office)
    _bulk_upload(client)
    killed = DBTaskResult.objects.order_by("id").first()
    assert killed is not None
    killed.claim("worker-that-was-killed")
    DBTaskResult.objects.filter(pk=killed.pk).update(started_at=timezone.now() - datetime.timedelta(hours=1))
    call_command("db_worker", batch=True, interval=0, verbosity=0)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert set(IngestDocument.objects.values_list("status", flat=True)) == {IngestDocument.Status.READ}


def test_the_health_check_shows_the_queue_age(database_queue: None, client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    _bulk_upload(client)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=5))
    queue = client.get("/healthz").json()["queue"]
    assert queue["waiting"] == 2 and queue["running"] == 0 and queue["oldest_waiting_s"] >= 299


def test_an_e_mail_written_while_no_worker_runs_goes_out_when_one_starts(
    database_queue: None, committed_world: World
) -> None:
    from decimal import Decimal

    from django.core import mail

    from hangviet.notifications.models import Notification
    from hangviet.periods.models import Period
    from hangviet.reporting import actions

    world = committed_world
    world.commune_clerk.email = "ptv@example.vn"
    world.commune_clerk.save()
    report = actions.open_report(world.vl_commune, Period.objects.for_code("2026-H1"), acting_user=None)
    actions.save_report(report, values={"banners": Decimal(1)}, expected_version=report.version, acting_user=None)
    actions.submit_report(report, acting_user=None)
    actions.return_report(report, reason="Thiếu số liệu.", acting_user=world.vl_office)
    notice = Notification.objects.get(kind=Notification.Kind.RETURNED)
    assert notice.email_status == Notification.EmailStatus.PENDING and not mail.outbox  # queued, worker down
    DBTaskResult.objects.all().delete()  # even if the queued task itself were lost
    call_command("db_worker", batch=True, interval=0, verbosity=0)
    notice.refresh_from_db()
    assert notice.email_status == Notification.EmailStatus.SENT
    assert [message.to for message in mail.outbox] == [["ptv@example.vn"]]
