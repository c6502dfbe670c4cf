"""One small fixed-window rate limiter on Django's cache, for the public (anonymous) endpoints.

``hit(key, limit, window_seconds)`` counts one request under ``key`` and says whether it is still within ``limit``
requests in the current window; ``hit_request(scope, request, limit=…)`` does it for a scope and the client's
address. Keys are hashed, so an address never sits in the cache as is. The client's address is REMOTE_ADDR, or
behind the proxies the settings declare the address the nearest proxy saw (what the client wrote further left is
ignored). The cache must be shared by the web processes (a database or Redis cache in production); with the default
local-memory cache each process counts on its own, which only loosens the bound.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

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


def client_ip(meta: Mapping[str, object]) -> str:
    """The client's address from a request's META: REMOTE_ADDR, or behind ``AXES_IPWARE_PROXY_COUNT`` proxies (when
    ``SECURE_PROXY_SSL_HEADER`` says there are proxies) the X-Forwarded-For hop the nearest proxy saw."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        hops = [hop.strip() for hop in str(meta.get("HTTP_X_FORWARDED_FOR", "")).split(",") if hop.strip()]
        proxies = int(getattr(settings, "AXES_IPWARE_PROXY_COUNT", 1) or 1)
        if hops:
            return hops[-min(proxies, len(hops))][:64]
    return str(meta.get("REMOTE_ADDR") or "unknown")[:64]


def client_address(request: HttpRequest) -> str:
    return client_ip(request.META)


def hit_request(scope: str, request: HttpRequest, *, limit: int, window: int = 60) -> bool:
    """Count one hit of ``request``'s client on ``scope``; ``False`` when it is over ``limit`` in this window."""
    return hit(f"{scope}:{client_address(request)}", limit, window)
