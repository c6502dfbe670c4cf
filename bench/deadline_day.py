"""Deadline day (issue: proof and production): 500 reporters sign in, save and submit within one minute.

Builds its own PostgreSQL database (dropped and rebuilt: never point it at real data), starts gunicorn with 4
workers on a loopback port, and drives 500 reporters concurrently (asyncio over a pool of HTTP sessions,
bounded to CONCURRENCY at a time, every request to 127.0.0.1 only). Each reporter signs in through the real
login form, then PUTs its values with submit=true to the API (session + CSRF). Afterwards the database is
checked: every report submitted exactly once with the values sent.

    .venv/bin/python bench/deadline_day.py

Timed: the save-and-submit request (what a clerk waits for on deadline day); sign-in is reported beside it
(mostly the password hash: Argon2id at OWASP's cost, hangviet/lib/hashers.py). Last line:
{"submissions": 500, "p50_ms": ..., "p95_ms": ..., "errors": 0, "lost": 0, "duplicated": 0, ...}

    .venv/bin/python bench/deadline_day.py --readers 6

adds six central-office users reloading the national consolidated table for the whole window (issue 14: the
submissions' p95 must not move); their page times are reported beside it (``reader_p50_ms``, ``reader_p95_ms``).
``--pause-ms 1000`` makes each of them wait a second between reloads (without it they reload back to back).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "hangviet_bench_deadline"
URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")
os.environ["HANGVIET_LOG_LEVEL"] = "ERROR"
REPORTERS = 500
CONCURRENCY = 25
PORT = 8690
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "bench-deadline-2026"
WINDOW_S = 60


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build() -> tuple[list[tuple[str, int, int]], str]:
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from hangviet.demo.reference import load_reference_data
    from hangviet.orgs.models import Organisation, UserRole
    from hangviet.orgs.tests.factories import current_province, make_committee
    from hangviet.periods.models import Period
    from hangviet.reporting import actions

    call_command("migrate", verbosity=0)
    load_reference_data()
    central = make_committee(current_province("86").parent, None)
    province = make_committee(current_province("86"), central)
    period = Period.objects.for_code("2026-H1")
    hashed = make_password(PASSWORD)  # one hash for all: building 500 users must not take minutes
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"sct{i:03d}", password=hashed) for i in range(REPORTERS)
    )
    agencies = Organisation.objects.bulk_create(
        Organisation(kind="agency", name=f"Cơ quan {i:03d}", unit=province.unit, parent=province, sector="trade")
        for i in range(REPORTERS)
    )
    UserRole.objects.bulk_create(
        UserRole(user=user, organisation=agency, role=UserRole.Role.CLERK, valid_from="2023-01-01")
        for user, agency in zip(users, agencies, strict=True)
    )
    office = get_user_model().objects.create(username="tw.thuongtruc", password=hashed)
    UserRole.objects.create(user=office, organisation=central, role=UserRole.Role.STANDING_OFFICE)
    from django.urls import reverse

    table_path = reverse("consolidation:table", args=[central.pk, period.code])
    reporters = []
    for user, agency in zip(users, agencies, strict=True):
        report = actions.open_report(agency, period, acting_user=None)
        reporters.append((user.username, report.pk, report.version))
    from django.db import connections

    connections.close_all()
    return reporters, table_path


def signed_in(username: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{BASE}/dang-nhap/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    session.post(
        f"{BASE}/dang-nhap/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1) if token else ""},
        headers={"Referer": f"{BASE}/dang-nhap/"},
        timeout=30,
    )
    return session


def reader(table_path: str, stop: threading.Event, times: list[float], pause_s: float = 0.0) -> None:
    """A central-office user reloading the national table until the submissions are done (bounded), waiting
    ``pause_s`` between reloads (0: back to back, the worst case)."""
    session = signed_in("tw.thuongtruc")
    deadline = time.perf_counter() + WINDOW_S * 5
    while not stop.is_set() and time.perf_counter() < deadline:
        started = time.perf_counter()
        response = session.get(f"{BASE}{table_path}", timeout=30)
        if response.status_code != 200:
            raise RuntimeError(f"national table: HTTP {response.status_code}")
        times.append((time.perf_counter() - started) * 1000)
        stop.wait(pause_s)


def reporter_round(username: str, report_id: int, version: int) -> dict[str, object]:
    session = requests.Session()
    started = time.perf_counter()
    page = session.get(f"{BASE}/dang-nhap/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    login = session.post(
        f"{BASE}/dang-nhap/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1) if token else ""},
        headers={"Referer": f"{BASE}/dang-nhap/"},
        timeout=30,
    )
    signed_in = time.perf_counter()
    sessions = int(username[3:]) % 50 + 1
    body = {
        "version": version,
        "submit": True,
        "values": {"propaganda_sessions": sessions, "propaganda_participants": sessions * 40, "banners": 3},
    }
    saved = session.put(
        f"{BASE}/api/reports/{report_id}/values",
        data=json.dumps(body),
        headers={"Content-Type": "application/json", "X-CSRFToken": session.cookies.get("csrftoken", "")},
        timeout=30,
    )
    done = time.perf_counter()
    return {
        "ok": login.ok and saved.status_code == 200,
        "status": saved.status_code,
        "login_ms": (signed_in - started) * 1000,
        "save_ms": (done - signed_in) * 1000,
        "sessions": sessions,
        "report": report_id,
    }


async def deadline_day(reporters: list[tuple[str, int, int]]) -> tuple[list[dict[str, object]], float]:
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(reporter: tuple[str, int, int]) -> dict[str, object]:
        async with gate:
            return await asyncio.to_thread(reporter_round, *reporter)

    started = time.perf_counter()
    results = await asyncio.wait_for(
        asyncio.gather(*(one(r) for r in reporters)), timeout=WINDOW_S * 5
    )  # bounded: the run stops by itself
    return list(results), time.perf_counter() - started


def check_database(results: list[dict[str, object]]) -> tuple[int, int]:
    from hangviet.audit.models import AuditEvent
    from hangviet.reporting.models import Report, ReportValue

    expected = {r["report"]: r["sessions"] for r in results}
    lost = 0
    for report in Report.objects.filter(pk__in=expected):
        value = ReportValue.objects.filter(report=report, indicator__code="propaganda_sessions").first()
        if report.status != Report.Status.SUBMITTED or value is None or value.value != expected[report.pk]:
            lost += 1
    submitted_events = AuditEvent.objects.filter(action="report.submitted").count()
    duplicated = max(0, submitted_events - len(expected))
    return lost, duplicated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--readers", type=int, default=0, help="central users reloading the national table")
    parser.add_argument("--pause-ms", type=int, default=0, help="each reader's pause between reloads")
    arguments = parser.parse_args()
    reporters, table_path = build()
    log(f"built {len(reporters)} reporters")
    env = {
        **os.environ,
        "HANGVIET_DEBUG": "false",
        "HANGVIET_SECRET_KEY": "bench-deadline-day-key-not-for-production-0123456789",
        "HANGVIET_ALLOWED_HOSTS": "127.0.0.1",
        "HANGVIET_SECURE_COOKIES": "false",
        "HANGVIET_STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "HANGVIET_BIND": f"127.0.0.1:{PORT}",
        "HANGVIET_WEB_WORKERS": "4",
        "HANGVIET_LOGIN_FAILURE_LIMIT": "1000",
    }
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "hangviet.wsgi"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(120):
            try:
                if requests.get(f"{BASE}/healthz", timeout=2).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.5)
        stop, read_times = threading.Event(), list[float]()
        readers = [
            threading.Thread(target=reader, args=(table_path, stop, read_times, arguments.pause_ms / 1000))
            for _ in range(arguments.readers)
        ]
        for thread in readers:
            thread.start()
        try:
            results, elapsed = asyncio.run(deadline_day(reporters))
        finally:
            stop.set()
            for thread in readers:
                thread.join(timeout=60)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    lost, duplicated = check_database(results)
    saves = sorted(float(r["save_ms"]) for r in results)  # type: ignore[arg-type]
    logins = sorted(float(r["login_ms"]) for r in results)  # type: ignore[arg-type]
    print(
        json.dumps(
            {
                "submissions": sum(bool(r["ok"]) for r in results),
                "p50_ms": round(statistics.median(saves), 1),
                "p95_ms": round(saves[int(len(saves) * 0.95) - 1], 1),
                "errors": sum(not r["ok"] for r in results),
                "lost": lost,
                "duplicated": duplicated,
                "elapsed_s": round(elapsed, 1),
                "login_p50_ms": round(statistics.median(logins), 1),
                "login_p95_ms": round(logins[int(len(logins) * 0.95) - 1], 1),
                "concurrency": CONCURRENCY,
                "web_workers": 4,
                "readers": arguments.readers,
                "reader_pause_ms": arguments.pause_ms,
                "reader_pages": len(read_times),
                "reader_p50_ms": round(statistics.median(read_times), 1) if read_times else None,
                "reader_p95_ms": round(sorted(read_times)[int(len(read_times) * 0.95) - 1], 1) if read_times else None,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
