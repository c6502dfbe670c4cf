"""Audit log. ``record(...)`` is the one way to write to it, inside the caller's transaction."""
