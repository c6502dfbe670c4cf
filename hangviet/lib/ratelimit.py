"""A small per-client rate limit on Django's cache: at most ``limit`` hits per ``window`` seconds per key.

Generic (any public endpoint may use it): the key is a scope name and the client's address
(``client_address``: REMOTE_ADDR, or behind the proxies ``HANGVIET_BEHIND_PROXY`` declares the address the nearest
one saw). Fixed windows: the counter lives in the cache for one window; a shared cache (Redis, database) makes the
limit hold across processes, the default local-memory cache per process.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind ``HANGVIET_PROXY_COUNT`` proxies the X-Forwarded-For hop the
    nearest proxy saw (the ones further left are whatever the client wrote)."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        hops = [hop.strip() for hop in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",") if hop.strip()]
        proxies = int(getattr(settings, "AXES_IPWARE_PROXY_COUNT", 1) or 1)
        if hops:
            return hops[-min(proxies, len(hops))][:64]
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


def hit(scope: str, request: HttpRequest, *, limit: int, window: int = 60) -> bool:
    """Count one hit of ``request``'s client on ``scope``; ``False`` when it is over ``limit`` in this window."""
    bucket = int(time.time() // window)
    key = f"ratelimit:{scope}:{client_address(request)}:{bucket}"
    if cache.add(key, 1, timeout=window + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        return True
    return count <= limit
