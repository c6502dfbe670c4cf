"""Property-based run of the whole API from its own OpenAPI schema (Schemathesis): whatever a client sends,
signed in with roles, the API answers with a status its schema declares, and never with a server error."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
import schemathesis
from django.conf import settings
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.registry import actions as registry_actions
from hangviet.reporting import actions

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())

CSRF_SECRET = "a" * 32  # Django accepts an unmasked 32-character secret in the cookie and the header


@pytest.fixture
def keep_test_connection() -> Iterator[None]:
    """The app is called as a WSGI application, whose request signals would close the test transaction's
    connection (PostgreSQL); Django's own test client disconnects them the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def signed_in(client: Client, world: World, keep_test_connection: None) -> dict[str, object]:
    """The session cookie of a commune committee's clerk, and ids of records the clerk may read and edit."""
    report = actions.open_report(world.vl_commune, Period.objects.for_code("2026-H1"), acting_user=None)
    day = datetime.date(2026, 3, 1)
    event = registry_actions.record_event(
        world.vl_commune,
        fields={"name": "Phiên chợ hàng Việt", "kind": "rural_market", "starts_on": day, "ends_on": day},
        acting_user=None,
    )
    client.force_login(world.commune_clerk)
    return {
        "cookies": {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value},
        "ids": {"report_id": report.pk, "organisation_id": world.vl_commune.pk, "event_id": event.pk},
    }


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_never_answers_with_a_server_error(case: schemathesis.Case, signed_in: dict) -> None:
    # Generated ids rarely name a record: odd ones are replaced by real ones so that bodies and queries are
    # exercised against records the user may read and edit; even ones probe "not found" and the id range.
    for name, real in signed_in["ids"].items():
        generated = (case.path_parameters or {}).get(name)
        if isinstance(generated, int) and generated % 2:
            case.path_parameters[name] = real
    case.call_and_validate(
        cookies={**signed_in["cookies"], settings.CSRF_COOKIE_NAME: CSRF_SECRET},
        headers={"X-CSRFToken": CSRF_SECRET},
        checks=[not_a_server_error, status_code_conformance],
    )
