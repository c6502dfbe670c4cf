"""Test helpers for documents."""

from __future__ import annotations

from hangviet.documents import actions
from hangviet.documents.compose import PLACEHOLDER
from hangviet.documents.models import Document


def finish(document: Document) -> Document:
    """Save a version of the draft without the placeholder lines, as a clerk does before issuing it."""
    latest = document.latest
    assert latest is not None
    blocks = [block for block in latest.blocks if PLACEHOLDER not in block["text"]]
    if blocks != latest.blocks:
        actions.save_version(document, blocks, base_version=latest.number, acting_user=None)
    return document
