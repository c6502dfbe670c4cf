"""Stored files and database rows stay together: a file written by a change that fails is removed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from django.db.models.fields.files import FieldFile


@contextmanager
def discard_on_rollback(field_file: FieldFile) -> Iterator[None]:
    """Remove the file stored through ``field_file`` if the block raises.

    Storage is not transactional: a file saved before its row commits would otherwise stay behind with no row
    pointing at it when the transaction rolls back. Put the file save, the row save and everything else
    that can still fail in the block (inside the action's ``transaction.atomic``), so that a failure rolls
    back the row and deletes the file together.
    """
    try:
        yield
    except BaseException:
        if field_file.name:
            with suppress(OSError):
                field_file.storage.delete(field_file.name)
        raise
