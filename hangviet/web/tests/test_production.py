"""The production path: health check, security headers, no inline scripts, deploy checks, replica routing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from hangviet.lib.replica import ReplicaRouter, reads_from_replica
from hangviet.orgs.tests.factories import World

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_reports_database_and_queue_to_anyone(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert set(body["queue"]) == {"waiting", "oldest_waiting_s", "running"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_scripts(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = client.get(reverse("orgs:detail", args=[world.vinh_long.pk]))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy


def test_no_template_holds_an_inline_script_or_event_handler() -> None:
    offenders = []
    for template in ROOT.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", text):
            offenders.append(f"{template.relative_to(ROOT)}: {match.group(0)}")
        for match in re.finditer(r"\son[a-z]+=\"", text):
            offenders.append(f"{template.relative_to(ROOT)}: {match.group(0)}")
    assert offenders == []


def test_check_deploy_passes_with_production_values(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "HANGVIET_DEBUG": "false",
        "HANGVIET_SECRET_KEY": "a-long-random-production-key-" + "x9" * 30,
        "HANGVIET_ALLOWED_HOSTS": "hangviet.example.vn",
        "HANGVIET_HSTS_SECONDS": "31536000",
        "HANGVIET_SSL_REDIRECT": "true",
        "HANGVIET_HSTS_PRELOAD": "true",
        "HANGVIET_BEHIND_PROXY": "true",
        "HANGVIET_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        "HANGVIET_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only, never in production
    if "sqlite" in env["DATABASE_URL"]:
        env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/postgres"
    done = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env={**env, "DJANGO_SETTINGS_MODULE": "hangviet.settings"},
        capture_output=True,
        text=True,
        cwd=ROOT.parent,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr and "issues" not in done.stdout.replace("no issues", "")


def test_reads_go_to_the_replica_only_inside_the_block_and_writes_never(settings) -> None:
    from hangviet.reporting.models import Report

    router = ReplicaRouter()
    settings.DATABASES = {**settings.DATABASES, "replica": {**settings.DATABASES["default"]}}
    assert router.db_for_read(Report) is None
    with reads_from_replica():
        assert router.db_for_read(Report) == "replica"
        assert router.db_for_write(Report) == "default"
    assert router.db_for_read(Report) is None
    del settings.DATABASES["replica"]
    with reads_from_replica():
        assert router.db_for_read(Report) is None  # no replica configured: default


def test_persistent_connections_are_health_checked() -> None:
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_sign_in_hashes_with_argon2id_at_owasp_cost_and_upgrades_older_hashes(settings, client: Client, db) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    import hangviet.settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS  # the suite itself uses a fast hash
    user = get_user_model().objects.create(
        username="cu", password=PBKDF2PasswordHasher().encode("mat-khau-cu-2020", "muoi-cu-2020")
    )
    response = client.post(reverse("web:login"), {"username": "cu", "password": "mat-khau-cu-2020"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$"), user.password
    client.logout()
    assert client.post(reverse("web:login"), {"username": "cu", "password": "mat-khau-cu-2020"}).status_code == 302
