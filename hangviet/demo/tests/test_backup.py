"""Backup and restore round trip: every report's values, every aggregate and every stored file come back."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting import actions

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the suite's SQLite database lives in memory"),
    pytest.mark.django_db(transaction=True),
]
HANGVIET = [sys.executable, "-c", "from hangviet.cli import main; main()"]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def reference(transactional_db: None) -> None:
    from hangviet.demo.reference import load_reference_data

    load_reference_data(only_if_missing=True)


def _url(name: str) -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _run(args: list[str], database: str, media: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": _url(database), "HANGVIET_MEDIA_ROOT": str(media)}
    return subprocess.run([*HANGVIET, *args], env=env, capture_output=True, text=True, timeout=300)


def _values(database: str, media: Path) -> list:
    script = (
        "import json; from hangviet.reporting.models import ReportValue as V; "
        "print(json.dumps(sorted([v.report.organisation.name, v.report.period.code, v.report.status, "
        "v.indicator.code, str(v.value)] for v in V.objects.select_related('report__organisation', "
        "'report__period', 'indicator'))))"
    )
    done = _run(["shell", "--verbosity", "0", "-c", script], database, media)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _checksums(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def test_a_backup_restores_into_an_empty_database_with_every_value_total_and_file(
    reference: None, world: World, tmp_path: Path
) -> None:
    period = Period.objects.for_code("2026-H1")
    for organisation, sessions in ((world.vl_trade, 12), (world.vl_commune, 30), (world.vl_health, 7)):
        report = actions.open_report(organisation, period, acting_user=None)
        actions.save_report(
            report, values={"propaganda_sessions": D(sessions)}, expected_version=report.version, acting_user=None
        )
        actions.add_attachment(report, SimpleUploadedFile(f"ban-ky-{sessions}.pdf", PDF), acting_user=None)
        if sessions != 7:
            actions.submit_report(report, acting_user=None)
            actions.accept_report(report, acting_user=world.vl_office)
    source_db = connection.settings_dict["NAME"]
    media = Path(settings.MEDIA_ROOT)
    backup_dir = tmp_path / "backup"
    done = _run(["backup", str(backup_dir)], source_db, media)
    assert done.returncode == 0, done.stderr
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert len(manifest["files"]) == len(_checksums(media)) >= 3

    restored_db = f"{source_db}_restored"
    restored_media = tmp_path / "restored-media"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored_db}"')
        cursor.execute(f'CREATE DATABASE "{restored_db}"')
    try:
        done = _run(["restore", str(backup_dir)], restored_db, restored_media)
        assert done.returncode == 0, done.stderr
        assert _values(restored_db, restored_media) == _values(source_db, media)
        totals = [
            _run(["aggregate", "--unit", "Tỉnh Vĩnh Long", "--period", "2026-H1", "--format", "json"], db, m).stdout
            for db, m in ((source_db, media), (restored_db, restored_media))
        ]
        assert totals[0] == totals[1] and '"propaganda_sessions"' in totals[0]
        assert _checksums(restored_media) == _checksums(media)
        again = _run(["restore", str(backup_dir)], restored_db, restored_media)  # never over existing data
        assert again.returncode != 0 and "đã có dữ liệu" in again.stderr
    finally:
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored_db}" WITH (FORCE)')


def test_a_damaged_backup_is_refused_with_its_reason(reference: None, tmp_path: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    done = _run(["restore", str(tmp_path)], connection.settings_dict["NAME"], media)
    assert done.returncode != 0 and "manifest.json" in done.stderr
