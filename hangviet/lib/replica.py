"""Heavy read-only pages read from a PostgreSQL replica when one is configured (``DATABASE_REPLICA_URL``).

A view wraps its reads in ``reads_from_replica()`` (or is decorated with it); inside, the router sends reads to
the ``replica`` alias; writes always go to ``default``, and without a replica everything uses ``default``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings

_reading_replica: ContextVar[bool] = ContextVar("hangviet_reads_from_replica", default=False)
REPLICA = "replica"


@contextmanager
def reads_from_replica() -> Iterator[None]:
    """Inside this block (or a view decorated with it), reads go to the replica if there is one."""
    token = _reading_replica.set(True)
    try:
        yield
    finally:
        _reading_replica.reset(token)


class ReplicaRouter:
    """Reads inside ``reads_from_replica()`` go to the replica; everything else to ``default``."""

    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if _reading_replica.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model: type, **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db == "default"
