"""Backup and restore of a whole hangviet: the database (pg_dump custom format, or SQLite's backup API) and every
stored file (through the storage API, so S3-compatible storage works too), with a manifest of checksums.

A backup is a directory: ``manifest.json``, ``database.dump`` (PostgreSQL) or ``database.sqlite3``, ``files/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connection
from django.utils import timezone

FORMAT_VERSION = 1
Say = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in Vietnamese."""


def _sha256(handle: Any) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def _pg_env(db: Mapping[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ, **({"PGPASSWORD": str(db["PASSWORD"])} if db.get("PASSWORD") else {})}
    return args, env


def _row_counts() -> dict[str, int]:
    counted = ("orgs.Organisation", "reporting.Report", "reporting.ReportValue", "plans.Task", "documents.Document")
    return {label: apps.get_model(label).objects.count() for label in counted}


def backup(target: Path, say: Say = print) -> dict[str, Any]:
    """Write a backup of the default database and storage into the new directory ``target``."""
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"Thư mục {target} đã có dữ liệu; hãy chọn một thư mục mới cho bản sao lưu.")
    target.mkdir(parents=True, exist_ok=True)
    db = settings.DATABASES["default"]
    engine = connection.vendor
    say("Đang sao lưu cơ sở dữ liệu…")
    if engine == "postgresql":
        args, env = _pg_env(db)
        done = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(target / "database.dump"), *args],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise BackupError(f"pg_dump không chạy được: {done.stderr.strip()}")
        database_file = "database.dump"
    elif engine == "sqlite":
        database_file = "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target / database_file) as copy:
            connection.connection.backup(copy)
        copy.close()
    else:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {engine}.")
    say("Đang sao lưu các tệp đã lưu…")
    files = []
    for name in _walk(default_storage):
        destination = target / "files" / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, destination.open("wb") as out:
            shutil.copyfileobj(source, out)
        with destination.open("rb") as copied:
            files.append({"name": name, "size": destination.stat().st_size, "sha256": _sha256(copied)})
    with (target / database_file).open("rb") as handle:
        database_sha = _sha256(handle)
    manifest = {
        "format": FORMAT_VERSION,
        "created": timezone.now().isoformat(),
        "engine": engine,
        "database_file": database_file,
        "database_sha256": database_sha,
        "migrations": _migrations(),
        "rows": _row_counts(),
        "files": files,
    }
    (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    say(f"Xong: cơ sở dữ liệu và {len(files)} tệp trong {target}.")
    return manifest


def _migrations() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations")
        return sorted(f"{app}.{name}" for app, name in cursor.fetchall())


def _read_manifest(source: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(f"{source} không phải bản sao lưu của hangviet (thiếu manifest.json).") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"Tệp manifest.json của {source} bị hỏng.") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError("Bản sao lưu được tạo bởi phiên bản hangviet khác, không khôi phục được.")
    return manifest


def _verify(source: Path, manifest: dict[str, Any]) -> None:
    with (source / manifest["database_file"]).open("rb") as handle:
        if _sha256(handle) != manifest["database_sha256"]:
            raise BackupError("Tệp cơ sở dữ liệu trong bản sao lưu bị hỏng (mã kiểm tra không khớp).")
    for entry in manifest["files"]:
        path = source / "files" / entry["name"]
        if not path.is_file():
            raise BackupError(f"Bản sao lưu thiếu tệp {entry['name']}.")
        with path.open("rb") as handle:
            if _sha256(handle) != entry["sha256"]:
                raise BackupError(f"Tệp {entry['name']} trong bản sao lưu bị hỏng (mã kiểm tra không khớp).")


def _target_is_empty() -> bool:
    tables = set(connection.introspection.table_names())
    for label in ("orgs_organisation", "auth_user", "reporting_report"):
        if label in tables:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(label)} LIMIT 1")
                if cursor.fetchone():
                    return False
    return True


def restore(source: Path, say: Say = print) -> dict[str, Any]:
    """Restore the backup in ``source`` into the (empty) default database and storage."""
    manifest = _read_manifest(source)
    say("Đang kiểm tra bản sao lưu…")
    _verify(source, manifest)
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"Bản sao lưu là của {manifest['engine']}, cơ sở dữ liệu đích là {connection.vendor}: không khôi phục được."
        )
    if not _target_is_empty():
        raise BackupError("Cơ sở dữ liệu đích đã có dữ liệu. Chỉ khôi phục vào một cơ sở dữ liệu trống.")
    say("Đang khôi phục cơ sở dữ liệu…")
    db = settings.DATABASES["default"]
    if connection.vendor == "postgresql":
        existing = bool(connection.introspection.table_names())
        connection.close()
        args, env = _pg_env(db)
        done = subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *(["--clean", "--if-exists"] if existing else []),
                *args,
                str(source / manifest["database_file"]),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise BackupError(f"pg_restore không chạy được: {done.stderr.strip()[:2000]}")
    else:
        connection.close()
        with sqlite3.connect(source / manifest["database_file"]) as backup_db, sqlite3.connect(db["NAME"]) as target:
            backup_db.backup(target)
    say("Đang khôi phục các tệp…")
    for entry in manifest["files"]:
        name = entry["name"]
        if default_storage.exists(name):
            default_storage.delete(name)
        with (source / "files" / name).open("rb") as handle:
            stored = default_storage.save(name, File(handle, name=name))
        if stored != name:
            raise BackupError(f"Không đặt lại được tệp {name} đúng tên cũ (kho lưu trữ đặt thành {stored}).")
    say(f"Xong: đã khôi phục cơ sở dữ liệu và {len(manifest['files'])} tệp.")
    return manifest
