"""A small fixed-window rate limiter on Django's cache, for the public (anonymous) endpoints.

``hit(key, limit, window_seconds)`` counts one request under ``key`` and says whether it is still within
``limit`` requests in the current window. Keys are hashed, so an IP address never sits in the cache as is.
The cache must be shared by the web processes (a database or Redis cache in production); with the default
local-memory cache each process counts on its own, which only loosens the bound.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache

PREFIX = "hv-rl:"


def _cache_key(key: str, window_seconds: int, now: float) -> str:
    window = int(now // window_seconds)
    digest = hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:32]
    return f"{PREFIX}{window_seconds}:{window}:{digest}"


def hit(key: str, limit: int, window_seconds: int) -> bool:
    """Count one request under ``key``; ``True`` while at most ``limit`` were made in this window."""
    if limit <= 0 or window_seconds <= 0:
        return False
    cache_key = _cache_key(key, window_seconds, time.time())
    if cache.add(cache_key, 1, timeout=window_seconds + 1):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window_seconds + 1)
        count = 1
    return count <= limit


def client_ip(meta: dict[str, object]) -> str:
    """The caller's address as the server saw it (REMOTE_ADDR; a proxy must set it, not a header we trust)."""
    return str(meta.get("REMOTE_ADDR") or "unknown")
